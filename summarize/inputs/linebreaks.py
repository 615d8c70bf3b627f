"""Hard-wrapped text (e-mail, wire feeds, text saved at 72 columns) breaks its paragraphs into lines;
the pipeline reads a line as a unit (a paragraph, a caption, a menu entry), so a wrapped sentence would
come apart into fragments. Such text gets its in-paragraph line breaks turned into spaces: one character
for one, so every offset still points at the same place in the file, and the text equals the file's up
to whitespace, which is what citations promise.
"""

from __future__ import annotations

import re
from itertools import pairwise

from summarize.text.boilerplate import front_matter

# A text is hard-wrapped when most of its lines are short, most lines continue into the next one,
# and most do not end a sentence.
WRAP_WIDTH = 100
_ENDS_SENTENCE = re.compile(r"[.!?:…][\"'”’)\]]*$")
_BREAK_INSIDE_PARAGRAPH = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)")
_LIST_ITEM = re.compile(r"[ \t]*([-*•]|\d+[.)])\s")


def is_hard_wrapped(text: str) -> bool:
    lines = text.split("\n")
    filled = [line.strip() for line in lines]
    nonblank = [line for line in filled if line]
    if len(nonblank) < 4:
        return False
    lengths = sorted(len(line) for line in nonblank)
    if lengths[int(0.9 * (len(lengths) - 1))] > WRAP_WIDTH:
        return False
    continued = sum(1 for a, b in pairwise(filled) if a and b)
    unfinished = sum(1 for line in nonblank if not _ENDS_SENTENCE.search(line))
    return continued >= 0.5 * len(nonblank) and unfinished >= 0.5 * len(nonblank)


def unwrap(text: str) -> str:
    """`text` with the line breaks inside its paragraphs made spaces, when it is hard-wrapped; list
    items keep their own lines, and so does a markdown file's YAML front matter (joined into one line,
    it would no longer read as front matter, and its "--- title: ... ---" would title the article).
    Same length as `text`, same characters but those line breaks."""
    if not is_hard_wrapped(text):
        return text
    skip = front_matter(text)[0]
    body = text[skip:]

    def join(match: re.Match[str]) -> str:
        if _LIST_ITEM.match(body, match.end()):
            return match.group()
        return match.group()[:-1] + " "

    return text[:skip] + _BREAK_INSIDE_PARAGRAPH.sub(join, body)
