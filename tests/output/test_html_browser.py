"""The HTML page in a real browser: Debian's chromium driven by Playwright's Python package (never
`playwright install`: nothing is downloaded). Locally these tests skip when either is missing; under
.ci/run (SUMMARIZE_REQUIRE_BROWSER=1) they fail instead, since CI installs chromium.

`SUMMARIZE_UPDATE_SCREENSHOT=1 python -m pytest tests/output/test_html_browser.py -m model` writes the
README's screenshot, docs/html.png."""

from __future__ import annotations

import os
import shutil
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from summarize.inputs.documents import sample_documents
from summarize.output.html import to_html
from summarize.output.html_chart import span_id
from summarize.output.render import brief_title
from summarize.pipeline import BriefSettings, build_brief
from summarize.records import Brief, BriefSection, Sentence
from tests.fakes import HashingEmbedder
from tests.html_page import HOSTILE, hostile_brief, storm_brief

VIEWPORT = {"width": 1280, "height": 800}
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "html.png"


def chromium_path() -> str | None:
    return os.environ.get("SUMMARIZE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "the playwright package is not installed (pip install -e '.[test]')"
    else:
        missing = "" if chromium_path() else "no chromium executable (apt-get install chromium)"
    if missing:
        if os.environ.get("SUMMARIZE_REQUIRE_BROWSER"):
            pytest.fail(f"the browser test must run here, but {missing}")
        pytest.skip(f"browser test skipped: {missing}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@dataclass
class Opened:
    """A page open in the browser, with everything it asked the network for and every complaint."""

    page: object
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # console errors, uncaught errors, dialogs


def open_page(browser, brief: Brief, folder: Path, fragment: str = "", **options) -> Opened:
    path = folder / "brief.html"
    path.write_text(to_html(brief), encoding="utf-8")
    context = browser.new_context(viewport=VIEWPORT, reduced_motion="reduce", **options)  # scrolls at once
    context.set_default_timeout(5000)  # a broken page fails in seconds, not Playwright's 30
    page = context.new_page()
    opened = Opened(page)
    page.on("request", lambda request: opened.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and opened.problems.append(message.text))
    page.on("pageerror", lambda error: opened.problems.append(f"uncaught: {error}"))
    page.on("dialog", lambda dialog: (opened.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    # Anything but the page itself is refused (and recorded above): the page must need nothing else.
    context.route("**/*", lambda route: route.continue_() if route.request.url == path.as_uri() else route.abort())
    page.goto(path.as_uri() + fragment)
    opened.requests.remove(path.as_uri())
    return opened


def highlighted(page) -> tuple[str, str]:
    """The id and text of the one highlighted span (the test fails if there are several)."""
    current = page.locator(".span.current")
    assert current.count() == 1
    return current.get_attribute("id"), current.text_content()


def assert_shows(page, brief: Brief, sentence: Sentence) -> None:
    """The source pane shows `sentence`'s article alone, with exactly that span highlighted, in view."""
    assert highlighted(page) == (
        span_id(sentence),
        brief.documents[sentence.document].text[sentence.start : sentence.end],
    )
    visible = [a.get_attribute("id") for a in page.locator("article.source-text").all() if a.is_visible()]
    assert visible == [f"source-text-{sentence.document + 1}"]
    span, scroller = page.locator(".span.current").bounding_box(), page.locator("#article-scroller").bounding_box()
    assert scroller["y"] <= span["y"] and span["y"] + min(span["height"], 40) <= scroller["y"] + scroller["height"]


def active(page, what: str):
    return page.evaluate(f"document.activeElement.{what}")


def test_clicking_a_sentence_and_a_corroboration_shows_each_exact_span(browser, tmp_path):
    brief = build_brief(sample_documents(), HashingEmbedder(), BriefSettings(words=150))
    opened = open_page(browser, brief, tmp_path)
    page = opened.page
    assert_shows(page, brief, brief.sentences[0].sentence)  # the first sentence is shown on opening

    page.locator("button.sentence").nth(1).click()
    assert_shows(page, brief, brief.sentences[1].sentence)
    assert page.locator("button.sentence[aria-current=true]").get_attribute("data-item") == "2"
    assert page.locator("#evidence-2").is_visible() and not page.locator("#evidence-1").is_visible()

    number, item = next((n, item) for n, item in enumerate(brief.sentences, 1) if len(item.also_in) >= 2)
    page.locator(f"#item-{number} .cite.also").first.click()  # a corroboration's [n] in the brief
    assert_shows(page, brief, item.also_in[0].sentence)
    assert page.locator(".cite[aria-current=true]").get_attribute("data-span") == span_id(item.also_in[0].sentence)
    page.locator(f"#evidence-{number} .evidence-link.also").nth(1).click()  # another, from the source pane
    assert_shows(page, brief, item.also_in[1].sentence)
    assert page.locator(f"#evidence-{number} [aria-current=true]").get_attribute("data-span") == span_id(
        item.also_in[1].sentence
    )

    page.locator('button.read[data-source="3"]').click()  # the sources list opens a whole article
    assert page.locator("#source-text-3").is_visible() and page.locator(".span.current").count() == 0
    page.locator("rect.cell.own").nth(2).click()  # so does the coverage chart, at the sentence
    assert_shows(page, brief, brief.sentences[2].sentence)
    assert opened.requests == [] and opened.problems == []


def test_the_keyboard_moves_between_sentences_and_into_their_sources(browser, tmp_path):
    brief = build_brief(sample_documents(), HashingEmbedder(), BriefSettings(words=150))
    page = open_page(browser, brief, tmp_path).page
    page.locator("button.sentence").first.focus()
    for key, number in [("j", 2), ("ArrowDown", 3), ("k", 2), ("ArrowUp", 1), ("k", 1)]:
        page.keyboard.press(key)
        assert active(page, "dataset.item") == str(number)
        assert_shows(page, brief, brief.sentences[number - 1].sentence)
    cited = next(number for number, item in enumerate(brief.sentences, 1) if item.also_in)
    for _ in range(cited - 1):
        page.keyboard.press("j")
    item = brief.sentences[cited - 1]
    page.keyboard.press("Enter")  # into the sentence's sources: its own, then the others
    assert active(page, "className") == "evidence-link own"
    page.keyboard.press("j")
    assert active(page, "dataset.span") == span_id(item.also_in[0].sentence)
    assert_shows(page, brief, item.also_in[0].sentence)
    page.keyboard.press("Escape")  # back to the brief
    assert active(page, "dataset.item") == str(cited)
    assert_shows(page, brief, item.sentence)
    assert page.locator("[role=status]").text_content().startswith(f"Source [{item.sentence.document + 1}]")


def test_it_prints_the_brief_and_sources_and_follows_dark_mode(browser, tmp_path):
    brief = build_brief(sample_documents(), HashingEmbedder(), BriefSettings(words=150))
    page = open_page(browser, brief, tmp_path).page
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.emulate_media(media="print")
    assert not page.locator("#source-pane").is_visible() and not page.locator(".keys").is_visible()
    assert page.locator("button.sentence").first.is_visible() and page.locator(".source-list").is_visible()
    page.emulate_media(media="screen", color_scheme="dark")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != light


@pytest.mark.parametrize("through_the_pipeline", [False, True])
def test_hostile_articles_run_no_code_and_keep_the_page_whole(browser, tmp_path, through_the_pipeline):
    brief = (
        build_brief(HOSTILE, HashingEmbedder(), BriefSettings(words=60)) if through_the_pipeline else hostile_brief()
    )
    opened = open_page(browser, brief, tmp_path)
    page = opened.page
    for button in page.locator("[data-span]:not(rect)").all():
        if button.is_visible():
            button.click()
    for item in brief.sentences:
        for sentence in [item.sentence] + [c.sentence for c in item.also_in]:
            text = brief.documents[sentence.document].text[sentence.start : sentence.end]
            assert page.locator(f"#{span_id(sentence)}").text_content() == text
    assert page.title() == f"{brief_title(brief)} · briefing"  # a title's "</title><script>" stays text
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.scripts.length") == 1
    assert page.locator("img, iframe, textarea, object, embed, form, input").count() == 0
    assert page.locator("article.source-text").count() == len(HOSTILE)
    assert page.locator("button.sentence").count() == len(brief.sentences)
    assert (
        page.evaluate(
            "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))"
            ".filter(n => n.startsWith('on')).length"
        )
        == 0
    )
    assert page.locator("a[href^='javascript' i]").count() == 0
    assert opened.requests == [] and opened.problems == []


def png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


@pytest.mark.model
def test_the_samples_page_with_the_real_model_and_its_screenshot(browser, tmp_path):
    from summarize.embedding.backends import default_embedder

    brief = build_brief(sample_documents(), default_embedder(), BriefSettings(words=150))
    opened = open_page(browser, brief, tmp_path)
    page = opened.page
    # Russia's observer mission: the sample's corroborated sentence (also [1][2]), the fourth (the news comes first)
    place = next(k for k, item in enumerate(brief.sentences) if "observer mission" in item.sentence.text)
    corroborated = brief.sentences[place]
    page.locator("button.sentence").nth(place).click()
    assert_shows(page, brief, corroborated.sentence)
    assert corroborated.also_in, "the sample's observer-mission sentence is reported by other sources"
    page.locator("button.sentence").nth(1).click()
    page.locator("button.sentence").nth(place).click()
    assert_shows(page, brief, corroborated.sentence)
    page.locator(f"#evidence-{place + 1} .evidence-link.also").first.click()  # the screenshot: the same fact elsewhere
    assert_shows(page, brief, corroborated.also_in[0].sentence)
    shot = tmp_path / "html.png"
    page.screenshot(path=str(shot))
    assert png_size(shot) == (VIEWPORT["width"], VIEWPORT["height"])
    assert opened.requests == [] and opened.problems == []
    if os.environ.get("SUMMARIZE_UPDATE_SCREENSHOT"):
        shutil.copyfile(shot, SCREENSHOT)


def test_without_javascript_the_first_sentence_is_shown_in_its_article(browser, tmp_path):
    brief = build_brief(sample_documents(), HashingEmbedder(), BriefSettings(words=150))
    opened = open_page(browser, brief, tmp_path, java_script_enabled=False)
    assert highlighted(opened.page)[0] == span_id(brief.sentences[0].sentence)
    assert opened.page.locator(f"#source-text-{brief.sentences[0].sentence.document + 1}").is_visible()
    assert opened.page.locator("button.sentence").count() == len(brief.sentences)
    assert opened.requests == [] and opened.problems == []


def test_keys_follow_reading_order_in_a_sectioned_brief(browser, tmp_path):
    """Sections list the brief's sentences in their own order: j/k follow what the reader sees."""
    plain = storm_brief()
    sections = (BriefSection("Impact", ("What did it cause?",), (1,)), BriefSection("Event", ("What happened?",), (0,)))
    brief = replace(plain, sections=sections)
    opened = open_page(browser, brief, tmp_path)
    page = opened.page
    assert [b.get_attribute("data-item") for b in page.locator("button.sentence").all()] == ["2", "1"]
    assert_shows(page, brief, brief.sentences[0].sentence)  # sentence 1 is shown first, wherever it stands
    page.locator("button.sentence").first.focus()
    page.keyboard.press("j")
    assert active(page, "dataset.item") == "1"
    page.keyboard.press("k")
    assert active(page, "dataset.item") == "2"
    assert_shows(page, brief, brief.sentences[1].sentence)
    page.keyboard.press("Escape")
    assert active(page, "dataset.item") == "2" and opened.problems == []


def test_the_address_names_the_sentence_shown_so_a_reader_can_point_at_it(browser, tmp_path):
    brief = build_brief(sample_documents(), HashingEmbedder(), BriefSettings(words=150))
    page = open_page(browser, brief, tmp_path).page
    page.locator("button.sentence").nth(3).click()
    assert page.url.endswith("/brief.html#item-4")
    opened = open_page(browser, brief, tmp_path, fragment="#item-3")
    assert_shows(opened.page, brief, brief.sentences[2].sentence)
    assert opened.page.locator("button.sentence[aria-current=true]").get_attribute("data-item") == "3"
    assert opened.requests == [] and opened.problems == []


# Where the shown span's paragraph (its line of the article's text) starts, against the top of what the
# sticky header leaves visible, and whether the article can scroll further (at its end, more shows by
# necessity).
PARAGRAPH_START = """() => {
  const span = document.querySelector(".span.current");
  const article = span.closest("article"), scroller = document.getElementById("article-scroller");
  const text = article.querySelector(".text");
  const before = document.createRange();
  before.setStart(text, 0);
  before.setEndBefore(span);
  const lineStart = before.toString().lastIndexOf("\\n") + 1;
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  let seen = 0, node = walker.nextNode();
  while (seen + node.data.length < lineStart) { seen += node.data.length; node = walker.nextNode(); }
  const paragraph = document.createRange();
  paragraph.setStart(node, lineStart - seen);
  paragraph.setEndAfter(span);
  const lines = Array.from(paragraph.getClientRects()).filter((r) => r.width > 0);
  const top = lineStart ? Math.min(...lines.map((r) => r.top)) : text.getBoundingClientRect().top;
  return {
    paragraph: top,
    visible: article.querySelector("header").getBoundingClientRect().bottom,
    more: scroller.scrollTop < scroller.scrollHeight - scroller.clientHeight - 1,
  };
}"""


def test_a_source_opens_within_the_shown_sentence_s_paragraph(browser, tmp_path):
    """No line of the paragraph before shows above the sentence: the page opened on its tail
    ("photo)", "completely upset.”"), which read as the sentence's start (the TUI's fix, polish8b)."""
    brief = build_brief(sample_documents(), HashingEmbedder(), BriefSettings(words=300))
    page = open_page(browser, brief, tmp_path).page
    checked = 0
    for number in range(1, len(brief.sentences) + 1):
        page.locator("button.sentence").nth(number - 1).click()
        assert_shows(page, brief, brief.sentences[number - 1].sentence)
        where = page.evaluate(PARAGRAPH_START)
        if where["more"]:
            assert where["paragraph"] <= where["visible"] + 1, number
            checked += 1
    assert checked >= len(brief.sentences) // 2
