"""Small modal dialogs: ask for a value (with file-path completion), confirm, or pick a source."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from summarize.atomic import check_output_path
from summarize.documents import article_paths
from summarize.records import Document, SummarizeError

from ..plain import ControlsAsSpaces, one_line, printable
from ..widgets.source_list import source_prompt
from ..widgets.wrapped_list import WrappedOptionList

Check = Callable[[str], "str | None"]  # returns why the value is unusable, or None
MAX_WORDS = 10_000


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


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text. A `check` that finds a problem keeps the dialog open and notifies."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel-prompt", tooltip="Close without doing anything")]

    def __init__(
        self, title: str, value: str = "", *, placeholder: str = "", hint: str = "",
        check: Check | None = None, complete_paths: bool = False,
    ) -> None:
        super().__init__()
        self.title_text, self.value, self.placeholder, self.hint = title, value, placeholder, hint
        self.check = check
        self.complete_paths = complete_paths

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content.styled(one_line(self.title_text), "bold"), id="dialog-title")
            yield Input(  # a pasted or given value may hold control characters: shown as spaces
                self.value, placeholder=self.placeholder, id="prompt-input", highlighter=ControlsAsSpaces(),
                suggester=PathSuggester() if self.complete_paths else None, select_on_focus=True,
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

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: str, yes: str = "Yes") -> None:
        super().__init__()
        self.question, self.yes = question, yes

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content.styled(printable(self.question), "bold"), id="dialog-title")
            with Horizontal(id="dialog-buttons"):
                yield Button(f"{self.yes} (y)", variant="warning", id="yes")
                yield Button("Cancel (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class SourcePicker(ModalScreen[int | None]):
    """Choose one of the sources (to remove it); returns its index."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel-pick")]

    def __init__(self, title: str, documents: tuple[Document, ...], selected: int = 0) -> None:
        super().__init__()
        self.title_text, self.documents, self.selected = title, documents, selected

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content.styled(self.title_text, "bold"), id="dialog-title")
            yield WrappedOptionList(*(Option(source_prompt(i, d, None)) for i, d in enumerate(self.documents)), id="picker")
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


# --- checks of what is typed: each returns why the value is unusable, or None ----------------


def check_words(value: str) -> str | None:
    try:
        words = int(value.strip())
    except ValueError:
        return f"“{value}” is not a whole number of words."
    if not 1 <= words <= MAX_WORDS:
        return f"The budget must be between 1 and {MAX_WORDS} words, not {words}."
    return None


def expand(value: str) -> str:
    """A typed path with `~` expanded; web addresses stay as they are."""
    value = value.strip()
    return str(Path(value).expanduser()) if value.startswith("~") else value


def check_input(value: str) -> str | None:
    if value.strip() == "-":
        return "The TUI cannot read standard input (-): save it to a file and open that."
    return None


def check_article_path(value: str) -> str | None:
    """Why a typed input cannot be read (checked before the dialog closes), or None."""
    if not value.strip():
        return "Type the path of an article or a folder, or a web address."
    try:
        article_paths([expand(value)])  # local paths only: web addresses are checked when fetched
    except SummarizeError as error:
        return str(error)
    return check_input(value)


def identity(document: Document) -> str:
    """What makes two documents the same input: the real path of a file, else its name or URL."""
    return os.path.realpath(document.path) if os.path.exists(document.path) else document.path


def check_export_path(value: str, documents: tuple[Document, ...]) -> str | None:
    """Why the brief cannot be written to `value`, or None (the rule `summarize brief -o` follows)."""
    if not value.strip():
        return "Type a file name."
    if value.strip() == "-":  # the shell's word for standard output, which the app draws on
        return "Type a file name (- is standard output, which the app is using)."
    path = Path(value.strip()).expanduser()
    try:
        check_output_path(path, [document.path for document in documents])
    except SummarizeError as error:
        return str(error)
    if path.exists() and not path.is_file():  # a named pipe would freeze the app until read
        return f"{path} is not a regular file; type a file name."
    return None
