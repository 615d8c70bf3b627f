"""What HiGHS does with the concept program of a large story's re-brief, and which smaller or easier
programs would give the very same brief.

    python bench/speed_highs.py [--articles 500] [--words 400,800,1000,2000,3000,10000]

Briefs the pooled development story (as bench/speed.py's growth series does) at 150 words, then
re-briefs it at each length, keeping every program the concept ranker hands the solver
(`summarize.selection.highs.minimise`) and the solution it got. Each program is then solved again
in several ways; for each way, the CPU seconds and whether it chooses the very sentences the shipped
solve chose (when not, the objective's difference: negative is a better program value):

- shipped: `minimise` as the brief calls it (HiGHS, relative gap 1e-4, pruning above 600 columns);
- optimum: HiGHS with no gap, to the proven optimum;
- no presolve: HiGHS's presolve off;
- no dominated: without the sentences another sentence dominates (no longer, worth at least as much,
  every row's coefficient at most its own, and either worth nothing alone or in one "at most one"
  row with it: the optimum's value is kept; found by a slow loop, which is not timed);
- pruned at the optimum: reduced-cost fixing against the proven optimum's value (the best any
  incumbent could do), then HiGHS on what is left.

HiGHS stops at a solution within its relative gap of its bound. Where that solution is not the
optimum, which one it is depends on HiGHS's whole path, and any change to the program it is given
(even one that keeps the optimum) changes the path. The development sets are read from their place
and never copied into the repository.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's summarize
from speed import POOL, pooled, read_clusters

Program = tuple[np.ndarray, object, np.ndarray, np.ndarray]  # cost, rows (SparseRows), integral, upper
# A way to solve a program: its solution, and the CPU seconds it took.
Way = Callable[[np.ndarray, object, np.ndarray, np.ndarray], tuple[np.ndarray | None, float]]


def captured_programs(articles: int, lengths: list[int], pool: str) -> list[tuple[int, Program, np.ndarray | None]]:
    """(length, program, shipped solution) for every solve of the re-briefs at `lengths`."""
    import os

    os.environ.setdefault("SUMMARIZE_CACHE_DIR", tempfile.mkdtemp(prefix="speed-highs-"))
    import json

    from summarize.embedding.backends import embedder_for
    from summarize.embedding.cache import with_cache
    from summarize.inputs.jsonl import read_clusters as read_story
    from summarize.pipeline import analyze, compose_brief
    from summarize.selection import highs

    record = pooled([cluster for path in pool.split(",") for cluster in read_clusters(Path(path))], articles)
    story = Path(tempfile.mkdtemp(prefix="speed-highs-")) / f"pool-{articles}.jsonl"
    story.write_text(json.dumps(record) + "\n", encoding="utf-8")
    analysis = analyze(next(read_story(story)).documents, with_cache(embedder_for("static"), True))
    compose_brief(analysis, 150)
    shipped, captured, length = highs.minimise, [], [0]

    def spy(
        cost: np.ndarray, rows: object, integral: np.ndarray, upper: np.ndarray, *limits: float
    ) -> np.ndarray | None:
        solution = shipped(cost, rows, integral, upper, *limits)
        captured.append((length[0], (cost, rows, np.asarray(integral, dtype=bool), upper), solution))
        return solution

    highs.minimise = spy
    try:
        for words in lengths:
            length[0] = words
            compose_brief(analysis, words)
    finally:
        highs.minimise = shipped
    return captured


def timed(solve: Callable[..., np.ndarray | None]) -> Way:
    def way(*program: object) -> tuple[np.ndarray | None, float]:
        started = time.process_time()
        answer = solve(*program)
        return answer, time.process_time() - started

    return way


def solved_with(
    cost: np.ndarray, rows: object, integral: np.ndarray, upper: np.ndarray, **options: bool | float | int | str
) -> np.ndarray | None:
    from summarize.selection import highs

    solver = highs._solved(cost, rows, integral, np.zeros(len(cost)), upper, 60.0, 1000, tuple(options.items()))
    return np.array(solver.getSolution().col_value) if solver.getInfo().primal_solution_status else None


def on_columns(cost: np.ndarray, rows: object, integral: np.ndarray, upper: np.ndarray, kept: np.ndarray) -> np.ndarray:
    from summarize.selection import highs

    solution = np.zeros(len(cost))
    program = highs.Minimisation(cost, rows, integral, upper, 60.0, 1000)
    part = highs._minimise(program.restricted(kept))
    if part is not None:
        solution[kept] = part
    return solution


def without_dominated(
    cost: np.ndarray, rows: object, integral: np.ndarray, upper: np.ndarray
) -> tuple[np.ndarray | None, float]:
    """The program less its dominated sentences, solved; finding them (a slow loop here) is not counted."""
    from summarize.selection.highs import column_wise

    starts, row_of, values = column_wise(rows)
    bounds = np.asarray(rows.bounds)
    columns = np.flatnonzero(integral)
    entries = {
        c: dict(zip(row_of[starts[c] : starts[c + 1]].tolist(), values[starts[c] : starts[c + 1]].tolist()))
        for c in columns
    }
    out = np.zeros(len(cost), dtype=bool)
    for i in columns:
        for j in columns:
            if i == j or out[j] or cost[j] > cost[i] or (entries[i] == entries[j] and cost[i] == cost[j] and j > i):
                continue
            mine, theirs = entries[i], entries[j]
            if any(theirs.get(r, 0.0) > mine.get(r, 0.0) for r in set(mine) | set(theirs)):
                continue
            apart = any(mine.get(r) == 1.0 and theirs.get(r) == 1.0 and bounds[r] == 1.0 for r in mine)
            if cost[i] >= 0 or apart:  # minimising: worth nothing alone, or never chosen with j
                out[i] = True
                break
    started = time.process_time()
    return on_columns(cost, rows, integral, upper, ~out), time.process_time() - started


def pruned_at_optimum(
    cost: np.ndarray, rows: object, integral: np.ndarray, upper: np.ndarray
) -> tuple[np.ndarray | None, float]:
    """The program pruned against its proven optimum's value, and solved; the optimum is given, not
    found: its time is not counted."""
    from summarize.selection import highs
    from summarize.selection.pruning import kept_columns

    optimum = solved_with(cost, rows, integral, upper, mip_rel_gap=0.0, mip_max_nodes=100_000)
    assert optimum is not None
    started = time.process_time()
    relaxation = highs._solved(cost, rows, np.zeros(len(cost), dtype=bool), np.zeros(len(cost)), upper, 60.0, 0)
    solution = relaxation.getSolution()
    kept = kept_columns(
        relaxation.getInfo().objective_function_value,
        np.array(solution.col_dual),
        np.array(solution.col_value),
        integral,
        float(cost @ optimum),
        highs.MIP_RELATIVE_GAP,
    )
    return on_columns(cost, rows, integral, upper, kept), time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--words", default="400,800,1000,2000,3000,10000")
    parser.add_argument("--pool", default=POOL)
    options = parser.parse_args()
    from summarize.selection import highs

    ways: dict[str, Way] = {
        "shipped": timed(lambda *program: highs.minimise(*program, 60.0, 1000)),
        "optimum": timed(lambda *program: solved_with(*program, mip_rel_gap=0.0, mip_max_nodes=100_000)),
        "no presolve": timed(lambda *program: solved_with(*program, presolve="off")),
        "no dominated": without_dominated,
        "pruned at the optimum": pruned_at_optimum,
    }
    print("| words | " + " | ".join(ways) + " |")
    print("| ---: |" + " ---: |" * len(ways))
    for words, program, solution in captured_programs(
        options.articles, [int(w) for w in options.words.split(",")], options.pool
    ):
        cost, _, integral, _ = program
        cells = []
        for way in ways.values():
            answer, spent = way(*program)
            if solution is None or answer is None:
                cells.append(f"{spent:.2f} s, {'same' if answer is solution else 'no solution'}")
            elif np.array_equal(answer[integral] > 0.5, solution[integral] > 0.5):
                cells.append(f"{spent:.2f} s")
            else:
                cells.append(f"{spent:.2f} s, other ({float(cost @ answer - cost @ solution):+.1e})")
        print(f"| {words:,} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
