import json
from dataclasses import replace

from summarize.brief import BriefSettings, build_brief
from summarize.records import Corroboration, Disagreement
from summarize.render import to_json, to_markdown


def test_json_follows_the_contract(story, embedder):
    brief = build_brief(story, embedder, BriefSettings(words=100))
    data = json.loads(to_json(brief))
    assert list(data) == ["budget", "words", "method", "model", "sources", "sentences", "clusters"]
    assert data["budget"] == 100 and data["words"] == sum(len(s["text"].split()) for s in data["sentences"])
    assert [s["id"] for s in data["sources"]] == [1, 2, 3]
    assert data["sources"][0] == {"id": 1, "title": "Storm hits the coast", "path": "story/0.txt"}
    cluster_ids = {c["id"] for c in data["clusters"]}
    for sentence in data["sentences"]:
        assert set(sentence) == {"text", "source", "start", "end", "cluster", "score", "also_in", "disagrees"}
        text = story[sentence["source"] - 1].text
        assert " ".join(text[sentence["start"] : sentence["end"]].split()) == sentence["text"]
        assert sentence["cluster"] in cluster_ids
        for other in sentence["also_in"]:
            assert set(other) == {"source", "text", "start", "end", "similarity"}
            assert other["source"] != sentence["source"]
            assert 0.0 < other["similarity"] <= 1.0
        for other in sentence["disagrees"]:
            assert set(other) == {"source", "text", "start", "end", "what"}
    for cluster in data["clusters"]:
        assert cluster["sources"] == sorted(cluster["sources"]) and cluster["size"] >= len(cluster["sources"])


def test_markdown_cites_every_sentence_and_lists_sources(story, embedder):
    brief = build_brief(story, embedder, BriefSettings(words=100))
    markdown = to_markdown(brief)
    bullets = [line for line in markdown.splitlines() if line.startswith("- ")]
    assert len(bullets) == len(brief.sentences)
    for line, item in zip(bullets, brief.sentences):
        assert line.startswith(f"- {item.sentence.text} [{item.sentence.document + 1}]")
        if item.also_in:
            assert "(also [" in line
    assert "## Sources" in markdown
    assert "1. Storm hits the coast — `story/0.txt`" in markdown
    assert "score" not in markdown.lower()


def _with_evidence(brief, also_in, disagrees):
    first = replace(brief.sentences[0], also_in=also_in, disagrees=disagrees)
    return replace(brief, sentences=(first, *brief.sentences[1:]))


def test_disagreements_are_shown_after_the_corroborations(story, embedder):
    brief = build_brief(story, embedder, BriefSettings(words=100))
    other = next(s for s in build_brief(story, embedder, BriefSettings(words=400)).sentences
                 if s.sentence.document != brief.sentences[0].sentence.document).sentence
    shown = _with_evidence(brief, (Corroboration(other, 0.9),), (Disagreement(other, 0.8, "gives 9,000 dead"),))
    source = other.document + 1
    line = to_markdown(shown).splitlines()[4]
    assert line.endswith(f"[{brief.sentences[0].sentence.document + 1}] (also [{source}]; [{source}] gives 9,000 dead)")
    entry = json.loads(to_json(shown))["sentences"][0]["disagrees"]
    assert entry == [{"source": source, "text": other.text, "start": other.start, "end": other.end,
                      "what": "gives 9,000 dead"}]
    alone = to_markdown(_with_evidence(brief, (), (Disagreement(other, 0.8, "gives $70 million"),))).splitlines()[4]
    assert alone.endswith(f"] ([{source}] gives $70 million)")
