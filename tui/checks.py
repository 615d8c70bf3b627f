"""What a dialog checks before it closes: each check returns why a typed value is unusable (one
line, shown in the dialog), or None. A value that passes is what the core will accept."""

from __future__ import annotations

from pathlib import Path

from summarize.inputs.documents import article_paths
from summarize.output.atomic import check_output_path
from summarize.records import MAX_WORDS, Document, SummarizeError
from summarize.sections.prompts import focus_prompt, load_prompt


def check_words(value: str) -> str | None:
    try:
        words = int(value.strip())
    except ValueError:
        return f"“{value}” is not a whole number of words."
    if not 1 <= words <= MAX_WORDS:
        return f"The budget must be between 1 and {MAX_WORDS:,} words, not {words:,}."
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


def check_prompt_file(value: str) -> str | None:
    """Why `value` names no usable prompt (a file with a mistake, a missing file), or None."""
    if not value.strip():
        return "Type the path of a prompt file (.md), or the name of a shipped prompt."
    try:
        load_prompt(expand(value))
    except SummarizeError as error:
        return str(error)
    return None


def check_focus(value: str) -> str | None:
    try:
        focus_prompt(value)
    except SummarizeError:
        return "Type a question, such as “How did Russia respond?”."
    return None
