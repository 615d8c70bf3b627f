"""Growth: clustering without an n-by-n matrix, a bounded integer program, and batch on every core."""

import json
import tracemalloc

import numpy as np
import pytest
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components

from summarize.batch.local import batch_record, brief_clusters
from summarize.batch.processes import brief_clusters_parallel
from summarize.clustering import clusters as clusters_module
from summarize.clustering.clusters import cluster_sentences
from summarize.clustering.large_inputs import average_linkage_labels, threshold_components
from summarize.inputs.jsonl import ClusterInput
from summarize.pipeline import BriefSettings, analyze, compose_brief
from summarize.selection.concepts import ConceptRanker
from summarize.selection.preselect import preselect
from tests.conftest import STORY


def topics(count, per_topic, noise, seed=0, dimensions=48):
    """Unit vectors around `count` random directions: a stand-in for paraphrases of facts."""
    rng = np.random.default_rng(seed)
    centers = rng.normal(size=(count, dimensions))
    vectors = np.repeat(centers, per_topic, axis=0) + noise * rng.normal(size=(count * per_topic, dimensions))
    vectors = vectors[rng.permutation(len(vectors))]
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def partition(labels):
    groups = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values())


def test_threshold_components_are_the_graphs_components():
    vectors = topics(30, 8, noise=0.9, seed=1)
    similarity = vectors @ vectors.T
    _, expected = connected_components(similarity >= 0.6, directed=False)
    assert partition(threshold_components(vectors, 0.6, block=37)) == partition(expected)


@pytest.mark.parametrize("noise", [0.3, 0.7, 1.0])
def test_componentwise_average_linkage_equals_the_full_one(noise):
    vectors = topics(40, 12, noise=noise, seed=2)
    full = fcluster(linkage(vectors.astype(np.float64), method="average", metric="cosine"), t=0.4, criterion="distance")
    assert partition(average_linkage_labels(vectors, 0.6)) == partition(full)


@pytest.mark.parametrize("noise", [0.3, 0.9])
def test_above_the_cell_search_limit_pairs_are_sought_within_cells(monkeypatch, noise):
    from summarize.clustering import large_inputs as scale

    vectors = topics(60, 20, noise=noise, seed=4)
    exact = threshold_components(vectors, 0.6, block=64)
    monkeypatch.setattr(scale, "CELL_SEARCH_LIMIT", 500)
    monkeypatch.setattr(scale, "CELL_SIZE", 200)  # six cells
    cells = threshold_components(vectors, 0.6, block=64)
    exact_of = {index: n for n, group in enumerate(partition(exact)) for index in group}
    assert all(len({exact_of[i] for i in group}) == 1 for group in partition(cells))  # only true edges
    assert len(partition(cells)) <= 1.05 * len(partition(exact))  # and few missed
    assert np.array_equal(cells, threshold_components(vectors, 0.6, block=64))  # deterministic
    searched = []
    monkeypatch.setattr(scale, "_exact_components", lambda v, t, b: searched.append(len(v)) or np.arange(len(v)))
    threshold_components(vectors, 0.6, block=64)
    assert len(searched) == 6 and sum(searched) == 2 * len(vectors)  # each row in two cells, no n^2 search


def test_a_giant_component_is_cut_into_bounded_parts():
    vectors = topics(3, 200, noise=0.05, seed=3)  # three tight groups of 200: all near-paraphrases
    labels = average_linkage_labels(vectors, 0.6, part_limit=150)
    sizes = [len(group) for group in partition(labels)]
    assert max(sizes) <= 150 and sum(sizes) == 600


def test_large_inputs_take_the_linear_path_with_the_same_clusters(monkeypatch, story, embedder):
    analysis = analyze(story, embedder)
    documents = [s.document for s in analysis.sentences]
    exact = cluster_sentences(analysis.embeddings, documents)
    monkeypatch.setattr(clusters_module, "EXACT_LIMIT", 2)
    assert cluster_sentences(analysis.embeddings, documents) == exact


