"""Group sentences that report the same content, across articles."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..embedding.static_model import STATIC_MODEL_NAME
from ..records import Cluster
from .average_linkage import flat_clusters
from .large_inputs import EXACT_LIMIT, average_linkage_labels

# Average-linkage cosine similarity at which two groups of sentences count as the same content.
# all-MiniLM-L6-v2 gives paraphrases of one fact from two outlets about 0.6-0.85.
DEFAULT_THRESHOLD = 0.6
# Static token vectors (summarize.embedding.static_model) rate any two sentences on one story as more
# alike. At 0.65 their briefs keep ROUGE-2 within 0.2 of the int8 transformer's on every development
# set (at 0.70, where their clusters agree best with the transformer's, DUC 2003 loses 0.23); see
# bench/backends.py and the README's "Backends".
MODEL_THRESHOLDS = {STATIC_MODEL_NAME: 0.65}


def threshold_for(model: str) -> float:
    """The clustering threshold for vectors of the embedding model named `model`."""
    return MODEL_THRESHOLDS.get(model, DEFAULT_THRESHOLD)


def cluster_sentences(
    embeddings: np.ndarray, documents: Sequence[int], threshold: float = DEFAULT_THRESHOLD
) -> tuple[Cluster, ...]:
    """Average-linkage agglomerative clusters; ids number them biggest first (1, 2, ...).

    `documents[i]` is the document of sentence i. Every sentence is in exactly one cluster.
    """
    count = len(documents)
    if count == 0:
        return ()
    if count > EXACT_LIMIT:  # no n-by-n matrix: component by component (see summarize.clustering.large_inputs)
        labels = average_linkage_labels(embeddings, threshold)
    else:
        labels = flat_clusters(embeddings, 1.0 - threshold)
    groups: dict[int, list[int]] = {}
    for sentence, label in enumerate(labels):
        groups.setdefault(int(label), []).append(sentence)
    # Biggest first; ties by first member, so ids do not depend on the label numbering.
    ordered = sorted(groups.values(), key=lambda members: (-len(members), members[0]))
    return tuple(
        Cluster(
            id=number,
            members=tuple(members),
            sources=tuple(sorted({documents[m] for m in members})),
        )
        for number, members in enumerate(ordered, start=1)
    )
