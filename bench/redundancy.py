"""How the brief's same-fact check (two chosen sentences that report one fact: one is left out) should
trade precision for recall, on the labelled corroboration pairs (`bench/corroboration/`).

    python bench/redundancy.py --part tune    # the grid, on the tune set only (choosing)
    python bench/redundancy.py                # the chosen point and the listing's, on tune and test

The listing ("also [n]") is tuned for precision: a wrong "also" misleads the reader. For the brief's
redundancy check a false "same" only costs choosing another sentence, while a missed one prints a
fact twice; and a PARTIAL pair (one confirms a real part of the other's main fact) in one brief is
mostly repetition too. So the check is measured against two targets, SAME and SAME-or-PARTIAL, with
the judge's features and weights unchanged and only its threshold lowered. The check asks about a pair
either way round (`summarize.selection.same_fact.same_fact_pairs`), and about any two chosen sentences
(not only a sentence's "also" candidates), so a pair counts as found when the judge says `same` in
either direction. Copies of one story are left out, as in bench/corroboration.py. The development
sets are read from ../shared (never copied here).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]  # this checkout's summarize, and corroboration_set

from corroboration import Judged, judged_pairs
from corroboration_set import SHARED, TEST_PAIRS, LabelledPair, read_pairs, read_tune

from summarize.citations.corroboration import FactJudge, agreement, refused
from summarize.citations.corroboration_weights import THRESHOLD
from summarize.citations.same_fact_screen import REDUNDANCY_THRESHOLD

GRID = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, THRESHOLD)


@dataclass(frozen=True)
class Scored:
    pair: LabelledPair
    score: float  # the judge's agreement, the higher of the two directions; -1 when the rules refuse both


def scored(item: Judged) -> Scored:
    """The pair's score as the check sees it: either way round, the rules first."""
    assert item.reverse is not None
    best = max((agreement(facts) for facts in (item.facts, item.reverse) if not refused(facts)), default=-1.0)
    return Scored(item.pair, best)


def scored_pairs(pairs: list[LabelledPair]) -> list[Scored]:
    return [scored(item) for item in judged_pairs(pairs, SHARED) if not item.copy]


def row(items: list[Scored], threshold: float) -> str:
    found = [item for item in items if item.score >= threshold]
    same = sum(item.pair.label == "SAME" for item in found)
    either = sum(item.pair.label != "DIFFERENT" for item in found)
    all_same = sum(item.pair.label == "SAME" for item in items)
    all_either = sum(item.pair.label != "DIFFERENT" for item in items)

    def share(part: int, whole: int) -> str:
        return f"{100 * part / whole:.0f} % ({part}/{whole})" if whole else "n/a"

    return (
        f"| {threshold:.4g} | {len(found)} | {share(same, len(found))} | {share(same, all_same)} | "
        f"{share(either, len(found))} | {share(either, all_either)} |"
    )


HEADER = (
    "| threshold | found | precision (SAME) | recall (SAME) | precision (SAME or PARTIAL) | recall (SAME or PARTIAL) |\n"
    "|---:|---:|---:|---:|---:|---:|"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("tune", "test"), help="only this part")
    args = parser.parse_args()
    pairs = [] if args.part == "test" else [replace(p, part="tune") for p in read_tune()]
    if args.part != "tune":
        pairs += [replace(p, part="test") for p in read_pairs(TEST_PAIRS)]
    items = scored_pairs(pairs)
    assert FactJudge().threshold == THRESHOLD  # the listing's, unchanged
    for part in ("tune", "test"):
        mine = [item for item in items if item.pair.part == part]
        if not mine:
            continue
        thresholds = GRID if args.part == "tune" else (REDUNDANCY_THRESHOLD, THRESHOLD)
        print(f"\n{part} ({len(mine)} pairs; the listing's threshold is {THRESHOLD:.4g})\n\n{HEADER}")
        for threshold in thresholds:
            print(row(mine, threshold))


if __name__ == "__main__":
    main()
