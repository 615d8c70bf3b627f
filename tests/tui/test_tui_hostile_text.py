"""Article text reaches every screen as plain text: titles, file names, sentences, a prompt file's
title and sections, a focus question and error messages carrying Rich/Textual markup or terminal
control characters are shown as written (markup) or without them (controls), and never crash the
app; random keys over such articles never crash it either. Driven through the Pilot (tui_helpers)."""

from __future__ import annotations

import json
import random
import re

import pytest
from textual import events
from textual.command import CommandPalette

from tests.conftest import STORY
from tests.tui.tui_helpers import answer, errors, header, run, settle, until
from tui.plain import CONTROL, highlighted, one_line, printable, same_length
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.prompt_picker import PromptPicker
from tui.screens.source_picker import SourcePicker
from tui.screens.text_input import TextInputScreen
from tui.screens.themes import ThemesScreen

LINK = "[link=file:///etc/passwd]click[/link]"
ACTION = "[@click=app.quit]quit[/]"
UNBALANCED = "odd [/] bracket"
MARKUP = [LINK, ACTION, UNBALANCED, "[bold]loud[/bold]", "[red on white]x", "\\[b]", "$text-accent"]
CONTROLS = [
    "\x1b]0;PWN\x07",
    "\x1b[31mred\x1b[0m",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1b]8;;http://example.invalid/\x1b\\link\x1b]8;;\x1b\\",
    "nul\x00",
    "back\x08space",
    "cr\rreturn",
    "del\x7f",
    "nel\x85",
    "line\u2028sep",
    "tab\there",
]
UNUSUAL = ["\u202eright-to-left", "zero\u200bwidth", "cafe\u0301", "👍🏽", "東京", "\ufeffbom"]  # not controls: kept
TITLES = [
    f"Storm {LINK} hits the coast \x1b]0;PWN\x07",
    f"{ACTION} storm strikes {UNBALANCED}",
    "Storm [bold]damage\x1b[31m",
]


def hostile(text: str, seed: int) -> str:
    """`text` with markup, control and other unusual characters worked into each sentence."""
    chosen = random.Random(seed)
    sentences = re.split(r"(?<=[.!?])( )", text)
    return "".join(
        s
        if s == " " or not s.strip()
        else f"{s[:-1]} {chosen.choice(MARKUP)} {chosen.choice(UNUSUAL)} {chosen.choice(CONTROLS)}{s[-1]}"
        for s in sentences
    )


