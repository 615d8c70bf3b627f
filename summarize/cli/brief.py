"""`summarize brief`: the articles of PATHS (or the built-in sample) in one brief. Registered on the
`summarize` group in `summarize.cli.main`; heavy imports happen inside the command."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..output.formats import FORMATS, format_for_path, format_surprises
from ..records import DEFAULT_WORDS, MAX_WORDS, SummarizeError
from ..selection.registry import RANKER_NAMES
from ..wording import plural
from .common import (
    BACKEND_HELP,
    BACKEND_NAMES,
    NO_CACHE_HELP,
    Count,
    PositiveNumber,
    cache_note,
    embedder_factory,
    write_output,
)

if TYPE_CHECKING:
    from ..sections.prompts import Prompt


def report_step(step: str) -> None:
    """Progress on stderr for a person watching; silent when stderr is a file or a pipe."""
    if sys.stderr.isatty():
        click.echo(f"{step}…", err=True)


# The options `summarize tui` shares with `summarize brief`: the same names, the same meaning.
WORDS_OPTION = click.option(
    "-w",
    "--words",
    type=Count(min=1, max=MAX_WORDS),
    default=None,
    show_default=f"{DEFAULT_WORDS}, or the prompt's own",
    help="Word budget: the brief never exceeds it and fills most of it when the input allows "
    "(a note says when the articles hold too little).",
)
METHOD_OPTION = click.option(
    "-m",
    "--method",
    type=click.Choice(RANKER_NAMES),
    default=RANKER_NAMES[0],
    show_default=True,
    help="concepts: the concept-coverage selection (an integer program, solved exactly up to 600 candidate "
    "sentences and within 1 % of its optimum above: a story of hundreds of articles); salience: the faster greedy one.",
)
CLUSTER_OPTION = click.option(
    "-c",
    "--cluster",
    metavar="ID",
    help="Which cluster of a .jsonl cluster file to brief (needed when it holds several).",
)
PROMPT_OPTION = click.option(
    "-p",
    "--prompt",
    "prompt_name",
    metavar="NAME|FILE",
    help="Brief in the sections of a prompt: a shipped one (see `summarize prompts`) or your own .md file.",
)
FOCUS_OPTION = click.option(
    "--focus",
    metavar="QUESTION",
    help='Brief only what answers one question, e.g. --focus "How did Russia respond?".',
)
TIMEOUT_OPTION = click.option(
    "--timeout",
    type=PositiveNumber(most=86_400),
    default=20.0,
    show_default=True,
    metavar="SECONDS",
    help="Give up on a URL that has not arrived in full by then.",
)
MAX_DOWNLOAD_OPTION = click.option(
    "--max-download",
    type=PositiveNumber(most=1024),
    default=10.0,
    show_default=True,
    metavar="MB",
    help="Refuse a URL whose page is larger than this.",
)
NO_CACHE_OPTION = click.option("--no-cache", is_flag=True, help=NO_CACHE_HELP)
BACKEND_OPTION = click.option("--backend", type=click.Choice(BACKEND_NAMES), help=BACKEND_HELP)


@click.command(short_help="Brief articles (files, folders, URLs, -) or the built-in sample.")
@click.argument("paths", nargs=-1, type=click.Path())
@WORDS_OPTION
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default=None,
    show_default="from the -o file's extension (.json, .html), else markdown",
    help="markdown for reading; json for scripts (schema in the README); html: one self-contained page to "
    "share, each sentence one click from its place in its source (opens offline, from any folder).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the brief to this file instead of standard output (- : standard output); a .json or .html "
    "name picks that format. A file is replaced atomically and keeps its permissions; a named pipe or "
    "device is written in place.",
)
@METHOD_OPTION
@CLUSTER_OPTION
@TIMEOUT_OPTION
@MAX_DOWNLOAD_OPTION
@PROMPT_OPTION
@FOCUS_OPTION
@NO_CACHE_OPTION
@BACKEND_OPTION
def brief(
    paths: tuple[str, ...],
    words: int | None,
    output_format: str | None,
    output: Path | None,
    method: str,
    cluster: str | None,
    timeout: float,
    max_download: float,
    prompt_name: str | None,
    focus: str | None,
    no_cache: bool = False,
    backend: str | None = None,
) -> None:
    """Brief the articles in PATHS: files, folders of them, URLs, or - (stdin).

    \b
    Accepted: .txt/.md text in any encoding (UTF-8, else detected); .html/.htm
    pages and http(s):// URLs (the article is extracted; citations refer to
    its text); a .jsonl cluster file (one {"id", "documents": [...]} a line;
    --cluster ID or FILE.jsonl#ID picks one); - for one article on standard
    input. A folder gives its .txt/.md/.html/.htm files. Copies of one story
    are cited, marked, and not repeated. Articles must be English, at most 5
    million characters (5 MB) of text each, of which at most 500,000 of
    prose.

    With no PATHS, briefs the built-in sample: five outlets reporting NATO's expulsion of Russian
    officials in October 2021. Progress goes to stderr when it is a terminal. A file that is no
    article (empty, binary, no article text, not English) in a folder or among several files is
    skipped, named with why in one line on stderr. Bad input (such a file named alone, or no file
    left; a missing file, a failed URL, a malformed line) exits with status 2 and one line on
    stderr, and writes nothing; Ctrl-C exits with status 130 (SIGTERM: 143) and writes nothing.
    """
    from ..embedding.cache import with_cache
    from ..inputs.documents import SkippedFile, article_paths, read_documents, sample_documents, skipped_note
    from ..output.atomic import check_output_path, is_standard_output
    from ..output.formats import render_as
    from ..output.render import shortfall_note
    from ..output.safety import one_line
    from ..pipeline import BriefSettings, build_brief
    from ..selection.registry import ranker_named

    try:
        chosen_prompt = sectioning(prompt_name, focus, method)
        if is_standard_output(output):
            output = None
        elif output is None and output_format == "html" and sys.stdout.isatty():  # 50 kB of markup on screen
            raise SummarizeError(
                "--format html writes a page for a browser, not for a terminal: give a file with "
                "-o brief.html (or -o - to print it anyway)"
            )
        if output is not None:
            check_output_path(output, article_paths(paths))
        if cluster is not None and not paths:
            raise SummarizeError(f"--cluster {cluster}: give the .jsonl cluster file it belongs to")
        max_bytes = download_bytes(max_download)
        if any(path == "-" for path in paths) and sys.stdin.isatty():  # else it would wait without a word
            click.echo(
                "Reading one article from standard input: type or paste it, then Ctrl-D on a new line.", err=True
            )
        skipped: list[SkippedFile] = []  # the files that are no article, left out
        documents = (
            read_documents(paths, cluster, timeout=timeout, max_download=max_bytes, skipped=skipped)
            if paths
            else sample_documents()
        )
        note = skipped_note(skipped)
        if note is not None:  # before the progress lines: the brief is of the other files
            click.echo(one_line(note), err=True)
        ranker = ranker_named(method)
        words = starting_budget(words, chosen_prompt)
        from ..embedding.backends import LARGE_INPUT_CHARACTERS

        large = sum(len(document.text) for document in documents) > LARGE_INPUT_CHARACTERS
        factory = embedder_factory(backend, "large" if large else "brief")
        embedder = with_cache(factory(), not no_cache, companions=shipped_questions)
        result = build_brief(
            documents,
            embedder,
            BriefSettings(words=words),
            ranker,
            progress=report_step,
            prompt=chosen_prompt,
            focus=focus,
        )
    except SummarizeError as error:
        raise click.UsageError(str(error)) from None
    for note in (cache_note(embedder), shortfall_note(result)):  # (the TUI shows the shortfall under the brief)
        if note is not None:
            click.echo(one_line(note), err=True)
    if output_format is None:
        output_format = format_for_path(output) if output is not None else "markdown"
    text = render_as(result, output_format)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_output(output, text)
        opens = "; open it in any browser" if output_format == "html" else ""
        written_as = f", as {output_format}" if format_surprises(output, output_format) else ""
        click.echo(
            f"Wrote {one_line(str(output))} ({result.words} words from {len(documents)} "
            f"{plural(len(documents), 'source')}{written_as}{opens}).",
            err=True,
        )


def download_bytes(megabytes: float) -> int:
    """`--max-download` MB in bytes."""
    return max(1, int(megabytes * 1024 * 1024))


def starting_budget(words: int | None, prompt: Prompt | None) -> int:
    """`--words`, else the prompt's own `words:`, else DEFAULT_WORDS."""
    if words is not None:
        return words
    return prompt.words if prompt is not None and prompt.words else DEFAULT_WORDS


def shipped_questions() -> list[str]:
    """Every question of the shipped prompts: cached with a brief's sentences, so that re-briefing
    with any shipped prompt runs no model."""
    from ..sections.prompts import shipped_prompts

    return [q for prompt in shipped_prompts() for section in prompt.sections for q in section.questions]


def sectioning(prompt_name: str | None, focus: str | None, method: str) -> Prompt | None:
    """The prompt `--prompt` names (None without it), after checking the options go together."""
    from ..sections.prompts import load_prompt

    if prompt_name is not None and focus is not None:
        raise SummarizeError("--prompt and --focus do not go together: a focus question is a one-section prompt")
    if (prompt_name is not None or focus is not None) and method != "concepts":
        option = "--prompt" if prompt_name is not None else "--focus"
        raise SummarizeError(f"{option} chooses sentences with the concepts method; leave out --method {method}")
    if focus is not None and not focus.strip():
        raise SummarizeError("--focus: the question is empty")
    return load_prompt(prompt_name) if prompt_name is not None else None
