"""Which other sources report the same fact as a brief sentence, and which report it differently.

A sentence of another source is *corroboration* ("also [4]") only when it reports the same main fact:
the same event or claim, by or about the same actors, at the same time, with no conflicting detail.
Being about the same topic is not enough; the same person in another statement, the same kind of
event on another day, or the other side's reaction to it are not corroboration. When two sources
report one event with different counts, that is a *disagreement* ("[3] gives 9,000 dead"); a
different day means another event, not a disagreement.

The judge sits behind a one-method protocol so tests and other judges (a cross-encoder) can stand
in. The default, `FactJudge`, combines the embedding similarity with what must agree: figures
(with their units), dates, and the content words that say what happened: rules refuse what cannot be
the same fact, then weights fitted on a labelled set of pairs (`bench/corroboration/`, which measures
it; `bench/corroboration_fit.py` fits them) decide the rest, precision first.

Candidates are the sentences of other sources in the brief sentence's cluster plus, since a fact is
sometimes worded differently enough to land in another cluster, the few most similar sentences of
other sources outside it. Copies of one story (`summarize.text.story_copies`) are never each other's
corroboration: a wire report run twice is one report.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from ..records import Analysis, Corroboration, Disagreement
from ..text.story_copies import stories_of
from .corroboration_weights import INTERCEPT, THRESHOLD, WEIGHTS
from .pair_facts import FEATURES, PairFacts, features, pair_facts

# Sentences outside the cluster considered as candidates: at most this many, at least this similar.
OUTSIDE_CANDIDATES, OUTSIDE_SIMILARITY = 3, 0.5

# A sentence that differs in more figures than this is another report (another moment), not a disagreement.
MOST_DIFFERING_FIGURES = 2


@dataclass(frozen=True)
class Verdict:
    """Whether the candidate reports the brief sentence's fact (`same`), and, when it reports the same
    event with another count, what it gives instead (`conflicts`, in its own words: "gives 17 people")."""

    same: bool
    conflicts: tuple[str, ...] = ()


class CorroborationJudge(Protocol):
    def judge(self, analysis: Analysis, sentence: int, candidate: int) -> Verdict:
        """Sentence and candidate are indexes into `analysis.sentences`, from different sources."""
        ...


@runtime_checkable
class ScreenedEvidence(CorroborationJudge, Protocol):
    """A judge that can say at once which of a sentence's candidates it could find anything in
    (summarize.citations.same_fact_screen): False means its verdict is certainly "not the same fact" with
    no disagreement, so `evidence` need not ask."""

    def evidence_possible(self, analysis: Analysis, sentence: int, candidates: Sequence[int]) -> np.ndarray: ...


def refused(facts: PairFacts) -> bool:
    """What no similarity makes the same fact: the candidate's figures or dates differ from the
    sentence's (another count, another day), each gives a figure the other lacks, or it tells an
    earlier event."""
    return bool(facts.figures or facts.dates or facts.other_figures or facts.looks_back)


SHIPPED_WEIGHTS = tuple(WEIGHTS.items())


def agreement(
    facts: PairFacts, weights: tuple[tuple[str, float], ...] = SHIPPED_WEIGHTS, intercept: float = INTERCEPT
) -> float:
    """How likely the pair reports one fact, from its features and the weights fitted on the labelled
    set (`summarize.citations.corroboration_weights`, written by bench/corroboration_fit.py): a probability."""
    values = features(facts)
    score = intercept + sum(weight * values[FEATURES.index(name)] for name, weight in weights)
    return 1.0 / (1.0 + math.exp(-score))


@dataclass(frozen=True)
class FactJudge:
    """A candidate reports the sentence's fact when the rules do not refuse it (`refused`) and its
    `agreement` reaches `threshold` (chosen on the labelled set for precision first).

    A pair whose similarity plus shared word weight (plus `same_detail` when both give one figure or
    exact date) reaches `same_event`, that names no other day and gives another number for the same
    count reports one event differently: a disagreement. A different date means another event (on the
    labelled set, date differences were nearly all another day's event), and two counts for different
    places or scopes (a regional toll and one island's) do not disagree either. With
    `named_disagreements_only` (the default), a disagreement is shown only when both sentences name
    someone or somewhere in common: fewer, surer (a figure told with no name leans on its article for
    what it counts; on the blind audit 9 of 11 flags right against 13 of 22 without it);
    `bench/disagreements/README.md` measures what it costs."""

    threshold: float = THRESHOLD
    same_detail: float = 0.2
    same_event: float = 1.1
    weights: tuple[tuple[str, float], ...] = SHIPPED_WEIGHTS  # (feature, weight): another fit can stand in
    intercept: float = INTERCEPT
    named_disagreements_only: bool = True

    def judge(self, analysis: Analysis, sentence: int, candidate: int) -> Verdict:
        facts = pair_facts(analysis, sentence, candidate)
        if facts.figures and not facts.dates:
            score = facts.similarity + facts.shared_words + (self.same_detail if facts.same_detail else 0.0)
            same_event = (
                score >= self.same_event
                and 0 < len(facts.disagreeing) <= MOST_DIFFERING_FIGURES
                and not facts.other_scope
                and (facts.share_a_name or not self.named_disagreements_only)
            )
            return Verdict(False, ("gives " + ", ".join(facts.disagreeing),) if same_event else ())
        if refused(facts):
            return Verdict(False)
        return Verdict(agreement(facts, self.weights, self.intercept) >= self.threshold)


def candidates(analysis: Analysis, index: int) -> list[int]:
    """Other sources' sentences in the sentence's cluster, then the few most similar outside it;
    never a sentence of the same story (its own article or a copy of it)."""
    find_candidates(analysis, [index])
    return list(_found(analysis)[index])


_FOUND = "corroboration.candidates"  # sentence -> its candidates, kept with the analysis

# The product that finds the sentences outside the cluster takes this many brief sentences at once
# (a block of 64 by 130,000 sentences is 33 MB), and lets through this much below the bar: float32
# products of unit vectors are within ~2e-5 of exact, and those let through are measured exactly: the
# ones that may reach the bar and may be among the OUTSIDE_CANDIDATES most similar.
_BLOCK, _MARGIN = 64, 1e-3


def find_candidates(analysis: Analysis, indexes: Sequence[int]) -> None:
    """The `candidates` of each of `indexes` not found before, with one matrix product for all of them
    (reading the embeddings once, not once a sentence). A sentence's candidates do not depend on the
    others found with it: the product only narrows the field, and each sentence let through is
    measured on its own, exactly (see `_similarities`)."""
    found = _found(analysis)
    new = [index for index in dict.fromkeys(indexes) if index not in found]
    story_of = analysis.derived("corroboration.story_of_each_sentence", lambda: _story_of_each_sentence(analysis))
    embeddings = analysis.embeddings
    for start in range(0, len(new), _BLOCK):
        block = new[start : start + _BLOCK]
        rough = embeddings[block] @ embeddings.T
        rough[story_of[None, :] == story_of[block][:, None]] = -1.0  # never the same story
        for row, index in enumerate(block):
            members = analysis.clusters[analysis.cluster_of[index]].members
            inside = [i for i in sorted(members) if story_of[i] != story_of[index]]
            rough[row, list(members)] = -1.0
            near = np.flatnonzero(rough[row] >= OUTSIDE_SIMILARITY - _MARGIN)
            if len(near) > OUTSIDE_CANDIDATES:  # only those that may be among the most similar
                third = np.partition(rough[row, near], -OUTSIDE_CANDIDATES)[-OUTSIDE_CANDIDATES]
                near = near[rough[row, near] >= third - 2 * _MARGIN]
            similarity = _similarities(embeddings, near, index)
            keep = similarity >= OUTSIDE_SIMILARITY
            near, similarity = near[keep], similarity[keep]
            outside = near[np.lexsort((near, -similarity))][:OUTSIDE_CANDIDATES]
            found.setdefault(index, tuple(inside + outside.tolist()))


def _found(analysis: Analysis) -> dict[int, tuple[int, ...]]:
    found: dict[int, tuple[int, ...]] = analysis.derived(_FOUND, dict)
    return found


def _similarities(embeddings: np.ndarray, rows: np.ndarray, index: int) -> np.ndarray:
    """Each row's cosine with the sentence, to float32 precision whatever else is computed beside it:
    the products of float32 values are exact in float64, and each row's sum is its own."""
    exact = (embeddings[rows].astype(np.float64) * embeddings[index].astype(np.float64)).sum(axis=1)
    rounded: np.ndarray = exact.astype(np.float32).astype(np.float64)
    return rounded


def _story_of_each_sentence(analysis: Analysis) -> np.ndarray:
    stories = stories_of(analysis)
    return np.array([stories[s.document] for s in analysis.sentences], dtype=np.int64)


@dataclass(frozen=True)
class Evidence:
    also_in: tuple[Corroboration, ...]
    disagrees: tuple[Disagreement, ...]


def evidence(analysis: Analysis, index: int, judge: CorroborationJudge | None = None) -> Evidence:
    """The sentence's corroborations and disagreements, by source, most similar first within one.
    Kept per analysis and judge: a re-brief at another length judges only the sentences new to it.
    The default judge is screened here (`same_fact_screen.screened`: its answers, unchanged, for fewer
    questions), so the key is its settings: `FactJudge()`, no judge and the pipeline's screened judge
    share one evidence, and a judge of other settings judges afresh."""
    from .same_fact_screen import screened  # it imports this module

    judge = screened(judge or FactJudge())
    key = ("corroboration.evidence", index, judge)
    try:
        hash(key)
    except TypeError:  # a judge that cannot be a key: judged afresh each time
        return _judged(analysis, index, judge)
    return analysis.derived(key, lambda: _judged(analysis, index, judge))


def _judged(analysis: Analysis, index: int, judge: CorroborationJudge) -> Evidence:
    also, differ = [], []
    found = candidates(analysis, index)
    # A screened judge is asked only about the candidates it could list or find a disagreement in: the
    # others' verdict is "different, no disagreement", which adds nothing.
    possible = judge.evidence_possible(analysis, index, found) if isinstance(judge, ScreenedEvidence) else None
    for position, other in enumerate(found):
        if possible is not None and not possible[position]:
            continue
        verdict = judge.judge(analysis, index, other)
        similarity = round(float(analysis.embeddings[other] @ analysis.embeddings[index]), 4)
        if verdict.same:
            also.append(Corroboration(analysis.sentences[other], similarity))
        elif verdict.conflicts:
            differ.append(Disagreement(analysis.sentences[other], similarity, "; ".join(verdict.conflicts)))

    def order(item: Corroboration | Disagreement) -> tuple[int, float, int]:
        return (item.sentence.document, -item.similarity, item.sentence.start)

    return Evidence(tuple(sorted(also, key=order)), tuple(sorted(differ, key=order)))
