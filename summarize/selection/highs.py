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

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from .native_output import native_stdout_silenced
from .near_optimum import LARGE_PROGRAM, NEIGHBOURHOOD_GAP, proved_near, relaxation_neighbourhood
from .pruning import greedy_rounding, kept_columns, restricted, trial_columns

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


@dataclass(frozen=True, eq=False)
class Minimisation:
    """The program HiGHS is handed: minimise `cost` . x subject to `rows`, 0 <= x <= `upper`, x
    integral where `integral`, within the limits every solve of it keeps."""

    cost: np.ndarray
    rows: SparseRows
    integral: np.ndarray
    upper: np.ndarray
    time_limit: float
    node_limit: int

    def restricted(self, kept: np.ndarray) -> Minimisation:
        """The same program over the `kept` columns only (the others held at 0)."""
        return replace(
            self,
            cost=self.cost[kept],
            rows=restricted(self.rows, kept),
            integral=self.integral[kept],
            upper=self.upper[kept],
        )


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
    solution to give (infeasible, or a limit reached before any). A program of more than LARGE_PROGRAM
    integer columns gets an answer proved near the optimum (summarize.selection.near_optimum); when
    none is proved, it goes to the solver without the columns that provably cannot be in its answer
    (summarize.selection.pruning)."""
    program = Minimisation(
        np.asarray(cost, dtype=np.float64),
        rows,
        np.asarray(integral, dtype=bool),
        np.asarray(upper, dtype=np.float64),
        time_limit,
        node_limit,
    )
    if int(program.integral.sum()) > LARGE_PROGRAM:
        relaxation = _relaxation(program)
        near = _near_optimum(program, relaxation)
        if near is not None:
            return near
        kept = _kept_columns(program, relaxation)
        if kept is not None and not kept.all():
            part = _minimise(program.restricted(kept))
            if part is not None:
                solution = np.zeros(len(program.cost))
                solution[kept] = part
                return solution
    return _minimise(program)


def _relaxation(program: Minimisation) -> Any | None:
    """A solver that has solved the program's linear relaxation to its optimum; None when it did not."""
    import highspy

    cost, continuous = program.cost, np.zeros(len(program.cost), dtype=bool)
    relaxation = _solved(cost, program.rows, continuous, np.zeros(len(cost)), program.upper, program.time_limit, 0)
    return relaxation if relaxation.getModelStatus() == highspy.HighsModelStatus.kOptimal else None


def _near_optimum(program: Minimisation, relaxation: Any | None) -> np.ndarray | None:
    """The program solved with its integer columns held where its `relaxation` (`_relaxation`) puts
    them, when that answer is proved within NEAR_OPTIMUM_SHARE of the optimum
    (summarize.selection.near_optimum); None otherwise."""
    if relaxation is None:
        return None
    cost, integral = program.cost, program.integral
    solution = relaxation.getSolution()
    lower, bounded = relaxation_neighbourhood(
        np.array(solution.col_value), np.array(solution.col_dual), integral, program.upper
    )
    gap = (("mip_rel_gap", NEIGHBOURHOOD_GAP),)
    solver = _solved(cost, program.rows, integral, lower, bounded, program.time_limit, program.node_limit, gap)
    answer = _answer(solver, True)
    if answer is None or not proved_near(float(cost @ answer), relaxation.getInfo().objective_function_value):
        return None
    return answer


