"""Fit the concept weights `summarize` ships (summarize/data/concept_weights.json).

    python bench/train_concept_weights.py            # reads ../shared/bench/{duc2002,duc2003,tac2010}.jsonl

A logistic regression, fitted by Newton's method in numpy (deterministic: the same file every run),
predicts from a bigram's generic features (`summarize.selection.concept_features`) the share of a cluster's
reference summaries (cut at 100 words, as ROUGE scores them) that contain it; Li, Qian & Liu (2013).
It is fitted once on every set (the model briefs use) and once without each set (the model
`summarize eval` uses on that set, so that its figures are for news the weights never saw). No
embedding is needed: the features come from the text alone. The data are read, never copied: the
file holds coefficients and the training clusters' ids only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's summarize, whatever is installed

from summarize.evaluation.rouge import truncate_words
from summarize.inputs.jsonl import ClusterInput, read_clusters
from summarize.pipeline import split_documents
from summarize.selection.concept_features import FEATURES, concept_features
from summarize.selection.concept_model import MODEL_FILE, ConceptModel
from summarize.selection.features import self_containment
from summarize.text.bigrams import bigrams
from summarize.text.sentences import PunktSplitter

SETS = ("duc2002", "duc2003", "tac2010")
MIN_DOCUMENTS = 2  # the ranker weighs only bigrams that two articles mention: train on those
RIDGE = 1.0


def cluster_examples(cluster: ClusterInput, splitter: PunktSplitter) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows of the cluster's bigrams and, for each, the share of its references that hold it."""
    sentences = split_documents(cluster.documents, splitter)
    texts = [d.text for d in cluster.documents]
    concepts = [bigrams(s.text) for s in sentences]
    standalone = [self_containment(s, texts[s.document]) for s in sentences]
    kept, rows = concept_features(cluster.documents, sentences, concepts, standalone, MIN_DOCUMENTS)
    references = [bigrams(truncate_words(summary, 100)) for summary in cluster.summaries]
    shares = np.array([sum(concept in r for r in references) / len(references) for concept in kept])
    return rows, shares


def fit_logistic(rows: np.ndarray, shares: np.ndarray, ridge: float = RIDGE, steps: int = 50) -> tuple:
    """Ridge-penalised logistic regression on standardised features, with fractional targets."""
    mean, scale = rows.mean(axis=0), rows.std(axis=0)
    scale[scale == 0] = 1.0
    design = np.hstack([np.ones((len(rows), 1)), (rows - mean) / scale])
    penalty = ridge * np.diag([0.0] + [1.0] * rows.shape[1])
    return mean, scale, newton_logistic(design, shares, penalty, steps)


def newton_logistic(design: np.ndarray, shares: np.ndarray, penalty: np.ndarray, steps: int = 50) -> np.ndarray:
    """The coefficients of a logistic regression of `shares` (fractional targets) on `design` (its
    first column the intercept's), with the quadratic `penalty`, by damped Newton steps."""
    beta = np.zeros(design.shape[1])
    beta[0] = np.log(shares.mean() / (1.0 - shares.mean()))

    def loss(b: np.ndarray) -> float:
        z = design @ b
        return float(np.sum(np.logaddexp(0.0, z) - shares * z) + 0.5 * b @ penalty @ b)

    current = loss(beta)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ beta, -30, 30)))
        gradient = design.T @ (p - shares) + penalty @ beta
        hessian = design.T @ (design * (p * (1.0 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        size = 1.0
        while loss(beta - size * step) > current and size > 1e-4:  # Newton can overshoot: halve
            size /= 2
        beta = beta - size * step
        previous, current = current, loss(beta)
        if previous - current < 1e-9 * abs(previous):
            break
    return beta


def train(
    examples: dict[str, tuple[np.ndarray, np.ndarray]], sets: tuple[str, ...], ridge: float = RIDGE
) -> ConceptModel:
    rows = np.vstack([examples[s][0] for s in sets])
    shares = np.concatenate([examples[s][1] for s in sets])
    mean, scale, beta = fit_logistic(rows, shares, ridge)
    return ConceptModel(
        FEATURES,
        tuple(round(float(x), 6) for x in mean),
        tuple(round(float(x), 6) for x in scale),
        tuple(round(float(x), 6) for x in beta[1:]),
        round(float(beta[0]), 6),
        sets,
    )


def set_examples(clusters: list[ClusterInput], splitter: PunktSplitter) -> tuple[np.ndarray, np.ndarray]:
    """Every cluster's examples, stacked."""
    pairs = [cluster_examples(c, splitter) for c in clusters]
    return np.vstack([r for r, _ in pairs]), np.concatenate([s for _, s in pairs])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench", help="folder of the sets")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "summarize" / "data" / MODEL_FILE)
    args = parser.parse_args()
    splitter = PunktSplitter()
    examples, ids = {}, {}
    for name in SETS:
        clusters = list(read_clusters(args.data / f"{name}.jsonl", checked=False))
        ids[name] = [c.id for c in clusters]
        examples[name] = set_examples(clusters, splitter)
        print(f"{name}: {len(clusters)} clusters, {len(examples[name][1])} examples", file=sys.stderr)
    models = [train(examples, SETS)] + [train(examples, tuple(s for s in SETS if s != held)) for held in SETS]
    document = {
        "about": "Concept weights for summarize's ranker: bench/train_concept_weights.py. The first model is "
        "fitted on every set; the others each without one set (summarize eval uses those on that set).",
        "sets": ids,
        "models": [m.to_dict() for m in models],
    }
    args.output.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
