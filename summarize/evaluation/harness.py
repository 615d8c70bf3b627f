"""Score our briefs and the peers' summaries on the same clusters, in the same run.

ROUGE as DUC reports it (ROUGE-1.5.5 ``-n 2 -m -l WORDS -f A``, with WordNet's exception table:
summary and references cut to WORDS words), plus the same figures with the references left whole,
which is how the development set's published peer figures were computed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from ..embedding.base import Embedder
from ..inputs.jsonl import ClusterInput
from ..records import SummarizeError
from ..selection.base import Ranker
from ..wording import plural
from .peers import PEER_METHODS, summarize_with_peer
from .rouge import (
    RougeScores,
    mean_scores,
    score_summary,
    truncate_words,
    wordnet_exceptions,
)

OURS = "ours"
# Gillick & Favre's program with document-frequency weights and nothing else: what our additions add to.
PLAIN_CONCEPTS = "concepts-plain"
ALL_METHODS = (OURS, PLAIN_CONCEPTS, *PEER_METHODS)


@dataclass(frozen=True)
class MethodResult:
    method: str
    rouge: RougeScores  # summary and references cut to the word limit (ROUGE-1.5.5 -l)
    rouge_whole_references: RougeScores  # only the summary cut
    seconds: float
    clusters: int
    note: str = ""  # how the method was set up for these clusters, when that varies


def check_methods(methods: Sequence[str]) -> None:
    """A :class:`SummarizeError` unless ``methods`` is a non-empty list of known methods, each once."""
    unknown = [m for m in methods if m not in ALL_METHODS]
    if unknown:
        raise SummarizeError(f"unknown method {', '.join(unknown)}; choose from {', '.join(ALL_METHODS)}")
    if not methods:
        raise SummarizeError(f"no method given; choose from {', '.join(ALL_METHODS)}")
    if len(set(methods)) != len(methods):
        raise SummarizeError(f"a method is given twice: {', '.join(methods)}")


def _exceptions() -> Mapping[str, str]:
    try:
        return wordnet_exceptions()
    except FileNotFoundError as error:
        raise SummarizeError(str(error)) from None


def score_method(
    method: str,
    summaries: Sequence[str],
    clusters: Sequence[ClusterInput],
    words: int,
    seconds: float,
    exceptions: Mapping[str, str],
    note: str = "",
) -> MethodResult:
    """Mean ROUGE of one method's summaries (one per cluster), with and without cutting the references."""
    cut = [score_summary(s, c.summaries, word_limit=words, exceptions=exceptions) for s, c in zip(summaries, clusters)]
    whole = [
        score_summary(truncate_words(s, words), c.summaries, word_limit=None, exceptions=exceptions)
        for s, c in zip(summaries, clusters)
    ]
    return MethodResult(method, mean_scores(cut), mean_scores(whole), seconds, len(clusters), note)


def our_ranker(method: str, clusters: Sequence[ClusterInput]) -> tuple[Ranker, str]:
    """The ranker behind one of our methods, and a note on its concept weights.

    `ours` on a development set uses the shipped weights learned without that set, so that its
    figures are those of news it has never seen."""
    from ..selection.concept_model import model_not_trained_on, shipped_model
    from ..selection.concepts import ConceptRanker, plain_concept_ranker

    if method == PLAIN_CONCEPTS:
        return plain_concept_ranker(), ""
    model = model_not_trained_on([c.id for c in clusters])
    if model is None:  # the clusters come from every development set: no model is unseen
        return ConceptRanker(model=shipped_model()), "weights learned on these clusters"
    return ConceptRanker(model=model), f"weights learned on {', '.join(model.trained_on) or 'nothing'}"


def our_summaries(
    clusters: Sequence[ClusterInput],
    words: int,
    ranker: Ranker,
    embedder: Embedder,
    on_cluster_done: Callable[[], None],
) -> list[str]:
    """Our brief of each cluster as plain text: its sentences joined by spaces."""
    from ..batch.local import brief_clusters
    from ..pipeline import BriefSettings

    briefs = brief_clusters(
        clusters, embedder, BriefSettings(words=words), ranker, on_cluster_done=lambda c: on_cluster_done()
    )
    return [" ".join(item.sentence.text for item in brief.sentences) for _, brief in briefs]


