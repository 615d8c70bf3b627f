"""The concept program built with numpy from per-analysis tables is the one a loop over each
candidate's concepts builds, row for row and float for float."""

import numpy as np
import pytest

from summarize.inputs.documents import sample_documents
from summarize.pipeline import analyze
from summarize.selection.concept_program import concept_program, concept_table
from summarize.selection.concepts import ConceptRanker
from summarize.selection.ilp import Program, SparseRows
from tests.fakes import HashingEmbedder


def looped(analysis, concepts, weights, candidates, gains, budget) -> Program:
    """The program as one row per concept, from the sentences' concept sets."""
    program = Program()
    for gain in gains:
        program.variable(float(gain), binary=True)
    ids = {c: k for k, c in enumerate(sorted({c for i in candidates for c in concepts[i] if c in weights}))}
    for concept in ids:
        program.variable(weights[concept])
    program.at_most({column: analysis.sentences[i].words for column, i in enumerate(candidates)}, budget)
    for concept, k in ids.items():
        holders = [column for column, i in enumerate(candidates) if concept in concepts[i]]
        program.at_most({**dict.fromkeys(holders, -1.0), len(candidates) + k: 1.0}, 0.0)
    return program


def value(program: Program, chosen: np.ndarray) -> float:
    """The program's objective when the candidates `chosen` (0/1, the binary columns) are taken and
    every concept column is as high as its rows allow."""
    rows, n = program.matrix(), len(chosen)
    x = np.concatenate([chosen, np.ones(len(program.gain) - n)])
    for r in range(len(rows.bounds)):
        columns, values = (
            rows.indices[rows.indptr[r] : rows.indptr[r + 1]],
            rows.values[rows.indptr[r] : rows.indptr[r + 1]],
        )
        concept = columns[columns >= n]
        if len(concept):  # a concept counts at most as often as a chosen candidate holds it
            held = -values[columns < n] @ chosen[columns[columns < n]]
            x[concept[0]] = min(x[concept[0]], held)
    return float(np.array(program.gain) @ x)


def chosen_by(program: Program, n: int) -> list[int]:
    solution = program.solve(time_limit=60.0, node_limit=1000)
    assert solution is not None
    return np.flatnonzero(solution[:n] > 0.5).tolist()


@pytest.fixture(scope="module")
def analysis():
    return analyze(sample_documents(), HashingEmbedder())


@pytest.mark.parametrize("every", [1, 3])
def test_the_built_program_is_worth_what_the_per_concept_program_is_for_any_choice(analysis, every):
    prepared = ConceptRanker().prepared(analysis)
    table = concept_table(analysis, prepared.concepts, prepared.weights)
    candidates = [i for i in range(0, len(analysis.sentences), every) if table.eligible[i]]
    gains = np.linspace(-0.5, 0.2, len(candidates))
    built = concept_program(table, candidates, gains, 120)
    reference = looped(analysis, prepared.concepts, prepared.weights, candidates, gains, 120)
    assert built is not None and len(built.gain) < len(reference.gain), "concepts folded or merged"
    assert built.binary[: len(candidates)] == [True] * len(candidates) and not any(built.binary[len(candidates) :])
    budget_row = built.matrix()
    assert budget_row.values[: budget_row.indptr[1]].tolist() == [analysis.sentences[i].words for i in candidates]
    generator = np.random.default_rng(7)
    for share in (0.02, 0.1, 0.5, 1.0):
        chosen = (generator.random(len(candidates)) < share).astype(float)
        assert value(built, chosen) == pytest.approx(value(reference, chosen), abs=1e-9)
    assert chosen_by(built, len(candidates)) == chosen_by(reference, len(candidates))
    covered = [sum(prepared.weights.get(c, 0.0) for c in sorted(prepared.concepts[i])) for i in candidates]
    assert table.covered[candidates].tolist() == covered


def test_a_concept_worth_nothing_is_left_out(analysis):
    prepared = ConceptRanker().prepared(analysis)
    worthless = dict.fromkeys(prepared.weights, 0.0)
    table = concept_table(analysis, prepared.concepts, worthless)
    built = concept_program(table, [0, 1, 2, 3], np.array([1.0, 2.0, 3.0, 4.0]), 100)
    assert built is not None and built.gain == [1.0, 2.0, 3.0, 4.0]


def test_the_table_is_kept_per_analysis_and_weights(analysis):
    prepared = ConceptRanker().prepared(analysis)
    table = concept_table(analysis, prepared.concepts, prepared.weights)
    assert concept_table(analysis, prepared.concepts, prepared.weights) is table
    other = {**prepared.weights}
    assert concept_table(analysis, prepared.concepts, other) is not table


def test_no_weighted_concept_gives_no_program(analysis):
    prepared = ConceptRanker().prepared(analysis)
    table = concept_table(analysis, prepared.concepts, {})
    assert concept_program(table, [0, 1, 2], np.zeros(3), 100) is None
    assert concept_program(table, [], np.zeros(0), 100) is None


def test_a_block_of_rows_keeps_its_place_among_single_rows():
    program = Program()
    program.variables(np.array([1.0, 2.0, 3.0]), binary=True)
    program.at_most({0: 1.0}, 1.0)
    program.at_most_block(
        SparseRows(np.array([0, 2, 3]), np.array([1, 2, 0]), np.array([4.0, 5.0, 6.0]), np.array([7.0, 8.0]), 3)
    )
    program.at_most({2: -1.0, 1: 2.0}, 0.5)
    rows = program.matrix()
    assert rows.indptr.tolist() == [0, 1, 3, 4, 6]
    assert rows.indices.tolist() == [0, 1, 2, 0, 2, 1]
    assert rows.values.tolist() == [1.0, 4.0, 5.0, 6.0, -1.0, 2.0]
    assert rows.bounds.tolist() == [1.0, 7.0, 8.0, 0.5]
    assert rows.columns == 3


def test_budgets_above_the_longest_eligible_sentence_share_their_candidates(analysis):
    ranker = ConceptRanker()
    prepared = ranker.prepared(analysis)
    table = concept_table(analysis, prepared.concepts, prepared.weights)
    found = []
    for budget in (100, 250, 20):
        settings = (min(budget, 60), ranker.reader_fit, ranker.candidate_pool)
        found.append(table.candidates(settings, lambda b=budget: ranker.candidates(analysis, prepared, table, b)))
    assert found[0] is found[1] and found[0] == ranker.candidates(analysis, prepared, table, 250)
    assert set(found[2]) < set(found[0]), "a 20-word brief cannot use the longer sentences"
    assert all(analysis.sentences[i].words <= 20 for i in found[2])
