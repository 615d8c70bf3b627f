"""Draw fresh (brief sentence, candidate) pairs for labelling, from clusters no labelled file uses yet.

    python bench/corroboration_draw.py --out /tmp/draft.jsonl   # pairs with their texts, to label

The pairs are drawn as `bench/corroboration/pairs.jsonl`'s were (see its README): from the 150-word
brief (`summarize brief`: the concept ranker, the default model) of each drawn cluster, for each brief
sentence S, every sentence of another story's article in S's cluster, plus up to 3 sentences of other
stories' articles outside it with cosine >= 0.5, the 10 most similar in all. Copies of one story are
left out (never corroboration, so never scored). Clusters are drawn per set, at random (`--seed`),
among those that no file given with `--exclude` uses. No judge runs here: the labels come first.

The output holds the sentences' texts so a reader can label them; it must stay outside the
repository (the development sets are licensed for evaluation only): the labelled file keeps only
references (`bench/corroboration_set.py` reads them back).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from corroboration_set import SHARED, TEST_PAIRS, TUNE_PAIRS, drafted_span, read_pairs

from summarize.inputs.jsonl import read_clusters
from summarize.pipeline import analyze
from summarize.selection.concepts import ConceptRanker
from summarize.text.story_copies import story_numbers

SETS = ("duc2002", "duc2003", "tac2010")
MOST_PER_SENTENCE, OUTSIDE, OUTSIDE_SIMILARITY = 10, 3, 0.5


def draw_clusters(shared: Path, used: set[tuple[str, str]], per_set: int, seed: int) -> list[tuple[str, object]]:
    chosen = []
    for set_name in SETS:
        clusters = [
            c for c in read_clusters(shared / f"{set_name}.jsonl", checked=False) if (set_name, c.id) not in used
        ]
        clusters.sort(key=lambda c: c.id)
        random.Random(seed).shuffle(clusters)
        chosen += [(set_name, c) for c in clusters[:per_set]]
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="the draft, with texts (keep it outside the repo)")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument(
        "--exclude",
        type=Path,
        nargs="*",
        default=[*TUNE_PAIRS, TEST_PAIRS],
        help="labelled files whose clusters to skip (default: all three; pairs_test2.jsonl was drawn with "
        "pairs.jsonl alone excluded, pairs_test3.jsonl with both others and --seed 2027)",
    )
    parser.add_argument("--per-set", type=int, default=3, help="clusters drawn from each development set")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if HERE.parent in args.out.resolve().parents:
        parser.error("the draft holds the development sets' texts: write it outside the repository")
    from summarize.embedding.backends import default_embedder
    from summarize.embedding.cache import with_cache

    used = {(p.set, p.cluster) for path in args.exclude for p in read_pairs(path)}
    embedder = with_cache(default_embedder())
    number = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for set_name, cluster in draw_clusters(args.shared, used, args.per_set, args.seed):
            analysis = analyze(cluster.documents, embedder)
            stories = story_numbers(analysis.documents)
            sentences = analysis.sentences

            for choice in ConceptRanker().select(analysis, 150):
                index = choice.sentence
                members = set(analysis.clusters[analysis.cluster_of[index]].members)
                similarity = analysis.embeddings @ analysis.embeddings[index]
                others = [
                    i for i, s in enumerate(sentences) if stories[s.document] != stories[sentences[index].document]
                ]
                inside = [i for i in others if i in members]
                outside = sorted(
                    (i for i in others if i not in members and similarity[i] >= OUTSIDE_SIMILARITY),
                    key=lambda i: (-float(similarity[i]), i),
                )[:OUTSIDE]
                drawn = sorted(inside + outside, key=lambda i: (-float(similarity[i]), i))[:MOST_PER_SENTENCE]
                for other in drawn:
                    record = {
                        "pair": number,
                        "set": set_name,
                        "cluster": cluster.id,
                        "part": "test",
                        "sentence": drafted_span(analysis, set_name, index),
                        "candidate": drafted_span(analysis, set_name, other),
                        "similarity": round(float(similarity[other]), 4),
                        "in_cluster": other in members,
                    }
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    number += 1
    print(f"{number} pairs written to {args.out}")


if __name__ == "__main__":
    main()
