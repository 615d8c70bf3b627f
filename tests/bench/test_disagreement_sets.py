"""The labelled disagreement sets in bench/disagreements: by reference, labelled, the blind set apart."""

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from corroboration_set import SHARED, load_clusters  # noqa: E402
from disagreements import AUDIT6, LABELS, PAIRS, TEST2, TEST3, TEST4, TEST5, read_pairs  # noqa: E402


def key(pair) -> tuple[str, str, str, int, str, int]:
    return (pair.set, pair.cluster, pair.sentence.doc, pair.sentence.start, pair.candidate.doc, pair.candidate.start)


def test_every_set_is_stored_by_reference_and_every_conflict_says_what_the_other_gives():
    for path in (PAIRS, TEST2, TEST3, TEST4, TEST5, AUDIT6):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert "text" not in record["sentence"] and "text" not in record["candidate"]
        pairs = read_pairs(path)
        assert {p.label for p in pairs} == set(LABELS)
        assert all(p.reason and (bool(p.what) == (p.label == "CONFLICT")) for p in pairs)


def test_the_blind_set_holds_no_pair_of_the_tune_data():
    tune, blind = read_pairs(PAIRS) + read_pairs(TEST2), read_pairs(TEST3)
    assert {p.part for p in blind} == {"test3"} and len(blind) >= 200
    assert sum(p.label == "CONFLICT" for p in blind) >= 40
    assert not {key(p) for p in tune} & {key(p) for p in blind}
    audit = read_pairs(TEST4)
    assert not {key(p) for p in tune + blind} & {key(p) for p in audit}


def test_the_fifth_blind_set_holds_no_pair_of_the_earlier_files():
    earlier = [p for path in (PAIRS, TEST2, TEST3, TEST4) for p in read_pairs(path)]
    blind = read_pairs(TEST5)
    assert {p.part for p in blind} == {"test5"} and len(blind) >= 150
    assert not {key(p) for p in earlier} & {key(p) for p in blind}


def test_the_audit_holds_no_pair_of_the_earlier_files_either_way_round():
    earlier = [p for path in (PAIRS, TEST2, TEST3, TEST4, TEST5) for p in read_pairs(path)]
    audit = read_pairs(AUDIT6)
    assert {p.part for p in audit} == {"audit6"} and len(audit) >= 50
    swapped = {(k[0], k[1], k[4], k[5], k[2], k[3]) for k in map(key, earlier)}
    assert not ({key(p) for p in earlier} | swapped) & {key(p) for p in audit}


@pytest.mark.skipif(not SHARED.exists(), reason="the development sets are not beside this checkout")
def test_every_span_of_the_blind_sets_still_reads_the_labelled_text():
    for path in (TEST3, TEST5, AUDIT6):
        pairs = read_pairs(path)
        assert sum(len(cluster.pairs) for cluster in load_clusters(pairs)) == len(pairs)
