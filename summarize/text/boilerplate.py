"""Tell an article's prose from the page furniture around it.

Saved news pages carry navigation ("Breaking News"), photo captions, credits ("With reporting by ..."),
comment prompts and outlet self-promotion; wire copy opens with a dateline ("LONDON (AP) --"). Rather than list those strings, we keep only lines that
read as prose, drop lines a page repeats (captions shown twice), and cut the tail that follows a
credit line near the end of the article (where outlets put their self-promotion). A markdown file's
YAML front matter is not part of the article. A block of lines repeated whole (an article pasted
twice) is read once: its lines are not captions.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

# Prose ends a sentence: terminal punctuation, perhaps inside closing quotes or brackets.
_ENDS_LIKE_PROSE = re.compile(r"[.!?…][\"'”’)\]]*$")
_MIN_PROSE_WORDS = 5
# Credit and end-of-article lines: bylines, sources, author boxes, comment prompts, copyright.
_CREDIT = re.compile(
    r"^(with |additional )*(reporting|writing|editing|research) by\b"
    r"|^(written|edited|compiled|produced|reported) by\b"
    r"|\bcontributed to (this|the) (report|article|story)\b"
    r"|^sources?\s*:"
    r"|^about (the )?authors?\b"
    r"|^(leave|post|add) a (reply|comment)\b"
    r"|^(related|read more|more on|recommended|follow us|sign up|subscribe)\b"
    r"|^copyright\b(?!\s+[a-z])|all rights reserved|©",  # "Copyright The Wire"; not "Copyright lawyers say"
    re.IGNORECASE,
)
# A wire dateline opening an article's lead: where (and when, by which agency) the report was filed, not its
# news. "LONDON (AP) --", "ZURICH, Switzerland (AP) --", "HONG KONG, December 15 (Xinhua) --",
# "NEW YORK _" (AP's underscore). The place is in capitals and the mark between spaces, so that
# "KTV-9 reported" or "JOHN MARLOW, 42 -- Key witness" (a who's who) are not datelines.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'&-]+(?: [A-Z][A-Z.'&-]+)*"  # the place
    r"(?:, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?"  # its state, region or country
    r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?"  # the day it was filed
    r"(?: \([A-Za-z][\w .&-]{0,30}\))?"  # the agency
    r" (?:--|—|–|_) +(?=\S)"
)


def dateline_length(text: str) -> int:
    """How much of the text an opening wire dateline takes ("LONDON (AP) -- "), 0 without one: where the
    report was filed and when, which is neither its news nor its scope."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


# What opens a sentence without being part of it: a list mark or bullet (some feeds spell the glyph
# out, "(check)"); a fact box's label in capitals ("EDUCATION:", "Q:"); a wire slug with the place it
# was filed from ("BC-FLA-STORM (Tampa) --", "COLO-SCHOOL-WEB (Littleton, Colo.) --"). A label
# in other case ("Note:") or a place alone ("HAITI --", a list's item) is the sentence's own.
_OPENING_FURNITURE = re.compile(
    r"(?:--+|[–—―_•·▪■□►●◦‣⁃✓✔*]|-(?=\s)|\((?:check|box|bullet)\))\s*"  # list mark
    r"|(?P<label>[A-Z][A-Z&'/.-]*(?: [A-Z][A-Z&'/.-]*){0,4}):\s+"  # label
    r"|(?:BC-[A-Z0-9]+|[A-Z0-9]+(?:-[A-Z0-9]+){2,})(?:-[A-Z0-9]+)*(?: \([^()]{1,40}\))? (?:--|—|–|_) +"  # slug
)
# A one-word label is a fact box's when it names a field ("EDUCATION:", "Q:") or is a word news prints
# in lower case and never capitalised mid-sentence ("REACTION:"); else it may be a transcript's speaker
# ("OBAMA: We will not back down."), who must stay with the words: a name is safer kept than stripped.
_FIELD_LABELS = frozenset(
    "q a age born died education family career hometown home occupation job employment experience background "
    "name names venue site where when what who why how date dates time place location cost price prices "
    "tickets admission note update correction clarification result results score status source sources "
    "photo caption contact info information details description highlights summary issue issues record "
    "party term salary website awards credit credits eds undated".split()  # the last: wire copy's own
)


def _is_field_label(label: str) -> bool:
    if " " in label:
        return True
    word = label.strip(".&'/-").lower()
    if word in _FIELD_LABELS:
        return True
    from nltk.tokenize.punkt import _ORTHO_LC, _ORTHO_MID_UC  # late: Punkt is loaded to split anyway

    from .sentences import english_punkt_parameters

    seen = english_punkt_parameters().ortho_context.get(word, 0)
    return bool(seen & _ORTHO_LC) and not seen & _ORTHO_MID_UC


