"""CPU of a first brief and of the in-memory re-briefs of a 500-article story, sixth-pass settings.

    python bench/concept_rebrief_sixth.py [SETTING ...] [--articles 500] [--repeat 3]

As `bench/concept_rebrief_fifth.py`: one story of ARTICLES articles pooled from the development sets
(as `bench/speed.py`'s growth series pools it), analysed once. Each setting of
`bench/concept_ablation_sixth.py` (default: the shipped weights file and the sixth pass's closest
candidates), fitted on all three sets as a shipped model is, briefs it at 150 words on a copy that
holds nothing prepared (the first brief: it computes the concept weights, with the background features
and, the first time, wordfreq's table) and re-briefs it at 25, 50, 100 and 400 words, as the TUI does
on a length key. Medians over REPEAT runs of CPU seconds, the settings taking turns. The pooled
articles are written to a temporary file and never kept.
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
from concept_ablation_sixth import PLACES, SETTINGS, examples
from concept_rebrief_fifth import LENGTHS
from speed import POOL, pooled
from speed import read_clusters as read_records
from train_concept_weights import ROOT, SETS

from summarize.embedding.backends import default_embedder
from summarize.embedding.cache import with_cache
from summarize.inputs.jsonl import read_clusters
from summarize.pipeline import analyze, compose_brief

DEFAULT = (
    "shipped weights file",
    "+ topic-signature rank in the cluster, mean",
    "+ the 20 strongest topic-signature words x 0.2",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("settings", nargs="*", default=list(DEFAULT), help="names from the sixth harness's SETTINGS")
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--cache", type=Path, default=PLACES["cache"])
    args = parser.parse_args()
    unknown = [name for name in args.settings if name not in SETTINGS]
    if unknown:
        parser.error(f"unknown setting {', '.join(unknown)}")
    PLACES.update(data=args.data, cache=args.cache)
    found = examples(args.data, args.cache)
    pool = [c for path in POOL.split(",") for c in read_records(Path(path))]
    with tempfile.TemporaryDirectory() as folder:  # the pooled articles never stay on disk
        path = Path(folder) / "pool.jsonl"
        path.write_text(json.dumps(pooled(pool, args.articles)) + "\n", encoding="utf-8")
        cluster = next(read_clusters(path))
    analysis = analyze(cluster.documents, with_cache(default_embedder(), True))
    lengths = (150, *LENGTHS)
    runs: dict[str, list[dict[int, float]]] = {name: [] for name in args.settings}
    for _ in range(args.repeat):
        for name in args.settings:
            fresh, ranker = replace(analysis), SETTINGS[name](SETS, found)
            seconds = {}
            for words in lengths:
                started = time.process_time()
                compose_brief(fresh, words, ranker)
                seconds[words] = time.process_time() - started
            runs[name].append(seconds)
            print(name, seconds, file=sys.stderr, flush=True)
    header = ["first brief, 150 words", *(f"{w} words" for w in LENGTHS)]
    print(f"| setting ({len(analysis.sentences)} sentences) | " + " | ".join(header) + " |")
    print("|---|" + "---:|" * len(lengths))
    for name, measured in runs.items():
        cells = [f"{statistics.median(run[w] for run in measured):.2f} s" for w in lengths]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
