"""The articles' own words for a question's subject word: "How many people died?" on articles that say
"killed", "dead" and "The four victims". A word of one of `summarize.text.event_words`' families stands
for the family's words the articles use, whether or not some article uses the question's word itself
(one article saying "died" must not hide the others' "killing four workers"). Not a model's similarity
of single words, which places opposites close ("survived" and "died") and synonyms apart ("perished"
and "killed"); and nothing is embedded (read by `summarize.sections.story`'s `subject`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.bigrams import STOP_WORDS, content_tokens
from ..text.event_words import FAMILY_STEMS
from .questions import Question

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")


def _stem(word: str) -> str | None:
    stems = [token for token in content_tokens(word) if token not in STOP_WORDS]
    return stems[0] if len(stems) == 1 else None


def related_words(questions: Sequence[Question], vocabulary: set[str]) -> dict[str, frozenset[str]]:
    """Subject stem of a family's word -> the stems of the family's other words that the articles use
    (only the stems with one)."""
    related: dict[str, frozenset[str]] = {}
    for question in questions:
        for word in _WORD.findall(question.text):
            stem = _stem(word.lower())
            if stem in question.subject and stem in FAMILY_STEMS:
                used = frozenset(other for other in FAMILY_STEMS[stem] - {stem} if other in vocabulary)
                if used:
                    related[stem] = used
    return related
