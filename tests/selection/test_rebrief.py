"""Re-briefing one analysis at another length (the TUI's `+`/`-`) gives the brief a cold run gives at
that length, byte for byte, and judges only the sentences new to it."""

import pytest

from summarize.citations.corroboration import FactJudge, Verdict
from summarize.inputs.documents import sample_documents
from summarize.output.render import to_json, to_markdown
from summarize.pipeline import analyze, compose_brief
from summarize.selection.concepts import ConceptRanker

LENGTHS = (100, 40, 250, 120, 60, 400)


class CountingJudge:
    """The corroboration judge, noting every pair it is asked about."""

    def __init__(self) -> None:
        self.pairs: list[tuple[int, int]] = []

    def judge(self, analysis, sentence, candidate) -> Verdict:
        self.pairs.append((sentence, candidate))
        return FactJudge().judge(analysis, sentence, candidate)


@pytest.fixture(scope="module")
def documents():
    return sample_documents()


def rendered(brief) -> tuple[str, str]:
    return to_markdown(brief), to_json(brief)


@pytest.mark.parametrize("pool", [1000, 12])  # 12: the program is solved over pre-selected candidates
def test_a_re_brief_at_any_length_is_the_cold_brief_at_that_length(embedder, documents, pool):
    kept = analyze(documents, embedder)
    warm = [rendered(compose_brief(kept, words, ConceptRanker(candidate_pool=pool))) for words in LENGTHS]
    for words, again in zip(LENGTHS, warm):
        cold = compose_brief(analyze(documents, embedder), words, ConceptRanker(candidate_pool=pool))
        assert rendered(cold) == again, f"the re-brief at {words} words differs from a cold brief"
    # Each length its own brief; but 250 words hold every useful one of 12 candidates, as 400 do (whether
    # a sentence that adds nothing joins them is a tie, which HiGHS may break either way at either length).
    distinct = len({markdown for markdown, _ in warm})
    assert distinct == len(LENGTHS) if pool > 12 else distinct >= len(LENGTHS) - 1, "each length gives its own brief"


def test_a_re_brief_judges_only_the_sentences_new_to_it(embedder, documents):
    judge = CountingJudge()
    analysis = analyze(documents, embedder)
    # The reader rules' same-fact check also asks the judge, about the chosen sentences: left out here.
    ranker = ConceptRanker(reader_fit=False)
    short = compose_brief(analysis, 60, ranker, judge=judge)
    judged = len(judge.pairs)
    assert judged > 0
    long = compose_brief(analysis, 200, ranker, judge=judge)
    new = {item.sentence for item in long.sentences} - {item.sentence for item in short.sentences}
    assert new and len(new) < len(long.sentences), "the longer brief keeps some sentences and adds others"
    assert {analysis.sentences[s] for s, _ in judge.pairs[judged:]} == new, "only the new sentences are judged"
    cold = compose_brief(analyze(documents, embedder), 200, ranker, judge=CountingJudge())
    assert rendered(long) == rendered(cold)


def test_the_same_fact_check_asks_the_judge_about_each_pair_once(embedder, documents):
    judge = CountingJudge()
    analysis = analyze(documents, embedder)
    ranker = ConceptRanker(same_fact=judge)  # the citations ask their own judge (the default)
    brief = compose_brief(analysis, 200, ranker)
    asked = list(judge.pairs)
    assert asked and len(asked) == len(set(asked)), "the rounds of one solve ask about a pair once"
    assert rendered(compose_brief(analysis, 200, ranker)) == rendered(brief)
    assert judge.pairs == asked, "a re-brief asks nothing already answered"
    cold = compose_brief(analyze(documents, embedder), 200, ConceptRanker(same_fact=CountingJudge()))
    assert rendered(cold) == rendered(brief)
