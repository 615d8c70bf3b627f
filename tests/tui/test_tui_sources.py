"""The TUI's sources, dialogs and files, driven through the Pilot with the fake embedder, as in
test_tui: bad input in a dialog, exporting the brief, adding and removing articles, unreadable
input at start, and path completion."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from summarize.inputs.documents import sample_documents
from summarize.output.render import to_markdown
from tests.fakes import HashingEmbedder
from tests.tui.tui_helpers import ARTICLE, answer, brief_list, errors, run, settle, until
from tui.screens.confirm import ConfirmScreen
from tui.screens.main import MainScreen
from tui.screens.source_picker import SourcePicker
from tui.screens.text_input import PathSuggester, TextInputScreen
from tui.widgets.source_list import SourceList


@pytest.mark.parametrize(
    "key, typed, says",
    [
        ("l", "abc", "not a whole number"),
        ("l", "0", "between 1"),
        ("l", "-5", "between 1"),
        ("l", "100001", "between 1 and 100,000 words"),
        ("e", "nowhere/brief.md", "does not exist"),
        ("a", "missing.txt", "no such file"),
        ("a", "-", "standard input"),
    ],
)
def test_bad_input_in_a_dialog_is_a_notification_and_the_dialog_stays_open(key, typed, says, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def scenario(app, pilot, notes):
        await answer(pilot, key, typed)
        assert isinstance(app.screen, TextInputScreen)
        assert len(errors(notes)) == 1 and says in errors(notes)[0]
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen) and app.brief.budget == 150 and len(app.documents) == 5

    run(scenario)


def test_export_writes_the_brief_and_says_where(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def scenario(app, pilot, notes):
        await pilot.press("e")
        field = app.screen.query_one(Input)
        assert field.value == "brief.md"
        await pilot.press("enter")
        await pilot.pause()
        target = tmp_path / "brief.md"
        assert target.read_text(encoding="utf-8") == to_markdown(app.brief)
        assert str(target) in notes[-1].message
        assert not list(tmp_path.glob(".*.tmp"))  # written atomically: no temporary left behind
        await answer(pilot, "e", "brief.json")  # a .json name writes the JSON form
        assert json.loads((tmp_path / "brief.json").read_text(encoding="utf-8"))["budget"] == 150

    run(scenario)


def test_ctrl_s_exports_too_and_asks_before_replacing_a_file(tmp_path):
    target = tmp_path / "mine.md"
    target.write_text("keep me", encoding="utf-8")

    async def scenario(app, pilot, notes):
        await answer(pilot, "ctrl+s", str(target))
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert target.read_text(encoding="utf-8") == "keep me"
        await answer(pilot, "ctrl+s", str(target))
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == to_markdown(app.brief)

    run(scenario)


def test_adding_an_article_rebuilds_the_brief_and_embeds_only_the_new_sentences(tmp_path):
    article = tmp_path / "storm.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    embedder = HashingEmbedder()

    async def scenario(app, pilot, notes):
        calls = len(embedder.calls)
        await answer(pilot, "a", str(article))
        await until(pilot, lambda: app.brief is not None and len(app.brief.documents) == 6)
        await pilot.pause()
        assert app.documents[-1].title == "Storm hits the coast"
        assert app.screen.source_list.option_count == 6
        assert len(embedder.calls) == calls + 1
        assert all("storm" in text.lower() or "officials" in text.lower() for text in embedder.calls[-1])
        await answer(pilot, "a", str(article))  # the same again: a warning, not a duplicate
        await settle(pilot)
        assert len(app.documents) == 6 and notes[-1].severity == "warning" and "already" in notes[-1].message

    run(scenario, embedder=embedder)


def test_removing_a_source_rebuilds_the_brief_without_it():
    async def scenario(app, pilot, notes):
        removed = app.documents[1]
        await pilot.press("x")
        assert isinstance(app.screen, SourcePicker)
        await pilot.press("home", "down", "enter")
        await until(pilot, lambda: app.brief is not None)
        await pilot.pause()
        assert removed not in app.documents and len(app.brief.documents) == 4
        assert app.screen.source_list.option_count == 4
        assert removed.title in notes[-1].message

    run(scenario)


def test_the_remove_picker_marks_its_highlighted_row_with_a_character_not_only_colour():
    async def scenario(app, pilot, notes):
        await pilot.press("x")
        picker = app.screen.query_one(OptionList)

        def marked():
            return [
                i for i in range(picker.option_count) if picker.get_option_at_index(i).prompt.plain.startswith("> ")
            ]

        await until(pilot, lambda: marked() == [picker.highlighted])  # the source on show, at first
        await pilot.press("home")
        await until(pilot, lambda: marked() == [0])
        await pilot.press("down")
        await until(pilot, lambda: marked() == [1] == [picker.highlighted])
        assert all(picker.get_option_at_index(i).prompt.plain.startswith("  [") for i in (0, 2, 3, 4))
        removed = app.documents[1]
        await pilot.press("enter")
        await until(pilot, lambda: app.brief is not None and removed not in app.documents)

    run(scenario)


def test_removing_every_source_leaves_an_empty_state_not_a_crash():
    async def scenario(app, pilot, notes):
        for _ in range(5):
            await pilot.press("x", "enter")
            await pilot.pause()
        assert app.documents == () and app.brief is None
        assert app.screen.query_one("#brief-switcher").current == "brief-empty"
        await pilot.press("x", "t", "e")
        assert not errors(notes)

    run(scenario)


@pytest.mark.parametrize("given, says", [("missing.txt", "no such file"), ("-", "standard input")])
def test_an_unreadable_input_at_start_is_a_notification_and_the_app_stays_up(given, says, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def scenario(app, pilot, notes):
        await until(pilot, lambda: bool(errors(notes)))
        assert says in errors(notes)[0]
        assert app.screen.query_one("#brief-switcher").current == "brief-empty"

    run(scenario, paths=[Path(given)], wait=False)


def test_a_folder_s_empty_file_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "storm.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "empty.txt").write_bytes(b"")

    async def scenario(app, pilot, notes):
        assert [document.path for document in app.documents] == [str(tmp_path / "news" / "storm.txt")]
        warnings = [note.message for note in notes if note.severity == "warning"]
        assert warnings == [f"Skipped 1 file: {tmp_path}/news/empty.txt: the file is empty."] and not errors(notes)

    run(scenario, paths=[tmp_path / "news"])


def test_paths_complete_from_the_file_system(tmp_path):
    (tmp_path / "storm-report.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news").mkdir()
    suggest = PathSuggester().get_suggestion
    assert asyncio.run(suggest(f"{tmp_path}/sto")) == f"{tmp_path}/storm-report.txt"
    assert asyncio.run(suggest(f"{tmp_path}/ne")) == f"{tmp_path}/news/"
    assert asyncio.run(suggest(f"{tmp_path}/zzz")) is None


def test_the_source_pane_names_a_disagreeing_source_and_shows_its_sentence():
    async def scenario(app, pilot, notes):
        from dataclasses import replace

        from textual.widgets import OptionList, Static

        from summarize.records import Disagreement

        brief = app.brief
        item = brief.sentences[0]
        other = next(s for s in app.analysis.sentences if s.document != item.sentence.document)
        item = replace(item, disagrees=(Disagreement(other, 0.75, "gives 9,000 dead"),))
        pane = app.screen.source_pane
        pane.show_item(brief, 1, item)
        await pilot.pause()
        title = str(pane.query_one("#also-title", Static).render())
        assert f"Disagree: [{other.document + 1}] gives 9,000 dead" in title
        options = pane.query_one("#corroborations", OptionList)
        assert options.option_count == len(item.also_in) + 1
        options.highlighted = options.option_count - 1
        options.action_select()
        await pilot.pause()
        assert pane.shown_document == other.document
        meta = str(pane.query_one("#source-meta", Static).render())
        assert f"Disagrees with [{item.sentence.document + 1}]: gives 9,000 dead" in meta

    run(scenario)


def test_the_source_pane_shows_a_markdown_article_as_read_without_its_front_matter(tmp_path):
    """The YAML front matter is not the article's text: its title is the pane's title, and the pane
    shows the text from the article's first line; highlighted sentences still match the file."""
    article = tmp_path / "storm.md"
    article.write_text('---\ntitle: "Storm hits the coast"\nauthor: A. Writer\n---\n\n' + ARTICLE, encoding="utf-8")

    async def scenario(app, pilot, notes):
        pane = app.screen.source_pane
        item = app.brief.sentences[0]
        document = app.documents[item.sentence.document]
        assert pane.article.document is document
        assert str(pane.query_one("#source-title").content) == "[1] Storm hits the coast"
        shown = pane.article.text_widget.content.plain
        assert shown == ARTICLE
        assert pane.article.highlighted_text() == document.text[item.sentence.start : item.sentence.end]

    run(scenario, paths=[article])


