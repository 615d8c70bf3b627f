"""The real model on the built-in sample (marked `model`: slower, run in CI too)."""

import json

import pytest

from summarize.embedding.torch_model import SentenceTransformerEmbedder
from summarize.inputs.documents import sample_documents
from summarize.output.render import to_json
from summarize.pipeline import BriefSettings, build_brief
from tests.test_pipeline import BOILERPLATE

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def sample_brief():
    return build_brief(sample_documents(), SentenceTransformerEmbedder(), BriefSettings(words=150))


def test_every_sentence_is_cited_verbatim_and_clean(sample_brief):
    data = json.loads(to_json(sample_brief))
    documents = sample_documents()
    assert 120 <= data["words"] <= 150
    for sentence in data["sentences"]:
        text = documents[sentence["source"] - 1].text
        assert " ".join(text[sentence["start"] : sentence["end"]].split()) == sentence["text"]
        assert not BOILERPLATE.search(sentence["text"])


def test_sentences_say_who_else_reports_them(sample_brief):
    """Corroborated ("also [n]"), or a development only its source reports ("only [n]"). Since the judge
    fitted on both tune files (2026-11-28: held out 96 % SAME at 21 % recall, precision first) the
    sample's brief keeps one "also" (Russia's observer mission, in [1] and [2]) beside Russia's suspension."""
    checked = [item for item in sample_brief.sentences if item.also_in or item.only_source]
    assert len(checked) >= 2 and any(item.also_in for item in sample_brief.sentences)


def test_the_lead_fact_is_the_expulsion(sample_brief):
    first = sample_brief.sentences[0].sentence.text.lower()
    assert "expel" in first or "accreditation" in first


def test_also_means_the_same_fact_not_the_earlier_one(sample_brief):
    """NATO's 2021 cut "from 20 down to 10" is reported by other outlets; its 2018 cut "to 20 from
    30" is another event and must not be offered as corroboration."""
    from summarize.citations.corroboration import FactJudge, evidence
    from summarize.pipeline import analyze

    halving = next(item for item in sample_brief.sentences if "down to 10" in item.sentence.text)
    assert not any("from 30" in c.sentence.text for c in halving.also_in)
    # A judge that lists more (a lower threshold) finds the 2021 cut in two other outlets, never the 2018 one.
    analysis = analyze(sample_documents(), SentenceTransformerEmbedder())
    index = next(i for i, s in enumerate(analysis.sentences) if s == halving.sentence)
    found = evidence(analysis, index, FactJudge(threshold=0.5)).also_in
    assert len({c.sentence.document for c in found}) >= 2
    assert not any("from 30" in c.sentence.text for c in found)


def test_embeddings_are_unit_vectors_and_paraphrases_are_close():
    vectors = SentenceTransformerEmbedder().embed(
        ["NATO expelled eight Russian officials.", "Eight Russians were expelled by NATO.", "The cat sat on the mat."]
    )
    assert vectors.shape == (3, 384)
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-4
    assert vectors[0] @ vectors[1] > 0.8 > 0.2 > vectors[0] @ vectors[2]


def test_russia_s_suspension_of_its_mission_is_in_the_brief_as_one_source_s(sample_brief):
    """Only source 4 reports it, in its headline and lead: the main answer to the expulsion."""
    suspension = [item for item in sample_brief.sentences if "suspending its mission" in item.sentence.text]
    assert len(suspension) == 1 and suspension[0].only_source and suspension[0].sentence.document == 3
    assert sum(item.only_source for item in sample_brief.sentences) == 1


@pytest.mark.parametrize("words", [350, 500, 600])
def test_the_suspension_keeps_its_place_in_longer_briefs(words):
    """The program gives the development a place; the idle rule must not take it back (it did at
    350-600 words, where other chosen sentences held its concepts)."""
    brief = build_brief(sample_documents(), SentenceTransformerEmbedder(), BriefSettings(words=words))
    assert [item.sentence.document for item in brief.sentences if item.only_source] == [3]


def test_a_focused_brief_gives_no_bare_he_said_after_another_speaker():
    from summarize.pipeline import analyze, compose_brief
    from summarize.selection.leaning import points_back

    embedder = SentenceTransformerEmbedder()
    analysis = analyze(sample_documents(), embedder)
    brief = compose_brief(analysis, 150, focus="How did Russia respond?", embedder=embedder)
    texts = [analysis.documents[item.sentence.document].text for item in brief.sentences]
    assert not any(points_back(item.sentence, text) for item, text in zip(brief.sentences, texts))
    assert any("suspending its mission" in item.sentence.text for item in brief.sentences)
