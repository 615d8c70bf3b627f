"""The candidates an integer program can use best (most concept weight, most weight per word),
when there are too many to solve for at once."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def preselect(gains: Sequence[float] | np.ndarray, words: Sequence[int] | np.ndarray, pool: int) -> list[int]:
    """Positions of at most `pool` candidates: the best half by total gain, the rest by gain per word
    (ties by position), in position order. A sentence in neither list is rarely in an optimum."""
    count = len(gains)
    if count <= pool:
        return list(range(count))
    gains_array = np.asarray(gains, dtype=float)
    density = gains_array / np.maximum(np.asarray(words, dtype=float), 1.0)
    positions = np.arange(count)
    by_gain = np.lexsort((positions, -gains_array))
    by_density = np.lexsort((positions, -density))
    chosen: dict[int, None] = dict.fromkeys(by_gain[: pool // 2].tolist())
    for position in by_density.tolist():
        if len(chosen) >= pool:
            break
        chosen.setdefault(position)
    return sorted(chosen)
