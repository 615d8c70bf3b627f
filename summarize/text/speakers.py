"""Who says what: the speaker of each attributed statement, read simply from the way news attributes
speech ("Stoltenberg said", "said Stoltenberg", "Leonid Slutsky, the chairman of ..., also dismissed",
"according to the Kremlin"). A quotation or a "He said" without a name takes the speaker of the
sentence before it (or after it) in the same article. Speakers the articles describe with a common
name ("Kremlin spokesman Dmitry Peskov", "Russian Foreign Minister Sergey Lavrov") are one side. A
news outlet that reports something is nobody's side. A capital named alone ("Moscow has slammed
NATO's decision") speaks for its government, as news means it: it is the same speaker as its country
("Russia accuses NATO ..."), shown by the country's name (summarize.text.capitals); a person who shares
a capital's name and is named by it alone ("Washington said" of a Mr Washington) is taken for the
country, a rare confusion. Not a named-entity recogniser: good enough to tell the parties of a story
apart, so that "how each side responded" hears more than one side.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from ..records import Sentence
from .capitals import COUNTRIES, country_of
from .cues import SPEECH_VERB, in_quotation, outside_quotes, starts_with_speaker_pronoun
from .dates import MONTHS, WEEKDAYS

_WORD = r"[A-Z][\w’'.-]*[\w]"
_NAME = rf"(?P<name>(?:{_WORD}\s+){{0,4}}{_WORD})"
_GAP = r"(?:\s+(?:also|has|have|had|then|again|later|on\s+\w+(?:\s+\d{1,2})?|last\s+\w+|\([^)]{1,30}\)))*"
_APPOSITIVE = r"(?:,\s[^,]{1,100},)?"
_ROLE = r"(?:officials?|spokes(?:man|woman|person)|chief|envoy|diplomats?|sources?|ministry|statement)"
_PATTERNS = [
    re.compile(rf"{_NAME}{_APPOSITIVE}{_GAP}\s+{SPEECH_VERB}\b"),  # Stoltenberg said; Slutsky, the ..., dismissed
    re.compile(rf"\b(?:said|says|added|asked)\s+{_NAME}(?=\s*(?:[.,;:!?”\"]|$))"),  # said Stoltenberg.
    re.compile(rf"\baccording\s+to\s+(?:the\s+)?{_NAME}"),
    re.compile(rf"\b{_NAME}\s+{_ROLE}{_GAP}\s+{SPEECH_VERB}\b"),  # a NATO official told
]
_NOT_NAMES = frozenset(
    """the a an in on at but and or so he she they it we i you this that these those his her their its our
    after as if when while since for from with by to of then also however meanwhile still yet there here
    mr mrs ms dr prof""".split()
)
_TITLES = frozenset(
    """mr mrs ms dr prof president vice prime minister foreign defence defense interior finance secretary
    general secretary-general deputy assistant chancellor senator sen rep gov governor spokesman
    spokeswoman spokesperson chief chairman chairwoman ambassador former top official envoy""".split()
)
# News outlets report; they are not parties to a story ("Sky News reported that ... Prague said").
_MEDIA = frozenset(
    """news agency agencies press times post reuters ap afp tass interfax ria euronews bbc cnn journal
    tribune herald guardian telegraph politico newspaper television tv radio""".split()
)


def _clean(name: str) -> list[str]:
    """The name's words without leading function words and possessive endings."""
    words = [w.rstrip(".").removesuffix("’s").removesuffix("'s") for w in name.split()]
    while words and words[0].lower() in _NOT_NAMES:
        words.pop(0)
    return words


