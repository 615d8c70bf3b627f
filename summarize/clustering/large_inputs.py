"""Clustering that grows about linearly with the number of sentences.

Average-linkage clustering of n sentences needs the n-by-n distance matrix: fine for a few thousand
sentences, not for the 15,000-20,000 of 500 articles (1.6 GB of distances, minutes of linkage).
It can be cut into independent parts without changing its answer: two groups are merged only when
their *average* similarity reaches the threshold, so some pair of their sentences reaches it, and
every final cluster lies inside one connected component of the graph "similarity >= threshold".
`threshold_components` finds those components a block of rows at a time (memory: a block by n);
each component is then clustered exactly on its own. A component too big for that (thousands of
near-paraphrases, possible when hundreds of outlets run one story) is split first by spherical
k-means into parts of bounded size: one approximation, and only at that size. The other: above
CELL_SEARCH_LIMIT sentences (some 2,300 news articles) even the block-by-block search for pairs, n^2/2
products, dominates a brief, so pairs are sought only within cells of similar sentences (each
sentence in the cells of its two nearest k-means centres): linear in n for a fixed cell size,
and a pair above the threshold is only missed when its two sentences share neither cell.
"""

from __future__ import annotations

import numpy as np

from .average_linkage import flat_clusters

# Below this many sentences the clustering is the plain one (summarize.clustering.average_linkage), on the full matrix.
EXACT_LIMIT = 2000
# Largest group clustered exactly at once (its condensed matrix: 8 bytes * n^2 / 2 = 64 MB at 4000).
PART_LIMIT = 4000
_ROW_BLOCK = 512
# Similarities are computed in float32 here and in float64 by the exact clustering: keep edges a hair
# below the threshold, so that rounding never separates what it would join (a bigger component is harmless).
_MARGIN = 1e-4
# Above this many sentences pairs are sought within cells of about CELL_SIZE sentences.
CELL_SEARCH_LIMIT = 60_000
CELL_SIZE = 4000


def threshold_components(vectors: np.ndarray, threshold: float, block: int = _ROW_BLOCK) -> np.ndarray:
    """Component label of each row in the graph joining rows whose cosine similarity >= threshold.
    Rows must be unit length. Memory: `block` by n similarities at a time. Above CELL_SEARCH_LIMIT
    rows, within cells only (`_cell_components`)."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if len(vectors) > CELL_SEARCH_LIMIT:
        return _cell_components(vectors, threshold, block)
    return _exact_components(vectors, threshold, block)


def _exact_components(vectors: np.ndarray, threshold: float, block: int) -> np.ndarray:
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    count = len(vectors)
    labels = np.arange(count)
    for start in range(0, count, block):
        similarity = vectors[start : start + block] @ vectors[start:].T
        rows, columns = np.nonzero(similarity >= threshold - _MARGIN)
        if not len(rows):
            continue
        # Join the current components of each edge's ends; the graph is over component labels.
        first, second = labels[rows + start], labels[columns + start]
        graph = coo_matrix((np.ones(len(first), dtype=np.int8), (first, second)), shape=(count, count))
        _, merged = connected_components(graph, directed=False)
        labels = merged[labels]
    return labels


def _cell_components(vectors: np.ndarray, threshold: float, block: int) -> np.ndarray:
    """`threshold_components`, with pairs sought only within cells: each row joins the cells of its
    two nearest spherical k-means centres (fitted on a fixed sample of rows: deterministic)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    count = len(vectors)
    cells = int(np.ceil(count / CELL_SIZE))
    sample = np.random.default_rng(0).choice(count, size=min(count, 20 * cells * 50), replace=False)
    sample.sort()
    centres_of_sample = spherical_kmeans(vectors[sample], cells, iterations=8)
    centres = np.zeros((cells, vectors.shape[1]), dtype=np.float32)
    for cell in range(cells):
        members = vectors[sample[centres_of_sample == cell]]
        total = members.sum(axis=0) if len(members) else vectors[sample[cell]]
        centres[cell] = total / max(float(np.linalg.norm(total)), 1e-12)
    nearest = np.zeros((count, 2), dtype=np.int64)
    for start in range(0, count, 8192):  # a block of rows at a time: memory stays a block by cells
        closeness = vectors[start : start + 8192] @ centres.T
        nearest[start : start + 8192] = np.argsort(-closeness, axis=1, kind="stable")[:, :2]
    first: list[np.ndarray] = []
    second: list[np.ndarray] = []
    for cell in range(cells):
        members = np.flatnonzero((nearest[:, 0] == cell) | (nearest[:, 1] == cell))
        if len(members) < 2:
            continue
        inside = _exact_components(vectors[members], threshold, block)  # exact within the cell
        order = np.argsort(inside, kind="stable")
        same = inside[order][1:] == inside[order][:-1]  # a chain through each component joins it
        first.append(members[order][1:][same])
        second.append(members[order][:-1][same])
    if not first:
        return np.arange(count)
    rows, columns = np.concatenate(first), np.concatenate(second)
    graph = coo_matrix((np.ones(len(rows), dtype=np.int8), (rows, columns)), shape=(count, count))
    components: np.ndarray = connected_components(graph, directed=False)[1]
    return components


