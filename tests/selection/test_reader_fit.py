"""Sentences a reader can use: none points back to what the brief has not said, no two report one fact."""

import numpy as np
import pytest

from summarize.citations.corroboration import FactJudge
from summarize.inputs.document import make_document
from summarize.inputs.documents import sample_documents
from summarize.pipeline import analyze, compose_brief
from summarize.records import Sentence
from summarize.sections.prompts import load_prompt
from summarize.selection.concepts import ConceptRanker
from summarize.selection.leaning import (
    STANDS_ALONE,
    Leaning,
    definite_noun,
    introduction_needed,
    leanings,
    opens_with_connective,
    opens_with_event,
    points_back,
    stands_in_section,
    stems,
    unnamed_speaker,
)
from summarize.selection.same_fact import same_fact_pairs
from summarize.selection.support import introduced_first, reading_order


def sentence(text: str) -> Sentence:
    return Sentence(0, 0, len(text), text, 3)


@pytest.mark.parametrize(
    "text",
    [
        "He said the alliance must be vigilant.",
        "“These actions, of course, do not allow us any illusions,” he said.",
        "“That’s because of the Russian behaviour,” Stoltenberg told reporters.",
        "This is the second expulsion in three years.",
        "Their mission will close by November.",
        '"We told everyone this levee would fail."',  # its speaker is in the sentence before
        "“We will not be intimidated.”",
    ],
)
def test_a_sentence_whose_subject_or_speaker_is_elsewhere_points_back(text):
    assert points_back(sentence(text), text)


@pytest.mark.parametrize(
    "text",
    [
        "“NATO’s actions do not allow us any illusions,” Peskov said.",
        "Russian Foreign Minister Sergey Lavrov said his country is suspending its mission to NATO.",
        "There were 30 people in the building, police said.",
        "“We will not be intimidated,” the mayor's office said.",
        'The word "crisis" was not used.',
    ],
)
def test_a_sentence_that_says_who_stands_alone(text):
    assert not points_back(sentence(text), text)


def test_a_definite_noun_that_names_nothing_else_points_back_loosely():
    assert definite_noun(sentence("The expulsion was the second of its sort in recent years.")) == "expuls"
    assert definite_noun(sentence("“This decision is not linked to any event,” Stoltenberg said.")) == "decis"
    assert not points_back(sentence("This decision is the second in three years."), "")
    assert definite_noun(sentence("The storm killed 30 people.")) is None  # a figure: it says something itself
    assert definite_noun(sentence("The downsizing of the Russia mission takes effect next month.")) is None


def test_an_event_noun_without_a_complement_stands_for_the_event_just_told():
    assert opens_with_event("The Kremlin’s response on Thursday came a day after NATO removed eight members.")
    assert opens_with_event("The move comes after months of tension.")
    assert not opens_with_event("The decision to expel them was taken Wednesday.")  # the complement says which
    assert not opens_with_event("The responses of 40 governments were published.")
    # Owned by a name in the possessive, with no "The" (one rule: the owner does not say which response).
    assert opens_with_event("Moscow's response came a day later.")
    assert opens_with_event("Russian President Vladimir Putin’s reaction was swift.")
    assert not opens_with_event("Russia's decision to suspend its mission came days later.")
    assert not opens_with_event("After Moscow's response, NATO met again.")  # a preposition's object


def test_a_sentence_that_opens_with_a_connective_needs_the_sentence_before_it(embedder):
    for text in (
        "“In fact, these prospects are almost completely undermined.”",
        "As a result, the harbour will at first take only small boats.",
        "But the move comes after months of tension.",
        "However, NATO said the door remained open.",
    ):
        assert opens_with_connective(text), text
    for alone in (
        "So far, 30 people have died.",
        "Andrew Smith said he left.",
        "Meanwhile, NATO met in Brussels.",
        "In addition, staff at NATO’s office in Moscow will be stripped of their accreditation.",
        "Moreover, the group apologised on Monday.",
        "Finally, the council voted to close the harbour.",  # the last step of a list: `closes_a_list`
    ):
        assert not opens_with_connective(alone), alone
    story = make_document(
        "Flights\n\nThe runway is short and has no lights.\n\n"
        "As a result, the airport will handle only daylight flights.\n\nThe airport opened on Tuesday.",
        "a.txt",
        "Flights",
    )
    analysis = analyze((story,), embedder)
    result = next(i for i, s in enumerate(analysis.sentences) if s.text.startswith("As a result"))
    assert leanings(analysis)[result] == Leaning(result - 1)  # right after the runway, not after any airport


