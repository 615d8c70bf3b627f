"""What every ranker is: a `Ranker` chooses sentences (`Choice`s) for a brief."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..records import Analysis


@dataclass(frozen=True)
class Choice:
    sentence: int  # index into Analysis.sentences
    score: float


class Ranker(Protocol):
    """Chooses sentences for a brief; returns them in the order the brief shows them."""

    name: str

    def select(self, analysis: Analysis, budget: int) -> list[Choice]: ...
