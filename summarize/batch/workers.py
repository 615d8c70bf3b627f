"""Worker processes that end with the run that started them.

- Workers are born deaf to Ctrl-C. A terminal sends SIGINT to the whole process group: a worker
  would raise KeyboardInterrupt and print a traceback, and the pool could be left half-started.
  The parent alone handles the interrupt, and stops its workers (`stop_children_since`).
- A worker exits by itself within a second when its parent dies without stopping it (kill -9): it
  polls its parent's process id, which changes when the process is orphaned.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

PARENT_POLL_SECONDS = 0.5
STOP_SECONDS = 5.0  # how long a terminated worker may take before it is killed


@contextmanager
def children_deaf_to_ctrl_c() -> Iterator[None]:
    """Start worker processes in this block: they start with SIGINT blocked (the signal mask is
    inherited through fork and exec), so a worker cannot be interrupted even before its
    initializer runs. In this process SIGINT and SIGTERM wait for the end of the block (as long
    as starting the processes takes): a process half-started, then abandoned, would print a
    traceback and be left out of `stop_children_since`."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    # Started now, not by the first worker: starting it unblocks SIGINT, which would undo ours.
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    received: list[int] = []
    handlers = {
        number: signal.signal(number, lambda number, frame: received.append(number))
        for number in (signal.SIGINT, signal.SIGTERM)
    }
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        for number, handler in handlers.items():
            if handler is not None:  # None: installed by compiled code, which we cannot put back
                signal.signal(number, handler)
        for pending in dict.fromkeys(received):  # now acted on, by the handlers from before
            signal.raise_signal(pending)


def start_worker(parent: int) -> None:
    """Runs first in each worker: ignore Ctrl-C for good, and exit when `parent` is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    threading.Thread(target=_exit_with_parent, args=(parent,), name="exit-with-parent", daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)  # nobody waits for the result: no cleanup worth the time


def live_children() -> set[int]:
    """The process ids of this process's running multiprocessing children."""
    import multiprocessing

    return {child.pid for child in multiprocessing.active_children() if child.pid is not None}


def stop_children_since(earlier: set[int]) -> None:
    """Terminate the multiprocessing children started after `earlier` (from `live_children`) and
    wait for them; one that ignores SIGTERM is killed after `STOP_SECONDS`."""
    import multiprocessing

    children = [child for child in multiprocessing.active_children() if child.pid not in earlier]
    for child in children:
        child.terminate()
    deadline = time.monotonic() + STOP_SECONDS
    for child in children:
        child.join(max(0.0, deadline - time.monotonic()))
        if child.is_alive():
            child.kill()
            child.join()
