"""Batch briefing on a Dask distributed cluster.

Clusters are sent in consecutive groups of about `GROUP_CHARACTERS` characters of text. A worker
embeds a group's sentences and briefs each of its clusters; it builds its embedder once (from the
factory it is given, on first use) and keeps it for every later group. A task that fails is retried
(`RETRIES` times; a dead worker's tasks are rescheduled by Dask itself), and the records are yielded
in input order. They equal the single-machine run's: a text's vector does not depend on what it is
embedded with, and a worker runs the same `analyze` and `compose_brief`.

Needs ``dask[distributed]`` (``pip install "summarize[dask]"``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from .brief import BriefSettings, analyze, compose_brief, split_documents
from .embedding import Embedder
from .jsonl import ClusterInput
from .parallel import BatchProgress
from .records import SummarizeError
from .selection import Ranker

GROUP_CHARACTERS = 200_000  # about 1,000 news sentences: large embedding batches, many tasks
RETRIES = 2

_embedders: dict[str, Embedder] = {}  # in a worker: one embedder per factory, built once
_lock = threading.Lock()


def _factory_key(factory: Callable[[], Embedder]) -> str:
    return f"{getattr(factory, '__module__', '')}.{getattr(factory, '__qualname__', repr(factory))}"


def worker_embedder(factory: Callable[[], Embedder], use_cache: bool) -> Embedder:
    """This process's embedder for `factory` (built on first call, then reused)."""
    key = f"{_factory_key(factory)}|cache={use_cache}"
    with _lock:
        if key not in _embedders:
            from .cache import with_cache

            _embedders[key] = with_cache(factory(), use_cache)
        return _embedders[key]


def brief_group(
    clusters: Sequence[ClusterInput],
    factory: Callable[[], Embedder],
    settings: BriefSettings,
    ranker: Ranker | None,
    use_cache: bool,
) -> list[dict[str, Any]]:
    """Runs on a worker: the output records of consecutive clusters, or an error record
    ({"error": message}) for a cluster with bad input, which no retry would fix."""
    from .batch import batch_record
    from .parallel import embed_in_calls
    from .sentences import PunktSplitter

    embedder = worker_embedder(factory, use_cache)
    splitter = PunktSplitter()
    texts = [[s.text for s in split_documents(cluster.documents, splitter)] for cluster in clusters]
    vectors = embed_in_calls(embedder, [text for group in texts for text in group])
    records: list[dict[str, Any]] = []
    offset = 0
    for cluster, cluster_texts in zip(clusters, texts):
        rows = vectors[offset : offset + len(cluster_texts)]
        offset += len(cluster_texts)
        try:
            analysis = analyze(cluster.documents, embedder, settings, splitter, embeddings=rows)
        except SummarizeError as error:
            return [{"error": f"cluster {cluster.id}: {error}"}]
        records.append(batch_record(cluster, compose_brief(analysis, settings.words, ranker)))
    return records


def _groups(clusters: Sequence[ClusterInput], characters: int) -> list[list[ClusterInput]]:
    groups: list[list[ClusterInput]] = []
    size = characters
    for cluster in clusters:
        if size >= characters:
            groups.append([])
            size = 0
        groups[-1].append(cluster)
        size += sum(len(document.text) for document in cluster.documents)
    return groups


def connect(address: str):
    """A Dask client: ``local:N`` starts a cluster of N worker processes on this machine; anything
    else is a scheduler's address (``tcp://HOST:PORT``). The caller closes it (a context manager)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise SummarizeError('--dask needs Dask: pip install "dask[distributed]"') from None
    if address.startswith("local:"):
        try:
            workers = int(address.split(":", 1)[1])
        except ValueError:
            workers = 0
        if workers < 1:
            raise SummarizeError(f"--dask {address}: give local:N with N a number of workers, at least 1")
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
        )
        client = Client(cluster)
        client._summarize_local_cluster = cluster  # closed with the client, by `close`
        return client
    try:
        return Client(address, timeout=30)
    except (OSError, TimeoutError, ValueError) as error:
        raise SummarizeError(f"--dask {address}: cannot reach the scheduler ({error})") from None


def close(client) -> None:
    cluster = getattr(client, "_summarize_local_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def brief_clusters_dask(
    clusters: Sequence[ClusterInput],
    client,
    factory: Callable[[], Embedder],
    settings: BriefSettings = BriefSettings(),
    ranker: Ranker | None = None,
    use_cache: bool = True,
    progress: Callable[[BatchProgress], None] = lambda state: None,
    group_characters: int = GROUP_CHARACTERS,
) -> Iterator[tuple[ClusterInput, dict[str, Any]]]:
    """Each cluster with its output record, in input order, computed on `client`'s workers."""
    from distributed import as_completed

    groups = _groups(clusters, group_characters)
    futures = [
        client.submit(brief_group, group, factory, settings, ranker, use_cache, retries=RETRIES, pure=False)
        for group in groups
    ]
    position = {future.key: number for number, future in enumerate(futures)}
    results: dict[int, list[dict[str, Any]]] = {}
    done = 0
    progress(BatchProgress(0, len(clusters), 0, 0))
    next_group = 0
    try:
        for future in as_completed(futures):
            number = position[future.key]
            records = future.result()
            if records and "error" in records[0]:
                raise SummarizeError(records[0]["error"])
            results[number] = records
            done += len(records)
            progress(BatchProgress(done, len(clusters), 0, 0))
            while next_group in results:
                for cluster, record in zip(groups[next_group], results.pop(next_group)):
                    yield cluster, record
                next_group += 1
    finally:
        for future in futures:
            future.release()
