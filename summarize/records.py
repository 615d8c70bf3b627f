"""The immutable records that flow between the pipeline's stages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


class SummarizeError(Exception):
    """A problem the user can fix (bad input, bad option); shells print it in one line."""


@dataclass(frozen=True)
class Document:
    """One article: its text exactly as read; every span elsewhere indexes into `text`."""

    title: str
    text: str
    path: str


@dataclass(frozen=True)
class Sentence:
    """A prose sentence: `text` is `document.text[start:end]` with whitespace runs collapsed."""

    document: int  # index into the documents
    start: int
    end: int
    text: str
    position: int  # ordinal among its document's prose sentences (0 = lead)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Cluster:
    """Sentences that report the same content; `sources` are the document indexes it spans."""

    id: int
    members: tuple[int, ...]  # sentence indexes
    sources: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class Corroboration:
    """A sentence in another source that reports what a brief sentence says."""

    sentence: Sentence
    similarity: float


@dataclass(frozen=True)
class BriefSentence:
    sentence: Sentence
    cluster: int  # Cluster.id
    score: float
    also_in: tuple[Corroboration, ...]


@dataclass(frozen=True)
class Brief:
    documents: tuple[Document, ...]
    sentences: tuple[BriefSentence, ...]
    clusters: tuple[Cluster, ...]
    budget: int
    method: str
    model: str

    @property
    def words(self) -> int:
        return sum(item.sentence.words for item in self.sentences)


@dataclass(frozen=True, eq=False)
class Analysis:
    """Everything selection needs, computed once: re-briefing at another length reuses it."""

    documents: tuple[Document, ...]
    sentences: tuple[Sentence, ...]
    embeddings: "np.ndarray"  # one unit-length row per sentence
    clusters: tuple[Cluster, ...]
    model: str

    @cached_property
    def cluster_of(self) -> tuple[int, ...]:
        """Index into `clusters` of each sentence's cluster."""
        owner = [0] * len(self.sentences)
        for index, cluster in enumerate(self.clusters):
            for member in cluster.members:
                owner[member] = index
        return tuple(owner)
