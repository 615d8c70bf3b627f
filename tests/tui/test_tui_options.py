"""`summarize tui` (and `python -m tui`, the same command) takes `summarize brief`'s options for how the
brief starts (--words, --method, --prompt, --focus, --cluster, --backend, --no-cache) and reads its
URLs (--timeout, --max-download), and the app starts as they say."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli.main import main
from summarize.embedding import backends as embedding
from summarize.inputs import fetch as fetching
from summarize.output.render import shortfall_note
from summarize.records import SummarizeError
from summarize.sections.prompts import load_prompt
from tests import fakes
from tests.tui.tui_helpers import brief_list, errors, header, run, settle, until
from tui.app import BriefingApp
from tui.choice import Choice


@pytest.fixture
def started(monkeypatch, tmp_path):
    """What `summarize tui` would open, instead of opening it (in a folder holding the files named)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("An article.", encoding="utf-8")
    (tmp_path / "data.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "b.txt").write_text("Another article.", encoding="utf-8")
    monkeypatch.setattr(embedding, "default_embedder", fakes.HashingEmbedder)
    made: list[BriefingApp] = []
    monkeypatch.setattr(BriefingApp, "run", lambda app: made.append(app))
    return made


def invoke(*args: str):
    return CliRunner().invoke(main, ["tui", *args], catch_exceptions=False)


def test_the_brief_options_set_how_the_app_starts(started, monkeypatch):
    built = []
    monkeypatch.setattr(
        embedding, "embedder_for", lambda name, on_build=None: built.append(name) or fakes.HashingEmbedder()
    )
    result = invoke("a.txt", "--words", "80", "--prompt", "briefing", "--backend", "torch", "--no-cache")
    assert result.exit_code == 0, result.output
    app = started[0]
    assert (app.paths, app.words, app.choice) == ([Path("a.txt")], 80, Choice("concepts", load_prompt("briefing")))
    assert built == ["torch"] and isinstance(app.embedder.inner, fakes.HashingEmbedder)  # no cache around it
    assert invoke("--prompt", "briefing").exit_code == 0
    assert started[1].words == load_prompt("briefing").words  # the prompt's own budget, as a brief
    assert invoke("--method", "salience", "--focus", "Who fled?").exit_code == 2  # a brief refuses it too
    assert invoke("--focus", "Who fled?", "-w", "60").exit_code == 0
    assert (started[2].choice, started[2].words) == (Choice("concepts", focus="Who fled?"), 60)
    assert invoke("-m", "salience").exit_code == 0 and started[3].choice == Choice("salience")
    assert invoke("data.jsonl", "--cluster", "c2").exit_code == 0 and started[4].cluster == "c2"
    assert len(started) == 5


def test_urls_are_fetched_within_the_timeout_and_size_given(started, monkeypatch):
    assert invoke("https://example.com/a", "--timeout", "5", "--max-download", "2").exit_code == 0
    assert invoke("https://example.com/a").exit_code == 0
    assert [(app.timeout, app.max_download) for app in started] == [(5.0, 2 * 1024 * 1024), (20.0, 10 * 1024 * 1024)]
    asked = []

    def fetch(url, timeout, max_bytes):
        asked.append((url, timeout, max_bytes))
        raise SummarizeError(f"{url}: no network in this test")

    monkeypatch.setattr(fetching, "fetch", fetch)

    async def scenario(app, pilot, notes):
        await until(pilot, lambda: bool(errors(notes)))
        assert "no network in this test" in errors(notes)[0]

    run(scenario, paths=["https://example.com/a"], wait=False, timeout=5.0, max_download=2048)
    assert asked == [("https://example.com/a", 5.0, 2048)]


def test_python_m_tui_is_the_same_command(started):
    from tui.__main__ import main as module_main

    with pytest.raises(SystemExit) as ended:
        module_main(["a.txt", "news", "-w", "80", "-m", "salience", "--timeout", "5", "--max-download", "1"])
    assert ended.value.code == 0
    app = started[0]
    assert (app.paths, app.words, app.choice) == ([Path("a.txt"), Path("news")], 80, Choice("salience"))
    assert (app.timeout, app.max_download) == (5.0, 1024 * 1024)


def test_python_m_tui_has_the_commands_help_and_one_line_errors():
    for args, says in [(["--help"], "Usage: python -m tui [OPTIONS] [PATHS]..."), (["--words", "0"], "0")]:
        result = subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, check=False)
        shown = result.stdout + result.stderr
        assert says in shown, shown
    assert result.returncode == 2 and result.stdout == "" and len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("Error: ")