def test_an_empty_brief_says_why_and_offers_a_wider_budget_only_when_one_helps(tmp_path):
    short = tmp_path / "short.txt"
    short.write_text("The storm hit the coast. Many homes were lost. Power is out.\n", encoding="utf-8")

    def empty_state(app) -> str:
        return str(app.screen.query_one("#brief-empty").content)

    async def scenario(app, pilot, notes):
        assert (
            empty_state(app)
            == "No sentence of the input can be briefed: each has fewer than 6 words or more than 60, or asks a question."
        )

    run(scenario, paths=[short])
    story = tmp_path / "storm.txt"
    story.write_text(ARTICLE, encoding="utf-8")

    async def too_small(app, pilot, notes):
        assert empty_state(app).startswith("No sentence of the input fits in 5 words: the shortest that can be")
        assert empty_state(app).endswith(" Press + to widen the budget.")

    run(too_small, paths=[story], words=5)


def test_a_source_the_brief_cites_only_as_also_is_not_called_not_cited():
    rows: list[str] = []
    cited: list[tuple[set[int], set[int]]] = []

    async def scenario(app, pilot, notes):
        sources = app.screen.query_one(SourceList)
        rows.extend(str(sources.get_option_at_index(i).prompt) for i in range(sources.option_count))
        items = app.brief.sentences
        quoted = {item.sentence.document for item in items}
        also = {other.sentence.document for item in items for other in (*item.also_in, *item.disagrees)}
        cited.append((quoted, also))

    run(scenario, words=175)  # the fake embedder's brief at 175 words: [1] and [2] only as "also"
    quoted, also = cited[0]
    assert also - quoted, "the case this test is about: a source cited only in an (also [n])"
    for index, row in enumerate(rows):
        assert ("not cited" in row) == (index not in quoted | also), row
        assert ("in the brief" in row) == (index in quoted), row
        assert ("also reports" in row) == (index in also), row


