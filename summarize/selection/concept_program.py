"""The concept ranker's integer program, built from tables that do not depend on the word budget.

A shell re-briefs one analysis at every length change (the TUI's `+` and `-`). Everything but the
budget is the same each time: each sentence's length, whether it may be chosen at all, its concepts
and their summed weight. `ConceptTable` holds those as arrays, computed once per analysis and
weighting (kept with the analysis, `Analysis.derived`); `ConceptTable.program` then assembles
a budget's program with a few numpy operations instead of a Python loop over every sentence and
concept. The program is exactly the one `ConceptRanker` documents, entry for entry, so a re-brief is
the brief a cold run gives at that length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .preselect import preselect

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from ..text.bigrams import Concept


@dataclass(frozen=True)
class ConceptProgram:
    """`maximise gain . x` subject to `matrix @ x <= bounds`, 0 <= x <= 1, the first `len(candidates)`
    variables binary (one per candidate sentence), the rest one per concept the candidates cover
    (solved by `summarize.selection.ilp.solve`)."""

    candidates: np.ndarray  # sentence indexes, ascending
    gain: np.ndarray
    matrix: csr_matrix
    bounds: np.ndarray

    @property
    def binary(self) -> np.ndarray:
        """Which variables are integral: the sentences'."""
        return np.arange(len(self.gain)) < len(self.candidates)


@dataclass(frozen=True)
class ConceptTable:
    """Per sentence: its words, whether it may be chosen (`usable`), the summed weight of its concepts
    (`covered`) and which weighted concepts it holds (`incidence`, sentences by concepts, the
    concepts in sorted order, each concept's weight in `weights`)."""

    words: np.ndarray
    usable: np.ndarray
    covered: np.ndarray
    incidence: csr_matrix
    weights: np.ndarray

    @classmethod
    def build(
        cls, words: Sequence[int], usable: Sequence[bool], concepts: Sequence[set[Concept]], weights: dict[Concept, float]
    ) -> ConceptTable:
        from scipy.sparse import csr_matrix

        names = sorted(weights)  # the order the program numbers its concepts in
        column_of = {concept: k for k, concept in enumerate(names)}
        indptr, indices = [0], []
        for held in concepts:
            indices.extend(sorted(column_of[c] for c in held if c in column_of))
            indptr.append(len(indices))
        incidence = csr_matrix(
            (np.ones(len(indices)), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
            shape=(len(concepts), len(names)),
        )
        # sorted: the same float every run (a set's order depends on the string hash seed)
        covered = np.array([sum(weights.get(c, 0.0) for c in sorted(held)) for held in concepts])
        return cls(
            np.asarray(words, dtype=np.int64),
            np.asarray(usable, dtype=bool),
            covered,
            incidence,
            np.array([weights[name] for name in names], dtype=float),
        )

    def candidates(self, budget: int, pool: int) -> np.ndarray:
        """Usable sentences that fit the budget; above `pool` of them, the likeliest (`preselect`)."""
        candidates = np.flatnonzero(self.usable & (self.words <= budget))
        if len(candidates) > pool:
            candidates = candidates[preselect(self.covered[candidates].tolist(), self.words[candidates].tolist(), pool)]
        return candidates

    def program(
        self,
        candidates: np.ndarray,
        budget: int,
        sentence_gain: np.ndarray,
        groups: Sequence[Sequence[int]],
    ) -> ConceptProgram | None:
        """The program over `candidates` (None when they cover no weighted concept): choosing a
        candidate gains its `sentence_gain` (besides its concepts); each of `groups` (positions in
        `candidates`) holds at most one chosen sentence."""
        from scipy.sparse import coo_matrix, csr_matrix

        held = self.incidence[candidates]  # candidates by every concept
        used = np.flatnonzero(np.diff(held.tocsc().indptr))  # concepts some candidate holds, in order
        n, m = len(candidates), len(used)
        if not n or not m:
            return None
        cover = held[:, used].tocoo()  # candidate (column) by concept (row 1 + k): -1
        group_rows = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
        group_columns = np.fromiter((c for g in groups for c in g), dtype=np.int64, count=len(group_rows))
        rows = np.concatenate([np.zeros(n, dtype=np.int64), 1 + cover.col, 1 + np.arange(m), 1 + m + group_rows])
        columns = np.concatenate([np.arange(n), cover.row, n + np.arange(m), group_columns])
        values = np.concatenate([self.words[candidates].astype(float), -np.ones(cover.nnz), np.ones(m), np.ones(len(group_rows))])
        matrix = csr_matrix(coo_matrix((values, (rows, columns)), shape=(1 + m + len(groups), n + m)))
        matrix.sort_indices()
        gain = np.concatenate([sentence_gain, self.weights[used]])
        bounds = np.concatenate([[budget], np.zeros(m), np.ones(len(groups))])
        return ConceptProgram(candidates, gain, matrix, bounds)
