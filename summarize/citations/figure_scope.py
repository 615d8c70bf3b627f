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
suffer a heart attack" / "high blood pressure, which affects 60 million Americans"), another year's
count or a chronology's entry ("2,600,000 bushels in 1974-75", "March 22, 1984 -- ... 115 counts"),
two givers ("China's Red Cross ... $106,000" / "The United States sent $300,000"), percentages of
different wholes, a storm's category, or one figure rounded ("200,000" / "205,000") or summed
("130,000 and 75,000 barrels" / "205,000"). A forecast is read in the figure's own clause ("killing
233, and the toll is expected to rise" reports 233). The rules here keep a figure as a disagreement
only when none of these applies. They decide disagreements only: what
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
# "a Category 3 hurricane", "level 4": grades that change by the hour (Hugo was upgraded from 3 to 4 in a day).
_LEVELS = frozenset("category level grade phase stage force".split())
# "fewer than 2,000": at most 2,000, which "1,100" meets (facts reads "up to", "under", "nearly").
_AT_MOST = frozenset("fewer less below".split())
# "an additional $100 million", "another 146 products": a part added to a total, not the total.
_PART_BEFORE = frozenset("additional another other further extra".split())
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
# "evacuated from Puerto Progreso", "killed in Kashmir": the figure counts that place only.
_PLACE_WORDS = frozenset("in from on at off near across throughout inside outside".split())
_PLACE_BEFORE_WORDS = 3  # "At Warapu 500 people": a place just before the figure; not one a long clause passed
_HEADING = re.compile(r"^_?([A-Z][\w.]*(?: [A-Z][\w.]*){0,3}):")
_DEICTIC = frozenset(("there", "here"))  # "More than 100 giant pandas live there": a place said before
_CLAUSE_END = re.compile(r"[,;:()\[\]—]|\s--\s")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_CONTEXT_WORDS = 4  # content words either side of a figure that say what is counted and what happened to it
_CLAUSE_WORDS = 15
_SINCE = re.compile(r"\bsince\s+([^,;:()]*)", re.IGNORECASE)
_CONTEXT_WORD = re.compile(r"[A-Za-z]+")
_COUNTED_NOUN = re.compile(r" ([a-z]+[^s\W]s)\b")  # a plural noun right after the unit word
# Words around a figure that say nothing of what it counts ("at least 15", "nearly 600").
_NOT_CONTEXT = frozenset(
    """least most nearly almost about some more than since over under without within between during after
    before including according throughout across around among""".split()
)
# "may help victims out perhaps even three days after": a forecast, which a report's figure does not contradict.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A chronology's entry: "March 22, 1984 -- ...", "17, 1988: ...", "Aug. 1 -- ...".
_CHRONOLOGY = re.compile(r"^((?:[A-Z][a-z]{2,8}\.? )?\d{1,2}(?:, (?:19|20)\d\d)?)\s*(?:--|—|:|_)\s")
_DAY_OF_MONTH = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+\d{1,2}\b", re.IGNORECASE
)
_NUMBER_START = re.compile(r"(?<![\w-])(?!(?:19|20)\d\d\b)\d")  # where another figure starts (not a year)
_ATTRIBUTION = re.compile(r"\b(?:said|says|reported|told|according)\b")
_ACTOR_WORDS = 8  # "China's Red Cross said it was sending": the giver is within a few words of the figure
_OF = re.compile(r"\s*of\s+([^,;:()]*)")
_WORTH_OF = re.compile(r"\s*(?:\([^()]*\)\s*)?worth\s+of\s+([^,;:()]*)")
_ROUNDING = 0.03  # "200,000" for 205,000; not "20" for 21 hostages (5 %)
# "The government wants only 8 percent ... by 2005": a target, which no report contradicts either.
_HEDGES = frozenset(
    """may might could perhaps possibly probably likely expected expect expects projected want wants aim aims
    target targets goal goals predicted predict predicts forecast forecasts""".split()
)


def _clause_sides(text: str, quantity: Quantity) -> tuple[str, str]:
    """The figure's clause before it (from the last comma or bracket) and after it (to the next one)."""
    return _CLAUSE_END.split(text[: quantity.start])[-1], _CLAUSE_END.split(text[quantity.end :], maxsplit=1)[0]


