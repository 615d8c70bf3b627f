"""`summarize` with a fake embedder that takes its time, for the interrupt tests: run as
`python -m tests.slow_batch ARGS...` from the project's folder. It creates a file `ready` in
$SLOW_MARKERS once its own imports are done. Each embedding call first creates
a file `embedding-<pid>` in $SLOW_MARKERS (so a test knows the workers are busy), then sleeps
$SLOW_SECONDS seconds (default 30).

$SLOW_SIGNAL_AT_WORKER=N: the run sends its process group SIGTERM just before it starts its N-th
worker process (1: before any), then waits $SLOW_SIGNAL_PAUSE seconds (default 0) before starting it:
a signal that lands exactly while the worker pool starts, which timing alone hits only by chance."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from summarize.embedding import backends as embedding
from tests import fakes


class SlowEmbedder(fakes.HashingEmbedder):
    def embed(self, texts):
        Path(os.environ["SLOW_MARKERS"], f"embedding-{os.getpid()}").touch()
        time.sleep(float(os.environ.get("SLOW_SECONDS", "30")))
        return super().embed(texts)


def signal_at_worker(number: int, pause: float) -> None:
    """Patch this process's spawned processes: SIGTERM to the group just before the `number`-th starts."""
    from multiprocessing.context import SpawnProcess

    real_start = SpawnProcess.start
    started = []

    def start(process: SpawnProcess) -> None:
        started.append(process)
        if len(started) == number:
            os.killpg(0, signal.SIGTERM)
            time.sleep(pause)
        real_start(process)

    SpawnProcess.start = start


if __name__ == "__main__":
    if "SLOW_SIGNAL_AT_WORKER" in os.environ:
        signal_at_worker(int(os.environ["SLOW_SIGNAL_AT_WORKER"]), float(os.environ.get("SLOW_SIGNAL_PAUSE", "0")))
    Path(os.environ["SLOW_MARKERS"], "ready").touch()  # the imports above are done: times count from here
    embedding.default_embedder = SlowEmbedder  # worker processes get it through the factory
    from summarize.__main__ import run

    run()  # the command's own entry point, arguments from sys.argv
