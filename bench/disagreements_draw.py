"""Draw (brief sentence, other source's sentence) pairs for the disagreement set, enriched for conflicts.

    python bench/disagreements_draw.py --out /tmp/disagreement_draft.jsonl   # with texts, to label

From the brief (`summarize brief --words 250`: the concept ranker, the default model) of every cluster
of the three development sets and of the sample, for each brief sentence S, the corroboration judge's
own candidates C (`summarize.citations.corroboration.candidates`: other stories' sentences of S's
cluster and the few most similar outside it). A pair is drawn when it is

- `flagged`: the shipped code lists C among S's disagreements (`disagrees` in JSON);
- `figures`: C counts what S counts (the same unit) with another number (`figure_conflicts`), not a
  measure of place or speed;
- `dates`: C names another day or year than S (`date_conflicts`);
- `names`: each names someone or somewhere the other does not, at cosine >= 0.7 (`new_names`);
- `agree`: the judge lists C as "also" S, or both give one figure or exact date (agreeing pairs, mixed in).

then sampled: every flagged pair, and from each other kind the most similar pairs (`MOST` of them), at
most `--per-cluster` of a kind a cluster, so that many stories are in it. The draft holds the texts for the reader and the `flagged`
bit (hidden from the labelling view, `--show`); it must stay outside the repository (the development
sets are licensed for evaluation only). `bench/disagreements.py` reads the labelled references back.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from corroboration_set import SHARED, drafted_span

from summarize.citations.corroboration import candidates
from summarize.citations.facts import (
    date_conflicts,
    dates_in,
    figure_conflicts,
    is_measure,
    new_names,
    quantities,
    same_date,
    share_a_figure,
)
from summarize.citations.pair_facts import _story_names, _weekdays
from summarize.inputs.documents import sample_documents
from summarize.inputs.jsonl import read_clusters
from summarize.pipeline import analyze, compose_brief
from summarize.records import Analysis
from summarize.text.story_copies import story_numbers

SETS = ("duc2002", "duc2003", "tac2010")
WORDS = 250
NAMES_SIMILARITY = 0.7
# Pairs drawn of each kind besides the flagged ones (all drawn): what one careful reader can label.
MOST = {"figures": 60, "dates": 35, "names": 15, "agree": 25}


def kinds(analysis: Analysis, sentence: int, candidate: int, flagged: bool, agreed: bool) -> list[str]:
    first, second = analysis.sentences[sentence].text, analysis.sentences[candidate].text
    similarity = float(analysis.embeddings[sentence] @ analysis.embeddings[candidate])
    found = ["flagged"] if flagged else []
    figures = [q for q in figure_conflicts(quantities(first), quantities(second)) if not is_measure(q)]
    if figures:
        found.append("figures")
    if date_conflicts(dates_in(first), dates_in(second), _weekdays(analysis)):
        found.append("dates")
    known = _story_names(analysis)
    if similarity >= NAMES_SIMILARITY and new_names(first, second, known) and new_names(second, first, known):
        found.append("names")
    if agreed or share_a_figure(quantities(first), quantities(second)) or same_date(dates_in(first), dates_in(second)):
        found.append("agree")
    return found


def _key(pair: dict) -> tuple:
    sentence, candidate = pair["sentence"], pair["candidate"]
    return (pair["set"], pair["cluster"], sentence["doc"], sentence["start"], candidate["doc"], candidate["start"])


def clusters(shared: Path):
    yield "sample", "sample", sample_documents()
    for set_name in SETS:
        for cluster in read_clusters(shared / f"{set_name}.jsonl", checked=False):
            yield set_name, cluster.id, cluster.documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="the draft, with texts (keep it outside the repo)")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--per-cluster", type=int, default=1, help="most pairs of one kind drawn from a cluster")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--most", nargs="*", default=[], metavar="KIND=N", help=f"pairs of a kind to draw (default: {MOST})"
    )
    parser.add_argument(
        "--exclude",
        type=Path,
        nargs="*",
        default=[],
        help="earlier drafts whose pairs not to draw again (a next batch)",
    )
    parser.add_argument(
        "--words",
        type=int,
        nargs="+",
        default=[WORDS],
        help="the brief's length (several: a brief at each, one analysis a cluster): longer gives more sentences",
    )
    parser.add_argument(
        "--new-sentences",
        action="store_true",
        help="draw no pair whose brief sentence is a sentence of a pair in an --exclude file",
    )
    parser.add_argument(
        "--unused-in",
        type=Path,
        nargs="*",
        default=[],
        help="labelled files whose clusters not to draw from (a blind test set from clusters never looked at)",
    )
    parser.add_argument(
        "--pool",
        type=Path,
        help="the pool of candidate pairs, with texts (outside the repo): read if it exists, else written",
    )
    args = parser.parse_args()
    if HERE.parent in args.out.resolve().parents:
        parser.error("the draft holds the development sets' texts: write it outside the repository")
    used = set()
    for path in args.unused_in:
        with open(path, encoding="utf-8") as stream:
            used |= {(record["set"], record["cluster"]) for record in map(json.loads, stream)}
    if args.pool and args.pool.exists():
        with open(args.pool, encoding="utf-8") as stream:
            pool = [json.loads(line) for line in stream]
    else:
        pool = find_pool(args, used)
        if args.pool:
            with open(args.pool, "w", encoding="utf-8") as out:
                out.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in pool)
    draw(pool, args)


def find_pool(args: argparse.Namespace, used: set) -> list[dict]:
    from summarize.embedding.backends import default_embedder
    from summarize.embedding.cache import with_cache

    embedder = with_cache(default_embedder())
    pool = []
    for set_name, cluster_id, documents in clusters(args.shared):
        if (set_name, cluster_id) in used:
            continue
        analysis = analyze(documents, embedder)
        index = {(s.document, s.start): i for i, s in enumerate(analysis.sentences)}
        stories = story_numbers(analysis.documents)
        chosen_sentences = {}  # each brief sentence once, at the shortest length that chose it
        for words in sorted(args.words, reverse=True):
            for chosen in compose_brief(analysis, words).sentences:
                chosen_sentences[(chosen.sentence.document, chosen.sentence.start)] = (words, chosen)
        for words, chosen in chosen_sentences.values():
            s = index[(chosen.sentence.document, chosen.sentence.start)]
            flagged = {(d.sentence.document, d.sentence.start) for d in chosen.disagrees}
            agreed = {(c.sentence.document, c.sentence.start) for c in chosen.also_in}
            for c in candidates(analysis, s):
                if stories[analysis.sentences[c].document] == stories[analysis.sentences[s].document]:
                    continue
                key = (analysis.sentences[c].document, analysis.sentences[c].start)
                found = kinds(analysis, s, c, key in flagged, key in agreed)
                if not found:
                    continue

                similarity = round(float(analysis.embeddings[s] @ analysis.embeddings[c]), 4)
                pool.append(
                    {"set": set_name, "cluster": cluster_id}
                    | {
                        "sentence": drafted_span(analysis, set_name, s),
                        "candidate": drafted_span(analysis, set_name, c),
                    }
                    | {"similarity": similarity, "kinds": found, "flagged": key in flagged, "words": words}
                )
    return pool


def draw(pool: list[dict], args: argparse.Namespace) -> None:
    print("pool:", Counter(k for p in pool for k in p["kinds"]), file=sys.stderr)
    most_of = MOST | {kind: int(n) for kind, n in (item.split("=") for item in args.most)}
    seen = set()
    for path in args.exclude:
        with open(path, encoding="utf-8") as stream:
            seen |= {_key(json.loads(line)) for line in stream}
    pool = [p for p in pool if _key(p) not in seen]
    if args.new_sentences:
        used_sentences = {(k[0], k[1], k[2], k[3]) for k in seen} | {(k[0], k[1], k[4], k[5]) for k in seen}
        pool = [p for p in pool if _key(p)[:4] not in used_sentences]
        print("pool of new brief sentences:", Counter(k for p in pool for k in p["kinds"]), file=sys.stderr)
    drawn = [p for p in pool if p["flagged"]]
    for kind, most in most_of.items():
        per_cluster: Counter[tuple[str, str]] = Counter()
        mine = [p for p in sorted(pool, key=lambda p: -p["similarity"]) if kind in p["kinds"] and p not in drawn]
        for p in mine:
            if per_cluster[(p["set"], p["cluster"])] < args.per_cluster and per_cluster.total() < most:
                drawn.append(p)
                per_cluster[(p["set"], p["cluster"])] += 1
    random.Random(args.seed).shuffle(drawn)  # the reader meets them in no telling order
    with open(args.out, "w", encoding="utf-8") as out:
        for number, p in enumerate(drawn):
            out.write(json.dumps({"pair": number} | p, ensure_ascii=False) + "\n")
    print(f"{len(drawn)} pairs written to {args.out}:", Counter(k for p in drawn for k in p["kinds"]))


if __name__ == "__main__":
    main()
