"""`summarize eval`: ROUGE for this tool and sumy's summarizers. Registered on the `summarize` group
in `summarize.cli.main`; heavy imports happen inside the command."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..records import MAX_WORDS
from .common import (
    BACKEND_NAMES,
    EVAL_BACKEND_HELP,
    NO_CACHE_HELP,
    Count,
    embedder_factory,
    stderr_console,
    write_output,
)

if TYPE_CHECKING:
    from ..evaluation.harness import MethodResult

DEFAULT_METHODS = "ours,concepts-plain,lead,lexrank,textrank,lsa,luhn,kl,sumbasic"


@click.command(name="eval", short_help="Score briefs with ROUGE against human summaries, beside sumy's.")
@click.argument("data", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-w", "--words", type=Count(min=1, max=MAX_WORDS), default=100, show_default=True, help="Word budget per summary."
)
@click.option(
    "--methods",
    default=DEFAULT_METHODS,
    show_default=True,
    help="Comma-separated: ours (this tool), concepts-plain (Gillick & Favre's concept ILP with "
    "document-frequency weights and nothing else) and the peers lead, lexrank, textrank, lsa, luhn, kl, "
    "sumbasic (sumy).",
)
@click.option(
    "--variant",
    "variants",
    default="",
    metavar="LIST",
    help="Comma-separated: also score every set with notitle (headlines blanked), flat (paragraph "
    "breaks removed), both (the two at once).",
)
@click.option("--limit", type=Count(min=1), help="Only the first N clusters of each set (a quick look).")
@click.option("--no-cache", is_flag=True, help=NO_CACHE_HELP)
@click.option("--backend", type=click.Choice(BACKEND_NAMES), help=EVAL_BACKEND_HELP)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Also write the tables to this file."
)
def evaluate(
    data: tuple[Path, ...],
    words: int,
    methods: str,
    variants: str,
    limit: int | None,
    no_cache: bool,
    output: Path | None,
    backend: str | None = None,
) -> None:
    """Score this tool and sumy's summarizers with ROUGE on each DATA set, in one run.

    Each DATA is a JSON-lines file of clusters with reference summaries (the format `batch` reads).
    ROUGE-1/ROUGE-2 recall as ROUGE-1.5.5 -n 2 -m -l 100 -f A computes them: summary and references
    cut to the first WORDS words, Porter-stemmed, stop words kept, hits clipped per reference and
    pooled, averaged over clusters. One table per set (and variant), its rows best R2 first, then,
    for several sets, the mean over sets (each set counts once). On a development set the shipped concept weights were trained
    on, `ours` uses the weights learned without it. Each method's time covers all its clusters (ours:
    embedding too, unless the embedding cache has them).
    """
    from itertools import islice

    from rich.progress import Progress, TaskID, TimeElapsedColumn

    from ..embedding.cache import with_cache
    from ..evaluation.harness import check_clusters, check_methods, macro_mean, report_table
    from ..evaluation.harness import evaluate as run_evaluation
    from ..evaluation.variants import VARIANTS, apply_variant, check_variants
    from ..inputs.jsonl import read_clusters
    from ..output.atomic import check_output_path, is_standard_output
    from ..records import SummarizeError

    chosen = [m.strip() for m in methods.split(",") if m.strip()]
    extra = [v.strip() for v in variants.split(",") if v.strip()]
    tables = []
    try:
        check_methods(chosen)
        check_variants(extra)
        if len({path.resolve() for path in data}) != len(data):
            raise SummarizeError(f"a set is given twice: {', '.join(map(str, data))}")
        if output is not None:
            check_output_path(output, data, inputs_are="the input")
        sets = [(path, list(islice(read_clusters(path, checked=False), limit))) for path in data]
        for _, clusters in sets:  # before the model loads and the progress bar is drawn
            check_clusters(clusters)
        embedder = with_cache(embedder_factory(backend)(), not no_cache)  # ours and concepts-plain embed
        by_variant: dict[str, list[list[MethodResult]]] = {}
        with Progress(*Progress.get_default_columns(), TimeElapsedColumn(), console=stderr_console()) as progress:
            for variant in ["", *extra]:
                for path, clusters in sets:
                    label = path.stem + (f", {VARIANTS[variant]}" if variant else "")
                    if variant:
                        clusters = [apply_variant(c, variant) for c in clusters]
                    task = progress.add_task(label, total=len(clusters) * len(chosen))

                    def tick(method: str, task: TaskID = task) -> None:
                        progress.advance(task)

                    results = run_evaluation(clusters, chosen, words, on_cluster_done=tick, embedder=embedder)
                    by_variant.setdefault(variant, []).append(results)
                    tables.append(report_table(results, words, label))
                if len(sets) > 1:
                    label = f"Mean over {len(sets)} sets" + (f", {VARIANTS[variant]}" if variant else "")
                    tables.append(report_table(macro_mean(by_variant[variant]), words, label))
    except SummarizeError as error:
        raise click.UsageError(str(error)) from None
    text = "\n".join(tables)
    click.echo(text, nl=False)
    if output is not None and not is_standard_output(output):  # `-o -`: the tables are on stdout already
        write_output(output, text)
