"""What the `summarize` commands share: option help and the light helpers that build an embedder
and a progress console. Nothing heavy is imported here, so that `summarize --help` answers at once."""

from __future__ import annotations

NO_CACHE_HELP = "Neither read nor store sentence embeddings in the on-disk cache (see `summarize cache`)."
BACKEND_HELP = (
    "How the model runs: torch (sentence-transformers, the reference) or onnx (int8 onnxruntime: starts "
    "in a fraction of the time, embeds ~2.5x faster; built once from the installed weights). "
    "Default: $SUMMARIZE_BACKEND, else onnx."
)


def embedder_factory(backend: str | None):
    """What builds the embedder: the library's default (tests replace it), or the named backend."""
    from functools import partial

    from . import embedding

    return embedding.default_embedder if backend is None else partial(embedding.embedder_for, backend)


def stderr_console():
    from rich.console import Console

    return Console(stderr=True)