# A wire agency's dateline inside a sentence ("... Storm Hits Coast MIAMI (AP) -- A storm ..."): a
# headline, byline or slug run into the report by lost line breaks; the report starts after it.
_AGENCY_DATELINE = re.compile(
    r"\((?:AP|Reuters|AFP|UPI|Xinhua|XINHUA|Kyodo|TASS|Tass|ITAR-TASS|Interfax|dpa|DPA|ANSA|EFE|PTI|IANS|"
    r"CNN|Bloomberg|Yonhap|Bernama|KUNA|IRNA|MENA|WAFA)\)\s*(?:--|—|–|-|_)\s+(?=[A-Z0-9\"“‘'])"
)
# What a dateline's agency follows: the place in capitals, perhaps its state and day ("PORT ELLEN, Maine");
# else the agency is the sentence's own ("The Associated Press (AP) - the news agency - reported").
_STATE_AND_DAY = (
    r"(?:, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}|,? \d{1,2} [A-Z][a-z]{2,8}\.?)? $"
)
_DATELINE_PLACE_BEFORE = re.compile(
    r"^\s*$"  # nothing before: the dateline lost its place
    r"|(?:^|\s)[A-Z][A-Z.'&-]+(?: [A-Z][A-Z.'&-]+)*"
    + _STATE_AND_DAY  # "PORT ELLEN, Maine", after a headline
    + r"|(?:^|[\])] )[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}"
    + _STATE_AND_DAY  # "Los Angeles, June 19" opening the sentence, or after a bracketed byline
)


def _agency_dateline_end(sentence: str) -> int:
    """Where the report starts after a wire dateline inside the sentence, 0 without one."""
    for match in _AGENCY_DATELINE.finditer(sentence):
        if _DATELINE_PLACE_BEFORE.search(sentence, 0, match.start()):
            return match.end()
    return 0


# A byline on its own ("By Jane Q. Doe.", "By JANE DOE."): who wrote it, not what happened.
_BYLINE = re.compile(r"By(?: (?:[A-Z][\w.'’-]*|and|de|van|von|der)){2,6}\.?")


def furniture_length(sentence: str) -> int:
    """How much of a sentence, from its start, is furniture rather than its news: list marks, a fact
    box's label, a wire slug, whatever runs before a wire agency's dateline; all of it for a byline or a
    copyright notice."""
    if _BYLINE.fullmatch(sentence) or _is_notice(sentence):
        return len(sentence)
    position = _agency_dateline_end(sentence)
    while match := _OPENING_FURNITURE.match(sentence, position):
        if match.end() == position or (match["label"] and not _is_field_label(match["label"])):
            break
        position = match.end()
    return position if sentence[position:].strip() else len(sentence)


