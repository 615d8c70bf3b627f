"""Baseline summarizers: budget, verbatim sentences, lead order, agreement with sumy's own selection."""

from __future__ import annotations

import re

import pytest

from summarize.evaluation.peers import (
    PEER_METHODS,
    OfflineSumyTokenizer,
    cluster_paragraphs,
    summarize_with_peer,
    sumy_ranking,
    word_count,
)


class DotSplitter:
    """Sentences end at ". " (the tiny fake splitter for these tests)."""

    def split(self, text: str) -> list[tuple[int, int]]:
        spans = []
        start = 0
        for match in re.finditer(r"\. ", text):
            spans.append((start, match.start() + 1))
            start = match.end()
        if start < len(text):
            spans.append((start, len(text)))
        return spans


DOCUMENTS = [
    "Hurricane Gilbert hit Jamaica on Monday with winds of 120 miles per hour. "
    "The storm destroyed thousands of homes across the island. "
    "Officials said at least 20 people were killed.\n\n"
    "Rescue workers searched for survivors in Kingston. "
    "Power was cut to most of the island.",
    "MIAMI\n\n"
    "The hurricane moved toward Mexico on Tuesday after battering Jamaica. "
    "Forecasters said Gilbert was the strongest storm ever recorded in the Atlantic. "
    "Its winds reached 175 miles per hour.\n\n"
    "Residents of the Yucatan peninsula boarded up their homes.",
    "Relief agencies sent food and medicine to Jamaica. "
    "Thousands of homes on the island were destroyed by the hurricane. "
    "The prime minister asked for international help to rebuild.",
]


def _inventory() -> list[str]:
    splitter = DotSplitter()
    return [
        paragraph[start:end]
        for document in DOCUMENTS
        for paragraph in cluster_paragraphs(document)
        for start, end in splitter.split(paragraph)
    ]


TOTAL_WORDS = 111  # the inventory's words ("MIAMI" is a heading, not a sentence)
BUDGETS = (3, 10, 25, 40, 47, 60, 90, 111)  # budgets the input can fill
SUMY_METHODS = [m for m in PEER_METHODS if m != "lead"]


def _sentences_of(summary: str) -> list[str]:
    return [summary[start:end] for start, end in DotSplitter().split(summary)]


def _cut(sentences: list[str], words: int) -> str:
    """The sentences joined by spaces, then only the first ``words`` words kept."""
    return " ".join(" ".join(sentences).split()[:words])


def _sumy_says(method: str, documents: list[str], count: int) -> list[str]:
    """What sumy itself returns for ``count`` sentences, on a freshly parsed document."""
    from summarize.evaluation import peers

    document = peers._sumy_document(documents, OfflineSumyTokenizer(DotSplitter()))
    return [str(s) for s in peers._sumy_summarizer(method)(document, count)]


def _expected_sumy_summary(method: str, documents: list[str], budget: int) -> str:
    """sumy's top-k for the smallest k whose sentences reach ``budget`` words, cut to ``budget``."""
    k = 0
    while True:
        k += 1
        chosen = _sumy_says(method, documents, k)
        if sum(word_count(s) for s in chosen) >= budget or len(chosen) < k:  # reached, or all taken
            return _cut(chosen, budget)


def test_inventory_word_count() -> None:
    assert sum(word_count(s) for s in _inventory()) == TOTAL_WORDS


@pytest.mark.parametrize("method", PEER_METHODS)
def test_each_method_fills_the_budget_exactly_with_verbatim_sentences_and_a_cut_last_one(method: str) -> None:
    inventory = _inventory()
    for budget in BUDGETS:
        summary = summarize_with_peer(method, DOCUMENTS, budget, DotSplitter())
        assert word_count(summary) == budget, (method, budget)
        *whole, last = _sentences_of(summary)
        # every sentence but the last is verbatim, none twice (the inputs have no duplicates)
        assert all(s in inventory for s in whole), (method, budget, whole)
        positions = [inventory.index(s) for s in whole]
        assert len(set(positions)) == len(positions)
        if method != "lead":
            assert positions == sorted(positions)  # sumy returns document order
        # the last is the first words of a sentence not already taken (or the whole of it)
        assert any(
            s.split()[: word_count(last)] == last.split() and i not in positions for i, s in enumerate(inventory)
        ), (method, budget, last)


@pytest.mark.parametrize("method", PEER_METHODS)
def test_input_shorter_than_the_budget_gives_all_of_it(method: str) -> None:
    for budget in (TOTAL_WORDS + 1, 200):
        summary = summarize_with_peer(method, DOCUMENTS, budget, DotSplitter())
        assert word_count(summary) == TOTAL_WORDS
        assert sorted(_sentences_of(summary)) == sorted(_inventory())
        if method != "lead":
            assert _sentences_of(summary) == _inventory()


@pytest.mark.parametrize("method", SUMY_METHODS)
def test_sumy_methods_return_sumys_smallest_top_k_that_reaches_the_budget_cut_to_it(method: str) -> None:
    for budget in BUDGETS:
        summary = summarize_with_peer(method, DOCUMENTS, budget, DotSplitter())
        assert summary == _expected_sumy_summary(method, DOCUMENTS, budget), (method, budget)
    # and the recorded ranking covers every sentence once
    document, ranked = sumy_ranking(method, DOCUMENTS, DotSplitter())
    assert sorted(order for _, order in ranked) == list(range(len(document.sentences)))


