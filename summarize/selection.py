"""Choose the brief's sentences: salient, self-contained, non-redundant, within the word budget."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from .duplicates import story_numbers
from .memo import LastAnalysisMemo
from .records import Analysis, Sentence

# Sentences outside this length are fragments or run-ons: poor brief material.
MIN_WORDS, MAX_WORDS = 6, 60
# Two chosen sentences at least this similar say the same thing.
REDUNDANT_SIMILARITY = 0.7
HALF_QUOTE_FACTOR = 0.4

# Which documents are copies of one story: compared pairwise, so kept while an analysis is re-briefed.
_STORY_NUMBERS: LastAnalysisMemo[Any] = LastAnalysisMemo()

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


def containment(analysis: Analysis, rows: Sequence[int] | None = None) -> np.ndarray:
    """`self_containment` of the sentences at `rows` (default: all) of an analysis."""
    texts = [d.text for d in analysis.documents]
    sentences = analysis.sentences if rows is None else [analysis.sentences[i] for i in rows]
    return np.array([self_containment(s, texts[s.document]) for s in sentences])


def eligible(sentence: Sentence) -> bool:
    return MIN_WORDS <= sentence.words <= MAX_WORDS


def _rows(analysis: Analysis, rows: Sequence[int] | None) -> np.ndarray:
    return np.arange(len(analysis.sentences)) if rows is None else np.asarray(rows, dtype=int)


def support(analysis: Analysis, rows: Sequence[int] | None = None) -> np.ndarray:
    """How strongly the other articles report the content of each sentence at `rows` (default: all):
    the mean, over the other documents, of the best similarity to one of their sentences (0 when
    there is only one). Copies of one story count as one document: a wire report run twice does not
    support itself. Asking for a few rows is cheap; all of them costs an n-by-n product."""
    rows = _rows(analysis, rows)
    owners, members = _STORY_NUMBERS.get(analysis, "sentences of each story", lambda: _sentences_of_each_story(analysis))
    document_count = len(members)
    if document_count < 2:
        return np.zeros(len(rows))
    vectors = analysis.embeddings[rows]
    best = np.zeros((len(rows), document_count))
    for document, inside in enumerate(members):
        if len(inside):
            best[:, document] = (vectors @ analysis.embeddings[inside].T).max(axis=1)
    best[np.arange(len(rows)), owners[rows]] = 0.0
    return np.clip(best, 0.0, None).sum(axis=1) / (document_count - 1)


def _sentences_of_each_story(analysis: Analysis) -> tuple[np.ndarray, list[np.ndarray]]:
    """The story number of each sentence, and each story's sentences (copies of one story are one)."""
    stories = story_numbers(analysis.documents)
    owners = np.array([stories[s.document] for s in analysis.sentences], dtype=int)
    return owners, [np.flatnonzero(owners == story) for story in range(len(set(stories)))]


def centrality(analysis: Analysis, rows: Sequence[int] | None = None) -> np.ndarray:
    """Cosine similarity of each sentence at `rows` (default: all) to the centroid of all sentences."""
    rows = _rows(analysis, rows)
    centroid = analysis.embeddings.mean(axis=0)
    norm = np.linalg.norm(centroid)
    return analysis.embeddings[rows] @ (centroid / norm) if norm else np.zeros(len(rows))


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

    def scores(self, analysis: Analysis, rows: Sequence[int] | None = None) -> np.ndarray:
        """The score of each sentence at `rows` (default: all)."""
        rows = _rows(analysis, rows)
        if not len(rows):
            return np.zeros(0)
        base = (
            self.support_weight * support(analysis, rows)
            + self.centrality_weight * centrality(analysis, rows)
            + self.lead_weight * np.array([lead_bonus(analysis.sentences[i]) for i in rows])
        )
        return base * containment(analysis, rows)

    def select(self, analysis: Analysis, budget: int) -> list[Choice]:
        return greedy_select(analysis, self.scores(analysis), budget)
