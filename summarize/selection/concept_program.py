"""The concept program's variables and rows (summarize.selection.concepts), built with numpy from
tables kept per analysis: a re-brief at another length (the TUI's `+`/`-`) builds its program from
them without walking every sentence's concepts again.

The program is the one the per-sentence loops built, row for row and float for float: one binary
per candidate sentence, one 0..1 per concept the candidates hold (in sorted concept order), the
budget row, then one row per concept ("counts only if a chosen sentence has it").
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..records import Analysis
from ..text.bigrams import Concept
from . import features
from .ilp import Program, SparseRows


@dataclass(frozen=True)
class ConceptTable:
    """What the concept program needs of every sentence, whatever the budget."""

    words: np.ndarray  # each sentence's length in words
    covered: np.ndarray  # the summed weight of each sentence's concepts (added in sorted order)
    indptr: np.ndarray  # sentence i holds the weighted concepts ranks[indptr[i]:indptr[i + 1]]
    ranks: np.ndarray  # a concept's rank: its place in the sorted weighted concepts
    weights: np.ndarray  # each rank's weight
    eligible: np.ndarray  # whether a brief may hold each sentence (summarize.selection.features.eligible)
    # The candidates chosen among for each setting (`candidates`): not part of what the table is.
    _candidates: dict[Hashable, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def candidates(self, key: Hashable, compute: Callable[[], list[int]]) -> list[int]:
        """The candidate sentences `compute` finds for `key` (the budget as far as it matters, the
        ranker's settings), found once: every budget from the longest eligible sentence up has the
        same candidates, so a re-brief at another length skips the reader checks and the pre-selection."""
        if key not in self._candidates:
            self._candidates.setdefault(key, compute())
        return self._candidates[key]


def concept_table(analysis: Analysis, concepts: list[set[Concept]], weights: Mapping[Concept, float]) -> ConceptTable:
    """The table of these sentence `concepts` and concept `weights`, built once per analysis for each
    pair of them (the pair is kept with the table, so their identities cannot be reused)."""
    key = ("concept_program.table", id(concepts), id(weights))
    kept_concepts, kept_weights, table = analysis.derived(
        key, lambda: (concepts, weights, _built(analysis, concepts, weights))
    )
    if kept_concepts is concepts and kept_weights is weights:
        return table
    return _built(analysis, concepts, weights)


def _built(analysis: Analysis, concepts: list[set[Concept]], weights: Mapping[Concept, float]) -> ConceptTable:
    rank = {concept: position for position, concept in enumerate(sorted(weights))}
    held = [[rank[c] for c in sentence if c in rank] for sentence in concepts]
    return ConceptTable(
        words=np.array([s.words for s in analysis.sentences], dtype=np.int64),
        # summed in sorted order, one float at a time: the same float every run
        covered=np.array([sum(weights.get(c, 0.0) for c in sorted(sentence)) for sentence in concepts], dtype=float),
        indptr=np.concatenate(([0], np.cumsum([len(ranks) for ranks in held], dtype=np.int64))),
        ranks=np.array([r for ranks in held for r in ranks], dtype=np.int64),
        weights=np.array([weights[concept] for concept in sorted(weights)], dtype=float),
        eligible=np.array([features.eligible(s) for s in analysis.sentences], dtype=bool),
    )


def concept_program(table: ConceptTable, candidates: Sequence[int], gains: np.ndarray, budget: int) -> Program | None:
    """The program choosing among `candidates` (sentence indexes; column k is candidates[k], worth
    gains[k]) within `budget` words; None when the candidates hold no weighted concept."""
    rows = np.asarray(candidates, dtype=np.int64)
    starts, counts = table.indptr[rows], table.indptr[rows + 1] - table.indptr[rows]
    total, n = int(counts.sum()), len(rows)
    # every (column, concept rank) pair the candidates hold
    before = np.cumsum(counts) - counts
    entries = np.repeat(starts - before, counts) + np.arange(total)
    columns, ranks = np.repeat(np.arange(n), counts), table.ranks[entries]
    used, concept_of = np.unique(ranks, return_inverse=True)
    if not n or not len(used):
        return None
    gains = np.array(gains, dtype=float)
    weights = table.weights[used]
    order = np.lexsort((columns, concept_of))  # by concept, then column: each concept's holders in a run
    holders, sizes = columns[order], np.bincount(concept_of, minlength=len(used))
    starts = np.cumsum(sizes) - sizes
    # A concept only one candidate holds counts exactly when that candidate is chosen: its weight is
    # that candidate's (added in concept order). A concept worth nothing is never counted: left out.
    alone = (sizes == 1) & (weights > 0)
    np.add.at(gains, holders[starts[alone]], weights[alone])
    # Concepts held by the very same candidates count together: one variable worth their summed weight.
    groups: dict[tuple[int, ...], int] = {}
    merged: list[float] = []
    for k in np.flatnonzero((sizes > 1) & (weights > 0)).tolist():
        group = groups.setdefault(tuple(holders[starts[k] : starts[k] + sizes[k]].tolist()), len(merged))
        if group == len(merged):
            merged.append(float(weights[k]))
        else:
            merged[group] += float(weights[k])
    program = Program()
    program.variables(gains, binary=True)
    program.variables(np.array(merged))
    words = table.words[rows].astype(float)
    program.at_most_block(SparseRows(np.array([0, n]), np.arange(n), words, np.array([float(budget)]), n))
    program.at_most_block(_coverage_rows(list(groups), n))
    return program


def _coverage_rows(groups: list[tuple[int, ...]], n: int) -> SparseRows:
    """Row g: concept column n + g is at most the sum of the candidate columns `groups[g]` holding it
    (-1 on each, then +1 on the concept; bound 0)."""
    sizes = [len(group) + 1 for group in groups]
    return SparseRows(
        indptr=np.concatenate(([0], np.cumsum(sizes, dtype=np.int64))),
        indices=np.array([c for g, group in enumerate(groups) for c in (*group, n + g)], dtype=np.int64),
        values=np.array([v for group in groups for v in (*[-1.0] * len(group), 1.0)]),
        bounds=np.zeros(len(groups)),
        columns=n + len(groups),
    )