def test_a_dialog_s_problem_goes_once_the_value_changes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def scenario(app, pilot, notes):
        await answer(pilot, "e", "")
        problem = app.screen.query_one("#dialog-error")
        assert "Type a file name" in str(problem.content)
        await pilot.press("b")
        await pilot.pause()
        assert str(problem.content) == ""  # it was still saying "Type a file name." over "b"

    run(scenario)


def test_the_header_counts_the_sources_as_they_are_removed():
    shown: list[str] = []

    async def scenario(app, pilot, notes):
        for _ in range(5):
            shown.append(app.sub_title.split(" · ")[0])
            await pilot.press("x", "enter")
            await until(pilot, lambda: app.brief is not None or not app.documents)
            await settle(pilot)
        shown.append(app.sub_title)

    run(scenario)
    assert shown == ["5 sources", "4 sources", "3 sources", "2 sources", "1 source", "no sources"]


def test_a_single_article_s_sentence_is_not_said_to_be_unreported_elsewhere(tmp_path):
    article = tmp_path / "storm.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    shown: list[str] = []

    async def scenario(app, pilot, notes):
        shown.append(str(app.screen.query_one("#also-title").content))

    run(scenario, paths=[article])
    assert shown == ["Only one article was given, so no sentence is checked against another source."]


@pytest.mark.parametrize("size, one_line_paragraphs", [((80, 24), False), ((120, 40), False), ((80, 24), True)])
def test_the_source_pane_opens_within_the_cited_sentence_s_paragraph(size, one_line_paragraphs, tmp_path):
    """The lines kept above a cited sentence are its own paragraph's: the view opened on the tail
    of the paragraph before (a caption's "photo)") when the sentence began a paragraph. A paragraph is
    a line, as the core reads it: a web page's text (and many a text file) has no blank line between
    paragraphs, and there the view still opened on the tail of the one before."""
    paths = None
    if one_line_paragraphs:  # the sample with its blank lines removed
        paths = []
        for number, document in enumerate(sample_documents()):
            paths.append(tmp_path / f"{number}.txt")
            paths[-1].write_text(re.sub(r"\n\s*\n", "\n", document.text), encoding="utf-8")

    async def scenario(app, pilot, notes):
        rows, article = brief_list(app), app.screen.source_pane.article
        starts_a_paragraph = 0
        for index, item in enumerate(app.brief.sentences):
            rows.highlighted = rows.get_option_index(f"sentence-{index}")
            span = (item.sentence.start, item.sentence.end)
            await until(pilot, lambda: article.focus_span == span)  # noqa: B023 (awaited at once)
            await pilot.pause()  # the scroll waits for the text's refresh
            await pilot.pause()
            text, start = article.document.text, item.sentence.start
            paragraph = text.rfind("\n", 0, start) + 1
            starts_a_paragraph += not text[paragraph:start].strip()
            top, line = int(article.scroll_y), article.focus_line()
            assert top <= line < top + article.size.height
            if top < article.max_scroll_y:  # at the article's end, more shows above by necessity
                assert article.line_at(paragraph) <= top and top >= line - article.LINES_ABOVE_FOCUS
        assert starts_a_paragraph  # the case that went wrong is among them
        assert "\n\n" not in article.document.text or not one_line_paragraphs

    run(scenario, paths=paths, size=size)
