"""CPU of the in-memory re-brief of a 500-article story with the fifth pass's candidate weights.

    python bench/concept_rebrief_fifth.py [SETTING ...] [--articles 500] [--repeat 3]

One story of ARTICLES articles is pooled from the development sets (as `bench/speed.py`'s growth
series pools it) and analysed once. Each setting of `bench/concept_ablation_fifth.py` (default: the
shipped weights file and the candidates below), fitted on all three sets as a shipped model is, briefs
it at 150 words (which prepares its concept weights, once per analysis) and then re-briefs it at 25,
50, 100 and 400 words, as the TUI does on a length key. The table gives the median over REPEAT runs
of each re-brief's CPU seconds (`time.process_time`, the concept ranker's selection and the top-up),
the settings taking turns so that a busy machine weighs on all alike. The pooled articles are
written to a temporary file and never kept.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's summarize
from concept_ablation_fifth import SETTINGS, Setting, Training, examples
from speed import POOL, pooled
from speed import read_clusters as read_records
from train_concept_weights import ROOT, SETS

from summarize.embedding.backends import default_embedder
from summarize.embedding.cache import with_cache
from summarize.inputs.jsonl import read_clusters
from summarize.pipeline import analyze, compose_brief
from summarize.records import Analysis

LENGTHS = (25, 50, 100, 400)
DEFAULT = (
    "shipped weights file",
    "+ words 3 articles mention x 0.2",
    "+ words 3 articles and 30% of them mention x 0.1",
    "pairwise products + words 3 articles mention x 0.1",
)


def rebrief_cpu(analysis: Analysis, setting: Setting, training: Training) -> dict[int, float]:
    """CPU seconds of each re-brief after a first brief at 150 words, on a copy of `analysis` that
    holds nothing prepared yet."""
    fresh = replace(analysis)
    ranker = setting(training)
    compose_brief(fresh, 150, ranker)
    seconds = {}
    for words in LENGTHS:
        started = time.process_time()
        compose_brief(fresh, words, ranker)
        seconds[words] = time.process_time() - started
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("settings", nargs="*", default=list(DEFAULT), help="names from the fifth harness's SETTINGS")
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/concept_ablation_fifth"))
    args = parser.parse_args()
    unknown = [name for name in args.settings if name not in SETTINGS]
    if unknown:
        parser.error(f"unknown setting {', '.join(unknown)}")
    pairs, words = examples(args.data, args.cache)
    training = Training(SETS, pairs, words)  # all three sets, as the model briefs use
    pool = [c for path in POOL.split(",") for c in read_records(Path(path))]
    with tempfile.TemporaryDirectory() as folder:  # the pooled articles never stay on disk
        path = Path(folder) / "pool.jsonl"
        path.write_text(json.dumps(pooled(pool, args.articles)) + "\n", encoding="utf-8")
        cluster = next(read_clusters(path))
    analysis = analyze(cluster.documents, with_cache(default_embedder(), True))
    runs: dict[str, list[dict[int, float]]] = {name: [] for name in args.settings}
    for _ in range(args.repeat):
        for name in args.settings:
            runs[name].append(rebrief_cpu(analysis, SETTINGS[name], training))
            print(name, runs[name][-1], file=sys.stderr, flush=True)
    print(f"| setting ({len(analysis.sentences)} sentences) | " + " | ".join(f"{w} words" for w in LENGTHS) + " |")
    print("|---|" + "---:|" * len(LENGTHS))
    for name, seconds in runs.items():
        cells = [f"{statistics.median(run[w] for run in seconds):.2f} s" for w in LENGTHS]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
