"""What must agree for two sentences to report the same fact: how many (numbers with their units),
when (dates) and what (the content words). Read simply from the text, no parser: enough for the
corroboration judge (`summarize.citations.corroboration`) to tell "the same fact" from "the same topic".

Who (the names two sentences mention, with initials such as "NATO" for "North Atlantic Treaty
Organization") was tried too and left out: on the labelled set (`bench/corroboration/`) it did not
separate the same fact from another (a veto on names either sentence lacks lost a third of the
recall for one point of precision).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..text.bigrams import STOP_WORDS, stem
from ..text.boilerplate import dateline_length
from ..text.counts import NUMBER_WORDS
from ..text.dates import MONTHS, mentions
from .figure_phrase import reader_phrase

_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "m": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "k": 1e3,
}
# "nearly 200" and "197" are one figure; without such a word, 66 and 70 are two.
_APPROXIMATE = frozenset(
    "about around almost nearly roughly some approximately over more least estimated possibly perhaps".split()
)
# "more than 10" is at least 10; "up to 30" at most 30.
_BOUNDS = {
    "at least": frozenset("more over least exceeding".split()),
    "at most": frozenset("up nearly almost under".split()),
}
_NUMBER = re.compile(
    r"(?:(?P<currency>[$€£])\s?)?\b(?P<value>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")\b(?![\d,]*\.\d)(?![:/]\d)(?:\s*(?:-|\s)?(?P<scale>hundred|thousand|million|billion|trillion|mln|bn|m|k)\b)?"
    r"(?P<percent>\s?(?:%|percent|per cent))?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TIME_OF_DAY = re.compile(r"\s*[ap]\.?m\b\.?", re.IGNORECASE)  # "11 p.m.": a time, not a count
_RANGE_PERCENT = re.compile(r"\s*(?:to|and|-)\s*\d+(?:\.\d+)?\s*(?:%|percent|per cent)")  # "25 to 30 percent"
# Words between a number and what it counts ("8 suspected Russian intelligence officers").
_UNIT_SKIP = frozenset("of the than people's new suspected alleged".split())
# "three other provinces", "43 more in Taiwan": a part of a count, comparable with no total.
_PART = frozenset("other others more additional further".split())


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # the stem of the word it counts ("dead", "offic"), "$", "%", or "" when none
    approximate: bool
    bound: str  # "at least" ("more than 10", "at least 15"), "at most" ("up to 30"), or "" for a figure
    text: str  # as written, with what it counts, for a reader ("$70 million", "9,000 dead")
    start: int = field(default=0, compare=False)  # where `text` is in the sentence
    end: int = field(default=0, compare=False)
    # `text` as a disagreement shows it ("[3] gives 40 billion U.S. dollars"), when that reads otherwise
    phrase: str = field(default="", compare=False)

    @property
    def shown(self) -> str:
        return self.phrase or self.text


def _is_year(match: re.Match[str], text: str) -> bool:
    value = match.group("value")
    return (
        value.isdigit()
        and len(value) == 4
        and 1800 <= int(value) <= 2100
        and not match.group("currency")
        and not match.group("scale")
        and not match.group("percent")
    )


def _after_month(before: str) -> bool:
    words = before.split()
    return bool(words) and words[-1].lower().rstrip(".,") in MONTHS


@lru_cache(maxsize=8192)
def quantities(text: str) -> tuple[Quantity, ...]:
    """The numbers a sentence gives, with what they count; years, times and ordinals are dates, not counts."""
    found = []
    for match in _NUMBER.finditer(text):
        if match.start() > 0 and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "-:/."):
            continue  # inside a word, a time ("10:30"), a date ("10/7") or a range's second half
        if _is_year(match, text) or _after_month(text[: match.start()]) or _TIME_OF_DAY.match(text, match.end()):
            continue
        raw = match.group("value").lower()
        if raw in ("one", "zero"):  # "one of the ...", "one day": rarely a count a reader checks
            continue
        value = float(NUMBER_WORDS[raw]) if raw in NUMBER_WORDS else float(raw.replace(",", ""))
        if match.group("scale"):
            value *= _SCALES[match.group("scale").lower()]
        before = [word.strip(",") for word in text[: match.start()].lower().split()[-2:]]
        approximate = any(word in _APPROXIMATE for word in before)
        bound = next((name for name, words in _BOUNDS.items() if any(word in words for word in before)), "")
        written = match.group(0).strip()
        if match.group("currency"):
            unit = match.group("currency")
        elif match.group("percent") or _RANGE_PERCENT.match(text, match.end()):
            unit = "%"  # "25%", "25 percent", "25 to 30 percent"
        else:
            unit = ""
            following = re.split(r"[;,.:()\[\]]", text[match.end() : match.end() + 60])[0]
            for word in _WORD.findall(following)[:4]:
                if word.lower() in _PART:
                    break
                if word.lower() not in _UNIT_SKIP and word.lower() not in STOP_WORDS:
                    unit = unit_stem(word)
                    written = text[match.start() : match.end() + following.index(word) + len(word)].strip()
                    break
        end = match.start() + len(written)
        shown = reader_phrase(text, match.start(), match.end(), end)
        found.append(Quantity(value, unit, approximate, bound, " ".join(written.split()), match.start(), end, shown))
    return tuple(found)


_PEOPLE = frozenset("peopl person dead death die kill victim resid casualti bodi live".split())


# Measures of where and how fast (a storm's position, speed, distance): they change by the hour, so two
# reports giving different ones are usually two moments, not a disagreement.
MEASURES = frozenset("mph kph km kilomet mile meter metr feet foot inch degre north south east west knot".split())


def is_measure(quantity: Quantity) -> bool:
    unit = quantity.unit.removesuffix("s")
    return unit in MEASURES or unit.split("-")[-1] in MEASURES


def unit_stem(word: str) -> str:
    """Units that count people ("9,000 dead", "9,000 people", "9,000 deaths") share one name."""
    stemmed = stem(word.lower().strip("'’-"))
    return "people" if stemmed in _PEOPLE else stemmed


def same_figure(first: Quantity, second: Quantity) -> bool:
    """One figure in two forms: equal up to the precision written ("12 percent" and "12.6 percent",
    "38 million" and "38.5 million"), within a tenth when either is approximate ("nearly 200" and
    "197"), or a bound the other meets ("more than 10 years" and "12 years")."""
    larger = max(abs(first.value), abs(second.value))
    if abs(first.value - second.value) <= 0.02 * larger:
        return True
    if (first.value.is_integer() or second.value.is_integer()) and int(first.value) == int(second.value):
        return True
    if first.bound != second.bound and "" in (first.bound, second.bound):  # one bound, one figure
        bound, figure = (first, second) if first.bound else (second, first)
        return figure.value >= bound.value if bound.bound == "at least" else figure.value <= bound.value
    if first.bound and first.bound == second.bound:  # "at least 62" and "at least 65": two counts, not rounding
        return False
    if not (first.approximate or second.approximate):
        return False
    return abs(first.value - second.value) <= 0.1 * larger


def share_a_figure(first: tuple[Quantity, ...], second: tuple[Quantity, ...]) -> bool:
    """Whether some figure of one sentence is a figure of the other, whatever each counts."""
    return any(same_figure(a, b) for a in first for b in second)


def figures_apart(first: tuple[Quantity, ...], second: tuple[Quantity, ...]) -> bool:
    """Whether each sentence gives a figure the other does not ("cut from 20 to 10" and "cut to 20
    from 30"): they count different things or times, whatever else they share."""

    def new(ours: tuple[Quantity, ...], theirs: tuple[Quantity, ...]) -> bool:
        return any(not any(same_figure(q, other) for other in theirs) for q in ours)

    return new(first, second) and new(second, first)


def figure_conflicts(first: tuple[Quantity, ...], second: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """The figures of `second` that count what a figure of `first` counts (the same unit) but give
    another number, when the two sentences share no figure at all (a shared one shows that the others
    count different things: "seven charges, including two counts of ...", "seven of nine counts")."""
    if share_a_figure(first, second):
        return ()
    units = {q.unit for q in first if q.unit}
    return tuple(q for q in second if q.unit in units)


@dataclass(frozen=True)
class DateMention:
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    text: str


# "said on October 7", "told reporters Tuesday": the day of the statement, not of what it reports.
_SAID_ON = re.compile(r"\b(?:said|says|told\s+\w+|announced|added|reported|stated)\s+(?:on\s+|late\s+|early\s+)?$")


@lru_cache(maxsize=8192)
def dates_in(text: str) -> tuple[DateMention, ...]:
    """The dates a sentence gives (see summarize.text.dates), with their wording; not the day a statement
    was made ("Stoltenberg said on October 7 that NATO expelled ...") nor of the dateline."""
    result = []
    dateline = dateline_length(text)
    for mention in mentions(text):
        if _SAID_ON.search(text[max(0, mention.start - 30) : mention.start]):
            continue
        if mention.start < dateline:  # "LUANDA, April 24 (Xinhua) --": the day it was filed
            continue
        wording = text[mention.start : mention.end].strip()
        for word in ("in ", "since ", "from ", "until ", "by ", "of ", "during "):  # "in April": "April"
            wording = wording.removeprefix(word)
        result.append(DateMention(mention.year, mention.month, mention.day, mention.weekday, wording))
    return tuple(result)


def _day(mention: DateMention, weekdays: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """(month, day) of a mention precise to the day, a weekday read through the story's calendar."""
    if mention.month and mention.day:
        return (mention.month, mention.day)
    if mention.weekday is not None:
        return weekdays.get(mention.weekday)
    return None


def date_conflicts(
    first: tuple[DateMention, ...], second: tuple[DateMention, ...], weekdays: dict[int, tuple[int, int]]
) -> tuple[DateMention, ...]:
    """The dates of `second` that differ from every date of `first` at the precision both give (the
    day, else the weekday, else the year): two sentences that name different days or years."""
    days_first = {d for d in (_day(m, weekdays) for m in first) if d}
    days_second = {d: m for m in second if (d := _day(m, weekdays))}
    if days_first and days_second:
        return () if days_first & set(days_second) else tuple(days_second.values())
    named_first = {m.weekday for m in first if m.weekday is not None}
    named_second = {m.weekday: m for m in second if m.weekday is not None}
    if named_first and named_second:
        return () if named_first & set(named_second) else tuple(named_second.values())
    years_first = {m.year for m in first if m.year}
    years_second = {m.year: m for m in second if m.year}
    if years_first and years_second and not years_first & set(years_second):
        return tuple(years_second.values())
    return ()


def same_date(first: tuple[DateMention, ...], second: tuple[DateMention, ...]) -> bool:
    """Whether both give one exact date ("Dec. 8, 1980" and "December 8, 1980", or one year)."""

    def exact(dates: tuple[DateMention, ...]) -> set[tuple[int | None, int | None, int | None]]:
        return {(m.year, m.month, m.day) for m in dates if m.day or m.year}

    return bool(exact(first) & exact(second))


_LOOKS_BACK = re.compile(
    r"^(?:at the time|then|earlier(?! this| today)|previously|in the past|last year|back in|in (?:19|20)\d\d|"
    r"(?:\w+ )?(?:years?|months?) ago)\b",
    re.IGNORECASE,
)


def looks_back(text: str) -> bool:
    """Whether the sentence opens by placing itself in the past ("At the time, NATO also reduced
    ...", "Earlier, ...", "In 2018, ..."; not "Earlier this week"): it tells an earlier event."""
    return bool(_LOOKS_BACK.match(text))


_RELATIVE_TIME = re.compile(
    r"\b(?:today|yesterday|tonight|(?:last|this) (?:week|month|year|night)|earlier this (?:week|month|year)|"
    r"(?:a|one|two|three|four|five|six|several|a few) (?:days?|weeks?|months?|years?) ago)\b",
    re.IGNORECASE,
)


def relative_times_differ(first: str, second: str) -> bool:
    """Whether both sentences place what they tell relative to their own day and say different things
    ("Two weeks ago, the typhoon killed ..." / "Last week, the typhoon killed ..."): another moment."""
    ours, theirs = _relative_times(first), _relative_times(second)
    return bool(ours and theirs and not ours & theirs)


@lru_cache(maxsize=8192)
def _relative_times(text: str) -> frozenset[str]:
    return frozenset(m.lower() for m in _RELATIVE_TIME.findall(text))


_CAPITALISED = re.compile(r"[A-Z][\w’'.&-]*")
_NOT_NAMES = (
    STOP_WORDS
    | MONTHS.keys()
    | frozenset(
        """monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr president minister secretary
    general chief prime foreign spokesman spokeswoman official officials""".split()
    )
)


# Words that set the scope of a count the way a place name does ("nationwide" / "the state").
SCOPES = frozenset(
    """nationwide national country countrywide state statewide province provincial region regional
    island city town village district county worldwide global""".split()
)


@lru_cache(maxsize=8192)
def names(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The lower-cased words of the capitalised words of a sentence, without its dateline
    ("Jammu-Kashmir" gives "jammu" and "kashmir"), and its scope words ("state", "nationwide"): all of
    them, and those not at its start (which are names for sure; an opening "Nearly" is not)."""
    text = text[dateline_length(text) :]
    every, inside = set(), set()
    for match in _CAPITALISED.finditer(text):
        for word in match.group(0).removesuffix("’s").removesuffix("'s").strip(".-’'").split("-"):
            if word and word.lower() not in _NOT_NAMES:
                every.add(word.lower())
                if match.start() > 0:
                    inside.add(word.lower())
    scopes = {word for word in re.findall(r"[a-z]+", text) if word in SCOPES}
    return frozenset(every | scopes), frozenset(inside | scopes)


def _alike(first: str, second: str) -> bool:
    """One name in two forms: "Russia" and "Russian", "Olympic" and "Olympics"."""
    return first == second or (
        min(len(first), len(second)) >= 4
        and first[:4] == second[:4]
        and (first.startswith(second[:-1]) or second.startswith(first[:-1]))
    )


def new_names(first: str, second: str, known: frozenset[str]) -> frozenset[str]:
    """The names `second` mentions and `first` does not; `known` are the words the story writes
    capitalised inside a sentence (so that an opening "Nearly" is no name)."""
    ours = _by_prefix(first)
    return frozenset(
        name
        for name in names(second)[0] & known
        if name not in ours[""] and not any(_alike(name, other) for other in ours.get(name[:4], ()))
    )


@lru_cache(maxsize=8192)
def _by_prefix(text: str) -> dict[str, frozenset[str]]:
    """The sentence's names by their first four letters (`_alike` names share them), all under ""."""
    every = names(text)[0]
    groups: dict[str, set[str]] = {}
    for name in every:
        if len(name) >= 4:
            groups.setdefault(name[:4], set()).add(name)
    return {"": every} | {prefix: frozenset(group) for prefix, group in groups.items()}


@lru_cache(maxsize=8192)
def content_stems(text: str) -> frozenset[str]:
    """The stems of the sentence's content words (no stop words, no numbers)."""
    return frozenset(
        stem(word) for word in re.findall(r"[a-z]+", text.lower()) if word not in STOP_WORDS and len(word) > 2
    )