def test_clustering_many_sentences_needs_no_square_matrix():
    count = 12000  # the full condensed matrix alone would be 576 MB
    vectors = topics(count // 3, 3, noise=0.2, seed=4, dimensions=384)
    tracemalloc.start()
    try:
        labels = average_linkage_labels(vectors, 0.6)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 120e6, f"peak {peak / 1e6:.0f} MB"
    assert len(partition(labels)) >= count // 3


def test_preselect_keeps_everything_when_small_and_the_best_when_large():
    assert preselect([3, 1, 2], [10, 10, 10], pool=5) == [0, 1, 2]
    gains = [1, 50, 2, 40, 3, 4]
    words = [10, 50, 1, 40, 10, 10]
    chosen = preselect(gains, words, pool=3)
    assert chosen == [1, 2, 3]  # two by gain (50, 40), one by gain per word (2 in 1 word)


def test_a_small_candidate_pool_still_gives_a_brief_within_budget(story, embedder):
    analysis = analyze(story, embedder)
    full = compose_brief(analysis, 60, ConceptRanker())
    assert compose_brief(analysis, 60, ConceptRanker(candidate_pool=1000)) == full
    narrow = compose_brief(analysis, 60, ConceptRanker(candidate_pool=2))
    assert 0 < narrow.words <= 60


def clusters_of_story(count):
    from summarize.inputs.document import make_document

    return [
        ClusterInput(
            f"c{n}",
            tuple(
                make_document(text, f"c{n}/{d}", title)
                for d, (title, text) in enumerate(STORY[n % 3 :] + STORY[: n % 3])
            ),
        )
        for n in range(count)
    ]


def test_parallel_batch_gives_the_same_records_in_input_order(embedder):
    from tests.fakes import HashingEmbedder

    clusters = clusters_of_story(5)
    settings = BriefSettings(words=45)
    expected = [json.dumps(batch_record(c, b)) for c, b in brief_clusters(clusters, embedder, settings)]
    states = []
    results = list(
        brief_clusters_parallel(
            clusters, HashingEmbedder, settings, workers=2, progress=states.append, group_characters=600
        )
    )
    assert [cluster.id for cluster, _ in results] == [c.id for c in clusters]
    assert [json.dumps(record) for _, record in results] == expected
    done = [s.clusters_done for s in states]
    assert done[0] == 0 and done[-1] == 5 and done == sorted(set(done)) and states[-1].clusters_total == 5


def test_parallel_batch_progress_counts_every_group_finished_not_only_those_given_back():
    """The first cluster's group, the smallest, runs last (largest first): the bar must not wait for it."""
    from summarize.inputs.document import make_document
    from tests.fakes import HashingEmbedder

    title, text = STORY[0]
    clusters = [ClusterInput("short", (make_document(text, "short/0", title),)), *clusters_of_story(4)]
    states = []
    records = brief_clusters_parallel(
        clusters, HashingEmbedder, BriefSettings(words=45), workers=2, progress=states.append, group_characters=1
    )
    first, _ = next(records)
    assert first.id == "short"
    # Every other group was given out before it; at most one is still running on the other worker.
    assert states[-1].clusters_done >= len(clusters) - 1, states
    assert [cluster.id for cluster, _ in records] == ["c0", "c1", "c2", "c3"]
    assert states[-1].clusters_done == len(clusters)


def test_parallel_batch_reports_the_bad_cluster(tmp_path):
    from summarize.inputs.document import make_document
    from summarize.records import SummarizeError
    from tests.fakes import HashingEmbedder

    clusters = [*clusters_of_story(2), ClusterInput("menu", (make_document("Home | News | Sport", "menu/0"),))]
    with pytest.raises(SummarizeError, match="cluster menu: no prose sentences"):
        list(brief_clusters_parallel(clusters, HashingEmbedder, BriefSettings(), workers=2, group_characters=1))


def test_workers_started_before_the_input_give_the_same_records(embedder):
    from summarize.batch.processes import Workers
    from tests.fakes import HashingEmbedder

    clusters = clusters_of_story(4)
    settings = BriefSettings(words=45)
    expected = [json.dumps(batch_record(c, b)) for c, b in brief_clusters(clusters, embedder, settings)]
    with Workers(2) as started:
        pool = started.pool
        results = list(
            brief_clusters_parallel(clusters, HashingEmbedder, settings, group_characters=600, started=started)
        )
        assert started.pool is pool  # used, not replaced
    assert [json.dumps(record) for _, record in results] == expected


def test_workers_started_before_are_stopped_at_once_when_the_block_fails():
    from summarize.batch.processes import Workers
    from summarize.batch.workers import live_children

    before = live_children()
    with pytest.raises(RuntimeError, match="bad input"), Workers(2):
        assert len(live_children() - before) == 2  # started on entry, before any work
        raise RuntimeError("bad input")
    assert live_children() - before == set()
