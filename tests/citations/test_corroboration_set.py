"""The labelled corroboration set in bench/corroboration: by reference, split by cluster, checked."""

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from corroboration_set import (  # noqa: E402
    LABELS,
    PAIRS,
    SHARED,
    TEST2_PAIRS,
    TEST3_PAIRS,
    TEST_PAIRS,
    TUNE_PAIRS,
    digest,
    load_clusters,
    read_pairs,
    read_tune,
)


def test_the_set_is_stored_by_reference_and_split_by_cluster():
    pairs = read_pairs()
    assert len(pairs) >= 300
    assert {p.label for p in pairs} == {"SAME", "PARTIAL", "DIFFERENT"}
    parts = {}
    for pair in pairs:
        parts.setdefault((pair.set, pair.cluster), set()).add(pair.part)
    assert all(len(found) == 1 for found in parts.values()), "a cluster is in one part only"
    for part in ("tune", "test"):
        assert {s for (s, _), found in parts.items() if part in found} >= {"duc2002", "duc2003", "tac2010"}
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["set"] != "sample":  # the development sets' texts are never copied here
            assert "text" not in record["sentence"] and "text" not in record["candidate"]


def test_the_fresh_test_set_is_stored_by_reference_apart_from_the_tune_set():
    tune, test = read_tune(), read_pairs(TEST_PAIRS)
    assert {p.part for p in read_pairs(TEST2_PAIRS)} == {"test2"} and {p.part for p in read_pairs(TEST3_PAIRS)} == {
        "test3"
    }
    assert {p.part for p in test} == {"test4"}
    assert len(test) >= 200
    assert {p.label for p in test} == set(LABELS)
    assert {p.set for p in test} == {"duc2002", "duc2003", "tac2010"}
    assert not {(p.set, p.cluster) for p in tune} & {(p.set, p.cluster) for p in test}, "no cluster in both"
    assert not {p.pair for p in tune} & {p.pair for p in test}
    texts = lambda pairs: {(p.sentence.digest, p.candidate.digest) for p in pairs}  # noqa: E731
    assert not texts(tune) & texts(test), "no pair of texts in both (two DUC 2002 clusters share articles)"
    for pair in test:
        assert pair.reason and (pair.what if pair.conflict else not pair.what)
        assert not (pair.conflict and pair.label == "SAME"), "a conflict is never SAME"
    for line in TEST_PAIRS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert "text" not in record["sentence"] and "text" not in record["candidate"]


def test_a_changed_text_is_refused():
    pairs = [p for p in read_pairs() if p.set == "sample"][:1]
    assert load_clusters(pairs)  # the sample ships with the project: its spans check out
    moved = [replace(pairs[0], sentence=replace(pairs[0].sentence, start=pairs[0].sentence.start + 1))]
    with pytest.raises(ValueError, match="is not the one labelled"):
        load_clusters(moved)
    assert digest(" a  b ") == digest("a b")


@pytest.mark.skipif(not SHARED.exists(), reason="the development sets are not beside this checkout")
def test_every_span_still_reads_the_labelled_text():
    for path in (*TUNE_PAIRS, TEST_PAIRS):
        clusters = load_clusters(read_pairs(path))
        assert sum(len(c.pairs) for c in clusters) == len(read_pairs(path))
