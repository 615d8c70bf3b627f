"""What the `summarize` commands share: option help and the light helpers that build an embedder
and a progress console. Nothing heavy is imported here, so that `summarize --help` answers at once."""

from __future__ import annotations

import math

import click

NO_CACHE_HELP = "Neither read nor store sentence embeddings in the on-disk cache (see `summarize cache`)."
BACKEND_HELP = (
    "How the model runs: torch (sentence-transformers, the reference) or onnx (int8 onnxruntime: starts "
    "in a fraction of the time, embeds ~2.5x faster; built once from the installed weights). "
    "Default: $SUMMARIZE_BACKEND, else onnx."
)


class PositiveNumber(click.FloatRange):
    """A number above 0 and at most `most` (inf and nan are not numbers a limit can be)."""

    def __init__(self, most: float) -> None:
        super().__init__(min=0, max=most, min_open=True)

    def convert(self, value, param, ctx):  # type: ignore[no-untyped-def]
        number = click.FLOAT.convert(value, param, ctx)
        if math.isnan(number):  # nan compares false with every bound
            self.fail(f"{value!r} is not a number", param, ctx)
        return super().convert(number, param, ctx)


def embedder_factory(backend: str | None):
    """What builds the embedder: the library's default (tests replace it), or the named backend."""
    from functools import partial

    from . import embedding

    return embedding.default_embedder if backend is None else partial(embedding.embedder_for, backend)


def cache_note(embedder: object) -> str | None:
    """What to tell the user, once, about the on-disk cache after a run: that it was skipped, and
    why, or that damaged vectors in it were dropped (and embedded again). None when all went well."""
    error = getattr(embedder, "error", None)
    if error is not None:
        return f"Note: the embedding cache was skipped ({error}); see `summarize cache info`."
    dropped = getattr(getattr(embedder, "cache", None), "dropped", 0)
    if dropped:
        return f"Note: {dropped} damaged vector{'s' if dropped != 1 else ''} in the embedding cache were dropped and embedded again."
    return None


def stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def write_output(output, text: str) -> None:
    """A command's result into the file `-o` names (see `summarize.atomic`), or one clean error.

    The file is noted as written the moment it is, so that an interrupt does not claim otherwise."""
    from .atomic import write_atomically
    from .cli_interrupts import written_files
    from .records import SummarizeError

    try:
        write_atomically(output, text, written_files)
    except OSError as error:  # checked before the work; a full disk or a size limit can still happen
        raise SummarizeError(f"{output}: cannot write ({error.strerror or error})") from None