def test_sumy_takes_no_sentence_once_the_budget_is_reached() -> None:
    # a budget of exactly the top-ranked sentence's length: k = 1 reaches it, the summary is that
    # sentence alone; one word less cuts it
    _, ranked = sumy_ranking("lexrank", DOCUMENTS, DotSplitter())
    first = str(ranked[0][0])
    assert summarize_with_peer("lexrank", DOCUMENTS, word_count(first), DotSplitter()) == first
    assert summarize_with_peer("lexrank", DOCUMENTS, word_count(first) - 1, DotSplitter()) == _cut(
        [first], word_count(first) - 1
    )


def test_lead_takes_sentences_round_robin_and_cuts_the_one_that_reaches_the_budget() -> None:
    # word counts; "MIAMI" is a heading paragraph, not a sentence
    # first sentences: 13 (doc 1) + 10 (doc 2) + 8 (doc 3) = 31
    # second sentences: 9 (doc 1) -> 40; 12 (doc 2) -> 52 reaches 47: cut to its first 7 words
    summary = summarize_with_peer("lead", DOCUMENTS, 47, DotSplitter())
    assert _sentences_of(summary) == [
        "Hurricane Gilbert hit Jamaica on Monday with winds of 120 miles per hour.",
        "The hurricane moved toward Mexico on Tuesday after battering Jamaica.",
        "Relief agencies sent food and medicine to Jamaica.",
        "The storm destroyed thousands of homes across the island.",
        "Forecasters said Gilbert was the strongest storm",
    ]
    # 40 words are reached exactly by doc 1's second sentence: nothing more, nothing cut
    assert _sentences_of(summarize_with_peer("lead", DOCUMENTS, 40, DotSplitter()))[-1] == (
        "The storm destroyed thousands of homes across the island."
    )
    # a budget below the first sentence cuts it (it does not skip to a shorter one)
    assert summarize_with_peer("lead", DOCUMENTS, 8, DotSplitter()) == (
        "Hurricane Gilbert hit Jamaica on Monday with winds"
    )


def test_lead_round_robin_passes_over_documents_that_ran_out() -> None:
    inventory = _inventory()
    # documents have 5, 4 and 3 sentences: inventory indexes 0-4, 5-8, 9-11
    order = [0, 5, 9, 1, 6, 10, 2, 7, 11, 3, 8, 4]
    assert _sentences_of(summarize_with_peer("lead", DOCUMENTS, 200, DotSplitter())) == [inventory[i] for i in order]


def test_kl_early_stop_matches_sumys_full_run_with_duplicate_sentences() -> None:
    # the third document twice: every one of its sentences has a duplicate, and sumy's
    # ratings (a dict keyed by text) are rewritten when the second copy is picked
    documents = [*DOCUMENTS, DOCUMENTS[2]]
    for budget in (*BUDGETS, 139, 200):  # 139 words: every sentence
        summary = summarize_with_peer("kl", documents, budget, DotSplitter())
        assert summary == _expected_sumy_summary("kl", documents, budget), budget
        assert word_count(summary) == min(budget, TOTAL_WORDS + 28)


def test_zero_words_gives_an_empty_summary() -> None:
    for method in PEER_METHODS:
        assert summarize_with_peer(method, DOCUMENTS, 0, DotSplitter()) == ""
    with pytest.raises(ValueError):
        summarize_with_peer("lead", DOCUMENTS, -1, DotSplitter())


def test_empty_input_gives_an_empty_summary() -> None:
    for method in PEER_METHODS:
        assert summarize_with_peer(method, [], 100, DotSplitter()) == ""
        assert summarize_with_peer(method, ["", "\n\n"], 100, DotSplitter()) == ""


def test_unknown_method_raises_with_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="lexrank"):
        summarize_with_peer("oracle", DOCUMENTS, 100, DotSplitter())


def test_documents_must_be_a_sequence_of_strings() -> None:
    with pytest.raises(TypeError):
        summarize_with_peer("lead", DOCUMENTS[0], 100, DotSplitter())  # type: ignore[arg-type]


def test_offline_tokenizer() -> None:
    tokenizer = OfflineSumyTokenizer(DotSplitter())
    assert tokenizer.to_sentences("One two. Three four.  ") == ("One two.", "Three four.")
    # words as sumy's Tokenizer keeps them: starting with a letter, so no punctuation, no numbers, no 's
    assert tokenizer.to_words("Gilbert's winds, 175 mph, weren't well-known.") == (
        "Gilbert",
        "winds",
        "mph",
        "were",
        "n't",
        "well-known",
    )


def test_paragraphs_are_whitespace_normalized_and_headings_dropped() -> None:
    assert cluster_paragraphs("MIAMI (AP)\n\nA storm\n  hit.\n \nIt  rained.") == ["A storm hit.", "It rained."]
