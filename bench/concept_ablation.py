"""Leave-one-set-out ablation of concept-model and sentence-level choices (bench/README.md, second pass).

    python bench/concept_ablation.py                  # every setting below, sets as given
    python bench/concept_ablation.py --variant both   # headlines blanked and paragraph breaks removed
    python bench/concept_ablation.py "pairwise products, ridge 1"

For each development set, every learned part (the concept model, a unigram model, a sentence prior)
is fitted on the other two sets only, then the held-out set is briefed at 100 words and scored with
ROUGE-1.5.5 -n 2 -m -l 100 -f A. The table also gives the mean words per brief (the budget is 100).
Training here needs numpy and scipy only; nothing of it ships unless a row is kept.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise as pairwise_tokens
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tables import settings_table
from train_concept_weights import ROOT, SETS, fit_logistic

from summarize.embedding.backends import default_embedder
from summarize.embedding.cache import with_cache
from summarize.evaluation.rouge import (
    mean_scores,
    score_summary,
    truncate_words,
    wordnet_exceptions,
)
from summarize.evaluation.variants import VARIANTS, apply_variant
from summarize.inputs.jsonl import ClusterInput, read_clusters
from summarize.pipeline import analyze, compose_brief, split_documents
from summarize.records import Analysis
from summarize.selection.concept_features import concept_features
from summarize.selection.concepts import ConceptRanker, Prepared
from summarize.selection.features import containment
from summarize.text.bigrams import bigrams, content_tokens, content_words
from summarize.text.sentences import PunktSplitter

Predictor = Callable[[np.ndarray], np.ndarray]
Transform = Callable[[np.ndarray], np.ndarray]
MIN_DOCUMENTS = 2


def identity(rows: np.ndarray) -> np.ndarray:
    return rows


def pairwise(rows: np.ndarray) -> np.ndarray:
    """The features and every product of two of them (interactions, squares)."""
    n = rows.shape[1]
    return np.hstack([rows] + [(rows[:, i] * rows[:, j])[:, None] for i in range(n) for j in range(i, n)])


@dataclass
class Examples:
    """One cluster's training rows: its bigrams' features and reference targets, its unigrams' too."""

    rows: np.ndarray
    share: np.ndarray  # share of the references (cut at 100 words) that hold the bigram
    count: np.ndarray  # mean count of the bigram per reference
    unigram_rows: np.ndarray
    unigram_share: np.ndarray


def cluster_examples(cluster: ClusterInput, analysis: Analysis) -> Examples:
    standalone = containment(analysis)
    references = [truncate_words(summary, 100) for summary in cluster.summaries]
    kept, rows = concept_features(
        analysis.documents, analysis.sentences, [bigrams(s.text) for s in analysis.sentences], standalone, MIN_DOCUMENTS
    )
    holding = [bigrams(r) for r in references]
    counts = [Counter(pairwise_tokens(tokens)) for tokens in map(content_tokens, references)]
    words, word_rows = concept_features(
        analysis.documents,
        analysis.sentences,
        [content_words(s.text) for s in analysis.sentences],
        standalone,
        MIN_DOCUMENTS,
    )
    word_holding = [content_words(r) for r in references]
    return Examples(
        rows,
        np.array([sum(c in r for r in holding) / len(references) for c in kept]),
        np.array([sum(r[c] for r in counts) / len(references) for c in kept]),
        word_rows,
        np.array([sum(w in r for r in word_holding) / len(references) for w in words]),
    )


def logistic(rows: np.ndarray, targets: np.ndarray, ridge: float = 1.0) -> Predictor:
    mean, scale, beta = fit_logistic(rows, targets, ridge)
    return lambda x: 1.0 / (1.0 + np.exp(-np.clip(beta[0] + ((x - mean) / scale) @ beta[1:], -30, 30)))


