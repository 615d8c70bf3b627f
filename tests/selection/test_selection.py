"""The salience scores behind the greedy ranker and the order of every brief."""

import pytest

from summarize.pipeline import analyze
from summarize.selection.features import centrality, containment, support
from summarize.selection.salience import SalienceRanker


def test_scores_of_a_few_sentences_are_those_rows_of_all_the_scores(story, embedder):
    analysis = analyze(story, embedder)
    rows = [len(analysis.sentences) - 1, 0, 3]
    assert support(analysis, rows) == pytest.approx(support(analysis)[rows])
    assert SalienceRanker().scores(analysis, rows) == pytest.approx(SalienceRanker().scores(analysis)[rows])
    assert centrality(analysis, rows) == pytest.approx(centrality(analysis)[rows])
    assert list(containment(analysis, rows)) == [containment(analysis)[i] for i in rows]
    assert len(SalienceRanker().scores(analysis, [])) == 0
