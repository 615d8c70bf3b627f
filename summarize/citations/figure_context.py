"""Where and when the article puts a figure its sentence does not place itself: the paragraph around it.

A reader of the article knows what "Damage was put at $2 million to $4 million." or "Three
people were still missing." is about from the lines before it; a disagreement shown without them can
set two places' counts against each other. Read here, from the sentence's article:

- a roundup's item ("_Illinois: Strong winds ... Damage was estimated at $3 million", a paragraph
  opening with a heading): every figure of the paragraph is that place's;
- a chronology's entry ("_Jan. 17, 1986: ... The remaining defendants ... still face 100 counts"):
  every figure of the paragraph is of that day;
- a sentence whose main clause names no one and nowhere (`main_clause`: without "..., the Austria Press
  Agency said") tells of what the sentence before it placed ("Rescuers in Evolene, Switzerland, found
  five more bodies" / "Three people were still missing."): the places that sentence puts things in
  ("in Evolene", "the town of Valzur").

`figure_scope.disagreeing_figures` reads these beside the sentences' own words (`Surroundings`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Analysis
from .facts import names
from .figure_whose import WORD, heading_places, places_in
from .main_clause import main_clause

_PARAGRAPH = "\n\n"
# A chronology's entry, opening a sentence or a paragraph: "March 22, 1984 -- ...", "_Jan. 17, 1986: ...".
CHRONOLOGY = re.compile(r"^_?((?:[A-Z][a-z]{2,8}\.? )?\d{1,2}(?:, (?:19|20)\d\d)?)\s*(?:--|—|:|_)\s")
# "the town of Valzur", "the province of Albay": a place named by what it is.
_NAMED_PLACE = re.compile(r"\b(?:town|village|city|province|state|island|county|region|district)\s+of\s+([A-Z][\w-]+)")


@dataclass(frozen=True)
class Surroundings:
    """What a sentence's article says of where and when its figures are (see the module's doc)."""

    heading: frozenset[str] = frozenset()  # a roundup item's place names
    entry: str = ""  # a chronology entry's day
    places: frozenset[str] = frozenset()  # for a sentence that names nothing: where the one before it is


NOWHERE = Surroundings()


def is_bare(text: str) -> bool:
    """Whether the sentence's main clause names no one and nowhere (nor a scope: "the state")."""
    return not names(main_clause(text))[1]


def _paragraph(analysis: Analysis, index: int) -> tuple[str, str]:
    """The sentence's paragraph's opening up to the sentence, and the sentence before it in its article."""
    sentence = analysis.sentences[index]
    text = analysis.documents[sentence.document].text
    start = text.rfind(_PARAGRAPH, 0, sentence.start)
    opening = text[start + len(_PARAGRAPH) if start >= 0 else 0 : sentence.end].lstrip()
    previous = analysis.sentences[index - 1] if index > 0 else None  # sentences are in article order
    before = previous.text if previous and previous.document == sentence.document else ""
    return opening, before


def surroundings(analysis: Analysis, index: int) -> Surroundings:
    """Where and when the sentence's article puts its figures, beyond the sentence's own words."""

    def compute() -> Surroundings:
        opening, before = _paragraph(analysis, index)
        heading = heading_places(opening) if opening.startswith("_") else frozenset()  # AP's: "_Illinois:"
        entry = CHRONOLOGY.match(opening)
        places: frozenset[str] = frozenset()
        if is_bare(analysis.sentences[index].text) and before:
            found = places_in(WORD.findall(before)) | {m.lower() for m in _NAMED_PLACE.findall(before)}
            places = frozenset(found)
        return Surroundings(
            heading,
            " ".join(entry.group(1).split()) if entry else "",
            places,
        )

    return analysis.derived(("figure_context.surroundings", index), compute)
