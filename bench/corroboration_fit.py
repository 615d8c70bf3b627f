"""Fit the corroboration judge's weights on the tune set (`pairs.jsonl`, `pairs_test2.jsonl`, `pairs_test3.jsonl`).

    python bench/corroboration_fit.py            # cross-validate, fit, write summarize/citations/corroboration_weights.py
    python bench/corroboration_fit.py --dry-run  # cross-validate and print, write nothing

A logistic regression (scikit-learn, here only: the judge needs numpy alone) of "labelled SAME" on the
pair's features (`summarize.citations.pair_facts.FEATURES`), over the pairs the judge's rules do not already
refuse (figures or dates that differ, an earlier event). The regularisation, the feature set and the
threshold are chosen by cross-validation by cluster inside the tune set (each cluster held out in
turn, its pairs scored by a model fitted on the others): the threshold is the lowest at which the
held-out scores list pairs with at least the target precision. The first three files are the tune set
(each was looked at during development); the test set is the fresh `pairs_test4.jsonl`, which this
script never reads.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from corroboration import Judged, judged_pairs
from corroboration_set import SHARED, TUNE_PAIRS, read_tune

from summarize.citations.corroboration import refused
from summarize.citations.pair_facts import FEATURES, features

WEIGHTS = HERE.parent / "summarize" / "citations" / "corroboration_weights.py"
FEATURE_SETS = {
    "all": tuple(f for f in FEATURES if f not in ("figure_conflict", "date_conflict", "other_figures", "looks_back")),
    "small": ("similarity", "shared_words", "same_detail", "in_cluster"),
    "small+main": ("similarity", "shared_words", "same_detail", "in_cluster", "covers_main"),
}
STRENGTHS = (0.03, 0.1, 0.3, 1.0, 3.0)


def _model(strength: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=strength, max_iter=2000))


def held_out_scores(
    x: np.ndarray, same: np.ndarray, clusters: np.ndarray, open_: np.ndarray, strength: float
) -> np.ndarray:
    """Each pair's probability from a model fitted on the other clusters' open pairs; 0 where refused."""
    scores = np.zeros(len(same))
    for cluster in np.unique(clusters):
        held = clusters == cluster
        train = ~held & open_
        scores[held] = _model(strength).fit(x[train], same[train]).predict_proba(x[held])[:, 1]
    return np.where(open_, scores, 0.0)


def curve(scores: np.ndarray, same: np.ndarray, listable: np.ndarray) -> list[tuple[float, float, float, int]]:
    """(threshold, precision, recall, listed) at each distinct score of a listable pair, highest first."""
    total = int(same.sum())
    points = []
    for threshold in sorted(set(scores[listable & (scores > 0)]), reverse=True):
        listed = listable & (scores >= threshold)
        points.append(
            (float(threshold), float(same[listed].mean()), float(same[listed].sum() / total), int(listed.sum()))
        )
    return points


def operating_point(points: list[tuple[float, float, float, int]], target: float) -> tuple[float, float, float, int]:
    """The lowest threshold whose listed pairs are at least `target` precise (the most recall at it)."""
    good = [p for p in points if p[1] >= target]
    return min(good, key=lambda p: p[0]) if good else points[0]


def per_article_held_out(items: list[Judged], listed: np.ndarray, listable: np.ndarray) -> tuple[int, tuple[int, int]]:
    """The unit a reader sees, as `bench/corroboration.py` counts it: (brief sentence, other article) units
    shown (any candidate listed), of them those whose cited candidate (the most similar listed) is SAME,
    and the units with any SAME pair."""
    units: dict[tuple, list[int]] = {}
    for n, item in enumerate(items):
        pair = item.pair
        units.setdefault(
            (pair.set, pair.cluster, pair.sentence.doc, pair.sentence.start, pair.candidate.doc), []
        ).append(n)
    shown = right = with_same = 0
    for members in units.values():
        with_same += any(items[n].pair.label == "SAME" for n in members)
        chosen = [n for n in members if listed[n] and listable[n]]
        if chosen:
            shown += 1
            right += items[max(chosen, key=lambda n: items[n].facts.similarity)].pair.label == "SAME"
    return shown, (right, with_same)


def write_weights(names: tuple[str, ...], weights: np.ndarray, intercept: float, threshold: float, note: str) -> None:
    lines = [
        '"""The corroboration judge\'s learned weights: written by `python bench/corroboration_fit.py`',
        "(a logistic regression on the labelled tune set, pairs.jsonl, pairs_test2.jsonl and pairs_test3.jsonl;",
        "see bench/corroboration/README.md), not by hand. The judge lists a candidate when the logistic of",
        'intercept + weights . features reaches THRESHOLD."""',
        "",
        f"# {note}",
        "WEIGHTS = {",
        *[f'    "{name}": {weight:.4f},' for name, weight in zip(names, weights)],
        "}",
        f"INTERCEPT = {intercept:.4f}",
        f"THRESHOLD = {math.floor(threshold * 1e4) / 1e4:.4f}",  # down: the held-out point's last pair stays listed
        "",
    ]
    WEIGHTS.write_text("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=Path, nargs="+", default=list(TUNE_PAIRS), help="the tune files")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the folder of the development sets")
    parser.add_argument("--precision", type=float, default=0.95, help="the target precision (SAME / listed)")
    parser.add_argument("--dry-run", action="store_true", help=f"print, do not write {WEIGHTS.name}")
    args = parser.parse_args()
    items: list[Judged] = [i for i in judged_pairs(read_tune(args.pairs), args.shared) if not i.copy]
    same = np.array([i.pair.label == "SAME" for i in items])
    clusters = np.array([f"{i.pair.set}/{i.pair.cluster}" for i in items])
    open_ = np.array([not refused(i.facts) for i in items])
    listable = np.array([i.candidate for i in items])
    every = np.array([features(i.facts) for i in items])
    print(
        f"tune (the whole of {', '.join(p.name for p in args.pairs)}): {len(items)} pairs of {len(set(clusters))} clusters, {int(same.sum())} SAME, "
        f"{int((~open_).sum())} refused by the rules ({int(same[~open_].sum())} of them SAME)"
    )
    results = []
    for set_name, names in FEATURE_SETS.items():
        x = every[:, [FEATURES.index(n) for n in names]]
        for strength in STRENGTHS:
            points = curve(held_out_scores(x, same, clusters, open_, strength), same, listable)
            threshold, precision, recall, listed = operating_point(points, args.precision)
            results.append((recall, precision, set_name, strength, threshold, listed, points))
            print(
                f"  {set_name:5} C={strength:<5}: at precision >= {args.precision:.0%}: threshold {threshold:.3f}, "
                f"listed {listed}, precision {precision:.1%}, recall {recall:.1%}"
            )
    # The previous judge's hand-set score (similarity + shared word weight + 0.2 for a shared figure or
    # date, listed from 1.3), under the same rules: fitted on nothing, so its tune figures are held-out ones.
    previous = np.where(
        open_,
        every[:, FEATURES.index("similarity")]
        + every[:, FEATURES.index("shared_words")]
        + 0.2 * every[:, FEATURES.index("same_detail")],
        0.0,
    )
    at_13 = next(p for p in reversed(curve(previous, same, listable)) if p[0] >= 1.3)
    best = operating_point(curve(previous, same, listable), args.precision)
    print(
        f"  the previous score: from 1.3, listed {at_13[3]}, precision {at_13[1]:.1%}, recall {at_13[2]:.1%}; "
        f"its best at precision >= {args.precision:.0%} (in-sample): from {best[0]:.2f}, listed {best[3]}, "
        f"precision {best[1]:.1%}, recall {best[2]:.1%}"
    )
    recall, precision, set_name, strength, threshold, listed, points = max(results, key=lambda r: (r[0], r[1]))
    print(
        f"chosen: {set_name} C={strength}, threshold {threshold:.3f} (tune, cross-validated by cluster: "
        f"listed {listed}, precision {precision:.1%}, recall {recall:.1%})"
    )
    print("its held-out curve (threshold: listed, precision, recall):")
    for point in points[:: max(1, len(points) // 15)]:
        print(f"  {point[0]:.3f}: {point[3]}, {point[1]:.1%}, {point[2]:.1%}")
    held = held_out_scores(
        every[:, [FEATURES.index(n) for n in FEATURE_SETS[set_name]]], same, clusters, open_, strength
    )
    shown, units = per_article_held_out(items, held >= threshold, listable)
    print(
        f"per (brief sentence, other article), held out: listed {shown}, "
        f"cited SAME {units[0]}/{shown} ({units[0] / max(1, shown):.1%}), recall {units[0]}/{units[1]} "
        f"({units[0] / max(1, units[1]):.1%})"
    )
    names = FEATURE_SETS[set_name]
    model = _model(strength).fit(every[open_][:, [FEATURES.index(n) for n in names]], same[open_])
    scaler, regression = model[0], model[-1]
    weights = regression.coef_[0] / scaler.scale_  # in the features' own units: numpy alone at run time
    intercept = float(regression.intercept_[0] - (regression.coef_[0] * scaler.mean_ / scaler.scale_).sum())
    for name, weight in zip(names, weights):
        print(f"  {name}: {weight:+.3f}")
    if not args.dry_run:
        write_weights(
            names,
            weights,
            intercept,
            threshold,
            f"{set_name} features, C={strength}; tune cross-validated by cluster: precision {precision:.1%}, "
            f"recall {recall:.1%} at the threshold (target {args.precision:.0%})",
        )
        print(f"written {WEIGHTS}")


if __name__ == "__main__":
    main()
