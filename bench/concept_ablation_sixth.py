"""Sixth pass of the leave-one-set-out ablation (bench/README.md): how rare a word is in general English.

    python bench/concept_ablation_sixth.py                  # every setting below, sets as given
    python bench/concept_ablation_sixth.py --variant both   # headlines blanked, paragraph breaks removed
    python bench/concept_ablation_sixth.py --screen         # each feature's correlation with the target
    python bench/concept_ablation_sixth.py --cost           # CPU of wordfreq's import, its table, the features

Every feature of the learned concept weights is read from the cluster alone. The strongest classic
DUC systems also asked how much more often the cluster uses a word than general language does
(topic signatures: Lin & Hovy 2000, used by CLASSY; Hong & Nenkova 2014's global word features).
Here general English is `wordfreq`'s English list (its Zipf scale: log10 of a word's frequency per
billion words). A stemmed token's general frequency is the sum of the frequencies of the surface
forms the cluster writes it in; a form the list lacks counts as the list's floor (Zipf 1). Each
candidate is a generic feature of a bigram over its content words (no weight for any word):

- `zipf_min`: the Zipf frequency of its rarer content word; `zipf_mean`: their mean;
- `signature_max` / `signature_mean`: log(1 + the topic-signature score) of its content words, the
  log-likelihood ratio of the word's count in the cluster against its general rate (Lin & Hovy; zero
  when the cluster uses the word no more than English does), largest / mean;
- `signature_share`: the share of its content words whose ratio passes 10.83 (Lin & Hovy's cut,
  chi-square p < 0.001);
- `log_ratio`: the mean over its content words of log(rate in the cluster / general rate);
- `signature_rank_max` / `_mean`: the rank of its content words' scores among the cluster's content
  words, from 0 to 1 (free of the cluster's length, which the score grows with);
- `kl_share`: log(1 + 1000 x its content words' share of the cluster's divergence from English,
  the sum over words of rate x log(rate / general rate) where positive).

The bigram model is the training script's logistic regression over the 14 features and the chosen
ones ("a*b": the product of two features). "The N strongest topic-signature words x s" keeps the
refitted bigram model and adds, as concepts, the cluster's N content words of highest score past the
cut that two articles mention (CLASSY's signature terms), each weighed s x the fifth pass's word
model (a logistic model of the share of references using the word). The "shipped weights file" and "refitted" rows are the fifth pass's (they equal `summarize
eval`'s `ours`). Analyses and examples are kept under /tmp (`--cache`: delete after a change to how
articles are split or analysed). Needs `wordfreq` (`pip install wordfreq`).
"""

from __future__ import annotations

import argparse
import bisect
import math
import pickle
import re
import sys
import time
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from concept_ablation_fifth import Examples, HarnessRanker, Predictor, analyses, held_out_cell, logistic
from concept_ablation_fifth import examples as fifth_examples
from tables import settings_table
from train_concept_weights import ROOT, SETS, train

from summarize.evaluation.rouge import truncate_words, wordnet_exceptions
from summarize.evaluation.variants import VARIANTS
from summarize.inputs.jsonl import ClusterInput, read_clusters
from summarize.pipeline import split_documents
from summarize.records import Analysis, Sentence
from summarize.selection.concept_features import FEATURES, concept_features
from summarize.selection.concept_model import ConceptModel, shipped_models
from summarize.selection.concepts import ConceptRanker, Prepared
from summarize.selection.features import self_containment
from summarize.text.bigrams import STOP_WORDS, Concept, bigrams, content_words, stem
from summarize.text.sentences import PunktSplitter

MIN_DOCUMENTS = 2
BACKGROUND = (
    "zipf_min",
    "zipf_mean",
    "signature_max",
    "signature_mean",
    "signature_share",
    "log_ratio",
    "signature_rank_max",
    "signature_rank_mean",
    "kl_share",
)
FLOOR = 1e-8  # wordfreq's floor (Zipf 1): a form it does not list is at most this frequent
SIGNATURE_CUT = 10.83  # Lin & Hovy: chi-square with one degree of freedom, p < 0.001
_WORD = re.compile(r"[a-z0-9]+")


@cache
def general_frequencies() -> dict[str, float]:
    """Each English word form's share of running words in general text (wordfreq's large list)."""
    import wordfreq

    return dict(wordfreq.get_frequency_dict("en", wordlist="large"))


def token_statistics(sentences: Sequence[Sentence]) -> tuple[dict[str, int], dict[str, float], int]:
    """Each stemmed token's count in the cluster and general frequency, and the cluster's token count."""
    general = general_frequencies()
    counts: dict[str, int] = {}
    forms: dict[str, set[str]] = {}
    total = 0
    for sentence in sentences:
        for word in _WORD.findall(sentence.text.lower()):
            token = word if word in STOP_WORDS else stem(word)
            counts[token] = counts.get(token, 0) + 1
            forms.setdefault(token, set()).add(word)
            total += 1
    frequency = {t: max(FLOOR, sum(general.get(f, 0.0) for f in fs)) for t, fs in forms.items()}
    return counts, frequency, total


