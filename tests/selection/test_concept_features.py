"""concept_features, computed over arrays of mentions, gives what a plain loop over the sentences
gives, bit for bit: the concept weights (and so every brief) do not depend on how they are computed."""

from __future__ import annotations

import random
from collections.abc import Sequence

import numpy as np

from summarize.records import Document, Sentence
from summarize.selection.concept_features import FEATURES, LEAD_SENTENCES, concept_features
from summarize.text.bigrams import STOP_WORDS, Concept, bigrams, stem


def _looped(
    documents: Sequence[Document],
    sentences: Sequence[Sentence],
    concepts: Sequence[set[Concept]],
    standalone: Sequence[float],
    min_documents: int,
) -> tuple[list[Concept], np.ndarray]:
    """The features as FEATURES defines them, one mention at a time (np.mean for every mean)."""
    articles = len(documents)
    by: dict[str, dict[Concept, list]] = {key: {} for key in ("documents", "lead", "first", "alone")}
    earliest: dict[Concept, dict[int, int]] = {}
    word_documents: dict[str, set[int]] = {}
    for sentence, found, alone in zip(sentences, concepts, standalone):
        for concept in found:
            by["documents"].setdefault(concept, []).append(sentence.document)
            by["alone"].setdefault(concept, []).append(alone)
            seen = earliest.setdefault(concept, {})
            seen[sentence.document] = min(seen.get(sentence.document, sentence.position), sentence.position)
            if sentence.position < LEAD_SENTENCES:
                by["lead"].setdefault(concept, []).append(sentence.document)
            if sentence.position == 0:
                by["first"].setdefault(concept, []).append(sentence.document)
            for word in concept:
                word_documents.setdefault(word, set()).add(sentence.document)
    titles = [set() if d.title_from_lead else bigrams(d.title) for d in documents]
    capitalised: dict[str, list[int]] = {}
    for sentence in sentences:
        for word in sentence.text.split()[1:]:
            word = "".join(c for c in word if c.isascii() and c.isalnum())
            if word and word.lower() not in STOP_WORDS:
                capitalised.setdefault(stem(word.lower()), []).append(word[0].isupper())
    kept = sorted(c for c, where in by["documents"].items() if len(set(where)) >= min_documents)
    rows = np.zeros((len(kept), len(FEATURES)))
    for row, concept in zip(rows, kept):
        content = [w for w in concept if w not in STOP_WORDS] or list(concept)
        mentions = len(set(by["documents"][concept]))
        alone_sum = 0.0
        for alone in by["alone"][concept]:
            alone_sum += float(alone)
        row[:] = (
            mentions / articles,
            np.log1p(mentions),
            np.log1p(len(by["alone"][concept])),
            len(set(by["lead"].get(concept, ()))) / articles,
            len(set(by["first"].get(concept, ()))) / articles,
            float(np.mean([1.0 / (1.0 + p) for p in earliest[concept].values()])),
            sum(concept in t for t in titles) / articles,
            float(np.mean([sum(w in {x for pair in t for x in pair} for t in titles) for w in content])) / articles,
            float(np.mean([len(word_documents[w]) for w in content])) / articles,
            float(any(w in STOP_WORDS for w in concept)),
            float(np.mean([np.mean(capitalised[w]) if w in capitalised else 0.0 for w in content])),
            float(any(w.isdigit() for w in concept)),
            alone_sum / len(by["alone"][concept]),
            np.log(articles),
        )
    return kept, rows


def _cluster(chooser: random.Random, articles: int) -> tuple[list[Document], list[Sentence]]:
    words = "Flood flood hit Dresden river Elbe rose 9 metres the of schools closed Rescuers town on Monday".split()
    documents, sentences = [], []
    for number in range(articles):
        titled = chooser.random() < 0.7
        title = " ".join(chooser.choices(words, k=4)) if titled else "Lead words"
        documents.append(Document(title, "", f"d{number}", title_from_lead=not titled))
        for position in range(chooser.randint(1, 9)):
            text = " ".join(chooser.choices(words, k=chooser.randint(3, 12))) + "."
            sentences.append(Sentence(number, 0, len(text), text, position))
    chooser.shuffle(sentences)  # in any order: a caller may pass a subset, or interleave articles
    return documents, sentences


def test_features_equal_a_plain_loop_bit_for_bit() -> None:
    chooser = random.Random(3)
    for trial in range(40):
        documents, sentences = _cluster(chooser, chooser.choice([1, 3, 12, 30]))
        concepts = [bigrams(s.text) for s in sentences]
        standalone = [chooser.choice([0.0, 0.35, 1.0, chooser.random()]) for _ in sentences]
        for min_documents in (1, 2):
            kept, rows = concept_features(documents, sentences, concepts, standalone, min_documents)
            expected_kept, expected_rows = _looped(documents, sentences, concepts, standalone, min_documents)
            assert kept == expected_kept
            assert rows.tobytes() == expected_rows.tobytes(), trial


def test_no_sentences_no_features() -> None:
    kept, rows = concept_features([Document("T", "", "d")], [], [], [], 1)
    assert kept == [] and rows.shape == (0, len(FEATURES))
