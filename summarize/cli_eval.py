"""`summarize eval`: ROUGE for this tool and sumy's summarizers. Registered on the `summarize` group
in `summarize.cli`; heavy imports happen inside the command."""

from __future__ import annotations

from pathlib import Path

import click

from .cli_common import stderr_console, write_output


@click.command(name="eval")
@click.argument("data", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-w", "--words", type=click.IntRange(min=1), default=100, show_default=True, help="Word budget per summary.")
@click.option(
    "--methods", default="ours,lead,lexrank,textrank,lsa,luhn,kl,sumbasic", show_default=True,
    help="Comma-separated: ours (this tool) and the peers lead, lexrank, textrank, lsa, luhn, kl, sumbasic (sumy).",
)
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N clusters (a quick look).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Also write the table to this file.")
def evaluate(data: Path, words: int, methods: str, limit: int | None, output: Path | None) -> None:
    """Score this tool and sumy's summarizers with ROUGE on DATA, in one run.

    DATA is a JSON-lines file of clusters with reference summaries (the format `batch` reads).
    ROUGE-1/ROUGE-2 recall as ROUGE-1.5.5 -n 2 -m -l 100 -f A computes them: summary and references
    cut to the first WORDS words, Porter-stemmed, stop words kept, hits clipped per reference and
    pooled, averaged over clusters. Each method's time covers all its clusters (ours: embedding too).
    """
    from itertools import islice

    from rich.progress import Progress, TimeElapsedColumn

    from .atomic import check_output_path, is_standard_output
    from .evaluation.harness import check_methods, evaluate as run_evaluation, report_table
    from .jsonl import read_clusters
    from .records import SummarizeError

    chosen = [m.strip() for m in methods.split(",") if m.strip()]
    try:
        check_methods(chosen)
        if output is not None:
            check_output_path(output, [data], inputs_are="the input")
        clusters = list(islice(read_clusters(data, checked=False), limit))
        with Progress(*Progress.get_default_columns(), TimeElapsedColumn(), console=stderr_console()) as progress:
            tasks = {m: progress.add_task(m, total=len(clusters)) for m in chosen}
            results = run_evaluation(clusters, chosen, words, on_cluster_done=lambda m: progress.advance(tasks[m]))
    except SummarizeError as error:
        raise click.UsageError(str(error)) from None
    table = report_table(results, words)
    click.echo(table, nl=False)
    if output is not None and not is_standard_output(output):  # `-o -`: the table is on stdout already
        write_output(output, table)
