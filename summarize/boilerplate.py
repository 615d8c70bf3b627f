"""Tell an article's prose from the page furniture around it.

Saved news pages carry navigation ("Breaking News"), photo captions, credits ("With reporting by ..."),
comment prompts and outlet self-promotion. Rather than list those strings, we keep only lines that
read as prose, drop lines a page repeats (captions shown twice), and cut the tail that follows a
credit line near the end of the article (where outlets put their self-promotion).
"""

from __future__ import annotations

import re
from collections import Counter

# Prose ends a sentence: terminal punctuation, perhaps inside closing quotes or brackets.
_ENDS_LIKE_PROSE = re.compile(r"[.!?…][\"'”’)\]]*$")
_MIN_PROSE_WORDS = 5
# Credit and end-of-article lines: bylines, sources, author boxes, comment prompts, copyright.
_CREDIT = re.compile(
    r"^(with |additional )*(reporting|writing|editing|research) by\b"
    r"|^(written|edited|compiled|produced|reported) by\b"
    r"|^sources?\s*:"
    r"|^about (the )?authors?\b"
    r"|^(leave|post|add) a (reply|comment)\b"
    r"|^(related|read more|more on|recommended|follow us|sign up|subscribe)\b"
    r"|copyright|all rights reserved|©",
    re.IGNORECASE,
)
# A credit line this far into the article ends it: what follows is the outlet talking about itself.
_TAIL_START = 0.6
_HEADLINE_WORDS = range(4, 26)


def lines_with_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped of surrounding whitespace."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def _normalized(line: str) -> str:
    return " ".join(line.lower().split())


def is_credit(line: str) -> bool:
    return len(line.split()) <= 15 and bool(_CREDIT.search(line.strip(" •*-–—")))


def reads_as_prose(line: str) -> bool:
    return len(line.split()) >= _MIN_PROSE_WORDS and bool(_ENDS_LIKE_PROSE.search(line))


def headline(text: str) -> str | None:
    """The article's headline: the first title-like line before its first prose line.

    Too-short lines are section labels ("Breaking News"); repeated lines are captions.
    """
    lines = [text[start:end] for start, end in lines_with_offsets(text)]
    counts = Counter(_normalized(line) for line in lines)
    for line in lines:
        if reads_as_prose(line):
            return None
        if (
            len(line.split()) in _HEADLINE_WORDS
            and not is_credit(line)
            and counts[_normalized(line)] == 1
        ):
            return " ".join(line.split())
    return None


# A line with this many sentence ends is running prose even when a tag follows its last sentence:
# an article pasted without line breaks ("... he said. (END)", "... Story filed by Cox Newspapers").
_RUNNING_PROSE_SENTENCES = 3
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s)")


def prose_length(line: str) -> int:
    """How much of the line, from its start, is prose: all of a line that reads as prose, the part up
    to the last sentence end of a line that holds several sentences then a tag, else 0."""
    if reads_as_prose(line):
        return len(line)
    ends = [match.end() for match in _SENTENCE_END.finditer(line)]
    return ends[-1] if len(ends) >= _RUNNING_PROSE_SENTENCES else 0


def prose_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the lines that belong to the article's body, in order."""
    lines = lines_with_offsets(text)
    counts = Counter(_normalized(text[s:e]) for s, e in lines)
    title = headline(text)
    kept = []
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if is_credit(line) and index >= _TAIL_START * len(lines):
            break
        length = prose_length(line)
        if counts[_normalized(line)] > 1 or not length or is_credit(line):
            continue
        if title is not None and _normalized(line) == _normalized(title):
            continue
        kept.append((start, start + length))
    return kept
