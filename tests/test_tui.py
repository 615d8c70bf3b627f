"""The TUI driven through Textual's Pilot, with the deterministic fake embedder: one test per thing a
user does. Each scenario runs against a fresh app once its first brief is built."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.notifications import Notification, Notify
from textual.pilot import Pilot
from textual.widgets import DataTable, Footer, Input, Markdown
from textual.widgets._footer import FooterKey, FooterLabel

from summarize.documents import sample_documents
from summarize.embedding import HashingEmbedder
from summarize.render import citation_markers, to_markdown
import tui.app
from tui.app import BriefingApp, make_app
from tui.screens.help import HelpScreen
from tui.screens.main import BRIEF_BINDINGS, MainScreen
from tui.screens.prompt import ConfirmScreen, PathSuggester, PromptScreen, SourcePicker
from tui.screens.themes import ThemesScreen
from tui.widgets.brief_pane import BriefList

SIZE = (120, 36)
Scenario = Callable[[BriefingApp, Pilot, list[Notification]], Awaitable[None]]

ARTICLE = """Storm hits the coast

A powerful storm hit the northern coast on Monday, forcing thousands of residents to flee their homes.

Officials said the storm brought winds of 120 miles per hour and heavy flooding to the coast.
"""


async def until(pilot: Pilot, condition: Callable[[], bool], seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app did not reach the expected state in time")


async def settle(pilot: Pilot) -> None:
    """Let the workers finish (a re-ranking runs in one) and their messages be handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def run(scenario: Scenario, *, paths=None, embedder=None, words: int = 150, wait: bool = True) -> BriefingApp:
    """Run `scenario(app, pilot, notifications)` headless at a fixed size; returns the app."""
    notifications: list[Notification] = []

    def hook(message) -> None:
        if isinstance(message, Notify):
            notifications.append(message.notification)

    async def main() -> BriefingApp:
        app = make_app(paths, embedder or HashingEmbedder(), words)
        async with app.run_test(size=SIZE, message_hook=hook) as pilot:
            if wait:
                await until(pilot, lambda: app.brief is not None)
                await pilot.pause()
            await scenario(app, pilot, notifications)
        return app

    return asyncio.run(main())


def brief_list(app: BriefingApp) -> BriefList:
    return app.screen.query_one(BriefList)


def header(app: BriefingApp) -> str:
    return str(app.screen.query_one("#brief-header").content)


async def answer(pilot: Pilot, key: str, value: str) -> None:
    """Open the dialog behind `key` and submit `value` in it."""
    await pilot.press(key)
    pilot.app.screen.query_one(Input).value = value
    await pilot.press("enter")


def errors(notifications: list[Notification]) -> list[str]:
    return [n.message for n in notifications if n.severity == "error"]


def test_opens_on_the_sample_with_a_cited_brief_and_its_header():
    async def scenario(app, pilot, notes):
        brief = app.brief
        assert len(brief.documents) == 5 and brief.sentences
        assert 0 < brief.words <= 150
        assert header(app) == f"{brief.words} / 150 words · {len(brief.sentences)} sentences · {brief.method}"
        rows = brief_list(app)
        assert rows.option_count == len(brief.sentences)
        first = str(rows.get_option_at_index(0).prompt)
        assert first.startswith("1. " + brief.sentences[0].sentence.text)
        assert first.endswith(citation_markers(brief.sentences[0]))
        assert app.screen.focused is rows
        assert [d.title for d in app.documents] == [d.title for d in sample_documents()]
        assert not errors(notes)

    run(scenario)


def test_the_loading_indicator_names_the_current_step_while_the_model_runs():
    release = threading.Event()

    class SlowEmbedder(HashingEmbedder):
        def embed(self, texts):
            release.wait(10)
            return super().embed(texts)

    async def scenario(app, pilot, notes):
        switcher = app.screen.query_one("#brief-switcher")
        await until(pilot, lambda: "Embedding" in str(app.screen.query_one("#loading-step").content))
        assert switcher.current == "loading"
        assert "building" in header(app)
        await pilot.press("j")  # the interface still answers while the worker runs
        release.set()
        await until(pilot, lambda: app.brief is not None)
        await pilot.pause()
        assert switcher.current == "brief"

    run(scenario, embedder=SlowEmbedder(), wait=False)