# Every stage reads a sentence's speaker (the reader rules, the sections' speakers, the names a
# surname needs): read once per text.
@lru_cache(maxsize=1 << 16)
def attribution(text: str) -> tuple[tuple[str, ...], str] | None:
    """The words of the name a sentence attributes its statement to, and the words that describe the
    speaker ("Russian presidential spokesman Dmitry Peskov"; "Leonid Slutsky, the chairman of ... of
    Russia's parliament"), if it names one."""
    text = outside_quotes(text)
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            words = _clean(match.group("name"))
            if words and words[-1].lower() in _MEDIA:
                return None  # a report, not a party's statement
            if words:
                clause = re.split(r"[,;:(“”\"]", text[: match.start("name")])[-1].split()[-4:]
                return tuple(words), " ".join(clause) + " " + match.group(0)
    return None


def attributed(text: str) -> list[str] | None:
    """The words of the name a sentence attributes its statement to, if it names one."""
    found = attribution(text)
    return list(found[0]) if found else None


def speaker_key(words: Sequence[str]) -> str:
    """The key of the speaker a name's words name: their surname or institution, lower-cased ("peskov",
    "nato"); a country by its whole name, and a capital alone as its country ("Moscow" -> "russia",
    "Seoul" and "South Korea" -> "south korea", not North Korea's "korea")."""
    country = country_of(words[0]) if len(words) == 1 else None
    whole = " ".join(words).lower()
    return (country or "").lower() or (whole if whole in COUNTRIES else words[-1].lower())


def display_name(words: Sequence[str]) -> str:
    """ "Russian Foreign Minister Sergey Lavrov" -> "Sergey Lavrov"; "Mr Lavrov" -> "Lavrov"; "Moscow"
    -> "Russia" (`speaker_key`)."""
    country = country_of(words[0]) if len(words) == 1 else None
    if country is not None:
        return country
    kept = list(words)
    while len(kept) > 1 and kept[0].lower() in _TITLES:
        kept.pop(0)
    tail = kept[-2:]
    if len(tail) == 2 and tail[0].lower() in _TITLES:
        tail = tail[1:]
    return " ".join(tail)


def speakers(sentences: Sequence[Sentence], texts: Sequence[str]) -> list[str | None]:
    """Each sentence's speaker key (its surname or institution, lower-cased), or None."""
    own = []
    for sentence in sentences:
        words = attributed(sentence.text)
        own.append(speaker_key(words) if words else None)
    result = list(own)
    leans = [
        starts_with_speaker_pronoun(sentence.text) or in_quotation(sentence, texts[sentence.document])
        for sentence in sentences
    ]

    def same_article(index: int, other: int) -> bool:
        return 0 <= other < len(sentences) and sentences[other].document == sentences[index].document

    for index in range(len(sentences)):  # a quote or "He said" continues the speaker before it...
        if result[index] is None and leans[index]:
            for other in (index - 1, index - 2):
                if same_article(index, other) and result[other]:
                    result[index] = result[other]
                    break
    for index in range(len(sentences)):  # ...or is attributed just after it
        if result[index] is None and leans[index]:
            for other in (index + 1, index + 2):
                if same_article(index, other) and own[other]:
                    result[index] = own[other]
                    break
    return result


def speaker_names(sentences: Sequence[Sentence]) -> dict[str, str]:
    """Speaker key -> the fullest way the articles name them ("peskov" -> "Dmitry Peskov")."""
    forms: dict[str, Counter[str]] = {}
    for sentence in sentences:
        words = attributed(sentence.text)
        if words:
            forms.setdefault(speaker_key(words), Counter())[display_name(words)] += 1
    return {
        key: max(counter, key=lambda name: (len(name.split()), counter[name], name)) for key, counter in forms.items()
    }


def unintroduced_name(text: str, full_names: dict[str, str]) -> str | None:
    """The given name a sentence leaves out when it names its speaker by surname only ("Peskov said",
    "said Stoltenberg", "Mr Lavrov complained") and the articles give that speaker a full name
    (`full_names`: `speaker_names`, "peskov" -> "Dmitry Peskov"): a reader learns who that is from
    another sentence. None for a full name, a title with the surname ("President Clinton"), or a
    speaker the articles name in one word ("Moscow")."""
    words = attributed(text)
    if not words or len(words) != 1 or country_of(words[0]) is not None or words[0].lower() in COUNTRIES:
        return None  # a capital or a country is its government: "Washington said", "India said"
    full = full_names.get(speaker_key(words), "").split()
    if len(full) < 2 or re.search(rf"\b{re.escape(full[0])}\b", text):
        return None
    if any("-" in word or word.lower() in COUNTRIES or country_of(word) for word in full):
        return None  # "Hindu-dominated India", "Moscow Police": a description, not a person's given name
    return full[0]


