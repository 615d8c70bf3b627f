"""The pipeline with the fake embedder: spans, budget, clusters, citations, determinism."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.inputs.document import make_document
from summarize.inputs.documents import sample_documents
from summarize.output.render import to_json
from summarize.pipeline import BriefSettings, analyze, build_brief, compose_brief, split_documents
from summarize.records import SummarizeError
from summarize.text.sentences import PunktSplitter
from tests.fakes import HashingEmbedder

BOILERPLATE = re.compile(
    r"Accessibility links|Breaking News|About Author|Leave A Reply|\[File:|file photo|16x9|"
    r"With reporting by|Source: Al Jazeera|RFE/RL journalists|newsroom brings you",
    re.IGNORECASE,
)


def assert_verbatim(document_text: str, start: int, end: int, text: str) -> None:
    assert " ".join(document_text[start:end].split()) == text


@pytest.mark.parametrize("words", [20, 40, 60, 100, 150])
def test_brief_sentences_are_verbatim_and_within_budget(story, embedder, words):
    brief = build_brief(story, embedder, BriefSettings(words=words))
    assert brief.words <= words
    for item in brief.sentences:
        assert_verbatim(story[item.sentence.document].text, item.sentence.start, item.sentence.end, item.sentence.text)
        for other in item.also_in:
            assert other.sentence.document != item.sentence.document
            assert_verbatim(
                story[other.sentence.document].text, other.sentence.start, other.sentence.end, other.sentence.text
            )


def test_no_two_brief_sentences_come_from_one_cluster(story, embedder):
    brief = build_brief(story, embedder, BriefSettings(words=150))
    clusters = [item.cluster for item in brief.sentences]
    assert len(clusters) == len(set(clusters))


def test_what_several_outlets_report_is_corroborated(story, embedder):
    brief = build_brief(story, embedder, BriefSettings(words=150))
    corroborated = [item for item in brief.sentences if item.also_in]
    assert corroborated, "the storm story repeats facts across outlets"
    first = brief.sentences[0]
    assert {c.sentence.document for c in first.also_in}, "the most important fact is widely reported"


def test_boilerplate_never_reaches_a_brief(story, embedder):
    for words in (50, 150, 400):
        for documents in (story, sample_documents()):
            brief = build_brief(documents, embedder, BriefSettings(words=words))
            assert brief.sentences
            for item in brief.sentences:
                assert not BOILERPLATE.search(item.sentence.text), item.sentence.text


def test_brief_fills_most_of_the_budget(embedder):
    brief = build_brief(sample_documents(), embedder, BriefSettings(words=150))
    assert 0.8 * 150 <= brief.words <= 150


def test_same_input_gives_byte_identical_output():
    first = to_json(build_brief(sample_documents(), HashingEmbedder(), BriefSettings(words=120)))
    second = to_json(build_brief(sample_documents(), HashingEmbedder(), BriefSettings(words=120)))
    assert first == second


def test_rebriefing_at_another_length_does_not_embed_again(story, embedder):
    analysis = analyze(story, embedder)
    assert len(embedder.calls) == 1
    short, long = compose_brief(analysis, 30), compose_brief(analysis, 120)
    assert len(embedder.calls) == 1
    assert short.words <= 30 < long.words <= 120


def test_precomputed_embeddings_must_match_the_sentences(story, embedder):
    analysis = analyze(story, embedder)
    again = analyze(story, embedder, embeddings=analysis.embeddings)
    assert len(embedder.calls) == 1
    assert again.clusters == analysis.clusters
    with pytest.raises(ValueError, match="embeddings given"):
        analyze(story, embedder, embeddings=analysis.embeddings[:-1])


def test_bad_budget_and_empty_input_are_clear_errors(story, embedder):
    with pytest.raises(SummarizeError, match="positive"):
        compose_brief(analyze(story, embedder), 0)
    with pytest.raises(SummarizeError, match="no documents"):
        build_brief((), embedder)


def test_rankers_are_found_by_the_names_shells_offer():
    from summarize.selection.registry import RANKER_NAMES, ranker_named

    assert [ranker_named(name).name for name in RANKER_NAMES] == list(RANKER_NAMES)
    with pytest.raises(SummarizeError, match="unknown method 'best'; choose from concepts, salience"):
        ranker_named("best")


def test_a_long_brief_is_topped_up_once_the_concepts_run_out():
    from summarize.selection.concepts import ConceptRanker
    from summarize.selection.leaning import STANDS_ALONE, leanings

    analysis = analyze(sample_documents(), HashingEmbedder())
    concepts_alone = sum(analysis.sentences[c.sentence].words for c in ConceptRanker().select(analysis, 1200))
    assert concepts_alone < 0.8 * 1200  # the program adds nothing once every concept it can reach is covered
    brief = compose_brief(analysis, 1200)
    assert 0.95 * 1200 <= brief.words <= 1200
    clusters = [item.cluster for item in brief.sentences]
    assert len(clusters) == len(set(clusters))
    rows = [analysis.sentences.index(item.sentence) for item in brief.sentences]
    for position, row in enumerate(rows):  # a sentence that leans on the one before it comes right after it
        previous = leanings(analysis)[row].previous
        assert leanings(analysis)[row] == STANDS_ALONE or previous is None or rows[position - 1] == previous


@pytest.mark.parametrize("words", [100, 150, 300])
def test_a_brief_the_program_fills_is_not_topped_up(words):
    from summarize.selection.concepts import ConceptRanker
    from summarize.selection.top_up import top_up

    analysis = analyze(sample_documents(), HashingEmbedder())
    chosen = ConceptRanker().select(analysis, words)
    assert top_up(analysis, chosen, words) == chosen  # the few words left hold no sentence
    assert len(top_up(analysis, chosen, words + 40)) > len(chosen)  # 40 more words hold one


def test_sentences_are_chosen_with_blas_on_one_thread_and_the_threads_come_back(story, embedder, monkeypatch):
    from threadpoolctl import threadpool_info, threadpool_limits

    from summarize.selection.concepts import ConceptRanker

    def blas_threads() -> list[int]:
        return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]

    seen: list[list[int]] = []
    select = ConceptRanker.select

    def watched(self, analysis, budget):
        seen.append(blas_threads())
        return select(self, analysis, budget)

    monkeypatch.setattr(ConceptRanker, "select", watched)
    analysis = analyze(story, embedder)
    with threadpool_limits(limits=2, user_api="blas"):  # as on a 2-core machine, whatever this one has
        before = blas_threads()
        compose_brief(analysis, 100)
        assert blas_threads() == before
    assert before and seen == [[1] * len(before)]


def test_overlapping_choices_share_one_limit_lifted_by_the_last_out():
    from threadpoolctl import threadpool_info, threadpool_limits

    from summarize.selection.blas_threads import one_blas_thread

    def blas_threads() -> list[int]:
        return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]

    with threadpool_limits(limits=2, user_api="blas"):
        before = blas_threads()
        first, second = one_blas_thread(), one_blas_thread()
        first.__enter__()
        second.__enter__()
        first.__exit__(None, None, None)  # the first out while the second is still choosing
        assert blas_threads() == [1] * len(before)
        second.__exit__(None, None, None)
        assert blas_threads() == before


def test_a_blas_library_loaded_after_the_first_choice_is_limited_too():
    """scipy brings its own OpenBLAS; loaded after a first choice (as when tests or a shell import it
    later), it must be on one thread inside the limit as well. A fresh process: here it is loaded."""
    script = """
