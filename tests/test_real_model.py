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


def test_at_least_three_sentences_are_corroborated(sample_brief):
    corroborated = [item for item in sample_brief.sentences if item.also_in]
    assert len(corroborated) >= 3


def test_the_lead_fact_is_the_expulsion(sample_brief):
    first = sample_brief.sentences[0].sentence.text.lower()
    assert "expel" in first or "accreditation" in first


def test_also_means_the_same_fact_not_the_earlier_one(sample_brief):
    """NATO's 2021 cut "from 20 down to 10" is reported by other outlets; its 2018 cut "to 20 from
    30" is another event and must not be offered as corroboration."""
    halving = next(item for item in sample_brief.sentences if "down to 10" in item.sentence.text)
    assert len({c.sentence.document for c in halving.also_in}) >= 2
    assert not any("from 30" in c.sentence.text for c in halving.also_in)


def test_embeddings_are_unit_vectors_and_paraphrases_are_close():
    vectors = SentenceTransformerEmbedder().embed(
        ["NATO expelled eight Russian officials.", "Eight Russians were expelled by NATO.", "The cat sat on the mat."]
    )
    assert vectors.shape == (3, 384)
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-4
    assert vectors[0] @ vectors[1] > 0.8 > 0.2 > vectors[0] @ vectors[2]
