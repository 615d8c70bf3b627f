"""The shipped briefing prompt on the built-in sample, with the real model (marked `model`)."""

import re

import pytest

from summarize.inputs.documents import sample_documents
from summarize.pipeline import analyze, compose_brief
from summarize.sections.prompts import load_prompt


@pytest.fixture(scope="module")
def sample_analysis():
    from summarize.embedding.torch_model import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder()
    return analyze(sample_documents(), embedder), embedder


@pytest.mark.model
@pytest.mark.parametrize("words", [200, 250, 400])
def test_the_briefing_says_what_happens_next(sample_analysis, words):
    """When the decision takes effect, or what comes of it next: the briefing's "What happens next?"
    (before the question, at 200 and 250 words the room went to a sentence that repeats the halving)."""
    analysis, embedder = sample_analysis
    brief = compose_brief(analysis, words, prompt=load_prompt("briefing"), embedder=embedder)
    section = next(s for s in brief.sections if s.title == "What happened")
    happened = [brief.sentences[i].sentence.text for i in section.sentences]
    assert any(re.search(r"(into|take) effect|by November 1", text) for text in happened), happened
