"""How a `summarize` command ends on Ctrl-C (SIGINT) or SIGTERM: the cleanup that an exception
runs (temporary files removed, worker processes stopped), then one line on stderr and exit status
130 (SIGINT) or 143 (SIGTERM), the statuses a shell gives a program killed by those signals. The
line says exactly what was written: nothing, or the files named. Nothing heavy is imported here."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NOTHING_WRITTEN = "interrupted; nothing was written"

# The files a command has put in place (`summarize.cli.common.write_output` adds them): after this,
# an interrupt must not claim that nothing was written.
written_files: list[Path] = []


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C would be, so that the same cleanup runs."""


@contextmanager
def signals_raised() -> Iterator[list[int]]:
    """While this runs (in the main thread), SIGINT raises KeyboardInterrupt and SIGTERM raises
    Terminated; the list yielded holds the signals received. The handlers before it come back
    at the end. Recording the signal matters: Ctrl-C during an import of compiled code reaches
    us as ImportError ("initialization failed"), not as KeyboardInterrupt."""
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return

    def handle(number: int, frame: object) -> None:
        received.append(number)
        raise Terminated() if number == signal.SIGTERM else KeyboardInterrupt()

    def report_unraisable(unraisable: sys.UnraisableHookArgs) -> None:
        # Raised inside a callback Python cannot raise from (an import lock's weakref callback):
        # Python would print "Exception ignored in ..." with a traceback. The signal is in
        # `received`, and the command ends on it with its one line.
        if unraisable.exc_type is None or not issubclass(unraisable.exc_type, KeyboardInterrupt):
            previous_hook(unraisable)

    previous_hook = sys.unraisablehook
    sys.unraisablehook = report_unraisable
    previous = {number: signal.signal(number, handle) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield received
    finally:
        for number, handler in previous.items():
            if handler is not None:  # None: installed by compiled code, which we cannot put back
                signal.signal(number, handler)
        sys.unraisablehook = previous_hook


def interruption(error: BaseException, received: list[int]) -> tuple[str, int] | None:
    """The message and exit status for a run that `error` ended, when it was interrupted (a signal
    was received, whatever the exception became on its way up), else None."""
    if received:
        terminated = signal.SIGTERM in received
    elif isinstance(error, KeyboardInterrupt) or isinstance(error.__context__, KeyboardInterrupt):
        terminated = isinstance(error, Terminated) or isinstance(error.__context__, Terminated)
    else:
        return None
    _forget_the_unhandled_interrupt()
    what, status = ("terminated", 143) if terminated else ("interrupted", 130)
    if written_files:
        return f"{what} after writing {', '.join(str(path) for path in written_files)}", status
    return NOTHING_WRITTEN.replace("interrupted", what), status


def _forget_the_unhandled_interrupt() -> None:
    """CPython (3.11) remembers a KeyboardInterrupt that ended code run by exec() on a string (how
    dataclasses and named tuples are built, on import) and, when it exits after `python -m`, kills
    itself with SIGINT however the program handled it: status -2, not 130. Each exec() of a string
    starts by clearing that memory."""
    exec("pass")
