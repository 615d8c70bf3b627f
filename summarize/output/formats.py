"""The output formats a brief can be written in, and which one a file name asks for. Light: the
renderers are imported only when a brief is rendered, so the CLI can list the formats at once."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..records import Brief

FORMATS = ("markdown", "json", "html")
FORMAT_OF_SUFFIX = {".json": "json", ".html": "html", ".htm": "html"}


# Names a markdown brief is expected under; written under any other (brief.pdf), the CLI says it is markdown.
MARKDOWN_SUFFIXES = frozenset({"", ".md", ".markdown", ".txt", ".text"})


def format_surprises(path: PurePath | str, output_format: str) -> bool:
    """Whether a reader would not guess `output_format` from the file's name: JSON under brief.html,
    markdown under brief.pdf or brief.docx."""
    suffix = PurePath(path).suffix.lower()
    return output_format != format_for_path(path) or (output_format == "markdown" and suffix not in MARKDOWN_SUFFIXES)


def format_for_path(path: PurePath | str) -> str:
    """The format a file name asks for by its extension (.json, .html or .htm), else markdown."""
    return FORMAT_OF_SUFFIX.get(PurePath(path).suffix.lower(), "markdown")


def render_as(brief: Brief, output_format: str) -> str:
    """The brief as text in `output_format` (one of FORMATS)."""
    if output_format == "html":
        from .html import to_html

        return to_html(brief)
    from .render import to_json, to_markdown

    if output_format == "json":
        return to_json(brief)
    if output_format == "markdown":
        return to_markdown(brief)
    raise ValueError(f"unknown output format {output_format!r}; one of {', '.join(FORMATS)}")