def signature(count: int, total: int, general: float) -> float:
    """Lin & Hovy's log-likelihood ratio of a word's `count` in `total` cluster words against its general
    rate (the background corpus taken as unbounded), zero when the cluster uses it no more often."""
    rate = count / total
    if rate <= general:
        return 0.0
    rest = (1.0 - rate) * math.log((1.0 - rate) / (1.0 - general)) if rate < 1.0 else 0.0
    return 2.0 * total * (rate * math.log(rate / general) + rest)


def background_columns(sentences: Sequence[Sentence], kept: Sequence[Concept]) -> np.ndarray:
    """The BACKGROUND columns for each kept bigram."""
    counts, frequency, total = token_statistics(sentences)
    scores = {t: signature(c, total, frequency[t]) for t, c in counts.items()}
    content_scores = sorted(v for t, v in scores.items() if t not in STOP_WORDS)
    last = max(1, len(content_scores) - 1)
    rank = {t: bisect.bisect_left(content_scores, v) / last for t, v in scores.items()}
    gain = {t: c / total * math.log(c / total / frequency[t]) for t, c in counts.items()}
    kl_total = sum(v for t, v in gain.items() if v > 0 and t not in STOP_WORDS) or 1.0
    rows = np.zeros((len(kept), len(BACKGROUND)))
    for row, concept in zip(rows, kept):
        content = [w for w in concept if w not in STOP_WORDS] or list(concept)
        zipf = [math.log10(frequency[w]) + 9.0 for w in content]
        llr = [scores[w] for w in content]
        row[:] = (
            min(zipf),
            float(np.mean(zipf)),
            math.log1p(max(llr)),
            float(np.mean([math.log1p(x) for x in llr])),
            float(np.mean([x >= SIGNATURE_CUT for x in llr])),
            float(np.mean([math.log(counts[w] / total / frequency[w]) for w in content])),
            max(rank[w] for w in content),
            float(np.mean([rank[w] for w in content])),
            math.log1p(1000.0 * sum(max(0.0, gain[w]) for w in content) / kl_total),
        )
    return rows


def cluster_examples(cluster: ClusterInput) -> Examples:
    """As `train_concept_weights.cluster_examples`, with the BACKGROUND columns after FEATURES."""
    sentences = split_documents(cluster.documents, PunktSplitter())
    texts = [d.text for d in cluster.documents]
    standalone = [self_containment(s, texts[s.document]) for s in sentences]
    pairs = [bigrams(s.text) for s in sentences]
    kept, rows = concept_features(cluster.documents, sentences, pairs, standalone, MIN_DOCUMENTS)
    held = [bigrams(truncate_words(summary, 100)) for summary in cluster.summaries]
    shares = np.array([sum(concept in r for r in held) / len(held) for concept in kept])
    return np.hstack([rows, background_columns(sentences, kept)]), shares


def examples(data: Path, cache_dir: Path) -> dict[str, Examples]:
    path = cache_dir / "examples.pickle"
    if path.exists():
        loaded: dict[str, Examples] = pickle.loads(path.read_bytes())
        return loaded
    found: dict[str, Examples] = {}
    for name in SETS:
        pairs = [cluster_examples(c) for c in read_clusters(data / f"{name}.jsonl", checked=False)]
        found[name] = np.vstack([r for r, _ in pairs]), np.concatenate([s for _, s in pairs])
    cache_dir.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(found))
    return found


def base_only(found: dict[str, Examples]) -> dict[str, Examples]:
    return {name: (rows[:, : len(FEATURES)], shares) for name, (rows, shares) in found.items()}


Setting = Callable[[tuple[str, ...], dict[str, Examples]], ConceptRanker]


def with_background(*names: str, ridge: float = 1.0) -> Setting:
    """The 14 features and the BACKGROUND columns `names` ("a*b": the product of two features of
    FEATURES or BACKGROUND), one logistic model."""
    everything = (*FEATURES, *BACKGROUND)

    def columns(rows: np.ndarray) -> np.ndarray:
        """FEATURES and the named columns, from rows of FEATURES and BACKGROUND."""
        added = []
        for name in names:
            factors = [everything.index(f) for f in name.split("*")]
            added.append(np.prod(rows[:, factors], axis=1)[:, None])
        return np.hstack([rows[:, : len(FEATURES)], *added])

    def extra(analysis: Analysis, _pairs: Sequence[set[Concept]], kept: Sequence[Concept]) -> np.ndarray:
        return background_columns(analysis.sentences, kept)

    def setting(sets: tuple[str, ...], found: dict[str, Examples]) -> ConceptRanker:
        rows = columns(np.vstack([found[s][0] for s in sets]))
        shares = np.concatenate([found[s][1] for s in sets])
        return HarnessRanker(None, logistic(rows, shares, ridge), columns, extra=extra)

    return setting


