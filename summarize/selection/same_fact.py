"""No two brief sentences that report one main fact: the pairs of chosen sentences the corroboration
judge says report one fact (of different sources, or of one: an article that reports a statement and
then quotes it), which the selection then keeps apart (summarize.selection.reader_rows), and the same
question for a brief built one sentence at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from ..records import Analysis


class SameFact(Protocol):
    """What the selection needs of the corroboration judge (summarize.citations.corroboration, a layer
    it does not import: the pipeline and the sections hand it in, at the brief's own, lower threshold:
    summarize.citations.same_fact_screen.same_fact_check): whether two sentences report one fact."""

    def judge(self, analysis: Analysis, sentence: int, candidate: int) -> Decision: ...


class Decision(Protocol):
    @property
    def same(self) -> bool: ...


@runtime_checkable
class ScreenedSameFact(SameFact, Protocol):
    """A judge that can say at once, for many sentences, which pairs it could call one fact
    (summarize.citations.same_fact_screen): [a, b] False means judge(sentences[a], sentences[b]) is not `same`."""

    def possible(self, analysis: Analysis, sentences: Sequence[int]) -> np.ndarray: ...


def same_fact_pairs(
    analysis: Analysis, chosen: Sequence[int], judge: SameFact, screen: ScreenedSameFact | None = None
) -> list[tuple[int, int]]:
    """Pairs of chosen sentences that the judge says report one main fact, whatever their sources (one
    article can report a statement twice: told, then quoted), asked either way round, in the order of
    `chosen` (row by row). With a `screen`, the judge is asked only about the pairs the screen lets
    through; the pairs found are the same."""
    possible = np.ones((len(chosen), len(chosen)), bool) if screen is None else screen.possible(analysis, chosen)
    asked = np.triu(possible | possible.T, 1)
    pairs = []
    for a, b in zip(*np.nonzero(asked)):  # row-major: row by row
        first, second = chosen[a], chosen[b]
        if (possible[a, b] and judge.judge(analysis, first, second).same) or (
            possible[b, a] and judge.judge(analysis, second, first).same
        ):
            pairs.append((first, second))
    return pairs


def reports_a_chosen_fact(analysis: Analysis, chosen: Sequence[int], index: int, judge: SameFact) -> bool:
    """Whether the judge says sentence `index` reports the fact of one of the `chosen` sentences (of any
    source), either way round as `same_fact_pairs` asks: for a brief built one sentence at a time."""
    return any(judge.judge(analysis, row, index).same or judge.judge(analysis, index, row).same for row in chosen)
