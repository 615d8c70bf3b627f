"""Control characters: the one definition of what text from outside (articles, titles, file names)
may not carry as it is. The outputs make such text inert with it (summarize.output.safety), and a
document's title is read through it (`plain_title`)."""

from __future__ import annotations

import re

# Unicode's control characters (C0, DEL, C1) but newline and tab, which text needs; the line and
# paragraph separators (terminals and Textual draw them out of place); and lone surrogates, which is
# how Python holds a file name's bytes that are not UTF-8 (no output can hold them).
_BEYOND_C0 = r"\x7f-\x9f\u2028\u2029\ud800-\udfff"
CONTROL = re.compile(rf"[\x00-\x08\x0b-\x1f{_BEYOND_C0}]")
# For one-line fields (a title, a path): every control character, newline and tab too.
CONTROL_OR_BREAK = re.compile(rf"[\x00-\x1f{_BEYOND_C0}]")
# Those JSON text may hold raw (`json.dumps` escapes C0 itself): for JSON output to escape.
CONTROL_BEYOND_C0 = re.compile(f"[{_BEYOND_C0}]")


def plain_title(title: str | None) -> str | None:
    """`title` as one line of plain text: each control character (a BEL, a terminal escape's ESC),
    newline or tab a space, and each run of spaces one; None when nothing is left. Every output
    then shows the same title: JSON as markdown, the page and the TUI."""
    if title is None:
        return None
    return " ".join(CONTROL_OR_BREAK.sub(" ", title).split()) or None
