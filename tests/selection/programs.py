"""Programs of a concept program's shape for the solver's tests (summarize.selection.highs)."""

import numpy as np
from scipy.sparse import csr_matrix

from summarize.selection.ilp import SparseRows


def dense(rows: SparseRows) -> np.ndarray:
    shape = (len(rows.bounds), rows.columns)
    return csr_matrix((rows.values, rows.indices, rows.indptr), shape=shape).toarray()


def knapsack_with_concepts(
    rng, sentences: int, concepts: int, budget: float
) -> tuple[np.ndarray, SparseRows, np.ndarray]:
    """A concept program's shape: binary sentences with a word budget, continuous concepts each
    counted only if a sentence holding it is chosen; gains to maximise."""
    words = rng.integers(6, 30, sentences).astype(float)
    holders = [rng.choice(sentences, size=rng.integers(1, 4), replace=False) for _ in range(concepts)]
    indptr, indices, values = [0, sentences], list(range(sentences)), words.tolist()
    for concept, held in enumerate(holders):
        indices += [*sorted(held.tolist()), sentences + concept]
        values += [-1.0] * len(held) + [1.0]
        indptr.append(len(indices))
    rows = SparseRows(
        np.array(indptr),
        np.array(indices),
        np.array(values),
        np.array([budget] + [0.0] * concepts),
        sentences + concepts,
    )
    gain = np.concatenate((-0.1 * rng.random(sentences), rng.random(concepts) * 3))
    return gain, rows, np.arange(sentences + concepts) < sentences