def speaker_descriptions(sentences: Sequence[Sentence]) -> dict[str, str]:
    """Speaker key -> every way the articles describe them, run together ("peskov" -> "Kremlin
    spokesman Dmitry Peskov ... Russian presidential spokesman Dmitry Peskov told ...")."""
    described: dict[str, list[str]] = {}
    for sentence in sentences:
        found = attribution(sentence.text)
        if found:
            described.setdefault(speaker_key(found[0]), []).append(found[1])
    return {key: " ".join(texts) for key, texts in described.items()}


def speaker_sides(sentences: Sequence[Sentence]) -> dict[str, str]:
    """Speaker key -> a key shared by the speakers of one side: speakers are on one side when the
    articles describe them with a common name ("Kremlin spokesman Dmitry Peskov", "Russian
    presidential spokesman Dmitry Peskov", "Russian Foreign Minister Sergey Lavrov": Peskov, Lavrov
    and the Kremlin are one side; "NATO Secretary General Jens Stoltenberg" and "a NATO official"
    another). Only names the articles give count; no outside knowledge."""
    affiliations: dict[str, set[str]] = {}
    for sentence in sentences:
        found = attribution(sentence.text)
        if not found:
            continue
        words, description = found
        key = speaker_key(words)
        names = {w.lower() for w in display_name(words).split()}
        tokens = affiliations.setdefault(key, {key})
        for token in re.findall(r"[A-Z][\w-]*", description):
            token = token.lower().removesuffix("’s").removesuffix("'s")
            if token not in names and token not in _TITLES and token not in _NOT_NAMES and len(token) > 2:
                tokens.add(token)
    parent = {key: key for key in affiliations}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def alike(first: str, second: str) -> bool:  # "Russia" and "Russian"
        return first == second or (
            min(len(first), len(second)) >= 4 and (first.startswith(second) or second.startswith(first))
        )

    keys = sorted(affiliations)
    for position, first in enumerate(keys):
        for second in keys[position + 1 :]:
            if any(alike(a, b) for a in affiliations[first] for b in affiliations[second]):
                parent[root(second)] = root(first)
    return {key: root(key) for key in keys}


# A given name and a surname side by side ("Baltasar Garzon"), read at every word so overlapping
# pairs are all seen ("Judge Baltasar Garzon": "Judge Baltasar" and "Baltasar Garzon").
_NAME_PAIR = re.compile(r"(?<![\w’'-])(?=([A-Z][a-z]+) ([A-Z][a-z]{2,})\b(?!['’-]))")
# A surname alone as the sentence's subject: "Garzon is also investigating ...", "Garzon, who ...".
_SURNAME_SUBJECT = re.compile(r"^([A-Z][a-z]{2,})(?:,\s|\s+(?:also\s+|has\s+|had\s+|is\s+|was\s+)?[a-z])")
# A weekday or a month's full name ("Monday", "April"), never a given name.
_CALENDAR = frozenset(WEEKDAYS) | {name for name in MONTHS if not any(o != name and o.startswith(name) for o in MONTHS)}


