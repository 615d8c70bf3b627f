"""The rules of summarize.reader_fit and summarize.developments as rows of the concept program: a
sentence that leans on another only with it, a single-source development when one fits, and no two
sentences that report one fact (found after a solve, then kept apart, for a few rounds)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .corroboration import CorroborationJudge
from .developments import developments
from .reader_fit import STANDS_ALONE, leanings, same_fact_pairs, supporters
from .records import Analysis

# Rounds of "solve, find two chosen sentences with one fact, keep them apart": each round adds every
# pair found, and a brief rarely has more than one or two.
SAME_FACT_ROUNDS = 3

Row = tuple[dict[int, float], float]  # sum(value * x[column]) <= bound
Solve = Callable[[list[Row]], "np.ndarray | None"]


class ReaderRows:
    """Extra rows over the program's first `len(candidates)` columns (one per candidate sentence)."""

    def __init__(
        self,
        analysis: Analysis,
        candidates: Sequence[int],
        *,
        development: bool = True,
        judge: CorroborationJudge | None = None,
    ) -> None:
        self.analysis, self.candidates, self.judge = analysis, list(candidates), judge
        column = {index: c for c, index in enumerate(candidates)}
        self.leaning_rows: list[Row] = []
        for c, index in enumerate(candidates):
            if leanings(analysis)[index] != STANDS_ALONE:
                row = {c: 1.0}
                for other in supporters(analysis, index, candidates):
                    row[column[other]] = row.get(column[other], 0.0) - 1.0
                self.leaning_rows.append((row, 0.0))  # chosen only with what it leans on
        found = sorted(column[i] for i in developments(analysis) if i in column)
        self.development_row: Row | None = ({c: -1.0 for c in found}, -1.0) if development and found else None
        self.apart_rows: list[Row] = []

    def rows(self) -> list[Row]:
        return self.leaning_rows + self.apart_rows + ([self.development_row] if self.development_row else [])

    def chosen(self, solution: np.ndarray) -> list[int]:
        return [index for c, index in enumerate(self.candidates) if solution[c] > 0.5]

    def refine(self, solution: np.ndarray | None, solve: Solve) -> np.ndarray | None:
        """The solution of `self.rows()`, without the development row if no development fits, and
        with chosen sentences that report one fact kept apart."""
        if solution is None and self.development_row is not None:
            self.development_row = None
            solution = solve(self.rows())
        for _ in range(SAME_FACT_ROUNDS):
            if solution is None:
                return None
            pairs = same_fact_pairs(self.analysis, self.chosen(solution), self.judge)
            if not pairs:
                break
            place = {index: c for c, index in enumerate(self.candidates)}
            self.apart_rows += [({place[a]: 1.0, place[b]: 1.0}, 1.0) for a, b in pairs]
            better = solve(self.rows())
            if better is None:
                break
            solution = better
        return solution
