"""Seventh pass of the leave-one-set-out ablation (bench/README.md): another objective, Lin & Bilmes's.

    python bench/concept_ablation_seventh.py                  # every setting below, sets as given
    python bench/concept_ablation_seventh.py --variant both   # headlines blanked, paragraph breaks removed
    python bench/concept_ablation_seventh.py "greedy, concepts only, r 1" --held duc2003

Lin & Bilmes (2011), "A Class of Submodular Functions for Document Summarization": F(S) = L(S) +
mu R(S), where L(S) = sum_i min(C_i(S), alpha C_i(V)) is how well the brief S covers each sentence i
of the cluster V by meaning (C_i(S) = sum_{j in S} sim(i, j)) and R(S) = sum_k sqrt(sum_{j in S, in
partition k} r_j) rewards briefs spread over the partitions (r_j: sentence j's mean similarity to the
cluster). Maximised greedily: add the unit of the largest gain / words^r that fits, then keep the
better of that and the best single sentence. Here the greedy also maximises Q(S) (the summed learned
weight of the bigrams covered, the shipped program's objective) + lambda L(S) + mu R(S), each term
divided by its value on the whole cluster so that the scales are round numbers; "concepts only" is
the shipped program solved greedily (the solver's effect alone, the objective unchanged).

Each greedy keeps the shipped program's rules: the candidates (`ConceptRanker.candidates`), the
budget, one sentence per embedding cluster, a sentence that leans on another only with it (the
two enter as one unit), one single-source development when one fits (it enters first), and no two
sentences of one fact (found after the greedy, kept apart, the greedy run again, as the program's
rounds do). Ties break on the sentence index: the same brief every run. The concept weights are the
shipped file's model fitted without the held-out set (`summarize eval`'s `ours`); cells come from
`concept_ablation_fifth.held_out_cell` over its cached analyses (`--cache`, shared with it).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from concept_ablation_fifth import analyses, held_out_cell
from tables import settings_table
from train_concept_weights import ROOT, SETS

from summarize.clustering.developments import developments
from summarize.evaluation.rouge import wordnet_exceptions
from summarize.evaluation.variants import VARIANTS
from summarize.records import MAX_SENTENCE_WORDS, Analysis
from summarize.selection.base import Choice
from summarize.selection.concept_model import ConceptModel, shipped_models
from summarize.selection.concept_program import concept_table
from summarize.selection.concepts import ConceptRanker, without_idle
from summarize.selection.leaning import STANDS_ALONE, leanings
from summarize.selection.leaning import stems as sentence_stems
from summarize.selection.reader_rows import SAME_FACT_ROUNDS, remembered
from summarize.selection.salience import SalienceRanker
from summarize.selection.same_fact import ScreenedSameFact, same_fact_pairs
from summarize.selection.support import reading_order, supporters


@dataclass(frozen=True)
class Objective:
    """concepts x Q + coverage x L + diversity x R (each over its whole-cluster value), greedy with
    gain / words^r. `alpha`: L saturates at `alpha` / N of a sentence's similarity to the cluster
    (Lin & Bilmes's a / N); `similarity`: "embedding" (the analysis's own) or "tfidf" (stemmed words);
    `partitions`: "clusters" (the analysis's sentence clusters) or "kmeans" (0.2 N of them)."""

    concepts: float = 1.0
    coverage: float = 0.0
    diversity: float = 0.0
    alpha: float = 5.0
    r: float = 1.0
    similarity: str = "embedding"
    partitions: str = "clusters"


def similarities(analysis: Analysis, kind: str) -> np.ndarray:
    """sim(i, j) >= 0 for every pair of the cluster's sentences."""
    if kind == "embedding":
        cosines: np.ndarray = np.clip(analysis.embeddings @ analysis.embeddings.T, 0.0, None)
        return cosines
    held = sentence_stems(analysis)
    vocabulary = {stem: k for k, stem in enumerate(sorted(set().union(*held)))}
    rows = np.zeros((len(held), max(1, len(vocabulary))))
    for i, words in enumerate(held):
        rows[i, [vocabulary[w] for w in words]] = 1.0
    rows *= np.log(len(held) / np.maximum(rows.sum(axis=0), 1.0))  # idf
    rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
    return rows @ rows.T


def partition_of(analysis: Analysis, kind: str) -> np.ndarray:
    if kind == "clusters":
        return np.array(analysis.cluster_of)
    from sklearn.cluster import KMeans  # type: ignore[import-untyped]

    k = max(1, round(0.2 * len(analysis.sentences)))
    labels: np.ndarray = KMeans(n_clusters=k, n_init=3, random_state=0).fit_predict(analysis.embeddings)
    return labels


class Scorer:
    """The objective's terms for one analysis and candidate set: F of a set of candidate columns, and
    every column's gain on a set at once."""

    def __init__(
        self, analysis: Analysis, objective: Objective, weights: np.ndarray, held: list[np.ndarray], rows: list[int]
    ) -> None:
        self.o, self.weights, self.held, self.rows = objective, weights, held, np.array(rows)
        self.q_total = max(float(weights.sum()), 1e-12)
        self.owner = np.repeat(np.arange(len(held)), [len(h) for h in held])  # the column of each flat rank
        self.flat = np.concatenate(held) if held else np.zeros(0, int)
        self.sim = similarities(analysis, objective.similarity) if objective.coverage or objective.diversity else None
        if self.sim is not None:
            n = len(self.sim)
            self.cap = objective.alpha / n * self.sim.sum(axis=1)
            self.l_total = max(float(self.cap.sum()), 1e-12)
            self.reward = self.sim.mean(axis=0)
            self.part = partition_of(analysis, objective.partitions) if objective.diversity else np.zeros(n, int)
            self.r_total = max(float(np.sqrt(np.bincount(self.part, weights=self.reward)).sum()), 1e-12)
            self.to_candidates = self.sim[:, self.rows]

    def _state(self, chosen: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        covered = np.zeros(len(self.weights), bool)
        for c in chosen:
            covered[self.held[c]] = True
        if self.sim is None:
            return covered, np.zeros(0), np.zeros(0)
        rows = self.rows[list(chosen)]
        gathered = self.sim[:, rows].sum(axis=1)
        spread = np.bincount(self.part[rows], weights=self.reward[rows], minlength=int(self.part.max()) + 1)
        return covered, gathered, spread

    def value(self, chosen: Sequence[int], linear: np.ndarray) -> float:
        """F of the candidate columns `chosen` (`linear`: each column's own gain, the context penalty)."""
        covered, gathered, spread = self._state(chosen)
        total = float(sum(linear[c] for c in chosen))
        total += self.o.concepts * float(self.weights[covered].sum()) / self.q_total
        if self.sim is not None:
            total += self.o.coverage * float(np.minimum(gathered, self.cap).sum()) / self.l_total
            total += self.o.diversity * float(np.sqrt(spread).sum()) / self.r_total
        return total

    def gains(self, chosen: Sequence[int], linear: np.ndarray) -> np.ndarray:
        """F(chosen + column) - F(chosen) of every column (meaningless for the chosen ones)."""
        covered, gathered, spread = self._state(chosen)
        fresh = self.weights[self.flat] * ~covered[self.flat]
        found = linear + self.o.concepts * np.bincount(self.owner, fresh, len(self.held)) / self.q_total
        if self.sim is not None:
            now = np.minimum(gathered, self.cap)
            added = np.minimum(gathered[:, None] + self.to_candidates, self.cap[:, None]) - now[:, None]
            found = found + self.o.coverage * added.sum(axis=0) / self.l_total
            parts, rewards = self.part[self.rows], self.reward[self.rows]
            lift = np.sqrt(spread[parts] + rewards) - np.sqrt(spread[parts])
            found = found + self.o.diversity * lift / self.r_total
        result: np.ndarray = found
        return result


class GreedyRanker(ConceptRanker):
    """The shipped concept ranker's candidates and rules, `objective` maximised greedily."""

    def __init__(self, objective: Objective, model: ConceptModel) -> None:
        super().__init__(model=model)
        self.objective = objective

    def select(self, analysis: Analysis, budget: int) -> list[Choice]:
        prepared = self.prepared(analysis)
        table = concept_table(analysis, prepared.concepts, prepared.weights)
        settings = (min(budget, MAX_SENTENCE_WORDS), self.reader_fit, self.candidate_pool)
        candidates = table.candidates(settings, lambda: self.candidates(analysis, prepared, table, budget))
        if not candidates:
            return SalienceRanker().select(analysis, budget)
        held = [table.ranks[table.indptr[i] : table.indptr[i + 1]] for i in candidates]
        scorer = Scorer(analysis, self.objective, table.weights, held, candidates)
        # the program's context penalty, on Q's scale
        penalty = (1.0 - prepared.standalone[candidates]) * table.covered[candidates] / scorer.q_total
        linear = -self.context_penalty * self.objective.concepts * penalty
        greedy = Greedy(analysis, candidates, scorer, linear, budget, self.one_per_cluster)
        if self.development:
            greedy.first = [c for c, i in enumerate(candidates) if i in developments(analysis)]
        chosen = greedy.run()
        if self.same_fact is not None:  # the program's rounds: find two of one fact, keep them apart
            screen = self.same_fact if isinstance(self.same_fact, ScreenedSameFact) else None
            judge = remembered(analysis, self.same_fact)
            column = {i: c for c, i in enumerate(candidates)}
            for _ in range(SAME_FACT_ROUNDS):
                pairs = same_fact_pairs(analysis, [candidates[c] for c in chosen], judge, screen)
                if not pairs:
                    break
                greedy.forbidden |= {frozenset((column[a], column[b])) for a, b in pairs}
                chosen = greedy.run()
        if not chosen:
            return SalienceRanker().select(analysis, budget)
        # idle: taking it out loses nothing beyond the concepts `without_idle` checks itself
        gains = {i: float(linear[c]) for c, i in enumerate(candidates)}
        rest = replace(self.objective, concepts=0.0)
        if rest.coverage or rest.diversity:
            others, zero = Scorer(analysis, rest, table.weights, held, candidates), np.zeros(len(candidates))
            whole = others.value(chosen, zero)
            for c in chosen:
                gains[candidates[c]] += whole - others.value([k for k in chosen if k != c], zero)
        picked = without_idle(
            analysis,
            [candidates[c] for c in sorted(chosen)],
            gains,
            prepared,
            kept_anyway=developments(analysis) if self.reader_fit and self.development else frozenset(),
        )
        salience = dict(zip(picked, SalienceRanker().scores(analysis, picked)))
        ranked = reading_order(analysis, sorted(picked, key=lambda i: (-salience[i], i)))
        return [Choice(i, float(salience[i])) for i in ranked]


class Greedy:
    """Lin & Bilmes's cost-scaled greedy over candidate columns under the program's rules, then the
    better of its set and the best single unit. A unit is one sentence, or a sentence that leans on
    another with a candidate that stands alone and gives what it needs."""

    def __init__(
        self,
        analysis: Analysis,
        candidates: list[int],
        scorer: Scorer,
        linear: np.ndarray,
        budget: int,
        one_per_cluster: bool,
    ) -> None:
        self.analysis, self.candidates, self.scorer, self.linear = analysis, candidates, scorer, linear
        self.budget, self.one_per_cluster = budget, one_per_cluster
        self.words = np.array([analysis.sentences[i].words for i in candidates])
        self.groups = np.array([analysis.cluster_of[i] for i in candidates])
        needs = leanings(analysis)
        self.alone = np.array([needs[i] == STANDS_ALONE for i in candidates])
        column = {i: c for c, i in enumerate(candidates)}
        self.pairs = [
            (column[j], c)
            for c, i in enumerate(candidates)
            if not self.alone[c]
            for j in supporters(analysis, i, candidates)
            if needs[j] == STANDS_ALONE
        ]
        self.forbidden: set[frozenset[int]] = set()
        self.first: list[int] = []

    def fits(self, chosen: list[int], unit: tuple[int, ...]) -> bool:
        together = chosen + [c for c in unit if c not in chosen]
        if int(self.words[together].sum()) > self.budget:
            return False
        if self.one_per_cluster and len(set(self.groups[together].tolist())) < len(together):
            return False
        return not any(frozenset((a, b)) in self.forbidden for a in together for b in unit if a != b)

    def singles(self, chosen: list[int]) -> np.ndarray:
        """Whether each column may join `chosen` alone."""
        ok = self.words + int(self.words[chosen].sum()) <= self.budget
        ok[chosen] = False
        if self.one_per_cluster and chosen:
            ok &= ~np.isin(self.groups, self.groups[chosen])
        for pair in self.forbidden:
            a, b = sorted(pair)
            if a in chosen:
                ok[b] = False
            if b in chosen:
                ok[a] = False
        among = [self.candidates[c] for c in chosen]
        for c in np.flatnonzero(ok & ~self.alone):
            ok[c] = bool(supporters(self.analysis, self.candidates[c], among))
        return ok

    def run(self) -> list[int]:
        r = self.objective_r()
        chosen: list[int] = []
        start = [c for c in self.first if self.alone[c] and self.fits([], (c,))]
        if start:  # the program chooses one single-source development when one fits
            gains = self.scorer.gains([], self.linear)
            chosen = [max(start, key=lambda c: (gains[c] / self.words[c] ** r, -c))]
        while True:
            gains = self.scorer.gains(chosen, self.linear)
            ok = self.singles(chosen)
            ratio = np.where(ok, gains / np.maximum(self.words, 1) ** r, -np.inf)
            best: tuple[int, ...] = (int(np.argmax(ratio)),)
            best_ratio = float(ratio.max())
            base = self.scorer.value(chosen, self.linear)
            for pair in self.pairs:
                if pair[1] in chosen or not self.fits(chosen, pair):
                    continue
                added = [c for c in pair if c not in chosen]
                value = (self.scorer.value(chosen + added, self.linear) - base) / float(self.words[added].sum()) ** r
                if value > best_ratio + 1e-12:
                    best, best_ratio = pair, value
            if best_ratio <= 0 or not math.isfinite(best_ratio):
                break
            chosen += [c for c in best if c not in chosen]
        alone = np.flatnonzero(self.singles([]))
        if alone.size:
            gains = self.scorer.gains([], self.linear)
            single = int(alone[np.argmax(gains[alone])])
            if gains[single] > self.scorer.value(chosen, self.linear) + 1e-12:
                return [single]
        return chosen

    def objective_r(self) -> float:
        return self.scorer.o.r


Setting = Callable[[tuple[str, ...]], ConceptRanker]


def shipped(sets: tuple[str, ...]) -> ConceptRanker:
    return ConceptRanker(model=next(m for m in shipped_models() if m.trained_on == sets))


def greedy(objective: Objective) -> Setting:
    return lambda sets: GreedyRanker(objective, next(m for m in shipped_models() if m.trained_on == sets))


def grid() -> dict[str, Setting]:
    """The settings: the reference, the greedy solver alone, F alone, and the concepts + F grid."""
    settings: dict[str, Setting] = {"shipped weights file (the ILP)": shipped}
    for r in (0.3, 0.5, 1.0):
        settings[f"greedy, concepts only, r {r:g}"] = greedy(Objective(r=r))
    for similarity in ("embedding", "tfidf"):
        for alpha in (0.5, 1.0, 2.0, 5.0):
            for r in (0.3, 1.0):
                name = f"F alone, {similarity}, a {alpha:g}, r {r:g}"
                settings[name] = greedy(Objective(0.0, 1.0, 0.0, alpha, r, similarity))
        for alpha in (1.0, 2.0):
            for diversity in (0.05, 0.2):
                name = f"F alone, {similarity}, a {alpha:g}, mu {diversity:g}, r 0.3"
                settings[name] = greedy(Objective(0.0, 1.0, diversity, alpha, 0.3, similarity))
        name = f"F alone, {similarity}, a 1, mu 0.05 over k-means, r 0.3"
        settings[name] = greedy(Objective(0.0, 1.0, 0.05, 1.0, 0.3, similarity, "kmeans"))
    for similarity in ("embedding", "tfidf"):
        for alpha in (0.5, 1.0, 2.0, 5.0):
            for coverage in (0.03, 0.1, 0.3):
                for r in (0.3, 1.0):
                    name = f"concepts + {coverage:g} L, {similarity}, a {alpha:g}, r {r:g}"
                    settings[name] = greedy(Objective(1.0, coverage, 0.0, alpha, r, similarity))
        for diversity in (0.01, 0.03):
            name = f"concepts + 0.1 L + {diversity:g} R, {similarity}, a 1, r 0.3"
            settings[name] = greedy(Objective(1.0, 0.1, diversity, 1.0, 0.3, similarity))
    return settings


SETTINGS = grid()


def chosen_by_rotation(table: dict[str, list[tuple[float, float]]], held: Sequence[str], among: Sequence[str]) -> str:
    """For each held-out set, the setting of `among` with the largest R1 + R2 summed over the other
    sets, and its held-out cell."""
    cells = []
    for k, name in enumerate(held):
        others = [j for j, other in enumerate(held) if other != name]
        best = max(among, key=lambda s: (sum(sum(table[s][j]) for j in others), s))
        r1, r2 = table[best][k]
        cells.append(f"{r1:.2f} / {r2:.2f} ({best})")
    return " | ".join(cells)


def run(settings: Mapping[str, Setting], families: Sequence[str], description: str) -> None:
    """The command line of this script and of concept_ablation_seventh_ilp.py: `settings`' table, and
    each rotation's choice among the settings whose names start with each of `families`."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("settings", nargs="*", help="names from SETTINGS (default: all)")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--variant", choices=sorted(VARIANTS), help="score under this variant")
    parser.add_argument("--held", nargs="+", choices=SETS, default=list(SETS), help="the sets to hold out in turn")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/concept_ablation_fifth"))
    args = parser.parse_args()
    chosen = args.settings or list(settings)
    unknown = [name for name in chosen if name not in settings]
    if unknown:
        parser.error(f"unknown setting {', '.join(unknown)}; choose from: {'; '.join(settings)}")
    scored = analyses(args.data, args.variant, args.cache, args.held)
    exceptions = wordnet_exceptions()
    table: dict[str, list[str]] = {name: [] for name in chosen}
    numbers: dict[str, list[tuple[float, float]]] = {name: [] for name in chosen}
    for held in args.held:
        sets = tuple(s for s in SETS if s != held)
        for name in chosen:
            cell, seconds = held_out_cell(scored[held], settings[name](sets), exceptions)
            table[name].append(f"{cell} ({seconds / len(scored[held]):.2f} s)")
            r1, r2 = (float(x) for x in cell.split(" / "))
            numbers[name].append((r1, r2))
            print(f"{held} {name}: {cell} ({seconds:.1f} s of CPU to brief)", file=sys.stderr, flush=True)
    variant = ", " + VARIANTS[args.variant] if args.variant else ""
    print(settings_table(f"setting (R1 / R2, CPU a brief; held-out set{variant})", args.held, table))
    for family in families if len(args.held) == len(SETS) else ():
        among = [name for name in chosen if name.startswith(family)]
        if among:
            print(f"\nchosen on the other two sets, {family}: {chosen_by_rotation(numbers, args.held, among)}")


if __name__ == "__main__":
    run(SETTINGS, ("F alone", "concepts +"), __doc__.split("\n\n")[0])
