"""Fifth pass of the leave-one-set-out ablation (bench/README.md): word concepts without feature products.

    python bench/concept_ablation_fifth.py                  # every setting below, sets as given
    python bench/concept_ablation_fifth.py --variant both   # headlines blanked, paragraph breaks removed
    python bench/concept_ablation_fifth.py "+ words 3 articles mention x 0.1" --held duc2002

The "shipped weights file" row briefs with summarize/data/concept_weights.json's model for the
held-out set, through `summarize`'s own `ConceptRanker` and `compose_brief`: it equals `summarize
eval`'s `ours` row. Every other model is refitted, the bigram model by the training script's own
`train_concept_weights.train` on the examples it builds. When this pass ran, the shipped file had
been fitted on an earlier tree, so "refitted" differed from it; it has since been refitted, and the
two rows agree (bench/README.md, fifth pass). A setting with word concepts adds
the content words that enough articles mention, weighed `scale` x a second logistic model's predicted
share of the references that use the word (its examples are built as the bigrams' are). Analyses are
kept under /tmp between runs (`--cache`: delete it after a change to how articles are split or
analysed, or the rows describe the old tree); stderr gives each setting's CPU to brief a set.
"""

from __future__ import annotations

import argparse
import itertools
import math
import pickle
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tables import settings_table
from train_concept_weights import ROOT, SETS, fit_logistic, train

from summarize.embedding.backends import default_embedder
from summarize.embedding.cache import with_cache
from summarize.evaluation.rouge import mean_scores, score_summary, truncate_words, wordnet_exceptions
from summarize.evaluation.variants import VARIANTS, apply_variant
from summarize.inputs.jsonl import ClusterInput, read_clusters
from summarize.pipeline import analyze, compose_brief, split_documents
from summarize.records import Analysis
from summarize.selection.concept_features import FEATURES, concept_features
from summarize.selection.concept_model import ConceptModel, shipped_models
from summarize.selection.concepts import ConceptRanker, Prepared
from summarize.selection.features import containment, self_containment
from summarize.text.bigrams import Concept, bigrams, content_words
from summarize.text.sentences import PunktSplitter

MIN_DOCUMENTS = 2
Examples = tuple[np.ndarray, np.ndarray]  # feature rows, reference shares
Predictor = Callable[[np.ndarray], np.ndarray]
Transform = Callable[[np.ndarray], np.ndarray]
Extra = Callable[..., np.ndarray]  # (analysis, each sentence's concepts, kept concepts) -> more columns


def unit_examples(cluster: ClusterInput, units: Callable[[str], set[Concept]]) -> Examples:
    """As `train_concept_weights.cluster_examples`, for any kind of concept (bigrams, content words)."""
    sentences = split_documents(cluster.documents, PunktSplitter())
    texts = [d.text for d in cluster.documents]
    standalone = [self_containment(s, texts[s.document]) for s in sentences]
    kept, rows = concept_features(
        cluster.documents, sentences, [units(s.text) for s in sentences], standalone, MIN_DOCUMENTS
    )
    held = [units(truncate_words(summary, 100)) for summary in cluster.summaries]
    return rows, np.array([sum(concept in r for r in held) / len(held) for concept in kept])


def stacked(examples: list[Examples]) -> Examples:
    return np.vstack([r for r, _ in examples]), np.concatenate([s for _, s in examples])


def logistic(rows: np.ndarray, shares: np.ndarray, ridge: float = 1.0) -> Predictor:
    mean, scale, beta = fit_logistic(rows, shares, ridge)
    return lambda x: 1.0 / (1.0 + np.exp(-np.clip(beta[0] + ((x - mean) / scale) @ beta[1:], -30, 30)))


@dataclass(frozen=True)
class Words:
    """Content words as concepts: those `articles` articles (and `share` of them) mention, weighed
    `scale` x `predict`; `fitted_on_kept`: the word model saw only the words it will weigh."""

    scale: float
    articles: int = 3
    share: float = 0.0
    fitted_on_kept: bool = False

    def threshold(self, articles: int) -> int:
        return max(MIN_DOCUMENTS, min(self.articles, articles), math.ceil(self.share * articles - 1e-9))


