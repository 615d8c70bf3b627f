"""numpy's BLAS on one thread while sentences are chosen.

Choosing sentences multiplies small matrices (a few chosen sentences by one story's sentences,
hundreds of times over). OpenBLAS shares each product out across the cores and waits for them,
which costs more than the product; on a machine busy with other jobs it waits for a free core each
time (a 500-article re-brief spent 0.35 s of its 0.65 s of CPU so). Each product is the same, bit for
bit, on one thread: the threads share out its rows and columns, not its sums.

The thread count is the process's: calls that overlap (a shell's superseded re-brief still running
beside the next) share one limit, set by the first in and lifted by the last out. The first in
looks afresh for the BLAS libraries loaded (a quarter of a millisecond): one loaded since the last
call (scipy brings its own OpenBLAS) is limited too.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_lock = threading.Lock()
_inside = 0  # calls inside the limit
_limit: Any = None  # threadpoolctl's limiter while any call is inside: it restores the threads


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS on one thread inside the `with` block, as it was after the last one leaves."""
    global _inside, _limit
    with _lock:
        if _inside == 0:
            _limit = _controller().limit(limits=1, user_api="blas")
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0:
                _limit.restore_original_limits()
                _limit = None


def _controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()  # the BLAS libraries loaded by now, not by the first call
