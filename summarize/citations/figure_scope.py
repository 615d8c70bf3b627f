"""Whether two sentences' different figures for one unit are one count told two ways (a disagreement a
reader wants to see: "[3] gives 9,000 dead") or two counts that merely share a unit.

`summarize.citations.facts.figure_conflicts` pairs figures by what they count ("people", "$"); on the
labelled disagreement set (`bench/disagreements/`) most of what that pairing flagged wrongly was two
counts of one unit: evacuations from different places ("20,000 people were evacuated from Puerto
Progreso" / "About 5,000 people were evacuated inland"), a part and its total ("an additional $100
million"), a rate and a total ("15 years on each count" / "30 years"), a bound the other meets
("fewer than 2,000" / "1,100"), a change and a level ("dropped 92 percent" / "1 percent of the figure"),
a time ago ("30 years ago"), counts from different starts ("since Jan. 20" / "since the beginning of
the year"), a forecast and a report ("may ... perhaps three days" / "seven to 10 days"), temperatures,
or counts told about different things ("1.5 million Americans who suffer a heart attack" / "high blood
pressure, which affects 60 million Americans"), another year's count or a chronology's entry
("2,600,000 bushels in 1974-75", "March 22, 1984 -- ... 115 counts"), two givers ("China's Red Cross
... $106,000" / "The United States sent $300,000"), percentages of different wholes, a storm's
category, or one figure rounded ("200,000" / "205,000") or summed ("130,000 and 75,000 barrels" /
"205,000"). A forecast is read in the figure's own clause ("killing
233, and the toll is expected to rise" reports 233).

On the blind sets that followed, more of the same kinds: a time between two events ("four years before
the end of the war", "seven years late"), a part of a group and a total ("14 of the wounded" / "35
wounded"), a year told before the figure in another clause ("the earthquake of 1906, which ..., was
estimated at 8.3"), a place just before the figure ("At Warapu 500 people"), sums worth of different
things, a relative of the one named ("Buckey's mother"), different owners ("Jammu-Kashmir's 6 million
people" / "India's 880 million"), and what happened read only up to the clause of another figure ("...
100 species may already be extinct, and 43 percent are in decline"). Who, where and of what whole a
figure is told is read in `figure_whose`; where and when its article puts a figure its sentence does
not place (a roundup's heading, a chronology's entry, the place the sentence before a nameless one
names), in `figure_context`.

The rules here keep a figure as a disagreement only when none of these applies. They decide
disagreements only: what refuses corroboration (`PairFacts.figures`) is unchanged.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..text.bigrams import stem
from ..text.dates import MONTHS
from .facts import Quantity, figure_conflicts, is_measure, quantities
from .figure_context import CHRONOLOGY, NOWHERE, Surroundings
from .figure_whose import (
    CONTEXT_WORD,
    NUMBER_START,
    clause_sides,
    named_in,
    same_happening,
    told_apart,
    words_after,
    words_before,
)

# Temperatures change by the hour and the town: two reports' lows are two readings, not a disagreement.
_TEMPERATURES = frozenset(stem(word) for word in "fahrenheit celsius degree degrees".split())
# "a Category 3 hurricane", "level 4": grades that change by the hour (Hugo was upgraded from 3 to 4 in a day).
_LEVELS = frozenset("category level grade phase stage force".split())
# "fewer than 2,000": at most 2,000, which "1,100" meets (facts reads "up to", "under", "nearly").
_AT_MOST = frozenset("fewer less below".split())
# "an additional $100 million", "another 146 products": a part added to a total, not the total.
_PART_BEFORE = frozenset("additional another other further extra".split())
# "14 of the wounded": a part of a group, comparable with another part of it ("Ten of the wounded"), not a total.
_OF_A_GROUP = re.compile(r"\S+\s+of\s+(?:the|them|those|these|whom)\b", re.IGNORECASE)
# "rose 92 percent" is a change, "1 percent of the figure" a level.
_CHANGE = frozenset(
    "rose risen fell fallen dropped declined increased decreased grew jumped plunged soared cut up down by".split()
)
# "30 years ago", "four years before the end of the war", "seven years late": a time between two events,
# not a count; told of time units only ("killed 20 people after the storm" is a count).
_TIME_UNITS = frozenset("minut hour day week month year decad centuri".split())
_OFFSET_AFTER = frozenset("ago before after later earlier late early".split())
# "15 years in prison on each count", "1.5 million ... each year": a rate, not comparable with a total.
_RATE = frozenset("each per apiece every annually".split())
_SINCE = re.compile(r"\bsince\s+([^,;:()]*)", re.IGNORECASE)
# "may help victims out perhaps even three days after": a forecast, which a report's figure does not contradict.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DAY_OF_MONTH = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+\d{1,2}\b", re.IGNORECASE
)
_ATTRIBUTION = re.compile(r"\b(?:said|says|reported|told|according)\b")
_ROUNDING = 0.03  # "200,000" for 205,000; not "20" for 21 hostages (5 %)
# "The government wants only 8 percent ... by 2005": a target, which no report contradicts either.
_HEDGES = frozenset(
    """may might could perhaps possibly probably likely expected expect expects projected want wants aim aims
    target targets goal goals predicted predict predicts forecast forecasts""".split()
)


def _is_temperature(quantity: Quantity) -> bool:
    return quantity.unit in _TEMPERATURES


def _is_level(text: str, quantity: Quantity) -> bool:
    """A storm's category, an alert's level: a grade that changes by the hour, not a count."""
    return any(word.lower() in _LEVELS for word in words_before(text, quantity)[-1:])


def _is_change(text: str, quantity: Quantity) -> bool:
    return any(word.lower() in _CHANGE for word in words_before(text, quantity)[-2:])


def _is_offset(text: str, quantity: Quantity) -> bool:
    """A time between two events ("30 years ago", "two years after studies first linked ..."), not a count."""
    following = [word.lower() for word in words_after(text, quantity)[:1]]
    return bool(following) and (
        following[0] == "ago" or (quantity.unit in _TIME_UNITS and following[0] in _OFFSET_AFTER)
    )


def _is_part(text: str, quantity: Quantity) -> bool:
    return any(word.lower() in _PART_BEFORE for word in words_before(text, quantity)[-2:])


def _of_a_group(quantity: Quantity) -> bool:
    """A part of a group ("14 of the wounded"): comparable with another part of it, not with a total."""
    return bool(_OF_A_GROUP.match(quantity.text))


def _is_rate(text: str, quantity: Quantity) -> bool:
    return any(word.lower() in _RATE for word in words_after(text, quantity))


def _at_most(text: str, quantity: Quantity) -> Quantity:
    """The figure with "fewer than"/"less than" read as the bound it is."""
    if quantity.bound or not any(word.lower() in _AT_MOST for word in words_before(text, quantity)[-2:]):
        return quantity
    return replace(quantity, bound="at most")


def _since(text: str) -> str | None:
    """What a cumulative count runs from ("since Jan. 20"): "dated", "undated", or None without one."""
    match = _SINCE.search(text)
    if not match or match.group(1).lower().startswith("then"):
        return None
    words = {w.lower().rstrip(".,") for w in match.group(1).split()}  # up to the clause's end
    dated = words & MONTHS.keys() or any(re.fullmatch(r"(?:19|20)\d\d", w) for w in words)
    return "dated" if dated else "undated"


def _clause(text: str, quantity: Quantity) -> str:
    """The figure's clause: from the last clause mark before it to the next one after it."""
    before, after = clause_sides(text, quantity)
    return before + quantity.text + after


