"""The embedding backends by name (torch, onnx, static), and the default one for each purpose."""

from __future__ import annotations

import os
from collections.abc import Callable

from .base import Embedder
from .torch_model import SentenceTransformerEmbedder

BACKENDS = ("torch", "onnx", "static")


def embedder_for(backend: str, on_build: Callable[[str], None] | None = None) -> Embedder:
    """The model on `backend`. `on_build` hears, in one line, that its model (static, onnx) is being built."""
    if backend == "onnx":
        from .onnx_model import OnnxEmbedder

        return OnnxEmbedder(on_build=on_build)
    if backend == "static":
        from .static_model import StaticEmbedder

        return StaticEmbedder(on_build=on_build)
    if backend != "torch":
        raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    return SentenceTransformerEmbedder()


# Above this much text a brief embeds with the static backend unless told otherwise (purpose
# "large"): the transformer would take most of a minute (onnx embeds ~500 sentences a second a core).
LARGE_INPUT_CHARACTERS = 1_500_000
PURPOSES = ("brief", "batch", "large")


def default_backend(purpose: str = "brief") -> str:
    """$SUMMARIZE_BACKEND; else static for `summarize batch` and for a brief of more than
    LARGE_INPUT_CHARACTERS: ROUGE-2 within 0.24 of the transformer's on every development set at a
    fraction of its time, but clusters (so corroborations) that agree less with the transformer's;
    else onnx when onnxruntime is installed (the transformer's ROUGE at a sixth of torch's cold
    start); else torch."""
    from importlib.util import find_spec

    if purpose not in PURPOSES:
        raise ValueError(f"unknown purpose {purpose!r}; choose one of {', '.join(PURPOSES)}")
    chosen = os.environ.get("SUMMARIZE_BACKEND")
    if chosen:
        return chosen
    if purpose != "brief" and find_spec("safetensors") and find_spec("tokenizers"):
        return "static"
    return "onnx" if find_spec("onnxruntime") and find_spec("onnx") else "torch"


def default_embedder() -> Embedder:
    """The embedder shells use for a brief unless told otherwise (tests replace this function)."""
    return embedder_for(default_backend())


def default_factory(purpose: str = "brief", on_build: Callable[[str], None] | None = None) -> Callable[[], Embedder]:
    """What makes the default embedder for `purpose` ("brief", "batch", "large"): picklable, since
    worker processes receive it (so is `on_build`, when it is a module's function, as the shells' is).
    A replaced `default_embedder` (a test's fake) serves every purpose."""
    if default_embedder is not _DEFAULT_EMBEDDER or (purpose == "brief" and on_build is None):
        return default_embedder
    from functools import partial

    return partial(embedder_for, default_backend(purpose), on_build)


def default_embedder_for(purpose: str) -> Embedder:
    """The embedder shells use for `purpose` unless told otherwise."""
    return default_factory(purpose)()


_DEFAULT_EMBEDDER = default_embedder