def spherical_kmeans(vectors: np.ndarray, parts: int, iterations: int = 10, seed: int = 0) -> np.ndarray:
    """Labels 0..parts-1 of unit `vectors` (k-means++ start, fixed seed: deterministic)."""
    rng = np.random.default_rng(seed)
    count = len(vectors)
    centers = [int(rng.integers(count))]
    closest = 1.0 - vectors @ vectors[centers[0]]
    for _ in range(1, parts):
        weights = np.clip(closest, 0.0, None) ** 2
        total = weights.sum()
        pick = int(rng.choice(count, p=weights / total)) if total > 0 else int(rng.integers(count))
        centers.append(pick)
        closest = np.minimum(closest, 1.0 - vectors @ vectors[pick])
    centroids = vectors[centers].astype(np.float64)
    labels = np.zeros(count, dtype=int)
    for _ in range(iterations):
        new = np.argmax(vectors @ centroids.T, axis=1)
        if _ and np.array_equal(new, labels):
            break
        labels = new
        for part in range(parts):
            members = vectors[labels == part]
            if len(members):
                center = members.sum(axis=0)
                norm = np.linalg.norm(center)
                centroids[part] = center / norm if norm else center
    return labels


def _bounded_parts(vectors: np.ndarray, members: np.ndarray, limit: int) -> list[np.ndarray]:
    """`members` cut into parts of at most `limit` by similarity (recursively, k-means)."""
    if len(members) <= limit:
        return [members]
    parts = int(np.ceil(2 * len(members) / limit))
    labels = spherical_kmeans(vectors[members], parts)
    if len(set(labels.tolist())) < 2:  # all identical vectors: cut in order
        return [members[i : i + limit] for i in range(0, len(members), limit)]
    result: list[np.ndarray] = []
    for part in range(parts):
        inside = members[labels == part]
        if len(inside):
            result.extend(_bounded_parts(vectors, inside, limit))
    return result


def average_linkage_labels(vectors: np.ndarray, threshold: float, part_limit: int = PART_LIMIT) -> np.ndarray:
    """Flat average-linkage clusters at cosine similarity `threshold`, component by component."""
    count = len(vectors)
    unit = np.asarray(vectors, dtype=np.float32)
    components = threshold_components(unit, threshold)
    order = np.argsort(components, kind="stable")
    boundaries = np.flatnonzero(np.diff(components[order])) + 1
    labels = np.empty(count, dtype=np.int64)
    next_label = 0
    for component in np.split(order, boundaries):
        for part in _bounded_parts(unit, component, part_limit):
            if len(part) == 1:
                labels[part] = next_label
                next_label += 1
                continue
            flat = flat_clusters(vectors[part], 1.0 - threshold)
            labels[part] = next_label + flat
            next_label += int(flat.max()) + 1
    return labels
