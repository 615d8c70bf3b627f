"""Quality per embedding backend on the development sets: ROUGE, and agreement with the transformer.

    python bench/backends.py --static-thresholds 0.70          # onnx and static on the 3 sets (README)
    python bench/backends.py --backends static,torch --sets duc2002 --static-thresholds 0.6,0.75

For each set (read from ../shared/bench, licensed for evaluation only: never copied here) and each
backend, every cluster is analysed (split, embed, cluster), briefed at 100 words with the concept
weights learned without that set and scored, both as `summarize eval` does (ROUGE-1.5.5 -n 2 -m -l
100 -f A, WordNet exceptions). Agreement with
the reference backend (default onnx: the transformer, all-MiniLM-L6-v2, in int8, cosine 0.993 to
torch; the default for a brief): adjusted Rand index of the sentence clusters, and precision /
recall of the corroborating pairs (two sentences of different articles in one cluster: what a
brief cites as "also") against the reference's. Vectors come from the user's embedding cache (speed is bench/speed.py's job).
Writes bench/results/backends.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import combinations
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this tree's summarize, whatever is installed
SETS = ROOT.parent / "shared" / "bench"
OUT = ROOT / "bench" / "results" / "backends.md"


def labels_of(analysis) -> np.ndarray:
    labels = np.zeros(len(analysis.sentences), dtype=int)
    for cluster in analysis.clusters:
        labels[list(cluster.members)] = cluster.id
    return labels


def corroborating_pairs(analysis) -> set[tuple[int, int]]:
    """Pairs of sentences from different articles that share a cluster."""
    pairs = set()
    for cluster in analysis.clusters:
        for a, b in combinations(cluster.members, 2):
            if analysis.sentences[a].document != analysis.sentences[b].document:
                pairs.add((a, b))
    return pairs


def run_backend(clusters, backend: str, threshold: float | None, words: int) -> dict:
    from summarize.embedding.backends import embedder_for
    from summarize.embedding.cache import with_cache
    from summarize.evaluation.harness import OURS, our_ranker
    from summarize.pipeline import BriefSettings, analyze, compose_brief

    embedder = with_cache(embedder_for(backend), True)
    settings = BriefSettings(words=words, cluster_threshold=threshold)
    ranker, _ = our_ranker(OURS, clusters)  # as `summarize eval`: concept weights learned without this set
    summaries, analyses = [], []
    started = time.perf_counter()
    for cluster in clusters:
        analysis = analyze(cluster.documents, embedder, settings)
        brief = compose_brief(analysis, words, ranker)
        summaries.append(" ".join(item.sentence.text for item in brief.sentences))
        analyses.append((labels_of(analysis), corroborating_pairs(analysis)))
    return {"summaries": summaries, "analyses": analyses, "seconds": time.perf_counter() - started}


def agreement(run: dict, reference: dict) -> tuple[float, float, float]:
    """Mean adjusted Rand index; corroborating pairs' precision and recall (pooled over clusters)."""
    from sklearn.metrics import adjusted_rand_score

    rand = [
        adjusted_rand_score(ref_labels, labels)
        for (labels, _), (ref_labels, _) in zip(run["analyses"], reference["analyses"])
    ]
    shared = sum(len(pairs & ref_pairs) for (_, pairs), (_, ref_pairs) in zip(run["analyses"], reference["analyses"]))
    found = sum(len(pairs) for _, pairs in run["analyses"])
    expected = sum(len(pairs) for _, pairs in reference["analyses"])
    return float(np.mean(rand)), shared / max(found, 1), shared / max(expected, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default="duc2002,duc2003,tac2010", help="development sets (names in ../shared/bench)")
    parser.add_argument("--backends", default="onnx,static", help="backends to score besides the reference")
    parser.add_argument("--reference", default="onnx", help="the backend the others are compared with")
    parser.add_argument(
        "--static-thresholds", default="", help="also score the static backend at these cluster thresholds"
    )
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--out", type=Path, default=OUT)
    options = parser.parse_args()

    from summarize.evaluation.harness import score_method
    from summarize.evaluation.rouge import wordnet_exceptions
    from summarize.inputs.jsonl import read_clusters

    exceptions = wordnet_exceptions()
    runs = [(options.reference, None)] + [
        (b, None) for b in options.backends.split(",") if b and b != options.reference
    ]
    runs += [("static", float(t)) for t in options.static_thresholds.split(",") if t]
    lines = [
        (
            f"ROUGE-1.5.5 recall x100 at {options.words} words (as `summarize eval`); agreement with the {options.reference} "
            "backend's sentence clusters: adjusted Rand index, and precision / recall of its corroborating pairs."
        ),
        "",
        "| set | backend | cluster threshold | R1 | R2 | adjusted Rand | pairs precision | pairs recall |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in options.sets.split(","):
        clusters = list(read_clusters(SETS / f"{name}.jsonl", checked=False))  # as `summarize eval` reads them
        reference = None
        for backend, threshold in runs:
            print(f"{name}: {backend} (threshold {threshold or 'its own'})", file=sys.stderr, flush=True)
            run = run_backend(clusters, backend, threshold, options.words)
            scores = score_method(backend, run["summaries"], clusters, options.words, run["seconds"], exceptions).rouge
            reference = reference or run
            rand, precision, recall = agreement(run, reference)
            from summarize.clustering.clusters import threshold_for
            from summarize.embedding.backends import embedder_for

            shown = threshold if threshold is not None else threshold_for(embedder_for(backend).name)
            lines.append(
                f"| {name} ({len(clusters)}) | {backend} | {shown:.2f} | {100 * scores.r1:.2f} | {100 * scores.r2:.2f} | "
                f"{rand:.3f} | {precision:.3f} | {recall:.3f} |"
            )
            print(lines[-1], file=sys.stderr, flush=True)
    table = "\n".join(lines) + "\n"
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