def people_named_in_full(texts: Sequence[str]) -> dict[str, str]:
    """Surname -> the given name the texts write before it most often ("Garzon" -> "Baltasar"), for
    names neither of whose words is written in lower case, by the texts or by English at large
    (`written_in_lower_case`: "Judge Garzon", "North Aceh" are no names), whose surname the texts do
    not give a thing ("the Hubble telescope"), and whose given name is no title, country, capital,
    month or weekday."""
    from .sentences import written_in_lower_case  # (Punkt's model: loaded only when names are read)

    lower = {word for text in texts for word in re.findall(r"\b[a-z]+\b", text)}
    things = {word for text in texts for word in re.findall(r"\b[Tt]he ([A-Z][a-z]+)\b", text)}  # "the Hubble"
    pairs: Counter[tuple[str, str]] = Counter()
    for text in texts:
        for match in _NAME_PAIR.finditer(text):
            given, surname = match.group(1), match.group(2)
            words = (given, surname)
            if any(word.lower() in lower or written_in_lower_case(word) for word in words) or surname in things:
                continue
            if given.lower() in _TITLES | _NOT_NAMES | _CALENDAR:
                continue
            if country_of(given) or country_of(surname) or {given.lower(), surname.lower()} & COUNTRIES:
                continue
            pairs[(given, surname)] += 1
    people: dict[str, str] = {}
    for (given, surname), _ in sorted(pairs.items(), key=lambda item: (-item[1], item[0])):
        if surname not in people and _a_person_by_surname(surname, texts):
            people[surname] = given
    return people


# Whether the texts use a surname alone for a person. For one: after a title ("Mr. Ford", "Judge
# Garzon"), before an age or "who" ("Garzon, 54,", "Garzon, who ..."), or as a subject whose pronoun
# is a person's ("Garzon ... responded that he ..."). Against: a company's or a place's name ("Ford
# Motor Co.", "Harris County") or a subject whose pronoun is "its" ("Ford is recalling its ..."): a pair
# "Henry Ford" then proves nothing about "Ford is recalling ...". Neither: a person, as most are.
_PERSON_TITLE = (
    r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Judge|Justice|Sen|Rep|Gov|Gen|Col|Capt|Sgt|Lt|Insp|Det|Rev|Father|Sister|"
    r"President|Chancellor|Premier|Minister|Secretary|Senator|Governor|Mayor|Sir|Lady|Lord|Dame)\.?"
)
_THING_WORDS = (
    r"Motors?|Co|Corp|Corporation|Inc|Ltd|Company|Group|Airlines?|Bank|Foundation|County|City|Street|"
    r"Avenue|Park|River|Lake|Island|University|College|Stadium|Airport"
)
_PERSON_PRONOUN = re.compile(r"\b(?:(?P<person>he|she|his|her|him|himself|herself)|it|its|itself)\b", re.IGNORECASE)


def _a_person_by_surname(surname: str, texts: Sequence[str]) -> bool:
    name = re.escape(surname)
    titled = re.compile(rf"\b{_PERSON_TITLE} {name}\b")
    described = re.compile(rf"(?P<before>\b\w+ )?\b{name}, (?:\d+,|who\b)")  # not "Henry Ford, who"
    subject = re.compile(rf"^(?:(?:But|And|Yet|Now),? )?{name}\b(?! [A-Z])(?![’'])")
    thing = re.compile(rf"\b{name}(?: (?:{_THING_WORDS})\b| &)")
    against = False
    for text in texts:
        if titled.search(text) or any(
            not (match.group("before") or "x")[0].isupper() for match in described.finditer(text)
        ):
            return True
        found = subject.match(text)
        pronoun = _PERSON_PRONOUN.search(text, found.end()) if found else None
        if pronoun is not None and pronoun.group("person"):
            return True
        its = pronoun is not None and pronoun.group().lower() in ("its", "itself")  # "it" may be a clause's
        against = against or its or thing.search(text) is not None
    return not against


def unintroduced_subject(text: str, people: dict[str, str]) -> str | None:
    """The given name a sentence leaves out when its subject is a person's surname alone ("Garzon is also
    investigating ...") and the texts name that person in full (`people_named_in_full`); None otherwise."""
    match = _SURNAME_SUBJECT.match(text)
    if match is None:
        return None
    given = people.get(match.group(1))
    return None if given is None or re.search(rf"\b{re.escape(given)}\b", text) else given
