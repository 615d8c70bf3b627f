"""What compiled code prints to standard output, kept out of it: the HiGHS solver prints a debug line
("HighsMipSolverData::transformNewInteger...") on a few integer programs in a hundred, whatever its
output options say (and later highspy versions print a banner when a solver is made); it would land
inside a brief written to standard output, or on the TUI's screen.

The guard wraps the solver call only, so that nothing else (a terminal's size read from file
descriptor 1, our own output) ever sees standard output pointed elsewhere."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

_lock = threading.Lock()
_holders = 0  # threads inside the guard: fd 1 goes back when the last one leaves
_saved: int | None = None  # the real standard output, while the guard holds it


@cache
def _c_fflush() -> Callable[[Any], object] | None:
    try:
        import ctypes

        return ctypes.CDLL(None).fflush
    except (OSError, AttributeError, TypeError):  # no C library to ask (Windows): nothing buffered there by us
        return None


def _flush_c_stdout() -> None:
    """Flush C's own stdout buffer, which Python's flush does not reach (block-buffered in a pipe)."""
    fflush = _c_fflush()
    if fflush is not None:
        fflush(None)


def _enter() -> None:
    global _holders, _saved
    with _lock:
        _holders += 1
        if _holders > 1:
            return
        try:
            sys.stdout.flush()  # our own output so far goes where it was meant to
        except (AttributeError, OSError, ValueError):  # none, closed, or a broken pipe: its own shell reports it
            pass
        _flush_c_stdout()
        try:
            _saved = os.dup(1)
        except OSError:  # no standard output at all (closed): nothing to protect
            _saved = None
            return
        sink = os.open(os.devnull, os.O_WRONLY)
        os.dup2(sink, 1)
        os.close(sink)


def _leave() -> None:
    global _holders, _saved
    with _lock:
        _holders -= 1
        if _holders or _saved is None:
            return
        _flush_c_stdout()  # the solver's buffered line goes to /dev/null, not out later
        os.dup2(_saved, 1)
        os.close(_saved)
        _saved = None


@contextmanager
def native_stdout_silenced() -> Iterator[None]:
    """While this runs, what compiled code prints to file descriptor 1 goes nowhere.

    Safe from several threads at once (the TUI's workers): fd 1 is redirected by the first to enter
    and restored by the last to leave. Python's buffered output is flushed before the redirection,
    not into it."""
    _enter()
    try:
        yield
    finally:
        _leave()
