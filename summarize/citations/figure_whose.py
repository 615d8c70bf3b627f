"""Whose, where and what a figure of a sentence counts, read simply from the words around it: the
places its clause puts it in, who gives or owns it ("China's Red Cross said it was sending $106,000",
"India's 880 million people", "Buckey's mother"), what whole a share or a sum is of ("percent of the
vote", "worth of crops"), and what happened to it ("killed", "evacuated"). `figure_scope` compares two
figures with them: figures told of different people, places or wholes are two counts, not a disagreement.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..text.bigrams import STOP_WORDS, stem
from ..text.event_words import FAMILY_OF
from .facts import Quantity, names, quantities

# "evacuated from Puerto Progreso", "killed in Kashmir": the figure counts that place only.
_PLACE_WORDS = frozenset("in from on at off near across throughout inside outside".split())
_PLACE_BEFORE_WORDS = 3  # "At Warapu 500 people": a place just before the figure; not one a long clause passed
_HEADING = re.compile(r"^_?([A-Z][\w.]*(?: [A-Z][\w.]*){0,3}):")
_DEICTIC = frozenset(("there", "here"))  # "More than 100 giant pandas live there": a place said before
_CLAUSE_END = re.compile(r",(?!\d{3}\b)|[;:()\[\]—]|\s--\s")  # not the comma of "5,743"
WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_CONTEXT_WORDS = 4  # content words either side of a figure that say what is counted and what happened to it
_CLAUSE_WORDS = 15
CONTEXT_WORD = re.compile(r"[A-Za-z]+")
_COUNTED_NOUN = re.compile(r" ([a-z]+[^s\W]s)\b")  # a plural noun right after the unit word
# Words around a figure that say nothing of what it counts ("at least 15", "nearly 600").
_NOT_CONTEXT = frozenset(
    """least most nearly almost about some more than since over under without within between during after
    before including according throughout across around among""".split()
)
_ACTOR_WORDS = 8  # "China's Red Cross said it was sending": the giver is within a few words of the figure
_OWNER = re.compile(r"([A-Z][\w.-]*)['’]s\s+(?:\w+\s+){0,2}$")  # "India's 880 million", "Iraq's estimated 100,000"
# "Buckey's mother", "his family's fortune": another person than the one named, whose count is another.
_RELATIVE = re.compile(
    r"(?:\b[A-Z][\w.-]*['’]s|\b(?:his|her|their))\s+(?:\w+\s+)?(mother|father|wife|husband|son|daughter|brother|"
    r"sister|family|parents|children|relatives|widow)\b"
)
_OF = re.compile(r"\s*of\s+([^,;:()]*)")
_WORTH_OF = re.compile(r"\s*(?:\([^()]*\)\s*)?worth\s+of\s+([^,;:()]*)")
NUMBER_START = re.compile(r"(?<![\w-])(?!(?:19|20)\d\d\b)\d")  # where another figure starts (not a year)


def clause_sides(text: str, quantity: Quantity) -> tuple[str, str]:
    """The figure's clause before it (from the last comma or bracket) and after it (to the next one)."""
    return _CLAUSE_END.split(text[: quantity.start])[-1], _CLAUSE_END.split(text[quantity.end :], maxsplit=1)[0]


def words_after(text: str, quantity: Quantity) -> list[str]:
    """The words of the figure's clause after it (up to the next comma or bracket)."""
    return [word.rstrip(".") for word in WORD.findall(clause_sides(text, quantity)[1])[:_CLAUSE_WORDS]]


def words_before(text: str, quantity: Quantity) -> list[str]:
    """The words of the figure's clause before it (from the last comma or bracket)."""
    return WORD.findall(clause_sides(text, quantity)[0])