def _after(text: str, quantity: Quantity) -> list[str]:
    """The words of the figure's clause after it (up to the next comma or bracket)."""
    return [word.rstrip(".") for word in _WORD.findall(_clause_sides(text, quantity)[1])[:_CLAUSE_WORDS]]


def _before(text: str, quantity: Quantity) -> list[str]:
    return _WORD.findall(_clause_sides(text, quantity)[0])


def _is_temperature(quantity: Quantity) -> bool:
    return quantity.unit in _TEMPERATURES


def _is_level(text: str, quantity: Quantity) -> bool:
    """A storm's category, an alert's level: a grade that changes by the hour, not a count."""
    return any(word.lower() in _LEVELS for word in _before(text, quantity)[-1:])


def _is_change(text: str, quantity: Quantity) -> bool:
    return any(word.lower() in _CHANGE for word in _before(text, quantity)[-2:])


def _is_offset(text: str, quantity: Quantity) -> bool:
    """A time between two events ("30 years ago", "two years after studies first linked ..."), not a count."""
    following = [word.lower() for word in _after(text, quantity)[:1]]
    return bool(following) and (
        following[0] == "ago" or (quantity.unit in _TIME_UNITS and following[0] in _OFFSET_AFTER)
    )


def _is_part(text: str, quantity: Quantity) -> bool:
    return any(word.lower() in _PART_BEFORE for word in _before(text, quantity)[-2:])


def _of_a_group(quantity: Quantity) -> bool:
    """A part of a group ("14 of the wounded"): comparable with another part of it, not with a total."""
    return bool(_OF_A_GROUP.match(quantity.text))


def _is_rate(text: str, quantity: Quantity) -> bool:
    return any(word.lower() in _RATE for word in _after(text, quantity))


def _at_most(text: str, quantity: Quantity) -> Quantity:
    """The figure with "fewer than"/"less than" read as the bound it is."""
    if quantity.bound or not any(word.lower() in _AT_MOST for word in _before(text, quantity)[-2:]):
        return quantity
    return replace(quantity, bound="at most")


def _places(text: str, quantity: Quantity) -> set[str]:
    """The names the figure's clause places it in ("from Puerto Progreso": puerto, progreso; "At Warapu
    500 people"; "in Romania and Bulgaria": both), within three words of a place word; "there"/"here"
    as themselves."""
    after = _after(text, quantity)
    found: set[str] = {word.lower() for word in after if word.lower() in _DEICTIC}
    heading = _HEADING.match(text)
    if heading:  # "_New Jersey: High winds ... one death": a roundup's item, all of it in that place
        found |= names("x " + heading.group(1))[1]
    for words in (_before(text, quantity)[-_PLACE_BEFORE_WORDS:], after):
        for position, word in enumerate(words):
            if word.lower() not in _PLACE_WORDS:
                continue
            for offset, following in enumerate(words[position + 1 : position + 4], start=position + 1):
                if following[:1].isupper():
                    found |= names(" ".join(["x", following]))[1]  # the words `names` keeps of it
                    found |= _joined_place(words[offset + 1 : offset + 3])
                    break
    return found


def _joined_place(words: list[str]) -> set[str]:
    """A second place joined to the first by "and" ("in Romania and Bulgaria": bulgaria)."""
    if len(words) == 2 and words[0] == "and" and words[1][:1].isupper():
        return set(names("x " + words[1])[1])
    return set()


def _named_in(place: str, text: str) -> bool:
    named = names(text)[0]
    return any(place[:4] == name[:4] and (place.startswith(name[:-1]) or name.startswith(place[:-1])) for name in named)


def _context(text: str, quantity: Quantity) -> set[str]:
    """Stems of the content words next to the figure: what happened to what it counts ("killed",
    "evacuated"); not the words of any figure's unit ("people", "dollars"), which say only what is counted."""
    units = {q.unit for q in quantities(text)} | {stem(w.lower()) for w in _CONTEXT_WORD.findall(quantity.text)}
    counted = _COUNTED_NOUN.match(
        text, quantity.end
    )  # "163 giant pandas": the unit read "giant"; pandas is counted too
    if counted:
        units.add(stem(counted.group(1)))

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


