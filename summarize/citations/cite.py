"""A chosen sentence as the brief shows it: with the other sources that report its fact."""

from __future__ import annotations

from ..records import Analysis, BriefSentence
from .corroboration import CorroborationJudge, evidence


def brief_sentence(
    analysis: Analysis, index: int, score: float, judge: CorroborationJudge | None = None
) -> BriefSentence:
    """Sentence `index` as a brief shows it: with the other sources that report the same fact and
    those that give it another figure (see summarize.citations.corroboration)."""
    found = evidence(analysis, index, judge)
    return BriefSentence(
        sentence=analysis.sentences[index],
        cluster=analysis.clusters[analysis.cluster_of[index]].id,
        score=round(score, 4),
        also_in=found.also_in,
        disagrees=found.disagrees,
    )
