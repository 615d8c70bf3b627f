"""The corroboration judge: what must agree for "also [n]" to be true, and what makes a disagreement."""

from dataclasses import dataclass

import numpy as np
import pytest

from summarize.citations.corroboration import FactJudge, Verdict, candidates, evidence
from summarize.citations.facts import (
    dates_in,
    figure_conflicts,
    figures_apart,
    looks_back,
    quantities,
    relative_times_differ,
    same_figure,
)
from summarize.inputs.document import make_document
from summarize.pipeline import analyze, compose_brief


def plain_facts(similarity: float, shared_words: float, covers_sentence: float, covers_candidate: float):
    """A pair's facts with no figure, date or name against it: only the four given overlaps vary."""
    from summarize.citations.pair_facts import PairFacts

    return PairFacts(
        similarity=similarity,
        shared_words=shared_words,
        covers_sentence=covers_sentence,
        covers_candidate=covers_candidate,
        figures=(),
        dates=(),
        other_figures=False,
        looks_back=False,
        same_detail=False,
        other_scope=False,
        new_names=0,
        missing_names=0,
        length_ratio=0.8,
        in_cluster=True,
        covers_main=covers_sentence,
    )


def test_quantities_read_figures_with_what_they_count():
    found = {q.text: q for q in quantities("The storm killed 9,000 people and cost $66 million; 2.5 million fled.")}
    assert set(found) == {"9,000 people", "$66 million", "2.5 million fled"}
    assert found["9,000 people"].value == 9000 and found["9,000 people"].unit == "people"
    assert found["$66 million"].value == 66e6 and found["$66 million"].unit == "$"
    assert quantities("NATO expelled eight Russian officials") and quantities("eight")[0].value == 8
    assert not quantities("In 2021, on October 7 at 10:30, one of them spoke.")  # years, days, times, "one"


def test_a_bound_the_other_figure_meets_is_the_same_figure():
    def first(text):
        return quantities(text)[0]

    assert same_figure(first("more than 10 years"), first("12 years"))
    assert same_figure(first("38 million voters"), first("38.5 million voters"))
    assert not same_figure(first("at least 15 people"), first("at least two people"))  # two counts
    assert not same_figure(first("at least 62 people"), first("at least 65 people"))  # two runs of a toll
    assert same_figure(first("at least 62 people"), first("more than 62 people"))
    assert not quantities("At 11 p.m. the storm turned.")  # a time of day is no count


def test_a_count_for_another_place_is_no_disagreement():
    analysis = analyze(
        story(
            "The storm killed at least 62 people throughout Europe, police said.",
            "The storm killed 32 people in Poland, police said.",
            "The storm killed at least 70 people in Europe, police said.",
        ),
        KeyedEmbedder(),
    )
    assert FactJudge().judge(analysis, 0, 1) == Verdict(False)
    assert FactJudge().judge(analysis, 0, 2).conflicts == ("gives 70 people",)


def test_rounding_is_not_a_different_figure():
    nearly, exact = quantities("nearly 200 dead")[0], quantities("197 dead")[0]
    assert same_figure(nearly, exact)
    assert not same_figure(quantities("$66 million")[0], quantities("$70 million")[0])
    assert same_figure(quantities("12 percent")[0], quantities("12.6 percent")[0])


def test_figures_conflict_only_for_the_same_count():
    ours = quantities("Gilbert hit Kingston with 115 mph winds.")
    assert [q.text for q in figure_conflicts(ours, quantities("Gilbert packed 110 mph winds."))] == ["110 mph"]
    assert not figure_conflicts(ours, quantities("Gilbert packed 115 mph winds and 3 inches of rain."))
    # a shared figure shows the others count other things
    charges = quantities("She pleaded guilty to seven charges, including two counts of conspiracy.")
    assert not figure_conflicts(charges, quantities("She pleaded guilty to seven of the nine counts."))


def test_an_earlier_cut_is_not_this_cut():
    now = "NATO halved Russia's mission, reducing the number of members it will accredit from 20 down to 10."
    then = "At the time, NATO also reduced the size of the Russian mission to 20 from 30 people."
    assert figures_apart(quantities(now), quantities(then))
    assert not figures_apart(quantities(now), quantities("NATO halved the positions Russia can accredit, to 10."))
    assert looks_back(then) and not looks_back(now)
    analysis = analyze(story(now, then), KeyedEmbedder())
    assert FactJudge().judge(analysis, 0, 1) == Verdict(False)


def test_dates_without_the_day_of_a_statement():
    assert [d.text for d in dates_in("Stoltenberg said on October 7 that NATO acted on Wednesday.")] == ["Wednesday"]
    # a dateline gives the day the report was filed, not the day of what it reports
    assert [d.text for d in dates_in("LUANDA, April 24 (Xinhua) -- The conference opens on April 29.")] == ["April 29"]


