"""Work kept for the last analysis: reused for it, never for another."""

from summarize import relevance
from summarize.brief import analyze, compose_brief
from summarize.memo import LastAnalysisMemo
from summarize.prompts import shipped_prompt


def test_the_last_analysis_is_remembered_by_identity_and_key(story, embedder):
    first, second = analyze(story, embedder), analyze(story, embedder)  # equal, but two analyses
    memo: LastAnalysisMemo[int] = LastAnalysisMemo()
    calls = []

    def compute(value):
        return lambda: calls.append(value) or value

    assert memo.get(first, "a", compute(1)) == 1
    assert memo.get(first, "a", compute(2)) == 1
    assert memo.get(first, "b", compute(3)) == 3
    assert memo.get(second, "a", compute(4)) == 4, "another analysis is computed afresh"
    assert memo.get(first, "a", compute(5)) == 5, "only the last analysis is kept"
    assert calls == [1, 3, 4, 5]


def test_re_briefing_with_prompts_reads_the_story_once(story, embedder, monkeypatch):
    analysis = analyze(story, embedder)
    reads = []
    read = relevance.Story
    monkeypatch.setattr(relevance, "Story", lambda analysis: reads.append(1) or read(analysis))
    monkeypatch.setattr(relevance, "_STORIES", LastAnalysisMemo())
    for name, words in (("briefing", 120), ("reactions", 80), ("briefing", 200)):
        compose_brief(analysis, words, prompt=shipped_prompt(name), embedder=embedder)
    assert len(reads) == 1