def poisson(rows: np.ndarray, targets: np.ndarray, ridge: float = 1.0, steps: int = 50) -> Predictor:
    """Expected count per reference, log-linear, fitted by damped Newton steps."""
    mean, scale = rows.mean(axis=0), rows.std(axis=0)
    scale[scale == 0] = 1.0
    design = np.hstack([np.ones((len(rows), 1)), (rows - mean) / scale])
    penalty = ridge * np.diag([0.0] + [1.0] * rows.shape[1])
    beta = np.zeros(design.shape[1])
    beta[0] = np.log(targets.mean())

    def loss(b: np.ndarray) -> float:
        z = np.clip(design @ b, -30, 30)
        return float(np.sum(np.exp(z) - targets * z) + 0.5 * b @ penalty @ b)

    current = loss(beta)
    for _ in range(steps):
        expected = np.exp(np.clip(design @ beta, -30, 30))
        step = np.linalg.solve(
            design.T @ (design * expected[:, None]) + penalty, design.T @ (expected - targets) + penalty @ beta
        )
        size = 1.0
        while loss(beta - size * step) > current and size > 1e-4:
            size /= 2
        beta = beta - size * step
        previous, current = current, loss(beta)
        if previous - current < 1e-9 * abs(previous):
            break
    return lambda x: np.exp(np.clip(beta[0] + ((x - mean) / scale) @ beta[1:], -30, 30))


def two_layer(rows: np.ndarray, targets: np.ndarray, hidden: int = 8, decay: float = 1.0) -> Predictor:
    """A network with one tanh layer and a logistic output, the same loss as `logistic` (L-BFGS, seed 0)."""
    from scipy.optimize import minimize

    mean, scale = rows.mean(axis=0), rows.std(axis=0)
    scale[scale == 0] = 1.0
    z_rows = (rows - mean) / scale
    d = rows.shape[1]
    rng = np.random.default_rng(0)
    start = np.concatenate(
        [
            rng.normal(0, 0.3, d * hidden),
            np.zeros(hidden),
            rng.normal(0, 0.3, hidden),
            [np.log(targets.mean() / (1 - targets.mean()))],
        ]
    )

    def unpack(theta: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
        return (
            theta[: d * hidden].reshape(d, hidden),
            theta[d * hidden : d * hidden + hidden],
            theta[d * hidden + hidden : -1],
            float(theta[-1]),
        )

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w1, b1, w2, b2 = unpack(theta)
        h = np.tanh(z_rows @ w1 + b1)
        z = h @ w2 + b2
        residual = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))) - targets
        dh = np.outer(residual, w2) * (1 - h**2)
        value = np.sum(np.logaddexp(0, z) - targets * z) + 0.5 * decay * (np.sum(w1**2) + np.sum(w2**2))
        grad = np.concatenate(
            [(z_rows.T @ dh + decay * w1).ravel(), dh.sum(0), h.T @ residual + decay * w2, [residual.sum()]]
        )
        return float(value), grad

    w1, b1, w2, b2 = unpack(minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 500}).x)
    return lambda x: 1.0 / (1.0 + np.exp(-np.clip(np.tanh(((x - mean) / scale) @ w1 + b1) @ w2 + b2, -30, 30)))


def sentence_features(analysis: Analysis, prepared: Prepared, rows: list[int]) -> np.ndarray:
    """Per sentence: 1/(1+position), lead, log words, self-containment, share of the other articles
    its embedding cluster reaches, covered concept weight per word, bigrams per word."""
    articles = len(analysis.documents)
    reach = [len({analysis.sentences[j].document for j in c.members}) for c in analysis.clusters]
    out = []
    for i in rows:
        sentence, concepts = analysis.sentences[i], prepared.concepts[i]
        covered = sum(prepared.weights.get(c, 0.0) for c in sorted(concepts))
        out.append(
            [
                1 / (1 + sentence.position),
                float(sentence.position == 0),
                np.log(sentence.words),
                prepared.standalone[i],
                (reach[analysis.cluster_of[i]] - 1) / max(articles - 1, 1),
                covered / sentence.words,
                len(concepts) / sentence.words,
            ]
        )
    return np.array(out)


