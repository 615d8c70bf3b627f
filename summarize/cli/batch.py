"""`summarize batch`: every cluster of a JSON-lines file. Registered on the `summarize` group in
`summarize.cli.main`; heavy imports happen inside the command."""

from __future__ import annotations

from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..records import MAX_WORDS
from ..wording import plural
from .common import (
    BACKEND_NAMES,
    BATCH_BACKEND_HELP,
    NO_CACHE_HELP,
    Count,
    embedder_factory,
    progress_bar,
    write_output,
)

if TYPE_CHECKING:
    from ..batch.processes import BatchProgress, Workers
    from ..embedding.base import Embedder
    from ..inputs.jsonl import ClusterInput
    from ..pipeline import BriefSettings


@click.command()
@click.argument("data", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Required: where to write one JSON line per cluster, once all are done (- : standard output). "
    "A file is replaced atomically and keeps its permissions.",
)
@click.option(
    "-w", "--words", type=Count(min=1, max=MAX_WORDS), default=100, show_default=True, help="Word budget per brief."
)
@click.option(
    "--workers",
    type=Count(min=0),
    default=None,
    show_default="one per core",
    help="Processes that each embed, cluster and select a share of the clusters; 0: all in this process.",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="tcp://HOST:PORT|local:N",
    help="Spread the clusters over a Dask cluster: a scheduler's address, or local:N to start N workers here.",
)
@click.option("--no-cache", is_flag=True, help=NO_CACHE_HELP)
@click.option("--backend", type=click.Choice(BACKEND_NAMES), help=BATCH_BACKEND_HELP)
@click.option(
    "--strict",
    is_flag=True,
    help="Refuse the whole file when any line is not a cluster's JSON or any document fails the article "
    "checks (empty, not English, no prose, too large). Without it such a line is left out and named on "
    "stderr, and such a document is left out of its cluster, named on stderr and in the cluster's output "
    'line ("left_out"); the last line counts both. A cluster with no document left still stops the run.',
)
def batch(
    data: Path,
    output: Path | None,
    words: int,
    workers: int | None = None,
    dask_address: str | None = None,
    no_cache: bool = False,
    backend: str | None = None,
    strict: bool = False,
) -> None:
    """Brief every cluster of articles in DATA, a JSON-lines file.

    \b
    Each input line:
      {"id": ..., "documents": [{"id", "title", "text"}], "summaries": [...]}
      ("summaries", human reference summaries, is optional).
    Each output line, in input order:
      {"id": ..., "summary": "<the brief's sentences joined by spaces>",
       "brief": {<brief JSON>}}
      (plus "left_out": [{"document", "reason"}] when a document failed the
      article checks)

    Worker processes (one per core) each embed a group of clusters' sentences in one batch and
    brief them; progress and the time left go to stderr. With --dask each Dask worker loads the model
    once and briefs groups of clusters; a failed worker's clusters are retried, and the output is
    the same as without --dask. Ctrl-C (status 130) or SIGTERM (143) stops the workers and writes
    nothing.
    """
    import json
    from contextlib import ExitStack, closing

    from rich.progress import (
        BarColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from ..batch.processes import Workers
    from ..inputs.jsonl import BadLine, read_clusters
    from ..output.atomic import check_output_path, is_standard_output
    from ..pipeline import BriefSettings
    from ..records import SummarizeError

    if output is None:  # not click's required=True: its "Missing option '-o' / '--output'" says not what to give
        raise click.UsageError(
            "give -o OUT.jsonl, where the briefs go (one JSON line per cluster; -o - : standard output)"
        )
    with ExitStack() as stack:  # the worker processes: started before the input is read, they import meanwhile
        try:
            check_output_path(output, [data], inputs_are="the input")
            if dask_address is not None and workers is not None:
                raise SummarizeError("--workers and --dask do not go together: Dask has its own workers")
            started = None
            if workers != 0 and dask_address is None:
                started = stack.push(Workers(workers))  # its exit first: a signal as it starts still stops it
                started.start()
            columns = (
                TextColumn("{task.description}"),
                BarColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[clusters]}"),
                TimeElapsedColumn(),
                TextColumn("{task.fields[left]}"),  # no time left to tell while reading
                TimeRemainingColumn(),
            )
            # From the start, saying what it does: reading a large file, building a model and starting
            # the workers take seconds, and the time shown is the run's.
            with progress_bar(*columns) as progress:
                task = progress.add_task(f"Reading {data.name}", total=None, clusters="0 clusters", left="")
                bad_lines: list[BadLine] = []
                clusters = []
                for cluster in read_clusters(data, lenient=not strict, bad_lines=None if strict else bad_lines):
                    clusters.append(cluster)
                    progress.update(task, clusters=f"{len(clusters)} clusters read")
                for bad_line in bad_lines:
                    click.echo(f"Left out {bad_line.message}", err=True)
                for cluster in clusters:
                    for item in cluster.left_out:
                        click.echo(f"Left out {cluster.where} (document {item.document}): {item.reason}", err=True)
                progress.update(task, description="Preparing the model")
                factory = embedder_factory(backend, "batch")  # it may build a model (one line on stderr)
                starting = "Starting workers" if workers != 0 or dask_address is not None else "Loading the model"
                progress.update(
                    task, description=starting, total=1000, clusters=f"0/{len(clusters)} clusters", left="left"
                )

                def show(state: BatchProgress) -> None:
                    share = state.clusters_done / max(state.clusters_total, 1)
                    if state.sentences_total:  # embedding is most of the work: it sets the pace
                        share = 0.85 * state.sentences_embedded / state.sentences_total + 0.15 * share
                    progress.update(
                        task,
                        description="Briefing" if share else starting,
                        completed=round(1000 * share),
                        clusters=f"{state.clusters_done}/{state.clusters_total} clusters",
                    )

                settings = BriefSettings(words=words)
                lines = []
                # Closing the records stops the workers when an interrupt or a bad cluster ends the run early.
                records = _batch_records(
                    clusters, settings, workers, dask_address, not no_cache, show, factory, started
                )
                with closing(records):
                    for _, record in records:
                        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
        except SummarizeError as error:
            raise click.UsageError(str(error)) from None
    left_out_documents = sum(len(cluster.left_out) for cluster in clusters)
    if is_standard_output(output):
        click.echo("".join(lines), nl=False)
        click.echo(closing_line(len(clusters), None, len(bad_lines), left_out_documents), err=True)
        return
    write_output(output, "".join(lines))
    click.echo(closing_line(len(clusters), output, len(bad_lines), left_out_documents), err=True)


