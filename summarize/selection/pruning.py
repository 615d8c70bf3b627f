"""Columns a large integer program's optimum provably leaves out, dropped before the solver sees it.

A brief of hundreds of articles at a tight budget (the TUI's `-` down to 25 words) hands HiGHS a
thousand candidate sentences of which a handful fit; its presolve turns the budget row into pairwise
conflicts and spends seconds there before its root node finds that nearly every candidate is out.
The same finding is cheap from outside: the linear relaxation (milliseconds) bounds every solution
that takes a column by the relaxation's optimum plus that column's reduced cost; the best solution of
the program cut down to its best-priced columns (`trial_columns`; or a greedy rounding of the
relaxation) is a feasible one; a column whose bound is worse than that solution by more than the
solver's own gap can be in no answer the solver could return ("reduced-cost fixing").

Only a large program (summarize.selection.near_optimum.LARGE_PROGRAM) is pruned, and only when no
answer near its optimum was proved: a smaller one goes to the solver whole, and its answer stays the
very one it was (a pruned program may break an exact tie between two equally good briefs another way).
"""

from __future__ import annotations

import numpy as np

from .ilp import SparseRows

# The cut-down program that finds a good feasible solution: the integer columns the relaxation uses
# and the next ones by reduced cost, TRIAL_FACTOR times as many in all and at least TRIAL_COLUMNS.
# The better that solution, the more columns go: at 250 words, the best of 200 columns (the optimum)
# left 193 of 1,000 candidates, a greedy rounding of the relaxation 750.
TRIAL_COLUMNS = 200
TRIAL_FACTOR = 8

# Slack for the relaxation's rounding errors: HiGHS's dual feasibility tolerance (1e-7) per column,
# at worst summed over all of them, on top of the solver's relative gap.
DUAL_TOLERANCE = 1e-7


def greedy_rounding(cost: np.ndarray, rows: SparseRows, integral: np.ndarray, relaxed: np.ndarray) -> np.ndarray | None:
    """A 0/1 choice of the integer columns (the others 0) meeting every row, built greedily: the
    columns the relaxation takes most of first (then the cheapest, then by index), each kept if no
    row it raises goes over its bound; None when a row stays unmet (one that asks for at least one
    of some columns, none of which fitted)."""
    from .highs import column_wise  # highs imports this module

    starts, row_of, values = column_wise(rows)
    activity = np.zeros(len(rows.bounds))
    bounds = np.asarray(rows.bounds, dtype=float)
    chosen = np.zeros(len(cost))
    columns = np.flatnonzero(integral)
    for column in columns[np.lexsort((columns, cost[columns], -relaxed[columns]))].tolist():
        touched = row_of[starts[column] : starts[column + 1]]
        raised = values[starts[column] : starts[column + 1]]
        rising = raised > 0
        if np.any(activity[touched[rising]] + raised[rising] > bounds[touched[rising]] + 1e-9):
            continue
        activity[touched] += raised
        chosen[column] = 1.0
    if np.any(activity > bounds + 1e-9):
        return None
    return chosen


def trial_columns(reduced_cost: np.ndarray, relaxed: np.ndarray, integral: np.ndarray) -> np.ndarray:
    """Which columns the cut-down program has (see TRIAL_COLUMNS): every continuous column, the
    integer columns the relaxation uses, and the integer columns of least reduced cost (ties by index)."""
    columns = np.flatnonzero(integral)
    used = int(np.count_nonzero(relaxed[columns] > 1e-9))
    count = max(TRIAL_COLUMNS, TRIAL_FACTOR * used)
    by_price = columns[np.lexsort((columns, reduced_cost[columns], relaxed[columns] <= 1e-9))]
    trial = ~integral
    trial[by_price[:count]] = True
    chosen: np.ndarray = trial
    return chosen


def kept_columns(
    relaxed_value: float,
    reduced_cost: np.ndarray,
    relaxed: np.ndarray,
    integral: np.ndarray,
    incumbent: float,
    gap: float,
) -> np.ndarray:
    """Which columns may be in a solution within the solver's relative `gap` of the best (a
    minimisation): all but the integer columns the relaxation leaves at 0 whose every solution costs
    at least `relaxed_value` + their reduced cost, more than the `incumbent`'s cost plus the gap."""
    slack = gap * max(1.0, abs(incumbent)) + DUAL_TOLERANCE * (len(relaxed) + 1)
    out = integral & (relaxed <= 1e-9) & (relaxed_value + reduced_cost > incumbent + slack)
    kept: np.ndarray = ~out
    return kept


def restricted(rows: SparseRows, kept: np.ndarray) -> SparseRows:
    """`rows` over the `kept` columns only (renumbered in order); every row stays, emptied or not."""
    present = kept[rows.indices]
    lengths = np.add.reduceat(present.astype(np.int64), rows.indptr[:-1]) if len(rows.indices) else np.zeros(0)
    lengths = np.where(np.diff(rows.indptr) > 0, lengths, 0)  # reduceat reads an empty row's next entry
    renumbered = np.cumsum(kept) - 1
    return SparseRows(
        indptr=np.concatenate(([0], np.cumsum(lengths, dtype=np.int64))),
        indices=renumbered[rows.indices[present]].astype(np.int64),
        values=np.asarray(rows.values, dtype=float)[present],
        bounds=rows.bounds,
        columns=int(kept.sum()),
    )