def _clause(text: str, quantity: Quantity) -> str:
    """The figure's clause: from the last clause mark before it to the next one after it."""
    before, after = _clause_sides(text, quantity)
    return before + quantity.text + after


def _hedged(text: str, quantity: Quantity) -> bool:
    """A forecast ("is expected to draw 18,000 runners"), read in the figure's clause only: "killing 233,
    and the toll is expected to rise" reports 233."""
    return any(word.lower() in _HEDGES for word in _CONTEXT_WORD.findall(_clause(text, quantity)))


def _when(text: str, quantity: Quantity) -> frozenset[str]:
    """The years the figure's clause gives it ("2,600,000 bushels in 1974-75 to about 26,000 last year":
    the first; after the figure up to the next one, before it only when no figure is between) and the
    day of a chronology entry the sentence is ("March 22, 1984 -- ... indicted on 115 counts")."""
    after = _NUMBER_START.split(_clause_sides(text, quantity)[1], maxsplit=1)[0]
    found = set(_YEAR.findall(after))
    # Before it across clauses ("The San Francisco earthquake of 1906, which ..., has been estimated at
    # 8.3"), when no figure is before it (a year after a figure is that figure's); a date's day ("the
    # Dec. 7, 1988, earthquake") is no figure.
    before = _DAY_OF_MONTH.sub(" ", text[: quantity.start])
    if not _NUMBER_START.search(_YEAR.sub("", before)):
        found |= set(_YEAR.findall(before))
    entry = _CHRONOLOGY.match(text)
    if entry:
        found.add(" ".join(entry.group(1).split()))
    return frozenset(found)


def _actors(text: str, quantity: Quantity) -> frozenset[str]:
    """The names just before the figure in its clause: who gives, sends or counts it ("China's Red Cross said
    it was sending $106,000"), not the places a long clause passed on its way."""
    words = _clause_sides(text, quantity)[0].split()[-_ACTOR_WORDS:]
    return names(" ".join(words))[0]


def _base(text: str, quantity: Quantity) -> frozenset[str]:
    """What a percentage is of ("50.4 percent of the country's population": countri, popul), or what a
    sum is worth of ("4 billion pesos (dlrs 100 million) worth of crops": crop)."""
    match = (_OF if quantity.unit == "%" else _WORTH_OF).match(text, quantity.end)
    if not match:
        return frozenset()
    words = [w.lower() for w in _CONTEXT_WORD.findall(match.group(1))]
    return frozenset(stem(w) for w in words if len(w) > 2 and w not in STOP_WORDS)


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


def _comparable(first: str, ours: Quantity, second: str, theirs: Quantity) -> bool:
    """Whether two figures of one unit count the same thing, by the rules in the module's doc."""
    if _hedged(first, ours) or _hedged(second, theirs):  # a forecast contradicts no report, nor another forecast
        return False
    if _when(first, ours) != _when(second, theirs):  # another year's or day's count
        return False
    if _rounded(ours, theirs) or _crosses_a_figure(ours) or _crosses_a_figure(theirs):
        return False
    base = (_base(first, ours), _base(second, theirs))
    if all(base) and not base[0] & base[1]:  # percentages (or sums) of different wholes
        return False
    actors = (_actors(first, ours), _actors(second, theirs))
    if any(not _named_in(a, second) for a in actors[0]) and any(not _named_in(a, first) for a in actors[1]):
        return False  # each told of a giver the other does not name ("China's Red Cross" / "The United States")
    if _is_temperature(ours) or _is_level(first, ours) or _is_part(first, ours) or _is_part(second, theirs):
        return False
    if _of_a_group(ours) != _of_a_group(theirs):
        return False
    if _is_rate(first, ours) != _is_rate(second, theirs) or _is_change(first, ours) != _is_change(second, theirs):
        return False
    if _is_offset(first, ours) or _is_offset(second, theirs):
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
    conflicts = figure_conflicts(ours, theirs)
    if not conflicts or any(_sum_of(q, second, theirs) for q in ours):  # a figure of ours sums theirs
        return ()
    found = []
    for figure in conflicts:
        if is_measure(figure) or _sum_of(figure, first, ours):
            continue
        if any(q.unit == figure.unit and _comparable(first, q, second, figure) for q in ours):
            found.append(figure)
    return tuple(found)
