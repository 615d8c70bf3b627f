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
from .cues import DANGLING_WORDS, SPEECH_VERBS, is_attributed, outside_quotes

lightnltk.prepare()  # NLTK's __init__ costs a second: import only the module used
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer  # noqa: E402 (after prepare(), above)

Span = tuple[int, int]

# The bits of Punkt's orthographic context that say a word was seen in lower case (at a sentence's
# start, inside one, or where Punkt could not tell): its model's file format, kept by NLTK under a
# private name (_ORTHO_LC).
_SEEN_IN_LOWER_CASE = (1 << 4) | (1 << 5) | (1 << 6)

# Titles and ranks (lower case, without the final period) that stand before a name: after one of
# these, capitalised, a capitalised word is the name ("Gov. Guy Marsh", "Sens. Ann Ruiz"), never a
# new sentence, whatever Punkt's orthographic evidence says about the word (see _continues).
NEWS_TITLES = frozenset(
    "gov govs sen sens rep reps gen gens lt col brig maj capt cmdr adm sgt cpl pfc pvt spc supt insp det "
    "dist atty mr mrs ms messrs dr prof rev fr msgr".split()
)
# Months abbreviated with a period ("Aug. 15"); May, June and July are not abbreviated.
NEWS_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())

# Titles that are also words a sentence ends on ("held in the navy brig.", "did ten reps."): only the
# capitalised title goes on to a name (see _continues); Punkt must not read the word as an abbreviation.
_TITLES_ALSO_WORDS = frozenset({"brig", "reps"})

# Abbreviations (lower case, without the final period) that news text needs and
# the trained English model lacks or may lack. Punkt still ends a sentence after
# one of these when the next word is a frequent sentence starter or, by its
# orthographic evidence, a word that is capitalized only at a sentence start.
NEWS_ABBREVIATIONS = (
    NEWS_TITLES - _TITLES_ALSO_WORDS
    | NEWS_MONTHS
    | frozenset(
        "st jr sr "  # after a name or before a saint's
        "e.g i.e al "  # Latin
        "u.s u.n u.k vs inc corp co ltd mt ft".split()  # places, companies and the rest
    )
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


def written_in_lower_case(word: str) -> bool:
    """Whether English text writes the word in lower case (Punkt's model has seen it so): a common
    word ("judge", "north"), not a name ("Garzon", "England")."""
    return bool(english_punkt_parameters().ortho_context.get(word.lower(), 0) & _SEEN_IN_LOWER_CASE)


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
            pieces = _split_after_places(line, _mend_false_breaks(line, list(self.tokenizer.span_tokenize(line))))
            spans.extend(_offset_stripped(text, line_start, pieces))
        return spans


# Where Punkt ends a sentence that news text goes on: its model knows words, not news style.
_CLOSING = "\"'”’)]"
_ENDS_ASKING = re.compile(r"[?!][" + _CLOSING + r"]*$")
_ENDS_ELLIPSIS = re.compile(r"(?:\.\s?){3}$|…$")
_ENDS_QUOTING = re.compile(r"[.?!,][\"”’']$")
_ENDS_QUESTION_QUOTED = re.compile(r"[?!][\"”’']$")
_LAST_TOKEN = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,2}")  # "J.", "F.W.", "U.S." (not a body's "N.Y.P.D.", which ends sentences)
_DASH = ("--", "—", "―")
_OPENING_MARKS = "(\"“‘'_*•"  # before a word: brackets, quotation marks, list marks ("_Dr. Jane Doe")
# Words that open a sentence after "U.S." or a person's initials ("... in the U.S. The move ..."); other
# capitalised words go on a name ("U.S. Fish and Wildlife Service", "W.L. Marsh").
_OPENERS = frozenset(
    (*DANGLING_WORDS, *"a an the my your you i we one no not what who why how where when after before as if by".split())
)
_SPEECH_VERB_WORDS = frozenset(SPEECH_VERBS)
# What may follow the speech verb of a tail that only says who asked ("... Lin asked on local radio",
# "... she said again"): an adverbial. Anything else ("Critics said the timing was odd") is what was said.
_ADVERBIAL_OPENERS = frozenset(
    "in on at during after before to from with without by for outside inside about over later again twice "
    "once then today yesterday tonight recently loudly quietly angrily".split()
)
# Or whom it was asked of: '"Why?" she asked the crowd.', '"Is it over?" he asked reporters.'
_ASKING_VERBS = frozenset({"asked", "asks", "told", "tells"})
_ASKED_WHOM_WORDS = 3
_TAIL_WORDS_BEFORE_VERB = 12  # "Ada Park, a nurse at the city clinic, said"
_TAIL_WORDS_AFTER_VERB = 6  # "... asked twice during the long hearing."
_BEFORE_CHARS = 400  # of the sentence so far, what is read to mend a break (see _continues)


