"""Corroboration per embedding backend on the labelled pairs of bench/corroboration/ (the
corroboration judge's set): how right the "also" lists are when every other article's sentence in a
sentence's cluster is listed, with each backend's vectors and cluster threshold.

    python bench/corroboration_backends.py [--backends onnx,static] [--set-module-dir DIR]

Reads the labelled set with bench/corroboration_set.py (`--set-module-dir` for another copy) and
the development sets in ../shared/bench (read, never copied). Pairs of copies of one story are left out, as there. The
pairs were drawn near the int8 transformer's clusters, so recall is over those pairs only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backends", default="onnx,static")
    parser.add_argument("--set-module-dir", type=Path, default=HERE, help="where corroboration_set.py is")
    options = parser.parse_args()
    sys.path.insert(1, str(options.set_module_dir))
    try:
        from corroboration_set import (
            PAIRS,
            SHARED,
            document_id,
            load_clusters,
            read_pairs,
        )
    except ImportError:
        raise SystemExit(f"no corroboration_set.py in {options.set_module_dir}: see --set-module-dir") from None

    from summarize.brief import analyze
    from summarize.cache import with_cache
    from summarize.duplicates import story_numbers
    from summarize.embedding import embedder_for

    clusters = load_clusters(read_pairs(PAIRS), SHARED)
    print("| backend | listed | precision (SAME) | precision (SAME or PARTIAL) | recall (SAME) |")
    print("|---|---:|---:|---:|---:|")
    for backend in options.backends.split(","):
        embedder = with_cache(embedder_for(backend), True)
        listed = same_listed = right_listed = same_total = 0
        for cluster in clusters:
            analysis = analyze(cluster.documents, embedder)
            number = {document_id(cluster.set, d): n for n, d in enumerate(cluster.documents)}
            index = {(s.document, s.start): i for i, s in enumerate(analysis.sentences)}
            stories = story_numbers(analysis.documents)
            for pair in cluster.pairs:
                first = index[(number[pair.sentence.doc], pair.sentence.start)]
                second = index[(number[pair.candidate.doc], pair.candidate.start)]
                if stories[analysis.sentences[first].document] == stories[analysis.sentences[second].document]:
                    continue  # copies of one story: "the same story as", never corroboration
                shown = analysis.cluster_of[first] == analysis.cluster_of[second]
                same = pair.label == "SAME"
                same_total += same
                if shown:
                    listed += 1
                    same_listed += same
                    right_listed += pair.label in ("SAME", "PARTIAL")
        print(
            f"| {backend} | {listed} | {same_listed / max(listed, 1):.0%} ({same_listed}/{listed}) | "
            f"{right_listed / max(listed, 1):.0%} ({right_listed}/{listed}) | "
            f"{same_listed / max(same_total, 1):.0%} ({same_listed}/{same_total}) |",
            flush=True,
        )


if __name__ == "__main__":
    main()