def test_a_definite_unnamed_speaker_was_introduced_before():
    assert unnamed_speaker("“Policy remains consistent,” the NATO official told the Associated Press.") == "offici"
    assert unnamed_speaker("“Yes,” said the spokesman.") == "spokesman"
    assert unnamed_speaker("A NATO official said the policy remains consistent.") is None  # indefinite: new
    assert unnamed_speaker("“Yes,” said the spokesman, John Smith.") is None
    assert unnamed_speaker("“Yes,” NATO spokeswoman Oana Lungescu said.") is None


def test_an_unnamed_speaker_enters_only_right_after_the_sentence_that_introduces_them(embedder):
    analysis = analyze(
        (
            make_document(
                "A city official said the bridge would reopen on Friday.\n\n"
                "“Repairs went well,” the official told reporters.\n\n"
                "Traffic was light on the bypass all week.\n\n"
                "“We thank drivers,” the official said.",
                "a.txt",
                "Bridge",
            ),
        ),
        embedder,
    )
    needs = leanings(analysis)
    assert needs[1].previous == 0 and needs[1].strict
    assert needs[3].previous == -1  # the sentence before it does not introduce the official


def test_a_pronoun_in_an_article_s_first_sentence_can_never_enter(embedder):
    analysis = analyze(
        (
            make_document("He said the bridge would reopen on Friday after repairs.", "a.txt", "Bridge"),
            make_document("The bridge will reopen on Friday after repairs, the city said.", "b.txt", "Bridge"),
        ),
        embedder,
    )
    assert leanings(analysis)[0].previous == -1
    assert leanings(analysis)[1] == STANDS_ALONE


def test_each_sentence_follows_what_it_leans_on(embedder):
    analysis = analyze(
        (
            make_document(
                "The mayor of Portville spoke on Monday evening at the town hall.\n\n"
                "He said the flood barriers along the river held through the night.",
                "a.txt",
                "Mayor",
            ),
            make_document("Flood barriers along the river held, officials in Portville said.", "b.txt", "Barriers"),
        ),
        embedder,
    )
    he, mayor, other = 1, 0, 2
    assert leanings(analysis)[he].previous == mayor
    assert reading_order(analysis, [he, other, mayor]) == [other, mayor, he]


def test_no_brief_sentence_points_back_out_of_place(embedder):
    analysis = analyze(sample_documents(), embedder)
    needs = leanings(analysis)
    for words in (60, 100, 150, 250, 400):
        chosen = [analysis.sentences.index(item.sentence) for item in compose_brief(analysis, words).sentences]
        for place, index in enumerate(chosen):
            if needs[index].strict:
                assert place and chosen[place - 1] == needs[index].previous, analysis.sentences[index].text
            elif needs[index].noun is not None:
                assert (
                    any(needs[index].noun in stems(analysis)[i] or i == needs[index].previous for i in chosen[:place])
                    or needs[index].previous in chosen
                )


def test_the_old_program_let_sentences_point_back(embedder):
    """The rule changes something: without it, some brief of the sample has a sentence out of place."""
    analysis = analyze(sample_documents(), embedder)
    needs = leanings(analysis)
    ranker = ConceptRanker(reader_fit=False, development=False)
    out_of_place = 0
    for words in (60, 100, 150, 250, 400):
        chosen = [analysis.sentences.index(item.sentence) for item in compose_brief(analysis, words, ranker).sentences]
        out_of_place += sum(
            1
            for place, i in enumerate(chosen)
            if needs[i].strict and (not place or chosen[place - 1] != needs[i].previous)
        )
    assert out_of_place


