"""Sentences a reader can use: none that points back to something the brief has not said, and no two
that report the same main fact.

The rules' public names, in one place; each job has its own module: what a sentence leans on and why
(summarize.selection.leaning, which describes the rules), what gives it that and the order a reader
takes the brief in (summarize.selection.support), and the same-fact pairs
(summarize.selection.same_fact). The selection (summarize.selection.concepts, summarize.sections.compose)
turns these into constraints and orders the brief so each sentence follows what it leans on;
`same_fact_pairs` finds chosen sentences that the corroboration judge says report one fact, which the
selection then keeps apart: of different sources, or of one (an article that reports a statement and
then quotes it).
"""

from __future__ import annotations

from .leaning import (
    STANDS_ALONE,
    Leaning,
    definite_noun,
    introduction_needed,
    leaning,
    leanings,
    opens_with_connective,
    opens_with_event,
    points_back,
    stands_in_section,
    stems,
    unnamed_speaker,
)
from .same_fact import Decision, SameFact, ScreenedSameFact, reports_a_chosen_fact, same_fact_pairs
from .support import introduced_first, introducers, mentioning, reading_order, supporters, usable

__all__ = [
    "STANDS_ALONE",
    "Decision",
    "Leaning",
    "SameFact",
    "ScreenedSameFact",
    "definite_noun",
    "introduced_first",
    "introducers",
    "introduction_needed",
    "leaning",
    "leanings",
    "mentioning",
    "opens_with_connective",
    "opens_with_event",
    "points_back",
    "reading_order",
    "reports_a_chosen_fact",
    "same_fact_pairs",
    "stands_in_section",
    "stems",
    "supporters",
    "unnamed_speaker",
    "usable",
]
