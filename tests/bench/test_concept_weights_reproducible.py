"""The shipped concept weights are what the training command writes on this tree.

The issue's promise is that `python bench/train_concept_weights.py` reproduces the shipped file from
../shared. A change to how articles are split or their bigrams are read changes the training examples,
and a file fitted on an older tree then goes stale without anyone noticing (it did once: coefficients
up to 0.035 apart). This test makes that visible: refit, and re-measure ROUGE, in the same change.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "bench"
SHIPPED = ROOT / "summarize" / "data" / "concept_weights.json"
# The fit is deterministic (Newton's method) and the file rounds to 6 decimals; another BLAS may sum
# in another order and move a rounded coefficient by one unit in the last place.
TOLERANCE = 2e-6


def numbers(value: object, path: str = "") -> dict[str, object]:
    """Every leaf of a JSON document by its path."""
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in numbers(item, f"{path}/{key}").items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in numbers(item, f"{path}/{i}").items()}
    return {path: value}


@pytest.mark.skipif(not (DATA / "tac2010.jsonl").exists(), reason="needs ../shared/bench")
def test_training_reproduces_the_shipped_weights(tmp_path: Path) -> None:
    refit = tmp_path / "weights.json"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "train_concept_weights.py"), "--data", str(DATA), "-o", str(refit)],
        check=True,
        capture_output=True,
    )
    shipped, fitted = numbers(json.loads(SHIPPED.read_text())), numbers(json.loads(refit.read_text()))
    assert shipped.keys() == fitted.keys()
    stale = [
        (path, shipped[path], fitted[path])
        for path in shipped
        if shipped[path] != fitted[path]
        and not (isinstance(shipped[path], float) and abs(shipped[path] - fitted[path]) <= TOLERANCE)  # type: ignore[operator]
    ]
    assert not stale, f"{len(stale)} values differ, e.g. {stale[:3]}: run bench/train_concept_weights.py"
