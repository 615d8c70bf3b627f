"""Pick one of the sources (to remove it)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from summarize.records import Document

from ..widgets.source_list import source_prompt
from ..widgets.wrapped_list import WrappedOptionList

# The highlighted row's mark: the highlight's colour alone is not seen without colour (NO_COLOR, a
# monochrome terminal, a screen reader's text).
POINTER, NO_POINTER = "> ", "  "


class SourcePicker(ModalScreen[int | None]):
    """Choose one of the sources (to remove it); returns its index."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel-pick")]

    def __init__(self, title: str, documents: tuple[Document, ...], selected: int = 0) -> None:
        super().__init__()
        self.title_text, self.documents, self.selected = title, documents, selected

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content.styled(self.title_text, "bold"), id="dialog-title")
            first = min(self.selected, len(self.documents) - 1)  # highlighted on mount (no event if it is 0)
            yield WrappedOptionList(*(Option(self.row(i, i == first)) for i in range(len(self.documents))), id="picker")
            yield Static(Content.styled("Enter chooses · Escape cancels", "$text-muted"), id="dialog-hint")

    def on_mount(self) -> None:
        picker = self.query_one("#picker", OptionList)
        picker.highlighted = min(self.selected, len(self.documents) - 1)
        picker.focus()

    def row(self, index: int, highlighted: bool) -> Content:
        mark = Content.styled(POINTER, "bold $text-accent") if highlighted else Content(NO_POINTER)
        return mark + source_prompt(index, self.documents[index], None)

    @on(OptionList.OptionHighlighted, "#picker")
    def _mark(self, event: OptionList.OptionHighlighted) -> None:
        picker = event.option_list
        for index in range(picker.option_count):
            marked = picker.get_option_at_index(index).prompt
            if isinstance(marked, Content) and marked.plain.startswith(POINTER) != (index == event.option_index):
                picker.replace_option_prompt_at_index(index, self.row(index, index == event.option_index))

    @on(OptionList.OptionSelected, "#picker")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