def test_another_relative_day_is_another_moment():
    assert relative_times_differ("Two weeks ago, the typhoon killed 74 people.", "Last week, the typhoon killed 74.")
    assert not relative_times_differ("Last week, the typhoon killed 74 people.", "Last week it killed 74.")
    assert not relative_times_differ("The typhoon killed 74 people.", "Last week, the typhoon killed 74 people.")
    assert looks_back("Earlier, the typhoon hit Taiwan.") and not looks_back("Earlier this week, Israel threatened ...")


@dataclass
class KeyedEmbedder:
    """Sentences with the same key word get the same vector: a controlled similarity."""

    name: str = "keyed"

    def embed(self, texts):
        keys = ["storm", "ferry", "mayor"]
        rows = [[float(key in t.lower()) for key in keys] + [0.1] for t in texts]
        return np.array([np.array(r) / np.linalg.norm(r) for r in rows])


def story(*articles):
    return tuple(make_document(text, f"a/{n}.txt", f"Title {n}") for n, text in enumerate(articles))


def index_of(analysis, text):
    return next(i for i, s in enumerate(analysis.sentences) if s.text.startswith(text))


def test_same_fact_is_corroboration_another_fact_is_not():
    analysis = analyze(
        story(
            "The storm flooded the harbour district of Portville on Monday.",
            "On Monday the storm flooded Portville's harbour district.",
            "The storm is the third this year to reach the coast of Portville.",
        ),
        KeyedEmbedder(),
    )
    judge = FactJudge()
    first = index_of(analysis, "The storm flooded")
    assert judge.judge(analysis, first, index_of(analysis, "On Monday")).same
    assert not judge.judge(analysis, first, index_of(analysis, "The storm is the third")).same


def test_another_day_is_another_event_not_a_disagreement():
    analysis = analyze(
        story(
            "The storm flooded the harbour district of Portville on Monday.",
            "The storm flooded the harbour district of Portville on Thursday.",
        ),
        KeyedEmbedder(),
    )
    assert FactJudge().judge(analysis, 0, 1) == Verdict(False)


def test_another_figure_for_the_same_event_is_a_disagreement():
    analysis = analyze(
        story(
            "The storm killed 15 people in the harbour district of Portville.",
            "The storm killed 17 people in the harbour district of Portville.",
        ),
        KeyedEmbedder(),
    )
    verdict = FactJudge().judge(analysis, 0, 1)
    assert not verdict.same and verdict.conflicts == ("gives 17 people",)
    found = evidence(analysis, 0)
    assert not found.also_in and [d.what for d in found.disagrees] == ["gives 17 people"]


def test_copies_of_one_story_never_corroborate_each_other():
    wire = (
        "The storm flooded the harbour district of Portville on Monday, officials said. Ferries stopped "
        "running and the mayor closed the schools for the rest of the week while crews cleared the roads."
    )
    analysis = analyze(
        story(wire, "Portville news. " + wire, "On Monday the storm flooded Portville's harbour."), KeyedEmbedder()
    )
    first = index_of(analysis, "The storm flooded")
    assert all(analysis.sentences[i].document == 2 for i in candidates(analysis, first))


class EveryoneAgrees:
    def judge(self, analysis, sentence, candidate):
        return Verdict(True)


def test_a_judge_can_be_passed_in():
    analysis = analyze(
        story(
            "The storm flooded the harbour district of Portville on Monday.",
            "The storm is the third this year to reach the coast of Portville.",
        ),
        KeyedEmbedder(),
    )
    trusting = compose_brief(analysis, 10, judge=EveryoneAgrees())
    careful = compose_brief(analysis, 10)
    assert [len(item.also_in) for item in trusting.sentences] == [1]
    assert [len(item.also_in) for item in careful.sentences] == [0]


@pytest.mark.parametrize("judge", [FactJudge(), EveryoneAgrees()])
def test_corroborations_come_from_other_sources(judge):
    analysis = analyze(
        story(
            "The storm flooded the harbour district of Portville on Monday.",
            "On Monday the storm flooded Portville's harbour district.",
        ),
        KeyedEmbedder(),
    )
    for index, sentence in enumerate(analysis.sentences):
        for other in evidence(analysis, index, judge).also_in:
            assert other.sentence.document != sentence.document


def test_the_learned_weights_read_known_features_and_more_agreement_is_more_likely():
    from dataclasses import replace

    from summarize.citations.corroboration import agreement, refused
    from summarize.citations.corroboration_weights import THRESHOLD, WEIGHTS
    from summarize.citations.pair_facts import FEATURES

    assert set(WEIGHTS) <= set(FEATURES) and 0 < THRESHOLD < 1
    facts = plain_facts(similarity=0.6, shared_words=0.3, covers_sentence=0.3, covers_candidate=0.2)
    closer = replace(facts, similarity=0.9, shared_words=0.8, covers_main=0.8)
    assert 0 < agreement(facts) < agreement(closer) < 1
    assert agreement(replace(closer, covers_main=0.0)) < agreement(closer)  # the main clause must agree most
    copy = replace(closer, similarity=0.97, shared_words=1.0, covers_main=1.0)  # a near copy is listed
    assert agreement(copy) >= THRESHOLD > agreement(replace(facts, similarity=0.3, shared_words=0.0))
    assert not refused(closer) and refused(replace(closer, dates=("says another day",)))


