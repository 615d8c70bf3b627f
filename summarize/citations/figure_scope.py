"""Whether two sentences' different figures for one unit are one count told two ways (a disagreement a
reader wants to see: "[3] gives 9,000 dead") or two counts that merely share a unit.

`summarize.citations.facts.figure_conflicts` pairs figures by what they count ("people", "$"); on the
labelled disagreement set (`bench/disagreements/`) most of what that pairing flagged wrongly was two
counts of one unit: evacuations from different places ("20,000 people were evacuated from Puerto
Progreso" / "About 5,000 people were evacuated inland"), a part and its total ("an additional $100
million"), a rate and a total ("15 years on each count" / "30 years"), a bound the other meets
("fewer than 2,000" / "1,100"), a change and a level ("dropped 92 percent" / "1 percent of the figure"),
a time ago ("30 years ago"), counts from different starts ("since Jan. 20" / "since the beginning of
the year"), a forecast and a report ("may ... perhaps three days" / "seven to 10 days"), temperatures, or counts told about different things ("1.5 million Americans who
suffer a heart attack" / "high blood pressure, which affects 60 million Americans"). The rules here
keep a figure as a disagreement only when none of these applies. They decide disagreements only: what
refuses corroboration (`PairFacts.figures`) is unchanged.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..text.bigrams import STOP_WORDS, stem
from ..text.dates import MONTHS
from .facts import Quantity, figure_conflicts, is_measure, names, quantities

# Temperatures change by the hour and the town: two reports' lows are two readings, not a disagreement.
_TEMPERATURES = frozenset(stem(word) for word in "fahrenheit celsius degree degrees".split())
# "fewer than 2,000": at most 2,000, which "1,100" meets (facts reads "up to", "under", "nearly").
_AT_MOST = frozenset("fewer less below".split())
# "an additional $100 million", "another 146 products": a part added to a total, not the total.
_PART_BEFORE = frozenset("additional another other further extra".split())
# "rose 92 percent" is a change, "1 percent of the figure" a level; "30 years ago" is a date, not a count.
_CHANGE = frozenset(
    "rose risen fell fallen dropped declined increased decreased grew jumped plunged soared cut up down by".split()
)
# "15 years in prison on each count", "1.5 million ... each year": a rate, not comparable with a total.
_RATE = frozenset("each per apiece every annually".split())
# "evacuated from Puerto Progreso", "killed in Kashmir": the figure counts that place only.
_PLACE_WORDS = frozenset("in from on at off near across throughout inside outside".split())
_HEADING = re.compile(r"^_?([A-Z][\w.]*(?: [A-Z][\w.]*){0,3}):")
_DEICTIC = frozenset(("there", "here"))  # "More than 100 giant pandas live there": a place said before
_CLAUSE_END = re.compile(r"[,;:()\[\]—]|\s--\s")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_CONTEXT_WORDS = 4  # content words either side of a figure that say what is counted and what happened to it
_CLAUSE_WORDS = 15
_SINCE = re.compile(r"\bsince\s+([^,;:()]*)", re.IGNORECASE)
_CONTEXT_WORD = re.compile(r"[A-Za-z]+")
# Words around a figure that say nothing of what it counts ("at least 15", "nearly 600").
_NOT_CONTEXT = frozenset(
    """least most nearly almost about some more than since over under without within between during after
    before including according throughout across around among""".split()
)
# "may help victims out perhaps even three days after": a forecast, which a report's figure does not contradict.
_HEDGES = frozenset("may might could perhaps possibly probably likely expected expect expects projected".split())


def _after(text: str, quantity: Quantity) -> list[str]:
    """The words of the figure's clause after it (up to the next comma or bracket)."""
    clause = _CLAUSE_END.split(text[quantity.end :], maxsplit=1)[0]
    return [word.rstrip(".") for word in _WORD.findall(clause)[:_CLAUSE_WORDS]]


def _before(text: str, quantity: Quantity) -> list[str]:
    clause = _CLAUSE_END.split(text[: quantity.start])[-1]
    return _WORD.findall(clause)


def _is_temperature(quantity: Quantity) -> bool:
    return quantity.unit in _TEMPERATURES


def _is_change(text: str, quantity: Quantity) -> bool:
    return any(word.lower() in _CHANGE for word in _before(text, quantity)[-2:])


def _is_ago(text: str, quantity: Quantity) -> bool:
    return [word.lower() for word in _after(text, quantity)[:1]] == ["ago"]


def _is_part(text: str, quantity: Quantity) -> bool:
    return any(word.lower() in _PART_BEFORE for word in _before(text, quantity)[-2:])