# A credit line this far into the article ends it: what follows is the outlet talking about itself.
_TAIL_START = 0.6
_HEADLINE_WORDS = range(4, 26)
# An article with no headline is titled by its lead's first words: this many at most, cut at a word.
_LEAD_TITLE_WORDS = 9
# Words a title made from a lead should not end on ("... said on October 7 that" -> "... October 7").
_DANGLING = frozenset(
    "a an the of to in on at by for from with and or but that which who as is was are were has have had "
    "its his her their this these those than into over after before about said says".split()
)
# YAML front matter: "---" on the first line, then a "key: value" line and more lines with no blank
# one between them (a blank line means this was a rule above prose, not front matter), up to "---" or "...".
_FRONT_MATTER = re.compile(
    r"\A[ \t]*---[ \t]*\n(?:[A-Za-z_][\w -]*:[^\n]*\n(?:[^\n]*\S[^\n]*\n)*?)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)"
)
_FRONT_MATTER_TITLE = re.compile(r"^title[ \t]*:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
_FRONT_MATTER_MAX = 64 * 1024
# This many consecutive lines that repeat earlier ones in the same order are a copy, not captions.
_COPIED_BLOCK_LINES = 3


def front_matter(text: str) -> tuple[int, str | None]:
    """Where a markdown file's YAML front matter ends (0 without one), and its `title:` if any."""
    match = _FRONT_MATTER.match(text[:_FRONT_MATTER_MAX])
    if match is None:
        return 0, None
    title = _FRONT_MATTER_TITLE.search(match.group())
    value = title.group(1).strip("\"'").strip() if title else ""
    return match.end(), " ".join(value.split()) or None


def lines_with_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line after any front matter, stripped of surrounding whitespace."""
    spans = []
    for match in re.compile(r"[^\n]+").finditer(text, front_matter(text)[0]):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def _normalized(line: str) -> str:
    return " ".join(line.lower().split())


# A copyright or reuse notice, however long ("COPYRIGHT 2004 BY ... NO PORTION OF THIS MATERIAL ...").
_NOTICE = re.compile(
    r"\bcopyright\s*(?:©\s*|\(c\)\s*)?\d{4}|©\s*\d{4}|\ball rights reserved\b|\bno portion of (?:the|this) materials?\b",
    re.IGNORECASE,
)
# A reuse ban is a notice only beside what marks one: news reports bans too ("Footage may not be broadcast").
_REUSE_BAN = re.compile(r"\bmay not be (?:re)?(?:published|produced|printed|broadcast|distributed|written)\b", re.I)
_NOTICE_MARK = re.compile(
    r"\bcopyright|©|\(c\)|\brights reserved\b|\bmaterials?\b|\bthis (?:article|story|report|content)\b"
    r"|\bwithout (?:the )?(?:prior )?(?:written )?permission\b",
    re.IGNORECASE,
)


def _is_notice(text: str) -> bool:
    return bool(_NOTICE.search(text) or (_REUSE_BAN.search(text) and _NOTICE_MARK.search(text)))


# Longer than this, a line holding a notice is an article on one line (pasted without line breaks).
_NOTICE_LINE_WORDS = 80


def is_credit(line: str) -> bool:
    words = len(line.split())
    if words <= _NOTICE_LINE_WORDS and _is_notice(line):
        return True
    return words <= 15 and bool(_CREDIT.search(line.strip(" •*-–—")))


def reads_as_prose(line: str) -> bool:
    return len(line.split()) >= _MIN_PROSE_WORDS and bool(_ENDS_LIKE_PROSE.search(line))


def _copies(normalized: list[str]) -> set[int]:
    """Indexes of lines that belong to a block of at least _COPIED_BLOCK_LINES lines repeating an
    earlier block in the same order (the second and later copies of a pasted article)."""
    first: dict[str, int] = {}
    earlier: list[int | None] = []
    for index, line in enumerate(normalized):
        earlier.append(first.get(line))
        first.setdefault(line, index)
    copies: set[int] = set()
    start = 0
    while start < len(normalized):
        end = start + 1
        if earlier[start] is not None:
            while end < len(normalized) and earlier[end] is not None and earlier[end] == earlier[end - 1] + 1:  # type: ignore[operator]
                end += 1
            if end - start >= _COPIED_BLOCK_LINES:
                copies.update(range(start, end))
        start = end
    return copies


def _line_counts(normalized: list[str], copies: set[int]) -> Counter[str]:
    """How often each line occurs, the copies of a repeated block left out."""
    return Counter(line for index, line in enumerate(normalized) if index not in copies)


def headline(text: str) -> str | None:
    """The article's headline: the `title:` of its front matter, else the first title-like line
    before its first prose line.

    Too-short lines are section labels ("Breaking News"); repeated lines are captions.
    """
    _, title = front_matter(text)
    if title is not None:
        return title
    lines = [text[start:end] for start, end in lines_with_offsets(text)]
    normalized = [_normalized(line) for line in lines]
    copies = _copies(normalized)
    counts = _line_counts(normalized, copies)
    for index, line in enumerate(lines):
        if index in copies:
            continue
        if reads_as_prose(line):
            return None
        if len(line.split()) in _HEADLINE_WORDS and not is_credit(line) and counts[_normalized(line)] == 1:
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


def lead_title(text: str) -> str | None:
    """A title for an article without a headline: the first words of its first prose line, cut at a
    word boundary (not on "the", "of", ...) with an ellipsis; the whole line when it is short."""
    spans = prose_spans(text)
    if not spans:
        return None
    words = text[spans[0][0] : spans[0][1]].split()
    if len(words) <= _LEAD_TITLE_WORDS + 1:
        return " ".join(words)
    cut = words[:_LEAD_TITLE_WORDS]
    while len(cut) > 4 and cut[-1].lower().strip(",;:\"'“”‘’()") in _DANGLING:
        cut.pop()
    return " ".join(cut).rstrip(",;:—–-") + "…"


def prose_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the lines that belong to the article's body, in order; the lead's opening wire
    dateline ("LONDON (AP) --") is left out of its span."""
    return list(_prose_spans(text))


@lru_cache(maxsize=256)  # an article is read by its checks, its sentence splitter and the story-copy finder
def _prose_spans(text: str) -> tuple[tuple[int, int], ...]:
    lines = lines_with_offsets(text)
    normalized = [_normalized(text[s:e]) for s, e in lines]
    copies = _copies(normalized)
    counts = _line_counts(normalized, copies)
    title = headline(text)
    kept: list[tuple[int, int]] = []
    read = [(start, end) for index, (start, end) in enumerate(lines) if index not in copies]  # each copy once
    for index, (start, end) in enumerate(read):
        line = text[start:end]
        if is_credit(line) and index >= _TAIL_START * len(read):
            break
        length = prose_length(line)
        if counts[_normalized(line)] > 1 or not length or is_credit(line):
            continue
        if title is not None and _normalized(line) == _normalized(title):
            continue
        dateline = 0 if kept else dateline_length(line)  # the lead's: lower down, "HAITI -- 2 dead" is a list
        kept.append((start + dateline, start + length))
    return tuple(kept)
