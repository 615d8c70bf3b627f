"""The brief's header: words used / budget, sentences, method, and the prompt or focus question the
brief was composed with. One line when it fits; in a narrow pane its parts go on as many lines as
they need, each part whole (a long focus question wraps at words), so nothing the reader chose is cut."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from summarize.wording import plural

from ..plain import one_line

SEPARATOR = " · "
MAX_LINES = 4  # beyond this (a focus question of a paragraph), the last line ends in "…"

Part = tuple[str, str]  # (text, style)


def header_parts(words: int, budget: int, sentences: int | None, method: str = "", label: str = "") -> list[Part]:
    """`label`: the prompt or the focus question of a sectioned brief."""
    used = "—" if sentences is None else str(words)
    parts: list[Part] = [(f"{used} / {budget} words", "bold")]
    if sentences is not None:
        parts.append((f"{sentences} {plural(sentences, 'sentence')}", ""))
    if method:
        parts.append((method, "$text-muted"))
    if label:
        parts.append((one_line(label), "bold $text-accent"))
    return parts


def one_line_header(parts: list[Part]) -> Content:
    """The whole header on one line (a separator takes the style of the part it introduces)."""
    pieces: list[Part] = []
    for number, (text, style) in enumerate(parts):
        pieces.append((f"{SEPARATOR if number else ''}{text}", style))
    return Content.assemble(*pieces)


def fitted(parts: list[Part], width: int) -> list[Content]:
    """The header's lines at `width` cells: parts packed greedily, a part wider than a line wrapped."""
    width = max(2, width)
    lines: list[Content] = []
    for text, style in parts:
        part = Content.styled(text, style)
        if lines and lines[-1].cell_length + len(SEPARATOR) + part.cell_length <= width:
            lines[-1] = Content.assemble(lines[-1], (SEPARATOR, style), part)
        elif part.cell_length <= width:
            lines.append(part)
        else:
            lines.extend(part.wrap(width))
    if len(lines) > MAX_LINES:
        last = lines[MAX_LINES - 1]
        lines = [*lines[: MAX_LINES - 1], Content.assemble(last.truncate(width - 1), ("…", "$text-muted"))]
    return lines


class BriefHeader(Static):
    """`content` is the header on one line (what tests and messages read); what is drawn fits the width."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.parts: list[Part] = []

    def show(self, words: int, budget: int, sentences: int | None, method: str = "", label: str = "") -> None:
        self.parts = header_parts(words, budget, sentences, method, label)
        self.update(one_line_header(self.parts))

    def render(self) -> Content:
        lines = fitted(self.parts, self.content_size.width)
        return Content("\n").join(lines) if len(lines) > 1 else one_line_header(self.parts)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(fitted(self.parts, width)))
