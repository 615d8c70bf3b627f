"""Ninth pass of the leave-one-set-out ablation (bench/README.md): where the TAC 2010 gap is.

    python bench/concept_ablation_ninth.py                      # every setting below, sets as given
    python bench/concept_ablation_ninth.py --variant both       # headlines blanked, paragraph breaks removed
    python bench/concept_ablation_ninth.py oracle --per-cluster /tmp/cells.json

The "shipped weights file" row briefs with summarize/data/concept_weights.json's model for the
held-out set (`summarize eval`'s `ours`); "concepts-plain" is `summarize eval`'s reference method.
The oracle rows weigh each bigram by the share of the cluster's own references (cut at 100 words)
that hold it, the training target: an upper bound on what better weights could give the shipped
program, its candidates and its reader rules. The other rows: bigrams of two closed word classes
(attribution, weekdays) weighed at nothing or as features, the share of a bigram's mentions inside
quotation marks as a feature, and the training script's regression fitted with an intercept per
training cluster; every learned part is fitted on the other two sets (as given). `--per-cluster FILE` writes each setting's R1 and R2 per
cluster (JSON: set -> setting -> cluster id -> [R1, R2]) for reading where two settings differ.
Analyses are kept under `--cache` (delete it after a change to how articles are split or analysed).
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from concept_ablation_fifth import analyses
from tables import settings_table
from train_concept_weights import ROOT, SETS, fit_logistic, newton_logistic, set_examples, train

from summarize.evaluation.rouge import mean_scores, score_summary, truncate_words, wordnet_exceptions
from summarize.evaluation.variants import VARIANTS
from summarize.inputs.jsonl import ClusterInput, read_clusters
from summarize.pipeline import compose_brief
from summarize.records import Analysis
from summarize.selection.concept_features import concept_features
from summarize.selection.concept_model import ConceptModel, shipped_models
from summarize.selection.concepts import ConceptRanker, plain_concept_ranker
from summarize.text.bigrams import Concept, bigrams, document_frequency
from summarize.text.cues import opens_inside_quote, outside_quotes
from summarize.text.sentences import PunktSplitter

Examples = tuple[np.ndarray, np.ndarray]
MIN_DOCUMENTS = 2
# Closed word classes (stems), as the stop words are: no topic's words. Who said it, and the weekday
# it was said on, are the wire's framing; the references (written later, as abstracts) seldom hold them.
ATTRIBUTION = frozenset({"said", "say", "told", "tell", "accord", "spokesman", "spokeswoman", "spokesperson", "quot"})
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow".split()
)
QUOTED = re.compile(r'["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]|``(.*?)\'\'')
Extra = Callable[[Analysis, list[set[Concept]], list[Concept]], np.ndarray]
SERIALS = itertools.count(1)


def own_weights(ranker: ConceptRanker) -> None:
    """Give `ranker` its own entry in an analysis's kept weights: `ConceptRanker.prepared` keys them by
    the weighting parameters, which the rankers here leave alike (lead_weight is unused by them)."""
    ranker.lead_weight = -float(next(SERIALS))


def word_classes(*classes: frozenset[str]) -> Extra:
    """One column per class: 1 when one of the bigram's words is in it."""
    return lambda analysis, concepts, kept: np.array([[float(any(w in c for w in b)) for c in classes] for b in kept])


def quoted_share(analysis: Analysis, concepts: list[set[Concept]], kept: list[Concept]) -> np.ndarray:
    """One column: the share of the sentences holding the bigram that hold it inside quotation marks."""
    quoted: dict[Concept, int] = {}
    total: dict[Concept, int] = {}
    for sentence, held in zip(analysis.sentences, concepts):
        inside: set[Concept] = set()
        for match in QUOTED.finditer(sentence.text):
            inside |= bigrams(match.group(1) or match.group(2) or "")
        for concept in held:
            total[concept] = total.get(concept, 0) + 1
            quoted[concept] = quoted.get(concept, 0) + (concept in inside)
    return np.array([[quoted[b] / total[b]] for b in kept])


