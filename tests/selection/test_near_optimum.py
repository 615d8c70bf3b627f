"""A large program's answer from its relaxation: taken only above LARGE_PROGRAM integer columns, the
same answer every time, proved within NEAR_OPTIMUM_SHARE of the optimum (and so it is), and the
exact solve's answer when nothing near is proved."""

import numpy as np
import pytest

import summarize.selection.highs as highs
import summarize.selection.near_optimum as near_optimum
from summarize.inputs.documents import sample_documents
from summarize.output.render import to_json
from summarize.pipeline import analyze, compose_brief
from summarize.selection.ilp import solve
from summarize.selection.near_optimum import LARGE_PROGRAM, NEAR_OPTIMUM_SHARE, proved_near, relaxation_neighbourhood
from tests.selection.programs import dense, knapsack_with_concepts


def exact_value(gain: np.ndarray, rows, integral: np.ndarray) -> float:
    """The proven optimum's value (no gap): the whole program, however large."""
    solver = highs._solved(
        -gain, rows, integral, np.zeros(len(gain)), np.ones(len(gain)), 60.0, 100_000, (("mip_rel_gap", 0.0),)
    )
    return float(gain @ np.array(solver.getSolution().col_value))


@pytest.fixture
def near_calls(monkeypatch):
    """The programs (their integer column counts) that took the near-optimum path, and what it gave."""
    calls: list[tuple[int, bool]] = []
    original = highs._near_optimum

    def spy(program, relaxation):
        answer = original(program, relaxation)
        calls.append((int(np.count_nonzero(program.integral)), answer is not None))
        return answer

    monkeypatch.setattr(highs, "_near_optimum", spy)
    return calls


def test_the_path_is_taken_only_above_the_threshold(near_calls):
    rng = np.random.default_rng(3)
    for sentences in (LARGE_PROGRAM, LARGE_PROGRAM + 1):
        gain, rows, integral = knapsack_with_concepts(rng, sentences, 700, 80.0)
        assert solve(gain, rows, integral, time_limit=60.0, node_limit=1000) is not None
    assert [count for count, _ in near_calls] == [LARGE_PROGRAM + 1]


@pytest.mark.parametrize("seed,budget", [(12, 1000.0), (13, 3000.0), (16, 1000.0)])
def test_a_large_programs_answer_is_proved_near_and_is_near(near_calls, seed, budget):
    gain, rows, integral = knapsack_with_concepts(np.random.default_rng(seed), 700, 1400, budget)
    answer = solve(gain, rows, integral, time_limit=60.0, node_limit=1000)
    assert near_calls == [(700, True)], "the near answer was proved and given"
    assert answer is not None
    assert np.all(dense(rows) @ answer <= rows.bounds + 1e-6)
    assert np.all(np.isin(answer[integral], (0.0, 1.0)))
    assert float(gain @ answer) >= NEAR_OPTIMUM_SHARE * exact_value(gain, rows, integral)


def test_the_same_program_gets_the_same_answer(near_calls):
    gain, rows, integral = knapsack_with_concepts(np.random.default_rng(14), 700, 1400, 3000.0)
    first = solve(gain, rows, integral, time_limit=60.0, node_limit=1000)
    again = solve(gain.copy(), rows, integral.copy(), time_limit=60.0, node_limit=1000)
    assert first is not None and again is not None
    assert np.array_equal(first, again)
    assert [proved for _, proved in near_calls] == [True, True]


def test_unproved_the_answer_is_the_exact_solves(monkeypatch, near_calls):
    monkeypatch.setattr(near_optimum, "NEAR_OPTIMUM_SHARE", 1.0 + 1e-3)  # more than the optimum: never proved
    gain, rows, integral = knapsack_with_concepts(np.random.default_rng(9), 700, 900, 60.0)
    answer = solve(gain, rows, integral, time_limit=60.0, node_limit=1000)
    assert near_calls == [(700, False)]
    assert answer is not None
    assert float(gain @ answer) == pytest.approx(exact_value(gain, rows, integral), rel=1e-4)


def test_proved_near_asks_for_the_share_of_the_relaxations_value():
    # minimising: a relaxation costing -100 bounds the optimum's value by 100
    assert proved_near(-100.0 * NEAR_OPTIMUM_SHARE, -100.0)
    assert not proved_near(-100.0 * NEAR_OPTIMUM_SHARE + 1e-6, -100.0)
    assert proved_near(-100.0, -100.0)


def test_the_neighbourhood_holds_integral_columns_where_the_relaxation_puts_them(monkeypatch):
    monkeypatch.setattr(near_optimum, "REFILL_COLUMNS", 1)
    relaxed = np.array([0.0, 1.0, 0.4, 1.0, 0.3, 0.0, 0.0])
    reduced_cost = np.array([0.5, -0.2, 0.0, 0.0, 0.0, 0.1, 0.1])
    integral = np.array([True, True, True, False, False, True, True])
    lower, upper = relaxation_neighbourhood(relaxed, reduced_cost, integral, np.ones(7))
    # 0, 5 and 6 at 0: the one of least reduced cost (5, before 6 by index) stays free
    assert lower.tolist() == [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert upper.tolist() == [0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0]


def test_a_brief_through_the_near_path_is_the_same_on_a_re_brief(embedder, monkeypatch, near_calls):
    # The sample's small programs take the near path too, and their answers (further from the
    # relaxation than a large story's) count as near.
    monkeypatch.setattr(highs, "LARGE_PROGRAM", 0)
    monkeypatch.setattr(near_optimum, "NEAR_OPTIMUM_SHARE", 0.5)
    documents = sample_documents()
    kept = analyze(documents, embedder)
    warm = [to_json(compose_brief(kept, words)) for words in (250, 100)]
    cold = [to_json(compose_brief(analyze(documents, embedder), words)) for words in (250, 100)]
    assert warm == cold
    assert near_calls and all(proved for _, proved in near_calls)
