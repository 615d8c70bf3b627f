"""Average linkage without scipy: the same distances to the last digit, the same merges and the same
flat clusters as scipy's pdist / linkage / fcluster, on random vectors built to tie and on real
sentence vectors."""

import numpy as np
import pytest
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import pdist

from summarize.clustering import average_linkage
from summarize.clustering.average_linkage import (
    cosine_distances,
    flat_clusters,
    nearest_neighbour_chain,
    numpy_flat_clusters,
)
from summarize.inputs.documents import sample_documents
from summarize.pipeline import split_documents
from summarize.text.sentences import PunktSplitter
from tests.fakes import HashingEmbedder

CUTOFFS = (0.1, 0.3, 0.4, 0.5, 0.7, 1.0)


def partition(labels):
    groups = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values())


def scipy_partition(vectors, cutoff):
    return partition(fcluster(linkage(vectors.astype(np.float64), "average", "cosine"), t=cutoff, criterion="distance"))


def hard_vectors(seed):
    """Random vectors with the cases that break a look-alike: exact duplicates (ties at distance 0
    and equal distances to everything else), small integer vectors (many equal distances), an odd
    number of dimensions (the last term of scipy's dot product), float32 input."""
    rng = np.random.default_rng(seed)
    count = int(rng.integers(2, 160))
    dimensions = int(rng.choice([3, 7, 48, 385]))
    vectors = rng.standard_normal((count, dimensions)).astype(np.float32)
    if seed % 2:
        vectors[rng.integers(0, count, count // 3)] = vectors[rng.integers(0, count, count // 3)]
    if seed % 3 == 0:
        vectors = np.round(vectors * 0.7)
        vectors[~vectors.any(axis=1), 0] = 1.0
    return vectors


@pytest.mark.parametrize("seed", range(24))
def test_distances_match_scipys_to_the_last_digit(seed):
    vectors = hard_vectors(seed)
    upper = np.triu_indices(len(vectors), 1)
    assert np.array_equal(cosine_distances(vectors)[upper], pdist(vectors.astype(np.float64), "cosine"))


@pytest.mark.parametrize("seed", range(24))
def test_merges_and_flat_clusters_match_scipys(seed):
    vectors = hard_vectors(seed)
    _, _, heights = nearest_neighbour_chain(cosine_distances(vectors))
    tree = linkage(vectors.astype(np.float64), "average", "cosine")
    assert np.array_equal(np.sort(heights, kind="stable"), tree[:, 2])
    for cutoff in CUTOFFS:
        assert partition(numpy_flat_clusters(vectors, cutoff)) == scipy_partition(vectors, cutoff)


def test_the_sample_sentences_cluster_as_with_scipy():
    sentences = split_documents(sample_documents(), PunktSplitter())
    vectors = HashingEmbedder().embed([s.text for s in sentences])
    for cutoff in CUTOFFS:
        assert partition(numpy_flat_clusters(vectors, cutoff)) == scipy_partition(vectors, cutoff)


@pytest.mark.model
def test_the_sample_sentences_cluster_as_with_scipy_on_the_real_model():
    from summarize.embedding.backends import default_embedder

    sentences = split_documents(sample_documents(), PunktSplitter())
    vectors = default_embedder().embed([s.text for s in sentences])
    for cutoff in CUTOFFS:
        assert partition(numpy_flat_clusters(vectors, cutoff)) == scipy_partition(vectors, cutoff)


def test_above_the_limit_scipy_clusters_the_same(monkeypatch):
    vectors = hard_vectors(5)
    ours = partition(numpy_flat_clusters(vectors, 0.4))
    monkeypatch.setattr(average_linkage, "NUMPY_LIMIT", 1)
    assert partition(flat_clusters(vectors, 0.4)) == ours


def test_below_the_limit_numpy_clusters_unless_scipys_clustering_is_imported(monkeypatch):
    """This module imports scipy's clustering: flat_clusters uses it. Without it, the numpy path."""
    import sys

    vectors = hard_vectors(7)
    calls = []
    monkeypatch.setattr(
        average_linkage, "numpy_flat_clusters", lambda *given: calls.append(given) or np.zeros(len(vectors))
    )
    flat_clusters(vectors, 0.4)
    assert calls == []
    monkeypatch.delitem(sys.modules, "scipy.cluster.hierarchy")
    flat_clusters(vectors, 0.4)
    assert len(calls) == 1


def test_one_vector_or_none():
    for clusters in (flat_clusters, numpy_flat_clusters):
        assert clusters(np.ones((1, 4)), 0.4).tolist() == [0]
        assert clusters(np.ones((0, 4)), 0.4).tolist() == []


def test_a_zero_vector_is_refused_as_scipy_refuses_it():
    vectors = np.array([[1.0, 0.0], [0.0, 0.0], [0.0, 1.0]])
    with pytest.raises(ValueError, match="finite"):
        numpy_flat_clusters(vectors, 0.4)
    with pytest.raises(ValueError, match="finite"):
        flat_clusters(vectors, 0.4)
    with pytest.raises(ValueError, match="finite"):
        linkage(vectors, "average", "cosine")