class LearnedRanker(ConceptRanker):
    """The concept program with bigram weights from `predict` and, optionally, content words as
    concepts too, weighed `unigram_scale` times `predict_unigram`."""

    def __init__(
        self,
        predict: Predictor,
        transform: Transform = identity,
        predict_unigram: Predictor | None = None,
        unigram_scale: float = 0.0,
        **options: Any,
    ) -> None:
        super().__init__(model=None, **options)
        self.predict, self.transform = predict, transform
        self.predict_unigram, self.unigram_scale = predict_unigram, unigram_scale

    def _weights(
        self, analysis: Analysis, concepts: list[set], standalone: np.ndarray, predict: Predictor, transform: Transform
    ) -> dict:
        kept, rows = concept_features(
            analysis.documents, analysis.sentences, concepts, standalone, min(MIN_DOCUMENTS, len(analysis.documents))
        )
        return dict(zip(kept, map(float, predict(transform(rows))))) if kept else {}

    def prepared(self, analysis: Analysis) -> Prepared:  # a new analysis every call here: no memo
        standalone = containment(analysis)
        pairs = [bigrams(s.text) for s in analysis.sentences]
        weights = self._weights(analysis, pairs, standalone, self.predict, self.transform)
        if self.predict_unigram is None:
            return Prepared(standalone, pairs, weights)
        words = [content_words(s.text) for s in analysis.sentences]
        for word, value in self._weights(analysis, words, standalone, self.predict_unigram, identity).items():
            weights[word] = self.unigram_scale * value
        return Prepared(standalone, [p | w for p, w in zip(pairs, words)], weights)


@dataclass
class Training:
    """The two sets a held-out set's learned parts are fitted on."""

    examples: list[Examples]
    items: list[tuple[ClusterInput, Analysis]]

    def stack(self, target: str = "share", transform: Transform = identity) -> tuple[np.ndarray, np.ndarray]:
        return np.vstack([transform(e.rows) for e in self.examples]), np.concatenate(
            [getattr(e, target) for e in self.examples]
        )

    def unigrams(self) -> Predictor:
        return logistic(
            np.vstack([e.unigram_rows for e in self.examples]), np.concatenate([e.unigram_share for e in self.examples])
        )


def residual_prior(training: Training, predict: Predictor, scale: float) -> Callable[..., np.ndarray]:
    """A per-sentence gain: `scale` x words x the linear prediction, from `sentence_features`, of what
    the concept weights miss per word (reference share of all its bigrams minus their summed weight)."""
    rows, targets = [], []
    for cluster, analysis in training.items:
        prepared = LearnedRanker(predict).prepared(analysis)
        holding = [bigrams(truncate_words(r, 100)) for r in cluster.summaries]
        chosen = [i for i, s in enumerate(analysis.sentences) if 6 <= s.words <= 60 and prepared.standalone[i] >= 0.3]
        rows.append(sentence_features(analysis, prepared, chosen))
        for i in chosen:
            concepts = prepared.concepts[i]
            true = sum(sum(c in r for r in holding) / len(holding) for c in concepts)
            targets.append((true - sum(prepared.weights.get(c, 0.0) for c in concepts)) / analysis.sentences[i].words)
    x, y = np.vstack(rows), np.array(targets)
    mean, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    design = np.hstack([np.ones((len(x), 1)), (x - mean) / sd])
    beta = np.linalg.solve(design.T @ design + np.diag([0.0] + [1.0] * x.shape[1]), design.T @ y)

    def gain(analysis: Analysis, prepared: Prepared, candidates: list[int]) -> np.ndarray:
        per_word = beta[0] + ((sentence_features(analysis, prepared, candidates) - mean) / sd) @ beta[1:]
        return scale * per_word * np.array([analysis.sentences[i].words for i in candidates])

    return gain


def length_reward(per_word: float) -> Callable[..., np.ndarray]:
    return lambda analysis, prepared, candidates: (
        per_word * np.array([analysis.sentences[i].words for i in candidates], float)
    )


