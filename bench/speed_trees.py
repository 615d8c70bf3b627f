"""The cold and the warm brief of the sample, or the cold batch of a cluster file, two source trees
side by side: a before/after that the shared machine's swings do not decide.

    python bench/speed_trees.py BEFORE_TREE AFTER_TREE [--rounds 9]
    python bench/speed_trees.py BEFORE_TREE AFTER_TREE --batch /work/shared/bench/duc2002.jsonl --rounds 5

Each round runs sumy's LexRank on the sample once, then in each tree (their order alternating from
round to round) the cold brief (150 words, empty embedding cache) and the warm one (100 words, the
same cache), each a new process run from that tree's root, so that `python -m summarize` imports
that tree. With --batch, each round runs LexRank over the cluster file (100 words a cluster) and
in each tree `summarize batch` over it (100 words, the default backend and workers, empty cache). A
run's ratio is to the LexRank run of its own round; the table gives the median of the
rounds' ratios (wall and CPU, as bench/speed.py measures them) and their range. Both trees should
be byte-compiled alike (`python -m compileall -q summarize` in each), as bench/speed.py does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import ROOT, measure
from speed_scripts import LEXRANK_FILES, LEXRANK_JSONL

KINDS = {"cold": "150", "warm": "100"}  # the brief, and its word budget


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs=2, type=Path, help="the two source trees (their roots), before and after")
    parser.add_argument("--rounds", type=int, default=9, help="rounds of LexRank and both trees")
    parser.add_argument("--batch", type=Path, help="time the cold batch of this cluster file (JSON lines) instead")
    options = parser.parse_args()
    kinds = {"cold batch": "100"} if options.batch else KINDS
    python = sys.executable
    sample = sorted((ROOT / "summarize" / "data" / "sample").glob("*.txt"))
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("SUMMARIZE_CACHE_DIR", None)
    work = Path(tempfile.mkdtemp(prefix="summarize-trees-"))
    trees = [tree.resolve() for tree in options.trees]
    runs: dict[tuple[Path, str], list[dict]] = {(tree, kind): [] for tree in trees for kind in kinds}
    lexrank = []
    for number in range(options.rounds):
        if options.batch:
            lexrank.append(measure([python, "-c", LEXRANK_JSONL, "100", str(options.batch.resolve())], env))
        else:
            lexrank.append(measure([python, "-c", LEXRANK_FILES, "150", *map(str, sample)], env))
        for tree in trees if number % 2 == 0 else trees[::-1]:
            cache = dict(env, SUMMARIZE_CACHE_DIR=tempfile.mkdtemp(dir=work))  # cold, then warm
            for kind, words in kinds.items():
                command = ["brief", "--words", words]
                if options.batch:
                    command = ["batch", str(options.batch.resolve()), "-o", str(work / "batch.jsonl"), "--words", words]
                runs[tree, kind].append(measure([python, "-m", "summarize", *command], cache, cwd=tree))
        load = " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"
        print(f"round {number + 1} of {options.rounds}, load average {load}", file=sys.stderr, flush=True)
    print(
        f"LexRank, median of {options.rounds}: {statistics.median(r['seconds'] for r in lexrank):.2f} s, "
        f"CPU {statistics.median(r['cpu'] for r in lexrank):.2f} s\n"
    )
    print("| tree | brief | wall (median) | ratio: median (range) | CPU (median) | CPU ratio: median (range) |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for tree in trees:
        for kind in kinds:
            mine = runs[tree, kind]
            cells = []
            for key in ("seconds", "cpu"):
                ratios = [run[key] / theirs[key] for run, theirs in zip(mine, lexrank)]
                cells += [
                    f"{statistics.median(run[key] for run in mine):.2f} s",
                    f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})",
                ]
            print(f"| {tree} | {kind} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
