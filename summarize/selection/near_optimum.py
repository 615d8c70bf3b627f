"""A large integer program's answer near its optimum, found from its linear relaxation and proved
near by it, in a fraction of the time an exact solve takes.

A story of hundreds of articles hands HiGHS a thousand candidate sentences; between ~600 and ~5,000
words HiGHS spends 0.5-2 s (500 articles) or 4-20 s (200) at its root node (presolve, thousands of
cuts, a sub-MIP heuristic) on a program whose linear relaxation (0.02-0.1 s) is already within
0.6 % of the optimum and leaves a few dozen to a few hundred candidates fractional. So: solve the
relaxation, hold every integer column where it puts it (at 0 or at 1), solve the small program over
the fractional ones and a few it prices best among those it leaves out (to within NEIGHBOURHOOD_GAP
of that small program's bound), and accept that answer when it is worth at least NEAR_OPTIMUM_SHARE
of the relaxation's value, which bounds the optimum's: the answer is then proved within that share
of the optimum. Everything here is deterministic: no limit tuned to this work decides the answer (the small
program has only the 60 s guard every solve has, hundreds of times its cost), so the same program
gives the same answer on any machine under any load short of a stall.
"""

from __future__ import annotations

import numpy as np

# Programs with more integer columns than this (candidate sentences) take the near-optimum answer.
# The largest a development-set cluster gives has 490 (DUC 2002; the sample's 74), so every brief of
# the development sets and of the sample is the exact solve's, as before; only a story larger than
# any development cluster reaches it (200 or 500 pooled articles give 1,000, the candidate pool's size).
LARGE_PROGRAM = 600

# The least share of the optimum a large program's answer may be worth, proved against the relaxation.
# The relaxation is within 0.21 % of the optimum over the 500-article story's programs (20 lengths from
# 400 to 10,000 words) but within 0.6 % only over the 200-article story's: a proof of 99.5 % failed
# there at 6 of 20 lengths (at 600 words even the optimum is 99.41 % of the relaxation), and each fell
# back to the slow exact solve. The answers are nearer than this: README "Speed", eighth pass (at worst
# 99.52 % of the optimum at 200 articles, 99.6 % at 500).
NEAR_OPTIMUM_SHARE = 0.99

# The small program is solved to within this relative gap of its own bound, not HiGHS's default 1e-4:
# at 500 articles the answers lose ~0.01 % of value on average, and the slowest solve takes 0.07 s
# instead of 0.16 s; at 200 articles it takes about half the time.
NEIGHBOURHOOD_GAP = 2e-3

# Integer columns the relaxation leaves at 0 that the small program may still take (those it prices
# best): rounding its fractional columns down leaves room that only they can fill. Over the 500-article
# story's programs, 20 raised the worst share of the optimum from 99.72 % to 99.75 % and the mean from
# 99.91 % to 99.93 %, for ~0.01 s; 50 and 100 did a little better again, but took up to 0.2 and 0.4 s.
REFILL_COLUMNS = 20

# A value counts as integral this near to 0 or 1 (HiGHS's own primal feasibility tolerance is 1e-7).
INTEGRAL_TOLERANCE = 1e-9


def relaxation_neighbourhood(
    relaxed: np.ndarray, reduced_cost: np.ndarray, integral: np.ndarray, upper: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Bounds (lower, upper) that hold each integer column where the relaxation (`relaxed`, with its
    `reduced_cost`s) puts it, at 0 or at 1, but for the fractional ones, the REFILL_COLUMNS at 0 of
    least reduced cost (ties by index) and every continuous column, which stay free."""
    lower, bounded = np.zeros(len(relaxed)), np.asarray(upper, dtype=np.float64).copy()
    at_zero = np.flatnonzero(integral & (relaxed <= INTEGRAL_TOLERANCE))
    refill = at_zero[np.lexsort((at_zero, reduced_cost[at_zero]))[:REFILL_COLUMNS]]
    bounded[np.setdiff1d(at_zero, refill)] = 0.0
    lower[integral & (relaxed >= 1.0 - INTEGRAL_TOLERANCE)] = 1.0
    return lower, bounded


def proved_near(cost: float, relaxed_cost: float) -> bool:
    """Whether a minimisation's answer costing `cost` is worth at least NEAR_OPTIMUM_SHARE of the
    optimum, given its relaxation's optimal cost `relaxed_cost` (no solution costs less). In the
    maximisation's terms: value >= share * the relaxation's value >= share * the optimum's."""
    return cost - relaxed_cost <= (1.0 - NEAR_OPTIMUM_SHARE) * abs(relaxed_cost)