def test_moving_the_highlight_shows_each_cited_sentence_exactly_in_its_article():
    async def scenario(app, pilot, notes):
        rows, pane = brief_list(app), app.screen.source_pane
        for index, item in enumerate(app.brief.sentences):
            await pilot.pause(0.05)
            assert rows.highlighted == index and pane.item == item
            document = app.documents[item.sentence.document]
            assert pane.article.document is document
            assert pane.article.highlighted_text() == document.text[item.sentence.start : item.sentence.end]
            assert str(pane.query_one("#source-title").content) == f"[{item.sentence.document + 1}] {document.title}"
            line = pane.article.focus_line()  # the sentence is scrolled into view
            assert pane.article.scroll_y <= line < pane.article.scroll_y + pane.article.size.height
            if index < len(app.brief.sentences) - 1:
                await pilot.press("down" if index % 2 else "j")
        for key in ["k", "up"]:
            await pilot.press(key)
        assert rows.highlighted == len(app.brief.sentences) - 3

    run(scenario)


def test_enter_on_a_corroborating_sentence_shows_that_article_at_that_sentence():
    async def scenario(app, pilot, notes):
        rows, pane = brief_list(app), app.screen.source_pane
        number = next(n for n, item in enumerate(app.brief.sentences) if item.also_in)
        for _ in range(number):
            await pilot.press("down")
        await pilot.press("enter")  # from a brief sentence to its corroborations
        assert app.screen.focused is pane.corroboration_list
        await pilot.press("enter")
        await pilot.pause()
        other = rows.highlighted_item.also_in[0].sentence
        assert pane.shown_document == other.document
        assert pane.article.highlighted_text() == app.documents[other.document].text[other.start : other.end]
        assert str(pane.query_one("#source-title").content).startswith(f"[{other.document + 1}] ")
        await pilot.press("escape")  # back to the brief, and to the cited article
        cited = rows.highlighted_item.sentence
        assert app.screen.focused is rows and pane.shown_document == cited.document
        assert pane.article.highlighted_text() == app.documents[cited.document].text[cited.start : cited.end]

    run(scenario)


def test_clicking_a_corroborating_sentence_shows_it_too():
    async def scenario(app, pilot, notes):
        pane = app.screen.source_pane
        while not brief_list(app).highlighted_item.also_in:
            await pilot.press("down")
        await pilot.click("#corroborations", offset=(4, 0))
        await pilot.pause()
        other = brief_list(app).highlighted_item.also_in[0].sentence
        assert pane.shown_document == other.document

    run(scenario)


def test_plus_and_minus_change_the_budget_and_rerank_without_re_embedding():
    embedder = HashingEmbedder()

    async def scenario(app, pilot, notes):
        calls, before = len(embedder.calls), app.brief
        await pilot.press("plus")
        await settle(pilot)
        assert app.brief.budget == 175 and app.brief.words >= before.words
        assert app.brief.sentences != before.sentences
        assert header(app).startswith(f"{app.brief.words} / 175 words")
        for _ in range(3):
            await pilot.press("minus")
        await settle(pilot)
        assert app.brief.budget == 100 and app.brief.words <= 100
        assert brief_list(app).option_count == len(app.brief.sentences)
        await pilot.press("equals_sign")  # + without shift
        await settle(pilot)
        assert app.brief.budget == 125
        assert len(embedder.calls) == calls

    run(scenario, embedder=embedder)


def test_a_slow_selection_is_announced_and_does_not_freeze_the_screen(monkeypatch):
    import summarize.brief

    compose, release = summarize.brief.compose_brief, threading.Event()

    def slow_compose(*args, **options):
        release.wait(10)
        return compose(*args, **options)

    async def scenario(app, pilot, notes):
        monkeypatch.setattr(summarize.brief, "compose_brief", slow_compose)
        before = app.brief
        await pilot.press("plus")
        await until(pilot, lambda: "choosing sentences" in header(app))
        await pilot.press("j")  # keys still work, on the brief still shown
        assert app.brief is before and brief_list(app).highlighted == 1
        release.set()
        await settle(pilot)
        assert app.brief.budget == 175 and header(app).startswith(f"{app.brief.words} / 175 words")

    run(scenario)


def test_l_sets_an_exact_budget_and_minus_stops_at_the_smallest_step():
    async def scenario(app, pilot, notes):
        await pilot.press("l")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("6", "0", "enter")  # the current value is selected: typing replaces it
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.brief.budget == 60 and app.brief.words <= 60
        await answer(pilot, "l", "25")
        await pilot.press("minus")  # 25 is the smallest step: a warning, no change
        await settle(pilot)
        assert app.brief.budget == 25 and [n.severity for n in notes] == ["warning"]

    run(scenario)