def _is_rate(text: str, quantity: Quantity) -> bool:
    return any(word.lower() in _RATE for word in _after(text, quantity))


def _at_most(text: str, quantity: Quantity) -> Quantity:
    """The figure with "fewer than"/"less than" read as the bound it is."""
    if quantity.bound or not any(word.lower() in _AT_MOST for word in _before(text, quantity)[-2:]):
        return quantity
    return replace(quantity, bound="at most")


def _places(text: str, quantity: Quantity) -> set[str]:
    """The names the figure's clause places it in ("from Puerto Progreso": puerto, progreso), within
    three words of a place word; "there"/"here" as themselves."""
    words = _after(text, quantity)
    found: set[str] = {word.lower() for word in words if word.lower() in _DEICTIC}
    heading = _HEADING.match(text)
    if heading:  # "_New Jersey: High winds ... one death": a roundup's item, all of it in that place
        found |= names("x " + heading.group(1))[1]
    for position, word in enumerate(words):
        if word.lower() not in _PLACE_WORDS:
            continue
        for following in words[position + 1 : position + 4]:
            if following[:1].isupper():
                found |= names(" ".join(["x", following]))[1]  # the words `names` keeps of it
                break
    return found


def _named_in(place: str, text: str) -> bool:
    named = names(text)[0]
    return any(place[:4] == name[:4] and (place.startswith(name[:-1]) or name.startswith(place[:-1])) for name in named)


def _context(text: str, quantity: Quantity) -> set[str]:
    """Stems of the content words next to the figure: what happened to what it counts ("killed",
    "evacuated"); not the words of any figure's unit ("people", "dollars"), which say only what is counted."""
    units = {q.unit for q in quantities(text)} | {stem(w.lower()) for w in _CONTEXT_WORD.findall(quantity.text)}

    def content(words: list[str]) -> list[str]:
        kept = [w for w in words if w[:1].islower() and len(w) > 2 and w not in STOP_WORDS | _NOT_CONTEXT]
        return [stemmed for stemmed in map(stem, kept) if stemmed not in units]

    before = content(_CONTEXT_WORD.findall(text[: quantity.start]))[-_CONTEXT_WORDS:]
    after = content(_CONTEXT_WORD.findall(text[quantity.end :]))[:_CONTEXT_WORDS]
    return set(before + after)


def _since(text: str) -> str | None:
    """What a cumulative count runs from ("since Jan. 20"): "dated", "undated", or None without one."""
    match = _SINCE.search(text)
    if not match or match.group(1).lower().startswith("then"):
        return None
    words = {w.lower().rstrip(".,") for w in match.group(1).split()}  # up to the clause's end
    dated = words & MONTHS.keys() or any(re.fullmatch(r"(?:19|20)\d\d", w) for w in words)
    return "dated" if dated else "undated"


def _hedged(text: str) -> bool:
    return any(word.lower() in _HEDGES for word in _CONTEXT_WORD.findall(text))


def _comparable(first: str, ours: Quantity, second: str, theirs: Quantity) -> bool:
    """Whether two figures of one unit count the same thing, by the rules in the module's doc."""
    if _hedged(first) != _hedged(second):
        return False
    if _is_temperature(ours) or _is_part(first, ours) or _is_part(second, theirs):
        return False
    if _is_rate(first, ours) != _is_rate(second, theirs) or _is_change(first, ours) != _is_change(second, theirs):
        return False
    if _is_ago(first, ours) or _is_ago(second, theirs):
        return False
    if any(not _named_in(place, second) for place in _places(first, ours) - _DEICTIC) or any(
        not _named_in(place, first) for place in _places(second, theirs) - _DEICTIC
    ):
        return False
    if (_places(first, ours) & _DEICTIC) != (_places(second, theirs) & _DEICTIC):
        return False
    return bool(_context(first, ours) & _context(second, theirs))


def disagreeing_figures(first: str, second: str) -> tuple[Quantity, ...]:
    """The figures of `second` that give another number for what a figure of `first` counts, told about
    the same thing in the same place (see the module's doc); () when the two share a figure."""
    ours = tuple(_at_most(first, q) for q in quantities(first))
    theirs = tuple(_at_most(second, q) for q in quantities(second))
    since = (_since(first), _since(second))
    if None not in since and since[0] != since[1]:  # counts from different starts ("since Jan. 20" / "this year")
        return ()
    found = []
    for figure in figure_conflicts(ours, theirs):
        if is_measure(figure):
            continue
        if any(q.unit == figure.unit and _comparable(first, q, second, figure) for q in ours):
            found.append(figure)
    return tuple(found)
