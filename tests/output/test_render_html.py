"""The HTML page, read back with a parser: exact spans, every sentence and corroboration linked,
hostile text kept as text, nothing external, the same bytes for the same brief."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from summarize.inputs.document import make_document
from summarize.output import html as render_html
from summarize.output.formats import FORMATS, format_for_path, render_as
from summarize.output.html import Mark, to_html
from summarize.output.html_chart import span_id
from summarize.output.render import NOT_ADDRESSED, NOTHING_FITS, article_start
from summarize.pipeline import BriefSettings, build_brief
from summarize.records import Brief, BriefGroup, BriefSection, Document
from tests import fakes
from tests.html_page import HOSTILE, STORM, hostile_brief, literal_brief, read_page, sentence_in, storm_brief

# What the page is made of: nothing that loads (img, iframe, link, object...) and nothing else.
ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "a",
    "div",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "span",
    "kbd",
    "main",
    "section",
    "ol",
    "ul",
    "li",
    "button",
    "br",
    "svg",
    "text",
    "rect",
    "footer",
    "aside",
    "article",
    "script",
}


def linked_sentences(brief: Brief):
    for item in brief.sentences:
        yield item.sentence
        yield from (c.sentence for c in item.also_in)


@pytest.mark.parametrize("make", [storm_brief, hostile_brief])
def test_every_linked_sentence_is_its_exact_span_and_each_article_is_whole(make):
    brief = make()
    page = read_page(to_html(brief))
    for sentence in linked_sentences(brief):
        assert page.spans[span_id(sentence)] == brief.documents[sentence.document].text[sentence.start : sentence.end]
    assert page.articles == [document.text for document in brief.documents]


def test_a_markdown_article_is_shown_without_its_front_matter(story, embedder):
    """The page showed a markdown file's YAML front matter as the article's opening lines; it is not the
    article (its title is the source's title), and the TUI's source pane already left it out."""
    front = "---\ntitle: Storm batters the north\nlayout: post\n---\n\n"
    first = make_document(front + story[0].text, "storm.md")
    brief = build_brief((first, *story[1:]), embedder, BriefSettings(words=150))
    page = read_page(to_html(brief))
    assert first.title == "Storm batters the north" and article_start(first.text) == len(front)
    assert page.articles == [story[0].text] + [document.text for document in story[1:]]
    for sentence in linked_sentences(brief):
        assert page.spans[span_id(sentence)] == brief.documents[sentence.document].text[sentence.start : sentence.end]


def test_every_sentence_and_corroboration_is_one_click_away():
    brief = storm_brief()
    page = read_page(to_html(brief))
    sentences = page.having(class_="sentence")
    assert [(s["data-item"], s["data-span"]) for s in sentences] == [
        (str(n + 1), span_id(item.sentence)) for n, item in enumerate(brief.sentences)
    ]
    for number, item in enumerate(brief.sentences, start=1):
        evidence = [a["data-span"] for a in page.tags_in_class("evidence-link") if a["data-item"] == str(number)]
        assert evidence == [span_id(item.sentence)] + [span_id(c.sentence) for c in item.also_in]
        cites = [a["data-span"] for a in page.tags_in_class("cite") if a["data-item"] == str(number)]
        assert cites == [span_id(item.sentence)] + [span_id(c.sentence) for c in item.also_in]
    # Every button points at a span that exists.
    assert {a["data-span"] for _, a in page.tags if "data-span" in a} <= set(page.spans)


@pytest.mark.parametrize("make", [storm_brief, hostile_brief])
def test_ids_are_unique_and_every_aria_reference_exists(make):
    page = read_page(to_html(make()))
    ids = [attrs["id"] for _, attrs in page.tags if "id" in attrs]
    assert len(ids) == len(set(ids))
    references = [attrs[name] for _, attrs in page.tags for name in ("aria-labelledby",) if name in attrs]
    assert references and set(references) <= set(ids)


def test_the_first_sentence_is_shown_without_javascript():
    brief = storm_brief()
    page = read_page(to_html(brief))
    first = brief.sentences[0].sentence
    assert [a["data-span"] for a in page.having(class_="sentence", **{"aria-current": "true"})] == [span_id(first)]
    assert [a["id"] for a in page.having(class_="span current")] == [span_id(first)]
    articles = [a for _, a in page.tags if a.get("class") == "source-text"]
    assert [a["id"] for a in articles if "hidden" not in a] == [f"source-text-{first.document + 1}"]
    panels = [a for _, a in page.tags if a.get("class") == "evidence"]
    assert [a["id"] for a in panels if "hidden" not in a] == ["evidence-1"]


def test_hostile_text_stays_text_and_cannot_add_markup():
    html = to_html(hostile_brief())
    page = read_page(html)
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    assert len(page.scripts) == 1 and page.scripts[0] == render_html.asset("page.js")
    assert len(page.styles) == 1 and page.styles[0] == render_html.asset("page.css")
    for _, attrs in page.tags:
        assert not [name for name in attrs if name.startswith("on")]
    links = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert links == ["#source-pane", "https://example.com/?q=<script>&x=\"'"]  # javascript: is shown, not linked
    assert '<span class="url">javascript:alert(5)</span>' in html
    assert page.articles == [document.text for document in HOSTILE]
    # Titles and paths are text wherever they appear: in <title>, the headers, the sources list.
    assert html.count("</title>") == sum(tag == "title" for tag, _ in page.tags) and "</textarea>" not in html.lower()
    assert (
        "Storm &lt;/title&gt;&lt;script&gt;" in html
        and '<span class="path">evil/two"onclick="alert(8).txt</span>' in html
    )


def test_nothing_external_and_the_policy_allows_only_the_pages_own_style_and_script():
    html = to_html(storm_brief())
    page = read_page(html)
    assert not [attrs for _, attrs in page.tags if "src" in attrs]
    assert "url(" not in page.styles[0] and "@import" not in page.styles[0] and "fetch(" not in page.scripts[0]
    policy = next(attrs["content"] for tag, attrs in page.tags if attrs.get("http-equiv") == "Content-Security-Policy")

    def digest(source: str) -> str:
        return base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()

    assert f"script-src 'sha256-{digest(page.scripts[0])}'" in policy
    assert f"style-src 'sha256-{digest(page.styles[0])}'" in policy
    assert policy.startswith("default-src 'none'")


def test_the_same_brief_gives_the_same_bytes(story, embedder):
    first = build_brief(story, embedder, BriefSettings(words=80))
    again = build_brief(story, embedder, BriefSettings(words=80))
    assert to_html(first) == to_html(again)
    page = read_page(to_html(first))
    for sentence in linked_sentences(first):
        assert page.spans[span_id(sentence)] == story[sentence.document].text[sentence.start : sentence.end]


def test_sources_list_titles_urls_and_copies():
    copy = Document("Storm hits (wire)", STORM[0].text, "news/a-copy.txt")
    documents = (*STORM, copy)
    brief = literal_brief(
        documents, [(sentence_in(documents, 0, "Officials said winds reached 120 miles per hour."), [])]
    )
    html = to_html(brief)
    entries = re.findall(r'<li id="source-(\d)">(.*?)</li>', html)
    assert [number for number, _ in entries] == ["1", "2", "3", "4"]
    assert "the same story as [1]" in entries[3][1] and "the same story" not in entries[0][1]
    assert 'href="https://example.com/b"' in entries[1][1] and "news/b.txt" in entries[1][1]


def test_coverage_chart_marks_the_quoting_and_the_reporting_sources():
    brief = storm_brief()
    cells = read_page(to_html(brief)).tags_in_class("cell")
    assert len(cells) == len(brief.sentences) * len(brief.documents)
    kinds = [cell["class"].split()[1] for cell in cells]
    assert kinds == ["own", "also", "also", "none", "own", "none"]
    assert [cell.get("data-span") for cell in cells[:3]] == [span_id(s) for s in linked_sentences(brief)][:3]


def test_a_sectioned_brief_has_its_headings_groups_and_empty_sections():
    lead = sentence_in(STORM, 0, "A powerful storm hit the northern coast on Monday.")
    power = sentence_in(STORM, 1, "Power was cut to 50,000 homes, the company said.", 1)
    sections = (
        BriefSection("What happened", ("What happened?",), (0,)),
        BriefSection("Who said what", ("Who said what?",), (1,), groups=(BriefGroup("The company", (1,)),)),
        BriefSection("Background", ("What led to it?",), (), addressed=False),
        BriefSection("Timeline", ("When?",), (), addressed=True),
    )
    html = to_html(literal_brief(STORM, [(lead, []), (power, [])], sections=sections, focus=None))
    order = [
        html.index(text)
        for text in (
            "<h3>What happened</h3>",
            "<h3>Who said what</h3>",
            "The company</h4>",
            "<h3>Background</h3>",
            NOT_ADDRESSED,
            "<h3>Timeline</h3>",
            NOTHING_FITS,
        )
    ]
    assert order == sorted(order)
    assert html.count('class="sentence"') == 2 and 'value="2"' in html


def test_a_focused_single_article_brief_says_so():
    documents = STORM[:1]
    brief = literal_brief(
        documents,
        [(sentence_in(documents, 0, "A powerful storm hit the northern coast on Monday."), [])],
        focus="What <b>hit</b> the coast?",
    )
    html = to_html(brief)
    assert "Question: What &lt;b&gt;hit&lt;/b&gt; the coast?" in html
    assert "Only one article was given" in html and "No other source was found" not in html
    empty = to_html(literal_brief(STORM, []))
    assert "No sentence of the input fits this word budget." in empty and "No sentence to chart." in empty


def test_marks_of_the_corroboration_issue_are_drawn_through_the_hook(monkeypatch):
    brief = storm_brief()
    other = sentence_in(STORM, 2, "Forecasters expect the storm to weaken.", 1)
    marks = {brief.sentences[0]: (Mark("disagrees", "[3] gives <9,000>", other), Mark("single-source", "only [1]"))}
    monkeypatch.setattr(render_html, "reader_marks", lambda item: marks.get(item, ()))
    page = read_page(to_html(brief))
    assert page.spans[span_id(other)] == "Forecasters expect the storm to weaken."
    assert [a["data-span"] for a in page.tags_in_class("mark-disagrees")] == [span_id(other)] * 2  # badge and evidence
    assert len(page.tags_in_class("mark-single-source")) == 1
    assert "[3] gives &lt;9,000&gt;" in to_html(brief)


def test_the_format_comes_from_the_name_and_each_renders():
    assert [format_for_path(name) for name in ("a.md", "b.JSON", "c.html", "d.htm", "e", "f.txt")] == [
        "markdown",
        "json",
        "html",
        "html",
        "markdown",
        "markdown",
    ]
    brief = storm_brief()
    assert render_as(brief, "html") == to_html(brief) and render_as(brief, "json").startswith("{")
    assert render_as(brief, "markdown").startswith("# ") and FORMATS == ("markdown", "json", "html")
    with pytest.raises(ValueError, match="unknown output format"):
        render_as(brief, "pdf")


def test_the_cli_writes_a_page_for_an_html_name_or_format(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from summarize.cli.main import main
    from summarize.embedding import backends as embedding

    monkeypatch.setattr(embedding, "default_embedder", fakes.HashingEmbedder)

    def run(*args):
        return CliRunner().invoke(main, ["brief", "--words", "80", *args], catch_exceptions=False)

    named = run("-o", str(tmp_path / "brief.html"))
    assert named.exit_code == 0 and "open it in any browser" in named.output
    page = (tmp_path / "brief.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page == run("--format", "html").output
    assert run("-o", str(tmp_path / "brief.json")).exit_code == 0
    assert (tmp_path / "brief.json").read_text(encoding="utf-8").startswith("{")
    run("--format", "markdown", "-o", str(tmp_path / "notes.html"))  # an explicit format wins over the name
    assert (tmp_path / "notes.html").read_text(encoding="utf-8").startswith("# ")


def test_the_tui_export_writes_a_page_for_an_html_name(tmp_path, monkeypatch):
    from tests.tui.tui_helpers import answer, run

    monkeypatch.chdir(tmp_path)

    async def scenario(app, pilot, notes):
        await answer(pilot, "e", "brief.html")
        await pilot.pause()
        assert (tmp_path / "brief.html").read_text(encoding="utf-8") == to_html(app.brief)
        assert "a page for any browser" in notes[-1].message

    run(scenario)