def _places(text: str, quantity: Quantity) -> set[str]:
    """The names the figure's clause places it in ("from Puerto Progreso": puerto, progreso; "At Warapu
    500 people"; "in Romania and Bulgaria": both), within three words of a place word; "there"/"here"
    as themselves. A place named before the next figure is this figure's ("2,000 people in India and 1,000
    in Nepal": India); without one, a place after it is both's ("killing 60 and injuring 162 in Sweden")."""
    after = words_after(text, quantity)
    clause_after = clause_sides(text, quantity)[1]
    own = NUMBER_START.split(clause_after, maxsplit=1)[0]
    if len(own) < len(clause_after) and places_in(WORD.findall(own)):
        after = WORD.findall(own)
    found: set[str] = {word.lower() for word in after if word.lower() in _DEICTIC}
    found |= heading_places(text)  # "_New Jersey: High winds ... one death": a roundup's item, all in that place
    return found | places_in(words_before(text, quantity)[-_PLACE_BEFORE_WORDS:], after)


def heading_places(text: str) -> frozenset[str]:
    """The place names of a roundup item's heading that `text` opens with ("_New Jersey:"); none without one."""
    heading = _HEADING.match(text)
    return names("x " + heading.group(1))[1] if heading else frozenset()


def places_in(*spans: list[str]) -> set[str]:
    """The names within three words after a place word ("from Puerto Progreso": puerto)."""
    found: set[str] = set()
    for words in spans:
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


def named_in(place: str, text: str) -> bool:
    named = names(text)[0]
    return any(place[:4] == name[:4] and (place.startswith(name[:-1]) or name.startswith(place[:-1])) for name in named)


# Words for one happening (their home: `summarize.text.event_words`): "two people were hurt" and "three
# people suffered minor injuries" count the injured, "at least 129 died" and "killed at least 156 people"
# the dead.
_HAPPENING = FAMILY_OF
_TOLLS = frozenset({"kill", "injur"})


def _context(text: str, quantity: Quantity) -> set[str]:
    """Stems of the content words next to the figure: what happened to what it counts ("killed",
    "evacuated"); not the words of any figure's unit ("people", "dollars"), which say only what is counted."""
    units = {q.unit for q in quantities(text)} | {stem(w.lower()) for w in CONTEXT_WORD.findall(quantity.text)}
    counted = _COUNTED_NOUN.match(text, quantity.end)  # "163 giant pandas": unit "giant", pandas counted too
    if counted:
        units.add(stem(counted.group(1)))

    def content(words: list[str]) -> list[str]:
        kept = [w for w in words if w[:1].islower() and len(w) > 2 and w not in STOP_WORDS | _NOT_CONTEXT]
        return [_HAPPENING.get(stemmed, stemmed) for stemmed in map(stem, kept) if stemmed not in units]

    before_text, after_text = _reach(text, quantity)
    before = content(CONTEXT_WORD.findall(before_text))[-_CONTEXT_WORDS:]
    after = content(CONTEXT_WORD.findall(after_text))[:_CONTEXT_WORDS]
    return set(before + after)


def _reach(text: str, quantity: Quantity) -> tuple[str, str]:
    """The text before and after the figure that can tell what it counts: its clause, and the clauses
    either side up to one that gives another figure ("... 1,856 of them face extinction, more than 100
    species may already be extinct, and 43 percent are in a population decline": 43 percent is not
    said to face extinction)."""
    marks = [0, *(m.end() for m in _CLAUSE_END.finditer(text)), len(text)]
    clauses = [(a, b) for a, b in pairwise(marks) if b > a]
    others = [q.start for q in quantities(text) if q.start != quantity.start]

    def has_figure(clause: tuple[int, int]) -> bool:
        return any(clause[0] <= f < clause[1] for f in others)

    own = next(i for i, (a, b) in enumerate(clauses) if a <= quantity.start < b)
    first = own
    while first > 0 and not has_figure(clauses[first - 1]):
        first -= 1
    last = own
    while last < len(clauses) - 1 and not has_figure(clauses[last + 1]):
        last += 1
    return text[clauses[first][0] : quantity.start], text[quantity.end : clauses[last][1]]


def _actors(text: str, quantity: Quantity) -> frozenset[str]:
    """The names just before the figure in its clause: who gives, sends or counts it ("China's Red Cross said
    it was sending $106,000"), not the places a long clause passed on its way."""
    words = clause_sides(text, quantity)[0].split()[-_ACTOR_WORDS:]
    return names(" ".join(words))[0]


