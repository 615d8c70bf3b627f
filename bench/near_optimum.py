"""How near the optimum is a large story's brief, now that a large program's answer comes from its
relaxation (summarize.selection.near_optimum), and how much faster is it?

    python bench/near_optimum.py [--articles 500] [--words 400,500,...,10000]

Briefs the pooled development story (as bench/speed.py's growth series does) at 150 words, then
re-briefs it at each length, keeping the concept program the ranker hands the solver first at that
length (later rounds add rows for the sentences the answer chose, so they differ between answers).
Each program is then solved three ways, CPU seconds each:

- near: `summarize.selection.highs.minimise` as a brief calls it (above LARGE_PROGRAM integer
  columns: the relaxation, the small program around it, the proof; the exact solve when unproved);
- before: the same with no near answer, as the tree before it solved (pruning, then HiGHS with its
  relative gap of 1e-4);
- optimum: HiGHS with no gap and no limit it reaches (the proven optimum; not timed).

Prints a row per length: both times, whether the near answer was proved, each answer's value as a
share of the optimum's, and how many of the sentences chosen before are not chosen now; then the
worst and the mean shares. The development sets are read from their place and never copied into
the repository.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's summarize
from speed import POOL
from speed_highs import captured_programs

WORDS = "400,500,600,700,800,900,1000,1200,1400,1600,1800,2000,2400,2800,3000,3500,4000,5000,7000,10000"


def proven_optimum(cost: np.ndarray, rows: object, integral: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """The program's optimum, proven: no gap, and limits no program here reaches (a busy machine
    stretches the wall clock a time limit reads: 60 s stopped some solves of the 200-article story)."""
    import highspy

    from summarize.selection import highs

    options = (("mip_rel_gap", 0.0), ("mip_max_nodes", 10_000_000))
    solver = highs._solved(cost, rows, integral, np.zeros(len(cost)), upper, 36_000.0, 10_000_000, options)
    assert solver.getModelStatus() == highspy.HighsModelStatus.kOptimal, solver.getModelStatus()
    return np.array(solver.getSolution().col_value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--words", default=WORDS)
    parser.add_argument("--pool", default=POOL)
    options = parser.parse_args()
    from summarize.selection import highs

    near_path, proved = highs._near_optimum, []

    def noted(*program: object) -> np.ndarray | None:
        answer = near_path(*program)
        proved.append(answer is not None)
        return answer

    firsts: dict[int, tuple] = {}
    for words, program, _ in captured_programs(
        options.articles, [int(w) for w in options.words.split(",")], options.pool
    ):
        firsts.setdefault(words, program)
    print(f"{options.articles} articles")
    print(
        "| words | before: CPU s | near: CPU s | proved | near / optimum | before / optimum | sentences not chosen now |"
    )
    print("| ---: | ---: | ---: | --- | ---: | ---: | ---: |")
    shares: list[float] = []
    for words, (cost, rows, integral, upper) in firsts.items():
        highs._near_optimum = lambda *program: None
        started = time.process_time()
        before = highs.minimise(cost, rows, integral, upper, 60.0, 1000)
        before_seconds = time.process_time() - started
        highs._near_optimum, proved[:] = noted, []
        started = time.process_time()
        near = highs.minimise(cost, rows, integral, upper, 60.0, 1000)
        near_seconds = time.process_time() - started
        highs._near_optimum = near_path
        optimum = proven_optimum(cost, rows, integral, upper)
        assert before is not None and near is not None
        best = float(cost @ optimum)  # HiGHS minimises: the shares are of negative costs, both < 0
        share, before_share = float(cost @ near) / best, float(cost @ before) / best
        shares.append(share)
        gone = int(np.count_nonzero((before[integral] > 0.5) & (near[integral] <= 0.5)))
        chosen = int(np.count_nonzero(before[integral] > 0.5))
        print(
            f"| {words:,} | {before_seconds:.2f} | {near_seconds:.2f} | {('yes' if proved[-1] else 'no') if proved else 'not large'} | "
            f"{100 * share:.2f} % | {100 * before_share:.2f} % | {gone} of {chosen} |",
            flush=True,
        )
    print(f"near / optimum: worst {100 * min(shares):.2f} %, mean {100 * float(np.mean(shares)):.2f} %")


if __name__ == "__main__":
    main()
