"""Sentences a reader can use: none that points back to something the brief has not said, and no two
that report the same main fact.

A sentence *leans* on the one before it in its article when its subject or reference is there: it
opens with a pronoun or a demonstrative ("He said ...", "This ...", "Their ..."), gives its words to a
bare pronoun ("“These actions ...,” he said"), continues a quotation opened before it, or is a whole
quotation that names no speaker ("“We told everyone this levee would fail.”" after "“...,” Okafor
said."). Such a
sentence may enter a brief only right after the sentence it leans on. A sentence that opens with a
demonstrative noun ("This decision ...") or with a definite noun and names nothing else ("The
expulsion was the second of its sort in recent years") points back more loosely: it needs a brief sentence before it that mentions that noun (or the one
before it in its article). Two more point back strictly: a sentence that opens with an event noun and
no complement ("The Kremlin’s response on Thursday came ...": the response the article has just told)
needs the sentence before it in its article (so does one whose event noun a name owns: "Moscow’s
response ..."); one whose speaker is definite and unnamed ("..., the NATO official told the AP":
introduced earlier) needs the previous sentence, and only when that sentence mentions the speaker's
role. So does one that opens with a connective ("In fact, these prospects ...", "But ...", "As a
result, ..."): it says how it follows from the sentence before it. A sentence that names its speaker by
surname only ("Peskov said"; the articles call him "Dmitry Peskov") points back loosely too: it needs a
brief sentence before it that gives the speaker's given name, which introduces them. A sentence that
gives what a loose lean needs must itself stand alone: one that leans on something the brief may not
say introduces nothing.


The selection (summarize.selection.concepts) turns these into constraints and orders the brief so each
sentence follows what it leans on; `same_fact_pairs` finds chosen sentences that the corroboration
judge says report one fact, which the selection then keeps apart: of different sources, or of one (an
article that reports a statement and then quotes it).

The rules' public names, in one place; each job has its own module: what a sentence leans on
(summarize.selection.leaning), what gives it that and the order a reader takes the brief in
(summarize.selection.support), and the same-fact pairs (summarize.selection.same_fact).
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
