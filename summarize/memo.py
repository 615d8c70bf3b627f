"""Work that depends only on an analysis, kept for the last analysis asked about.

A shell re-briefs one analysis at every length change or prompt switch; what does not depend on the
length (concept weights, who speaks in each sentence) is computed once for it. One analysis is kept
(by identity: analyses are immutable, and holding it keeps `is` meaningful); a new one replaces it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from .records import Analysis

T = TypeVar("T")


class LastAnalysisMemo(Generic[T]):
    def __init__(self) -> None:
        self._last: tuple[Analysis, dict[Hashable, T]] | None = None

    def get(self, analysis: Analysis, key: Hashable, compute: Callable[[], T]) -> T:
        """What `compute` gives for `analysis` and `key`, computed on the first call for them."""
        last = self._last
        if last is None or last[0] is not analysis:
            last = (analysis, {})
            # One assignment (a thread sees the old slot or the new, both consistent), made before
            # computing, so that what `compute` itself memoises for the analysis lands in the same slot.
            self._last = last
        if key not in last[1]:
            last[1][key] = compute()
        return last[1][key]