def quoted_share_spanning(analysis: Analysis, concepts: list[set[Concept]], kept: list[Concept]) -> np.ndarray:
    """As `quoted_share`, with quotations read as `summarize.text.cues` reads them: one that spans
    sentences (opened earlier in the paragraph) counts in each of them."""
    quoted: dict[Concept, int] = {}
    total: dict[Concept, int] = {}
    texts = [d.text for d in analysis.documents]
    for sentence, held in zip(analysis.sentences, concepts):
        text = sentence.text
        if opens_inside_quote(texts[sentence.document], sentence) and not text.lstrip().startswith(("“", "”")):
            outside = outside_quotes('"' + text)[1:]
        else:
            outside = outside_quotes(text)
        inside = held - bigrams(outside) if outside != text else set()
        for concept in held:
            total[concept] = total.get(concept, 0) + 1
            quoted[concept] = quoted.get(concept, 0) + (concept in inside)
    return np.array([[quoted[b] / total[b]] for b in kept])


class WithoutRanker(ConceptRanker):
    """The shipped ranker with the bigrams holding a word of `words` weighed at nothing."""

    def __init__(self, model: ConceptModel, words: frozenset[str]) -> None:
        super().__init__(model=model)
        self.words = words
        own_weights(self)

    def concept_weights(
        self, analysis: Analysis, concepts: list[set[Concept]], standalone: np.ndarray
    ) -> dict[Concept, float]:
        weights = super().concept_weights(analysis, concepts, standalone)
        return {c: w for c, w in weights.items() if not any(word in self.words for word in c)}


class ExtraRanker(ConceptRanker):
    """The ranker with weights from a logistic model over the 14 features and `extra`'s columns; the
    bigrams holding a word of `without` weigh nothing."""

    def __init__(self, predict: Callable[[np.ndarray], np.ndarray], extra: Extra, without: frozenset[str]) -> None:
        super().__init__(model=None)
        self.predict, self.extra, self.without = predict, extra, without
        own_weights(self)

    def concept_weights(
        self, analysis: Analysis, concepts: list[set[Concept]], standalone: np.ndarray
    ) -> dict[Concept, float]:
        threshold = min(self.min_documents, len(analysis.documents))
        kept, rows = concept_features(analysis.documents, analysis.sentences, concepts, standalone, threshold)
        if not kept:
            return {}
        rows = np.hstack([rows, self.extra(analysis, concepts, kept)])
        weights = dict(zip(kept, self.predict(rows).tolist()))
        return {c: w for c, w in weights.items() if not any(word in self.without for word in c)}


def extra_setting(extra: Extra, without: frozenset[str] = frozenset()) -> Setting:
    """A model over the 14 features and `extra`'s columns, fitted on the training sets (as given)."""

    def setting(
        model: ConceptModel, examples: Mapping[str, Examples], sets: tuple[str, ...], refs: object
    ) -> ConceptRanker:
        rows = np.vstack([np.hstack([examples[s][0], EXTRA_COLUMNS[(s, id(extra))]]) for s in sets])
        shares = np.concatenate([examples[s][1] for s in sets])
        mean, scale, beta = fit_logistic(rows, shares)
        print(
            f"  fitted on {sets}: extra coefficients {np.round(beta[-EXTRA_COLUMNS[(sets[0], id(extra))].shape[1] :], 3)}",
            file=sys.stderr,
        )
        return ExtraRanker(
            lambda x: 1.0 / (1.0 + np.exp(-np.clip(beta[0] + ((x - mean) / scale) @ beta[1:], -30, 30))), extra, without
        )

    setting.extra = extra  # type: ignore[attr-defined]
    return setting


def fit_within_clusters(
    rows: np.ndarray, shares: np.ndarray, cluster: np.ndarray, steps: int = 50
) -> Callable[[np.ndarray], np.ndarray]:
    """The training script's logistic regression (ridge 1 on the standardised features) with one
    intercept per training cluster (ridge 1 too): the coefficients then learn which bigrams of a
    cluster its references hold, not which clusters' references share more words with their
    articles, which is all the program can use. A new cluster gets the mean intercept."""
    mean, scale = rows.mean(axis=0), rows.std(axis=0)
    scale[scale == 0] = 1.0
    clusters = int(cluster.max()) + 1
    dummies = np.zeros((len(rows), clusters))
    dummies[np.arange(len(rows)), cluster] = 1.0
    design = np.hstack([np.ones((len(rows), 1)), (rows - mean) / scale, dummies])
    penalty = np.diag([0.0] + [1.0] * (design.shape[1] - 1))
    beta = newton_logistic(design, shares, penalty, steps)
    features = rows.shape[1]
    intercept = beta[0] + beta[1 + features :].mean()
    coefficients = beta[1 : 1 + features]
    print(f"  within clusters: coefficients {np.round(coefficients, 3)}", file=sys.stderr)
    return lambda x: 1.0 / (1.0 + np.exp(-np.clip(intercept + ((x - mean) / scale) @ coefficients, -30, 30)))