import json
import numpy
from threadpoolctl import threadpool_info, threadpool_limits
from summarize.selection.blas_threads import one_blas_thread

def blas():
    return sorted((pool["filepath"], pool["num_threads"]) for pool in threadpool_info() if pool["user_api"] == "blas")

with threadpool_limits(limits=2, user_api="blas"):
    with one_blas_thread():
        pass
    before = len(blas())
    import scipy.linalg
    with threadpool_limits(limits=2, user_api="blas"):
        with one_blas_thread():
            inside = blas()
print(json.dumps({"before": before, "inside": inside}))
"""
    found = json.loads(
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=Path(__file__).parents[1]
        ).stdout
    )
    assert len(found["inside"]) > found["before"]  # scipy's library was loaded after the first call
    assert [threads for _, threads in found["inside"]] == [1] * len(found["inside"])


def test_an_empty_brief_says_truly_why_it_is_empty(embedder):
    """Short sentences (a line of prose the input checks pass) cannot be briefed at any budget: the
    brief says that, not that the budget is too small; a budget below the shortest sentence that can
    be briefed says so, with that sentence's length; sentences that fit but lean on their context too."""
    from summarize.inputs.document import make_document
    from summarize.output.html import to_html
    from summarize.output.render import to_json, to_markdown

    short = make_document("The storm hit the coast. Many homes were lost. Power is out.\n", "short.txt")
    brief = build_brief([short], embedder, BriefSettings(words=150))
    assert not brief.sentences and brief.shortest_choosable == 0
    said = "No sentence of the input can be briefed: each has fewer than 6 words or more than 60, or asks a question."
    assert said in to_markdown(brief) and said in to_html(brief) and "word budget" not in to_markdown(brief)
    assert json.loads(to_json(brief))["empty"] == said  # a program gets the reason too
    story = make_document("Officials said the storm brought winds of 120 miles per hour to the coast.\n", "a.txt")
    brief = build_brief([story], embedder, BriefSettings(words=5))
    assert not brief.sentences and brief.shortest_choosable == 14
    assert "No sentence of the input fits in 5 words: the shortest that can be briefed has 14." in to_markdown(brief)
    fitting = build_brief([story], embedder, BriefSettings(words=14))
    assert fitting.shortest_choosable is None and "empty" not in json.loads(to_json(fitting))  # it holds one
    leaning = make_document(
        "He said the plan would not work at all, and that it never had.\n\n"
        "She told them it would never be tried again in this town.\n",
        "b.txt",
    )
    brief = build_brief([leaning], embedder, BriefSettings(words=150))
    assert not brief.sentences and brief.shortest_choosable == 12
    assert "No sentence of the input that fits in 150 words reads on its own: each leans on its context" in (
        to_markdown(brief)
    )


