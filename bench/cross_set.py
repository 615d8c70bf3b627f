"""Cross-set validation of ranker settings: choose on two sets, report on the third (bench/README.md).

    python bench/cross_set.py                      # every setting below, on all three sets
    python bench/cross_set.py learned "hand, no lead bonus"

For each development set, the concept model is fitted on the other two (as
`bench/train_concept_weights.py` does), then each setting briefs the held-out set's clusters at 100
words and is scored with ROUGE-1.5.5 -n 2 -m -l 100 -f A. Each cluster is split and embedded once (the
embedding cache makes reruns cheap) and briefed under every setting. A setting is kept only when it
helps on each held-out set.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tables import settings_table
from train_concept_weights import ROOT, SETS, set_examples, train

from summarize.embedding.backends import default_embedder
from summarize.embedding.cache import with_cache
from summarize.evaluation.rouge import mean_scores, score_summary, wordnet_exceptions
from summarize.evaluation.variants import VARIANTS, apply_variant
from summarize.inputs.jsonl import read_clusters
from summarize.pipeline import analyze, compose_brief, split_documents
from summarize.selection.base import Ranker
from summarize.selection.concept_model import ConceptModel
from summarize.selection.concepts import ConceptRanker, plain_concept_ranker
from summarize.text.sentences import PunktSplitter

# Each setting: the ranker, given the concept model fitted without the held-out set.
SETTINGS: dict[str, Callable[[ConceptModel], Ranker]] = {
    "concepts-plain": lambda model: plain_concept_ranker(),
    "hand (articles + 3 x leads + 5 x headlines)": lambda model: ConceptRanker(model=None),
    "hand, no headline bonus": lambda model: ConceptRanker(title_weight=0.0, model=None),
    "hand, no lead bonus": lambda model: ConceptRanker(lead_weight=0.0, model=None),
    "hand, 3 articles at least": lambda model: ConceptRanker(min_documents=3, model=None),
    "learned": lambda model: ConceptRanker(model=model),
    "learned, any number per cluster": lambda model: ConceptRanker(model=model, one_per_cluster=False),
    "learned, no context penalty": lambda model: ConceptRanker(model=model, context_penalty=0.0),
    "learned, 3 articles at least": lambda model: ConceptRanker(model=model, min_documents=3),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("settings", nargs="*", help="names from SETTINGS (default: all)")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--variant", choices=sorted(VARIANTS), help="score the held-out sets under this variant")
    parser.add_argument("--ridge", type=float, default=1.0, help="the concept model's ridge penalty")
    args = parser.parse_args()
    chosen = args.settings or list(SETTINGS)
    unknown = [name for name in chosen if name not in SETTINGS]
    if unknown:
        parser.error(f"unknown setting {', '.join(unknown)}; choose from: {'; '.join(SETTINGS)}")
    splitter, embedder, exceptions = PunktSplitter(), with_cache(default_embedder()), wordnet_exceptions()
    clusters = {name: list(read_clusters(args.data / f"{name}.jsonl", checked=False)) for name in SETS}
    examples = {name: set_examples(clusters[name], splitter) for name in SETS}
    table: dict[str, list[str]] = {name: [] for name in chosen}
    for held in SETS:
        model = train(examples, tuple(s for s in SETS if s != held), args.ridge)
        analyses = []
        for cluster in clusters[held]:
            if args.variant:
                cluster = apply_variant(cluster, args.variant)
            sentences = split_documents(cluster.documents, splitter)
            embeddings = embedder.embed([s.text for s in sentences])
            analyses.append((cluster, analyze(cluster.documents, embedder, embeddings=embeddings, sentences=sentences)))
        for name in chosen:
            ranker = SETTINGS[name](model)
            scores = mean_scores(
                [
                    score_summary(
                        " ".join(item.sentence.text for item in compose_brief(analysis, 100, ranker).sentences),
                        cluster.summaries,
                        word_limit=100,
                        exceptions=exceptions,
                    )
                    for cluster, analysis in analyses
                ]
            )
            table[name].append(f"{100 * scores.r1:.2f} / {100 * scores.r2:.2f}")
            print(f"{held} {name}: {table[name][-1]}", file=sys.stderr, flush=True)
    variant = ", " + VARIANTS[args.variant] if args.variant else ""
    print(settings_table(f"setting (R1 / R2, held-out set{variant})", SETS, {name: table[name] for name in chosen}))


if __name__ == "__main__":
    main()
