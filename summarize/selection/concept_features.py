"""Generic features of a cluster's concepts (content-word bigrams), for learned concept weights.

Every feature describes how the articles use a bigram, never which words it holds: how many articles
mention it, how early, in a lead or a headline, how often, whether its words are stop words, names or
numbers, and how self-contained its sentences are. A model over these features transfers to news on
other topics (Li, Qian & Liu 2013; Hong & Nenkova 2014); one that weighed particular words would not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ..records import Document, Sentence
from ..text.bigrams import STOP_WORDS, Concept, bigrams, stem

FEATURES = (
    "document_share",  # articles that mention it / articles
    "log_documents",  # log(1 + articles that mention it)
    "log_sentences",  # log(1 + sentences that mention it)
    "lead_share",  # articles that mention it in their first LEAD_SENTENCES sentences / articles
    "first_share",  # articles that mention it in their first sentence / articles
    "earliest",  # mean over the articles that mention it of 1 / (1 + position of its first mention)
    "title_share",  # articles whose headline has the bigram / articles
    "title_word_share",  # mean over its content words of: articles whose headline has the word / articles
    "word_share",  # mean over its content words of: articles that mention the word / articles
    "stop_word",  # 1 when one of its two words is a stop word
    "capitalised",  # share of its content words written capitalised inside sentences (names)
    "number",  # 1 when one of its words is a number
    "standalone",  # mean self-containment of the sentences that mention it
    "log_articles",  # log(articles in the cluster): lets the other features scale with cluster size
)
LEAD_SENTENCES = 3
_CASED_WORD = re.compile(r"[A-Za-z0-9]+")


def _capitalised_share(sentences: Sequence[Sentence]) -> dict[str, float]:
    """For each stemmed content word, how often it is written capitalised when not opening a sentence."""
    capitalised: dict[str, int] = {}
    seen: dict[str, int] = {}
    for sentence in sentences:
        for word in _CASED_WORD.findall(sentence.text)[1:]:
            lower = word.lower()
            if lower in STOP_WORDS:
                continue
            token = stem(lower)
            seen[token] = seen.get(token, 0) + 1
            capitalised[token] = capitalised.get(token, 0) + word[0].isupper()
    return {token: capitalised[token] / count for token, count in seen.items()}


def concept_features(
    documents: Sequence[Document],
    sentences: Sequence[Sentence],
    concepts: Sequence[set[Concept]],
    standalone: Sequence[float] | np.ndarray,
    min_documents: int = 1,
) -> tuple[list[Concept], np.ndarray]:
    """The bigrams that at least `min_documents` articles mention (sorted) and their feature rows
    (columns in the order of FEATURES). `concepts` and `standalone` are each sentence's bigrams and
    self-containment."""
    articles = len(documents)
    mentioned_by: dict[Concept, set[int]] = {}
    lead: dict[Concept, set[int]] = {}
    first: dict[Concept, set[int]] = {}
    earliest: dict[Concept, dict[int, int]] = {}
    sentence_count: dict[Concept, int] = {}
    standalone_sum: dict[Concept, float] = {}
    word_documents: dict[str, set[int]] = {}
    for sentence, sentence_concepts, alone in zip(sentences, concepts, standalone):
        document, position = sentence.document, sentence.position
        for concept in sentence_concepts:
            mentioned_by.setdefault(concept, set()).add(document)
            first_seen = earliest.setdefault(concept, {})
            first_seen[document] = min(first_seen.get(document, position), position)
            sentence_count[concept] = sentence_count.get(concept, 0) + 1
            standalone_sum[concept] = standalone_sum.get(concept, 0.0) + float(alone)
            if position < LEAD_SENTENCES:
                lead.setdefault(concept, set()).add(document)
                if position == 0:
                    first.setdefault(concept, set()).add(document)
            for word in concept:
                word_documents.setdefault(word, set()).add(document)
    titles = [bigrams(d.title) for d in documents]
    title_words: dict[str, int] = {}
    for title in titles:
        for word in {w for pair in title for w in pair}:
            title_words[word] = title_words.get(word, 0) + 1
    capitalised = _capitalised_share(sentences)
    kept = sorted(c for c, where in mentioned_by.items() if len(where) >= min_documents)
    rows = np.zeros((len(kept), len(FEATURES)))
    for row, concept in zip(rows, kept):
        content = [w for w in concept if w not in STOP_WORDS] or list(concept)
        mentions = len(mentioned_by[concept])
        row[:] = (
            mentions / articles,
            np.log1p(mentions),
            np.log1p(sentence_count[concept]),
            len(lead.get(concept, ())) / articles,
            len(first.get(concept, ())) / articles,
            float(np.mean([1.0 / (1.0 + p) for p in earliest[concept].values()])),
            sum(concept in t for t in titles) / articles,
            float(np.mean([title_words.get(w, 0) for w in content])) / articles,
            float(np.mean([len(word_documents[w]) for w in content])) / articles,
            float(any(w in STOP_WORDS for w in concept)),
            float(np.mean([capitalised.get(w, 0.0) for w in content])),
            float(any(w.isdigit() for w in concept)),
            standalone_sum[concept] / sentence_count[concept],
            np.log(articles),
        )
    return kept, rows
