"""Make text from articles, file names and URLs inert before it is printed.

An article can carry terminal escape sequences (a window-title change `ESC ] 0 ; ... BEL`, a
clipboard write `ESC ] 52`, hyperlinks, cursor moves): printed as they are, they act on the reader's
terminal. Every shell prints article text through one of these helpers.
"""

from __future__ import annotations

from ..text.controls import CONTROL, CONTROL_BEYOND_C0, CONTROL_OR_BREAK


def printable(text: str) -> str:
    """`text` without control characters other than newline and tab (escape sequences lose their
    escape character, so what is left is plain characters)."""
    return CONTROL.sub("", text)


def one_line(text: str) -> str:
    """`text` for a one-line field (a file name, a title): each control character, newline or tab
    shown as "?", as `ls` shows them, so a name never breaks the line it is on."""
    return CONTROL_OR_BREAK.sub("?", text)


def json_escaped(text: str) -> str:
    """JSON text with what `json.dumps(ensure_ascii=False)` leaves raw (DEL, C1 controls such as the
    one-byte escape U+009B, lone surrogates) written as \\u escapes: the data is unchanged, the
    output inert on a terminal and encodable."""
    return CONTROL_BEYOND_C0.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
