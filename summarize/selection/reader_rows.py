"""The reader rules (summarize.selection.leaning, .support, .same_fact) and single-source developments
(summarize.clustering.developments) as rows of an integer program (summarize.selection.ilp: the plain
brief's concept program, a sectioned brief's): a sentence that leans on another only with it, a single-source development when one fits, and no two sentences that report one fact
(found after a solve, then kept apart, for a few rounds)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..clustering.developments import developments
from ..records import Analysis
from .ilp import Program
from .leaning import STANDS_ALONE, leanings
from .same_fact import Decision, SameFact, ScreenedSameFact, same_fact_pairs
from .support import supporters

# Rounds of "solve, find two chosen sentences with one fact, keep them apart": each round adds every
# pair found, and a brief rarely has more than one or two.
SAME_FACT_ROUNDS = 3


def solve_for_reader(
    program: Program,
    analysis: Analysis,
    columns: Sequence[tuple[int, int]],
    limits: tuple[float, int],
    *,
    leaning: bool = True,
    development: bool = True,
    judge: SameFact | None = None,
) -> np.ndarray | None:
    """Solve `program` (time and node `limits`) whose binary `columns` choose sentences ((column,
    sentence index) pairs, one column per sentence), with the reader's rows: with `leaning`, a
    sentence that leans on another is chosen only with one that gives what it needs (among these
    sentences); with `development`, one single-source development is chosen when one fits; and no
    two chosen sentences report one fact, whatever their sources (the `judge`'s decision; without one,
    this is not checked)."""
    column_of = {sentence: column for column, sentence in columns}
    sentences = [sentence for _, sentence in columns]
    if leaning:
        for column, sentence in columns:
            if leanings(analysis)[sentence] != STANDS_ALONE:
                row = {column: 1.0}
                for other in supporters(analysis, sentence, sentences):
                    row[column_of[other]] = row.get(column_of[other], 0.0) - 1.0
                program.at_most(row, 0.0)  # chosen only with what it leans on
    news = sorted(column_of[i] for i in developments(analysis) if i in column_of) if development else []
    if news:
        program.at_most(dict.fromkeys(news, -1.0), -1.0)
    solution = program.solve(*limits)
    if solution is None and news:  # no development fits
        program.rows.pop()
        solution = program.solve(*limits)
    screen = judge if isinstance(judge, ScreenedSameFact) else None
    if judge is not None:
        judge = remembered(analysis, judge)
    for _ in range(SAME_FACT_ROUNDS):
        if solution is None or judge is None:
            return solution
        chosen = [sentence for column, sentence in columns if solution[column] > 0.5]
        pairs = same_fact_pairs(analysis, chosen, judge, screen)
        if not pairs:
            break
        for first, second in pairs:
            program.at_most({column_of[first]: 1.0, column_of[second]: 1.0}, 1.0)
        better = program.solve(*limits)
        if better is None:
            break
        solution = better
    return solution


@dataclass(frozen=True)
class RememberedJudge:
    """A judge whose decisions are kept with the analysis (`remembered`)."""

    inner: SameFact  # the judge whose decisions are kept
    decisions: dict[tuple[int, int], Decision]

    def judge(self, analysis: Analysis, sentence: int, candidate: int) -> Decision:
        key = (sentence, candidate)
        if key not in self.decisions:
            self.decisions.setdefault(key, self.inner.judge(analysis, sentence, candidate))
        return self.decisions[key]


def remembered(analysis: Analysis, judge: SameFact) -> SameFact:
    """`judge`, its decisions kept per analysis and judge: the rounds of one solve, and a re-brief at
    another length (which chooses mostly the same sentences), judge each pair of sentences once. A
    judge that cannot be a key (not hashable) is asked afresh each time."""
    try:
        decisions: dict[tuple[int, int], Decision] = analysis.derived(("reader_rows.same_fact", judge), dict)
    except TypeError:
        return judge
    return RememberedJudge(judge, decisions)