def test_bad_options_are_one_line_errors_before_the_app_opens(started):
    for args, error in [
        (("--prompt", "briefing", "--focus", "Who?"), "--prompt and --focus do not go together"),
        (("--prompt", "no-such-prompt"), "no-such-prompt"),
        (("--cluster", "c2"), "--cluster c2: give the .jsonl cluster file it belongs to"),
        (("--words", "0"), "0"),
        (("--backend", "gpu"), "gpu"),
        (("--timeout", "0"), "--timeout"),
        (("--max-download", "nan"), "--max-download"),
        (("nosuch.txt",), "nosuch.txt: no such file or folder"),
        (("nosuch.jsonl#c2",), "nosuch.jsonl: no such file"),
    ]:
        result = invoke(*args)
        assert result.exit_code == 2 and error in result.output, (args, result.output)
        assert len(result.output.strip().splitlines()) == 1
    assert started == []


def test_the_app_starts_with_the_prompt_and_the_cluster_it_was_given(tmp_path, story):
    clusters = tmp_path / "data.jsonl"
    documents = [{"id": str(n), "title": d.title, "text": d.text} for n, d in enumerate(story)]
    lines = [{"id": "c1", "documents": documents[:1]}, {"id": "c2", "documents": documents}]
    clusters.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")

    async def scenario(app, pilot, notes):
        assert len(app.documents) == len(story)  # cluster c2, not c1's one article
        assert app.brief.sections and app.brief.budget == 250
        assert load_prompt("briefing").title in header(app)

    run(scenario, paths=[clusters], words=250, choice=Choice("concepts", load_prompt("briefing")), cluster="c2")


def test_the_app_says_under_the_brief_when_the_articles_run_out(tmp_path, story):
    paths = []
    for number, document in enumerate(story):
        paths.append(tmp_path / f"{number}.txt")
        paths[-1].write_text(document.title + "\n\n" + document.text, encoding="utf-8")

    def note(app) -> str | None:
        shown = [str(option.prompt) for option in brief_list(app).options if option.id == "shortfall"]
        return shown[0] if shown else None

    async def scenario(app, pilot, notes):
        assert app.brief.words < 0.8 * 900
        assert (
            note(app)
            == shortfall_note(app.brief)
            == (
                f"Note: the brief has {app.brief.words} of the 900 words asked for: the articles hold "
                f"no other sentence that adds to it and fits in the {900 - app.brief.words} words left."
            )
        )
        rows = brief_list(app)
        rows.focus()
        await pilot.press("end")  # the last sentence: the note under it comes into view with it
        await pilot.pause()
        assert rows.highlighted_index == len(app.brief.sentences) - 1
        assert rows.max_scroll_y > 0 and rows.scroll_y == rows.max_scroll_y
        app.set_words(40)  # a budget the articles fill: no note
        await settle(pilot)
        assert app.brief.budget == 40 and note(app) is None

    run(scenario, paths=paths, words=900, size=(90, 20))  # small: the brief scrolls


def test_the_backend_help_gives_the_tui_s_own_default():
    """The app keeps one model whatever the input's size: not brief's static model past 1.5 million characters."""
    text = " ".join(invoke("--help").output.split())
    assert "Default: $SUMMARIZE_BACKEND, else onnx, at any size of input" in text and "1.5 million" not in text
