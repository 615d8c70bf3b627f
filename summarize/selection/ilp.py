"""The one integer-program builder: a maximisation over 0..1 variables (binary or continuous) with
"at most" rows, solved by HiGHS (summarize.selection.highs).

Both integer programs (a plain brief's concept coverage, a sectioned brief's selection) are built
here, so the matrix layout, the bounds and the solver's limits are set in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# One "at most" row: its columns, their coefficients, its bound.
Row = tuple[list[int], list[float], float]


class Program:
    """Variables and rows added by index; `solve` maximises the summed gain. Rows come one at a time
    (`at_most`) or as a block built with numpy (`at_most_block`); the solver sees them in the order
    they were added."""

    def __init__(self) -> None:
        self.gain: list[float] = []
        self.upper: list[float] = []
        self.binary: list[bool] = []
        self.rows: list[Row | SparseRows] = []

    def variable(self, gain: float, upper: float = 1.0, binary: bool = False) -> int:
        """A new variable in 0..`upper` worth `gain` per unit; its column."""
        self.gain.append(gain)
        self.upper.append(upper)
        self.binary.append(binary)
        return len(self.gain) - 1

    def variables(self, gains: np.ndarray, binary: bool = False) -> range:
        """New variables in 0..1, one per entry of `gains`; their columns."""
        first = len(self.gain)
        self.gain.extend(gains.tolist())
        self.upper.extend([1.0] * len(gains))
        self.binary.extend([binary] * len(gains))
        return range(first, len(self.gain))

    def at_most(self, terms: dict[int, float], bound: float) -> None:
        """The row sum(coefficient * variable) <= bound; `terms` maps columns to coefficients."""
        self.rows.append((list(terms), list(terms.values()), bound))

    def at_most_block(self, block: SparseRows) -> None:
        """Every row of `block` (its `columns` is not read: the program's variables are)."""
        self.rows.append(block)

    def matrix(self) -> SparseRows:
        """The rows as one compressed sparse row matrix, with their bounds."""
        blocks = _blocks(self.rows)
        offsets = np.cumsum([0] + [len(block.indices) for block in blocks])
        return SparseRows(
            indptr=np.concatenate([[0]] + [block.indptr[1:] + offset for block, offset in zip(blocks, offsets)]).astype(
                np.int64
            ),
            indices=np.concatenate([[]] + [block.indices for block in blocks]).astype(np.int64),
            values=np.concatenate([[]] + [block.values for block in blocks]).astype(float),
            bounds=np.concatenate([[]] + [block.bounds for block in blocks]).astype(float),
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


def _blocks(rows: list[Row | SparseRows]) -> list[SparseRows]:
    """`rows` as blocks in their order: each run of single rows becomes one block."""
    blocks: list[SparseRows] = []
    pending: list[Row] = []
    for row in rows:
        if isinstance(row, SparseRows):
            blocks += [_block(pending)] if pending else []
            blocks.append(row)
            pending = []
        else:
            pending.append(row)
    return blocks + ([_block(pending)] if pending else [])


def _block(rows: list[Row]) -> SparseRows:
    lengths = [len(columns) for columns, _, _ in rows]
    return SparseRows(
        indptr=np.concatenate(([0], np.cumsum(lengths, dtype=np.int64))),
        indices=np.array([c for columns, _, _ in rows for c in columns], dtype=np.int64),
        values=np.array([v for _, values, _ in rows for v in values], dtype=float),
        bounds=np.array([bound for _, _, bound in rows], dtype=float),
        columns=0,  # not read
    )
