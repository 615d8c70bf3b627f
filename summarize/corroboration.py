"""Which other sources report the same fact as a brief sentence, and which report it differently.

A sentence of another source is *corroboration* ("also [4]") only when it reports the same main fact:
the same event or claim, by or about the same actors, at the same time, with no conflicting detail.
Being about the same topic is not enough; the same person in another statement, the same kind of
event on another day, or the other side's reaction to it are not corroboration. When two sources
report one event with different numbers or dates, that is a *disagreement* ("[3] gives 9,000 dead").

The judge sits behind a one-method protocol so tests and other judges (a cross-encoder) can stand
in. The default, `FactJudge`, combines the embedding similarity with what must agree: names, figures
(with their units), dates, and the content words that say what happened. Its few round parameters
were calibrated on a labelled set of pairs (`bench/corroboration/`, which measures it).

Candidates are the sentences of other sources in the brief sentence's cluster plus, since a fact is
sometimes worded differently enough to land in another cluster, the few most similar sentences of
other sources outside it. Copies of one story (`summarize.duplicates`) are never each other's
corroboration: a wire report run twice is one report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .dates import calendar
from .duplicates import story_numbers
from .facts import (
    alike,
    content_stems,
    date_conflicts,
    dates_in,
    figure_conflicts,
    names,
    quantities,
)
from .memo import LastAnalysisMemo
from .records import Analysis, Corroboration, Disagreement

# Sentences outside the cluster considered as candidates: at most this many, at least this similar.
OUTSIDE_CANDIDATES, OUTSIDE_SIMILARITY = 3, 0.5

_PER_ANALYSIS: LastAnalysisMemo = LastAnalysisMemo()


@dataclass(frozen=True)
class Verdict:
    """Whether the candidate reports the brief sentence's fact (`same`), and, when it reports the same
    event with another figure or date, what it gives instead (`conflicts`, in its own words)."""

    same: bool
    conflicts: tuple[str, ...] = ()


class CorroborationJudge(Protocol):
    def judge(self, analysis: Analysis, sentence: int, candidate: int) -> Verdict:
        """Sentence and candidate are indexes into `analysis.sentences`, from different sources."""
        ...


@dataclass(frozen=True)
class PairFacts:
    """What the default judge reads off a (sentence, candidate) pair."""

    similarity: float
    shared_words: float  # share of the shorter sentence's content words the other one has
    shared_names: float  # share of the sentence's names the candidate mentions (1.0 when it names none)
    conflicts: tuple[str, ...]  # the candidate's differing figures and dates, as it writes them


def _weekdays(analysis: Analysis) -> dict:
    return _PER_ANALYSIS.get(analysis, "weekdays", lambda: calendar([d.text for d in analysis.documents]).weekdays)


def pair_facts(analysis: Analysis, sentence: int, candidate: int) -> PairFacts:
    first, second = analysis.sentences[sentence].text, analysis.sentences[candidate].text
    similarity = float(analysis.embeddings[sentence] @ analysis.embeddings[candidate])
    words_first, words_second = content_stems(first), content_stems(second)
    shorter = min(len(words_first), len(words_second)) or 1
    shared_words = len(words_first & words_second) / shorter
    names_first, names_second = names(first), names(second)
    found = sum(any(alike(a, b) for b in names_second) for a in names_first)
    shared_names = found / len(names_first) if names_first else 1.0
    figures = figure_conflicts(quantities(first), quantities(second))
    dates = date_conflicts(dates_in(first), dates_in(second), _weekdays(analysis))
    conflicts = tuple(dict.fromkeys([f"gives {q.text}" for q in figures] + [f"says {d.text}" for d in dates]))
    return PairFacts(similarity, shared_words, shared_names, conflicts)


@dataclass(frozen=True)
class FactJudge:
    """Same fact: similar enough, sharing enough of the words and names, and no figure or date that
    differs. Very similar sentences need less shared wording (paraphrases share few words).
    Disagreement: the same event (similar, sharing names and words) with a differing figure or date."""

    similar: float = 0.7  # from here, with `shared` words, the same fact
    very_similar: float = 0.8  # from here, the same fact unless something conflicts
    shared: float = 0.4
    conflict_similar: float = 0.7  # a conflict counts as a disagreement from this similarity

    def judge(self, analysis: Analysis, sentence: int, candidate: int) -> Verdict:
        facts = pair_facts(analysis, sentence, candidate)
        if facts.conflicts:
            same_event = facts.similarity >= self.conflict_similar and facts.shared_words >= self.shared
            return Verdict(False, facts.conflicts if same_event else ())
        if facts.similarity >= self.very_similar:
            return Verdict(True)
        return Verdict(facts.similarity >= self.similar and facts.shared_words >= self.shared)


def candidates(analysis: Analysis, index: int) -> list[int]:
    """Other sources' sentences in the sentence's cluster, then the few most similar outside it;
    never a sentence of the same story (its own article or a copy of it)."""
    stories = _PER_ANALYSIS.get(analysis, "stories", lambda: story_numbers(analysis.documents))
    story = stories[analysis.sentences[index].document]
    members = set(analysis.clusters[analysis.cluster_of[index]].members)
    others = [i for i, s in enumerate(analysis.sentences) if stories[s.document] != story]
    similarity = analysis.embeddings[others] @ analysis.embeddings[index] if others else np.zeros(0)
    inside = [i for i in others if i in members]
    outside = sorted(
        (i for i, sim in zip(others, similarity) if i not in members and sim >= OUTSIDE_SIMILARITY),
        key=lambda i: (-float(analysis.embeddings[i] @ analysis.embeddings[index]), i),
    )[:OUTSIDE_CANDIDATES]
    return inside + outside


@dataclass(frozen=True)
class Evidence:
    also_in: tuple[Corroboration, ...]
    disagrees: tuple[Disagreement, ...]


def evidence(analysis: Analysis, index: int, judge: CorroborationJudge | None = None) -> Evidence:
    """The sentence's corroborations and disagreements, by source, most similar first within one."""
    judge = judge or FactJudge()
    also, differ = [], []
    for other in candidates(analysis, index):
        verdict = judge.judge(analysis, index, other)
        similarity = round(float(analysis.embeddings[other] @ analysis.embeddings[index]), 4)
        if verdict.same:
            also.append(Corroboration(analysis.sentences[other], similarity))
        elif verdict.conflicts:
            differ.append(Disagreement(analysis.sentences[other], similarity, "; ".join(verdict.conflicts)))

    def order(item: Corroboration | Disagreement) -> tuple:
        return (item.sentence.document, -item.similarity, item.sentence.start)

    return Evidence(tuple(sorted(also, key=order)), tuple(sorted(differ, key=order)))