def closing_line(briefs: int, output: Path | None, bad_lines: int, left_out_documents: int) -> str:
    """The line that ends a batch: how many briefs it wrote (and where: None is standard output), and
    how many input lines and documents it left out, each named on stderr before it."""
    line = f"Wrote {_count(briefs, 'brief')}" + ("" if output is None else f" to {output}")
    left_out = [_count(n, noun) for n, noun in ((bad_lines, "line"), (left_out_documents, "document")) if n]
    if left_out:
        line += f"; left out {' and '.join(left_out)} (named above)"
    return line + "."


def _count(number: int, noun: str) -> str:
    return f"{number} {plural(number, noun)}"


def _batch_records(
    clusters: list[ClusterInput],
    settings: BriefSettings,
    workers: int | None,
    dask_address: str | None,
    use_cache: bool,
    show: Callable[[BatchProgress], None],
    factory: Callable[[], Embedder],
    started: Workers | None = None,
) -> Generator[tuple[ClusterInput, dict[str, Any]], None, None]:
    """The records of `summarize batch`, from Dask, worker processes or this process alone."""
    from ..embedding.cache import with_cache

    if dask_address is not None:
        from ..batch.dask_cluster import brief_clusters_dask, close, connect

        client = connect(dask_address)
        try:
            yield from brief_clusters_dask(clusters, client, factory, settings, use_cache=use_cache, progress=show)
        finally:
            close(client)
        return
    if workers == 0:
        from ..batch.local import batch_record, brief_clusters
        from ..batch.processes import BatchProgress

        briefs = brief_clusters(clusters, with_cache(factory(), use_cache), settings)
        for done, (cluster, result) in enumerate(briefs, start=1):
            show(BatchProgress(done, len(clusters)))
            yield cluster, batch_record(cluster, result)
        return
    from ..batch.processes import brief_clusters_parallel

    yield from brief_clusters_parallel(
        clusters, factory, settings, workers=workers, use_cache=use_cache, progress=show, started=started
    )
