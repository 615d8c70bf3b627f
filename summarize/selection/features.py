"""What makes a sentence good brief material: cross-article support, centrality, lead
position, standing alone."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..records import MAX_SENTENCE_WORDS, MIN_SENTENCE_WORDS, Analysis, Sentence
from ..text.cues import (
    OPENING_QUOTES,
    asks_a_question,
    has_half_quote,
    is_attributed,
    opens_inside_quote,
    starts_dangling,
)
from ..text.story_copies import stories_of

HALF_QUOTE_FACTOR = 0.4


def self_containment(sentence: Sentence, document_text: str = "") -> float:
    """1.0 for a sentence that stands alone; less for one that leans on its neighbours."""
    text = sentence.text
    factor = 0.6 if document_text and opens_inside_quote(document_text, sentence) else 1.0
    if starts_dangling(text):
        factor *= 0.6
    if text[0] in OPENING_QUOTES and not is_attributed(text):
        factor *= 0.6  # an unattributed quote: who said it is in another sentence
    if has_half_quote(text):
        factor *= HALF_QUOTE_FACTOR  # half of a quote that spans sentences
    return factor


Rows = Sequence[int] | np.ndarray  # indexes of sentences in an analysis


def containment(analysis: Analysis, rows: Rows | None = None) -> np.ndarray:
    """`self_containment` of the sentences at `rows` (default: all) of an analysis."""
    texts = [d.text for d in analysis.documents]
    sentences = analysis.sentences if rows is None else [analysis.sentences[i] for i in rows]
    return np.array([self_containment(s, texts[s.document]) for s in sentences])


def eligible(sentence: Sentence) -> bool:
    """Whether a brief may hold the sentence: neither a fragment nor a run-on, and not a question the
    writer asks (a brief tells what happened)."""
    return MIN_SENTENCE_WORDS <= sentence.words <= MAX_SENTENCE_WORDS and not asks_a_question(sentence.text)


def row_indexes(analysis: Analysis, rows: Rows | None) -> np.ndarray:
    """The indexes `rows` of an analysis's sentences as an array (None: every sentence)."""
    return np.arange(len(analysis.sentences)) if rows is None else np.asarray(rows, dtype=int)


def support(analysis: Analysis, rows: Rows | None = None) -> np.ndarray:
    """How strongly the other articles report the content of each sentence at `rows` (default: all):
    the mean, over the other documents, of the best similarity to one of their sentences (0 when
    there is only one). Copies of one story count as one document: a wire report run twice does not
    support itself. Asking for a few rows is cheap; all of them costs an n-by-n product."""
    indexes = row_indexes(analysis, rows)
    owners, members = analysis.derived("selection.sentences_of_each_story", lambda: _sentences_of_each_story(analysis))
    document_count = len(members)
    if document_count < 2:
        return np.zeros(len(indexes))
    vectors = analysis.embeddings[indexes]
    best = np.zeros((len(indexes), document_count))
    for document, inside in enumerate(members):
        if len(inside):
            best[:, document] = (vectors @ analysis.embeddings[inside].T).max(axis=1)
    best[np.arange(len(indexes)), owners[indexes]] = 0.0
    supported: np.ndarray = np.clip(best, 0.0, None).sum(axis=1) / (document_count - 1)
    return supported


def _sentences_of_each_story(analysis: Analysis) -> tuple[np.ndarray, list[np.ndarray]]:
    """The story of each sentence, and each story's sentences (copies of one story are one story:
    compared pairwise, so worked out once per analysis)."""
    stories = stories_of(analysis)
    owners = np.array([stories[s.document] for s in analysis.sentences], dtype=int)
    return owners, [np.flatnonzero(owners == story) for story in range(len(set(stories)))]


def centrality(analysis: Analysis, rows: Rows | None = None) -> np.ndarray:
    """Cosine similarity of each sentence at `rows` (default: all) to the centroid of all sentences."""
    indexes = row_indexes(analysis, rows)
    centroid = analysis.embeddings.mean(axis=0)
    norm = np.linalg.norm(centroid)
    return analysis.embeddings[indexes] @ (centroid / norm) if norm else np.zeros(len(indexes))


def lead_bonus(sentence: Sentence) -> float:
    """News puts the key facts first."""
    bonus: float = 1.0 / np.sqrt(1.0 + sentence.position)
    return bonus
