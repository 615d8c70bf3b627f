"""The `summarize` command: a thin shell over the library. Heavy imports happen inside commands so
that `summarize --help` answers at once."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__

DEFAULT_WORDS = 150  # the library's default too (summarize.brief.DEFAULT_WORDS); kept here to stay light


def report_step(step: str) -> None:
    """Progress on stderr for a person watching; silent when stderr is a file or a pipe."""
    if sys.stderr.isatty():
        click.echo(f"{step}…", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="summarize")
def main() -> None:
    """Brief several news articles about one event.

    Every sentence of a brief is taken verbatim from one article, cites it, and names the other
    articles that report the same thing. Runs offline.

    \b
    Examples:
      summarize brief                       brief the built-in sample (five outlets, one event)
      summarize brief a.txt b.txt c.md      brief your own articles
      summarize brief news/ --words 100     every .txt/.md file in a folder, in 100 words
      summarize brief --format json -o brief.json
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
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
def brief(paths: tuple[Path, ...], words: int, output_format: str, output: Path | None) -> None:
    """Brief the articles in PATHS (.txt/.md files, or folders of them).

    With no PATHS, briefs the built-in sample: five outlets reporting NATO's expulsion of Russian
    officials in October 2021. Progress goes to stderr when it is a terminal.
    """
    from .atomic import write_atomically
    from .brief import BriefSettings, build_brief
    from .documents import article_paths, read_documents, sample_documents
    from .embedding import default_embedder
    from .records import SummarizeError
    from .render import to_json, to_markdown

    try:
        if output is not None:
            if not output.parent.is_dir():
                raise SummarizeError(f"{output}: the folder {output.parent} does not exist")
            if any(output.resolve() == p.resolve() for p in article_paths(paths)):
                raise SummarizeError(f"{output}: refusing to overwrite an input article")
        documents = read_documents(paths) if paths else sample_documents()
        result = build_brief(documents, default_embedder(), BriefSettings(words=words), progress=report_step)
    except SummarizeError as error:
        raise click.UsageError(str(error)) from None
    text = to_json(result) if output_format == "json" else to_markdown(result)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text)
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
