"""A prompt's questions read for what they ask: the kind of answer (a statement, the past, the event,
a date) and the words that name their subject. How sentences answer them is `summarize.sections.relevance`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text.bigrams import STOP_WORDS, content_tokens

# A question's wording -> the kind of sentence that answers it.
ANSWER_CUES = {
    "statement": re.compile(
        r"\b(say|says|said|saying|respond\w*|react\w*|statements?|comment\w*|critici[sz]\w*|condemn\w*|"
        r"defend\w*|accus\w*|warn\w*|claim\w*|repl(?:y|ied|ies)|views?|positions?|stances?|quot\w*|"
        r"spokes\w*|told|tell|argue\w*|justif\w*|explain\w*|reasons?)\b",
        re.IGNORECASE,
    ),
    "past": re.compile(
        r"\b(background|history|historical|before|earlier|previous\w*|past|years|led|lead(?:ing)? up|"
        r"origins?|context|since|ago|roots?|again|precedents?)\b",
        re.IGNORECASE,
    ),
    "event": re.compile(
        r"\b(happen\w*|decid\w*|decisions?|announc\w*|news|facts?|took place|occur\w*|done|actions?)\b",
        re.IGNORECASE,
    ),
    "number": re.compile(r"\bhow (?:many|much)\b|\b(?:numbers?|toll|figures?|totals?|amounts?)\b", re.IGNORECASE),
    "cause": re.compile(r"\b(?:why|caus\w*|what led to|blam\w*|trigger\w*|sparked)\b", re.IGNORECASE),
    "date": re.compile(r"\b(when|dates?|days?|timeline|order|sequence|chronolog\w*|unfold\w*)\b", re.IGNORECASE),
}
# Words a question asks with, not words that name its subject: they need not occur in the articles.
FRAME_WORDS = frozenset(
    """happen happened happening happens decide decided decides decision decisions announce announced
    announcement respond responded response responses react reacted reaction reactions say said says
    saying tell told side sides each party parties official officials government governments leader
    leaders spokesman spokesmen spokeswoman spokeswomen spokesperson spokespeople minister ministers
    expert experts analyst analysts observer observers background context history historical event
    events lead led leading earlier previous previously past year years day days date dates time times
    timeline order sequence first next last consequence consequences mean means meaning why reason
    reasons cause caused causes explain explained justify justified other others people involved
    affected key main fact facts news story action actions take taken took make made do did does done
    change changed changes follow followed else important matter matters according view views position
    positions stance comment comments statement statements criticize criticise criticized criticised
    defend defended accuse accused warn warned claim claimed outside international world country
    countries relation relations relationship unfold unfolded come came end ended begin began start
    started place part role whole way ways kind thing things anyone anything someone something like
    similar former current develop developed development many much long ago since before after again
    precedent precedents origin origins root roots step steps move moves stand stood one two think
    thought describe described""".split()
)
_FRAME_TOKENS = frozenset(token for word in FRAME_WORDS for token in content_tokens(word))


@dataclass(frozen=True)
class Question:
    text: str
    kinds: tuple[str, ...]  # keys of ANSWER_CUES
    subject: tuple[str, ...]  # stemmed words that name what it asks about


def read_question(text: str) -> Question:
    """What kind of answer a question asks for, and the words that name its subject."""
    kinds = tuple(kind for kind, cue in ANSWER_CUES.items() if cue.search(text))
    if len(kinds) > 1:  # "what happened before", "who criticized the decision": the other kind is asked
        kinds = tuple(kind for kind in kinds if kind != "event")
    subject = tuple(
        dict.fromkeys(
            token
            for token in content_tokens(text)
            if token not in STOP_WORDS and token not in _FRAME_TOKENS and len(token) > 1
        )
    )
    return Question(text, kinds, subject)


def section_kinds(questions: Sequence[str]) -> frozenset[str]:
    """The kinds of answer at least half of a section's questions ask for."""
    asked = [read_question(q).kinds for q in questions]
    return frozenset(k for k in ANSWER_CUES if 2 * sum(k in kinds for kinds in asked) >= len(asked))


def names(word: str, words: set[str]) -> bool:
    """Whether `words` name `word`, allowing for endings the stemmer keeps ("Russia", "Russian")."""
    return word in words or (
        len(word) >= 4
        and any(len(other) >= 4 and (other.startswith(word) or word.startswith(other)) for other in words)
    )
