"""Content tokens: read once per sentence of an analysis, whichever stages ask for them."""

from collections import Counter

import pytest

from summarize.clustering import developments
from summarize.pipeline import analyze, compose_brief
from summarize.sections import story as sections_story
from summarize.sections.prompts import shipped_prompt
from summarize.selection import leaning
from summarize.text import bigrams
from summarize.text.bigrams import content_tokens, sentence_tokens, token_bigrams


def test_sentence_tokens_are_each_sentences_content_tokens(story, embedder):
    analysis = analyze(story, embedder)
    assert sentence_tokens(analysis) == [content_tokens(s.text) for s in analysis.sentences]
    assert sentence_tokens(analysis) is sentence_tokens(analysis)  # kept with the analysis


def test_token_bigrams_are_the_texts_bigrams():
    text = "The storms were hitting the coast of the north"
    assert token_bigrams(content_tokens(text)) == bigrams.bigrams(text)


@pytest.mark.parametrize("prompt", [None, "briefing"])
def test_a_brief_reads_each_sentences_tokens_once(story, embedder, monkeypatch, prompt):
    asked: Counter[str] = Counter()

    def counted(text: str) -> list[str]:
        asked[text] += 1
        return content_tokens(text)

    # Every module that reads a sentence's tokens, under the name it imported.
    for module in (bigrams, leaning, developments, sections_story):
        monkeypatch.setattr(module, "content_tokens", counted)
    analysis = analyze(story, embedder)
    chosen = shipped_prompt(prompt) if prompt else None
    for words in (60, 120):  # a re-brief reads none again
        compose_brief(analysis, words, prompt=chosen, embedder=embedder)
    sentences = {s.text for s in analysis.sentences}
    assert sentences & set(asked)
    assert max(asked[text] for text in sentences) == 1


class NoStemmer:
    def stem(self, word: str) -> str:
        raise AssertionError(f"stemmed {word!r}: the table has it")


def test_the_stem_table_answers_for_its_words(monkeypatch):
    monkeypatch.setattr(bigrams, "_stems", {"hurricanes": "hurricane-as-stemmed-before"})
    monkeypatch.setattr(bigrams, "_loaded", [])
    bigrams.load_stem_table()
    bigrams.load_stem_table()  # once a process
    monkeypatch.setattr(bigrams, "_stemmer", NoStemmer())
    assert bigrams.stem("flooding") == "flood"
    assert bigrams.stem("evacuated") == "evacu"
    assert bigrams.stem("hurricanes") == "hurricane-as-stemmed-before"  # what this process gave before stays
    assert content_tokens("Residents were evacuated") == ["resid", "were", "evacu"]
