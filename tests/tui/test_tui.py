"""The TUI driven through Textual's Pilot, with the deterministic fake embedder: one test per thing a
user does. Each scenario runs against a fresh app once its first brief is built. Sources, dialogs
and export are in test_tui_sources; the helpers in tui_helpers."""

from __future__ import annotations

import re
import subprocess
import sys
import threading

import pytest
from textual.widgets import DataTable, Footer, Markdown
from textual.widgets._footer import FooterKey, FooterLabel
from textual.widgets._markdown import MarkdownTableContent

import tui.app
from summarize.inputs.documents import sample_documents
from summarize.output.render import citation_markers
from tests.fakes import HashingEmbedder
from tests.tui.tui_helpers import answer, brief_list, errors, header, run, settle, until
from tui.app import BriefingApp
from tui.bindings import BRIEF_BINDINGS
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.text_input import TextInputScreen
from tui.screens.themes import ThemesScreen
from tui.widgets.brief_pane import BriefList


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
    import summarize.pipeline

    compose, release = summarize.pipeline.compose_brief, threading.Event()

    def slow_compose(*args, **options):
        release.wait(10)
        return compose(*args, **options)

    async def scenario(app, pilot, notes):
        monkeypatch.setattr(summarize.pipeline, "compose_brief", slow_compose)
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
        assert isinstance(app.screen, TextInputScreen)
        await pilot.press("6", "0", "enter")  # the current value is selected: typing replaces it
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.brief.budget == 60 and app.brief.words <= 60
        await answer(pilot, "l", "25")
        await pilot.press("minus")  # 25 is the smallest step: a warning, no change
        await settle(pilot)
        assert app.brief.budget == 25 and [n.severity for n in notes] == ["warning"]

    run(scenario)


def test_l_takes_every_budget_the_cli_takes_and_no_more():
    from click.testing import CliRunner

    from summarize.cli.main import main
    from summarize.records import MAX_WORDS

    async def scenario(app, pilot, notes):
        await answer(pilot, "l", "99999")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and app.brief.budget == 99_999 and not errors(notes)

    run(scenario)
    for command in ("brief", "tui", "batch", "eval"):  # one limit: the CLI refuses what the dialog does
        result = CliRunner().invoke(main, [command, "--words", str(MAX_WORDS + 1)])
        assert result.exit_code == 2 and f"{MAX_WORDS + 1} is not in the range 1<=x<={MAX_WORDS}" in result.output


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


@pytest.mark.parametrize("keys", [(), ("j", "j", "enter"), ("t",)], ids=["brief", "evidence", "themes"])
def test_after_a_resize_the_screen_is_drawn_as_at_that_size_from_the_start(keys):
    # Lists measured at the old width and drawn at the new one lost lines (a divider, a sentence's end).
    def screen(size, resize=None) -> list[str]:
        lines: list[str] = []

        async def scenario(app, pilot, notes):
            await pilot.press(*keys)
            await settle(pilot)
            if resize:
                await pilot.resize_terminal(*resize)
                await pilot.pause(0.3)
                await settle(pilot)
            lines.extend(strip.text for strip in app.screen._compositor.render_strips())

        run(scenario, size=size)
        return lines

    assert screen((160, 48), resize=(120, 40)) == screen((120, 40))


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


def test_the_help_table_keeps_each_binding_s_keys_on_one_row_at_80_columns():
    rows: list[str] = []

    async def scenario(app, pilot, notes):
        await pilot.press("question_mark")
        await settle(pilot)
        body = app.screen.query_one("#help-body")
        for table in app.screen.query(MarkdownTableContent):
            body.scroll_to_widget(table, animate=False, top=True)
            await pilot.pause(0.1)
            rows.extend(strip.text for strip in app.screen._compositor.render_strips())

    run(scenario, size=(80, 40))
    cells = [cell.strip() for line in rows for cell in re.findall(r"█\s+│([^│]+)│", line)]
    assert "+ / =" in cells and "? / f1" in cells
    assert not {"+ /", "=", "?", "f1"} & set(cells), cells  # no key cut across two rows


def test_every_binding_has_an_id_and_a_description_and_the_footer_shows_them():
    async def scenario(app, pilot, notes):
        for binding in [*BRIEF_BINDINGS, *BriefingApp.BINDINGS, *ThemesScreen.BINDINGS, *BriefList.BINDINGS]:
            assert binding.id and binding.description
        footer = app.screen.query_one(Footer)
        assert {b.action for b in BRIEF_BINDINGS} <= {key.action for key in footer.query(FooterKey)}
        # A group of keys (+ - l) shows one label for all of them.
        shown = {key.description for key in footer.query(FooterKey)} | {
            str(g.content) for g in footer.query(FooterLabel)
        }
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
    heavy = "{'torch', 'sentence_transformers', 'nltk', 'summarize.pipeline'}"
    code = f"import sys, tui.app; print(sorted({heavy} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    import summarize.pipeline  # whose default budget the app repeats rather than imports

    assert tui.app.DEFAULT_WORDS == summarize.pipeline.DEFAULT_WORDS


def test_help_explains_every_mark_a_brief_sentence_carries():
    async def scenario(app, pilot, notes):
        await pilot.press("question_mark")
        text = app.screen.query_one(Markdown).source
        for mark in ("[n]", "(also [m])", "gives", "(only [n])"):
            assert mark in text, mark

    run(scenario)


@pytest.mark.parametrize("in_the_evidence", [False, True], ids=["in the brief", "in the evidence (esc Back)"])
def test_an_80_column_footer_still_shows_help_and_quit(in_the_evidence):
    shown: set[str] = set()

    async def scenario(app, pilot, notes):
        if in_the_evidence:
            await pilot.press("enter")
            await pilot.pause()
        footer = app.screen.query_one(Footer)
        await pilot.pause()
        for key in footer.query(FooterKey):
            if key.region.width and key.region.right <= footer.region.right:
                shown.add(key.description)

    run(scenario, size=(80, 24), words=175)
    assert {"Help", "Quit"} <= shown, shown
