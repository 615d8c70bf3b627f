"""The judge's fit (bench/corroboration_fit.py): the threshold is the lowest that keeps the held-out
precision, the held-out scores come from models that never saw the cluster, and the shipped weights
are what the script writes."""

import sys
from pathlib import Path

import numpy as np
import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from corroboration_fit import curve, held_out_scores, operating_point  # noqa: E402 (bench/ is put on sys.path above)
from corroboration_set import SHARED  # noqa: E402


def test_the_threshold_is_the_lowest_that_keeps_the_precision():
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.0])
    same = np.array([True, True, False, True, False, True])
    points = curve(scores, same, np.ones(6, dtype=bool))
    assert [p[3] for p in points] == [1, 2, 3, 4, 5]  # a refused pair (score 0) is never listed
    assert operating_point(points, 0.95)[:3] == (0.8, 1.0, 0.5)  # recall counts the refused SAME too
    assert operating_point(points, 0.75)[0] == 0.6


def test_held_out_scores_come_from_the_other_clusters():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 1))
    same = x[:, 0] > 0
    clusters = np.repeat(["a", "b", "c"], 20)
    flipped = same.copy()
    flipped[clusters == "c"] = ~flipped[clusters == "c"]  # a cluster labelled against the others
    scores = held_out_scores(x, flipped, clusters, np.ones(60, dtype=bool), strength=1.0)
    held = clusters == "c"
    assert np.corrcoef(scores[held], x[held, 0])[0, 1] > 0.9  # it follows a and b: it never saw c's labels
    closed = held_out_scores(x, same, clusters, np.arange(60) % 2 == 0, strength=1.0)
    assert np.all(closed[1::2] == 0.0)


@pytest.mark.model
@pytest.mark.skipif(not SHARED.exists(), reason="the development sets are not beside this checkout")
def test_the_shipped_weights_are_what_the_fit_writes(tmp_path, monkeypatch):
    import corroboration_fit

    from summarize.citations import corroboration_weights

    written = tmp_path / "weights.py"
    monkeypatch.setattr(corroboration_fit, "WEIGHTS", written)
    monkeypatch.setattr(sys, "argv", ["corroboration_fit.py"])
    corroboration_fit.main()
    assert written.read_text() == Path(corroboration_weights.__file__).read_text()
