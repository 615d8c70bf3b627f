"""The seventh pass's objective solved exactly: the shipped concept program + lambda L(S) as an ILP.

    python bench/concept_ablation_seventh_ilp.py                  # every setting below, sets as given
    python bench/concept_ablation_seventh_ilp.py --variant both   # headlines blanked, paragraph breaks removed

Lin & Bilmes's coverage L(S) = sum_i min(C_i(S), alpha C_i(V)) is a sum of concave pieces, so the
program can hold it exactly: one variable y_i in 0..1 per sentence of the cluster, worth lambda x
cap_i (scaled as in `concept_ablation_seventh`: L over its whole-cluster value, on the concepts'
scale), and the row cap_i y_i <= sum_j sim(i, j) x_j over the candidate sentences. Everything else is
the shipped program (`ConceptRanker.select`: candidates, budget, one per cluster, the reader's rows,
the same-fact rounds, the node limit), so a row here against "shipped weights file" is the
objective's effect alone, and against `concept_ablation_seventh`'s greedy rows the solver's.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from concept_ablation_seventh import Objective, Setting, run, shipped, similarities

import summarize.selection.concepts as concepts_module
from summarize.records import Analysis
from summarize.selection.base import Choice
from summarize.selection.concept_model import ConceptModel, shipped_models
from summarize.selection.concept_program import ConceptTable, concept_program
from summarize.selection.concepts import ConceptRanker
from summarize.selection.ilp import Program, SparseRows


class CoverageProgramRanker(ConceptRanker):
    """The shipped concept ranker whose program also maximises `objective.coverage` x L(S)."""

    def __init__(self, objective: Objective, model: ConceptModel) -> None:
        super().__init__(model=model)
        self.objective = objective

    def select(self, analysis: Analysis, budget: int) -> list[Choice]:
        original = concept_program
        objective = self.objective

        def with_coverage(
            table: ConceptTable, candidates: Sequence[int], gains: np.ndarray, budget: int
        ) -> Program | None:
            program = original(table, candidates, gains, budget)
            if program is not None:
                add_coverage(program, analysis, objective, table, candidates)
            return program

        concepts_module.concept_program = with_coverage  # type: ignore[attr-defined]  # the one call `select` makes
        try:
            return super().select(analysis, budget)
        finally:
            concepts_module.concept_program = original  # type: ignore[attr-defined]


def add_coverage(
    program: Program, analysis: Analysis, objective: Objective, table: ConceptTable, candidates: Sequence[int]
) -> None:
    sim = similarities(analysis, objective.similarity)
    cap = objective.alpha / len(sim) * sim.sum(axis=1)
    scale = objective.coverage * max(float(table.weights.sum()), 1e-12) / max(float(cap.sum()), 1e-12)
    held = cap > 0
    first = len(program.gain)
    columns = program.variables(scale * cap[held])
    reach = sim[np.ix_(held, np.asarray(candidates))]  # sentence i's similarity to each candidate
    indptr, indices, values = [0], [], []
    for row, column in zip(range(len(columns)), columns):
        near = np.flatnonzero(reach[row] > 0)
        indices += [*near.tolist(), column]
        values += [*(-reach[row, near]).tolist(), float(cap[held][row])]
        indptr.append(len(indices))
    program.at_most_block(
        SparseRows(np.array(indptr), np.array(indices), np.array(values), np.zeros(len(columns)), first + len(columns))
    )


def setting(objective: Objective) -> Setting:
    return lambda sets: CoverageProgramRanker(objective, next(m for m in shipped_models() if m.trained_on == sets))


SETTINGS: dict[str, Setting] = {"shipped weights file (the ILP)": shipped} | {
    f"ILP: concepts + {coverage:g} L, {similarity}, a {alpha:g}": setting(
        Objective(1.0, coverage, 0.0, alpha, 1.0, similarity)
    )
    for similarity in ("tfidf",)  # an embedding's rows are dense: several seconds a brief
    for alpha in (2.0, 5.0)
    for coverage in (0.1, 0.3)
}


if __name__ == "__main__":
    run(SETTINGS, ("ILP",), __doc__.split("\n\n")[0])
