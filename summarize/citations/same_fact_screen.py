"""A screen in front of the corroboration judge for the selection's same-fact check, which asks about
every pair of the chosen sentences (~99,000 pairs for a brief of 445 sentences).

The default judge (`FactJudge`) lists a pair only when the logistic of intercept + weights . features
reaches its threshold (every other path says "different"). The screen computes, for all the pairs at
once, the features that are cheap as matrices (similarity, the shares of word weight, the length
ratio, the cluster) exactly as `pair_facts` does, and takes every other feature at the value that
raises the score most over its range. A pair whose score cannot reach the threshold even so is one the
judge would call different, so it is not asked: the answers, and every brief, stay the same. The
weights, intercept and threshold are read from the judge itself (their home is
`summarize.citations.corroboration_weights`), so a retuned judge is screened by its own numbers; a
feature the screen cannot bound (a new one, or a name count with a positive weight) turns it off.

The same bound screens the candidates of a brief sentence's evidence (`evidence_possible`: ~2,500
candidates for a brief of 445 sentences), where the judge also reports a disagreement: a candidate is
asked when it could be listed or could be a disagreement (`FactJudge.same_event` and another figure
for what the sentence counts).

The same-fact check itself (`same_fact_check`) is the listing's judge at a lower threshold: a false
"same" there only costs the brief another sentence, while a missed one prints a fact twice.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

import numpy as np

from ..records import Analysis
from .corroboration import CorroborationJudge, FactJudge, Verdict
from .facts import content_stems, figure_conflicts, quantities
from .main_clause import main_clause
from .pair_facts import FEATURES, weight_share, word_weights

# The features computed exactly here, and the range of each of the others (a 0/1 flag, or a count
# read as log(1 + n)).
EXACT = frozenset(
    {"similarity", "shared_words", "covers_sentence", "covers_candidate", "length_ratio", "in_cluster", "covers_main"}
)
RANGES = {
    "figure_conflict": (0.0, 1.0),
    "date_conflict": (0.0, 1.0),
    "other_figures": (0.0, 1.0),
    "looks_back": (0.0, 1.0),
    "same_detail": (0.0, 1.0),
    "other_scope": (0.0, 1.0),
    "new_names": (0.0, math.inf),
    "missing_names": (0.0, math.inf),
}
Score = TypeVar("Score", float, np.ndarray)

# The threshold of the brief's same-fact check: the judge's features and weights, which list "also [n]"
# at 0.89 (precision first), at the lowest round threshold where 90 % of the pairs it finds are SAME or
# PARTIAL on the labelled tune pairs (a PARTIAL pair in one brief is mostly repetition too): 92 %, and
# 58 % of the SAME pairs found against 26 % at the listing's; on the test pairs 96 % and 59 % against 24 %
# (`python bench/redundancy.py`, bench/corroboration/README.md "The brief's same-fact check").
REDUNDANCY_THRESHOLD = 0.5

# Scores this close below the threshold are still asked: the matrices sum in another order than the
# judge (and the similarity is a float32 product), a difference of ~1e-6 at most.
MARGIN = 1e-3


@dataclass(frozen=True)
class ScreenedJudge:
    """`judge`, with `possible`: which pairs of given sentences it could say report one fact."""

    inner: CorroborationJudge  # the judge screened

    def judge(self, analysis: Analysis, sentence: int, candidate: int) -> Verdict:
        return self.inner.judge(analysis, sentence, candidate)

    def possible(self, analysis: Analysis, sentences: Sequence[int]) -> np.ndarray:
        """A boolean matrix: [a, b] is False only when the judge certainly says `sentences[a]` and
        `sentences[b]` (as sentence and candidate) are not the same fact; all True for a judge it
        cannot screen."""
        everything = np.ones((len(sentences), len(sentences)), dtype=bool)
        floor = _floor(self.inner)
        if floor is None or len(sentences) < 2:
            return everything
        judge = self.inner
        assert isinstance(judge, FactJudge)  # only a FactJudge has a floor
        exact = _exact_features(analysis, list(sentences))
        return _best_scores(exact, dict(judge.weights), judge.intercept) >= floor - MARGIN

    def evidence_possible(self, analysis: Analysis, sentence: int, candidates: Sequence[int]) -> np.ndarray:
        """One flag per candidate: False only when the judge certainly finds in it neither the sentence's
        fact nor a disagreement with it (`summarize.citations.corroboration.evidence`): its score cannot
        reach the threshold, and either its similarity plus shared word weight plus the same-detail bonus
        cannot reach the judge's `same_event` or it gives no other figure for what the sentence counts.
        All True for a judge it cannot screen."""
        possible = np.ones(len(candidates), dtype=bool)
        floor = _floor(self.inner)
        if floor is None:
            return possible
        judge = self.inner
        assert isinstance(judge, FactJudge)  # only a FactJudge has a floor
        weights, text = dict(judge.weights), analysis.sentences[sentence].text
        for position, candidate in enumerate(candidates):
            exact = _pair_features(analysis, sentence, candidate)
            if _best_scores(exact, weights, judge.intercept) >= floor - MARGIN:
                continue
            event = exact["similarity"] + exact["shared_words"] + max(judge.same_detail, 0.0)
            other_text = analysis.sentences[candidate].text
            possible[position] = event >= judge.same_event - MARGIN and bool(
                figure_conflicts(quantities(text), quantities(other_text))
            )
        return possible


def same_fact_check(judge: CorroborationJudge) -> CorroborationJudge:
    """The judge the selection asks whether two chosen sentences report one fact, screened: the default
    judge's kind at `REDUNDANCY_THRESHOLD` (its listing threshold is for "also [n]"), any other judge as
    it is (it decides on its own grounds)."""
    if type(judge) is FactJudge:
        judge = replace(judge, threshold=REDUNDANCY_THRESHOLD)
    return screened(judge)


def screened(judge: CorroborationJudge) -> CorroborationJudge:
    """`judge` with a screen when it is the default judge's kind (a subclass may decide otherwise)."""
    return ScreenedJudge(judge) if type(judge) is FactJudge else judge


