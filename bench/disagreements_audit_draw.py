"""Draw a blind audit of the disagreement detector: many flags, from every sentence, not only briefs'.

    python bench/disagreements_audit_draw.py draw --out /tmp/audit6            # draft + labelling view
    python bench/disagreements_audit_draw.py store --out /tmp/audit6 --labels /tmp/audit6/labels.jsonl
    python bench/disagreements_audit_draw.py every-flag --out /tmp/audit6   # every flag, with its label

Flags are rare in briefs (the fifth blind set's 178 pairs held two), too few to measure a precision of
90 %. So every sentence of each cluster of DUC 2002, DUC 2003 and TAC 2010 plays a brief sentence S: the
shipped detector (`evidence(analysis, S).disagrees`, `FactJudge()`) is run on all its candidates C. Of the
flagged pairs no earlier file holds (either way round), at most `--per-cluster` a cluster are taken
(clusters in a seeded random order, round by round, up to `--flagged`); then, from the same clusters, as
many unflagged pairs whose figures differ (`figure_conflicts`, not a measure of place or speed) as it gave
flags, and at least `--distractors`, the most similar first: distractors of the same kind. All shuffled.

`draw` writes `draft.jsonl` (texts and the `flagged` bit: never read while labelling) and `view.txt` (each
pair's id and two texts, with the 250 characters before each, nothing about how it was drawn) to a folder
outside the repository (the development sets are licensed for evaluation only). The reader writes
`labels.jsonl` (`{"pair", "label", "what", "reason"}`), then `store` writes the labelled references
(no text, no `flagged`) to `bench/disagreements/pairs_audit6.jsonl`; `bench/disagreements.py` measures.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from corroboration_set import SHARED, drafted_span

from summarize.citations.corroboration import FactJudge, candidates, evidence, find_candidates
from summarize.citations.facts import figure_conflicts, is_measure, quantities
from summarize.inputs.jsonl import read_clusters
from summarize.pipeline import analyze
from summarize.records import Analysis

SETS = ("duc2002", "duc2003", "tac2010")
EARLIER = [HERE / "disagreements" / name for name in ("pairs.jsonl", "pairs_test2.jsonl", "pairs_test3.jsonl")]
EARLIER += [HERE / "disagreements" / name for name in ("pairs_test4.jsonl", "pairs_test5.jsonl")]
STORED = HERE / "disagreements" / "pairs_audit6.jsonl"
CONTEXT = 250  # characters shown before each sentence


def _ends(record: dict) -> set[tuple]:
    first, second = record["sentence"], record["candidate"]
    a, b = (first["doc"], first["start"]), (second["doc"], second["start"])
    return {(record["set"], record["cluster"], a, b), (record["set"], record["cluster"], b, a)}


def earlier_pairs() -> set[tuple]:
    seen: set[tuple] = set()
    for path in EARLIER:
        for line in path.read_text(encoding="utf-8").splitlines():
            seen |= _ends(json.loads(line))
    return seen


def _span(analysis: Analysis, set_name: str, index: int) -> dict:
    sentence = analysis.sentences[index]
    text = analysis.documents[sentence.document].text
    before = " ".join(text[max(0, sentence.start - CONTEXT) : sentence.start].split())
    return drafted_span(analysis, set_name, index) | {"before": before}


def cluster_pool(set_name: str, cluster_id: str, analysis: Analysis) -> list[dict]:
    """Every flagged pair and every pair of differing figures, each sentence in the brief sentence's role."""
    judge = FactJudge()
    everyone = range(len(analysis.sentences))
    find_candidates(analysis, everyone)
    figures = {i: quantities(s.text) for i, s in enumerate(analysis.sentences)}
    pool = []
    for s in everyone:
        found = evidence(analysis, s, judge)
        flagged = {(d.sentence.document, d.sentence.start) for d in found.disagrees}
        for c in candidates(analysis, s):
            other = analysis.sentences[c]
            is_flagged = (other.document, other.start) in flagged
            differ = [q for q in figure_conflicts(figures[s], figures[c]) if not is_measure(q)]
            if not (is_flagged or differ):
                continue
            pool.append(
                {"set": set_name, "cluster": cluster_id}
                | {"sentence": _span(analysis, set_name, s), "candidate": _span(analysis, set_name, c)}
                | {"similarity": round(float(analysis.embeddings[s] @ analysis.embeddings[c]), 4)}
                | {"drawn_as": ["figures"] if differ else [], "flagged": is_flagged}
            )
    return pool


