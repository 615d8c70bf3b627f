"""Copies of one story (one wire report run by two outlets): found, never their own support, briefed
once and cited for what they say (moved from tests/inputs/test_inputs.py, unchanged)."""

from __future__ import annotations

import pytest

from summarize.inputs.document import make_document
from summarize.inputs.documents import sample_documents
from summarize.output.render import to_dict, to_markdown
from summarize.pipeline import analyze, compose_brief
from summarize.selection.features import support
from summarize.text.story_copies import duplicate_of, story_numbers


def copy_of(text: str) -> str:
    """The same wire report as another outlet runs it: its own headline, the last paragraph cut."""
    paragraphs = text.split("\n\n")
    return "\n\n".join(["Storm batters the north, thousands leave", *paragraphs[:-1]])


def test_copies_of_a_story_are_found_and_independent_reports_are_not(story):
    documents = (*story, make_document(copy_of(story[0].text), "copy.txt"), make_document(story[1].text, "again.txt"))
    assert duplicate_of(documents) == (None, None, None, 0, 1)
    assert story_numbers(documents) == (0, 1, 2, 0, 1)
    assert duplicate_of(tuple(sample_documents())) == (None,) * 5  # five outlets, five reports


def test_a_copy_does_not_support_itself(story, embedder):
    alone = analyze(story, embedder)
    doubled = analyze((*story, make_document(copy_of(story[0].text), "copy.txt")), embedder)
    count = len(alone.sentences)  # the copy's sentences come after the originals'
    assert support(doubled)[:count] == pytest.approx(support(alone))


def test_a_copy_is_summarized_once_and_cited_for_what_it_says(story, embedder):
    copy = make_document(copy_of(story[0].text), "copy.txt")
    brief = compose_brief(analyze((*story, copy), embedder), 80)
    texts = [" ".join(item.sentence.text.lower().split()) for item in brief.sentences]
    assert len(texts) == len(set(texts)) and len({item.cluster for item in brief.sentences}) == len(texts)
    cited = [{item.sentence.document} | {c.sentence.document for c in item.also_in} for item in brief.sentences]
    assert any(0 in sources for sources in cited)
    for item, sources in zip(brief.sentences, cited):
        other_telling = {0: 3, 3: 0}.get(item.sentence.document)
        if other_telling is not None:  # a copy never corroborates its own story
            assert other_telling not in sources
        else:  # another source's sentence: the copy is named wherever the original is, and the other way round
            assert (0 in sources) == (3 in sources)
    assert "4. Storm batters the north, thousands leave — `copy.txt` (the same story as [1])" in to_markdown(brief)
    assert to_dict(brief)["sources"][3] == {"id": 4, "title": copy.title, "path": "copy.txt", "duplicate_of": 1}
