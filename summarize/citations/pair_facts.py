"""What the corroboration judge reads off a (brief sentence, candidate) pair: how similar they are,
which of the words that set a fact apart they share, and whether their figures, dates and names agree
(see `summarize.citations.facts`). `features` gives them as numbers for the judge's learned weights."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from ..records import Analysis
from ..text.dates import calendar
from .facts import (
    Quantity,
    content_stems,
    date_conflicts,
    dates_in,
    figure_conflicts,
    figures_apart,
    is_measure,
    looks_back,
    names,
    new_names,
    quantities,
    relative_times_differ,
    same_date,
    same_figure,
    share_a_figure,
)
from .figure_context import surroundings
from .figure_scope import disagreeing_figures
from .main_clause import main_clause


@dataclass(frozen=True)
class PairFacts:
    """What the default judge reads off a (sentence, candidate) pair."""

    similarity: float
    shared_words: float  # share of the lighter sentence's word weight the other one has
    covers_sentence: float  # share of the sentence's word weight the candidate has: does it say all of it
    covers_candidate: float  # share of the candidate's word weight the sentence has: does it say more
    figures: tuple[str, ...]  # the candidate's counts of what the sentence counts, where they differ
    # ("17 people", "$70 million"); not measures of place or speed, which change by the hour
    dates: tuple[str, ...]  # the candidate's dates, where they differ from the sentence's
    # each gives a figure the other does not (`figures_apart`): different counts; unless they share one and
    # one side's others count what the other side does not count at all (`_extra_detail`)
    other_figures: bool
    looks_back: bool  # the candidate tells an earlier event ("At the time, ..."), the sentence does not
    same_detail: bool  # both give the same figure or the same exact date: how many or when agree
    other_scope: bool  # each names a place, body or person the other does not: "in Jamaica" / "Caribbean"
    new_names: int  # names the candidate gives and the sentence does not
    missing_names: int  # names the sentence gives and the candidate does not
    length_ratio: float  # the shorter one's content words over the longer one's
    in_cluster: bool  # the candidate is in the sentence's cluster (not one of the few similar outside it)
    # Of `figures`, those told about the same thing in the same place (`figure_scope`): a disagreement;
    # () when `figures` is empty.
    disagreeing: tuple[str, ...] = ()
    # Share of the word weight of the sentence's main clause (`main_clause`: no attribution, no background
    # clause) the candidate has: does it confirm what the sentence mainly says, not only its background.
    covers_main: float = 0.0
    # Beside differing figures: both sentences name one person, place or body (a capitalised word inside
    # each, or a scope word: "district"), the subject a figure told with no name leaves to its article.
    share_a_name: bool = False


def _weekdays(analysis: Analysis) -> dict[int, tuple[int, int]]:
    return analysis.derived("pair_facts.weekdays", lambda: calendar([d.text for d in analysis.documents]).weekdays)


def word_weights(analysis: Analysis) -> dict[str, float]:
    """Each content word's inverse sentence frequency in the story, log((sentences + 1) / sentences with it):
    the story's topic words ("NATO", "Russia") weigh little, what sets one fact apart weighs much."""

    def compute() -> dict[str, float]:
        counts = Counter(word for s in analysis.sentences for word in content_stems(s.text))
        total = len(analysis.sentences)
        return {word: math.log((total + 1) / count) for word, count in counts.items()}  # never 0

    return analysis.derived("pair_facts.word_weights", compute)


def weight_share(weights: dict[str, float], words: frozenset[str], other: frozenset[str]) -> float:
    """The weight of `words` that `other` has too, as a share of the weight of `words`."""
    total = sum(weights.get(w, 0.0) for w in words)
    return sum(weights.get(w, 0.0) for w in words & other) / total if total > 0 else 0.0


def _shares(analysis: Analysis, first: str, second: str) -> tuple[float, float]:
    """The weight of the words two sentences share, as a share of each one's weight."""
    weights = word_weights(analysis)
    words_first, words_second = content_stems(first), content_stems(second)
    return weight_share(weights, words_first, words_second), weight_share(weights, words_second, words_first)


def _story_names(analysis: Analysis) -> frozenset[str]:
    """The words the story writes capitalised inside a sentence: names, not merely opening words."""
    return analysis.derived(
        "pair_facts.names", lambda: frozenset().union(*(names(s.text)[1] for s in analysis.sentences))
    )