def test_sections_take_a_bare_he_said_only_under_its_speaker_s_name(embedder):
    analysis = analyze(sample_documents(), embedder)
    he_said = next(i for i, s in enumerate(analysis.sentences) if s.text.startswith("“These actions, of course"))
    assert not stands_in_section(analysis, he_said, grouped_by_speaker=False)
    assert stands_in_section(analysis, he_said, grouped_by_speaker=True)
    brief = compose_brief(analysis, 150, focus="How did Russia respond?", embedder=embedder)
    assert all(
        not points_back(item.sentence, analysis.documents[item.sentence.document].text) for item in brief.sentences
    )
    briefing = compose_brief(analysis, 250, prompt=load_prompt("briefing"), embedder=embedder)
    assert briefing.sentences


def _introduced_before(analysis, chosen):
    """The chosen sentences that name their speaker by surname only with no sentence before them giving
    the speaker's given name."""
    words = stems(analysis)
    return [
        index
        for place, index in enumerate(chosen)
        if (given := introduction_needed(analysis, index)) is not None
        and not any(given in words[before] for before in chosen[:place])
    ]


def test_a_speaker_named_by_surname_only_comes_after_the_sentence_that_introduces_them(embedder):
    analysis = analyze(sample_documents(), embedder)
    peskov = next(i for i, s in enumerate(analysis.sentences) if "Peskov was quoted" in s.text)
    assert leanings(analysis)[peskov] == Leaning(None, "dmitri")  # "Dmitry Peskov" in other sentences
    briefs = [compose_brief(analysis, words) for words in (100, 250, 400, 600)]
    briefs += [
        compose_brief(analysis, words, focus=question, embedder=embedder)
        for words in (150, 400)
        for question in ("How did Russia respond?", "How did the world react?")
    ]
    for brief in briefs:
        chosen = [analysis.sentences.index(item.sentence) for item in brief.sentences]
        assert _introduced_before(analysis, chosen) == []
    assert any(peskov in [analysis.sentences.index(item.sentence) for item in brief.sentences] for brief in briefs)


def test_a_section_moves_a_surname_after_its_introduction_unless_an_earlier_section_gave_it(embedder):
    analysis = analyze(sample_documents(), embedder)
    peskov, introduction, other = (
        next(i for i, s in enumerate(analysis.sentences) if text in s.text)
        for text in ("Peskov was quoted", "spokesman Dmitry Peskov told", "Russia accuses NATO")
    )
    assert introduced_first(analysis, [peskov, other, introduction]) == [other, introduction, peskov]
    assert introduced_first(analysis, [peskov, other, introduction], before=[introduction]) == [
        peskov,
        other,
        introduction,
    ]
    assert introduced_first(analysis, [peskov, other]) == [peskov, other]  # no introduction to wait for


def test_a_section_keeps_every_sentence_and_only_one_that_stands_alone_introduces(embedder):
    # Lavrov's sentence gives "Dmitry Peskov" but itself waits for "Sergey": no introduction of Peskov
    # (the rule of `supporters`), so his quote keeps its place; Lavrov's comes after Sergey Lavrov's.
    texts = [
        "“We see no room for dialogue now,” Peskov said after the alliance met in Brussels.",
        "Lavrov said on Friday that he had spoken at length with Dmitry Peskov about the expulsions.",
        "Russian Foreign Minister Sergey Lavrov said Moscow would suspend its mission to the alliance.",
        "Kremlin spokesman Dmitry Peskov told reporters the decision was hostile.",  # his full name
    ]
    documents = [make_document(text, f"{n}.txt", f"Story {n}") for n, text in enumerate(texts)]
    analysis = analyze(documents, embedder)
    quote, spoken, introduction, peskov = (
        next(i for i, s in enumerate(analysis.sentences) if s.text == text) for text in texts
    )
    assert introduction_needed(analysis, quote) is not None and introduction_needed(analysis, spoken) is not None
    assert introduced_first(analysis, [quote, spoken, introduction]) == [quote, introduction, spoken]
    assert introduced_first(analysis, [quote, spoken, introduction, peskov]) == [introduction, spoken, peskov, quote]