def draw(args: argparse.Namespace) -> None:
    from summarize.embedding.backends import default_embedder
    from summarize.embedding.cache import with_cache

    embedder = with_cache(default_embedder())
    seen = earlier_pairs()
    by_cluster: dict[tuple[str, str], list[dict]] = {}
    for set_name in SETS:
        for cluster in read_clusters(args.shared / f"{set_name}.jsonl", checked=False):
            analysis = analyze(cluster.documents, embedder)
            pool, kept = cluster_pool(set_name, cluster.id, analysis), []
            for p in pool:  # new pairs only, each sentence pair once (either way round)
                ends = _ends(p)
                if not ends & seen:
                    kept.append(p)
                    seen |= ends
            by_cluster[(set_name, cluster.id)] = kept
    rng = random.Random(args.seed)
    order = sorted(by_cluster)
    rng.shuffle(order)
    flagged: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for _ in range(args.per_cluster):  # round by round, so the flags spread over as many clusters as can be
        for key in order:
            left = [p for p in by_cluster[key] if p["flagged"] and p not in flagged[key]]
            if left and sum(map(len, flagged.values())) < args.flagged:
                flagged[key].append(rng.choice(left))
    drawn = [p for pairs in flagged.values() for p in pairs]
    for key in [k for k in order if flagged[k]]:  # distractors of the same clusters, the most similar
        others = sorted((p for p in by_cluster[key] if not p["flagged"]), key=lambda p: -p["similarity"])
        drawn += others[: max(len(flagged[key]), args.distractors)]
    rng.shuffle(drawn)  # the reader meets them in no telling order
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "draft.jsonl", "w", encoding="utf-8") as out:
        out.writelines(json.dumps({"pair": n} | p, ensure_ascii=False) + "\n" for n, p in enumerate(drawn))
    with open(args.out / "view.txt", "w", encoding="utf-8") as out:
        for n, p in enumerate(drawn):
            first, second = p["sentence"], p["candidate"]
            out.write(f"#{n} {p['set']} {p['cluster']} S={first['doc']} C={second['doc']}\n")
            out.write(f"  S before: ...{first['before'][-CONTEXT:]}\n  S: {first['text']}\n")
            out.write(f"  C before: ...{second['before'][-CONTEXT:]}\n  C: {second['text']}\n\n")
    all_flags = sum(p["flagged"] for pairs in by_cluster.values() for p in pairs)
    print(f"{len(drawn)} pairs from {sum(bool(v) for v in flagged.values())} clusters ({all_flags} new flags found)")


def store(args: argparse.Namespace) -> None:
    draft = [json.loads(line) for line in (args.out / "draft.jsonl").read_text(encoding="utf-8").splitlines()]
    labels = {r["pair"]: r for r in map(json.loads, args.labels.read_text(encoding="utf-8").splitlines())}
    assert set(labels) == {p["pair"] for p in draft}, "every drawn pair needs its label"
    with open(STORED, "w", encoding="utf-8") as out:
        for p in draft:
            label = labels[p["pair"]]
            record = {"pair": p["pair"], "set": p["set"], "cluster": p["cluster"], "part": "audit6", "batch": 1}
            for end in ("sentence", "candidate"):
                record[end] = {k: p[end][k] for k in ("doc", "start", "end", "digest")}
            record |= {"similarity": p["similarity"], "drawn_as": p["drawn_as"]}
            record |= {k: label[k] for k in ("label", "what", "reason")}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(draft)} labelled pairs written to {STORED}:", Counter(r["label"] for r in labels.values()))


def every_flag(args: argparse.Namespace) -> None:
    """Every flag the shipped detector makes with every sentence as a brief sentence, with its label in
    any labelled file (either way round): what a reader could meet on the three sets, whole."""
    from summarize.embedding.backends import default_embedder
    from summarize.embedding.cache import with_cache

    labels: dict[tuple, tuple[str, str]] = {}
    for path in [*EARLIER, STORED]:
        for record in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
            for end in _ends(record):
                labels.setdefault(end, (record["part"], record["label"]))
    embedder = with_cache(default_embedder())
    pairs: dict[frozenset, tuple[str, str]] = {}
    directed = 0
    for set_name in SETS:
        for cluster in read_clusters(args.shared / f"{set_name}.jsonl", checked=False):
            for p in cluster_pool(set_name, cluster.id, analyze(cluster.documents, embedder)):
                if p["flagged"]:
                    directed += 1
                    ends = _ends(p)
                    found = next((labels[end] for end in ends if end in labels), ("unlabelled", ""))
                    pairs[frozenset(ends)] = found
    print(f"{directed} flags (sentence, candidate), {len(pairs)} sentence pairs")
    for part in sorted({part for part, _ in pairs.values()}):
        mine = Counter(label for p, label in pairs.values() if p == part)
        print(f"  {part}: {sum(mine.values())} pairs, CONFLICT {mine['CONFLICT']}", dict(mine))
    everyone = Counter(label for _, label in pairs.values())
    print(f"  all: CONFLICT {everyone['CONFLICT']} of {len(pairs)}", dict(everyone))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=("draw", "store", "every-flag"))
    parser.add_argument("--out", type=Path, required=True, help="the draft's folder, with texts (outside the repo)")
    parser.add_argument("--labels", type=Path, help="store: the labels, one JSON object a line, keyed by pair")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--flagged", type=int, default=80, help="most flagged pairs drawn")
    parser.add_argument("--per-cluster", type=int, default=2, help="most flagged pairs a cluster")
    parser.add_argument("--distractors", type=int, default=2, help="fewest distractors a cluster with a flag")
    parser.add_argument("--seed", type=int, default=81)
    args = parser.parse_args()
    if HERE.parent in args.out.resolve().parents or args.out.resolve() == HERE.parent:
        parser.error("the draft holds the development sets' texts: write it outside the repository")
    {"draw": draw, "store": store, "every-flag": every_flag}[args.step](args)


if __name__ == "__main__":
    main()
