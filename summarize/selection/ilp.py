"""The one integer-program builder: a maximisation over 0..1 variables (binary or continuous) with
"at most" rows, solved by HiGHS (summarize.selection.highs).

Both integer programs (a plain brief's concept coverage, a sectioned brief's selection) are built
here, so the matrix layout, the bounds and the solver's limits are set in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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

    def matrix(self) -> SparseRows:
        """The rows as one compressed sparse row matrix, with their bounds."""
        lengths = [len(columns) for columns, _, _ in self.rows]
        return SparseRows(
            indptr=np.concatenate(([0], np.cumsum(lengths, dtype=np.int64))),
            indices=np.array([c for columns, _, _ in self.rows for c in columns], dtype=np.int64),
            values=np.array([v for _, values, _ in self.rows for v in values], dtype=float),
            bounds=np.array([bound for _, _, bound in self.rows], dtype=float),
            columns=len(self.gain),
        )

    def solve(self, time_limit: float, node_limit: int) -> np.ndarray | None:
        """The variables' values at the optimum (or the best found within the limits); None if the
        solver found no solution."""
        return solve(
            np.array(self.gain), self.matrix(), np.array(self.binary), time_limit, node_limit, np.array(self.upper)
        )


@dataclass(frozen=True)
class SparseRows:
    """ "At most" rows in compressed sparse row form: row r's coefficients are
    `values[indptr[r]:indptr[r + 1]]` on columns `indices[...]`, and its sum is <= `bounds[r]`."""

    indptr: np.ndarray
    indices: np.ndarray
    values: np.ndarray
    bounds: np.ndarray
    columns: int


def solve(
    gain: np.ndarray,
    rows: SparseRows,
    binary: np.ndarray,
    time_limit: float,
    node_limit: int,
    upper: np.ndarray | None = None,
) -> np.ndarray | None:
    """Maximise `gain` . x subject to `rows`, 0 <= x <= `upper` (default 1), x integral where
    `binary`: the variables' values at the optimum (or the best found within the limits), None if
    the solver found no solution."""
    from .highs import minimise

    return minimise(
        -np.asarray(gain, dtype=np.float64),  # HiGHS minimises
        rows,
        np.asarray(binary, dtype=bool),
        np.ones(len(gain)) if upper is None else np.asarray(upper, dtype=np.float64),
        time_limit,
        node_limit,
    )
