"""The articles' own words for a question's subject word that no article uses: "How many people
died?" on articles that say "killed" and "dead". The model the analysis was made with embeds the
question's word and each word of the articles; those within RELATED_SIMILARITY of it stand for it
(read by `summarize.sections.story`'s `subject`). Nothing is embedded when every subject word occurs."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ..embedding.base import Embedder
from ..records import Analysis
from ..text.bigrams import STOP_WORDS, content_tokens
from .questions import Question, names

# Cosine of two single words' embeddings: "died" and "killed" 0.79 (onnx) / 0.70 (static), "dead"
# 0.76 / 0.70, "death" 0.69 / 0.57; "football" and "ball" 0.64 / 0.49, "won" and "gave" 0.60 / 0.48.
RELATED_SIMILARITY = 0.68
# Two different words embedded (almost) alike are words the model cannot tell apart (both unknown
# to a static model's vocabulary, or a test's hashing fake), not words that mean the same.
INDISTINGUISHABLE = 0.98
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")


def _stem(word: str) -> str | None:
    stems = [token for token in content_tokens(word) if token not in STOP_WORDS]
    return stems[0] if len(stems) == 1 else None


def _article_words(analysis: Analysis) -> dict[str, str]:
    """Each content word of the articles' sentences (lower case) -> its stem, in first-seen order."""
    words: dict[str, str] = {}
    for sentence in analysis.sentences:
        for word in _WORD.findall(sentence.text):
            lower = word.lower()
            if lower not in words and (stem := _stem(lower)) is not None and len(stem) > 1:
                words[lower] = stem
    return words


def related_words(
    analysis: Analysis, questions: Sequence[Question], vocabulary: set[str], embedder: Embedder
) -> dict[str, frozenset[str]]:
    """Subject stem no article uses -> the stems of the articles' words that mean the same (only the
    stems with one; empty when every subject word occurs)."""
    surfaces: dict[str, str] = {}  # missing stem -> the question's own word for it
    for question in questions:
        for word in _WORD.findall(question.text):
            stem = _stem(word.lower())
            if stem in question.subject and not names(stem, vocabulary):
                surfaces.setdefault(stem, word.lower())
    if not surfaces:
        return {}
    article = analysis.derived("sections.article_words", lambda: _article_words(analysis))
    listed = list(article)

    def embedded() -> np.ndarray:
        vectors = np.asarray(embedder.embed(listed), dtype=np.float32) if listed else np.zeros((0, 1))
        normalized: np.ndarray = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
        return normalized

    vectors = analysis.derived(("sections.article_word_vectors", embedder.name), embedded)
    asked = np.asarray(embedder.embed(list(surfaces.values())), dtype=np.float32)
    asked /= np.maximum(np.linalg.norm(asked, axis=1, keepdims=True), 1e-9)
    related: dict[str, frozenset[str]] = {}
    for (stem, _), similarity in zip(surfaces.items(), asked @ vectors.T if listed else asked[:, :0]):
        close = frozenset(
            article[listed[i]]
            for i in np.flatnonzero((similarity >= RELATED_SIMILARITY) & (similarity < INDISTINGUISHABLE))
        )
        if close:
            related[stem] = close
    return related
