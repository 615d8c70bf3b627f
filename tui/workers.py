"""What the app's workers share with it: a memory of embedded sentences, a model call the user can
walk away from, and the messages that carry results back to the screen."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, TypeVar

import numpy as np
from textual.message import Message
from textual.worker import get_current_worker

from summarize.embedding.base import Embedder
from summarize.inputs.documents import SkippedFile
from summarize.records import Analysis, Brief, Document, SummarizeError

from .choice import Choice

T = TypeVar("T")


class AnalysisCancelled(Exception):
    """The worker was cancelled (the user quit, or changed the articles) while the model ran."""


def call_abandonably(function: Callable[[], T]) -> T:
    """Run `function` in a daemon thread and wait, giving up as soon as the calling worker is
    cancelled: a model load cannot be interrupted, but it must not keep `q` from quitting."""
    worker = get_current_worker()
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = function()
        except BaseException as error:  # re-raised in the worker below
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True, name="summarize-embedding")
    thread.start()
    while thread.is_alive():
        thread.join(0.1)
        if worker.is_cancelled:
            raise AnalysisCancelled()
    if "error" in outcome:
        raise outcome["error"]
    value: T = outcome["value"]
    return value


class RememberingEmbedder:
    """Embeds each distinct sentence once, so adding or removing an article re-embeds nothing old,
    and embeds in batches so that a cancelled worker stops soon."""

    BATCH = 64

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name = inner, inner.name
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()  # one analysis at a time may fill the memory

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return self.inner.embed([])
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
            for start in range(0, len(missing), self.BATCH):
                batch = missing[start : start + self.BATCH]
                self._vectors.update(zip(batch, call_abandonably(partial(self.inner.embed, batch))))
            return np.stack([self._vectors[text] for text in texts])


class ArticlesRead(Message):
    """Articles read for the start (`adding` False) or to add to the current ones; or, with
    `documents` None, why they could not be read. `skipped`: the files left out, and why."""

    def __init__(
        self,
        documents: tuple[Document, ...] | None,
        adding: bool,
        error: str = "",
        skipped: tuple[SkippedFile, ...] = (),
    ) -> None:
        super().__init__()
        self.documents, self.adding, self.error, self.skipped = documents, adding, error, skipped


class AnalysisStep(Message):
    def __init__(self, generation: int, step: str) -> None:
        super().__init__()
        self.generation, self.step = generation, step


class AnalysisDone(Message):
    def __init__(self, generation: int, analysis: Analysis) -> None:
        super().__init__()
        self.generation, self.analysis = generation, analysis


class AnalysisFailed(Message):
    def __init__(self, generation: int, error: str) -> None:
        super().__init__()
        self.generation, self.error = generation, error


class BriefComposed(Message):
    """A new selection at the current budget as `choice` says, or why there is none (`brief` None)."""

    def __init__(self, generation: int, choice: Choice, brief: Brief | None, error: str = "") -> None:
        super().__init__()
        self.generation, self.choice, self.brief, self.error = generation, choice, brief, error


def describe(error: Exception) -> str:
    return str(error) if isinstance(error, SummarizeError) else f"{type(error).__name__}: {error}"
