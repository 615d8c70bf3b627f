"""The in-memory re-briefs of a large story (bench/speed.py's growth series: the pooled development
sets, a first brief at 150 words, then each length in turn), several source trees side by side, so
that the shared machine's swings do not decide a before/after.

    python bench/speed_rebrief_trees.py MAIN_TREE OTHER_TREE [...] [--articles 500] [--words 150,1000,10000] [--rounds 5]

Each round runs bench/speed_scripts.REBRIEF once in each tree (their order reversed every other round),
each a new process from that tree's root, so that it imports its own `summarize`; all share one
embedding cache (the static backend's vectors do not depend on the tree). Prints each length's median
CPU seconds per tree, and its ratio to the first tree's median, and the same for the sum over the
lengths (a garbage collection lands on one length or another as a tree allocates: the sum is steadier).
The development sets are read from their place and the pooled story is written to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import POOL, pooled, read_clusters
from speed_scripts import REBRIEF


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trees", nargs="+", type=Path, help="source trees (their roots); ratios are to the first")
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--words", default="150,1000,10000", help="the re-briefs' lengths, in order")
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="summarize-rebrief-trees-"))
    story = work / "story.jsonl"
    clusters = [cluster for path in POOL.split(",") for cluster in read_clusters(Path(path))]
    story.write_text(json.dumps(pooled(clusters, options.articles)) + "\n", encoding="utf-8")
    environment = dict(os.environ, PYTHONHASHSEED="0", SUMMARIZE_CACHE_DIR=str(work / "cache"), HF_HUB_OFFLINE="1")
    trees = [tree.resolve() for tree in options.trees]
    cpu: dict[Path, list[dict[str, float]]] = {tree: [] for tree in trees}
    for number in range(options.rounds):
        for tree in trees if number % 2 == 0 else trees[::-1]:
            command = [sys.executable, "-c", REBRIEF, str(story), "static", options.words]
            done = subprocess.run(command, cwd=tree, env=environment, capture_output=True, text=True, check=True)
            cpu[tree].append({words: seconds[1] for words, seconds in json.loads(done.stdout).items()})
        load = " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"
        print(f"round {number + 1} of {options.rounds}, load average {load}", file=sys.stderr, flush=True)
    lengths = list(cpu[trees[0]][0])
    print(f"CPU seconds, median of {options.rounds} rounds (ratio to {trees[0]})\n")
    print("| words | " + " | ".join(str(tree) for tree in trees) + " |")
    print("| ---: |" + " ---: |" * len(trees))
    reference = {words: statistics.median(run[words] for run in cpu[trees[0]]) for words in lengths}
    reference_sum = statistics.median(sum(run.values()) for run in cpu[trees[0]])
    for words in [*lengths, "sum"]:
        cells = []
        for tree in trees:
            runs = [sum(run.values()) if words == "sum" else run[words] for run in cpu[tree]]
            mine, base = statistics.median(runs), reference_sum if words == "sum" else reference[words]
            cells.append(f"{mine:.3f} ({mine / base:.2f}x)")
        print(f"| {words} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
