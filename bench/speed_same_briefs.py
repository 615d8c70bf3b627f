"""Do two source trees brief a large story alike at every length? The in-memory re-briefs of
bench/speed.py's growth series (the pooled development story, after a first brief at 150 words),
made by each tree and compared: the sentences chosen (article and offset), the markdown and the JSON;
where the sentences differ, how many of the first tree's are not in the second's.

    python bench/speed_same_briefs.py BEFORE_TREE AFTER_TREE [--articles 500] [--words 400,800,...]

Each tree runs in a new process from its root, so that it imports its own `summarize`; both share
one embedding cache (the static backend's vectors do not depend on the tree). Prints one line per
length and exits with status 1 when any differs. The development sets are read from their place and
the pooled story is written to a temporary folder, never into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import POOL, pooled, read_clusters
from speed_scripts import REBRIEF_BRIEFS

WORDS = "400,500,600,700,800,900,1000,1200,1400,1600,1800,2000,2400,3000,4000,5000,7000,10000"


def briefs(tree: Path, story: Path, words: str, environment: dict[str, str]) -> dict[str, dict]:
    command = [sys.executable, "-c", REBRIEF_BRIEFS, str(story), "static", words]
    done = subprocess.run(command, cwd=tree, env=environment, capture_output=True, text=True, check=True)
    result: dict[str, dict] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--words", default=WORDS, help="comma-separated lengths, in the order re-briefed")
    parser.add_argument("--pool", default=POOL)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="same-briefs-"))
    story = work / f"pool-{options.articles}.jsonl"
    record = pooled(
        [cluster for path in options.pool.split(",") for cluster in read_clusters(Path(path))], options.articles
    )
    story.write_text(json.dumps(record) + "\n", encoding="utf-8")
    environment = dict(os.environ, PYTHONHASHSEED="0", HF_HUB_OFFLINE="1")
    environment.setdefault("SUMMARIZE_CACHE_DIR", str(work / "cache"))
    before, after = (
        briefs(tree.resolve(), story, options.words, environment) for tree in (options.before, options.after)
    )
    differing = 0
    for words in before:
        parts = [part for part in ("chosen", "markdown", "json") if before[words][part] != after[words][part]]
        differing += bool(parts)
        count = len(before[words]["chosen"])
        kept = {tuple(chosen) for chosen in before[words]["chosen"]}
        gone = len(kept - {tuple(chosen) for chosen in after[words]["chosen"]})
        print(
            f"{int(words):>6,} words ({count} sentences): "
            + (f"differs in {', '.join(parts)}" if parts else "identical")
            + (f" ({gone} of the {count} sentences before are not in the brief after)" if gone else "")
        )
    print(f"{len(before) - differing} of {len(before)} lengths identical")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