@pytest.fixture
def articles(tmp_path):
    """A cluster file whose three articles have hostile titles, ids (their paths) and sentences."""
    documents = [
        {"id": f"{n}-[bold]id\x1b[2J", "title": title, "text": hostile(text, n)}
        for n, (title, (_, text)) in enumerate(zip(TITLES, STORY))
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text(json.dumps({"id": "c1", "documents": documents}) + "\n", encoding="utf-8")
    return path.parent / f"{path.name}#c1"


def screen_lines(app) -> list[str]:
    """What the terminal would show, line by line (modal screens over their background)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def check_inert(app) -> None:
    """The screen holds no control character and no live click action."""
    strips = app.screen._compositor.render_strips()
    text = "\n".join(strip.text for strip in strips)
    assert not CONTROL.search(text), f"a control character on screen: {[c for c in text if CONTROL.match(c)]}"
    text.encode("utf-8")  # what the terminal is sent: no lone surrogate
    for strip in strips:
        for segment in strip:
            meta = segment.style.meta if segment.style is not None else {}
            assert "@click" not in meta, f"a live action on screen: {meta}"


def shown(app, selector: str) -> str:
    """The text on screen inside the widget `selector` names, its wrapped lines joined, after
    checking the whole screen is inert."""
    check_inert(app)
    region = app.screen.query_one(selector).content_region
    lines = [strip.text for strip in app.screen._compositor.render_strips()][region.y : region.bottom]
    return " ".join(" ".join(line[region.x : region.right] for line in lines).split())


def test_the_helpers_drop_controls_keep_lines_where_asked_and_keep_offsets():
    raw = "a\x1b]0;PWN\x07b\tc\nd\x85e\u2028f\x7f\udcff"  # the last: a file name's byte that is not UTF-8
    assert printable(raw) == "a]0;PWNb\tc\ndef"
    assert one_line(raw) == "a?]0;PWN?b?c?d?e?f??"
    assert len(same_length(raw)) == len(raw) and same_length(raw) == "a ]0;PWN b\tc\nd e f  "
    assert printable(LINK) == LINK  # markup is text: only Content that is never parsed shows it


def test_palette_search_highlights_without_reading_markup():
    from textual.fuzzy import Matcher

    content = highlighted(Matcher("clk"), f"Show source [1]: {LINK}")
    assert content.plain == f"Show source [1]: {LINK}"
    assert {content.plain[span.start] for span in content.spans} == {"c", "l", "k"}


def test_every_screen_and_picker_shows_hostile_text_as_plain_text(articles, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    prompt_file = tmp_path / "mine.md"
    prompt_file.write_text(
        f"# Watch {ACTION} \x1b]0;PWN\x07\nWhat [bold]happened[/].\n\n## Damage {UNBALANCED}\n- What damage did the storm do?\n",
        encoding="utf-8",
    )
    hostile_file = tmp_path / "[bold]storm\x1b[2J\udcff.txt"  # and a byte that is not UTF-8
    hostile_file.write_text(hostile(STORY[2][1], 7), encoding="utf-8")

    async def scenario(app, pilot, notes):
        titles = [one_line(d.title) for d in app.documents]  # as the core read them (TITLES, or cleaner)
        assert len(titles) == 3 and LINK in titles[0] and ACTION in titles[1]
        sources = shown(app, "#sources")  # titles as written
        assert titles[0] in sources and titles[1] in sources

        await pilot.press("ctrl+p")  # the palette lists each source by title
        await pilot.press(*"source")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette) and ACTION in shown(app, "CommandList"))
        assert f"Show source [1]: {titles[0]}" in shown(app, "CommandList")
        await pilot.press("escape")

        await pilot.press("x")  # the remove picker
        assert isinstance(app.screen, SourcePicker)
        assert titles[0] in shown(app, "#picker")
        await pilot.press("escape")

        for key in ("enter", "escape", "tab", "enter", "shift+tab"):  # the evidence, a whole article
            await pilot.press(key)
            await pilot.pause()
            check_inert(app)

        await pilot.press("t")  # themes: the grid and a theme's sentences with their titles
        assert isinstance(app.screen, ThemesScreen)
        await pilot.press("down", "s")
        check_inert(app)
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        check_inert(app)
        await pilot.press("escape", "p")
        assert isinstance(app.screen, PromptPicker)
        check_inert(app)
        await pilot.press("escape")

        await answer(pilot, "f", f"Who {UNBALANCED} fled\x1b]0;PWN\x07?")  # a focus question in the header
        await settle(pilot)
        check_inert(app)
        assert f"focus: Who {UNBALANCED} fled?]0;PWN??" in header(app)
        await pilot.press("f")  # the question again, to edit: in the dialog's input without its escape
        assert f"Who {UNBALANCED} fled ]0;PWN?" in shown(app, "Input")  # ESC a space, BEL gone (Rich)
        app.screen.query_one("Input").post_message(events.Paste("pasted\x1b]0;PWN\x07 text"))
        await pilot.pause()
        check_inert(app)
        await pilot.press("escape")
        await pilot.press("p", "end", "up", "up", "enter")  # "Prompt from file…"
        assert isinstance(app.screen, TextInputScreen)
        app.screen.query_one("Input").value = str(prompt_file)
        await pilot.press("enter")
        await settle(pilot)
        assert f"Watch {ACTION} ?]0;PWN?" in header(app)
        assert f"Damage {UNBALANCED}" in shown(app, "#brief")

        await answer(pilot, "a", f"{tmp_path}/missing {LINK}\x1b]0;PWN\x07.txt")  # an error quoting the input
        assert isinstance(app.screen, TextInputScreen)
        assert "[link=file:/etc/passwd]click[/link]]0;PWN.txt: no such file" in shown(app, "#dialog-error")
        assert not CONTROL.search(errors(notes)[-1])
        app.screen.query_one("Input").value = str(hostile_file)
        await pilot.press("enter")
        await until(pilot, lambda: app.brief is not None and len(app.brief.documents) == 4)
        await settle(pilot)
        assert one_line(app.documents[-1].title) in shown(app, "#sources")
        await pilot.press("ctrl+p", *"show source [4]")  # its path, in the palette's help
        await until(pilot, lambda: isinstance(app.screen, CommandPalette) and "storm" in shown(app, "CommandList"))
        assert "[bold]storm?[2J?.txt" in shown(app, "CommandList")
        await pilot.press("escape")

        await pilot.press("x", "enter")  # removed: the notification names it
        await until(pilot, lambda: app.brief is not None and len(app.brief.documents) == 3)
        await settle(pilot)
        assert any(titles[0] in note.message for note in notes)
        check_inert(app)
        assert isinstance(app.screen, MainScreen) and app.is_running
        assert not [e for e in errors(notes) if "missing" not in e]
        await pilot.press("ctrl+c")  # Textual's own notifications keep their markup
        await pilot.pause()
        assert notes[-1].message.startswith("Press [b]") and notes[-1].markup

    run(scenario, paths=[articles])


KEYS = [
    "up",
    "down",
    "j",
    "k",
    "enter",
    "escape",
    "tab",
    "shift+tab",
    "home",
    "end",
    "pageup",
    "pagedown",
    "plus",
    "minus",
    "l",
    "p",
    "f",
    "m",
    "t",
    "s",
    "e",
    "a",
    "x",
    "delete",
    "question_mark",
    "ctrl+p",
    "y",
    "n",
    "1",
    "backspace",
    "space",
    "left",
    "right",
]


@pytest.mark.parametrize("seed", [1, 2])
def test_random_keys_over_hostile_articles_never_crash(seed, articles, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # an export the keys happen to confirm lands here
    chosen = random.Random(seed)

    async def scenario(app, pilot, notes):
        for _ in range(150):
            await pilot.press(chosen.choice(KEYS))
            if chosen.random() < 0.2:
                await pilot.pause()
                check_inert(app)
            assert app.is_running, "the keys never include q, yet the app ended"
        await settle(pilot)
        check_inert(app)

    run(scenario, paths=[articles])
