import json
from dataclasses import replace

from summarize.output.render import to_json, to_markdown
from summarize.pipeline import BriefSettings, build_brief
from summarize.records import Corroboration, Disagreement


def test_json_follows_the_contract(story, embedder):
    brief = build_brief(story, embedder, BriefSettings(words=100))
    data = json.loads(to_json(brief))
    assert list(data) == ["budget", "words", "method", "model", "sources", "sentences", "clusters"]
    assert data["budget"] == 100 and data["words"] == sum(len(s["text"].split()) for s in data["sentences"])
    assert [s["id"] for s in data["sources"]] == [1, 2, 3]
    assert data["sources"][0] == {"id": 1, "title": "Storm hits the coast", "path": "story/0.txt"}
    cluster_ids = {c["id"] for c in data["clusters"]}
    for sentence in data["sentences"]:
        assert set(sentence) == {
            "text",
            "source",
            "start",
            "end",
            "cluster",
            "score",
            "also_in",
            "disagrees",
            "only_source",
        }
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


# --- output hygiene: article text is inert on a terminal --------------------------------------------

ESCAPES = {
    "window title (OSC 0)": "\x1b]0;PWNED\x07",
    "clipboard write (OSC 52)": "\x1b]52;c;ZWNobyBwd25lZA==\x07",
    "hyperlink (OSC 8)": "\x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\",
    "cursor and colour (CSI)": "\x1b[2J\x1b[31m",
    "one-byte CSI (C1)": "\x9b2J",
    "DEL and carriage return": "\x7f\r",
    "a file name's byte that is not UTF-8": "\udcff",
}


def hostile_story(escape: str):
    from summarize.inputs.document import make_document
    from tests.conftest import STORY

    return tuple(
        make_document(text.replace("storm", f"storm{escape}", 1), f"story/{n}{escape}\n.txt", f"{title}{escape}")
        for n, (title, text) in enumerate(STORY)
    )


def test_markdown_prints_no_control_character_but_newlines(embedder):
    for name, escape in ESCAPES.items():
        brief = build_brief(hostile_story(escape), embedder, BriefSettings(words=100))
        markdown = to_markdown(brief)
        controls = {c for c in markdown if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F}
        assert not controls, (name, controls)
        assert any("storm" in item.sentence.text for item in brief.sentences)
        sources = markdown.split("## Sources\n\n")[1].splitlines()
        assert len(sources) == 3 and all(line.startswith(f"{n}. ") for n, line in enumerate(sources, 1)), sources


def test_json_keeps_the_text_but_escapes_every_control_character(embedder):
    for name, escape in ESCAPES.items():
        story = hostile_story(escape)
        brief = build_brief(story, embedder, BriefSettings(words=100))
        rendered = to_json(brief)
        assert not {c for c in rendered if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F}, name
        data = json.loads(rendered)
        assert data["sources"][0]["title"] == story[0].title and data["sources"][0]["path"] == story[0].path
        for sentence in data["sentences"]:
            text = story[sentence["source"] - 1].text
            assert " ".join(text[sentence["start"] : sentence["end"]].split()) == sentence["text"]


def test_a_file_name_with_a_newline_keeps_the_source_list_one_line_a_source(embedder):
    from summarize.inputs.document import make_document
    from tests.conftest import STORY

    story = tuple(make_document(text, f"news/{n}\nline.txt", title) for n, (title, text) in enumerate(STORY))
    markdown = to_markdown(build_brief(story, embedder, BriefSettings(words=100)))
    assert "1. Storm hits the coast — `news/0?line.txt`" in markdown.splitlines()


def _with_evidence(brief, also_in, disagrees):
    first = replace(brief.sentences[0], also_in=also_in, disagrees=disagrees)
    return replace(brief, sentences=(first, *brief.sentences[1:]))


