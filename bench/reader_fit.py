"""What the reader rules and single-source developments cost in ROUGE (issue 13, items 4 and 5).

    python bench/reader_fit.py                    # sets as given
    python bench/reader_fit.py --variant both     # headlines blanked, paragraph breaks removed

For each development set, the shipped concept weights learned without it (as `summarize eval`'s
`ours`) brief every cluster at 100 words under each setting below; ROUGE-1.5.5 -n 2 -m -l 100 -f A
as `summarize eval` computes it. Also counts, per setting, the briefs with a single-source
development, the brief sentences that point back to a sentence not right before them
(`summarize.selection.leaning.points_back`), and the pairs of brief sentences the brief's same-fact
check (`summarize.citations.same_fact_screen.same_fact_check`) says report one fact. The data are read
from ../shared, never copied here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tables import settings_table

from summarize.citations.corroboration import FactJudge
from summarize.citations.same_fact_screen import same_fact_check
from summarize.clustering.developments import developments
from summarize.embedding.backends import default_embedder
from summarize.embedding.cache import with_cache
from summarize.evaluation.rouge import mean_scores, score_summary, wordnet_exceptions
from summarize.evaluation.variants import VARIANTS, apply_variant
from summarize.inputs.jsonl import read_clusters
from summarize.pipeline import analyze, compose_brief
from summarize.selection.concept_model import model_not_trained_on
from summarize.selection.concepts import ConceptRanker
from summarize.selection.leaning import leanings
from summarize.selection.same_fact import same_fact_pairs

SETS = ("duc2002", "duc2003", "tac2010")
SETTINGS = {
    "before (no reader rules, no developments)": {"reader_fit": False, "development": False},
    "reader rules": {"reader_fit": True, "development": False},
    "reader rules + a single-source development": {"reader_fit": True, "development": True},
}


def dangling(analysis, chosen: list[int]) -> int:
    """Brief sentences that lean on their article's previous sentence, which is not right before them."""
    needs = leanings(analysis)
    return sum(
        1
        for place, index in enumerate(chosen)
        if needs[index].strict and (place == 0 or chosen[place - 1] != needs[index].previous)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--variant", choices=sorted(VARIANTS))
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated, of " + ", ".join(SETS))
    parser.add_argument(
        "--settings", help="comma-separated numbers of the settings to run (1 = the first; default: all)"
    )
    args = parser.parse_args()
    sets = tuple(args.sets.split(","))
    if args.settings:
        kept = {int(k) for k in args.settings.split(",")}
        for number, name in enumerate(list(SETTINGS), start=1):
            if number not in kept:
                del SETTINGS[name]
    embedder, exceptions = with_cache(default_embedder()), wordnet_exceptions()
    rows: dict[str, list[str]] = {name: [] for name in SETTINGS}
    counts: dict[str, list[str]] = {name: [] for name in SETTINGS}
    for held in sets:
        clusters = list(read_clusters(args.data / f"{held}.jsonl", checked=False))
        if args.variant:
            clusters = [apply_variant(c, args.variant) for c in clusters]
        model = model_not_trained_on([c.id for c in clusters])
        analyses = [(c, analyze(c.documents, embedder)) for c in clusters]
        check = same_fact_check(FactJudge())  # the brief's same-fact check, as the pipeline hands it in
        for name, options in SETTINGS.items():
            ranker = ConceptRanker(model=model, same_fact=check, **options)
            scores, with_development, loose, repeated = [], 0, 0, 0
            for cluster, analysis in analyses:
                chosen = [item.sentence for item in compose_brief(analysis, args.words, ranker).sentences]
                indexes = [analysis.sentences.index(s) for s in chosen]
                with_development += bool(set(indexes) & developments(analysis))
                loose += dangling(analysis, indexes)
                repeated += len(same_fact_pairs(analysis, indexes, check))
                scores.append(
                    score_summary(
                        " ".join(s.text for s in chosen), cluster.summaries, word_limit=100, exceptions=exceptions
                    )
                )
            mean = mean_scores(scores)
            rows[name].append(f"{100 * mean.r1:.2f} / {100 * mean.r2:.2f}")
            counts[name].append(f"{with_development} / {loose} / {repeated}")
            print(f"{held} {name}: {rows[name][-1]} ({counts[name][-1]})", file=sys.stderr, flush=True)
    title = f", {VARIANTS[args.variant]}" if args.variant else ""
    print(settings_table(f"setting (R1 / R2 at {args.words} words{title})", sets, {n: rows[n] for n in SETTINGS}))
    print()
    corner = "setting (briefs with a development / sentences pointing back out of place / same-fact pairs)"
    print(settings_table(corner, sets, {name: counts[name] for name in SETTINGS}))


if __name__ == "__main__":
    main()
