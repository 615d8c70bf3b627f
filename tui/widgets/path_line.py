"""A line of muted text that ends with a file path: the path is never wrapped mid-name. When the line
does not fit, the path is shortened in its middle ("/home/me/…/news/storm.txt"), keeping its start
and its file name, on a line of its own."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ..plain import one_line

ELLIPSIS = "…"
SEPARATOR = " · "


def middle_cut(path: str, width: int) -> str:
    """`path` in at most `width` columns, cut in its middle; its end (the file name) gets two thirds."""
    if len(path) <= width:
        return path
    if width <= len(ELLIPSIS):
        return path[-width:] if width > 0 else ""
    tail = (width - len(ELLIPSIS)) * 2 // 3 or 1
    head = width - len(ELLIPSIS) - tail
    return path[:head] + ELLIPSIS + path[-tail:]


def fitted(text: str, path: str, width: int) -> str:
    """`text · path` in lines of `width` columns: on one line when it fits, else the path on a line of
    its own (after "text ·", which wraps at its words by itself), cut in its middle if it must be."""
    line = f"{text}{SEPARATOR}{path}" if text else path
    if width <= 0 or len(line) <= width:
        return line
    path = middle_cut(path, width)
    return f"{text}{SEPARATOR.rstrip()}\n{path}" if text else path


class PathLine(Static):
    """Shows `text · path` (either may be empty), fitted anew to its width whenever that changes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.line_text, self.line_path = "", ""

    def show(self, text: str, path: str) -> None:
        self.line_text, self.line_path = one_line(text), one_line(path)
        self.refresh(layout=True)

    def render(self) -> Content:
        return Content.styled(fitted(self.line_text, self.line_path, self.content_region.width), "$text-muted")