Setting = Callable[[Training], ConceptRanker]
SETTINGS: dict[str, Setting] = {
    "learned (shipped)": lambda t: LearnedRanker(logistic(*t.stack())),
    "target: bigram in half the references or more": lambda t: LearnedRanker(
        logistic(t.stack()[0], (t.stack()[1] >= 0.5 - 1e-9).astype(float))
    ),
    "target: count in the references (Poisson)": lambda t: LearnedRanker(poisson(*t.stack("count"))),
    "pairwise products, ridge 1": lambda t: LearnedRanker(logistic(*t.stack(transform=pairwise)), pairwise),
    "pairwise products, ridge 10": lambda t: LearnedRanker(
        logistic(*t.stack(transform=pairwise), ridge=10.0), pairwise
    ),
    "two-layer network, 8 tanh units": lambda t: LearnedRanker(two_layer(*t.stack())),
    "+ content words as concepts, x 0.2": lambda t: LearnedRanker(
        logistic(*t.stack()), predict_unigram=t.unigrams(), unigram_scale=0.2
    ),
    "+ content words as concepts, x 0.3": lambda t: LearnedRanker(
        logistic(*t.stack()), predict_unigram=t.unigrams(), unigram_scale=0.3
    ),
    "+ length reward 0.01 per word": lambda t: LearnedRanker(logistic(*t.stack()), sentence_gain=length_reward(0.01)),
    "+ learned sentence prior x 0.5": lambda t: LearnedRanker(
        (p := logistic(*t.stack())), sentence_gain=residual_prior(t, p, 0.5)
    ),
}


def main(settings: dict[str, Setting] = SETTINGS, description: str = __doc__) -> None:
    parser = argparse.ArgumentParser(description=description.split("\n\n")[0])
    parser.add_argument("settings", nargs="*", help="names from SETTINGS (default: all)")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--variant", choices=sorted(VARIANTS), help="train and score under this variant")
    args = parser.parse_args()
    chosen = args.settings or list(settings)
    unknown = [name for name in chosen if name not in settings]
    if unknown:
        parser.error(f"unknown setting {', '.join(unknown)}; choose from: {'; '.join(settings)}")
    splitter, embedder, exceptions = PunktSplitter(), with_cache(default_embedder()), wordnet_exceptions()
    items: dict[str, list[tuple[ClusterInput, Analysis]]] = {}
    for name in SETS:
        items[name] = []
        for cluster in read_clusters(args.data / f"{name}.jsonl", checked=False):
            # Training always reads the sets as given (as the shipped model is fitted); scoring, the variant.
            for variant in dict.fromkeys([None, args.variant]):
                shown = apply_variant(cluster, variant) if variant else cluster
                sentences = split_documents(shown.documents, splitter)
                embeddings = embedder.embed([s.text for s in sentences])
                items.setdefault(f"{name}/{variant}", []).append(
                    (shown, analyze(shown.documents, embedder, embeddings=embeddings, sentences=sentences))
                )
        items[name] = items.pop(f"{name}/None")
    examples = {name: [cluster_examples(c, a) for c, a in items[name]] for name in SETS}
    table: dict[str, list[str]] = {name: [] for name in chosen}
    for held in SETS:
        others = [s for s in SETS if s != held]
        training = Training([e for s in others for e in examples[s]], [i for s in others for i in items[s]])
        scored = items[f"{held}/{args.variant}"] if args.variant else items[held]
        for name in chosen:
            ranker = settings[name](training)
            started = time.process_time()
            texts = [" ".join(i.sentence.text for i in compose_brief(a, 100, ranker).sentences) for _, a in scored]
            print(f"{held} {name}: {time.process_time() - started:.1f} s of CPU to brief", file=sys.stderr)
            scores = mean_scores(
                [
                    score_summary(t, c.summaries, word_limit=100, exceptions=exceptions)
                    for t, (c, _) in zip(texts, scored)
                ]
            )
            words = np.mean([len(t.split()) for t in texts])
            table[name].append(f"{100 * scores.r1:.2f} / {100 * scores.r2:.2f} ({words:.1f} w)")
            print(f"{held} {name}: {table[name][-1]}", file=sys.stderr, flush=True)
    variant = ", " + VARIANTS[args.variant] if args.variant else ""
    corner = f"setting (R1 / R2 (mean words), held-out set{variant})"
    print(settings_table(corner, SETS, {name: table[name] for name in chosen}))


if __name__ == "__main__":
    main()
