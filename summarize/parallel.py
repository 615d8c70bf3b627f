"""Batch briefing on every core: this process embeds, worker processes cluster and select.

Embedding is most of a batch's time and torch already spreads it over the cores it is given; the
clustering and the integer program of one cluster run in a worker process while the model embeds the
next clusters' sentences. Records come back in input order, and they are the same as
`summarize.batch.brief_clusters` gives: a text's vector does not depend on what it is embedded with
(see `SentenceTransformerEmbedder.embed`), and a worker runs the same `analyze` and `compose_brief`.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .brief import BriefSettings, analyze, compose_brief, split_documents
from .embedding import Embedder
from .jsonl import ClusterInput
from .records import SummarizeError
from .selection import Ranker
from .sentences import PunktSplitter

# Clusters are embedded a group at a time (about this many sentences), in calls of EMBED_CALL
# sentences sorted by length, so that progress moves often and batches still hold texts alike.
GROUP_SENTENCES = 4096
EMBED_CALL = 512


@dataclass(frozen=True)
class BatchProgress:
    clusters_done: int
    clusters_total: int
    sentences_embedded: int
    sentences_total: int


def default_workers() -> int:
    """Worker processes beside the embedding one: the other cores."""
    return max(1, (os.cpu_count() or 2) - 1)


def brief_record(
    cluster: ClusterInput, embeddings: np.ndarray, model: str, settings: BriefSettings, ranker: Ranker | None
) -> dict[str, Any]:
    """One cluster's output line from its sentences' vectors (runs in a worker process)."""
    from .batch import batch_record

    try:
        analysis = analyze(cluster.documents, _Named(model), settings, embeddings=embeddings)
    except SummarizeError as error:
        raise SummarizeError(f"cluster {cluster.id}: {error}") from None
    return batch_record(cluster, compose_brief(analysis, settings.words, ranker))


class _Named:
    """Stands in for the embedder in a worker: the vectors are given, only the name is needed."""

    def __init__(self, name: str) -> None:
        self.name = name

    def embed(self, texts: Sequence[str]) -> np.ndarray:  # pragma: no cover - never called
        raise RuntimeError("the vectors are computed by the parent process")


def embed_in_calls(
    embedder: Embedder, texts: Sequence[str], call: int = EMBED_CALL, done: Callable[[int], None] = lambda n: None
) -> np.ndarray:
    """Vectors of `texts`, asking the embedder for `call` distinct texts at a time, shortest first."""
    unique = sorted(set(texts), key=lambda text: (len(text), text))
    vectors: dict[str, np.ndarray] = {}
    for start in range(0, len(unique), call):
        chunk = unique[start : start + call]
        vectors.update(zip(chunk, embedder.embed(chunk)))
        done(len(chunk))
    if not texts:
        return embedder.embed([])
    return np.stack([vectors[text] for text in texts])


def brief_clusters_parallel(
    clusters: Sequence[ClusterInput],
    embedder: Embedder,
    settings: BriefSettings = BriefSettings(),
    ranker: Ranker | None = None,
    workers: int | None = None,
    progress: Callable[[BatchProgress], None] = lambda state: None,
) -> Iterator[tuple[ClusterInput, dict[str, Any]]]:
    """Each cluster with its output record (`summarize.batch.batch_record`), in input order."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    splitter = PunktSplitter()
    texts = [[s.text for s in split_documents(cluster.documents, splitter)] for cluster in clusters]
    total = sum(len(t) for t in texts)
    state = {"clusters": 0, "sentences": 0}

    def report() -> None:
        progress(BatchProgress(state["clusters"], len(clusters), state["sentences"], total))

    def embedded(count: int) -> None:
        state["sentences"] += count
        report()

    report()
    # spawn, not fork: the parent may hold torch's threads, which a fork would copy half-made.
    with ProcessPoolExecutor(max_workers=workers or default_workers(), mp_context=get_context("spawn")) as pool:
        pending: deque = deque()

        def finished(block: bool) -> Iterator[tuple[ClusterInput, dict[str, Any]]]:
            while pending and (block or pending[0][1].done()):
                cluster, future = pending.popleft()
                record = future.result()
                state["clusters"] += 1
                report()
                yield cluster, record

        start = 0
        while start < len(clusters):
            end, size = start, 0
            while end < len(clusters) and (size < GROUP_SENTENCES or end == start):
                size += len(texts[end])
                end += 1
            group_texts = [text for index in range(start, end) for text in texts[index]]
            unique_before = len(group_texts)
            vectors = embed_in_calls(embedder, group_texts, done=embedded)
            state["sentences"] += unique_before - len(set(group_texts))  # repeated texts: no work
            offset = 0
            for index in range(start, end):
                rows = vectors[offset : offset + len(texts[index])]
                offset += len(texts[index])
                future = pool.submit(brief_record, clusters[index], rows, embedder.name, settings, ranker)
                pending.append((clusters[index], future))
            start = end
            yield from finished(block=False)
        yield from finished(block=True)
