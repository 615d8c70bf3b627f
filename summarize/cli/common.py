"""What the `summarize` commands share: option help and the light helpers that build an embedder
and a progress console. Nothing heavy is imported here, so that `summarize --help` answers at once."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..wording import plural

NO_CACHE_HELP = "Neither read nor store sentence embeddings in the on-disk cache (see `summarize cache`)."
if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, ProgressColumn

    from ..embedding.base import Embedder

BACKEND_NAMES = ("torch", "onnx", "static")  # summarize.embedding.backends.BACKENDS, without importing numpy here
_BACKENDS_HELP = (
    "How sentences are embedded: torch (all-MiniLM-L6-v2 on sentence-transformers, the reference), onnx "
    "(the same model in int8 on onnxruntime: starts in a fraction of the time, embeds ~2.5x faster) or "
    "static (token vectors distilled from it: embedding costs next to nothing; ROUGE-2 within 0.24 of "
    "the transformer's on every development set, and sentence clusters that agree less with its own). "
    "onnx and static are built once from the installed weights (static: ~2 minutes). "
)
BACKEND_HELP = (
    _BACKENDS_HELP + "Default: $SUMMARIZE_BACKEND, else onnx, or static for over 1.5 million characters of text."
)
TUI_BACKEND_HELP = _BACKENDS_HELP + (
    "Default: $SUMMARIZE_BACKEND, else onnx, at any size of input (the app keeps one model for the "
    "articles it starts with and those added)."
)
EVAL_BACKEND_HELP = (
    _BACKENDS_HELP + "Used by ours and concepts-plain. Default: $SUMMARIZE_BACKEND, else onnx, as a brief."
)
BATCH_BACKEND_HELP = _BACKENDS_HELP + (
    "Default: $SUMMARIZE_BACKEND, else static (fastest; onnx for the transformer's clusters)."
)


class Count(click.IntRange):
    """A whole number in a range, for --words, --workers and --limit: click.IntRange calls "abc" "not a
    valid integer range" (as if a range were asked for) and shows INTEGER RANGE in --help."""

    name = "integer"


class PositiveNumber(click.FloatRange):
    """A number above 0 and at most `most` (inf and nan are not numbers a limit can be)."""

    def __init__(self, most: float) -> None:
        super().__init__(min=0, max=most, min_open=True)

    def convert(self, value, param, ctx):  # type: ignore[no-untyped-def]
        number = click.FLOAT.convert(value, param, ctx)
        if math.isnan(number):  # nan compares false with every bound
            self.fail(f"{value!r} is not a number", param, ctx)
        return super().convert(number, param, ctx)


def embedder_factory(backend: str | None, purpose: str = "brief") -> Callable[[], Embedder]:
    """What builds the embedder: the library's default for `purpose` ("brief", "batch" or "large";
    tests replace `embedding.default_embedder`), or the named backend.

    A model that must be built first (the static one, minutes) is built here, once, with one line
    on stderr, before any worker process starts (each would otherwise build its own)."""
    from functools import partial

    from ..embedding import backends as embedding

    # build_notice also tells of the int8 ONNX model's build (seconds), when the first brief needs it
    factory = (
        embedding.default_factory(purpose, build_notice)
        if backend is None
        else partial(embedding.embedder_for, backend, build_notice)
    )
    if (backend or embedding.default_backend(purpose)) == "static":
        ensure_built = getattr(factory(), "ensure_built", None)  # making an embedder loads nothing yet
        if ensure_built is not None:  # (a test's fake has nothing to build)
            ensure_built(build_notice)
    return factory


def build_notice(message: str) -> None:
    """One line on stderr while a model is built (the core reports it, the shell prints it)."""
    click.echo(message, err=True)


def cache_note(embedder: object) -> str | None:
    """What to tell the user, once, about the on-disk cache after a run: that it was skipped, and
    why, or that damaged vectors in it were dropped (and embedded again). None when all went well."""
    error = getattr(embedder, "error", None)
    if error is not None:
        return f"Note: the embedding cache was skipped ({error}); see `summarize cache info`."
    dropped = getattr(getattr(embedder, "cache", None), "dropped", 0)
    if dropped:
        were = plural(dropped, "was", "were")
        return f"Note: {dropped} damaged {plural(dropped, 'vector')} in the embedding cache {were} dropped and embedded again."
    return None


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


@contextmanager
def progress_bar(*columns: ProgressColumn | str) -> Iterator[Progress]:
    """A Rich progress display on stderr that a failed run does not leave behind (not even its last
    state, which Rich prints when stderr is no terminal): the run's one line is then its error."""
    from rich.progress import Progress

    with Progress(*columns, console=stderr_console()) as progress:
        try:
            yield progress
        except BaseException:
            progress.live.transient = True
            progress.live.stop()
            progress.disable = True  # else its exit adds a blank line when stderr is no terminal
            raise


def write_output(output: str | Path, text: str) -> None:
    """A command's result into the file `-o` names (see `summarize.output.atomic`), or one clean error.

    The file is noted as written the moment it is, so that an interrupt does not claim otherwise."""
    from ..output.atomic import write_atomically
    from ..records import SummarizeError
    from .interrupts import written_files

    try:
        write_atomically(output, text, written_files)
    except OSError as error:  # checked before the work; a full disk or a size limit can still happen
        raise SummarizeError(f"{output}: cannot write ({error.strerror or error})") from None
