"""Text from outside the app (articles' titles and sentences, file names, web addresses, speakers'
names, prompt files, what the user typed, error messages quoting any of these) reaches the screen
through these helpers, and as Textual `Content`, never as markup: `[link=...]`, `[@click=...]` or an
unbalanced `[/]` in a title is shown as written. Control characters are dropped (a terminal escape
such as `\\x1b]0;...\\x07` would act on the terminal, and Textual fails to lay some out); newlines
and tabs stay where text may span lines."""

from __future__ import annotations

from rich.highlighter import Highlighter
from rich.text import Text
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from summarize.output.safety import one_line, printable
from summarize.text.controls import CONTROL

__all__ = ["ControlsAsSpaces", "as_markup", "highlighted", "one_line", "printable", "same_length"]


def same_length(text: str) -> str:
    """`text` with each control character made a space: offsets into it still point at the same
    sentences (the article view highlights spans the core found in the original)."""
    return CONTROL.sub(" ", text)


class ControlsAsSpaces(Highlighter):
    """For an Input: its value stays as typed or pasted (a file name may hold anything), but is
    shown with `same_length`, so that the cursor still stands where it is in the value."""

    def highlight(self, text: Text) -> None:
        text.plain = same_length(text.plain)


def as_markup(text: str) -> str:
    """For the few Textual places that only take markup (a palette command's help): `text` escaped,
    so that it shows as written."""
    return escape(one_line(text))


def highlighted(matcher: Matcher, text: str) -> Content:
    """`text` with the characters a palette search matched highlighted, as `Matcher.highlight`
    does, but without reading `text` as markup."""
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