class SignatureWords(HarnessRanker):
    """The refitted bigram model, plus as concepts the cluster's `top` content words of highest
    topic-signature score (past Lin & Hovy's cut, two articles at least: CLASSY's signature terms),
    each weighed `scale` x a logistic word model's predicted share of references using it."""

    def __init__(self, model: ConceptModel, word_predict: Predictor, top: int, scale: float) -> None:
        super().__init__(model)
        self.word_predict, self.top, self.scale = word_predict, top, scale

    def prepared(self, analysis: Analysis) -> Prepared:
        bigram_part = ConceptRanker.prepared(self, analysis)

        def with_words() -> Prepared:
            held = [content_words(s.text) for s in analysis.sentences]
            kept, rows = concept_features(
                analysis.documents, analysis.sentences, held, bigram_part.standalone, MIN_DOCUMENTS
            )
            counts, frequency, total = token_statistics(analysis.sentences)
            scored = [(signature(counts[w[0]], total, frequency[w[0]]), k) for k, w in enumerate(kept)]
            best = sorted((k for score, k in scored if score >= SIGNATURE_CUT), key=lambda k: -scored[k][0])
            chosen = sorted(best[: self.top])
            weights = dict(bigram_part.weights)
            if chosen:
                predicted = self.scale * self.word_predict(rows[chosen])
                weights.update(zip([kept[k] for k in chosen], predicted.tolist()))
            words = {kept[k] for k in chosen}
            concepts = [pairs | (w & words) for pairs, w in zip(bigram_part.concepts, held)]
            return Prepared(bigram_part.standalone, concepts, weights)

        return analysis.derived(("sixth.signature_words", self.serial), with_words)


def signature_words(top: int, scale: float) -> Setting:
    def setting(sets: tuple[str, ...], found: dict[str, Examples]) -> ConceptRanker:
        words = word_examples()
        rows = np.vstack([words[s][0] for s in sets])
        shares = np.concatenate([words[s][1] for s in sets])
        return SignatureWords(train(base_only(found), sets), logistic(rows, shares), top, scale)

    return setting


WORD_EXAMPLES: dict[str, Examples] = {}
PLACES = {"data": ROOT.parent / "shared" / "bench", "cache": Path("/tmp/concept_ablation_sixth")}  # main's


def word_examples() -> dict[str, Examples]:
    """Each set's content-word examples (the fifth pass's), built once and kept in the cache."""
    if not WORD_EXAMPLES:
        WORD_EXAMPLES.update(fifth_examples(PLACES["data"], PLACES["cache"] / "fifth")[1])
    return WORD_EXAMPLES


SETTINGS: dict[str, Setting] = {
    "shipped weights file": lambda sets, _: ConceptRanker(
        model=next(m for m in shipped_models() if m.trained_on == sets)
    ),
    "bigrams only, refitted": lambda sets, found: ConceptRanker(model=train(base_only(found), sets)),
    "+ rarer word's Zipf frequency": with_background("zipf_min"),
    "+ mean Zipf frequency": with_background("zipf_mean"),
    "+ topic signature, largest": with_background("signature_max"),
    "+ topic signature, mean": with_background("signature_mean"),
    "+ share of topic-signature words": with_background("signature_share"),
    "+ log ratio to general rate": with_background("log_ratio"),
    "+ rarer word's Zipf + topic signature, largest": with_background("zipf_min", "signature_max"),
    "+ the six Zipf, signature and log-ratio features": with_background(*BACKGROUND[:6]),
    "+ topic-signature rank in the cluster, largest": with_background("signature_rank_max"),
    "+ topic-signature rank in the cluster, mean": with_background("signature_rank_mean"),
    "+ share of the cluster's divergence from English": with_background("kl_share"),
    "+ log ratio + topic signature, largest": with_background("log_ratio", "signature_max"),
    "+ all nine background features": with_background(*BACKGROUND),
    "+ rarer word's Zipf x share of articles": with_background("zipf_min*document_share"),
    "+ rarer word's Zipf, and x share of articles": with_background("zipf_min", "zipf_min*document_share"),
    "+ topic-signature rank, mean, and x share of articles": with_background(
        "signature_rank_mean", "signature_rank_mean*document_share"
    ),
    "+ topic-signature rank, mean + divergence share": with_background("signature_rank_mean", "kl_share"),
    "+ the 10 strongest topic-signature words x 0.1": signature_words(10, 0.1),
    "+ the 10 strongest topic-signature words x 0.2": signature_words(10, 0.2),
    "+ the 20 strongest topic-signature words x 0.1": signature_words(20, 0.1),
    "+ the 20 strongest topic-signature words x 0.2": signature_words(20, 0.2),
}


