"""The one integer-program builder: a maximisation over 0..1 variables (binary or continuous) with
"at most" rows, solved with scipy's `milp` under the solver's standard-output guard.

Both integer programs (a plain brief's concept coverage, a sectioned brief's selection) are built
here, so the matrix layout, the bounds and the solver's limits are set in one place.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .native_output import quiet_milp


class Program:
    """Variables and rows added by index; `solve` maximises the summed gain."""

    def __init__(self) -> None:
        self.gain: list[float] = []
        self.upper: list[float] = []
        self.binary: list[bool] = []
        self.rows: list[tuple[list[int], list[float], float]] = []

    def variable(self, gain: float, upper: float = 1.0, binary: bool = False) -> int:
        """A new variable in 0..`upper` worth `gain` per unit; its column."""
        self.gain.append(gain)
        self.upper.append(upper)
        self.binary.append(binary)
        return len(self.gain) - 1

    def at_most(self, terms: dict[int, float], bound: float) -> None:
        """The row sum(coefficient * variable) <= bound; `terms` maps columns to coefficients."""
        self.rows.append((list(terms), list(terms.values()), bound))

    def solve(self, time_limit: float, node_limit: int) -> np.ndarray | None:
        """The variables' values at the optimum (or the best found within the limits); None if the
        solver found no solution."""
        from scipy.sparse import csr_matrix

        rows = [r for r, (columns, _, _) in enumerate(self.rows) for _ in columns]
        columns = [c for columns, _, _ in self.rows for c in columns]
        values = [v for _, values, _ in self.rows for v in values]
        matrix = csr_matrix((values, (rows, columns)), shape=(len(self.rows), len(self.gain)))
        bounds = np.array([bound for _, _, bound in self.rows])
        return solve(
            np.array(self.gain), matrix, bounds, np.array(self.binary), time_limit, node_limit, np.array(self.upper)
        )


def solve(
    gain: np.ndarray,
    matrix: Any,
    bounds: np.ndarray,
    binary: np.ndarray,
    time_limit: float,
    node_limit: int,
    upper: np.ndarray | None = None,
) -> np.ndarray | None:
    """Maximise `gain` . x subject to `matrix` @ x <= `bounds` (a scipy sparse matrix, one row per
    bound), 0 <= x <= `upper` (default 1), x integral where `binary`: the variables' values at the
    optimum (or the best found within the limits), None if the solver found no solution. `Program`
    builds its arrays row by row."""
    from scipy.optimize import Bounds, LinearConstraint

    result = quiet_milp(
        -np.asarray(gain),  # milp minimises
        constraints=LinearConstraint(matrix, -np.inf, bounds),
        integrality=np.asarray(binary, dtype=float),
        bounds=Bounds(np.zeros(len(gain)), np.ones(len(gain)) if upper is None else upper),
        options={"time_limit": time_limit, "node_limit": node_limit},
    )
    solution: np.ndarray | None = result.x
    return solution