def products(rows: np.ndarray, columns: Sequence[int] | None = None) -> np.ndarray:
    """The features and every product of two of the features at `columns` (default: all)."""
    at = list(range(rows.shape[1])) if columns is None else list(columns)
    pairs = [(rows[:, i] * rows[:, j])[:, None] for k, i in enumerate(at) for j in at[k:]]
    return np.hstack([rows, *pairs])


SERIALS = itertools.count()


def reach(analysis: Analysis, concepts: Sequence[set[Concept]], kept: Sequence[Concept]) -> np.ndarray:
    """One column: for each kept concept, the largest share of the articles that one of its sentences'
    embedding clusters reaches (how many articles report what it says: ProCluster's signal)."""
    articles = len(analysis.documents)
    reached = [len({analysis.sentences[j].document for j in c.members}) / articles for c in analysis.clusters]
    best: dict[Concept, float] = {}
    for i, held in enumerate(concepts):
        value = reached[analysis.cluster_of[i]]
        for concept in held:
            if value > best.get(concept, -1.0):
                best[concept] = value
    return np.array([[best[c]] for c in kept])


UNTITLED = [i for i, name in enumerate(FEATURES) if not name.startswith("title")]


class HarnessRanker(ConceptRanker):
    """`summarize`'s concept ranker with bigram weights from `model` (the shipped kind) or from
    `bigrams` over `transform`ed features, plus, with `words`, word concepts weighed by `word_predict`."""

    def __init__(
        self,
        model: ConceptModel | None = None,
        bigrams: Predictor | None = None,
        transform: Transform | None = None,
        words: Words | None = None,
        word_predict: Predictor | None = None,
        extra: Extra | None = None,
    ) -> None:
        super().__init__(model=model)
        self.bigrams, self.transform, self.extra = bigrams, transform, extra
        self.words, self.word_predict = words, word_predict
        self.serial = next(SERIALS)  # keys its weights in an analysis (ids of freed predictors recur)

    def _bigram_part(self, analysis: Analysis) -> Prepared:
        if self.bigrams is None:
            return super().prepared(analysis)
        predict, transform, extra = self.bigrams, self.transform or (lambda rows: rows), self.extra

        def weighed() -> Prepared:
            standalone = containment(analysis)
            pairs = [bigrams(s.text) for s in analysis.sentences]
            kept, rows = concept_features(
                analysis.documents, analysis.sentences, pairs, standalone, min(MIN_DOCUMENTS, len(analysis.documents))
            )
            if extra is not None and kept:
                rows = np.hstack([rows, extra(analysis, pairs, kept)])
            weights = dict(zip(kept, predict(transform(rows)).tolist())) if kept else {}
            return Prepared(standalone, pairs, weights)

        return analysis.derived(("fifth.bigrams", self.serial), weighed)

    def prepared(self, analysis: Analysis) -> Prepared:
        bigram_part = self._bigram_part(analysis)
        if self.words is None or self.word_predict is None:
            return bigram_part
        words, predict = self.words, self.word_predict

        def with_words() -> Prepared:
            held = [content_words(s.text) for s in analysis.sentences]
            threshold = words.threshold(len(analysis.documents))
            kept, rows = concept_features(
                analysis.documents, analysis.sentences, held, bigram_part.standalone, threshold
            )
            weights = dict(bigram_part.weights)
            if kept:
                weights.update(zip(kept, (words.scale * predict(rows)).tolist()))
            chosen = set(kept)
            concepts = [pairs | (w & chosen) for pairs, w in zip(bigram_part.concepts, held)]
            return Prepared(bigram_part.standalone, concepts, weights)

        return analysis.derived(("fifth.words", self.serial), with_words)


@dataclass
class Training:
    sets: tuple[str, ...]
    bigrams: dict[str, Examples]
    words: dict[str, Examples]
    reach: dict[str, np.ndarray] | None = None  # each set's bigram examples' `reach` column

    def reach_model(self) -> Predictor:
        assert self.reach is not None
        rows, shares = stacked([self.bigrams[s] for s in self.sets])
        return logistic(np.hstack([rows, np.concatenate([self.reach[s] for s in self.sets])]), shares)

    def model(self) -> ConceptModel:
        return train(self.bigrams, self.sets)

    def bigram_model(self, transform: Transform, ridge: float = 1.0) -> Predictor:
        rows, shares = stacked([self.bigrams[s] for s in self.sets])
        return logistic(transform(rows), shares, ridge)

    def blend(self) -> Predictor:
        """The mean of the linear model's and the pairwise-products model's predictions."""
        linear, crossed = self.bigram_model(lambda rows: rows), self.bigram_model(products)
        return lambda rows: 0.5 * (linear(rows) + crossed(products(rows)))

    def word_model(self, words: Words) -> Predictor:
        rows, shares = stacked([self.words[s] for s in self.sets])
        if words.fitted_on_kept:
            n = np.rint(np.exp(rows[:, FEATURES.index("log_articles")]))
            mentions = np.rint(rows[:, FEATURES.index("document_share")] * n)
            keep = mentions >= np.array([words.threshold(int(k)) for k in n])
            rows, shares = rows[keep], shares[keep]
        return logistic(rows, shares)


