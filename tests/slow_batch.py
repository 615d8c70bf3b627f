"""`summarize` with a fake embedder that takes its time, for the interrupt tests: run as
`python -m tests.slow_batch ARGS...` from the project's folder. It creates a file `ready` in
$SLOW_MARKERS once its own imports are done. Each embedding call first creates
a file `embedding-<pid>` in $SLOW_MARKERS (so a test knows the workers are busy), then sleeps
$SLOW_SECONDS seconds (default 30)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from summarize.embedding import backends as embedding
from tests import fakes


class SlowEmbedder(fakes.HashingEmbedder):
    def embed(self, texts):
        Path(os.environ["SLOW_MARKERS"], f"embedding-{os.getpid()}").touch()
        time.sleep(float(os.environ.get("SLOW_SECONDS", "30")))
        return super().embed(texts)


if __name__ == "__main__":
    Path(os.environ["SLOW_MARKERS"], "ready").touch()  # the imports above are done: times count from here
    embedding.default_embedder = SlowEmbedder  # worker processes get it through the factory
    from summarize.__main__ import run

    run()  # the command's own entry point, arguments from sys.argv
