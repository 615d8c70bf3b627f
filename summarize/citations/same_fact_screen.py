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
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
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

# `ScreenMemory`: the most sentences whose pairs it keeps (an int8 matrix: 9 MB), and a pair not computed.
POOL_LIMIT = 3000
UNKNOWN = -1


@dataclass(frozen=True)
class ScreenedJudge:
    """`judge`, with `possible`: which pairs of given sentences it could say report one fact."""

    inner: CorroborationJudge  # the judge screened

    def judge(self, analysis: Analysis, sentence: int, candidate: int) -> Verdict:
        return self.inner.judge(analysis, sentence, candidate)

    def possible(self, analysis: Analysis, sentences: Sequence[int]) -> np.ndarray:
        """A boolean matrix: [a, b] is False only when the judge certainly says `sentences[a]` and
        `sentences[b]` (as sentence and candidate) are not the same fact; all True for a judge it
        cannot screen. Kept with the analysis (`ScreenMemory`): the rounds of a solve, and a re-brief
        at another length, choose mostly the same sentences."""
        everything = np.ones((len(sentences), len(sentences)), dtype=bool)
        floor = _floor(self.inner)
        if floor is None or len(sentences) < 2:
            return everything
        judge = self.inner
        assert isinstance(judge, FactJudge)  # only a FactJudge has a floor
        weights, intercept = dict(judge.weights), judge.intercept

        def block(rows: list[int], columns: list[int]) -> np.ndarray:
            exact = _exact_features(analysis, rows, columns)
            return np.asarray(_best_scores(exact, weights, intercept) >= floor - MARGIN)

        memory = analysis.derived(("same_fact_screen.possible", judge), ScreenMemory)
        return memory.possible(list(sentences), block)

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


class ScreenMemory:
    """`ScreenedJudge.possible`'s answers for one analysis and judge, pair by pair: a new sentence's row
    and column are computed, not the whole matrix again (the rounds of a long brief's solve each ask
    about ~440 sentences, nearly all asked the round before). Up to POOL_LIMIT sentences, then afresh."""

    def __init__(self) -> None:
        # Replaced whole when it grows; in place only an unknown pair is filled in (a thread reads a
        # consistent pair, at worst one that computes a pair again).
        self.state: tuple[dict[int, int], np.ndarray] = ({}, np.zeros((0, 0), dtype=np.int8))

    def possible(self, sentences: list[int], block: Callable[[list[int], list[int]], np.ndarray]) -> np.ndarray:
        """The matrix for `sentences`, `block(rows, columns)` computing the pairs not known yet."""
        position, known = self.state
        asked = list(dict.fromkeys(sentences))
        new = [sentence for sentence in asked if sentence not in position]
        if len(position) + len(new) > POOL_LIMIT:
            position, known, new = {}, np.zeros((0, 0), dtype=np.int8), asked
        if new:
            position = {**position, **{sentence: len(position) + offset for offset, sentence in enumerate(new)}}
            grown = np.full((len(position), len(position)), UNKNOWN, dtype=np.int8)
            grown[: len(known), : len(known)] = known
            known = grown
        index = np.array([position[sentence] for sentence in asked])
        new += _stale(asked, set(new), position, known)
        fresh = set(new)
        old = [sentence for sentence in asked if sentence not in fresh]
        new_index, old_index = (np.array([position[s] for s in group], dtype=int) for group in (new, old))
        if new:
            known[np.ix_(new_index, index)] = block(new, asked)
            if old:
                known[np.ix_(old_index, new_index)] = block(old, new)
        self.state = (position, known)
        answer = {sentence: row for row, sentence in enumerate(asked)}
        rows = np.array([answer[sentence] for sentence in sentences])
        matrix: np.ndarray = known[np.ix_(index, index)][np.ix_(rows, rows)] == 1
        twice = rows[:, None] == rows[None, :]
        np.fill_diagonal(twice, False)
        matrix[twice] = True  # a sentence given twice, with itself: not screened
        return matrix