@pytest.mark.parametrize(
    "key, typed, says",
    [("l", "abc", "not a whole number"), ("l", "0", "between 1"), ("l", "-5", "between 1"),
     ("l", "99999", "between 1"), ("e", "nowhere/brief.md", "does not exist"), ("a", "missing.txt", "no such file"),
     ("a", "-", "standard input")],
)
def test_bad_input_in_a_dialog_is_a_notification_and_the_dialog_stays_open(key, typed, says, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def scenario(app, pilot, notes):
        await answer(pilot, key, typed)
        assert isinstance(app.screen, PromptScreen)
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


def test_the_themes_view_lists_clusters_biggest_first_with_a_coverage_grid():
    async def scenario(app, pilot, notes):
        await pilot.press("t")
        assert isinstance(app.screen, ThemesScreen)
        table = app.screen.query_one(DataTable)
        sizes = [int(str(table.get_row_at(row)[1])) for row in range(table.row_count)]
        assert sizes == sorted(sizes, reverse=True) and table.row_count > 0
        assert len(table.columns) == 2 + 5 + 2
        cited = {item.cluster for item in app.brief.sentences}
        shown = {int(str(table.get_row_at(row)[0]).lstrip("#")) for row in range(table.row_count)}
        assert cited <= shown  # every brief sentence's theme is listed
        await pilot.press("s")  # and the themes only one source reports
        assert table.row_count == len(app.analysis.clusters) > len(shown)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("t", "t")  # t closes it too
        assert isinstance(app.screen, MainScreen)

    run(scenario)


def test_paths_complete_from_the_file_system(tmp_path):
    (tmp_path / "storm-report.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news").mkdir()
    suggest = PathSuggester().get_suggestion
    assert asyncio.run(suggest(f"{tmp_path}/sto")) == f"{tmp_path}/storm-report.txt"
    assert asyncio.run(suggest(f"{tmp_path}/ne")) == f"{tmp_path}/news/"
    assert asyncio.run(suggest(f"{tmp_path}/zzz")) is None


def test_help_lists_every_key_of_the_main_screen():
    async def scenario(app, pilot, notes):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one(Markdown).source
        for binding in BRIEF_BINDINGS:
            assert binding.tooltip in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)

    run(scenario)


def test_every_binding_has_an_id_and_a_description_and_the_footer_shows_them():
    async def scenario(app, pilot, notes):
        for binding in [*BRIEF_BINDINGS, *BriefingApp.BINDINGS, *ThemesScreen.BINDINGS, *BriefList.BINDINGS]:
            assert binding.id and binding.description
        footer = app.screen.query_one(Footer)
        assert {b.action for b in BRIEF_BINDINGS} <= {key.action for key in footer.query(FooterKey)}
        # A group of keys (+ - l) shows one label for all of them.
        shown = {key.description for key in footer.query(FooterKey)} | {str(g.content) for g in footer.query(FooterLabel)}
        assert {(b.group.description if b.group else b.description) for b in BRIEF_BINDINGS} | {"Help", "Quit"} <= shown

    run(scenario)


def test_the_command_palette_runs_the_same_actions():
    async def scenario(app, pilot, notes):
        await pilot.press("ctrl+p")
        await pilot.press(*"longer")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: app.brief.budget == 175)

    run(scenario)


def test_q_quits_cleanly():
    async def scenario(app, pilot, notes):
        await pilot.press("q")

    app = run(scenario)
    assert app.return_code == 0


def test_opening_the_app_imports_neither_the_model_nor_the_summarizer():
    # The screen must come up at once: torch, nltk and scipy load in workers.
    heavy = "{'torch', 'sentence_transformers', 'nltk', 'summarize.brief'}"
    code = f"import sys, tui.app; print(sorted({heavy} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    import summarize.brief  # whose default budget the app repeats rather than imports

    assert tui.app.DEFAULT_WORDS == summarize.brief.DEFAULT_WORDS


def test_the_module_entry_point_parses_paths_and_words(monkeypatch):
    import tui.__main__ as entry

    made = []
    monkeypatch.setattr(BriefingApp, "run", lambda app: made.append((app.paths, app.words)))
    entry.main(["a.txt", "news", "--words", "80"])
    assert made == [([Path("a.txt"), Path("news")], 80)]
