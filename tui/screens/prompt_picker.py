"""`p`: how the brief is sectioned: a shipped prompt, one's own prompt file, a focus question, or none."""

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

from summarize.sections.prompts import Prompt

from ..plain import one_line
from ..widgets.wrapped_list import WrappedOptionList

# What the picker returns besides "prompt:<name>" for a shipped prompt.
FROM_FILE, FOCUS, PLAIN = "file", "focus", "plain"


def prompt_key(prompt: Prompt) -> str:
    return f"prompt:{prompt.name}"


def prompt_option(prompt: Prompt, current: bool) -> Option:
    sections = one_line(" · ".join(section.title for section in prompt.sections))
    return Option(
        Content.assemble(
            ("● " if current else "  ", "$text-accent"),
            (one_line(prompt.title), "bold"),
            (f"  {sections}", "$text-accent"),
            "\n  ",
            (one_line(prompt.description), "$text-muted"),
        ),
        id=prompt_key(prompt),
    )


def other_option(key: str, title: str, description: str, current: bool) -> Option:
    return Option(
        Content.assemble(
            ("● " if current else "  ", "$text-accent"), (title, "bold"), ("  " + description, "$text-muted")
        ),
        id=key,
    )


class PromptPicker(ModalScreen[str | None]):
    """Returns the chosen entry's key: `prompt:<name>`, FROM_FILE, FOCUS or PLAIN; None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,p", "cancel", "Cancel", id="cancel-prompt-pick", tooltip="Keep the brief as it is")
    ]

    def __init__(self, prompts: tuple[Prompt, ...], current: str) -> None:
        super().__init__()
        self.prompts, self.current = prompts, current

    def compose(self) -> ComposeResult:
        options = [prompt_option(prompt, prompt_key(prompt) == self.current) for prompt in self.prompts]
        options += [
            other_option(FROM_FILE, "Prompt from file…", "your own .md prompt", self.current == FROM_FILE),
            other_option(FOCUS, "Focus on a question…", "only what answers it", self.current == FOCUS),
            other_option(PLAIN, "Plain brief", "no sections", self.current == PLAIN),
        ]
        with Vertical(id="dialog"):
            yield Label(Content.styled("Brief in sections", "bold"), id="dialog-title")
            yield WrappedOptionList(*options, id="picker")
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
