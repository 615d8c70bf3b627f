"""A chosen sentence as the brief shows it: with the other sources that report its fact, or marked
as a development only its source reports."""

from __future__ import annotations

from ..clustering.developments import developments
from ..records import Analysis, BriefSentence
from .corroboration import CorroborationJudge, evidence


def brief_sentence(
    analysis: Analysis, index: int, score: float, judge: CorroborationJudge | None = None
) -> BriefSentence:
    """Sentence `index` as a brief shows it: with the other sources that report the same fact and
    those that give it another figure (see summarize.citations.corroboration), or marked as a
    development only its source reports (summarize.clustering.developments)."""
    found = evidence(analysis, index, judge)
    return BriefSentence(
        sentence=analysis.sentences[index],
        cluster=analysis.clusters[analysis.cluster_of[index]].id,
        score=round(score, 4),
        also_in=found.also_in,
        disagrees=found.disagrees,
        only_source=index in developments(analysis) and not found.also_in and not found.disagrees,
    )
