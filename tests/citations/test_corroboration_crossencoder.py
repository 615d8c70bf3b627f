"""The cross-encoder experiment (bench/corroboration_crossencoder.py): folds never split a cluster, and
the adapted top layers, read over the cached lower layers, are the model itself until trained."""

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from corroboration_crossencoder import FOLDS, folds_of  # noqa: E402 (bench/ is put on sys.path above)


@dataclass(frozen=True)
class _Pair:
    set: str
    cluster: str


@dataclass(frozen=True)
class _Item:
    pair: _Pair


def test_folds_keep_each_cluster_whole_and_use_every_fold():
    items = [_Item(_Pair(s, f"c{n}")) for s in ("duc2002", "tac2010") for n in range(12) for _ in range(3)]
    folds = folds_of(items)  # type: ignore[arg-type]
    by_cluster: dict[tuple[str, str], set[int]] = {}
    for item, fold in zip(items, folds):
        by_cluster.setdefault((item.pair.set, item.pair.cluster), set()).add(int(fold))
    assert all(len(found) == 1 for found in by_cluster.values())
    assert set(np.unique(folds)) == set(range(FOLDS))
    assert np.array_equal(folds, folds_of(items))  # type: ignore[arg-type]  # seeded: the same folds each run


@pytest.mark.model
def test_untrained_adapters_leave_the_model_as_it_is_even_padded():
    from corroboration_crossencoder import PairModel, _torch_parts, encode

    torch, tokenizer, model = _torch_parts()
    model.eval()
    texts = [
        ("NATO expelled eight Russian officials on Wednesday.", "The alliance expelled Russian diplomats."),
        ("The storm killed 14 people.", "Officials said fourteen died in the hurricane on Tuesday night."),
    ]
    lower = encode(torch, tokenizer, model, texts, model.config.num_hidden_layers - 2)
    pair_model = PairModel(torch, model, adapted=2)
    pair_model.train(False)
    with torch.no_grad():
        whole = [model(**tokenizer(a, b, return_tensors="pt")).last_hidden_state[0] for a, b in texts]
        top = pair_model.hidden(lower.states)
    for n, expected in enumerate(whole):  # the shorter pair is padded to the longer: the mask hides it
        assert torch.allclose(top[n, : expected.shape[0]], expected, atol=1e-5)
    trained = sum(p.numel() for p in pair_model.parameters())
    assert 100_000 < trained < 150_000  # small enough to ship: < 0.6 MB in float32
