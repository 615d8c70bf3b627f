"""The brief's same-fact check (issue 13, item 5): two chosen sentences that report one fact in other
words are kept apart even when the judge, at its listing threshold, would not list one as "also" for
the other; the listing stays as it was."""

from dataclasses import replace

import pytest

from summarize.citations.corroboration import FactJudge, agreement, evidence, refused
from summarize.citations.pair_facts import pair_facts
from summarize.citations.same_fact_screen import REDUNDANCY_THRESHOLD, ScreenedJudge, same_fact_check
from summarize.pipeline import analyze, compose_brief
from summarize.sections.prompts import load_prompt
from summarize.selection.concepts import ConceptRanker
from summarize.selection.same_fact import same_fact_pairs
from tests.citations.test_corroboration import KeyedEmbedder, index_of, story

FLOODED = "The storm flooded the harbour district of Portville on Monday."
RETOLD = "The storm flooded homes by the docks of Portville."  # the same flood, told with fewer shared words
SHELTERS = "The mayor opened shelters in every school of the town."


@pytest.fixture(scope="module")
def analysis():
    return analyze(story(FLOODED, RETOLD, SHELTERS), KeyedEmbedder())


def chosen(brief, analysis):
    return [analysis.sentences.index(item.sentence) for item in brief.sentences]


def test_the_retold_flood_is_between_the_two_thresholds(analysis):
    """The case the check is for: the judge scores the pair below its listing threshold and above the
    check's, either way round."""
    flooded, retold = index_of(analysis, FLOODED), index_of(analysis, RETOLD)
    for first, second in ((flooded, retold), (retold, flooded)):
        facts = pair_facts(analysis, first, second)
        assert not refused(facts)
        assert REDUNDANCY_THRESHOLD <= agreement(facts) < FactJudge().threshold


def test_the_check_calls_them_one_fact_and_the_listing_does_not(analysis):
    flooded, retold = index_of(analysis, FLOODED), index_of(analysis, RETOLD)
    everything = list(range(len(analysis.sentences)))
    assert same_fact_pairs(analysis, everything, same_fact_check(FactJudge())) == [(flooded, retold)]
    assert same_fact_pairs(analysis, everything, FactJudge()) == []
    assert evidence(analysis, flooded).also_in == ()  # "also [n]" unchanged: not listed


@pytest.mark.parametrize("words", [20, 40, 60])
def test_a_plain_brief_tells_the_flood_once(analysis, words):
    ranker = ConceptRanker(one_per_cluster=False, model=None, min_documents=1)
    picked = chosen(compose_brief(analysis, words, ranker), analysis)
    assert index_of(analysis, FLOODED) in picked or index_of(analysis, RETOLD) in picked
    assert not {index_of(analysis, FLOODED), index_of(analysis, RETOLD)} <= set(picked)


def test_a_prompted_brief_lists_also_with_the_listing_judge(analysis):
    """A sectioned brief keeps one fact once with the check but cites with the judge as it lists: the
    retold flood, one fact to the check, is no "also" for the flood."""
    ranker = ConceptRanker(one_per_cluster=False, model=None, min_documents=1)
    brief = compose_brief(analysis, 60, ranker, prompt=load_prompt("briefing"), embedder=KeyedEmbedder())
    flood = [item for item in brief.sentences if item.sentence.text in (FLOODED, RETOLD)]
    assert len(flood) == 1
    assert flood[0].also_in == ()


def test_the_check_is_the_judge_s_own_at_its_threshold():
    """The judge's weights and settings, at the check's threshold, screened; another kind of judge is
    asked as it is."""
    judge = FactJudge(same_event=1.3)
    check = same_fact_check(judge)
    assert isinstance(check, ScreenedJudge)
    assert check.inner == replace(judge, threshold=REDUNDANCY_THRESHOLD)

    class Stricter(FactJudge):
        pass

    assert same_fact_check(Stricter()) == Stricter()
