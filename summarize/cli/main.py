"""The `summarize` command: a thin shell over the library. Heavy imports happen inside commands so
that `summarize --help` answers at once."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from ..records import SummarizeError
from ..version import __version__
from .batch import batch
from .brief import (
    BACKEND_OPTION,
    CLUSTER_OPTION,
    FOCUS_OPTION,
    METHOD_OPTION,
    NO_CACHE_OPTION,
    PROMPT_OPTION,
    WORDS_OPTION,
    brief,
    sectioning,
    starting_budget,
)
from .cache import cache
from .common import embedder_factory
from .eval import evaluate
from .interrupts import interruption, signals_raised, written_files
from .prompts import prompts


class OneLineErrors(click.Group):
    """Every error as one line on stderr, with no usage block and no traceback: exit status 2 for bad
    input or options (click's usage errors and the library's SummarizeError), 130 for Ctrl-C and 143
    for SIGTERM (see `summarize.cli.interrupts`)."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        with signals_raised() as received:  # first: an interrupt from here on is handled below
            written_files.clear()
            try:
                result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            except BaseException as error:
                ended = interruption(error, received)
                if ended is not None:
                    _fail(*ended)
                if isinstance(error, click.ClickException):
                    _fail(error.format_message(), error.exit_code)
                if isinstance(error, SummarizeError):
                    _fail(str(error), 2)
                if isinstance(error, click.Abort):
                    _fail("aborted", 1)
                raise
            ended = interruption(KeyboardInterrupt(), received) if received else None
            if ended is not None:  # raised, then lost on the way (an import made it an error someone caught)
                _fail(*ended)
        sys.exit(result if isinstance(result, int) else 0)


def _fail(message: str, status: int) -> None:
    from ..output.safety import printable

    click.echo("Error: " + " ".join(printable(message).split()), err=True)
    sys.exit(status)


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
      summarize brief --prompt briefing     in sections: what happened, responses, background
      summarize brief --focus "How did Russia respond?"    only what answers one question
      summarize prompts                     the prompts you can brief with
      summarize brief --format json -o brief.json
      summarize brief a.txt b.txt -o brief.html    a page to share: click a sentence, see its source
      summarize tui a.txt b.txt             the brief beside its sources; +/- to change its length
      summarize batch data.jsonl -o out.jsonl      every cluster of a JSON-lines file
    """


@main.command(short_help="Open the brief beside its sources, in the terminal.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@WORDS_OPTION
@METHOD_OPTION
@CLUSTER_OPTION
@PROMPT_OPTION
@FOCUS_OPTION
@NO_CACHE_OPTION
@BACKEND_OPTION
def tui(
    paths: tuple[Path, ...],
    words: int | None,
    method: str,
    cluster: str | None,
    prompt_name: str | None,
    focus: str | None,
    no_cache: bool = False,
    backend: str | None = None,
) -> None:
    """Open the interactive briefing on PATHS (or on the built-in sample).

    Read the brief, grow or shrink it live, and check every sentence against its sources.
    Press ? inside for the keys. PATHS are what `brief` takes (files, folders, URLs,
    FILE.jsonl#ID), except - : the TUI reads the keyboard on standard input. The options
    are `brief`'s: they set how the brief starts; inside, + and - change its length, p its
    prompt, f its focus question and m its method.
    """
    if any(str(path) == "-" for path in paths):
        raise click.UsageError("-: the TUI reads the keyboard on standard input; save the article to a file")
    try:
        prompt = sectioning(prompt_name, focus, method)
        if cluster is not None and not paths:
            raise SummarizeError(f"--cluster {cluster}: give the .jsonl cluster file it belongs to")
        embedder = None  # the app's own default: the brief's backend, behind the on-disk cache
        if backend is not None or no_cache:
            from ..embedding.cache import with_cache

            embedder = with_cache(embedder_factory(backend)(), not no_cache)
    except SummarizeError as error:
        raise click.UsageError(str(error)) from None
    from tui.app import run
    from tui.choice import Choice

    choice = Choice(method, prompt, focus.strip() if focus is not None else None)
    run(list(paths), starting_budget(words, prompt), choice, embedder, cluster)


main.add_command(brief)
main.add_command(prompts)
main.add_command(batch)
main.add_command(cache)
main.add_command(evaluate)
