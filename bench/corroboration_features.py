"""Which pair features tell "the same fact in other words" from "another fact of the same story"?

    python bench/corroboration_features.py       # table to stdout; tune set only (pairs.jsonl, pairs_test2/3.jsonl)

Each candidate feature is added to the judge's five (similarity, shared word weight, same figure or
date, in cluster, covers_main) and measured as the judge is fitted (`bench/corroboration_fit.py`): a logistic
regression over the pairs the rules do not refuse, each of the tune set's clusters scored by a model
fitted on the others; the figures are the held-out recall (SAME listed / all SAME) at precision
95 %, 90 % and 80 %, and the average precision. The fresh test set is never read here.

Candidates (computed here, not in the judge, until one earns its place):
- token alignment, BERTScore-style: the transformer's (all-MiniLM-L6-v2, int8) contextual token
  vectors of the two sentences, each token matched to its most similar token on the other side;
  `recall` (the sentence's tokens found in the candidate) and `precision`, plain and weighted by the
  tokens' inverse sentence frequency in the story; `heavy`: the sentence's 5 rarest tokens only;
  `content`: content word pieces only (no stop words, no punctuation), of the whole sentence, of its
  main clause, or of its main clause against the candidate's (`main_clause`);
- names: the share of the sentence's names the candidate has, and the other way (aliases as the
  judge matches them);
- main fact words: the share of the sentence's 3 rarest content words the candidate has, and of the
  words of its opening clause (subject and verb, before the first comma or "that"/"said"/"when");
- clauses: the best cosine between a clause of one and a clause of the other (clauses embedded
  apart), and between the whole sentence and the candidate's best clause;
- rank: whether the candidate is the most similar sentence of its article to the sentence, and
  whether the sentence is the most similar of its own article to the candidate (mutual best
  match), with the margin over the runner-up;
- a learned comparison of the two sentence vectors (their product and difference, 768 numbers).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from corroboration_fit import curve, held_out_scores, operating_point
from corroboration_set import SHARED, document_id, load_clusters, read_tune, sentence_finder

from summarize.citations.corroboration import candidates, refused
from summarize.citations.facts import _alike, content_stems, names
from summarize.citations.main_clause import main_clause
from summarize.citations.pair_facts import FEATURES, _story_names, features, pair_facts, word_weights
from summarize.pipeline import analyze
from summarize.text.bigrams import STOP_WORDS
from summarize.text.story_copies import story_numbers

BASE = ("similarity", "shared_words", "same_detail", "in_cluster", "covers_main")  # the judge's five
_CLAUSE = re.compile(r"(?:,|;| -- | — |:)\s*|\s(?:that|when|after|before|because|while|who|which|as|but|and)\s")
_OPENING = re.compile(r",| that | said | when | after | who | which ")


class TokenVectors:
    """The onnx model's last hidden states, one unit row per token (no [CLS]/[SEP])."""

    def __init__(self) -> None:
        from summarize.embedding.onnx_model import OnnxEmbedder

        self.session, self.tokenizer = OnnxEmbedder(threads=1)._load()
        self.seconds, self.calls = 0.0, 0

    def __call__(self, text: str) -> tuple[np.ndarray, list[int]]:
        vectors, ids, _ = self.with_tokens(text)
        return vectors, ids

    def with_tokens(self, text: str) -> tuple[np.ndarray, list[int], list[str]]:
        start = time.perf_counter()
        encoding = self.tokenizer.encode(text)
        ids = np.array([encoding.ids], dtype=np.int64)
        (hidden,) = self.session.run(
            None, {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
        )
        vectors = hidden[0][1:-1]
        self.seconds += time.perf_counter() - start
        self.calls += 1
        unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        return unit, encoding.ids[1:-1], encoding.tokens[1:-1]


def _content(tokens: list[str]) -> np.ndarray:
    """Which word pieces belong to content words: not stop words, not punctuation (a "##" piece goes
    with the word it continues)."""
    keep, current = [], False
    for token in tokens:
        if token.startswith("##"):
            keep.append(current)
            continue
        current = token.isalnum() and token.lower() not in STOP_WORDS
        keep.append(current)
    return np.array(keep, dtype=bool)


def _clauses(text: str) -> list[str]:
    return [part for part in _CLAUSE.split(text) if part and len(part.split()) >= 3] or [text]


def _share(ours: frozenset[str], theirs: frozenset[str]) -> float:
    return sum(any(_alike(a, b) for b in theirs) for a in ours) / len(ours) if ours else 1.0


def measure(shared: Path) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    from summarize.embedding.backends import default_embedder
    from summarize.embedding.cache import with_cache

    embedder = with_cache(default_embedder())
    tokens = TokenVectors()
    columns: dict[str, list] = {}
    same, clusters, open_, listable = [], [], [], []
    for cluster in load_clusters(read_tune(), shared):
        analysis = analyze(cluster.documents, embedder)
        number = {document_id(cluster.set, d): n for n, d in enumerate(cluster.documents)}
        find = sentence_finder(analysis)
        stories = story_numbers(analysis.documents)
        frequency: dict[int, int] = {}
        for sentence in analysis.sentences:
            for token in set(tokens.tokenizer.encode(sentence.text).ids[1:-1]):
                frequency[token] = frequency.get(token, 0) + 1
        total = len(analysis.sentences)
        weights, known = word_weights(analysis), _story_names(analysis)
        vectors: dict[int, tuple[np.ndarray, list[int]]] = {}
        content: dict[int, np.ndarray] = {}  # content word pieces' vectors: sentence k, its main clause at -1 - k
        for pair in cluster.pairs:
            i = find(number[pair.sentence.doc], pair.sentence)
            j = find(number[pair.candidate.doc], pair.candidate)
            if i is None or j is None:  # a sentence dropped as boilerplate since it was labelled
                continue
            first, second = analysis.sentences[i], analysis.sentences[j]
            if stories[first.document] == stories[second.document]:
                continue  # copies of one story: never corroboration, never scored
            facts = pair_facts(analysis, i, j)
            row: dict[str, float] = dict(zip(FEATURES, features(facts)))
            for k in (i, j):
                if k not in vectors:
                    vectors[k] = tokens(analysis.sentences[k].text)
            (a, ids_a), (b, ids_b) = vectors[i], vectors[j]
            grid = a @ b.T
            idf_a = np.array([np.log((total + 1) / frequency.get(t, 1)) for t in ids_a])
            idf_b = np.array([np.log((total + 1) / frequency.get(t, 1)) for t in ids_b])
            row["token recall"], row["token precision"] = float(grid.max(1).mean()), float(grid.max(0).mean())
            row["token recall, idf"] = float(grid.max(1) @ idf_a / idf_a.sum())
            row["token precision, idf"] = float(grid.max(0) @ idf_b / idf_b.sum())
            row["token recall, 5 rarest"] = float(grid.max(1)[np.argsort(-idf_a)[:5]].mean())
            for k, text in (
                (i, first.text),
                (j, second.text),
                (-1 - i, main_clause(first.text)),
                (-1 - j, main_clause(second.text)),
            ):
                if k not in content:
                    v, _, pieces = tokens.with_tokens(text)
                    content[k] = v[_content(pieces)] if _content(pieces).any() else v
            ca, cb, ma, mb = content[i], content[j], content[-1 - i], content[-1 - j]
            row["content recall"] = float((ca @ cb.T).max(1).mean())
            row["content precision"] = float((ca @ cb.T).max(0).mean())
            row["content recall, main clause"] = float((ma @ cb.T).max(1).mean())
            row["content recall, main clause to main clause"] = float((ma @ mb.T).max(1).mean())
            row["content F, main clause to main clause"] = float(
                2 / (1 / max((ma @ mb.T).max(1).mean(), 1e-6) + 1 / max((ma @ mb.T).max(0).mean(), 1e-6))
            )
            row["content recall, main clause, weakest"] = float((ma @ cb.T).max(1).min())
            names_a, names_b = names(first.text)[0] & known, names(second.text)[0] & known
            row["names of the sentence in the candidate"] = _share(names_a, names_b)
            row["names of the candidate in the sentence"] = _share(names_b, names_a)
            stems_a, stems_b = content_stems(first.text), content_stems(second.text)
            rarest = sorted(stems_a, key=lambda w: (-weights.get(w, 0.0), w))[:3]
            row["3 rarest words in the candidate"] = sum(w in stems_b for w in rarest) / max(1, len(rarest))
            opening = content_stems(_OPENING.split(first.text, maxsplit=1)[0])
            row["opening clause's words in the candidate"] = len(opening & stems_b) / len(opening) if opening else 0.0
            clauses_a, clauses_b = embedder.embed(_clauses(first.text)), embedder.embed(_clauses(second.text))
            row["best clause pair"] = float((clauses_a @ clauses_b.T).max())
            row["sentence to the candidate's best clause"] = float((clauses_b @ analysis.embeddings[i]).max())
            to_sentence = analysis.embeddings @ analysis.embeddings[i]
            to_candidate = analysis.embeddings @ analysis.embeddings[j]
            article = [k for k, s in enumerate(analysis.sentences) if s.document == second.document and k != j]
            own = [k for k, s in enumerate(analysis.sentences) if s.document == first.document and k != i]
            row["best in its article"] = float(to_sentence[j] >= max((to_sentence[k] for k in article), default=-1))
            rival = max((float(to_candidate[k]) for k in own), default=-1.0)
            row["mutual best match"] = float(to_candidate[i] >= rival)
            row["margin over the sentence's article"] = float(to_candidate[i]) - rival
            for name, value in row.items():
                columns.setdefault(name, []).append(value)
            columns.setdefault("vectors", []).append(
                np.concatenate(
                    [
                        analysis.embeddings[i] * analysis.embeddings[j],
                        np.abs(analysis.embeddings[i] - analysis.embeddings[j]),
                    ]
                )
            )
            same.append(pair.label == "SAME")
            clusters.append(f"{pair.set}/{pair.cluster}")
            open_.append(not refused(facts))
            listable.append(j in candidates(analysis, i))
    cost = 1000 * tokens.seconds / max(1, tokens.calls)
    return (
        {k: np.array(v, dtype=float) for k, v in columns.items()},
        np.array(same),
        np.array(clusters),
        np.array(open_),
        np.array(listable),
        cost,
    )


def figures(
    x: np.ndarray, same: np.ndarray, clusters: np.ndarray, open_: np.ndarray, listable: np.ndarray, strength: float
) -> str:
    from sklearn.metrics import average_precision_score

    scores = held_out_scores(x, same, clusters, open_, strength)
    points = curve(scores, same, listable)
    recalls = []
    for target in (0.95, 0.90, 0.80):
        point = operating_point(points, target)
        recalls.append(f"{point[2]:.0%}" if point[1] >= target else "-")
    shown = listable & open_
    return " | ".join([*recalls, f"{average_precision_score(same[shown], scores[shown]):.3f}"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the folder of the development sets")
    args = parser.parse_args()
    columns, same, clusters, open_, listable, cost = measure(args.shared)
    print(
        f"{len(same)} tune pairs (copies left out), {int(same.sum())} SAME; token vectors: {cost:.1f} ms a sentence\n"
    )
    print("| features (cross-validated by cluster) | recall at 95 % | at 90 % | at 80 % | average precision |")
    print("|---|---:|---:|---:|---:|")
    base = np.column_stack([columns[name] for name in BASE])
    print(f"| the judge's five | {figures(base, same, clusters, open_, listable, 0.1)} |")
    extras = [name for name in columns if name not in FEATURES and name != "vectors"]
    for name in extras:
        x = np.column_stack([base, columns[name]])
        print(f"| + {name} | {figures(x, same, clusters, open_, listable, 0.1)} |")
    every = np.column_stack([base] + [columns[name] for name in extras])
    print(f"| + all of the above | {figures(every, same, clusters, open_, listable, 0.1)} |")
    vectors = np.column_stack([base, columns["vectors"]])
    print(
        f"| + the two vectors compared (768 numbers, strong regularisation) | "
        f"{figures(vectors, same, clusters, open_, listable, 0.003)} |"
    )


if __name__ == "__main__":
    main()