Setting = Callable[[Training], ConceptRanker]


def with_words(words: Words, transform: Transform | None = None, ridge: float = 1.0) -> Setting:
    """The refitted model (or one over `transform`ed features, fitted with `ridge`) and word concepts."""

    def setting(t: Training) -> ConceptRanker:
        if transform is None:
            return HarnessRanker(t.model(), words=words, word_predict=t.word_model(words))
        return HarnessRanker(None, t.bigram_model(transform, ridge), transform, words, t.word_model(words))

    return setting


def untitled_products(rows: np.ndarray) -> np.ndarray:
    return products(rows, UNTITLED)


def shipped_file(t: Training) -> ConceptRanker:
    """The weights file as shipped: `summarize eval`'s `ours`."""
    return ConceptRanker(model=next(m for m in shipped_models() if m.trained_on == t.sets))


SETTINGS: dict[str, Setting] = {
    "shipped weights file": shipped_file,
    "learned, bigrams only (shipped), refitted": lambda t: ConceptRanker(model=t.model()),
    "+ words 3 articles mention x 0.1": with_words(Words(0.1)),
    "+ words 3 articles mention x 0.05": with_words(Words(0.05)),
    "+ words 3 articles mention x 0.2": with_words(Words(0.2)),
    "+ words 3 articles mention x 0.3": with_words(Words(0.3)),
    "+ words 3 articles and 30% of them mention x 0.1": with_words(Words(0.1, share=0.3)),
    "+ words 3 articles mention x 0.1, word model fitted on those": with_words(Words(0.1, fitted_on_kept=True)),
    "pairwise products alone": lambda t: HarnessRanker(None, t.bigram_model(products), products),
    "pairwise products + words 3 articles mention x 0.1": with_words(Words(0.1), products),
    "products without the headline features alone": lambda t: HarnessRanker(
        None, t.bigram_model(untitled_products), untitled_products
    ),
    "products without the headline features + words 3 articles mention x 0.1": with_words(
        Words(0.1), untitled_products
    ),
    "mean of the linear and the products model": lambda t: HarnessRanker(None, t.blend()),
    "mean of the linear and the products model + words 3 articles mention x 0.1": lambda t: HarnessRanker(
        None, t.blend(), None, Words(0.1), t.word_model(Words(0.1))
    ),
    "mean of the linear and the products model + words 3 articles mention x 0.2": lambda t: HarnessRanker(
        None, t.blend(), None, Words(0.2), t.word_model(Words(0.2))
    ),
    "bigram feature: the largest share of articles one of its sentences' clusters reaches": lambda t: HarnessRanker(
        None, t.reach_model(), extra=reach
    ),
    "the same + words 3 articles mention x 0.2": lambda t: HarnessRanker(
        None, t.reach_model(), None, Words(0.2), t.word_model(Words(0.2)), reach
    ),
    "pairwise products, ridge 100, + words 3 articles mention x 0.1": with_words(Words(0.1), products, 100.0),
    "pairwise products, ridge 1000, + words 3 articles mention x 0.1": with_words(Words(0.1), products, 1000.0),
}


