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

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..embedding.base import Embedder
from ..inputs.jsonl import ClusterInput
from ..pipeline import BriefSettings
from ..records import SummarizeError
from ..selection.base import Ranker
from .processes import THREADS_VARIABLE, BatchProgress, brief_group, cluster_groups

if TYPE_CHECKING:
    from distributed import Client

GROUP_CHARACTERS = 200_000  # about 1,000 news sentences: large embedding batches, many tasks
RETRIES = 2


def connect(address: str) -> Client:
    """A Dask client: ``local:N`` starts a cluster of N worker processes on this machine; anything
    else is a scheduler's address (``tcp://HOST:PORT``). Close it with `close`."""
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
        from .workers import children_deaf_to_ctrl_c

        with children_deaf_to_ctrl_c():  # Ctrl-C reaches this process only, which closes the cluster
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=50,
                env={THREADS_VARIABLE: "1", "OMP_NUM_THREADS": "1"},  # one core each: workers share the machine
            )
        client = Client(cluster)
        client._summarize_local_cluster = cluster  # type: ignore[attr-defined]  # a tag read back by `close`
        return client
    try:
        return Client(address, timeout=30)
    except (OSError, TimeoutError, ValueError) as error:
        raise SummarizeError(f"--dask {address}: cannot reach the scheduler ({error})") from None


def close(client: Client) -> None:
    cluster = getattr(client, "_summarize_local_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def brief_clusters_dask(
    clusters: Sequence[ClusterInput],
    client: Client,
    factory: Callable[[], Embedder],
    settings: BriefSettings = BriefSettings(),  # noqa: B008 (frozen: safe to share)
    ranker: Ranker | None = None,
    use_cache: bool = True,
    progress: Callable[[BatchProgress], None] = lambda state: None,
    group_characters: int = GROUP_CHARACTERS,
) -> Iterator[tuple[ClusterInput, dict[str, Any]]]:
    """Each cluster with its output record, in input order, computed on `client`'s workers."""
    from distributed import as_completed

    groups = cluster_groups(clusters, group_characters)
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
                yield from zip(groups[next_group], results.pop(next_group))
                next_group += 1
    finally:
        for future in futures:
            future.release()
