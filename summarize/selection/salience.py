"""The salience ranker: scores from `summarize.selection.features`, then a greedy choice,
most important first, within the word budget; no two sentences that report one fact (with the
corroboration judge the pipeline hands in, as the concept ranker's `same_fact`)."""

from __future__ import annotations

import numpy as np

from ..records import Analysis
from .base import Choice
from .features import Rows, centrality, containment, eligible, lead_bonus, row_indexes, support
from .same_fact import SameFact, reports_a_chosen_fact

# Two chosen sentences at least this similar say the same thing.
REDUNDANT_SIMILARITY = 0.7


def redundant(analysis: Analysis, chosen: list[int], index: int) -> bool:
    """Whether the sentence is too like one already chosen (REDUNDANT_SIMILARITY)."""
    return (
        bool(chosen) and float((analysis.embeddings[chosen] @ analysis.embeddings[index]).max()) >= REDUNDANT_SIMILARITY
    )


def greedy_select(
    analysis: Analysis, scores: np.ndarray, budget: int, same_fact: SameFact | None = None
) -> list[Choice]:
    """Best-scored first; one sentence per cluster, none too like a chosen one, within budget; with a
    `same_fact` judge, none that reports a chosen one's fact."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    used_clusters: set[int] = set()
    words = 0
    for index in order:
        sentence = analysis.sentences[index]
        if not eligible(sentence) or words + sentence.words > budget:
            continue
        if analysis.cluster_of[index] in used_clusters:
            continue
        if redundant(analysis, chosen, index):
            continue
        if same_fact is not None and reports_a_chosen_fact(analysis, chosen, index, same_fact):
            continue
        chosen.append(index)
        used_clusters.add(analysis.cluster_of[index])
        words += sentence.words
    return [Choice(index, float(scores[index])) for index in chosen]


class SalienceRanker:
    """Scores each sentence by cross-article support, centrality and lead position, then chooses
    greedily, most important first, the way a news briefing is read and cut."""

    name = "salience"

    def __init__(
        self,
        support_weight: float = 1.0,
        centrality_weight: float = 0.5,
        lead_weight: float = 0.4,
        same_fact: SameFact | None = None,
    ):
        self.support_weight = support_weight
        self.centrality_weight = centrality_weight
        self.lead_weight = lead_weight
        self.same_fact = same_fact  # the corroboration judge, handed in by the pipeline (a layer above)

    def scores(self, analysis: Analysis, rows: Rows | None = None) -> np.ndarray:
        """The score of each sentence at `rows` (default: all)."""
        indexes = row_indexes(analysis, rows)
        if not len(indexes):
            return np.zeros(0)
        base: np.ndarray = (
            self.support_weight * support(analysis, indexes)
            + self.centrality_weight * centrality(analysis, indexes)
            + self.lead_weight * np.array([lead_bonus(analysis.sentences[i]) for i in indexes])
        )
        scores: np.ndarray = base * containment(analysis, indexes)
        return scores

    def select(self, analysis: Analysis, budget: int) -> list[Choice]:
        return greedy_select(analysis, self.scores(analysis), budget, self.same_fact)
