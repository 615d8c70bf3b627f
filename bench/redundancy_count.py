"""How many briefs of the development sets say one fact twice, before and after the brief's same-fact
check ran at its own threshold (`summarize.citations.same_fact_screen.same_fact_check`).

    python bench/redundancy_count.py                  # 200-word briefs of the three sets
    python bench/redundancy_count.py --show 20        # and 20 flagged pairs of the "before" briefs, to read
    python bench/redundancy_count.py --count-at 0.2 --show 20

"Before" keeps chosen sentences apart with the listing's judge (`FactJudge()`, screened: what the
pipeline did before); "after" is the pipeline's default. Each set is briefed with the concept weights
learned without it (as `summarize eval`'s `ours` and bench/reader_fit.py). A pair is counted when the
same-fact check says the two sentences report one fact (either way round); the listing's judge's
count is shown beside it (`--count-at 0.2`: counted, and shown, with the judge at a looser threshold
instead: what a looser check would find, to read). The pairs shown are drawn at random (seed 13) from all sets, printed to the
terminal only: the data are read from ../shared, never copied here.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize.citations.corroboration import FactJudge
from summarize.citations.same_fact_screen import same_fact_check, screened
from summarize.embedding.backends import default_embedder
from summarize.embedding.cache import with_cache
from summarize.inputs.jsonl import read_clusters
from summarize.pipeline import analyze, compose_brief
from summarize.selection.concept_model import model_not_trained_on
from summarize.selection.concepts import ConceptRanker
from summarize.selection.same_fact import same_fact_pairs

SETS = ("duc2002", "duc2003", "tac2010")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--words", type=int, default=200)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--show", type=int, default=0, help="print this many flagged pairs of the before briefs")
    parser.add_argument(
        "--count-at", type=float, help="count (and show) the pairs the judge finds at this threshold instead"
    )
    args = parser.parse_args()
    embedder = with_cache(default_embedder())
    listing, check = screened(FactJudge()), same_fact_check(FactJudge())
    counter = check if args.count_at is None else screened(FactJudge(threshold=args.count_at))
    flagged: list[tuple[str, str, str]] = []
    print("| set | briefs | before: briefs with a pair (pairs; by the listing's judge) | after |\n|---|---:|---:|---:|")
    for name in args.sets.split(","):
        clusters = list(read_clusters(args.data / f"{name}.jsonl", checked=False))
        model = model_not_trained_on([c.id for c in clusters])
        analyses = [(cluster.id, analyze(cluster.documents, embedder)) for cluster in clusters]
        counts = {}
        for when, judge in (("before", listing), ("after", check)):
            ranker = ConceptRanker(model=model, same_fact=judge)
            briefs, pairs, strict = 0, 0, 0
            for cluster_id, analysis in analyses:
                chosen = [
                    analysis.sentences.index(s.sentence) for s in compose_brief(analysis, args.words, ranker).sentences
                ]
                found = same_fact_pairs(analysis, chosen, counter)
                briefs += bool(found)
                pairs += len(found)
                strict += len(same_fact_pairs(analysis, chosen, listing))
                if when == "before":
                    flagged += [(cluster_id, analysis.sentences[a].text, analysis.sentences[b].text) for a, b in found]
            counts[when] = f"{briefs} ({pairs}; {strict})"
        print(f"| {name} | {len(clusters)} | {counts['before']} | {counts['after']} |", flush=True)
    for cluster_id, first, second in random.Random(13).sample(flagged, min(args.show, len(flagged))):
        print(f"\n[{cluster_id}]\n  A: {first}\n  B: {second}")


if __name__ == "__main__":
    main()
