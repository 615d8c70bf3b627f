"""The `summarize` command: a thin shell over the library. Heavy imports happen inside commands so
that `summarize --help` answers at once."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__

DEFAULT_WORDS = 150  # the library's default too (summarize.brief.DEFAULT_WORDS); kept here to stay light
METHODS = ("concepts", "salience")  # the rankers' names (ConceptRanker, SalienceRanker)


class OneLineErrors(click.Group):
    """Every error as one line on stderr, with no usage block and no traceback: exit status 2 for bad
    input or options (click's usage errors and the library's SummarizeError), 130 for Ctrl-C."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # type: ignore[override]
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        from .records import SummarizeError

        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except SummarizeError as error:
            _fail(str(error), 2)
        except (click.Abort, KeyboardInterrupt) as error:
            if isinstance(error, KeyboardInterrupt) or isinstance(error.__context__, KeyboardInterrupt):
                _fail("interrupted; nothing was written", 130)
            _fail("aborted", 1)
        except BrokenPipeError:  # the reader went away (`summarize brief | head`): not our error
            sys.stderr.close()
            sys.exit(141)
        sys.exit(result if isinstance(result, int) else 0)


def _fail(message: str, status: int) -> None:
    click.echo("Error: " + " ".join(message.split()), err=True)
    sys.exit(status)


def report_step(step: str) -> None:
    """Progress on stderr for a person watching; silent when stderr is a file or a pipe."""
    if sys.stderr.isatty():
        click.echo(f"{step}…", err=True)


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="summarize")
def main() -> None:
    """Brief several news articles about one event.

    Every sentence of a brief is taken verbatim from one article, cites it, and names the other
    articles that report the same thing. Runs offline.

    \b
    Examples:
      summarize brief                       brief the built-in sample (five outlets, one event)
      summarize brief a.txt b.txt c.md      brief your own articles
      summarize brief news/ --words 100     every article file in a folder, in 100 words
      summarize brief page.html https://example.com/story    saved pages and URLs
      summarize brief data.jsonl --cluster d061j             one cluster of a JSON-lines file
      curl -s URL | summarize brief -       one article from standard input
      summarize brief --format json -o brief.json
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "-w", "--words", type=click.IntRange(min=1), default=DEFAULT_WORDS, show_default=True,
    help="Word budget: the brief never exceeds it and fills most of it when the input allows.",
)
@click.option(
    "-f", "--format", "output_format", type=click.Choice(["markdown", "json"]), default="markdown",
    show_default=True, help="markdown for reading; json for scripts (schema in the README).",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
    help="Write the brief to this file (atomically) instead of standard output.",
)
@click.option(
    "-m", "--method", type=click.Choice(METHODS), default=METHODS[0], show_default=True,
    help="concepts: the exact concept-coverage selection; salience: the faster greedy one.",
)
@click.option(
    "-c", "--cluster", metavar="ID",
    help="Which cluster of a .jsonl cluster file to brief (needed when it holds several).",
)
@click.option(
    "--timeout", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True,
    metavar="SECONDS", help="Give up on a URL that has not arrived in full by then.",
)
@click.option(
    "--max-download", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
    metavar="MB", help="Refuse a URL whose page is larger than this.",
)
def brief(
    paths: tuple[str, ...], words: int, output_format: str, output: Path | None, method: str,
    cluster: str | None, timeout: float, max_download: float,
) -> None:
    """Brief the articles in PATHS: files, folders of them, URLs, or - (stdin).

    \b
    Accepted: .txt/.md text in any encoding (UTF-8, else detected); .html/.htm
    pages and http(s):// URLs (the article is extracted; citations refer to
    its text); a .jsonl cluster file (one {"id", "documents": [...]} a line;
    --cluster picks one); - for one article on standard input. A folder gives
    its .txt/.md/.html/.htm files. Copies of one story count once. Articles
    must be English, at most 5 million characters (5 MB) of text each.

    With no PATHS, briefs the built-in sample: five outlets reporting NATO's expulsion of Russian
    officials in October 2021. Progress goes to stderr when it is a terminal. Bad input (a missing,
    empty, binary or non-English file, a failed URL, a malformed line) exits with status 2 and one
    line on stderr, and writes nothing; Ctrl-C exits with status 130 and writes nothing.
    """
    from .atomic import write_atomically
    from .brief import BriefSettings, build_brief
    from .concept_ranker import ConceptRanker
    from .documents import check_output_path, read_documents, sample_documents
    from .embedding import default_embedder
    from .records import SummarizeError
    from .render import to_json, to_markdown
    from .selection import SalienceRanker

    try:
        if output is not None:
            check_output_path(output, paths)
        if cluster is not None and not paths:
            raise SummarizeError(f"--cluster {cluster}: give the .jsonl cluster file it belongs to")
        max_bytes = int(max_download * 1024 * 1024)
        documents = read_documents(paths, cluster, timeout=timeout, max_download=max_bytes) if paths else sample_documents()
        ranker = ConceptRanker() if method == "concepts" else SalienceRanker()
        result = build_brief(documents, default_embedder(), BriefSettings(words=words), ranker, progress=report_step)
    except SummarizeError as error:
        raise click.UsageError(str(error)) from None
    text = to_json(result) if output_format == "json" else to_markdown(result)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            write_atomically(output, text)
        except OSError as error:  # checked before the work; a full disk can still happen
            raise click.ClickException(f"{output}: cannot write ({error.strerror or error})") from None
        click.echo(f"Wrote {output} ({result.words} words from {len(documents)} sources).", err=True)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def tui(paths: tuple[Path, ...]) -> None:
    """Open the interactive briefing on PATHS (or on the built-in sample).

    Read the brief, grow or shrink it live, and check every sentence against its sources.
    Press ? inside for the keys.
    """
    from tui.app import run

    run(list(paths))


@main.command()
@click.argument("data", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write one JSON line per cluster (atomically).")
@click.option("-w", "--words", type=click.IntRange(min=1), default=100, show_default=True, help="Word budget per brief.")
def batch(data: Path, output: Path, words: int) -> None:
    """Brief every cluster of articles in DATA, a JSON-lines file.

    \b
    Each input line: {"id": ..., "documents": [{"id", "title", "text"}], "summaries": [...]}
    ("summaries", human reference summaries, is optional). Each output line, in input order:
    {"id": ..., "summary": "<the brief's sentences joined by spaces>", "brief": {<brief JSON>}}
    """
    import json

    from rich.progress import Progress, TimeElapsedColumn

    from .atomic import open_atomically
    from .batch import batch_record, brief_clusters
    from .brief import BriefSettings
    from .embedding import default_embedder
    from .jsonl import read_clusters
    from .records import SummarizeError

    try:
        if not output.parent.is_dir():
            raise SummarizeError(f"{output}: the folder {output.parent} does not exist")
        if output.resolve() == data.resolve():
            raise SummarizeError(f"{output}: refusing to overwrite the input")
        clusters = list(read_clusters(data))
        with Progress(*Progress.get_default_columns(), TimeElapsedColumn(), console=_stderr_console()) as progress:
            task = progress.add_task("Briefing clusters", total=len(clusters))
            with open_atomically(output) as stream:
                for cluster, result in brief_clusters(
                    clusters, default_embedder(), BriefSettings(words=words),
                    on_cluster_done=lambda cluster: progress.advance(task),
                ):
                    stream.write(json.dumps(batch_record(cluster, result), ensure_ascii=False) + "\n")
    except SummarizeError as error:
        raise click.UsageError(str(error)) from None
    click.echo(f"Wrote {len(clusters)} briefs to {output}.", err=True)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)
