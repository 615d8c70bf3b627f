"""Corroboration precision and recall on the labelled set, before (every other source's sentence in
the cluster is listed as "also") and after (the judge decides), on the tune and test parts.

    python bench/corroboration.py                 # the table, written to bench/corroboration/results.md
    python bench/corroboration.py --grid          # the tuning grid, on the tune part only

Reads the development sets from ../shared/bench (never copied here); embeds with the default model
through the cache. See bench/corroboration/README.md for the set and its labelling rule.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]  # this checkout's summarize, and corroboration_set

from corroboration_set import (
    PAIRS,
    SHARED,
    LabelledPair,
    document_id,
    load_clusters,
    read_pairs,
)

from summarize.brief import analyze
from summarize.corroboration import CorroborationJudge, FactJudge, Verdict, candidates
from summarize.duplicates import story_numbers
from summarize.pair_facts import PairFacts, pair_facts

RESULTS = HERE / "corroboration" / "results.md"


@dataclass(frozen=True)
class Judged:
    pair: LabelledPair
    copy: bool  # the two sentences' articles are one story (never corroboration: "the same story as")
    candidate: bool  # among the judge's candidates for the sentence
    decide: Callable[[CorroborationJudge], Verdict]
    facts: PairFacts


def judged_pairs(pairs: list[LabelledPair], shared: Path) -> list[Judged]:
    from summarize.cache import with_cache
    from summarize.embedding import default_embedder

    embedder = with_cache(default_embedder())
    result = []
    for cluster in load_clusters(pairs, shared):
        analysis = analyze(cluster.documents, embedder)
        number = {document_id(cluster.set, d): n for n, d in enumerate(cluster.documents)}
        index = {(s.document, s.start): i for i, s in enumerate(analysis.sentences)}
        stories = story_numbers(analysis.documents)
        for pair in cluster.pairs:
            first = index[(number[pair.sentence.doc], pair.sentence.start)]
            second = index[(number[pair.candidate.doc], pair.candidate.start)]
            copy = stories[analysis.sentences[first].document] == stories[analysis.sentences[second].document]

            def decide(judge: CorroborationJudge, a=analysis, i=first, j=second) -> Verdict:
                return judge.judge(a, i, j)

            result.append(Judged(pair, copy, second in candidates(analysis, first), decide,
                                 pair_facts(analysis, first, second)))
    return result


@dataclass(frozen=True)
class Scores:
    listed: int
    same_listed: int
    right_listed: int  # SAME or PARTIAL
    same_total: int
    flagged: int
    conflicts_flagged: int
    conflicts_total: int

    def row(self, name: str) -> str:
        def share(part: int, whole: int) -> str:
            return f"{100 * part / whole:.0f} % ({part}/{whole})" if whole else "n/a"

        return (f"| {name} | {self.listed} | {share(self.same_listed, self.listed)} | "
                f"{share(self.right_listed, self.listed)} | {share(self.same_listed, self.same_total)} |")


def score(items: Iterable[Judged], listed: Callable[[Judged], bool], flagged: Callable[[Judged], bool]) -> Scores:
    items = [item for item in items if not item.copy]
    shown = [item for item in items if listed(item)]
    flags = [item for item in items if flagged(item)]
    return Scores(
        listed=len(shown),
        same_listed=sum(item.pair.label == "SAME" for item in shown),
        right_listed=sum(item.pair.label != "DIFFERENT" for item in shown),
        same_total=sum(item.pair.label == "SAME" for item in items),
        flagged=len(flags),
        conflicts_flagged=sum(item.pair.conflict for item in flags),
        conflicts_total=sum(item.pair.conflict for item in items),
    )


def evaluate(items: list[Judged], judge: CorroborationJudge) -> tuple[Scores, Scores]:
    verdicts = {id(item): item.decide(judge) for item in items}

    def after(item: Judged) -> bool:
        return item.candidate and verdicts[id(item)].same

    def disagrees(item: Judged) -> bool:
        return item.candidate and bool(verdicts[id(item)].conflicts)

    before = score(items, lambda item: item.pair.in_cluster, lambda item: False)
    return before, score(items, after, disagrees)


def grid(items: list[Judged]) -> None:
    """Precision and recall on the tune part over a grid of the judge's parameters, best first."""
    tune = [item for item in items if item.pair.part == "tune"]
    rows = []
    for agreement, detail, event in itertools.product((1.1, 1.2, 1.25, 1.3, 1.35, 1.4), (0.0, 0.1, 0.2, 0.3),
                                                      (0.9, 1.0, 1.1, 1.2)):
        _, after = evaluate(tune, FactJudge(agreement=agreement, same_detail=detail, same_event=event))
        precision = after.same_listed / after.listed if after.listed else 0.0
        recall = after.same_listed / after.same_total if after.same_total else 0.0
        flags = f"{after.conflicts_flagged}/{after.flagged}"
        rows.append((precision, recall, agreement, detail, event, flags))
    for precision, recall, agreement, detail, event, flags in sorted(rows, key=lambda r: (-r[0], -r[1]))[:40]:
        print(f"agreement {agreement:.2f} same_detail {detail:.1f} same_event {event:.1f}: "
              f"precision {precision:.3f} recall {recall:.3f} disagreements right {flags}")


def table(items: list[Judged], judge: CorroborationJudge) -> str:
    lines = ["| part | listed | precision (SAME) | precision (SAME or PARTIAL) | recall (SAME) |",
             "|---|---:|---:|---:|---:|"]
    disagreement = []
    for part in ("test", "tune"):
        mine = [item for item in items if item.pair.part == part]
        before, after = evaluate(mine, judge)
        lines += [before.row(f"{part}, before (the whole cluster)"), after.row(f"{part}, after (the judge)")]
        precision = f"{after.conflicts_flagged}/{after.flagged}" if after.flagged else "none flagged"
        disagreement.append(f"{part}: disagreements flagged {after.flagged}, of them labelled conflicts "
                            f"{precision}; labelled conflicts found {after.conflicts_flagged}/{after.conflicts_total}")
    copies = sum(item.copy for item in items)
    counts = {label: sum(item.pair.label == label for item in items) for label in ("SAME", "PARTIAL", "DIFFERENT")}
    return "\n".join(
        lines + [""] + [f"- {line}" for line in disagreement] + [
            f"- {len(items)} pairs ({', '.join(f'{k} {v}' for k, v in counts.items())}); {copies} pairs of copies "
            "of one story left out (never corroboration: marked \"the same story as\")."]
    ) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--shared", type=Path, default=SHARED, help="the folder of the development sets")
    parser.add_argument("--grid", action="store_true", help="print the tuning grid (tune part) and stop")
    parser.add_argument("--no-write", action="store_true", help=f"print the table, do not write {RESULTS.name}")
    args = parser.parse_args()
    items = judged_pairs(read_pairs(args.pairs), args.shared)
    if args.grid:
        grid(items)
        return
    text = table(items, FactJudge())
    print(text)
    if not args.no_write:
        RESULTS.write_text("# Corroboration on the labelled set\n\n`python bench/corroboration.py`\n\n" + text)


if __name__ == "__main__":
    main()