def within_clusters(
    model: ConceptModel, examples: Mapping[str, Examples], sets: tuple[str, ...], refs: object
) -> ConceptRanker:
    rows = np.vstack([examples[s][0] for s in sets])
    shares = np.concatenate([examples[s][1] for s in sets])
    cluster = np.concatenate(
        [CLUSTER_OF[s] + sum(int(CLUSTER_OF[t].max()) + 1 for t in sets[:k]) for k, s in enumerate(sets)]
    )
    return ExtraRanker(
        fit_within_clusters(rows, shares, cluster), lambda a, c, kept: np.zeros((len(kept), 0)), frozenset()
    )


within_clusters.clusters = True  # type: ignore[attr-defined]
CLUSTER_OF: dict[str, np.ndarray] = {}  # each set's training examples' cluster numbers
EXTRA_COLUMNS: dict[tuple[str, int], np.ndarray] = {}  # (set, id(extra)) -> its training examples' columns


class OracleRanker(ConceptRanker):
    """The shipped program with each bigram weighed by the share of the cluster's references holding it."""

    def __init__(
        self, references: Mapping[int, list[set[Concept]]], min_documents: int = 2, **settings: object
    ) -> None:
        super().__init__(model=None, min_documents=min_documents, **settings)  # type: ignore[arg-type]
        self.references = references  # id(analysis) -> the references' bigrams
        own_weights(self)

    def concept_weights(
        self, analysis: Analysis, concepts: list[set[Concept]], standalone: np.ndarray
    ) -> dict[Concept, float]:
        held = self.references[id(analysis)]
        frequency = document_frequency(concepts, [s.document for s in analysis.sentences])
        threshold = min(self.min_documents, len(analysis.documents))
        weights = {c: sum(c in r for r in held) / len(held) for c, n in frequency.items() if n >= threshold}
        return {c: w for c, w in weights.items() if w > 0}


Setting = Callable[
    [ConceptModel, Mapping[str, Examples], tuple[str, ...], Mapping[int, list[set[Concept]]]], ConceptRanker
]

SETTINGS: dict[str, Setting] = {
    "concepts-plain": lambda model, examples, sets, refs: plain_concept_ranker(),
    "shipped weights file": lambda model, examples, sets, refs: ConceptRanker(model=model),
    "refitted": lambda model, examples, sets, refs: ConceptRanker(model=train(dict(examples), sets)),
    "oracle": lambda model, examples, sets, refs: OracleRanker(refs),
    "oracle, bigrams one article mentions too": lambda model, examples, sets, refs: OracleRanker(refs, 1),
    "oracle, plain program (no reader rules, any number per cluster, no context penalty)": (
        lambda model, examples, sets, refs: OracleRanker(
            refs, 2, one_per_cluster=False, context_penalty=0.0, reader_fit=False, development=False
        )
    ),
    "fitted within clusters (an intercept per training cluster)": within_clusters,
    "attribution bigrams weigh nothing": lambda model, examples, sets, refs: WithoutRanker(model, ATTRIBUTION),
    "weekday bigrams weigh nothing": lambda model, examples, sets, refs: WithoutRanker(model, WEEKDAYS),
    "attribution and weekday bigrams weigh nothing": lambda model, examples, sets, refs: WithoutRanker(
        model, ATTRIBUTION | WEEKDAYS
    ),
    "+ feature: attribution or weekday word": extra_setting(word_classes(ATTRIBUTION | WEEKDAYS)),
    "+ features: attribution word, weekday word": extra_setting(word_classes(ATTRIBUTION, WEEKDAYS)),
    "+ feature: share of its sentences quoting it": extra_setting(quoted_share),
    "+ feature: share of its mentions inside a quotation (spanning sentences)": extra_setting(quoted_share_spanning),
    "+ feature: quoted share (spanning), and weekday bigrams weigh nothing": extra_setting(
        quoted_share_spanning, WEEKDAYS
    ),
    "+ features: quoted share, attribution or weekday word": extra_setting(
        lambda analysis, concepts, kept: np.hstack(
            [quoted_share(analysis, concepts, kept), word_classes(ATTRIBUTION | WEEKDAYS)(analysis, concepts, kept)]
        )
    ),
    "+ feature: quoted share, and weekday bigrams weigh nothing": extra_setting(quoted_share, WEEKDAYS),
}


