"""What every ranker is: a `Ranker` chooses sentences (`Choice`s) for a brief."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..records import Analysis


@dataclass(frozen=True)
class Choice:
    sentence: int  # index into Analysis.sentences
    score: float


class Ranker(Protocol):
    """Chooses sentences for a brief; returns them in the order the brief shows them."""

    name: str

    def select(self, analysis: Analysis, budget: int) -> list[Choice]: ...


@runtime_checkable
class TopsUp(Protocol):
    """A ranker whose choice may stop short of the budget (the concept program, once its concepts
    run out) and that fills the room left as a brief should. `compose_brief` asks it after `select`;
    `select` alone stays the ranker's own choice (what the ROUGE harnesses measure)."""

    def top_up(self, analysis: Analysis, choices: list[Choice], budget: int) -> list[Choice]: ...