def screen(found: dict[str, Examples]) -> None:
    """Each feature's correlation with the reference share, per set; then the held-out log-loss (per
    mille) of the 14 features' model with each BACKGROUND feature added, fitted on the other sets."""
    names = (*FEATURES, *BACKGROUND)
    print("| feature | " + " | ".join(SETS) + " |\n|---|" + "---:|" * len(SETS))
    for k, name in enumerate(names):
        cells = [f"{np.corrcoef(found[s][0][:, k], found[s][1])[0, 1]:+.3f}" for s in SETS]
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("\n| held-out log-loss x 1000 | " + " | ".join(SETS) + " |\n|---|" + "---:|" * len(SETS))
    for added in ([], *([n] for n in BACKGROUND), list(BACKGROUND)):
        columns = list(range(len(FEATURES))) + [len(FEATURES) + BACKGROUND.index(n) for n in added]
        cells = []
        for held in SETS:
            rows = np.vstack([found[s][0][:, columns] for s in SETS if s != held])
            predict = logistic(rows, np.concatenate([found[s][1] for s in SETS if s != held]))
            p, y = np.clip(predict(found[held][0][:, columns]), 1e-9, 1 - 1e-9), found[held][1]
            cells.append(f"{-1000 * np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)):.2f}")
        label = "the 14 features" if not added else "+ " + (added[0] if len(added) == 1 else "all nine")
        print(f"| {label} | " + " | ".join(cells) + " |")


def cost(data: Path) -> None:
    """CPU seconds of importing wordfreq, building its table, and each set's feature columns (against
    the 14 features' own) for every cluster."""
    started = time.process_time()
    import wordfreq  # noqa: F401 (timed)

    imported = time.process_time()
    general_frequencies()
    print(f"import wordfreq {imported - started:.3f} s, its table {time.process_time() - imported:.3f} s")
    splitter = PunktSplitter()
    for name in SETS:
        base = extra = 0.0
        clusters = list(read_clusters(data / f"{name}.jsonl", checked=False))
        for cluster in clusters:
            sentences = split_documents(cluster.documents, splitter)
            pairs = [bigrams(s.text) for s in sentences]
            started = time.process_time()
            kept, _ = concept_features(cluster.documents, sentences, pairs, np.ones(len(sentences)), MIN_DOCUMENTS)
            between = time.process_time()
            background_columns(sentences, kept)
            base, extra = base + between - started, extra + time.process_time() - between
        print(f"{name}: the 14 features {base:.2f} s, the background columns {extra:.2f} s ({len(clusters)} clusters)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("settings", nargs="*", help="names from SETTINGS (default: all)")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--variant", choices=sorted(VARIANTS), help="score under this variant (training: as given)")
    parser.add_argument("--held", nargs="+", choices=SETS, default=list(SETS), help="the sets to hold out in turn")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/concept_ablation_sixth"))
    parser.add_argument("--screen", action="store_true", help="print each feature's correlation and stop")
    parser.add_argument("--cost", action="store_true", help="print the features' CPU cost and stop")
    args = parser.parse_args()
    PLACES.update(data=args.data, cache=args.cache)
    chosen = args.settings or list(SETTINGS)
    unknown = [name for name in chosen if name not in SETTINGS]
    if unknown:
        parser.error(f"unknown setting {', '.join(unknown)}; choose from: {'; '.join(SETTINGS)}")
    if args.cost:
        cost(args.data)
        return
    found = examples(args.data, args.cache)
    if args.screen:
        screen(found)
        return
    scored = analyses(args.data, args.variant, args.cache, args.held)
    exceptions = wordnet_exceptions()
    table: dict[str, list[str]] = {name: [] for name in chosen}
    for held in args.held:
        sets = tuple(s for s in SETS if s != held)
        for name in chosen:
            ranker = SETTINGS[name](sets, found)
            cell, seconds = held_out_cell(scored[held], ranker, exceptions)
            table[name].append(cell)
            print(f"{held} {name}: {table[name][-1]} ({seconds:.1f} s of CPU to brief)", file=sys.stderr, flush=True)
    variant = ", " + VARIANTS[args.variant] if args.variant else ""
    print(
        settings_table(f"setting (R1 / R2, held-out set{variant})", args.held, {name: table[name] for name in chosen})
    )


if __name__ == "__main__":
    main()
