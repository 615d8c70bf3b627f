"""The HiGHS solver, called through `highspy` (a few milliseconds to import) rather than through
`scipy.optimize.milp` (scipy's optimize and sparse layers: a third of a second of CPU before the
first brief, more than the whole solve).

The model is handed over as scipy's `milp` hands it: the matrix column by column (row indices
ascending within a column), the same bounds, HiGHS's defaults for everything but the limits, and a
solution returned in the same cases. The HiGHS is another, though: highspy 1.16 (pinned in
pyproject.toml) against the 1.12 inside scipy 1.17. On the sample's integer program it needs one
node where 1.12 needs seven (0.06 s of CPU against 0.22 s); on the 176 programs of the sample's and
the development sets' briefs it reaches the same optimum, but breaks 28 exact ties the other way
(another copy of a sentence several sources print word for word; README, "Speed"). highspy 1.12.0
would give scipy's answers bit for bit, at scipy's speed. Pinned here too, so that a changed
default cannot move a brief: one thread (no worker pool on a shared machine; HiGHS's MIP search is
deterministic either way) and the relative gap at which a solution counts as optimal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .native_output import native_stdout_silenced

if TYPE_CHECKING:
    from .ilp import SparseRows

# HiGHS's own default, and scipy's: a solution within 0.01 % of the bound is optimal.
MIP_RELATIVE_GAP = 1e-4


def column_wise(rows: SparseRows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`rows` (compressed rows) as compressed columns: (starts, row indices, values), each column's
    entries in row order, as scipy's CSR-to-CSC conversion leaves them."""
    lengths = np.diff(rows.indptr)
    row_of = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
    order = np.argsort(rows.indices, kind="stable")  # stable: rows stay ascending within a column
    counts = np.bincount(rows.indices, minlength=rows.columns)
    starts = np.concatenate(([0], np.cumsum(counts))).astype(np.int32)
    return starts, row_of[order], np.asarray(rows.values, dtype=np.float64)[order]


def minimise(
    cost: np.ndarray,
    rows: SparseRows,
    integral: np.ndarray,
    upper: np.ndarray,
    time_limit: float,
    node_limit: int,
) -> np.ndarray | None:
    """Minimise `cost` . x subject to `rows`, 0 <= x <= `upper`, x integral where `integral`: the
    values at the optimum, or the best found when a limit stopped the search; None when there is no
    solution to give (infeasible, or a limit reached before any)."""
    import highspy
    from highspy._core import _Highs

    count, row_count = len(cost), len(rows.bounds)
    program = highspy.HighsLp()
    program.num_col_, program.num_row_ = count, row_count
    program.col_cost_ = np.asarray(cost, dtype=np.float64)
    program.col_lower_ = np.zeros(count)
    program.col_upper_ = np.asarray(upper, dtype=np.float64)
    program.row_lower_ = np.full(row_count, -highspy.kHighsInf)
    program.row_upper_ = np.asarray(rows.bounds, dtype=np.float64)
    matrix = program.a_matrix_
    matrix.format_ = highspy.MatrixFormat.kColwise
    matrix.num_col_, matrix.num_row_ = count, row_count
    matrix.start_, matrix.index_, matrix.value_ = column_wise(rows)
    kinds = highspy.HighsVarType.kInteger, highspy.HighsVarType.kContinuous
    program.integrality_ = [kinds[0] if chosen else kinds[1] for chosen in np.asarray(integral, dtype=bool)]
    mixed = bool(np.any(integral))
    # The plain solver class: highspy.Highs adds Python callbacks (and in later versions prints a banner).
    with native_stdout_silenced():
        solver = _Highs()
        for option, value in (
            ("output_flag", False),
            ("threads", 1),
            ("time_limit", float(time_limit)),
            ("mip_max_nodes", int(node_limit)),
            ("mip_rel_gap", MIP_RELATIVE_GAP),
        ):
            solver.setOptionValue(option, value)
        if solver.passModel(program) == highspy.HighsStatus.kError:  # not a model (a NaN, say): no solution
            return None
        solver.run()
    status, model = solver.getModelStatus(), highspy.HighsModelStatus
    stopped = status in (model.kTimeLimit, model.kIterationLimit, model.kSolutionLimit)
    if status == model.kOptimal or (
        mixed and stopped and solver.getInfo().objective_function_value != highspy.kHighsInf
    ):
        return np.array(solver.getSolution().col_value)
    return None