def _hedged(text: str, quantity: Quantity) -> bool:
    """A forecast ("is expected to draw 18,000 runners"), read in the figure's clause only: "killing 233,
    and the toll is expected to rise" reports 233."""
    return any(word.lower() in _HEDGES for word in CONTEXT_WORD.findall(_clause(text, quantity)))


def _when(text: str, quantity: Quantity) -> frozenset[str]:
    """The years the figure's clause gives it ("2,600,000 bushels in 1974-75 to about 26,000 last year":
    the first; after the figure up to the next one, before it only when no figure is between) and the
    day of a chronology entry the sentence is ("March 22, 1984 -- ... indicted on 115 counts")."""
    after = NUMBER_START.split(clause_sides(text, quantity)[1], maxsplit=1)[0]
    found = set(_YEAR.findall(after))
    # Before it across clauses ("The San Francisco earthquake of 1906, which ..., has been estimated at
    # 8.3"), when no figure is before it (a year after a figure is that figure's); a date's day ("the
    # Dec. 7, 1988, earthquake") is no figure.
    before = _DAY_OF_MONTH.sub(" ", text[: quantity.start])
    if not NUMBER_START.search(_YEAR.sub("", before)):
        found |= set(_YEAR.findall(before))
    entry = CHRONOLOGY.match(text)
    if entry:
        found.add(" ".join(entry.group(1).split()))
    return frozenset(found)


def _crosses_a_figure(quantity: Quantity) -> bool:
    """The unit was read past another number ("injured 23 during a 17-year reign": not 23 years)."""
    return bool(re.search(r"\d", quantity.text[1:].lstrip("0123456789,.")))


