"""Learned concept weights: how many of the reference summaries a bigram is expected to appear in.

A linear model over the generic features of `summarize.selection.concept_features`, fitted by
`bench/train_concept_weights.py` on the development sets (Li, Qian & Liu 2013). The fitted numbers
ship as `summarize/data/concept_weights.json`; using them needs numpy only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from ..records import Document, Sentence
from ..text.bigrams import Concept
from .concept_features import FEATURES, concept_features

MODEL_FILE = "concept_weights.json"


@dataclass(frozen=True)
class ConceptModel:
    """A logistic model: weight = 1 / (1 + exp(-(intercept + sum(coefficient * (feature - mean) / scale)))),
    the expected share of reference summaries that hold the bigram. Hashable, so a ranker's prepared
    weights can be memoised per model."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    trained_on: tuple[str, ...] = ()  # the development sets it was fitted on

    def __post_init__(self) -> None:
        sizes = {len(self.features), len(self.mean), len(self.scale), len(self.coefficients)}
        if sizes != {len(self.features)} or set(self.features) - set(FEATURES):
            raise ValueError(f"a concept model needs one mean, scale and coefficient per known feature: {self}")

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """The model's value for feature rows whose columns are in the order of FEATURES."""
        columns = [FEATURES.index(name) for name in self.features]
        standard = (rows[:, columns] - np.array(self.mean)) / np.array(self.scale)
        predicted: np.ndarray = 1.0 / (
            1.0 + np.exp(-np.clip(self.intercept + standard @ np.array(self.coefficients), -30, 30))
        )
        return predicted

    def weights(
        self,
        documents: Sequence[Document],
        sentences: Sequence[Sentence],
        concepts: Sequence[set[Concept]],
        standalone: Sequence[float] | np.ndarray,
        min_documents: int,
    ) -> dict[Concept, float]:
        """Each bigram that `min_documents` articles mention, with its predicted weight."""
        kept, rows = concept_features(documents, sentences, concepts, standalone, min_documents)
        if not kept:
            return {}
        predicted = self.predict(rows)
        return {concept: float(value) for concept, value in zip(kept, predicted)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coefficients": list(self.coefficients),
            "intercept": self.intercept,
            "trained_on": list(self.trained_on),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConceptModel:
        return cls(
            tuple(data["features"]),
            tuple(map(float, data["mean"])),
            tuple(map(float, data["scale"])),
            tuple(map(float, data["coefficients"])),
            float(data["intercept"]),
            tuple(data.get("trained_on", ())),
        )


@cache
def _shipped() -> dict[str, Any]:
    text = resources.files("summarize").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    model: dict[str, Any] = json.loads(text)
    return model


@cache
def shipped_models() -> tuple[ConceptModel, ...]:
    """Every shipped model, the one fitted on all the development sets first."""
    return tuple(ConceptModel.from_dict(model) for model in _shipped()["models"])


def shipped_model() -> ConceptModel:
    """The model fitted on all the development sets: the one briefs use."""
    return shipped_models()[0]


def model_not_trained_on(cluster_ids: Sequence[str]) -> ConceptModel | None:
    """The shipped model fitted on the most development sets none of whose clusters is among
    `cluster_ids` (evaluating on a development set uses weights learned without it); None when every
    model saw some of them."""
    training_sets = {name: set(ids) for name, ids in _shipped()["sets"].items()}
    asked = set(cluster_ids)
    unseen = [m for m in shipped_models() if not any(training_sets[s] & asked for s in m.trained_on)]
    return max(unseen, key=lambda m: len(m.trained_on), default=None)