def _kept_columns(program: Minimisation, relaxation: Any | None) -> np.ndarray | None:
    """The columns that may be in the answer (summarize.selection.pruning.kept_columns), by the
    program's `relaxation` (`_relaxation`); None when that or a feasible solution to measure against
    is missing."""
    import highspy

    if relaxation is None:
        return None
    cost, integral, upper = program.cost, program.integral, program.upper
    continuous = np.zeros(len(cost), dtype=bool)
    solution = relaxation.getSolution()
    relaxed, reduced_cost = np.array(solution.col_value), np.array(solution.col_dual)
    # A feasible solution: the best of the program cut down to the columns the relaxation prices best.
    trial = trial_columns(reduced_cost, relaxed, integral)
    if 2 * int(np.count_nonzero(trial & integral)) > int(np.count_nonzero(integral)):
        return None  # most of the program: solving it first would cost about what solving it whole does
    part = _minimise(program.restricted(trial))
    if part is not None:
        incumbent = float(cost[trial] @ part)
    else:  # that cut-down program has none (a row asks for a column left out): round the relaxation
        rounded = greedy_rounding(cost, program.rows, integral, relaxed)
        if rounded is None:
            return None
        # the rounding's best completion: its integer columns fixed, the others as the relaxation sets them
        fixed_lower, fixed_upper = np.where(integral, rounded, 0.0), np.where(integral, rounded, upper)
        completed = _solved(cost, program.rows, continuous, fixed_lower, fixed_upper, program.time_limit, 0)
        if completed.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        incumbent = completed.getInfo().objective_function_value
    return kept_columns(
        relaxation.getInfo().objective_function_value, reduced_cost, relaxed, integral, incumbent, MIP_RELATIVE_GAP
    )


def _minimise(program: Minimisation) -> np.ndarray | None:
    """The program solved whole by HiGHS (`_answer`)."""
    mixed = bool(np.any(program.integral))
    lower = np.zeros(len(program.cost))
    solver = _solved(
        program.cost, program.rows, program.integral, lower, program.upper, program.time_limit, program.node_limit
    )
    return _answer(solver, mixed)


def _answer(solver: Any, mixed: bool) -> np.ndarray | None:
    """The solution a solver that has run gives: at the optimum, or (for a mixed program) the best
    found when a limit stopped it; None when it has none to give."""
    import highspy

    status, model = solver.getModelStatus(), highspy.HighsModelStatus
    if status == model.kNotset:  # not a model (a NaN, say): no solution
        return None
    stopped = status in (model.kTimeLimit, model.kIterationLimit, model.kSolutionLimit)
    if status == model.kOptimal or (
        mixed and stopped and solver.getInfo().objective_function_value != highspy.kHighsInf
    ):
        return np.array(solver.getSolution().col_value)
    return None


def _solved(
    cost: np.ndarray,
    rows: SparseRows,
    integral: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    time_limit: float,
    node_limit: int,
    options: tuple[tuple[str, bool | float | int | str], ...] = (),
) -> Any:
    """A HiGHS solver that has run on this program (not run when the model was refused: its status
    is then kNotset); `options` after the pinned ones (bench/speed_highs.py tries others)."""
    import highspy
    from highspy._core import _Highs

    count, row_count = len(cost), len(rows.bounds)
    program = highspy.HighsLp()
    program.num_col_, program.num_row_ = count, row_count
    program.col_cost_ = np.asarray(cost, dtype=np.float64)
    program.col_lower_ = np.asarray(lower, dtype=np.float64)
    program.col_upper_ = np.asarray(upper, dtype=np.float64)
    program.row_lower_ = np.full(row_count, -highspy.kHighsInf)
    program.row_upper_ = np.asarray(rows.bounds, dtype=np.float64)
    matrix = program.a_matrix_
    matrix.format_ = highspy.MatrixFormat.kColwise
    matrix.num_col_, matrix.num_row_ = count, row_count
    matrix.start_, matrix.index_, matrix.value_ = column_wise(rows)
    kinds = highspy.HighsVarType.kInteger, highspy.HighsVarType.kContinuous
    program.integrality_ = [kinds[0] if chosen else kinds[1] for chosen in np.asarray(integral, dtype=bool)]
    # The plain solver class: highspy.Highs adds Python callbacks (and in later versions prints a banner).
    with native_stdout_silenced():
        solver = _Highs()
        for option, value in (
            ("output_flag", False),
            ("threads", 1),
            ("time_limit", float(time_limit)),
            ("mip_max_nodes", int(node_limit)),
            ("mip_rel_gap", MIP_RELATIVE_GAP),
            *options,
        ):
            solver.setOptionValue(option, value)
        if solver.passModel(program) != highspy.HighsStatus.kError:
            solver.run()
    return solver