def test_disagreements_are_shown_after_the_corroborations(story, embedder):
    brief = build_brief(story, embedder, BriefSettings(words=100))
    other = next(
        s
        for s in build_brief(story, embedder, BriefSettings(words=400)).sentences
        if s.sentence.document != brief.sentences[0].sentence.document
    ).sentence
    shown = _with_evidence(brief, (Corroboration(other, 0.9),), (Disagreement(other, 0.8, "gives 9,000 dead"),))
    source = other.document + 1
    line = to_markdown(shown).splitlines()[4]
    assert line.endswith(f"[{brief.sentences[0].sentence.document + 1}] (also [{source}]; [{source}] gives 9,000 dead)")
    entry = json.loads(to_json(shown))["sentences"][0]["disagrees"]
    assert entry == [
        {"source": source, "text": other.text, "start": other.start, "end": other.end, "what": "gives 9,000 dead"}
    ]
    alone = to_markdown(_with_evidence(brief, (), (Disagreement(other, 0.8, "gives $70 million"),))).splitlines()[4]
    assert alone.endswith(f"] ([{source}] gives $70 million)")


def test_the_title_is_the_headline_the_sources_share_most_whatever_the_brief_leads_with(story, embedder):
    from summarize.output.render import brief_title
    from summarize.pipeline import analyze, compose_brief

    shared = "Storm floods the northern coast"  # storm, northern, coast: each in one other headline
    titled = (
        replace(story[0], title="Mayor opens schools as shelters"),
        replace(story[1], title=shared),
        replace(story[2], title="Storm damage on the northern coast"),  # as many: the earlier source wins
    )
    analysis = analyze(titled, embedder)
    briefs = [compose_brief(analysis, words) for words in (20, 40, 60, 100, 150)]
    assert {brief.sentences[0].sentence.document for brief in briefs if brief.sentences} != {1}
    assert {brief_title(brief) for brief in briefs} == {shared}
    assert to_markdown(briefs[0]).startswith(f"# {shared}\n")
    untitled = tuple(replace(d, title=d.path, title_from_lead=True) for d in titled)
    assert (
        brief_title(replace(briefs[0], documents=untitled)) == untitled[briefs[0].sentences[0].sentence.document].title
    )


def test_a_brief_of_separate_stories_says_so_in_its_title(story, embedder):
    from summarize.clustering.stories import separate_stories
    from summarize.inputs.document import make_document
    from summarize.output.render import brief_title
    from summarize.pipeline import analyze, compose_brief

    nato = make_document(
        "NATO expelled eight members of the Russian mission in Brussels on Wednesday.\n\n"
        "The alliance said the diplomats were undeclared intelligence officers.",
        "nato.txt",
        "NATO expels eight Russian diplomats",
    )
    analysis = analyze((*story, nato), embedder)
    assert separate_stories(analysis.documents, analysis.clusters) == [[0, 1, 2], [3]]
    brief = compose_brief(analysis, 100)
    title = "2 separate stories: Storm hits the coast; NATO expels eight Russian diplomats"
    assert brief_title(brief) == title  # not the storm's headline alone
    assert to_markdown(brief).startswith(f"# {title}\n")
    one_story = compose_brief(analyze(story, embedder), 100)
    assert brief_title(one_story) == "Storm hits the coast"
    renamed = replace(nato, title="Storm over NATO expulsions")  # a headline word ties it to the storm pages
    assert len(separate_stories((*story, renamed), analysis.clusters)) == 1


def test_a_side_story_that_talks_of_the_same_event_is_not_a_separate_story(story, embedder):
    from summarize.clustering.stories import separate_stories
    from summarize.inputs.document import make_document
    from summarize.pipeline import analyze

    side = make_document(
        "The family of a volunteer teacher waited all night by the telephone.\n\n"
        "When the storm passed, the coast road reopened and his parents heard his voice again. "
        "The storm had cut every line along the coast.",
        "side.txt",
        "Parents hear from their son at last",
    )
    analysis = analyze((*story, side), embedder)
    assert len(separate_stories(analysis.documents, analysis.clusters)) == 1