def _stale(asked: list[int], new: set[int], position: dict[int, int], known: np.ndarray) -> list[int]:
    """Known sentences to compute again, as if new: a few that cover every pair of known sentences never
    asked together (a sentence of an earlier brief against those of this solve's first round)."""
    old = [sentence for sentence in asked if sentence not in new]
    where = np.array([position[sentence] for sentence in old], dtype=int)
    unknown = known[np.ix_(where, where)] == UNKNOWN
    unknown |= unknown.T
    stale = []
    while unknown.any():  # the sentence in most such pairs first
        worst = int(unknown.sum(axis=1).argmax())
        stale.append(old[worst])
        unknown[worst, :] = unknown[:, worst] = False
    return stale


def same_fact_check(judge: CorroborationJudge) -> CorroborationJudge:
    """The judge the selection asks whether two chosen sentences report one fact, screened: the default
    judge's kind at `REDUNDANCY_THRESHOLD` (its listing threshold is for "also [n]") or at its own when a
    caller set that lower still (a looser judge is never made stricter), any other judge as it is (it
    decides on its own grounds)."""
    if type(judge) is FactJudge:
        judge = replace(judge, threshold=min(judge.threshold, REDUNDANCY_THRESHOLD))
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


def _exact_features(analysis: Analysis, rows: list[int], columns: list[int] | None = None) -> dict[str, np.ndarray]:
    """`pair_facts`' similarity, word-weight shares, length ratio and cluster flag, as matrices: [a, b]
    with `rows[a]` as the sentence and `columns[b]` (default: the rows) as the candidate."""
    columns = rows if columns is None else columns
    texts = [analysis.sentences[i].text for i in rows]
    stems = [content_stems(text) for text in texts]
    mains = [content_stems(main_clause(text)) for text in texts]
    other = stems if columns is rows else [content_stems(analysis.sentences[i].text) for i in columns]
    # Only a word that a sentence and another candidate both have adds to a pair's shared weight.
    words_of = {i: words | main for i, words, main in zip(rows, stems, mains)}
    words_of.update(zip(columns, other))
    spread = Counter(word for words in words_of.values() for word in words)
    in_rows = {word for i in rows for word in words_of[i]}
    column: dict[str, int] = {}
    for words in other:
        for word in words:
            if spread[word] > 1 and word in in_rows:
                column.setdefault(word, len(column))
    weights = word_weights(analysis)
    weight = np.array([weights.get(word, 0.0) for word in column])
    has, main_has, candidate_has = _indicator(stems, column), _indicator(mains, column), _indicator(other, column)
    candidate_matrix = candidate_has.T.astype(np.float64)
    both = (has * weight) @ candidate_matrix  # [a, b]: weight of the words a and b share
    main_both = (main_has * weight) @ candidate_matrix
    total = np.array([sum(weights.get(word, 0.0) for word in words) for words in stems])
    main_total = np.array([sum(weights.get(word, 0.0) for word in words) for words in mains])
    candidate_total = total if columns is rows else np.array([sum(weights.get(w, 0.0) for w in ws) for ws in other])
    covers_sentence = _divided(both, total[:, None])
    covers_candidate = _divided(both, candidate_total[None, :])
    counts = np.array([len(words) for words in stems], dtype=np.float64)
    candidate_counts = np.array([len(words) for words in other], dtype=np.float64)
    longer = np.maximum(counts[:, None], candidate_counts[None, :])
    clusters = np.array([analysis.cluster_of[i] for i in rows])
    candidate_clusters = np.array([analysis.cluster_of[i] for i in columns])
    return {
        "similarity": (analysis.embeddings[rows] @ analysis.embeddings[columns].T).astype(np.float64),
        "shared_words": np.maximum(covers_sentence, covers_candidate),
        "covers_sentence": covers_sentence,
        "covers_candidate": covers_candidate,
        "length_ratio": _divided(np.minimum(counts[:, None], candidate_counts[None, :]), longer),
        "in_cluster": (clusters[:, None] == candidate_clusters[None, :]).astype(np.float64),
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
    """[r, c]: row r has the word of column c (a word without a column is left out)."""
    matrix = np.zeros((len(rows), len(column)), dtype=bool)
    for row, words in enumerate(rows):
        matrix[row, [column[word] for word in words if word in column]] = True
    return matrix


def _divided(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, 0 where the denominator is 0 (as `pair_facts` takes an empty share)."""
    denominator = np.broadcast_to(denominator, numerator.shape)
    quotient: np.ndarray = np.divide(numerator, denominator, out=np.zeros(numerator.shape), where=denominator > 0)
    return quotient
