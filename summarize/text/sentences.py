"""Sentence splitting for news text: line breaks first, then NLTK's Punkt, offline.

The English Punkt model ships in ``summarize/data/punkt`` (see ``make_punkt.py``
there), so nothing is downloaded and the only runtime dependency is ``nltk``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import files
from typing import Protocol

from . import lightnltk

lightnltk.prepare()  # NLTK's __init__ costs a second: import only the module used
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer  # noqa: E402 (after prepare(), above)

Span = tuple[int, int]

# Abbreviations (lower case, without the final period) that news text needs and
# the trained English model lacks or may lack. Punkt still ends a sentence after
# one of these when the next word is a frequent sentence starter or, by its
# orthographic evidence, a word that is capitalized only at a sentence start.
NEWS_ABBREVIATIONS = frozenset(
    {
        # titles and ranks
        "gov",
        "sgt",
        "cmdr",
        "rev",
        "capt",
        "sen",
        "rep",
        "gen",
        "lt",
        "col",
        "maj",
        "adm",
        "cpl",
        "pvt",
        "supt",
        "insp",
        "det",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        # Latin
        "e.g",
        "i.e",
        "al",
        # months
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        # places, companies and the rest
        "u.s",
        "u.n",
        "u.k",
        "vs",
        "inc",
        "corp",
        "co",
        "ltd",
        "mt",
        "ft",
    }
)

# "No." is an abbreviation only before a number ("No. 10 Downing Street"); as a
# collocation it stays unbroken there while "The answer was no. We left." splits.
NEWS_COLLOCATIONS = frozenset({("no", "##number##")})

PUNKT_DATA_FILES = ("abbrev_types.txt", "collocations.tab", "sent_starters.txt", "ortho_context.tab")

# A line is a run of characters without a line break; Python's str.splitlines
# boundaries minus the rare control characters.
_LINE = re.compile(r"[^\r\n\u2028\u2029\x85]+")


class SentenceSplitter(Protocol):
    def split(self, text: str) -> list[Span]:
        """Return the (start, end) character spans of the sentences in ``text``.

        Spans are in order, non-overlapping, non-empty, and carry no leading or
        trailing whitespace, so ``text[start:end]`` is the sentence as written.
        """
        ...


def _read_punkt_lines(name: str) -> list[str]:
    resource = files("summarize") / "data" / "punkt" / name
    content = resource.read_text(encoding="utf-8")
    return [line for line in content.split("\n") if line]


@cache
def english_punkt_parameters() -> PunktParameters:
    """NLTK's English Punkt model from the shipped files, plus the NEWS_* additions."""
    abbrevs, collocations, starters, ortho = (_read_punkt_lines(n) for n in PUNKT_DATA_FILES)
    params = PunktParameters()
    params.abbrev_types = set(abbrevs) | NEWS_ABBREVIATIONS
    params.collocations = {tuple(line.split("\t")) for line in collocations} | NEWS_COLLOCATIONS
    params.sent_starters = set(starters)
    params.ortho_context = defaultdict(int)
    for line in ortho:
        word, flags = line.rsplit("\t", 1)
        params.ortho_context[word] = int(flags)
    return params


@cache
def _english_punkt_tokenizer() -> PunktSentenceTokenizer:
    return PunktSentenceTokenizer(english_punkt_parameters())


def _strip_span(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _line_spans(text: str) -> Iterator[Span]:
    for match in _LINE.finditer(text):
        span = _strip_span(text, match.start(), match.end())
        if span is not None:
            yield span


class PunktSplitter:
    """Splits at every line break, then with Punkt inside each line."""

    def __init__(self, tokenizer: PunktSentenceTokenizer | None = None) -> None:
        self._tokenizer = tokenizer

    @property
    def tokenizer(self) -> PunktSentenceTokenizer:
        if self._tokenizer is None:
            self._tokenizer = _english_punkt_tokenizer()
        return self._tokenizer

    def split(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for line_start, line_end in _line_spans(text):
            line = text[line_start:line_end]
            spans.extend(_offset_stripped(text, line_start, self.tokenizer.span_tokenize(line)))
        return spans


def _offset_stripped(text: str, offset: int, spans: Iterable[Span]) -> Iterator[Span]:
    for start, end in spans:
        span = _strip_span(text, offset + start, offset + end)
        if span is not None:
            yield span
