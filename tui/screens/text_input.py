"""The one-line text dialog (a budget, a path, a question), with file-path completion. Not a
prompt: "prompt" is a prompts/*.md file; this asks for any line of text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static

from ..plain import ControlsAsSpaces, one_line, printable

Check = Callable[[str], "str | None"]  # returns why the value is unusable, or None


class PathSuggester(Suggester):
    """Completes the last part of a path from the file system, as a shell does (→ accepts)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        folder_text, _, stem = value.rpartition("/")
        folder = Path(folder_text or ("/" if value.startswith("/") else ".")).expanduser()
        try:
            found = sorted((p for p in folder.iterdir() if p.name.startswith(stem)), key=lambda p: p.name)
            names = [p.name + ("/" if p.is_dir() else "") for p in found]
        except OSError:
            return None
        visible = [name for name in names if not name.startswith(".") or stem.startswith(".")]
        return value + visible[0][len(stem) :] if visible else None


class InOrderInput(Input):
    """Textual's Input types a character as its key arrives but runs an editing key (backspace,
    ctrl+u, Enter: its bindings) only once the key has bubbled up to the app. Keys that arrive in
    one burst (a loaded machine, a macro, tmux send-keys) were applied out of order: Enter
    submitted before the text typed ahead of it (Textualize/textual#6605). Here its own bindings
    run as their key arrives, in turn with the characters."""

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                if not binding.priority and await self.app.run_action(binding.action, self):
                    event.stop()
                    event.prevent_default()
                    return
        await super()._on_key(event)


class TextInputScreen(ModalScreen[str | None]):
    """Ask for one line of text. A `check` that finds a problem keeps the dialog open and notifies."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel-input", tooltip="Close without doing anything")
    ]

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        placeholder: str = "",
        hint: str = "",
        check: Check | None = None,
        complete_paths: bool = False,
    ) -> None:
        super().__init__()
        self.title_text, self.value, self.placeholder, self.hint = title, value, placeholder, hint
        self.check = check
        self.complete_paths = complete_paths

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content.styled(one_line(self.title_text), "bold"), id="dialog-title")
            yield InOrderInput(  # a pasted or given value may hold control characters: shown as spaces
                self.value,
                placeholder=self.placeholder,
                id="text-input",
                highlighter=ControlsAsSpaces(),
                suggester=PathSuggester() if self.complete_paths else None,
                select_on_focus=True,
            )
            yield Static(Content.styled(printable(self.hint), "$text-muted"), id="dialog-hint")
            yield Static(id="dialog-error")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.check(event.value) if self.check else None
        if problem:
            self.query_one("#dialog-error", Static).update(Content.styled(printable(problem), "$text-error"))
            self.notify(problem, severity="error", markup=False)
            return
        self.dismiss(event.value)

    @on(Input.Changed)
    def _forget_problem(self, event: Input.Changed) -> None:
        """The problem shown was the last value's: once the value changes, it no longer applies."""
        self.query_one("#dialog-error", Static).update("")

    def action_cancel(self) -> None:
        self.dismiss(None)
