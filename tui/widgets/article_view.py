"""One article, in full, with one sentence highlighted in place and the view scrolled to it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.widgets import Static

from summarize.output.render import article_start
from summarize.records import Document

from ..plain import printable, same_length

Spans = tuple[tuple[int, int], ...]


class ArticleView(VerticalScroll):
    """Shows `document.text` as read (control characters shown as spaces), from its first line of
    text: a markdown file's YAML front matter is not the article (its title is the pane's title).
    Offsets from the core index into `document.text`; `shown_from` is where the view starts."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "screen.back_to_brief",
            "Back",
            id="article-back-to-brief",
            tooltip="Back to the brief, at the cited sentence",
        ),
    ]

    # Styles live here, not in the stylesheet: they are applied to spans of text, not to widgets.
    FOCUS_STYLE = "bold $text on $warning 45%"
    CITED_STYLE = "underline $text-secondary"
    LINES_ABOVE_FOCUS = 2  # context kept visible above the highlighted sentence

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: Document | None = None
        self.focus_span: tuple[int, int] | None = None
        self.shown_from = 0  # offset in `document.text` of the first character on screen

    def compose(self) -> ComposeResult:
        yield Static(id="article-text")

    @property
    def text_widget(self) -> Static:
        return self.query_one("#article-text", Static)

    def show(self, document: Document, focus: tuple[int, int] | None = None, cited: Spans = ()) -> None:
        """Show `document`; highlight `focus` (start, end) and underline the `cited` spans."""
        changed_document = document is not self.document
        self.document, self.focus_span = document, focus
        self.shown_from = article_start(document.text)
        content = Content(same_length(document.text[self.shown_from :]))
        for start, end in cited:
            if (start, end) != focus:
                content = content.stylize(self.CITED_STYLE, *self._on_screen(start, end))
        if focus is not None:
            content = content.stylize(self.FOCUS_STYLE, *self._on_screen(*focus))
        self.text_widget.update(content)
        if focus is not None:
            self.call_after_refresh(self._scroll_to_focus)
        elif changed_document:
            self.scroll_home(animate=False)

    def clear(self, message: str) -> None:
        self.document, self.focus_span, self.shown_from = None, None, 0
        self.text_widget.update(Content.styled(printable(message), "italic $text-muted"))
        self.scroll_home(animate=False)

    def focus_line(self) -> int:
        """The wrapped line the highlighted sentence starts on."""
        return 0 if self.focus_span is None else self.line_at(self.focus_span[0])

    def line_at(self, offset: int) -> int:
        """The wrapped line on screen that `offset` in `document.text` falls on (greedy wrapping of
        the text before it gives the same lines as wrapping the whole text, so counting them finds
        the line)."""
        if self.document is None or offset <= self.shown_from:
            return 0
        width = max(1, self.text_widget.content_region.width)
        before = Content(same_length(self.document.text[self.shown_from : offset]))
        return max(0, len(before.wrap(width)) - 1)

    def paragraph_line(self) -> int:
        """The line the highlighted sentence's paragraph starts on: a line, as the core reads it
        (hard-wrapped text is unwrapped first), so after the last line break, not the last blank
        line (a web page's text has none between its paragraphs)."""
        if self.document is None or self.focus_span is None:
            return 0
        line_break = self.document.text.rfind("\n", self.shown_from, self.focus_span[0])
        return self.line_at(line_break + 1) if line_break >= 0 else 0

    def _on_screen(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) in `document.text` as offsets into the text on screen."""
        return max(0, start - self.shown_from), max(0, end - self.shown_from)

    def on_resize(self) -> None:
        if self.focus_span is not None:  # the text rewraps: find the sentence again
            self.call_after_refresh(self._scroll_to_focus)

    def _scroll_to_focus(self) -> None:
        """A little context above the sentence, but from its own paragraph: the tail of the one
        before (a caption's "photo)") reads as if it belonged to the sentence."""
        top = max(self.paragraph_line(), self.focus_line() - self.LINES_ABOVE_FOCUS)
        self.scroll_to(y=max(0, top), animate=False)

    def highlighted_text(self) -> str:
        """The text that is on screen in the focus style: what a reader sees highlighted."""
        content = self.text_widget.content
        if not isinstance(content, Content):
            return ""
        return "".join(content.plain[s.start : s.end] for s in content.spans if _is_focus(s))


def _is_focus(span: Span) -> bool:
    return span.style == ArticleView.FOCUS_STYLE