def _floor(judge: CorroborationJudge) -> float | None:
    """The score the judge's threshold asks for; None when the screen cannot bound its score."""
    if type(judge) is not FactJudge or not 0.0 < judge.threshold < 1.0:
        return None
    for name, weight in judge.weights:
        if name not in FEATURES or (name not in EXACT and name not in RANGES):
            return None
        if name in RANGES and max(weight * RANGES[name][0], weight * RANGES[name][1], 0.0) == math.inf:
            return None
    return math.log(judge.threshold / (1.0 - judge.threshold))


def _best_scores(exact: Mapping[str, Score], weights: dict[str, float], intercept: float) -> Score:
    """The judge's score with the `exact` features (`_exact_features`' matrices, or one pair's numbers)
    and every other feature at its most favourable value: a matrix, or one pair's float."""
    score = exact["similarity"] * 0.0 + intercept  # the shape of the features, whatever the weights
    for name, weight in weights.items():
        score = score + (weight * exact[name] if name in EXACT else _most_favourable(name, weight))
    return score


def _most_favourable(name: str, weight: float) -> float:
    """What a feature the screen does not compute adds to the score at most, over its range."""
    low, high = RANGES[name]
    return max(weight * low, weight * high)


def _exact_features(analysis: Analysis, sentences: list[int]) -> dict[str, np.ndarray]:
    """`pair_facts`' similarity, word-weight shares, length ratio and cluster flag, as matrices."""
    texts = [analysis.sentences[i].text for i in sentences]
    stems = [content_stems(text) for text in texts]
    mains = [content_stems(main_clause(text)) for text in texts]
    column: dict[str, int] = {}
    for words in [*stems, *mains]:
        for word in words:
            column.setdefault(word, len(column))
    weights = word_weights(analysis)
    weight = np.array([weights.get(word, 0.0) for word in column])
    has = _indicator(stems, column)
    main_has = _indicator(mains, column)
    # A word only one sentence has adds to no pair's shared weight: leave it out of the products.
    shared = (has | main_has).sum(axis=0) > 1
    weighted = has * weight
    both = weighted[:, shared] @ has[:, shared].T.astype(np.float64)  # [a, b]: weight of the words a and b share
    main_both = (main_has * weight)[:, shared] @ has[:, shared].T.astype(np.float64)
    total, main_total = weighted.sum(axis=1), (main_has * weight).sum(axis=1)
    covers_sentence = _divided(both, total[:, None])
    covers_candidate = _divided(both, total[None, :])
    counts = np.array([len(words) for words in stems], dtype=np.float64)
    longer = np.maximum(counts[:, None], counts[None, :])
    embeddings = analysis.embeddings[sentences]
    clusters = np.array([analysis.cluster_of[i] for i in sentences])
    return {
        "similarity": (embeddings @ embeddings.T).astype(np.float64),
        "shared_words": np.maximum(covers_sentence, covers_candidate),
        "covers_sentence": covers_sentence,
        "covers_candidate": covers_candidate,
        "length_ratio": _divided(np.minimum(counts[:, None], counts[None, :]), longer),
        "in_cluster": (clusters[:, None] == clusters[None, :]).astype(np.float64),
        "covers_main": _divided(main_both, main_total[:, None]),
    }


def _pair_features(analysis: Analysis, sentence: int, candidate: int) -> dict[str, float]:
    """`_exact_features` of one pair, as `pair_facts` computes them (a few set operations: cheaper than
    matrices for the few candidates of one sentence)."""
    first, second = analysis.sentences[sentence].text, analysis.sentences[candidate].text
    weights = word_weights(analysis)
    words_first, words_second = content_stems(first), content_stems(second)
    covers_sentence = weight_share(weights, words_first, words_second)
    covers_candidate = weight_share(weights, words_second, words_first)
    lengths = sorted((len(words_first), len(words_second)))
    return {
        "similarity": float(analysis.embeddings[sentence] @ analysis.embeddings[candidate]),
        "shared_words": max(covers_sentence, covers_candidate),
        "covers_sentence": covers_sentence,
        "covers_candidate": covers_candidate,
        "length_ratio": lengths[0] / lengths[1] if lengths[1] else 0.0,
        "in_cluster": float(analysis.cluster_of[sentence] == analysis.cluster_of[candidate]),
        "covers_main": weight_share(weights, content_stems(main_clause(first)), words_second),
    }


def _indicator(rows: list[frozenset[str]], column: dict[str, int]) -> np.ndarray:
    matrix = np.zeros((len(rows), len(column)), dtype=bool)
    for row, words in enumerate(rows):
        matrix[row, [column[word] for word in words]] = True
    return matrix


def _divided(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, 0 where the denominator is 0 (as `pair_facts` takes an empty share)."""
    denominator = np.broadcast_to(denominator, numerator.shape)
    quotient: np.ndarray = np.divide(numerator, denominator, out=np.zeros(numerator.shape), where=denominator > 0)
    return quotient
