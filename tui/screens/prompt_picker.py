"""`p`: how the brief is sectioned: a shipped prompt, one's own prompt file, a focus question, or none."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Region
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from summarize.sections.prompts import Prompt

from ..plain import one_line
from ..widgets.wrapped_list import WrappedOptionList

# What the picker returns besides "prompt:<name>" for a shipped prompt.
FROM_FILE, FOCUS, PLAIN = "file", "focus", "plain"


def prompt_key(prompt: Prompt) -> str:
    return f"prompt:{prompt.name}"


MARK, INDENT = "● ", "  "  # the current entry's mark; every other line of an entry sits under its text


def prompt_option(prompt: Prompt, current: bool, width: int | None = None) -> Option:
    sections = one_line(" · ".join(section.title for section in prompt.sections))
    title = Content.assemble((one_line(prompt.title), "bold"), (f"  {sections}", "$text-accent"))
    description = Content.styled(one_line(prompt.description), "$text-muted")
    return Option(entry(current, [title, description], width), id=prompt_key(prompt))


def other_option(key: str, title: str, description: str, current: bool, width: int | None = None) -> Option:
    line = Content.assemble((title, "bold"), ("  " + description, "$text-muted"))
    return Option(entry(current, [line], width), id=key)


def entry(current: bool, lines: list[Content], width: int | None) -> Content:
    """The entry's `lines` after its mark, each wrapped at `width` under the first one's text (a
    hanging indent: a wrapped line at the margin read as the start of another entry)."""
    wrapped = [part for line in lines for part in (line.wrap(width - len(INDENT)) if width else [line])]
    mark = Content.styled(MARK if current else INDENT, "$text-accent")
    return Content("\n" + INDENT).join([mark + wrapped[0], *wrapped[1:]])


class PromptList(WrappedOptionList):
    """The picker's entries, built again at each text width so that their wrapped lines keep the
    hanging indent (Textual's own wrapping starts them at the margin)."""

    def __init__(self, entries: Callable[[int | None], list[Option]], *, id: str) -> None:
        super().__init__(*entries(None), id=id)
        self.entries, self.entries_width = entries, 0

    def render_lines(self, crop: Region) -> list[Strip]:
        padding = self.get_component_styles("option-list--option").padding.width
        width = self.scrollable_content_region.width - padding  # narrower once a scrollbar shows
        if width > len(INDENT) and width != self.entries_width:
            self.entries_width = width
            self.call_after_refresh(self._build_entries, width)
        return super().render_lines(crop)

    def _build_entries(self, width: int) -> None:
        if width == self.entries_width:  # not outdated by another width since
            highlighted = self.highlighted
            self.set_options(self.entries(width))
            self.highlighted = highlighted


class PromptPicker(ModalScreen[str | None]):
    """Returns the chosen entry's key: `prompt:<name>`, FROM_FILE, FOCUS or PLAIN; None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,p", "cancel", "Cancel", id="cancel-prompt-pick", tooltip="Keep the brief as it is")
    ]

    def __init__(self, prompts: tuple[Prompt, ...], current: str) -> None:
        super().__init__()
        self.prompts, self.current = prompts, current

    def entries(self, width: int | None) -> list[Option]:
        return [
            *(prompt_option(prompt, prompt_key(prompt) == self.current, width) for prompt in self.prompts),
            other_option(FROM_FILE, "Prompt from file…", "your own .md prompt", self.current == FROM_FILE, width),
            other_option(FOCUS, "Focus on a question…", "only what answers it", self.current == FOCUS, width),
            other_option(PLAIN, "Plain brief", "no sections", self.current == PLAIN, width),
        ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content.styled("Brief in sections", "bold"), id="dialog-title")
            yield PromptList(self.entries, id="picker")
            yield Static(Content.styled("Enter chooses · Escape cancels", "$text-muted"), id="dialog-hint")

    def on_mount(self) -> None:
        picker = self.query_one("#picker", OptionList)
        keys = [option.id for option in picker.options]
        picker.highlighted = keys.index(self.current) if self.current in keys else 0
        picker.focus()

    @on(OptionList.OptionSelected, "#picker")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
