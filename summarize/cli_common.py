"""What the `summarize` commands share: option help and the light helpers that build an embedder
and a progress console, and keep compiled code's prints out of their output. Nothing heavy is
imported here, so that `summarize --help` answers at once."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

NO_CACHE_HELP = "Neither read nor store sentence embeddings in the on-disk cache (see `summarize cache`)."
BACKEND_NAMES = ("torch", "onnx", "static")  # summarize.embedding.BACKENDS, without importing numpy here
_BACKENDS_HELP = (
    "How sentences are embedded: torch (all-MiniLM-L6-v2 on sentence-transformers, the reference), onnx "
    "(the same model in int8 on onnxruntime: starts in a fraction of the time, embeds ~2.5x faster) or "
    "static (token vectors distilled from it: embedding costs next to nothing; ROUGE within 0.2 R2 of "
    "the transformer, but its clusters, so the 'also' citations, agree less with the transformer's). "
    "onnx and static are built once from the installed weights (static: ~2 minutes). "
)
BACKEND_HELP = _BACKENDS_HELP + "Default: $SUMMARIZE_BACKEND, else onnx, or static for over 1.5 million characters of text."
BATCH_BACKEND_HELP = _BACKENDS_HELP + (
    "Default: $SUMMARIZE_BACKEND, else static (fastest; for the transformer's corroborations use onnx)."
)


def embedder_factory(backend: str | None, purpose: str = "brief"):
    """What builds the embedder: the library's default for `purpose` ("brief", "batch" or "large";
    tests replace these), or the named backend.

    A model that must be built first (the static one, minutes) is built here, once, with one line
    on stderr, before any worker process starts (each would otherwise build its own)."""
    from functools import partial

    from . import embedding

    if backend is None:
        defaults = {"brief": embedding.default_embedder, "batch": embedding.default_batch_embedder,
                    "large": embedding.large_input_embedder}
        factory = defaults[purpose]
    else:
        factory = partial(embedding.embedder_for, backend)
    if (backend or embedding.default_backend(purpose)) == "static":
        ensure_built = getattr(factory(), "ensure_built", None)  # making an embedder loads nothing yet
        if ensure_built is not None:  # (a test's fake has nothing to build)
            ensure_built(build_notice)
    return factory


def build_notice(message: str) -> None:
    """One line on stderr while a model is built (the core reports it, the shell prints it)."""
    import click

    click.echo(message, err=True)


def stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _flush_native_stdout() -> None:
    try:
        import ctypes

        ctypes.CDLL(None).fflush(None)  # C's own stdout buffer, which Python's flush does not reach
    except (OSError, AttributeError, TypeError):  # no C library to ask (Windows): nothing buffered there by us
        pass


@contextmanager
def native_stdout_silenced() -> Iterator[None]:
    """While this runs, what compiled code prints to file descriptor 1 goes nowhere.

    scipy's copy of the HiGHS solver prints a debug line ("HighsMipSolverData::transformNewInteger...")
    on a few integer programs in a hundred; it would land inside a brief written to standard output, or
    on the TUI's screen. Our own output is written after this, or to stderr (progress, the TUI)."""
    sys.stdout.flush()
    _flush_native_stdout()
    try:
        saved = os.dup(1)
    except OSError:  # no standard output at all (closed): nothing to protect
        yield
        return
    sink = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(sink, 1)
        yield
    finally:
        _flush_native_stdout()
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)
        os.close(sink)