def analyses(
    data: Path, variant: str | None, cache: Path, sets: Sequence[str] = SETS
) -> dict[str, list[tuple[ClusterInput, Analysis]]]:
    """Each of `sets`' clusters (under `variant`) with their analyses, kept in `cache`."""
    splitter, embedder = PunktSplitter(), with_cache(default_embedder())
    found: dict[str, list[tuple[ClusterInput, Analysis]]] = {}
    for name in sets:
        path = cache / f"{name}-{variant}.pickle"
        if path.exists():
            found[name] = pickle.loads(path.read_bytes())
            continue
        found[name] = []
        for cluster in read_clusters(data / f"{name}.jsonl", checked=False):
            shown = apply_variant(cluster, variant) if variant else cluster
            sentences = split_documents(shown.documents, splitter)
            embeddings = embedder.embed([s.text for s in sentences])
            found[name].append((shown, analyze(shown.documents, embedder, embeddings=embeddings, sentences=sentences)))
        cache.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(found[name]))
    return found


def examples(data: Path, cache: Path) -> tuple[dict[str, Examples], dict[str, Examples]]:
    """Each set's stacked bigram and word examples (the sets as given, as the shipped model is fitted)."""
    path = cache / "examples.pickle"
    if path.exists():
        loaded: tuple[dict[str, Examples], dict[str, Examples]] = pickle.loads(path.read_bytes())
        return loaded
    pairs: dict[str, Examples] = {}
    words: dict[str, Examples] = {}
    for name in SETS:
        clusters = list(read_clusters(data / f"{name}.jsonl", checked=False))
        pairs[name] = stacked([unit_examples(c, bigrams) for c in clusters])
        words[name] = stacked([unit_examples(c, content_words) for c in clusters])
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps((pairs, words)))
    return pairs, words


def reach_column(items: list[tuple[ClusterInput, Analysis]]) -> np.ndarray:
    """`reach` of every bigram example of a set (the analyses' sentences are those the examples split)."""
    columns = []
    for _, analysis in items:
        pairs = [bigrams(s.text) for s in analysis.sentences]
        kept, _ = concept_features(analysis.documents, analysis.sentences, pairs, np.ones(len(pairs)), MIN_DOCUMENTS)
        columns.append(reach(analysis, pairs, kept) if kept else np.zeros((0, 1)))
    return np.vstack(columns)


def held_out_cell(
    items: list[tuple[ClusterInput, Analysis]], ranker: ConceptRanker, exceptions: Mapping[str, str]
) -> tuple[str, float]:
    """One table cell, "R1 / R2" of `ranker`'s 100-word briefs of a held-out set's `items`, and the CPU
    seconds the briefs took (the sixth pass's harness shares it)."""
    started = time.process_time()
    texts = [" ".join(i.sentence.text for i in compose_brief(a, 100, ranker).sentences) for _, a in items]
    seconds = time.process_time() - started
    results = [score_summary(t, c.summaries, word_limit=100, exceptions=exceptions) for t, (c, _) in zip(texts, items)]
    scores = mean_scores(results)
    return f"{100 * scores.r1:.2f} / {100 * scores.r2:.2f}", seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("settings", nargs="*", help="names from SETTINGS (default: all)")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--variant", choices=sorted(VARIANTS), help="score under this variant (training: as given)")
    parser.add_argument("--held", nargs="+", choices=SETS, default=list(SETS), help="the sets to hold out in turn")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/concept_ablation_fifth"))
    args = parser.parse_args()
    chosen = args.settings or list(SETTINGS)
    unknown = [name for name in chosen if name not in SETTINGS]
    if unknown:
        parser.error(f"unknown setting {', '.join(unknown)}; choose from: {'; '.join(SETTINGS)}")
    pairs, words = examples(args.data, args.cache)
    scored = analyses(args.data, args.variant, args.cache, args.held)
    given = scored if args.variant is None and len(args.held) == len(SETS) else analyses(args.data, None, args.cache)
    reaches = {name: reach_column(items) for name, items in given.items()}
    exceptions = wordnet_exceptions()
    table: dict[str, list[str]] = {name: [] for name in chosen}
    for held in args.held:
        training = Training(tuple(s for s in SETS if s != held), pairs, words, reaches)
        for name in chosen:
            ranker = SETTINGS[name](training)
            cell, seconds = held_out_cell(scored[held], ranker, exceptions)
            table[name].append(cell)
            print(f"{held} {name}: {table[name][-1]} ({seconds:.1f} s of CPU to brief)", file=sys.stderr, flush=True)
    variant = ", " + VARIANTS[args.variant] if args.variant else ""
    print(
        settings_table(f"setting (R1 / R2, held-out set{variant})", args.held, {name: table[name] for name in chosen})
    )


if __name__ == "__main__":
    main()
