"""Topping up a concept brief that stops short of its budget.

The concept program (summarize.selection.concepts) adds a sentence only for the weighted concepts it
brings; once every concept it can reach is covered, more words earn it nothing, so a long budget is
left part empty (the sample at 900 words: 639). A reader who asks for 900 words expects close to
900 while the articles have more to say, so the room left is filled with the most salient sentences
that add a topic the brief does not have: each stands alone, comes from a sentence cluster no brief
sentence is from, is not much like one (the salience ranker's redundancy test) and does not report a
brief sentence's fact (the corroboration judge, when one is given).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..records import Analysis
from .base import Choice
from .features import containment, eligible
from .leaning import STANDS_ALONE, leanings
from .reader_rows import remembered
from .salience import SalienceRanker, redundant
from .same_fact import SameFact, reports_a_chosen_fact
from .support import reading_order

# A brief is topped up only when its program left at least this share of the budget: one filled to
# nine tenths reads as asked for, and scoring every sentence that would fit a few words costs a large
# story a product of those sentences with all of its sentences at every re-brief.
TOP_UP_ROOM = 0.1


def top_up(
    analysis: Analysis,
    chosen: Sequence[Choice],
    budget: int,
    judge: SameFact | None = None,
    among: Collection[int] | None = None,
) -> list[Choice]:
    """`chosen` (a brief in reading order, scored by salience) with the sentences that fill the room
    left in `budget`, most salient first; the whole in reading order again (most salient first, a
    sentence that leans on another right after it). Unchanged when the room left is under
    TOP_UP_ROOM of the budget or nothing more fits. `among`: the only sentences that may be added (a
    sectioned brief's: those relevant to a section); every sentence when None."""
    rows = [choice.sentence for choice in chosen]
    room = budget - sum(analysis.sentences[i].words for i in rows)
    if room < TOP_UP_ROOM * budget:
        return list(chosen)
    used_clusters = {analysis.cluster_of[i] for i in rows}
    needs = leanings(analysis)
    candidates = [
        i
        for i, sentence in enumerate(analysis.sentences)
        if eligible(sentence)
        and (among is None or i in among)
        and sentence.words <= room
        and analysis.cluster_of[i] not in used_clusters
        and needs[i] == STANDS_ALONE
    ]
    if not candidates:
        return list(chosen)
    candidates = [i for i, whole in zip(candidates, containment(analysis, candidates)) if whole == 1.0]
    scores = dict(zip(candidates, SalienceRanker().scores(analysis, candidates).tolist()))
    same_fact = remembered(analysis, judge) if judge is not None else None
    added: list[Choice] = []
    for index in sorted(candidates, key=lambda i: (-scores[i], i)):
        sentence = analysis.sentences[index]
        if sentence.words > room or analysis.cluster_of[index] in used_clusters:
            continue
        if redundant(analysis, rows, index):
            continue
        if same_fact is not None and reports_a_chosen_fact(analysis, rows, index, same_fact):
            continue
        added.append(Choice(index, scores[index]))
        rows.append(index)
        used_clusters.add(analysis.cluster_of[index])
        room -= sentence.words
    if not added:
        return list(chosen)
    score_of = {choice.sentence: choice.score for choice in [*chosen, *added]}
    ranked = sorted(score_of, key=lambda i: (-score_of[i], i))
    return [Choice(i, score_of[i]) for i in reading_order(analysis, ranked)]