def _mend_false_breaks(line: str, spans: list[Span]) -> list[Span]:
    """`spans` of one line with the breaks Punkt made inside a sentence undone: after a title, a
    person's initials or "U.S." before a name; before a lower-case word; between a quotation that ends in
    "?" or "!" and who said it; before the dash that credits a quotation; at each dot of a spaced
    ellipsis; between a month after a list mark and its day."""
    mended: list[Span] = []
    for start, end in spans:
        if mended and _continues(line[mended[-1][0] : mended[-1][1]], line[start:end]):
            mended[-1] = (mended[-1][0], end)
        else:
            mended.append((start, end))
    return mended


# A US state's abbreviation after its town ("Buchanan, N.Y.", "Tampa, Fla."), then a word that opens a
# sentence ("She", "No", "The"): Punkt reads the state as an abbreviation that goes on, but a name or a
# title goes on a place ("Raleigh, N.C. Mayor Ann Lin"), never a pronoun or an article.
_STATES = "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo"
_PLACE_THEN_OPENER = re.compile(
    r"(?<=[a-z]), (?:(?:W\.\s?)?(?:[A-Z]\.){2}|(?:" + "|".join(_STATES.split()) + r")\.)"
    r"(?=\s+(?:" + "|".join(sorted((word.capitalize() for word in _OPENERS), key=len, reverse=True)) + r")\b(?!\.))"
)


def _split_after_places(line: str, spans: list[Span]) -> list[Span]:
    """`spans` of one line, each split after a state that ends a sentence (`_PLACE_THEN_OPENER`)."""
    result: list[Span] = []
    for start, end in spans:
        for match in _PLACE_THEN_OPENER.finditer(line[start:end]):
            result.append((start, start + match.end()))
            start += match.end()
        result.append((start, end))
    return result


def _continues(before: str, after: str) -> bool:
    """Whether `after` is the rest of the sentence `before` begins."""
    # Only the end of `before` counts: it grows as pieces are mended onto it, and reading it whole
    # for each piece would take time quadratic in a long line's length.
    before, after = before[-_BEFORE_CHARS:].rstrip(), after.lstrip()
    if not before or not after:
        return False
    if after[0] == "." or (after[0] in "\"”’'" and before.endswith(" .")):
        return True  # the rest of a spaced ellipsis (". . .", Punkt ends a sentence at each dot)
    if after[0].islower():
        return bool(_ENDS_ASKING.search(before) or _ENDS_ELLIPSIS.search(before)) or _ends_abbreviated(before)
    if after.startswith(_DASH):
        return bool(_ENDS_QUOTING.search(before))  # '"...," -- Jane Doe, a farmer.'
    if _ENDS_QUESTION_QUOTED.search(before):
        return _is_speaker_tail(before, after)
    last = _LAST_TOKEN.search(before)
    if last is None:
        return False
    token = last.group(1).lstrip(_OPENING_MARKS)
    if after[0].isdigit():
        return token.rstrip(".").lower() in NEWS_MONTHS  # "_Aug. | 15, 1983: ..." (a list mark hid the month)
    if not after[0].isupper():
        return False
    title = token.rstrip(".")
    if title.istitle() and title.lower() in NEWS_TITLES:  # "Dr.", not an acronym ("the DR.", "MS.")
        return True  # whatever the next word: a name may be one ("Ms. He said.")
    if _INITIALS.fullmatch(token):
        first = after.split(maxsplit=1)[0].strip(_CLOSING + ",;:").lower()
        return first not in _OPENERS and first not in english_punkt_parameters().sent_starters
    return False


def _ends_abbreviated(text: str) -> bool:
    """Whether `text` ends on an abbreviation ("F.W.", "A.N.C.)", "Gov.") rather than a word."""
    last = _LAST_TOKEN.search(text)
    if last is None or not text.endswith((".", ".)")):
        return False
    token = last.group(1).strip("(\"“‘')").rstrip(".")
    return "." in token or len(token) == 1 or token.lower() in english_punkt_parameters().abbrev_types


def _is_speaker_tail(quotation: str, after: str) -> bool:
    """Whether `after` only says who asked or exclaimed the quotation before it ('"Why?" Smith asked.',
    '"Is it over?" Ms. Diaz said in an interview.'), when nothing outside that quotation says so."""
    if is_attributed(outside_quotes(quotation)) or any(mark in after for mark in '"“”'):
        return False
    words = after.split()
    for index, word in enumerate(words):
        if word.strip(",.;:").lower() in _SPEECH_VERB_WORDS:
            rest = [w.strip(",.;:") for w in words[index + 1 :]]
            if index > _TAIL_WORDS_BEFORE_VERB or len(rest) > _TAIL_WORDS_AFTER_VERB:
                return False
            if not rest or index == 0:  # 'Lin asked.', 'asked Ada Park, a nurse.' (the speaker follows)
                return True
            asked_whom = word.strip(",.;:").lower() in _ASKING_VERBS and len(rest) <= _ASKED_WHOM_WORDS
            return asked_whom or rest[0].lower() in _ADVERBIAL_OPENERS or rest[0].lower().endswith("ly")
    return False


def _offset_stripped(text: str, offset: int, spans: Iterable[Span]) -> Iterator[Span]:
    for start, end in spans:
        span = _strip_span(text, offset + start, offset + end)
        if span is not None:
            yield span
