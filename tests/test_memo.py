"""Work derived from an analysis is kept with it: reused for it, never for another."""

from summarize.pipeline import analyze, compose_brief
from summarize.sections import story as story_module
from summarize.sections.prompts import shipped_prompt


def test_derived_values_are_kept_per_analysis_and_key(story, embedder):
    first, second = analyze(story, embedder), analyze(story, embedder)  # equal, but two analyses
    calls = []

    def compute(value):
        return lambda: calls.append(value) or value

    assert first.derived("a", compute(1)) == 1
    assert first.derived("a", compute(2)) == 1
    assert first.derived("b", compute(3)) == 3
    assert second.derived("a", compute(4)) == 4, "another analysis is computed afresh"
    assert first.derived("a", compute(5)) == 1, "each analysis keeps its own"
    assert calls == [1, 3, 4]
    assert "derived" not in repr(first), "not part of what the analysis is"


def test_re_briefing_with_prompts_reads_the_story_once(story, embedder, monkeypatch):
    analysis = analyze(story, embedder)
    reads = []
    read = story_module.Story
    monkeypatch.setattr(story_module, "Story", lambda analysis: reads.append(1) or read(analysis))
    for name, words in (("briefing", 120), ("reactions", 80), ("briefing", 200)):
        compose_brief(analysis, words, prompt=shipped_prompt(name), embedder=embedder)
    assert len(reads) == 1


def test_rendering_uses_the_copies_the_analysis_found(story, embedder, monkeypatch):
    from summarize.output.render import to_json, to_markdown
    from summarize.text import story_copies as duplicates

    brief = compose_brief(analyze(story, embedder), 60)
    assert brief.originals == duplicates.duplicate_of(brief.documents)

    def not_again(documents):
        raise AssertionError("story copies worked out again at render time")

    monkeypatch.setattr(duplicates, "duplicate_of", not_again)
    assert to_markdown(brief) and to_json(brief)
