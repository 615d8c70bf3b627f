"""Hard-wrapped text: its paragraphs' line breaks made spaces, at the same offsets; text with one line a
paragraph, and a markdown file's front matter, left as they are."""

from __future__ import annotations

import textwrap

from summarize.inputs.document import make_document
from summarize.inputs.documents import read_documents, sample_documents
from summarize.inputs.linebreaks import unwrap
from summarize.pipeline import split_documents
from summarize.text.sentences import PunktSplitter
from tests.inputs.test_inputs import ARTICLE


def test_a_hard_wrapped_article_reads_as_whole_sentences_at_the_same_offsets(tmp_path):
    wrapped = "\n\n".join(textwrap.fill(paragraph, 40) for paragraph in ARTICLE.split("\n\n")) + "\n"
    path = tmp_path / "wrapped.txt"
    path.write_text(wrapped, encoding="utf-8")
    [document] = read_documents([path])
    assert len(document.text) == len(wrapped) and document.text.split() == wrapped.split()
    sentences = split_documents([document], PunktSplitter())
    expected = split_documents([make_document(ARTICLE, "a.txt")], PunktSplitter())
    assert [s.text for s in sentences] == [s.text for s in expected] and len(sentences) == 3
    for sentence in sentences:  # the offsets are the file's
        assert " ".join(wrapped[sentence.start : sentence.end].split()) == sentence.text


def test_a_hard_wrapped_markdown_file_keeps_its_front_matter(tmp_path):
    """Joined into one line ("--- title: ... ---"), the front matter titled the article and was shown as
    its text; it is kept as written, and only the article's own lines are joined."""
    wrapped = "\n\n".join(textwrap.fill(paragraph, 40) for paragraph in ARTICLE.split("\n\n")[1:])
    front = "---\ntitle: Storm batters the northern coast\nauthor: Staff\n---\n\n"
    path = tmp_path / "wrapped.md"
    path.write_text(front + wrapped + "\n", encoding="utf-8")
    [document] = read_documents([path])
    assert document.title == "Storm batters the northern coast"
    assert document.text.startswith(front)
    assert "A powerful storm hit the northern coast on Monday, forcing thousands" in document.text


def test_text_with_one_line_per_paragraph_is_left_as_it_is(story):
    for document in (*story, *sample_documents()):
        assert unwrap(document.text) == document.text