def peer_summaries(
    method: str, clusters: Sequence[ClusterInput], words: int, on_cluster_done: Callable[[], None]
) -> list[str]:
    """A peer's summary of each cluster (see :mod:`summarize.evaluation.peers`)."""
    from ..text.sentences import PunktSplitter

    splitter = PunktSplitter()
    summaries = []
    for cluster in clusters:
        summaries.append(summarize_with_peer(method, [d.text for d in cluster.documents], words, splitter))
        on_cluster_done()
    return summaries


def check_clusters(clusters: Sequence[ClusterInput]) -> None:
    """Refuse, before any work, clusters that cannot be scored: none at all, or one without reference
    summaries (named with the file and line it was read from)."""
    if not clusters:
        raise SummarizeError("no clusters to evaluate")
    missing = [c for c in clusters if not c.summaries]
    if missing:
        where = f"{missing[0].where}: " if missing[0].where else ""
        more = missing[1:]
        listed = ", ".join(c.id for c in more[:5]) + (", ..." if len(more) > 5 else "")
        others = f" (nor {plural(len(more), 'does', 'do')} {len(more)} more: {listed})" if more else ""
        raise SummarizeError(f"{where}cluster {missing[0].id} has no reference summaries to score against{others}")


def evaluate(
    clusters: Sequence[ClusterInput],
    methods: Sequence[str] = ALL_METHODS,
    words: int = 100,
    on_cluster_done: Callable[[str], None] = lambda method: None,
    embedder: Embedder | None = None,
) -> list[MethodResult]:
    """Run each method on every cluster (each must have reference summaries) and score it.

    Results are in the order of ``methods``; ``seconds`` is each method's time over all clusters
    (ours includes loading the embedding model and embedding, unless `embedder` has them cached).
    Scoring is not timed. `embedder` defaults to the shells' default model.
    """
    check_methods(methods)
    check_clusters(clusters)
    exceptions = _exceptions()
    results = []
    for method in methods:
        done = partial(on_cluster_done, method)
        started = time.perf_counter()
        note = ""
        if method in (OURS, PLAIN_CONCEPTS):
            if embedder is None:
                from ..embedding.backends import default_embedder

                embedder = default_embedder()
            ranker, note = our_ranker(method, clusters)
            summaries = our_summaries(clusters, words, ranker, embedder, done)
        else:
            summaries = peer_summaries(method, clusters, words, done)
        seconds = time.perf_counter() - started
        results.append(score_method(method, summaries, clusters, words, seconds, exceptions, note))
    return results


def report_table(results: Sequence[MethodResult], words: int, title: str = "") -> str:
    """A markdown table, best ROUGE-2 first, under `title` (a heading) when given."""
    clusters = results[0].clusters if results else 0
    lines = [f"## {title}", ""] if title else []
    lines += [
        (
            f"ROUGE-1.5.5 recall x100 (-n 2 -m -l {words} -f A, WordNet exceptions) at {words} words, "
            f"{clusters} clusters; 'whole refs': references not cut. Rows: best R2 first."
        ),
        *(f"{r.method}: {r.note}." for r in results if r.note),
        "",
        "| method | R1 | R2 | R1 whole refs | R2 whole refs | seconds |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for result in sorted(results, key=lambda r: -r.rouge.r2):
        lines.append(
            f"| {result.method} | {100 * result.rouge.r1:.2f} | {100 * result.rouge.r2:.2f} | "
            f"{100 * result.rouge_whole_references.r1:.2f} | {100 * result.rouge_whole_references.r2:.2f} | "
            f"{result.seconds:.1f} |"
        )
    return "\n".join(lines) + "\n"


def macro_mean(per_set: Sequence[Sequence[MethodResult]]) -> list[MethodResult]:
    """Each method's scores averaged over the sets (each set counts once, whatever its size); its
    seconds and clusters summed. Every set must have the same methods."""
    methods = [r.method for r in per_set[0]]
    if any([r.method for r in results] != methods for results in per_set):
        raise ValueError("every set needs the same methods, in the same order")
    means = []
    for column, method in enumerate(methods):
        rows = [results[column] for results in per_set]
        means.append(
            MethodResult(
                method,
                mean_scores([r.rouge for r in rows]),
                mean_scores([r.rouge_whole_references for r in rows]),
                sum(r.seconds for r in rows),
                sum(r.clusters for r in rows),
            )
        )
    return means
