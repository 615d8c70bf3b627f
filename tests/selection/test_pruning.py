"""Pruning a large program before the solver (when no answer near its optimum was proved): the
columns dropped are never in an optimum, the rows keep their meaning over the kept columns, and the
pruned solve reaches the whole program's optimum."""

import itertools

import numpy as np
import pytest

import summarize.selection.highs as highs
from summarize.selection.ilp import SparseRows, solve
from summarize.selection.pruning import greedy_rounding, kept_columns, restricted
from tests.selection.programs import dense, knapsack_with_concepts


@pytest.fixture
def unproved(monkeypatch):
    """No large program gets an answer proved near its optimum: each is pruned, then solved."""
    monkeypatch.setattr(highs, "_near_optimum", lambda *program: None)


def test_restricted_rows_are_the_kept_columns_of_the_matrix():
    rng = np.random.default_rng(0)
    _, rows, _ = knapsack_with_concepts(rng, 12, 9, 40.0)
    kept = rng.random(rows.columns) < 0.6
    kept[0] = False  # and a row's first entry dropped
    assert np.array_equal(dense(restricted(rows, kept)), dense(rows)[:, kept])


def test_an_empty_row_stays_empty():
    rows = SparseRows(np.array([0, 0, 2]), np.array([0, 1]), np.array([1.0, 1.0]), np.array([1.0, 1.0]), 2)
    kept = np.array([False, True])
    assert np.array_equal(dense(restricted(rows, kept)), [[0.0], [1.0]])


def test_the_greedy_rounding_meets_every_row():
    rng = np.random.default_rng(1)
    gain, rows, integral = knapsack_with_concepts(rng, 30, 20, 50.0)
    rounded = greedy_rounding(-gain, rows, integral, rng.random(len(gain)))
    assert rounded is not None
    assert np.all(dense(rows) @ rounded <= rows.bounds + 1e-9)
    assert rounded.sum() > 0 and np.all(rounded[~integral] == 0)


def test_a_row_asking_for_a_column_none_of_which_fits_leaves_no_rounding():
    # x0 + x1 <= 1 and -x0 - x1 <= -2: nothing meets both
    rows = SparseRows(
        np.array([0, 2, 4]), np.array([0, 1, 0, 1]), np.array([1.0, 1.0, -1.0, -1.0]), np.array([1.0, -2.0]), 2
    )
    assert greedy_rounding(np.array([-1.0, -1.0]), rows, np.ones(2, dtype=bool), np.ones(2)) is None


def test_only_columns_worse_than_the_incumbent_by_more_than_the_gap_go():
    relaxed = np.array([1.0, 0.0, 0.0, 0.0, 0.0])
    reduced_cost = np.array([0.0, 0.5, 2.0, 2.0, 0.0])
    integral = np.array([True, True, True, False, True])
    kept = kept_columns(-10.0, reduced_cost, relaxed, integral, incumbent=-9.0, gap=1e-4)
    # -10 + 2 > -9: column 2 goes; column 3 is continuous, kept; -10 + 0.5 < -9: column 1 stays
    assert kept.tolist() == [True, True, False, True, True]


@pytest.mark.parametrize("seed", range(8))
def test_a_pruned_solve_reaches_the_brute_force_optimum(seed, monkeypatch, unproved):
    monkeypatch.setattr(highs, "LARGE_PROGRAM", 0)  # prune this small program too
    rng = np.random.default_rng(seed)
    sentences = 10
    gain, rows, integral = knapsack_with_concepts(rng, sentences, 14, 35.0)
    matrix = dense(rows)
    solution = solve(gain, rows, integral, time_limit=10.0, node_limit=1000)
    best = -np.inf
    for choice in itertools.product((0.0, 1.0), repeat=sentences):
        x = np.array(choice)
        if x @ matrix[0, :sentences] <= rows.bounds[0]:
            covered = np.minimum(1.0, -(matrix[1:, :sentences] @ x))  # a concept counts once a holder is in
            best = max(best, float(gain[:sentences] @ x + gain[sentences:] @ covered))
    assert solution is not None
    assert np.all(matrix @ solution <= rows.bounds + 1e-9)
    assert float(gain @ solution) == pytest.approx(best, rel=1e-4, abs=1e-6)


def test_pruning_drops_columns_and_keeps_the_answer_of_a_large_program(monkeypatch, unproved):
    rng = np.random.default_rng(7)
    gain, rows, integral = knapsack_with_concepts(rng, 700, 900, 25.0)
    dropped = []
    original = highs.restricted

    def spy(rows: SparseRows, kept: np.ndarray) -> SparseRows:
        dropped.append(int((~kept).sum()))
        return original(rows, kept)

    monkeypatch.setattr(highs, "restricted", spy)
    pruned = solve(gain, rows, integral, time_limit=60.0, node_limit=1000)
    monkeypatch.setattr(highs, "LARGE_PROGRAM", 10_000)
    whole = solve(gain, rows, integral, time_limit=60.0, node_limit=1000)
    assert dropped and dropped[0] > 300
    assert pruned is not None and whole is not None
    assert float(gain @ pruned) == pytest.approx(float(gain @ whole), rel=1e-4)


def test_the_trial_program_has_the_used_and_the_best_priced_columns(monkeypatch):
    import summarize.selection.pruning as pruning

    monkeypatch.setattr(pruning, "TRIAL_COLUMNS", 3)
    monkeypatch.setattr(pruning, "TRIAL_FACTOR", 2)
    integral = np.array([True] * 6 + [False])
    relaxed = np.array([0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 1.0])
    reduced_cost = np.array([0.3, 0.0, 0.1, 0.1, 0.9, 0.2, 0.0])
    # one column used: max(3, 2 * 1) = 3 integer columns, the used one first, then by price (ties by index)
    assert pruning.trial_columns(reduced_cost, relaxed, integral).tolist() == [
        False,
        True,
        True,
        True,
        False,
        False,
        True,
    ]


def test_a_large_program_pruned_chooses_what_the_whole_program_chooses(monkeypatch, unproved):
    """More candidates than LARGE_PROGRAM: the pruned solve chooses the very sentences the whole one does."""
    rng = np.random.default_rng(11)
    gain, rows, integral = knapsack_with_concepts(rng, 650, 800, 60.0)
    pruned = solve(gain, rows, integral, time_limit=60.0, node_limit=1000)
    monkeypatch.setattr(highs, "LARGE_PROGRAM", 10_000)
    whole = solve(gain, rows, integral, time_limit=60.0, node_limit=1000)
    assert pruned is not None and whole is not None
    assert np.array_equal(pruned[:650] > 0.5, whole[:650] > 0.5)
