"""CPU of storing a batch's vectors in a new embedding cache, as the tree on PYTHONPATH stores them.

    PYTHONPATH=BEFORE_TREE python bench/speed_cache_writes.py
    PYTHONPATH=AFTER_TREE python bench/speed_cache_writes.py

The distinct sentences of a cluster file (DUC 2002 by default), split as a brief splits them, get
random 256-dimension vectors (the static model's size) and go into an empty cache in two writes, as a
batch's two workers write them; each round a new cache. Prints the CPU seconds of each round's writes.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np

from summarize.embedding.cache import EmbeddingCache
from summarize.inputs.jsonl import read_clusters
from summarize.pipeline import split_documents
from summarize.text.sentences import PunktSplitter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/bench/duc2002.jsonl"))
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    splitter = PunktSplitter()
    texts = sorted(
        {s.text for cluster in read_clusters(options.data) for s in split_documents(cluster.documents, splitter)},
        key=lambda text: (len(text), text),  # the order a batch embeds them in
    )
    vectors = np.random.default_rng(0).standard_normal((len(texts), 256)).astype(np.float32)
    half = len(texts) // 2
    seconds = []
    for _ in range(options.rounds):
        cache = EmbeddingCache(tempfile.mkdtemp(prefix="summarize-cache-writes-"))
        cache.get("model", texts[:1])  # the file and its table made, outside the timing
        start = time.process_time()
        cache.put("model", texts[:half], vectors[:half])
        cache.put("model", texts[half:], vectors[half:])
        seconds.append(time.process_time() - start)
    print(f"{len(texts)} vectors in two writes, CPU s per round: {' '.join(f'{s:.3f}' for s in seconds)}")


if __name__ == "__main__":
    main()
