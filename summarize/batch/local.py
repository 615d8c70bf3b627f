"""Brief many clusters: sentences of several clusters are embedded together, in large batches.

The one batch path: `brief_clusters` here runs in this process, and in each worker process or Dask
worker on its group of clusters (`summarize.batch.processes.brief_group`), so every path splits, embeds
(each distinct sentence once), analyses and reports a bad cluster the same way."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from ..embedding.base import Embedder
from ..inputs.jsonl import ClusterInput
from ..output.render import to_dict
from ..pipeline import BriefSettings, analyze, compose_brief, split_documents
from ..records import Brief, Sentence, SummarizeError
from ..selection.base import Ranker
from ..text.bigrams import load_stem_table
from ..text.sentences import PunktSplitter

# Sentences embedded in one call: big enough to keep the model busy, small enough for memory.
EMBED_BATCH_SENTENCES = 4096


def _groups(
    clusters: Iterable[ClusterInput], splitter: PunktSplitter
) -> Iterator[list[tuple[ClusterInput, tuple[Sentence, ...]]]]:
    """Consecutive clusters, split, whose sentences together fill about one embedding batch."""
    group: list[tuple[ClusterInput, tuple[Sentence, ...]]] = []
    size = 0
    for cluster in clusters:
        sentences = split_documents(cluster.documents, splitter)
        group.append((cluster, sentences))
        size += len(sentences)
        if size >= EMBED_BATCH_SENTENCES:
            yield group
            group, size = [], 0
    if group:
        yield group


def embed_unique(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """Vectors of `texts`, asking the embedder once for the distinct ones, shortest first (a text's
    vector does not depend on what it is embedded with: see the embedders)."""
    unique = sorted(set(texts), key=lambda text: (len(text), text))
    if not unique:
        return embedder.embed([])
    vectors = dict(zip(unique, embedder.embed(unique)))
    return np.stack([vectors[text] for text in texts])


def brief_clusters(
    clusters: Iterable[ClusterInput],
    embedder: Embedder,
    settings: BriefSettings = BriefSettings(),  # noqa: B008 (frozen: safe to share)
    ranker: Ranker | None = None,
    on_cluster_done: Callable[[ClusterInput], None] = lambda cluster: None,
) -> Iterator[tuple[ClusterInput, Brief]]:
    """Each cluster with its brief, in input order. A cluster with bad input stops the run with a
    `SummarizeError` that names the cluster."""
    load_stem_table()  # many clusters' words: most are in it, and each process would stem them again
    splitter = PunktSplitter()
    for group in _groups(clusters, splitter):
        vectors = embed_unique(embedder, [s.text for _, sentences in group for s in sentences])
        offset = 0
        for cluster, sentences in group:
            embeddings = vectors[offset : offset + len(sentences)]
            offset += len(sentences)
            try:
                analysis = analyze(cluster.documents, embedder, settings, embeddings=embeddings, sentences=sentences)
            except SummarizeError as error:
                raise SummarizeError(f"cluster {cluster.id}: {error}") from None
            on_cluster_done(cluster)
            yield cluster, compose_brief(analysis, settings.words, ranker)


def batch_record(cluster: ClusterInput, brief: Brief) -> dict[str, Any]:
    """One output line: the id, the brief's sentences as plain text, the brief's JSON, and the
    documents a lenient read left out, when there are any."""
    record: dict[str, Any] = {
        "id": cluster.id,
        "summary": " ".join(item.sentence.text for item in brief.sentences),
        "brief": to_dict(brief),
    }
    if cluster.left_out:
        record["left_out"] = [{"document": item.document, "reason": item.reason} for item in cluster.left_out]
    return record