def test_another_fit_can_stand_in_for_the_shipped_weights():
    from summarize.citations.corroboration import SHIPPED_WEIGHTS, agreement
    from summarize.citations.corroboration_weights import INTERCEPT, WEIGHTS

    facts = plain_facts(similarity=0.7, shared_words=0.4, covers_sentence=0.4, covers_candidate=0.3)
    assert tuple(WEIGHTS.items()) == SHIPPED_WEIGHTS and FactJudge().intercept == INTERCEPT
    by_similarity = (("similarity", 10.0),)
    assert agreement(facts, by_similarity, -6.0) > 0.5 > agreement(facts, by_similarity, -8.0)  # 7 - 6 / 7 - 8
    assert agreement(facts, (("shared_words", 10.0),), -6.0) < 0.5  # another feature, another verdict


def test_a_figure_is_shown_in_words_a_reader_can_read():
    # the judge reads the figure as cut ("40 billion U"); the reader sees the whole phrase
    assert [q.shown for q in quantities("Japan pledged 40 billion U.S. dollars in aid.")] == ["40 billion U.S. dollars"]
    assert [q.text for q in quantities("Japan pledged 40 billion U.S. dollars in aid.")] == ["40 billion U"]
    assert [q.shown for q in quantities("The quake raised to 81 the number of people killed in the region.")] == [
        "81 as the number of people killed"
    ]
    assert [q.shown for q in quantities("It raised to 630 the number of people killed since May.")] == [
        "630 as the number of people killed"
    ]
    assert [q.shown for q in quantities("It cost 2.3 million U.S dollars.")] == ["2.3 million U.S dollars"]
    assert [q.shown for q in quantities("The storm killed 17 people.")] == ["17 people"]
    analysis = analyze(
        story(
            "The quake in the hills of Portville raised to 62 the number of people killed, police said.",
            "The quake in the hills of Portville raised to 81 the number of people killed, police said.",
        ),
        KeyedEmbedder(),
    )
    assert FactJudge().judge(analysis, 0, 1).conflicts == ("gives 81 as the number of people killed",)


def test_candidates_found_together_are_those_found_one_by_one_and_follow_the_rule():
    """One product finds the brief's candidates at once; a sentence's candidates must not depend on
    which others are found with it (a re-brief finds only the new ones), and must be the rule's: other
    stories' sentences outside the cluster at least OUTSIDE_SIMILARITY alike, the most similar first,
    the lower index first among equals (identical sentences in copies tie exactly)."""
    from dataclasses import replace

    from summarize.citations.corroboration import OUTSIDE_CANDIDATES, OUTSIDE_SIMILARITY, find_candidates
    from summarize.inputs.documents import sample_documents
    from summarize.text.story_copies import stories_of
    from tests.fakes import HashingEmbedder

    base = analyze(sample_documents(), HashingEmbedder())
    count = len(base.sentences)
    rng = np.random.default_rng(7)
    topics = rng.standard_normal((4, 32))
    vectors = topics[rng.integers(0, 4, count)] + 0.9 * rng.standard_normal((count, 32))
    vectors[1::9] = vectors[0]  # identical sentences: exact ties
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)

    def fresh():
        return replace(base, embeddings=vectors)

    stories = stories_of(base)
    story = [stories[s.document] for s in base.sentences]

    def by_rule(index: int) -> list[int]:
        members = base.clusters[base.cluster_of[index]].members
        inside = [i for i in sorted(members) if story[i] != story[index]]
        exact = vectors.astype(np.float64) @ vectors[index].astype(np.float64)
        similarity = exact.astype(np.float32).astype(np.float64)
        near = [
            i
            for i in range(count)
            if story[i] != story[index] and i not in members and similarity[i] >= OUTSIDE_SIMILARITY
        ]
        return inside + sorted(near, key=lambda i: (-similarity[i], i))[:OUTSIDE_CANDIDATES]

    together = fresh()
    find_candidates(together, rng.permutation(count).tolist())
    outside = 0
    for index in range(count):
        alone = candidates(fresh(), index)
        assert candidates(together, index) == alone == by_rule(index)
        outside += len(alone) - len(
            [i for i in base.clusters[base.cluster_of[index]].members if story[i] != story[index]]
        )
    assert outside > count  # the rule was exercised outside the clusters, not only inside