def cells(
    items: list[tuple[ClusterInput, Analysis]], ranker: ConceptRanker, exceptions: Mapping[str, str]
) -> tuple[str, dict[str, list[float]]]:
    """ "R1 / R2" of `ranker`'s 100-word briefs of `items`, and each cluster's [R1, R2]."""
    scores = []
    for cluster, analysis in items:
        text = " ".join(i.sentence.text for i in compose_brief(analysis, 100, ranker).sentences)
        scores.append(score_summary(text, cluster.summaries, word_limit=100, exceptions=exceptions))
    mean = mean_scores(scores)
    per = {c.id: [round(100 * s.r1, 2), round(100 * s.r2, 2)] for (c, _), s in zip(items, scores)}
    return f"{100 * mean.r1:.2f} / {100 * mean.r2:.2f}", per


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("settings", nargs="*", help="names from SETTINGS, or a prefix of them (default: all)")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--variant", choices=sorted(VARIANTS), help="score under this variant (training: as given)")
    parser.add_argument("--held", nargs="+", choices=SETS, default=list(SETS), help="the sets to hold out in turn")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/concept_ablation_ninth"))
    parser.add_argument("--per-cluster", type=Path, help="write each cluster's scores here (JSON)")
    args = parser.parse_args()
    chosen = [name for name in SETTINGS if not args.settings or any(name.startswith(s) for s in args.settings)]
    if not chosen:
        parser.error(f"no setting matches; choose from: {'; '.join(SETTINGS)}")
    scored = analyses(args.data, args.variant, args.cache, args.held)
    examples_path = args.cache / "examples.pickle"
    if examples_path.exists():
        examples: dict[str, Examples] = pickle.loads(examples_path.read_bytes())
    else:
        splitter = PunktSplitter()
        examples = {
            s: set_examples(list(read_clusters(args.data / f"{s}.jsonl", checked=False)), splitter) for s in SETS
        }
        examples_path.write_bytes(pickle.dumps(examples))
    given = scored if args.variant is None and len(args.held) == len(SETS) else analyses(args.data, None, args.cache)
    for name in chosen:
        extra = getattr(SETTINGS[name], "extra", None)
        for s in SETS if extra is not None else ():
            columns = []
            for _, analysis in given[s]:
                pairs = [bigrams(x.text) for x in analysis.sentences]
                kept, _ = concept_features(
                    analysis.documents, analysis.sentences, pairs, np.ones(len(pairs)), MIN_DOCUMENTS
                )
                columns.append(extra(analysis, pairs, kept) if kept else np.zeros((0, 1)))
            EXTRA_COLUMNS[(s, id(extra))] = np.vstack(columns)
            assert len(EXTRA_COLUMNS[(s, id(extra))]) == len(examples[s][1]), (s, name)
    if any(getattr(SETTINGS[name], "clusters", False) for name in chosen):
        for s in SETS:
            numbers = []
            for number, (_, analysis) in enumerate(given[s]):
                pairs = [bigrams(x.text) for x in analysis.sentences]
                kept, _ = concept_features(
                    analysis.documents, analysis.sentences, pairs, np.ones(len(pairs)), MIN_DOCUMENTS
                )
                numbers.append(np.full(len(kept), number))
            CLUSTER_OF[s] = np.concatenate(numbers)
            assert len(CLUSTER_OF[s]) == len(examples[s][1]), s
    exceptions = wordnet_exceptions()
    table: dict[str, list[str]] = {name: [] for name in chosen}
    per_cluster: dict[str, dict[str, dict[str, list[float]]]] = {}
    for held in args.held:
        sets = tuple(s for s in SETS if s != held)
        model = next(m for m in shipped_models() if m.trained_on == sets)
        refs = {
            id(analysis): [bigrams(truncate_words(summary, 100)) for summary in cluster.summaries]
            for cluster, analysis in scored[held]
        }
        for name in chosen:
            cell, per = cells(scored[held], SETTINGS[name](model, examples, sets, refs), exceptions)
            table[name].append(cell)
            per_cluster.setdefault(held, {})[name] = per
            print(f"{held} {name}: {cell}", file=sys.stderr, flush=True)
    if args.per_cluster:
        args.per_cluster.write_text(json.dumps(per_cluster, indent=1) + "\n", encoding="utf-8")
    variant = ", " + VARIANTS[args.variant] if args.variant else ""
    print(settings_table(f"setting (R1 / R2, held-out set{variant})", args.held, table))


if __name__ == "__main__":
    main()
