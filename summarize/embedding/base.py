"""What every embedder is: a one-method protocol, and the model all backends run."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"


class Embedder(Protocol):
    """Turns texts into unit-length vectors, one row per text."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...