def test_compose_brief_tops_up_any_ranker_that_offers_it_and_only_those(story, embedder):
    """Topping up is the ranker's capability (selection.base.TopsUp), not a test of its class: a ranker
    that offers it is asked with its choice and the budget; the concept ranker offers it, and tops up
    only as a reader-fit ranker (the program stops when its concepts run out)."""
    from summarize.selection.base import Choice, TopsUp
    from summarize.selection.concepts import ConceptRanker
    from summarize.selection.salience import SalienceRanker

    analysis = analyze(story, embedder)
    asked = []

    class Topping:
        name = "topping"

        def select(self, analysis, budget):
            return [Choice(0, 1.0)]

        def top_up(self, analysis, choices, budget):
            asked.append((choices, budget))
            return [*choices, Choice(1, 0.5)]

    brief = compose_brief(analysis, 120, Topping())
    assert asked == [([Choice(0, 1.0)], 120)] and [item.sentence for item in brief.sentences] == list(
        analysis.sentences[:2]
    )
    assert isinstance(ConceptRanker(), TopsUp) and not isinstance(SalienceRanker(), TopsUp)
    plain = ConceptRanker(reader_fit=False)
    chosen = plain.select(analysis, 400)
    assert plain.top_up(analysis, chosen, 400) == chosen


def test_progress_counts_one_sentence_in_the_singular():
    from summarize.records import Document
    from tests.fakes import HashingEmbedder

    steps: list[str] = []
    analyze(
        [Document("a", "One short article says a single thing today.", "a.txt")],
        HashingEmbedder(),
        progress=steps.append,
    )
    assert "Embedding 1 sentence" in steps


def test_a_sentence_starts_after_its_list_mark_or_label_and_a_byline_is_no_sentence():
    text = (
        "Harbour Town Votes To Move Uphill\n\n"
        "The town council voted on Monday to move the whole town uphill. By Jo Reyes.\n"
        "-- The move will take ten years and cost $40 million.\n"
        "COST: The state will pay half of the $40 million bill.\n"
    )
    sentences = split_documents([make_document(text, "town.txt")], PunktSplitter())
    assert [s.text for s in sentences] == [
        "The town council voted on Monday to move the whole town uphill.",
        "The move will take ten years and cost $40 million.",
        "The state will pay half of the $40 million bill.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)  # still a verbatim span of the source
    assert [s.position for s in sentences] == [0, 1, 2]


def test_a_brief_holds_no_question_the_writer_asks():
    question = "Will the harbour town council move the whole harbour town uphill before the storms?"
    documents = [
        make_document(
            f"{question}\nThe harbour town council voted on Monday to move the whole harbour town uphill.\n"
            f"Officials said the move of the harbour town would take {years} years.\n",
            f"{number}.txt",
        )
        for number, years in enumerate(["ten", "twelve", "nine"])
    ]
    analysis = analyze(documents, HashingEmbedder())
    for words in (20, 60):
        brief = compose_brief(analysis, words)
        assert brief.sentences
        assert all(not item.sentence.text.endswith("?") for item in brief.sentences)