def one_fact_twice():
    """Three sources, the first two reporting one fact in other words."""
    from tests.citations.test_corroboration import KeyedEmbedder, story

    analysis = analyze(
        story(
            "The storm flooded the harbour district of Portville on Monday.",
            "On Monday the storm flooded Portville's harbour district.",
            "The mayor opened shelters in every school of the town.",
        ),
        KeyedEmbedder(),
    )
    return analysis


def test_the_judge_s_same_fact_pairs_are_kept_apart():
    analysis = one_fact_twice()
    assert same_fact_pairs(analysis, [0, 1, 2], FactJudge()) == [(0, 1)]
    ranker = ConceptRanker(one_per_cluster=False, model=None, min_documents=1, same_fact=FactJudge())
    chosen = [analysis.sentences.index(item.sentence) for item in compose_brief(analysis, 40, ranker).sentences]
    assert not {0, 1} <= set(chosen)
    assert not same_fact_pairs(analysis, chosen, FactJudge())


def test_a_concept_ranker_built_without_a_judge_keeps_one_fact_once_as_the_default_does():
    from summarize.selection.registry import ranker_named

    analysis = one_fact_twice()
    for ranker in (ConceptRanker(one_per_cluster=False, model=None, min_documents=1), ranker_named("concepts")):
        chosen = [analysis.sentences.index(item.sentence) for item in compose_brief(analysis, 40, ranker).sentences]
        assert not same_fact_pairs(analysis, chosen, FactJudge())
        assert ranker.same_fact is None  # the caller's ranker is left as it was built


def test_one_source_telling_one_fact_twice_is_kept_apart_too():
    """Issue 13, item 5: no two brief sentences with one main fact, whatever their source."""
    from tests.citations.test_corroboration import KeyedEmbedder, story

    analysis = analyze(
        story(
            "The storm flooded the harbour district of Portville on Monday. "
            "The mayor opened shelters in every school of the town. "
            "On Monday the storm flooded Portville's harbour district.",
            "The storm is the third this year to reach the coast of Portville.",
        ),
        KeyedEmbedder(),
    )
    first, again = (
        next(i for i, s in enumerate(analysis.sentences) if s.text.startswith(text))
        for text in ("The storm flooded", "On Monday")
    )
    assert analysis.sentences[first].document == analysis.sentences[again].document
    everything = list(range(len(analysis.sentences)))
    assert same_fact_pairs(analysis, everything, FactJudge()) == [(first, again)]
    ranker = ConceptRanker(one_per_cluster=False, model=None, min_documents=1, same_fact=FactJudge())
    chosen = [analysis.sentences.index(item.sentence) for item in compose_brief(analysis, 60, ranker).sentences]
    assert not {first, again} <= set(chosen)


class _AskedJudge:
    """FactJudge, recording each (sentence, candidate) it is asked about."""

    def __init__(self):
        self.asked = []

    def judge(self, analysis, sentence, candidate):
        self.asked.append((sentence, candidate))
        return FactJudge().judge(analysis, sentence, candidate)


class _Screen(_AskedJudge):
    """A screen that lets through only the (row, column) positions it is given."""

    def __init__(self, through):
        super().__init__()
        self.through = through

    def possible(self, analysis, sentences):
        possible = np.zeros((len(sentences), len(sentences)), bool)
        for row, column in self.through:
            possible[row, column] = True
        return possible


def test_a_screen_spares_the_judge_the_pairs_it_rules_out_and_finds_the_same_pairs():
    analysis = one_fact_twice()
    nothing = _AskedJudge()
    assert same_fact_pairs(analysis, [0, 1, 2], nothing, _Screen([])) == []
    assert nothing.asked == []
    one_way = _AskedJudge()
    assert same_fact_pairs(analysis, [0, 1, 2], one_way, _Screen([(1, 0)])) == [(0, 1)]
    assert one_way.asked == [(1, 0)]  # only the direction let through
    everyone = _AskedJudge()
    assert same_fact_pairs(analysis, [2, 1, 0], everyone) == [(1, 0)]  # in the order chosen
    assert set(everyone.asked) >= {(2, 1), (1, 2), (2, 0), (0, 2), (1, 0)}
