"""The `summarize` command: a thin shell over the library. Heavy imports happen inside commands so
that `summarize --help` answers at once."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from ..records import SummarizeError
from ..version import __version__
from .batch import batch
from .brief import brief
from .cache import cache
from .eval import evaluate
from .interrupts import interruption, signals_raised, written_files
from .prompts import prompts
from .tui import tui


class OneLineErrors(click.Group):
    """Every error as one line on stderr, with no usage block and no traceback: exit status 2 for bad
    input or options (click's usage errors and the library's SummarizeError), 130 for Ctrl-C and 143
    for SIGTERM (see `summarize.cli.interrupts`). A group run without a command shows its help
    (stdout, status 0)."""

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
                if isinstance(error, click.exceptions.NoArgsIsHelpError):  # `summarize`, `summarize cache`
                    # The help asked for by giving no command: on stdout, status 0 (as --help), not
                    # click 8.2's usage error (stderr, status 2), which reads as a mistake.
                    click.echo(error.ctx.get_help())
                    sys.exit(0)
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
      summarize brief                    the built-in sample: 5 outlets, one event
      summarize brief a.txt b.txt c.md   your own articles
      summarize brief news/ -w 100       a folder's articles, in 100 words
      summarize brief page.html https://example.com/story
                                         saved pages and URLs
      summarize brief data.jsonl --cluster d061j
                                         one cluster of a JSON-lines file
      curl -s URL | summarize brief -    one article from standard input
      summarize brief --prompt briefing  in sections: what happened, responses,
                                         background
      summarize brief --focus "How did Russia respond?"
                                         only what answers one question
      summarize prompts                  the prompts you can brief with
      summarize brief -o brief.json      the brief as JSON (or --format json)
      summarize brief a.txt b.txt -o brief.html
                                         a page to share: click a sentence, see
                                         its source
      summarize tui a.txt b.txt          the brief beside its sources; + and -
                                         change its length
      summarize batch data.jsonl -o out.jsonl
                                         every cluster of a JSON-lines file
    """


main.add_command(brief)
main.add_command(prompts)
main.add_command(batch)
main.add_command(cache)
main.add_command(evaluate)
main.add_command(tui)
