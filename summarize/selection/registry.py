"""The rankers by the names shells offer (`--method`, the TUI's method switch). Importing this
module is light: each ranker is imported when it is asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base import Ranker

RANKER_NAMES = ("concepts", "salience")  # the first is the default


def ranker_named(name: str) -> Ranker:
    """`concepts`: the concept-coverage ILP (exact, or within 1 % of its optimum for a large story:
    summarize.selection.near_optimum); `salience`: the faster greedy ranker."""
    if name == "concepts":
        from .concepts import ConceptRanker

        return ConceptRanker()
    if name == "salience":
        from .salience import SalienceRanker

        return SalienceRanker()
    from ..records import SummarizeError

    raise SummarizeError(f"unknown method {name!r}; choose from {', '.join(RANKER_NAMES)}")
