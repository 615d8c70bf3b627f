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


class _OneFactJudge:
    """A judge that calls one pair of sentences (by their openings) the same fact, either way round."""

    def __init__(self, *openings: str):
        self.openings = set(openings)

    def judge(self, analysis, sentence, candidate):
        from summarize.citations.corroboration import Verdict

        found = {o for o in self.openings for i in (sentence, candidate) if analysis.sentences[i].text.startswith(o)}
        return Verdict(found == self.openings and sentence != candidate)


def test_the_salience_method_keeps_two_sentences_of_one_fact_apart(story, embedder):
    from summarize.pipeline import compose_brief

    analysis = analyze(story, embedder)
    both = ("A powerful storm hit", "The storm cut power")  # of [1] and [3], not alike enough to be redundant

    def chosen(texts):
        texts = list(texts)
        return {opening for opening in both for text in texts if text.startswith(opening)}

    unjudged = SalienceRanker().select(analysis, 100)
    assert chosen(analysis.sentences[c.sentence].text for c in unjudged) == set(both)
    judge = _OneFactJudge(*both)
    for ranker in (SalienceRanker(same_fact=judge), SalienceRanker()):  # the pipeline hands its judge in
        brief = compose_brief(analysis, 100, ranker, judge=judge)
        assert len(chosen(item.sentence.text for item in brief.sentences)) == 1
