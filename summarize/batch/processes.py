"""Batch briefing on every core: worker processes each embed, cluster and select groups of clusters.

Clusters go out in consecutive groups of about `GROUP_CHARACTERS` characters of text. A worker
builds its embedder once (from the factory it is given, with one thread: the cores are shared out
by process, which keeps every core busy without threads waiting on each other), embeds a group's
sentences in one call, and briefs each of its clusters. Records come back in input order, and they
are the ones `summarize.batch.local.brief_clusters` gives: a text's vector does not depend on what it is
embedded with (see `SentenceTransformerEmbedder.embed`), and a worker runs the same `analyze` and
`compose_brief`. `summarize.batch.dask_cluster` sends the same groups to Dask workers.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..embedding.base import Embedder
from ..inputs.jsonl import ClusterInput
from ..pipeline import BriefSettings
from ..records import SummarizeError
from ..selection.base import Ranker

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

GROUP_CHARACTERS = 25_000  # about 125 news sentences: even shares for the cores, still a batch
THREADS_VARIABLE = "SUMMARIZE_THREADS"  # the embedders' thread count in a worker process

_embedders: dict[str, Embedder] = {}  # in a worker: one embedder per factory, built once
_lock = threading.Lock()


@dataclass(frozen=True)
class BatchProgress:
    clusters_done: int
    clusters_total: int
    sentences_embedded: int = 0  # 0 when not counted
    sentences_total: int = 0


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def _factory_key(factory: Callable[[], Embedder]) -> str:
    import hashlib
    import pickle

    try:
        return hashlib.sha256(pickle.dumps(factory)).hexdigest()
    except (pickle.PicklingError, TypeError, AttributeError):
        return repr(factory)


def worker_embedder(factory: Callable[[], Embedder], use_cache: bool) -> Embedder:
    """This process's embedder for `factory`: built on the first call, then reused."""
    key = f"{_factory_key(factory)}|cache={use_cache}"
    with _lock:
        if key not in _embedders:
            from ..embedding.cache import with_cache

            _embedders[key] = with_cache(factory(), use_cache)
        return _embedders[key]


def brief_group(
    clusters: Sequence[ClusterInput],
    factory: Callable[[], Embedder],
    settings: BriefSettings,
    ranker: Ranker | None,
    use_cache: bool,
) -> list[dict[str, Any]]:
    """Runs in a worker: the output records of consecutive clusters, or one error record
    ({"error": message}) for a cluster with bad input, which no retry would fix."""
    from .local import batch_record, brief_clusters

    embedder = worker_embedder(factory, use_cache)
    try:
        return [batch_record(cluster, brief) for cluster, brief in brief_clusters(clusters, embedder, settings, ranker)]
    except SummarizeError as error:  # already names the cluster
        return [{"error": str(error)}]


def _characters(clusters: Sequence[ClusterInput]) -> int:
    return sum(len(document.text) for cluster in clusters for document in cluster.documents)


def cluster_groups(clusters: Sequence[ClusterInput], characters: int = GROUP_CHARACTERS) -> list[list[ClusterInput]]:
    """Consecutive clusters, about `characters` characters of text a group (a cluster is never cut)."""
    groups: list[list[ClusterInput]] = []
    size = characters
    for cluster in clusters:
        if size >= characters:
            groups.append([])
            size = 0
        groups[-1].append(cluster)
        size += _characters([cluster])
    return groups


def _result(future: Future[Any], step: float = 0.25, meanwhile: Callable[[], None] = lambda: None) -> Any:
    """A future's result, waited for in short steps (`meanwhile` runs at each). Python runs signal
    handlers in the main thread only; a Ctrl-C that lands on another thread (a BLAS or progress
    thread) would not wake a blocking wait, and would be acted on only when the group is done."""
    while True:
        try:
            return future.result(timeout=step)
        except TimeoutError:
            meanwhile()


def _start_worker(parent: int) -> None:
    """Each worker: deaf to Ctrl-C, gone with its parent (see `summarize.batch.workers`), one thread."""
    from .workers import start_worker

    start_worker(parent)
    os.environ[THREADS_VARIABLE] = "1"
    os.environ["OMP_NUM_THREADS"] = "1"
    # Imported now, while the parent reads its input (`Workers` start before): the pipeline, and
    # scipy's clustering, faster than the numpy one (summarize.clustering.average_linkage) when loaded.
    # The stem table is read with the first group (`local.brief_clusters`), not here: reading it in
    # start-up widened the moment a SIGTERM can catch a half-started pool (a batch that then hung in
    # tests/cli/test_interrupts.py, once in ten runs under load).
    import scipy.cluster.hierarchy  # noqa: F401

    from . import local  # noqa: F401


