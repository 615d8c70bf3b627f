"""Choose the sentences that together cover the most widely reported concepts (an ILP, solved exactly
up to 600 candidate sentences and within 1 % of its optimum above: summarize.selection.near_optimum).

Gillick & Favre's concept model: maximise the summed weight of the distinct content-word bigrams the
brief covers, under the word budget. Counting each concept once makes redundancy costly by
construction; on top of that, at most one sentence per embedding cluster, and a small penalty for
sentences that lean on their context. A concept's weight is learned (summarize.selection.concept_model): the
share of human summaries expected to hold it, predicted from how the articles use it. Without a
model, it is the number of articles that mention it, plus bonuses for the articles that put it in
their lead or their headline (what sectioned briefs weigh by).

A reader must be able to use every sentence (summarize.selection.leaning, .support, .same_fact; as rows by
summarize.selection.reader_rows):
one that points back enters only with what it leans on and is read right after it, no two report
one fact, and a single-source development
(summarize.clustering.developments) gets a place when one fits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np

from ..clustering.developments import developments
from ..records import MAX_SENTENCE_WORDS, Analysis
from ..text.bigrams import Concept, bigrams, content_words, document_frequency, sentence_tokens, token_bigrams
from .base import Choice
from .concept_model import ConceptModel, shipped_model
from .concept_program import ConceptTable, concept_program, concept_table
from .features import containment
from .leaning import leanings, stems
from .preselect import preselect
from .reader_rows import solve_for_reader
from .salience import SalienceRanker
from .same_fact import SameFact
from .support import reading_order, usable
from .top_up import top_up

# The integer program takes at most this many candidate sentences (a DUC cluster has at most ~560).
CANDIDATE_POOL = 1000


# A sentence with several reasons to lean on its context (an unattributed half of a quotation, say)
# is not brief material at all.
MIN_STANDALONE = 0.3


@dataclass(frozen=True)
class Prepared:
    standalone: np.ndarray  # `containment` of every sentence
    concepts: list[set[Concept]]  # every sentence's bigrams
    weights: dict[Concept, float]  # `ConceptRanker.concept_weights`


# An extra gain for each candidate sentence (rows of the analysis in, one number each out): how
# bench/concept_ablation.py measures sentence priors and a length reward without a second program.
SentenceGain = Callable[[Analysis, Prepared, list[int]], np.ndarray]


class ConceptRanker:
    name = "concepts"

    def __init__(
        self,
        min_documents: int = 2,
        lead_weight: float = 3.0,
        lead_sentences: int = 3,
        title_weight: float = 5.0,
        one_per_cluster: bool = True,
        context_penalty: float = 1.0,
        time_limit: float = 60.0,
        node_limit: int = 1000,
        candidate_pool: int = CANDIDATE_POOL,
        model: ConceptModel | Literal["shipped"] | None = "shipped",
        reader_fit: bool = True,
        development: bool = True,
        same_fact: SameFact | None = None,
        sentence_gain: SentenceGain | None = None,
    ) -> None:
        self.min_documents = min_documents
        self.lead_weight = lead_weight
        self.lead_sentences = lead_sentences
        self.title_weight = title_weight
        self.one_per_cluster = one_per_cluster
        self.context_penalty = context_penalty
        # The solver stops at a node count, which is the same on every machine: a wall-clock limit hit
        # on a loaded machine would change the brief. Development programs need at most ~30 nodes and
        # 2 s; the time limit is a last guard for a pathological program.
        self.time_limit = time_limit
        self.node_limit = node_limit
        self.candidate_pool = candidate_pool
        # Learned concept weights (summarize.selection.concept_model); None: article counts and the bonuses above.
        self.model = shipped_model() if model == "shipped" else model
        # Sentences a reader can use (summarize.selection.leaning): none that points back to what the brief has
        # not said, no two that report one fact. A single-source development (summarize.clustering.developments)
        # gets a place when one fits.
        self.reader_fit = reader_fit
        self.development = development
        self.same_fact = same_fact  # the corroboration judge, handed in by the pipeline (a layer above)
        self.sentence_gain = sentence_gain

    def concept_weights(
        self, analysis: Analysis, concepts: list[set[Concept]], standalone: np.ndarray
    ) -> dict[Concept, float]:
        """Concepts that at least `min_documents` articles mention, with their weights.

        With a learned `model`, a weight is the model's prediction from the concept's features.

        Copies of one wire story count once each here, as in Gillick & Favre: on the development
        set, counting them as one story lost 0.2 ROUGE-1 and 0.17 ROUGE-2. They still never appear
        twice in a brief (one sentence per cluster) and count once in `support`."""
        threshold = min(self.min_documents, len(analysis.documents))
        if self.model is not None:
            return self.model.weights(analysis.documents, analysis.sentences, concepts, standalone, threshold)
        documents = [s.document for s in analysis.sentences]
        frequency = document_frequency(concepts, documents)
        lead = [c if s.position < self.lead_sentences else set() for c, s in zip(concepts, analysis.sentences)]
        lead_frequency = document_frequency(lead, documents)
        # A title made from the lead repeats the lead: it earns no headline bonus.
        titles = [set() if d.title_from_lead else bigrams(d.title) | content_words(d.title) for d in analysis.documents]
        title_frequency = document_frequency(titles, range(len(analysis.documents)))
        return {
            concept: count
            + self.lead_weight * lead_frequency.get(concept, 0)
            + self.title_weight * title_frequency.get(concept, 0)
            for concept, count in frequency.items()
            if count >= threshold
        }

    def prepared(self, analysis: Analysis) -> Prepared:
        """What does not depend on the budget, computed once for the analysis and shared by rankers
        (shells make one per call): a shell re-briefing at every length change pays only for the
        integer program. The weights are kept for each setting of the weighting parameters."""
        standalone, concepts = analysis.derived(
            "concept_ranker.sentences",
            lambda: (containment(analysis), [token_bigrams(tokens) for tokens in sentence_tokens(analysis)]),
        )
        key = (
            "concept_ranker.weights",
            self.min_documents,
            self.lead_weight,
            self.lead_sentences,
            self.title_weight,
            self.model,
        )
        weights = analysis.derived(key, lambda: self.concept_weights(analysis, concepts, standalone))
        return Prepared(standalone, concepts, weights)

    def candidates(self, analysis: Analysis, prepared: Prepared, table: ConceptTable, budget: int) -> list[int]:
        """The sentences the program chooses among: eligible, within the budget, standing alone enough
        and usable by a reader; at most `candidate_pool` of them."""
        fits = table.eligible & (table.words <= budget) & (prepared.standalone >= MIN_STANDALONE)
        candidates: list[int] = np.flatnonzero(fits).tolist()
        if self.reader_fit:
            candidates = usable(analysis, candidates)
        if len(candidates) > self.candidate_pool:  # hundreds of articles: solve over the likeliest
            kept = preselect(table.covered[candidates], table.words[candidates], self.candidate_pool)
            candidates = [candidates[k] for k in kept]
        return candidates

    def select(self, analysis: Analysis, budget: int) -> list[Choice]:
        prepared = self.prepared(analysis)
        standalone = prepared.standalone
        table = concept_table(analysis, prepared.concepts, prepared.weights)
        settings = (min(budget, MAX_SENTENCE_WORDS), self.reader_fit, self.candidate_pool)
        candidates = table.candidates(settings, lambda: self.candidates(analysis, prepared, table, budget))
        # A sentence that leans on its context brings a reader only its `standalone` share of its
        # concepts (context_penalty 1). On the development set any penalty from 1 to 3 scored alike,
        # +0.2 ROUGE-1 and -2 over 0.5, with or without headlines.
        extra = self.sentence_gain(analysis, prepared, candidates) if self.sentence_gain else np.zeros(len(candidates))
        gains = -self.context_penalty * (1.0 - standalone[candidates]) * table.covered[candidates] + extra
        program = concept_program(table, candidates, gains, budget)
        if program is None:
            return self.fallback(analysis, budget)  # nothing shared to cover
        n = len(candidates)
        if self.one_per_cluster:
            groups: dict[int, list[int]] = {}
            for column, i in enumerate(candidates):
                groups.setdefault(analysis.cluster_of[i], []).append(column)
            for columns in groups.values():
                if len(columns) > 1:  # one sentence per cluster: no two say the same thing
                    program.at_most(dict.fromkeys(columns, 1.0), 1.0)
        limits = (self.time_limit, self.node_limit)
        if self.reader_fit:
            solution = solve_for_reader(
                program,
                analysis,
                list(enumerate(candidates)),
                limits,
                development=self.development,
                judge=self.same_fact,
            )
        else:
            solution = program.solve(*limits)
        if solution is None:
            return self.fallback(analysis, budget)
        chosen = without_idle(
            analysis,
            [candidates[c] for c in range(n) if solution[c] > 0.5],
            dict(zip(candidates, gains)),
            prepared,
            kept_anyway=developments(analysis) if self.reader_fit and self.development else frozenset(),
        )
        salience = dict(zip(chosen, SalienceRanker().scores(analysis, chosen)))
        # Most important first: the order a news briefing is read and cut in; a sentence that leans on
        # another right after it.
        ranked = sorted(chosen, key=lambda i: (-salience[i], i))
        if self.reader_fit:
            ranked = reading_order(analysis, ranked)
        return [Choice(i, float(salience[i])) for i in ranked]

    def fallback(self, analysis: Analysis, budget: int) -> list[Choice]:
        """The salience method's brief, for articles that share nothing to cover (unrelated stories),
        under the same reader rules: a sentence whose support it did not choose goes ("Peskov said ..."
        without "Kremlin spokesman Dmitry Peskov"), and each comes after what it leans on."""
        choices = SalienceRanker(same_fact=self.same_fact).select(analysis, budget)
        if not self.reader_fit:
            return choices
        kept = [choice.sentence for choice in choices]
        while (fit := usable(analysis, kept)) != kept:  # a sentence that goes may have supported another
            kept = fit
        score = {choice.sentence: choice.score for choice in choices}
        return [Choice(i, score[i]) for i in reading_order(analysis, kept)]

    def top_up(self, analysis: Analysis, choices: list[Choice], budget: int) -> list[Choice]:
        """`choices` (from `select`) with the room the program left filled (summarize.selection.top_up),
        for a reader-fit ranker; unchanged otherwise (the plain program is measured as published)."""
        return top_up(analysis, choices, budget, self.same_fact) if self.reader_fit else choices


def without_idle(
    analysis: Analysis,
    chosen: list[int],
    gains: dict[int, float],
    prepared: Prepared,
    kept_anyway: frozenset[int] = frozenset(),
) -> list[int]:
    """`chosen` less the sentences worth nothing in it: no gain of their own, every weighted concept
    they hold held by another chosen sentence, and no other chosen sentence leaning on them (as the
    sentence before it, or for the noun it needs). The program is indifferent to such sentences and
    a solver may return them when the budget outlasts the concepts; that room is the top-up's
    (summarize.selection.top_up). A sentence of `kept_anyway` stays: the single-source development
    the reader's rows gave a place is worth its place whatever its concepts."""
    needs, words = leanings(analysis), stems(analysis)
    kept = list(chosen)
    # Counted over the kept sentences, so that a long brief's hundreds of sentences are not each
    # checked against all the others: how many hold each concept, and how many name each needed noun.
    holding = Counter(concept for i in kept for concept in prepared.concepts[i])
    nouns = {needs[j].noun for j in kept} - {None}
    naming = Counter(noun for k in kept for noun in nouns & words[k])
    leaning_on: dict[int | str | None, list[int]] = {}  # a sentence, or a noun, and who needs it
    for j in kept:
        leaning_on.setdefault(needs[j].previous, []).append(j)
        leaning_on.setdefault(needs[j].noun, []).append(j)

    def leaned_on(i: int) -> bool:  # as the sentence before another, or as the only one naming its noun
        if any(j != i and j in present for j in leaning_on.get(i, ())):
            return True
        return any(
            j != i and j in present and naming[noun] == 1 + (noun in words[j])
            for noun in nouns & words[i]
            for j in leaning_on[noun]
        )

    present = set(kept)
    removed = True
    while removed:  # until none is left: each removal may free another
        removed = False
        for i in sorted(kept, reverse=True):  # an article's later sentences first: they free the ones before
            if gains[i] > 0 or i in kept_anyway or leaned_on(i):
                continue
            if all(holding[c] > 1 or prepared.weights.get(c, 0.0) <= 0 for c in prepared.concepts[i]):
                kept.remove(i)
                present.discard(i)
                holding.subtract(prepared.concepts[i])
                naming.subtract(nouns & words[i])
                removed = True
    return kept


def plain_concept_ranker() -> ConceptRanker:
    """Gillick & Favre's program as published, the reference our additions are measured against:
    document-frequency weights only (no lead or headline bonus, no learned weights), no penalty for
    leaning on context, any number of sentences per embedding cluster."""
    return ConceptRanker(
        lead_weight=0.0,
        title_weight=0.0,
        one_per_cluster=False,
        context_penalty=0.0,
        model=None,
        reader_fit=False,
        development=False,
    )