def _rounded(first: Quantity, second: Quantity) -> bool:
    """One figure is the other rounded ("200,000 barrels" / "205,000", "90-pound" / "88-pound"): within
    _ROUNDING of each other and the round one has at most two significant digits."""
    larger = max(abs(first.value), abs(second.value))
    if not larger or abs(first.value - second.value) > _ROUNDING * larger:
        return False
    return any(_significant_digits(q.value) <= 2 and abs(q.value) >= 10 for q in (first, second))


def _significant_digits(value: float) -> int:
    return (
        len(f"{abs(value):.0f}".rstrip("0")) if value.is_integer() else len(f"{abs(value)}".replace(".", "").strip("0"))
    )


def _sum_of(figure: Quantity, text: str, parts: tuple[Quantity, ...]) -> bool:
    """The figure is the sum of the other's figures of its unit, told as parts of one whole ("losses of
    130,000 barrels ... and 75,000 bpd" / "205,000 barrels"), not as two sources' counts ("IRNA reported
    10,000 dead, the ambassador said 25,000")."""
    mine = [q for q in parts if q.unit == figure.unit]
    if len(mine) < 2 or _ATTRIBUTION.search(text[mine[0].end : mine[-1].start]):
        return False
    return abs(sum(q.value for q in mine) - figure.value) <= 0.01 * abs(figure.value)


def _in_heading(heading: frozenset[str], text: str, other: frozenset[str]) -> bool:
    """Whether a roundup item's place is the other side's too: named in its sentence or its heading."""
    return not heading or bool(heading & other) or any(named_in(place, text) for place in heading)


def _placed_apart(around: tuple[Surroundings, Surroundings]) -> bool:
    """Two sentences that name nothing, whose articles put them in places neither shares ("Five people
    remained missing" after Valzur's avalanche / "Three people were still missing" after Evolene's)."""
    ours, theirs = around[0].places, around[1].places
    return bool(ours and theirs) and not any(named_in(place, " ".join(theirs).title()) for place in ours)


def _comparable(
    first: str, ours: Quantity, second: str, theirs: Quantity, around: tuple[Surroundings, Surroundings]
) -> bool:
    """Whether two figures of one unit count the same thing, by the rules in the module's doc."""
    if _hedged(first, ours) or _hedged(second, theirs):  # a forecast contradicts no report, nor another forecast
        return False
    entries = tuple(frozenset({a.entry} - {""}) for a in around)  # a chronology entry's day
    if _when(first, ours) | entries[0] != _when(second, theirs) | entries[1]:  # another year's or day's count
        return False
    if not (
        _in_heading(around[0].heading, second, around[1].heading)
        and _in_heading(around[1].heading, first, around[0].heading)
    ):  # a roundup's item tells of its heading's place
        return False
    if _rounded(ours, theirs) or _crosses_a_figure(ours) or _crosses_a_figure(theirs):
        return False
    if told_apart(first, ours, second, theirs) or _placed_apart(around):
        return False
    if _is_temperature(ours) or _is_level(first, ours) or _is_part(first, ours) or _is_part(second, theirs):
        return False
    if _of_a_group(ours) != _of_a_group(theirs):
        return False
    if _is_rate(first, ours) != _is_rate(second, theirs) or _is_change(first, ours) != _is_change(second, theirs):
        return False
    if _is_offset(first, ours) or _is_offset(second, theirs):
        return False
    return same_happening(first, ours, second, theirs)


def disagreeing_figures(
    first: str, second: str, around: tuple[Surroundings, Surroundings] = (NOWHERE, NOWHERE)
) -> tuple[Quantity, ...]:
    """The figures of `second` that give another number for what a figure of `first` counts, told about
    the same thing in the same place (see the module's doc; `around`: what each side's article says of
    where and when, `figure_context`); () when the two share a figure."""
    ours = tuple(_at_most(first, q) for q in quantities(first))
    theirs = tuple(_at_most(second, q) for q in quantities(second))
    since = (_since(first), _since(second))
    if None not in since and since[0] != since[1]:  # counts from different starts ("since Jan. 20" / "this year")
        return ()
    conflicts = figure_conflicts(ours, theirs)
    if not conflicts or any(_sum_of(q, second, theirs) for q in ours):  # a figure of ours sums theirs
        return ()
    found = []
    for figure in conflicts:
        if is_measure(figure) or _sum_of(figure, first, ours):
            continue
        if any(q.unit == figure.unit and _comparable(first, q, second, figure, around) for q in ours):
            found.append(figure)
    return tuple(found)
