"""Choose the brief's sentences: salient, self-contained, non-redundant, within the word budget."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .duplicates import story_numbers
from .records import Analysis, Sentence

# Sentences outside this length are fragments or run-ons: poor brief material.
MIN_WORDS, MAX_WORDS = 6, 60
# Two chosen sentences at least this similar say the same thing.
REDUNDANT_SIMILARITY = 0.7
HALF_QUOTE_FACTOR = 0.4

_DANGLING_START = re.compile(
    r"^(he|she|it|they|this|that|these|those|his|her|its|their|but|and|or|so|also|however|"
    r"meanwhile|still|yet|instead|then|there|here|such|we|i|our|us)\b",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(r"\b(said|says|told|added|according|stated|wrote|asked|quoted)\b", re.IGNORECASE)
_OPENING_QUOTES = "\"“‘'"
_QUOTE_MARKS = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class Choice:
    sentence: int  # index into Analysis.sentences
    score: float


class Ranker(Protocol):
    """Chooses sentences for a brief; returns them in the order the brief shows them."""

    name: str

    def select(self, analysis: Analysis, budget: int) -> list[Choice]: ...


def opens_inside_quote(document_text: str, sentence: Sentence) -> bool:
    """Whether the sentence continues a quotation opened earlier in its paragraph."""
    paragraph_start = document_text.rfind("\n", 0, sentence.start) + 1
    before = document_text[paragraph_start : sentence.start]
    if "“" in before or "”" in before:
        return before.count("“") > before.count("”")
    return before.count('"') % 2 == 1


def self_containment(sentence: Sentence, document_text: str = "") -> float:
    """1.0 for a sentence that stands alone; less for one that leans on its neighbours."""
    text = sentence.text
    factor = 0.6 if document_text and opens_inside_quote(document_text, sentence) else 1.0
    if _DANGLING_START.match(text):
        factor *= 0.6
    if text[0] in _OPENING_QUOTES and not _ATTRIBUTION.search(text):
        factor *= 0.6  # an unattributed quote: who said it is in another sentence
    if len(_QUOTE_MARKS.findall(text)) % 2:
        factor *= HALF_QUOTE_FACTOR  # half of a quote that spans sentences
    return factor


def containment(analysis: Analysis) -> np.ndarray:
    """`self_containment` of every sentence of an analysis."""
    texts = [d.text for d in analysis.documents]
    return np.array([self_containment(s, texts[s.document]) for s in analysis.sentences])


def eligible(sentence: Sentence) -> bool:
    return MIN_WORDS <= sentence.words <= MAX_WORDS


def support(analysis: Analysis) -> np.ndarray:
    """How strongly the other articles report each sentence's content: the mean, over the other
    documents, of the best similarity to one of their sentences (0 when there is only one).
    Copies of one story count as one document: a wire report run twice does not support itself."""
    stories = story_numbers(analysis.documents)
    document_count = len(set(stories))
    owners = np.array([stories[s.document] for s in analysis.sentences], dtype=int)
    if document_count < 2:
        return np.zeros(len(owners))
    best = np.zeros((len(owners), document_count))
    for document in range(document_count):
        inside = owners == document
        if inside.any():
            best[:, document] = (analysis.embeddings @ analysis.embeddings[inside].T).max(axis=1)
    best[np.arange(len(owners)), owners] = 0.0
    return np.clip(best, 0.0, None).sum(axis=1) / (document_count - 1)


def centrality(analysis: Analysis) -> np.ndarray:
    """Cosine similarity of each sentence to the centroid of all sentences."""
    centroid = analysis.embeddings.mean(axis=0)
    norm = np.linalg.norm(centroid)
    return analysis.embeddings @ (centroid / norm) if norm else np.zeros(len(analysis.sentences))


def lead_bonus(sentence: Sentence) -> float:
    """News puts the key facts first."""
    return 1.0 / np.sqrt(1.0 + sentence.position)


def greedy_select(analysis: Analysis, scores: np.ndarray, budget: int) -> list[Choice]:
    """Best-scored first; one sentence per cluster, none too like a chosen one, within budget."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    used_clusters: set[int] = set()
    words = 0
    for index in order:
        sentence = analysis.sentences[index]
        if not eligible(sentence) or words + sentence.words > budget:
            continue
        if analysis.cluster_of[index] in used_clusters:
            continue
        if chosen and float((analysis.embeddings[chosen] @ analysis.embeddings[index]).max()) >= REDUNDANT_SIMILARITY:
            continue
        chosen.append(index)
        used_clusters.add(analysis.cluster_of[index])
        words += sentence.words
    return [Choice(index, float(scores[index])) for index in chosen]


class SalienceRanker:
    """Scores each sentence by cross-article support, centrality and lead position, then chooses
    greedily, most important first, the way a news briefing is read and cut."""

    name = "salience"

    def __init__(self, support_weight: float = 1.0, centrality_weight: float = 0.5, lead_weight: float = 0.4):
        self.support_weight = support_weight
        self.centrality_weight = centrality_weight
        self.lead_weight = lead_weight

    def scores(self, analysis: Analysis) -> np.ndarray:
        if not analysis.sentences:
            return np.zeros(0)
        base = (
            self.support_weight * support(analysis)
            + self.centrality_weight * centrality(analysis)
            + self.lead_weight * np.array([lead_bonus(s) for s in analysis.sentences])
        )
        return base * containment(analysis)

    def select(self, analysis: Analysis, budget: int) -> list[Choice]:
        return greedy_select(analysis, self.scores(analysis), budget)
