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


class SourcePicker(ModalScreen[int | None]):
    """Choose one of the sources (to remove it); returns its index."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel-pick")]

    def __init__(self, title: str, documents: tuple[Document, ...], selected: int = 0) -> None:
        super().__init__()
        self.title_text, self.documents, self.selected = title, documents, selected

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content.styled(self.title_text, "bold"), id="dialog-title")
            yield WrappedOptionList(
                *(Option(source_prompt(i, d, None)) for i, d in enumerate(self.documents)), id="picker"
            )
            yield Static(Content.styled("Enter chooses · Escape cancels", "$text-muted"), id="dialog-hint")

    def on_mount(self) -> None:
        picker = self.query_one("#picker", OptionList)
        picker.highlighted = min(self.selected, len(self.documents) - 1)
        picker.focus()

    @on(OptionList.OptionSelected, "#picker")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