def _base(text: str, quantity: Quantity) -> frozenset[str]:
    """What a percentage is of ("50.4 percent of the country's population": countri, popul), or what a
    sum is worth of ("4 billion pesos (dlrs 100 million) worth of crops": crop)."""
    match = (_OF if quantity.unit == "%" else _WORTH_OF).match(text, quantity.end)
    if not match:
        return frozenset()
    words = [w.lower() for w in CONTEXT_WORD.findall(match.group(1))]
    return frozenset(stem(w) for w in words if len(w) > 2 and w not in STOP_WORDS)


def _relatives(text: str) -> frozenset[str]:
    return frozenset(match.group(1) for match in _RELATIVE.finditer(text))


def _base_names(text: str, quantity: Quantity) -> frozenset[str]:
    """The names a percentage's whole is of ("12 percent of India's 880 million people": india)."""
    match = _OF.match(text, quantity.end) if quantity.unit == "%" else None
    return names("x " + match.group(1))[1] if match else frozenset()


# "the eastern Caribbean and the Carolinas", "Romania and Bulgaria": places joined, a whole of several.
_JOINED = re.compile(r"\b([A-Z][\w.-]*)(?:,| and| or)\s+(?:the\s+)?(?:[a-z]+\s+)?([A-Z][\w.-]*)")


def _wider(first: str, ours: Quantity, second: str) -> bool:
    """Whether `second` tells of our figure's place joined with another that `first` does not name: its
    figure is the whole's ("Ten people in the Carolinas" / "Hugo blasted the eastern Caribbean and the
    Carolinas ..., killing at least 41 people"), not the place's."""
    places = _places(first, ours) - _DEICTIC
    for match in _JOINED.finditer(second):
        joined = [names("x " + word)[1] for word in match.groups()]
        for one, other in (joined, joined[::-1]):
            if any(named_in(p, " ".join(one).title()) for p in places) and any(not named_in(o, first) for o in other):
                return True
    return False


def told_apart(first: str, ours: Quantity, second: str, theirs: Quantity) -> bool:
    """Whether two figures are told of different wholes, people or places: a percentage or sum of other
    things, a relative of the one named, another owner, another giver, a place the other does not name."""
    whole = (_base(first, ours), _base(second, theirs))
    if all(whole) and not whole[0] & whole[1]:  # percentages (or sums) of different wholes
        return True
    if _relatives(first[: ours.start]) != _relatives(second[: theirs.start]):
        return True  # "Raymond Buckey spent nearly five years in jail" / "Buckey's mother ... nearly two years"
    owners = (_OWNER.search(first[: ours.start]), _OWNER.search(second[: theirs.start]))
    if owners[0] and owners[1] and owners[0].group(1)[:4].lower() != owners[1].group(1)[:4].lower():
        return True  # "Jammu-Kashmir's 6 million people" / "India's 880 million people"
    wholes = (_base_names(first, ours), _base_names(second, theirs))
    if all(wholes) and not any(a[:4] == b[:4] for a in wholes[0] for b in wholes[1]):
        return True  # "percent of Jammu-Kashmir's 6 million people" / "percent of India's 880 million"
    actors = (_actors(first, ours), _actors(second, theirs))
    if any(not named_in(a, second) for a in actors[0]) and any(not named_in(a, first) for a in actors[1]):
        return True  # each told of a giver the other does not name ("China's Red Cross" / "The United States")
    if _wider(first, ours, second) or _wider(second, theirs, first):
        return True  # one place's count / a count of it and another place together
    places = (_places(first, ours), _places(second, theirs))
    if any(not named_in(place, second) for place in places[0] - _DEICTIC) or any(
        not named_in(place, first) for place in places[1] - _DEICTIC
    ):
        return True
    return places[0] & _DEICTIC != places[1] & _DEICTIC


def same_happening(first: str, ours: Quantity, second: str, theirs: Quantity) -> bool:
    """Whether the words around the two figures share what happened to what they count; never when one
    counts the dead and the other the injured ("Twelve people were dead, officials said." / "Fifteen
    people were hurt, officials said.": "officials" is not what happened to them)."""
    words = (_context(first, ours), _context(second, theirs))
    tolls = (words[0] & _TOLLS, words[1] & _TOLLS)
    if tolls[0] and tolls[1] and not tolls[0] & tolls[1]:
        return False
    return bool(words[0] & words[1])
