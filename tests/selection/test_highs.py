"""The solver through highspy: the matrix handed over as scipy's milp hands it, optima that brute force
confirms, and no solution where there is none."""

import itertools

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from summarize.selection.highs import column_wise, minimise
from summarize.selection.ilp import Program, SparseRows, solve


def random_rows(rng, rows, columns, density=0.4):
    dense = np.where(rng.random((rows, columns)) < density, rng.integers(-3, 6, (rows, columns)), 0).astype(float)
    dense[0, 0] = 0.0  # an explicit zero entry below: kept, as scipy keeps it
    matrix = csr_matrix(dense)
    indptr, indices, values = matrix.indptr.copy(), matrix.indices.copy(), matrix.data.copy()
    if len(values):
        indices = np.concatenate(([0], indices))  # an explicit 0.0 at row 0, column 0
        values = np.concatenate(([0.0], values))
        indptr = indptr + 1
        indptr[0] = 0
    return SparseRows(indptr, indices, values, rng.integers(1, 10, rows).astype(float), columns)


@pytest.mark.parametrize("seed", range(10))
def test_columns_are_scipys_conversion(seed):
    rows = random_rows(np.random.default_rng(seed), 7, 9)
    expected = csr_matrix((rows.values, rows.indices, rows.indptr), shape=(len(rows.bounds), rows.columns)).tocsc()
    starts, indices, values = column_wise(rows)
    assert np.array_equal(starts, expected.indptr)
    assert np.array_equal(indices, expected.indices)
    assert np.array_equal(values, expected.data)


@pytest.mark.parametrize("seed", range(12))
def test_a_binary_program_reaches_the_brute_force_optimum(seed):
    rng = np.random.default_rng(seed)
    columns = 10
    rows = random_rows(rng, 5, columns)
    gain = rng.normal(size=columns)
    solution = solve(gain, rows, np.ones(columns, dtype=bool), time_limit=10.0, node_limit=1000)
    matrix = csr_matrix((rows.values, rows.indices, rows.indptr), shape=(len(rows.bounds), columns)).toarray()
    feasible = [np.array(x) for x in itertools.product((0.0, 1.0), repeat=columns) if np.all(matrix @ x <= rows.bounds)]
    best = max(float(gain @ x) for x in feasible)  # all zeros is always feasible: bounds are positive
    assert solution is not None
    assert np.all(matrix @ solution <= rows.bounds + 1e-9)
    assert set(np.round(solution, 9)) <= {0.0, 1.0}
    assert float(gain @ solution) == pytest.approx(best, rel=1e-4, abs=1e-6)  # HiGHS's gap


def test_an_infeasible_program_has_no_solution():
    program = Program()
    chosen = program.variable(1.0, binary=True)
    program.at_most({chosen: -1.0}, -2.0)  # chosen >= 2: impossible for a 0..1 variable
    assert program.solve(time_limit=10.0, node_limit=100) is None


def test_a_continuous_program_is_solved_too():
    rows = SparseRows(np.array([0, 2]), np.array([0, 1]), np.array([1.0, 1.0]), np.array([1.5]), 2)
    solution = minimise(np.array([-2.0, -1.0]), rows, np.zeros(2, dtype=bool), np.ones(2), 10.0, 100)
    assert solution is not None
    assert np.allclose(solution, [1.0, 0.5])
