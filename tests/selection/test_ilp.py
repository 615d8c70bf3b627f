"""The one integer-program builder."""

import numpy as np

from summarize.selection.ilp import Program


def test_a_knapsack_takes_the_best_items_that_fit() -> None:
    program = Program()
    items = [program.variable(gain, binary=True) for gain in (6.0, 5.0, 4.0)]
    program.at_most({items[0]: 5.0, items[1]: 4.0, items[2]: 3.0}, 7.0)  # only two of the small ones fit
    solution = program.solve(time_limit=10.0, node_limit=100)
    assert solution is not None
    assert [round(v) for v in solution] == [0, 1, 1]


def test_a_continuous_variable_stops_at_its_upper_bound_and_its_rows() -> None:
    program = Program()
    share = program.variable(1.0, upper=0.75)
    chosen = program.variable(-0.1, binary=True)
    program.at_most({share: 1.0, chosen: -1.0}, 0.0)  # the share counts only if `chosen` is taken
    solution = program.solve(time_limit=10.0, node_limit=100)
    assert solution is not None
    assert np.allclose(solution, [0.75, 1.0])