class Workers:
    """Worker processes for `brief_clusters_parallel`, which can be started before there is work for
    them: each imports the pipeline (a few tenths of a second) while the caller reads its input. As a
    context manager: started on entry; on exit waited for, or, when the block raised, stopped at once."""

    def __init__(self, count: int | None = None) -> None:
        self.count = count or default_workers()
        self.pool: ProcessPoolExecutor | None = None
        self._earlier: set[int] | None = None  # the children before `start`: None, not started

    def start(self) -> Workers:
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        from .workers import children_deaf_to_ctrl_c, live_children

        self._earlier = live_children()
        try:
            with children_deaf_to_ctrl_c():  # the pool's processes and threads start in here
                # spawn, not fork: a forked copy of a process that holds model threads can hang.
                self.pool = ProcessPoolExecutor(
                    max_workers=self.count,
                    mp_context=get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(os.getpid(),),
                )
                for _ in range(self.count):  # with spawn, each submit while none is idle starts a process
                    self.pool.submit(int)
        except BaseException:
            # A signal received in the block is raised as it ends, here: a `with` never calls the exit of
            # an object whose entry raised, so stop now. A group signal reaches only the workers started
            # before it; one started after it would run on, and the pool's own exit would wait for it:
            # for its start-up and first task, or for ever when the pool's thread, finding the first worker
            # dead, had already stopped the workers it knew of (one it learns of later, it joins unstopped).
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop the workers at once, also a pool half-started (see `start`). Workers first: the pool
        then finds them gone and fails its futures (cancelling them instead races its own thread, which
        Python 3.11 answers with InvalidStateError). Every worker is started in `start`, so none can
        start after `stop_children_since` lists them."""
        from .workers import stop_children_since

        if self._earlier is None:
            return  # never started: every child of this process is someone else's
        stop_children_since(self._earlier)
        if self.pool is not None:
            self.pool.shutdown(wait=True)

    def close(self) -> None:
        """Wait for the workers to finish what they were given, and end them."""
        if self.pool is not None:
            self.pool.shutdown(wait=True)

    def __enter__(self) -> Workers:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is not None:
            self.stop()
        else:
            self.close()


def brief_clusters_parallel(
    clusters: Sequence[ClusterInput],
    factory: Callable[[], Embedder],
    settings: BriefSettings = BriefSettings(),  # noqa: B008 (frozen: safe to share)
    ranker: Ranker | None = None,
    workers: int | None = None,
    use_cache: bool = True,
    progress: Callable[[BatchProgress], None] = lambda state: None,
    group_characters: int = GROUP_CHARACTERS,
    started: Workers | None = None,
) -> Iterator[tuple[ClusterInput, dict[str, Any]]]:
    """Each cluster with its output record (`summarize.batch.local.batch_record`), in input order.

    When this stops early (an interrupt, a bad cluster, the caller closing the iterator), the worker
    processes are terminated at once rather than left to finish their groups. `started`: workers
    started before (`Workers`), used instead of new ones: stopped too when this stops early, else
    left to their owner to end."""
    from .workers import children_deaf_to_ctrl_c

    groups = cluster_groups(clusters, group_characters)
    progress(BatchProgress(0, len(clusters)))
    own = Workers(min(workers or default_workers(), max(len(groups), 1))) if started is None else None
    running = started or own
    assert running is not None
    try:
        with children_deaf_to_ctrl_c():  # the pool's processes and threads start in here
            pool = (own.start() if own is not None else running).pool
            assert pool is not None
            # Largest groups first: the last group to start is then a small one, and the workers
            # finish close together (the records still come back in input order).
            largest_first = sorted(range(len(groups)), key=lambda number: -_characters(groups[number]))
            submitted = {
                n: pool.submit(brief_group, groups[n], factory, settings, ranker, use_cache) for n in largest_first
            }
            futures = [submitted[number] for number in range(len(groups))]
        shown = 0

        def show_finished() -> None:
            """The clusters of every group finished, in any order: the records come back in input
            order, but the first group may be among the last to run (largest first)."""
            nonlocal shown
            finished = sum(len(group) for group, future in zip(groups, futures) if future.done())
            if finished != shown:
                shown = finished
                progress(BatchProgress(finished, len(clusters)))

        for group, future in zip(groups, futures):
            records = _result(future, meanwhile=show_finished)
            if records and "error" in records[0]:
                raise SummarizeError(records[0]["error"])
            show_finished()
            yield from zip(group, records)
    except BaseException:
        running.stop()
        raise
    if own is not None:
        own.close()