def _extra_detail(first: tuple[Quantity, ...], second: tuple[Quantity, ...]) -> bool:
    """Whether the figures one sentence gives and the other does not all count something the other
    counts nothing of: with a figure both give, that ties the two to one report, they are extra detail
    ("124 other students and seven chaperones" / "124 students"), not another count ("rose to 20
    Sunday" / "increased to 19 Sunday", where an incidental "two creeks" is the figure both give)."""

    def extra(ours: tuple[Quantity, ...], theirs: tuple[Quantity, ...]) -> bool:
        counted = {q.unit for q in theirs}
        new = [q for q in ours if not any(same_figure(q, other) for other in theirs)]
        return all(q.unit and q.unit not in counted for q in new)

    return extra(first, second) or extra(second, first)


def _disagreeing(analysis: Analysis, sentence: int, candidate: int) -> tuple[str, ...]:
    """The candidate's figures told of the same thing in the same place as the sentence's
    (`figure_scope`), with what each article says of where and when they are (`figure_context`)."""
    first, second = analysis.sentences[sentence].text, analysis.sentences[candidate].text
    around = (surroundings(analysis, sentence), surroundings(analysis, candidate))
    return tuple({q.text: q.shown for q in disagreeing_figures(first, second, around)}.values())


def pair_facts(analysis: Analysis, sentence: int, candidate: int) -> PairFacts:
    first, second = analysis.sentences[sentence].text, analysis.sentences[candidate].text
    similarity = float(analysis.embeddings[sentence] @ analysis.embeddings[candidate])
    covers_sentence, covers_candidate = _shares(analysis, first, second)
    figures_first, figures_second = quantities(first), quantities(second)
    figures = tuple(q for q in figure_conflicts(figures_first, figures_second) if not is_measure(q))
    dates_first, dates_second = dates_in(first), dates_in(second)
    known = _story_names(analysis)
    dates = date_conflicts(dates_first, dates_second, _weekdays(analysis))
    added, missing = new_names(first, second, known), new_names(second, first, known)
    lengths = sorted((len(content_stems(first)), len(content_stems(second))))
    shared_figure = share_a_figure(figures_first, figures_second)
    return PairFacts(
        similarity,
        max(covers_sentence, covers_candidate),
        covers_sentence,
        covers_candidate,
        figures=tuple(dict.fromkeys(q.text for q in figures)),
        # read by the judge only beside differing figures: not looked for without them (a brief's
        # same-fact check judges every pair of its sentences)
        disagreeing=_disagreeing(analysis, sentence, candidate) if figures else (),
        share_a_name=bool(figures) and bool(names(first)[1]) and not names(first)[1] <= missing,
        dates=tuple(dict.fromkeys(f"says {d.text}" for d in dates))
        + (("says another day",) if relative_times_differ(first, second) else ()),
        other_figures=figures_apart(figures_first, figures_second)
        and not (shared_figure and _extra_detail(figures_first, figures_second)),
        looks_back=looks_back(second) and not looks_back(first),
        same_detail=shared_figure or same_date(dates_first, dates_second),
        other_scope=bool(added and missing),
        new_names=len(added),
        missing_names=len(missing),
        length_ratio=lengths[0] / lengths[1] if lengths[1] else 0.0,
        in_cluster=analysis.cluster_of[sentence] == analysis.cluster_of[candidate],
        covers_main=weight_share(word_weights(analysis), content_stems(main_clause(first)), content_stems(second)),
    )


# The judge's features, in the order of its weights (`summarize.citations.corroboration_weights`).
FEATURES = (
    "similarity",
    "shared_words",
    "covers_sentence",
    "covers_candidate",
    "figure_conflict",
    "date_conflict",
    "other_figures",
    "looks_back",
    "same_detail",
    "other_scope",
    "new_names",
    "missing_names",
    "length_ratio",
    "in_cluster",
    "covers_main",
)


def features(facts: PairFacts) -> tuple[float, ...]:
    """The pair's facts as numbers, in the order of `FEATURES`; name counts taper (log(1 + n))."""
    return (
        facts.similarity,
        facts.shared_words,
        facts.covers_sentence,
        facts.covers_candidate,
        float(bool(facts.figures)),
        float(bool(facts.dates)),
        float(facts.other_figures),
        float(facts.looks_back),
        float(facts.same_detail),
        float(facts.other_scope),
        math.log1p(facts.new_names),
        math.log1p(facts.missing_names),
        facts.length_ratio,
        float(facts.in_cluster),
        facts.covers_main,
    )
