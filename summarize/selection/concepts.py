"""Choose the sentences that together cover the most widely reported concepts (an exact ILP).

Gillick & Favre's concept model: maximise the summed weight of the distinct content-word bigrams the
brief covers, under the word budget. Counting each concept once makes redundancy costly by
construction; on top of that, at most one sentence per embedding cluster, and a small penalty for
sentences that lean on their context. A concept's weight is learned (summarize.selection.concept_model): the
share of human summaries expected to hold it, predicted from how the articles use it. Without a
model, it is the number of articles that mention it, plus bonuses for the articles that put it in
their lead or their headline (what sectioned briefs weigh by).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from ..records import Analysis
from ..text.bigrams import Concept, bigrams, content_words, document_frequency
from .base import Choice
from .concept_model import ConceptModel, shipped_model
from .concept_program import ConceptTable
from .features import containment, eligible
from .ilp import solve
from .salience import SalienceRanker

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

    def concept_weights(self, analysis: Analysis, concepts: list[set[Concept]], standalone: np.ndarray) -> dict[Concept, float]:
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
            "concept_ranker.sentences", lambda: (containment(analysis), [bigrams(s.text) for s in analysis.sentences])
        )
        key = ("concept_ranker.weights", self.min_documents, self.lead_weight, self.lead_sentences, self.title_weight, self.model)
        weights = analysis.derived(key, lambda: self.concept_weights(analysis, concepts, standalone))
        return Prepared(standalone, concepts, weights)

    def table(self, analysis: Analysis) -> ConceptTable:
        """The budget-free part of the program (summarize.selection.concept_program), computed once per
        analysis and weighting: a re-brief at another length only assembles and solves."""
        prepared = self.prepared(analysis)
        key = ("concept_ranker.table", self.min_documents, self.lead_weight, self.lead_sentences, self.title_weight, self.model)

        def build() -> ConceptTable:
            words = [s.words for s in analysis.sentences]
            usable = [eligible(s) and prepared.standalone[i] >= MIN_STANDALONE for i, s in enumerate(analysis.sentences)]
            return ConceptTable.build(words, usable, prepared.concepts, prepared.weights)

        return analysis.derived(key, build)

    def select(self, analysis: Analysis, budget: int) -> list[Choice]:
        """The chosen sentences, most important first. A length asked for before (the TUI's `-`
        after a `+`) is answered from what the analysis keeps, without solving again."""
        key = ("concept_ranker.choices", type(self), self.min_documents, self.lead_weight, self.lead_sentences, self.title_weight, self.model,
               self.one_per_cluster, self.context_penalty, self.time_limit, self.node_limit, self.candidate_pool, budget)
        return list(analysis.derived(key, lambda: self._solve(analysis, budget)))

    def _solve(self, analysis: Analysis, budget: int) -> list[Choice]:
        standalone, table = self.prepared(analysis).standalone, self.table(analysis)
        # Hundreds of articles: the program is solved over the likeliest `candidate_pool` sentences.
        candidates = table.candidates(budget, self.candidate_pool)
        # A sentence that leans on its context brings a reader only its `standalone` share of its
        # concepts (context_penalty 1). On the development set any penalty from 1 to 3 scored alike,
        # +0.2 ROUGE-1 and -2 over 0.5, with or without headlines.
        sentence_gain = -self.context_penalty * (1.0 - standalone[candidates]) * table.covered[candidates]
        groups: dict[int, list[int]] = {}
        for column, i in enumerate(candidates.tolist()):
            groups.setdefault(analysis.cluster_of[i], []).append(column)
        # One sentence per cluster: no two say the same thing.
        shared = [columns for columns in groups.values() if len(columns) > 1] if self.one_per_cluster else []
        program = table.program(candidates, budget, sentence_gain, shared)
        if program is None:
            return SalienceRanker().select(analysis, budget)  # nothing shared to cover: fall back
        solution = solve(program.gain, program.matrix, program.bounds, program.binary, self.time_limit, self.node_limit)
        if solution is None:
            return SalienceRanker().select(analysis, budget)
        chosen = [int(i) for i, x in zip(candidates, solution) if x > 0.5]
        salience = dict(zip(chosen, SalienceRanker().scores(analysis, chosen)))
        # Most important first: the order a news briefing is read and cut in.
        return [Choice(i, float(salience[i])) for i in sorted(chosen, key=lambda i: (-salience[i], i))]


def plain_concept_ranker() -> ConceptRanker:
    """Gillick & Favre's program as published, the reference our additions are measured against:
    document-frequency weights only (no lead or headline bonus, no learned weights), no penalty for
    leaning on context, any number of sentences per embedding cluster."""
    return ConceptRanker(lead_weight=0.0, title_weight=0.0, one_per_cluster=False, context_penalty=0.0, model=None)
