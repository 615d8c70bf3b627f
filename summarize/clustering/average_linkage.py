"""Flat average-linkage clusters at a cosine-distance cutoff, the same partition as scipy's
`fcluster(linkage(vectors, "average", "cosine"), cutoff, "distance")`, without importing scipy for
the inputs a brief usually has (scipy's cluster and spatial packages take a quarter of a second
of CPU to import, more than clustering a few hundred sentences).

Same partition, not merely a similar one: every number is computed as scipy computes it (the
distances' dot products summed in the vectors' order, the chain of nearest neighbours walked
with scipy's tie rules, the averages updated with the same operations), so ties and roundings
fall the same way. Above NUMPY_LIMIT vectors scipy does the work: its compiled distance loop is
faster there than the vectorised one here, and its import is small beside the clustering (and where
scipy's clustering is imported already, scipy does it at every size).
tests/clustering/test_average_linkage.py compares the two on random and real inputs.
"""

from __future__ import annotations

import sys

import numpy as np

# Up to this many vectors, numpy: at 1,000 (384 dimensions) it takes 0.15 s of CPU, scipy's import
# alone 0.2 s (and then 0.04 s to cluster).
NUMPY_LIMIT = 1000
_BLOCK = 64


def flat_clusters(vectors: np.ndarray, cutoff: float) -> np.ndarray:
    """A cluster label (0, 1, ...; numbering arbitrary) for each row of `vectors`: average linkage
    on cosine distances, cut where merges happen above `cutoff`."""
    count = len(vectors)
    if count < 2:
        return np.zeros(count, dtype=np.int64)
    # scipy above NUMPY_LIMIT, and at any size once its clustering is imported (a batch's worker
    # processes import it while they wait for their first clusters): its compiled loops are faster.
    if count > NUMPY_LIMIT or "scipy.cluster.hierarchy" in sys.modules:
        from scipy.cluster.hierarchy import fcluster, linkage

        tree = linkage(np.asarray(vectors, dtype=np.float64), method="average", metric="cosine")
        labels: np.ndarray = fcluster(tree, t=cutoff, criterion="distance") - 1
        return labels
    return numpy_flat_clusters(vectors, cutoff)


def numpy_flat_clusters(vectors: np.ndarray, cutoff: float) -> np.ndarray:
    """`flat_clusters` without scipy, at any size: the same partition."""
    count = len(vectors)
    if count < 2:
        return np.zeros(count, dtype=np.int64)
    first, second, heights = nearest_neighbour_chain(cosine_distances(vectors))
    return _components(count, first[heights <= cutoff], second[heights <= cutoff])


def cosine_distances(vectors: np.ndarray) -> np.ndarray:
    """The square matrix of 1 - cosine similarity, each entry rounded as scipy's `pdist(...,
    "cosine")` rounds it (see `_scipy_dot_products`)."""
    rows = np.ascontiguousarray(vectors, dtype=np.float64)
    count = len(rows)
    columns = np.ascontiguousarray(rows.T)
    dots = np.empty((count, count))
    for start in range(0, count, _BLOCK):  # a block of rows at a time, from the diagonal on: it stays in cache
        block = _scipy_dot_products(columns[:, start : start + _BLOCK], columns[:, start:])
        dots[start : start + _BLOCK, start:] = block
        dots[start:, start : start + _BLOCK] = block.T
    norms = np.sqrt(np.diagonal(dots))
    with np.errstate(divide="ignore", invalid="ignore"):
        cosine = dots / np.multiply.outer(norms, norms)
    if not np.all(np.isfinite(cosine)):  # a zero vector: scipy's linkage refuses it, in these words
        raise ValueError("The condensed distance matrix must contain only finite values.")
    cosine = np.where(np.abs(cosine) > 1.0, np.copysign(1.0, cosine), cosine)
    return 1.0 - cosine


def _scipy_dot_products(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Every dot product of a column of `left` with one of `right` (dimensions along axis 0), summed
    as scipy's compiled loop sums them: two running sums, of the even and of the odd dimensions,
    added together, then the last product when the count is odd. BLAS sums in another order, and
    a last-digit difference can break a tie the other way."""
    dimensions = len(left)
    shape = (left.shape[1], right.shape[1])
    even, odd, product = np.zeros(shape), np.zeros(shape), np.empty(shape)
    for dimension in range(0, dimensions - 1, 2):
        even += np.multiply.outer(left[dimension], right[dimension], out=product)
        odd += np.multiply.outer(left[dimension + 1], right[dimension + 1], out=product)
    total = even + odd
    if dimensions % 2:
        total += np.multiply.outer(left[-1], right[-1], out=product)
    return total


def nearest_neighbour_chain(distances: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Average linkage by the nearest-neighbour chain, step for step as scipy's `nn_chain`: the
    merges in the order made, as (first slot, second slot, distance); the merged cluster takes the
    second (larger) slot."""
    count = len(distances)
    matrix = np.array(distances, dtype=np.float64)  # a copy: updated in place
    np.fill_diagonal(matrix, np.inf)  # never its own neighbour; dropped clusters become inf too
    sizes = np.ones(count, dtype=np.int64)
    first = np.empty(count - 1, dtype=np.int64)
    second = np.empty(count - 1, dtype=np.int64)
    heights = np.empty(count - 1)
    chain: list[int] = []
    for step in range(count - 1):
        if not chain:
            chain.append(int(np.flatnonzero(sizes)[0]))
        while True:
            x = chain[-1]
            row = matrix[x]
            nearest = int(np.argmin(row))  # the first of equals, as scipy's strict "<" scan finds it
            closest = float(row[nearest])
            if len(chain) > 1:
                previous = chain[-2]
                if closest >= row[previous]:  # scipy starts from the previous link: only a closer one wins
                    nearest, closest = previous, float(row[previous])
                if nearest == previous:
                    break
            chain.append(nearest)
        chain.pop()
        chain.pop()
        x, y = min(x, nearest), max(x, nearest)
        size_x, size_y = int(sizes[x]), int(sizes[y])
        first[step], second[step], heights[step] = x, y, closest
        merged = (size_x * matrix[x] + size_y * matrix[y]) / (size_x + size_y)
        sizes[x], sizes[y] = 0, size_x + size_y
        merged[sizes == 0] = np.inf
        merged[y] = np.inf
        matrix[y], matrix[:, y] = merged, merged
        matrix[x], matrix[:, x] = np.inf, np.inf
    return first, second, heights


def _components(count: int, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Component label of each of `count` slots, joined by the pairs (first[k], second[k])."""
    parent = list(range(count))

    def root(slot: int) -> int:
        while parent[slot] != slot:
            parent[slot] = parent[parent[slot]]
            slot = parent[slot]
        return slot

    for a, b in zip(first.tolist(), second.tolist()):
        parent[root(a)] = root(b)
    roots = np.array([root(slot) for slot in range(count)])
    return np.unique(roots, return_inverse=True)[1].astype(np.int64)
