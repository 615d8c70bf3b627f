"""The core call: documents in, a cited brief out.

`analyze` does the expensive part once (splitting, embedding, clustering); `compose_brief` chooses
sentences from an analysis at any length, so a shell can re-brief without re-embedding.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .citations.cite import brief_sentence
from .citations.corroboration import CorroborationJudge, FactJudge, find_candidates
from .citations.same_fact_screen import same_fact_check
from .clustering.clusters import cluster_sentences, threshold_for
from .clustering.stories import story_by_story
from .embedding.base import Embedder
from .records import DEFAULT_WORDS, Analysis, Brief, Document, Sentence, SummarizeError
from .sections.prompts import Prompt
from .selection.base import Ranker, TopsUp
from .selection.blas_threads import one_blas_thread
from .selection.concepts import ConceptRanker
from .selection.features import eligible
from .selection.salience import SalienceRanker
from .selection.story_leads import with_story_leads
from .text.boilerplate import furniture_length, prose_spans
from .text.sentences import PunktSplitter, SentenceSplitter
from .text.story_copies import originals_of
from .wording import plural

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BriefSettings:
    words: int = DEFAULT_WORDS
    cluster_threshold: float | None = None  # None: the embedding model's own (clusters.threshold_for)


def _quiet(step: str) -> None:
    pass


def split_documents(documents: Sequence[Document], splitter: SentenceSplitter) -> tuple[Sentence, ...]:
    """Every prose sentence of every document, with its span in that document's text."""
    sentences = []
    for number, document in enumerate(documents):
        position = 0
        for block_start, block_end in prose_spans(document.text):
            for start, end in splitter.split(document.text[block_start:block_end]):
                start, end = block_start + start, block_start + end
                start += furniture_length(document.text[start:end])  # a list mark, a label, a byline ...
                start = end - len(document.text[start:end].lstrip())
                if start >= end:
                    continue
                text = " ".join(document.text[start:end].split())
                sentences.append(Sentence(number, start, end, text, position))
                position += 1
    return tuple(sentences)


def analyze(
    documents: Sequence[Document],
    embedder: Embedder,
    settings: BriefSettings = BriefSettings(),
    splitter: SentenceSplitter | None = None,
    embeddings: np.ndarray | None = None,
    progress: Progress = _quiet,
    *,
    sentences: Sequence[Sentence] | None = None,
) -> Analysis:
    """Split, embed and cluster. Pass `embeddings` (one row per sentence, in the order
    `split_documents` gives) to skip the model, for example from a cache, and `sentences`
    (what `split_documents` gave) to skip splitting again."""
    if not documents:
        raise SummarizeError("no documents to brief")
    if sentences is None:
        progress("Splitting sentences")
        sentences = split_documents(documents, splitter or PunktSplitter())
    sentences = tuple(sentences)
    if not sentences:
        raise SummarizeError("no prose sentences found in the input")
    if embeddings is None:
        progress(f"Embedding {len(sentences)} {plural(len(sentences), 'sentence')}")
        embeddings = embedder.embed([s.text for s in sentences])
    elif embeddings.shape[0] != len(sentences):
        raise ValueError(f"{embeddings.shape[0]} embeddings given for {len(sentences)} sentences")
    progress("Clustering")
    threshold = settings.cluster_threshold
    if threshold is None:
        threshold = threshold_for(embedder.name)
    clusters = cluster_sentences(embeddings, [s.document for s in sentences], threshold)
    return Analysis(tuple(documents), sentences, embeddings, clusters, embedder.name)


def compose_brief(
    analysis: Analysis,
    words: int = DEFAULT_WORDS,
    ranker: Ranker | None = None,
    *,
    prompt: Prompt | None = None,
    focus: str | None = None,
    embedder: Embedder | None = None,
    judge: CorroborationJudge | None = None,
) -> Brief:
    """Choose sentences from an analysis; cheap enough to run on every length change.

    With a `prompt` (summarize.sections.prompts) the brief comes in the prompt's sections; with a `focus`
    question, it answers that question. Both need the `embedder` the analysis was made with: it embeds
    the questions (nothing else). `judge` decides which other sources report each sentence's fact
    (default: summarize.citations.corroboration.FactJudge), and, at the brief's own threshold
    (summarize.citations.same_fact_screen.same_fact_check), which chosen sentences report one fact."""
    if words < 1:
        raise SummarizeError(f"the word budget must be a positive number, not {words}")
    if prompt is not None or focus is not None:
        from .sections.compose import compose_sectioned_brief
        from .sections.prompts import focus_prompt

        if prompt is not None and focus is not None:
            raise SummarizeError("give either a prompt or a focus question, not both")
        if embedder is None:
            raise ValueError("a prompt or a focus question needs the embedder the analysis was made with")
        if focus is not None:
            prompt = focus_prompt(focus)
            focus = prompt.title
        assert prompt is not None  # given, or made from the focus question just above
        with one_blas_thread():
            # (it screens its own same-fact checks, as with_same_fact_check does a plain brief's below)
            return compose_sectioned_brief(analysis, prompt, embedder, words, ranker=ranker, focus=focus, judge=judge)
    ranker = with_same_fact_check(ranker or ConceptRanker(), judge or FactJudge())
    with one_blas_thread():
        choices = ranker.select(analysis, words)
        if isinstance(ranker, TopsUp):  # the concept program stops when its concepts run out
            choices = ranker.top_up(analysis, choices, words)
        choices = story_by_story(analysis, with_story_leads(analysis, choices, words))
        find_candidates(analysis, [choice.sentence for choice in choices])  # all in one product
        chosen = tuple(brief_sentence(analysis, choice.sentence, choice.score, judge) for choice in choices)
    return Brief(
        analysis.documents,
        chosen,
        analysis.clusters,
        words,
        ranker.name,
        analysis.model,
        originals=originals_of(analysis),
        shortest_choosable=None if chosen else min((s.words for s in analysis.sentences if eligible(s)), default=0),
    )


def with_same_fact_check(ranker: Ranker, judge: CorroborationJudge) -> Ranker:
    """`ranker`, or for a concept ranker built without `same_fact=` (by `--method concepts`, the TUI,
    `summarize eval` or a library user) or a salience ranker (`--method salience`) a copy that keeps
    two sentences of one fact apart with `judge`, as the default ranker does: run as the brief's
    same-fact check (`same_fact_check`: at a lower threshold than "also [n]"). The selection layer may
    not import the judge, so it is handed in here, with a screen that spares it the pairs it would
    certainly call different (a long brief's are many)."""
    if isinstance(ranker, SalienceRanker):
        if ranker.same_fact is not None:
            return ranker
    elif not isinstance(ranker, ConceptRanker) or not ranker.reader_fit or ranker.same_fact is not None:
        return ranker
    checked = copy.copy(ranker)
    checked.same_fact = same_fact_check(judge)
    return checked


def build_brief(
    documents: Sequence[Document],
    embedder: Embedder,
    settings: BriefSettings = BriefSettings(),
    ranker: Ranker | None = None,
    progress: Progress = _quiet,
    *,
    prompt: Prompt | None = None,
    focus: str | None = None,
) -> Brief:
    analysis = analyze(documents, embedder, settings, progress=progress)
    progress("Selecting sentences")
    return compose_brief(analysis, settings.words, ranker, prompt=prompt, focus=focus, embedder=embedder)
