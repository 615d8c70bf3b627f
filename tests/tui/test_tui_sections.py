"""The TUI's sectioned briefs (a prompt's sections, a focus question) and its method switch, driven
through the Pilot with the fake embedder, as in test_tui (helpers in tui_helpers)."""

from __future__ import annotations

import json

import pytest
from textual.widgets import Input, OptionList

from summarize.output.render import NOT_ADDRESSED, to_json, to_markdown
from summarize.sections.prompts import load_prompt
from tests.fakes import HashingEmbedder
from tests.tui.tui_helpers import answer, brief_list, errors, header, run, settle, until
from tui.choice import Choice
from tui.screens.main import MainScreen
from tui.screens.prompt_picker import PromptPicker
from tui.screens.text_input import TextInputScreen

MINE = """# Storm watch
What the storm did, and what officials said.

## Damage
- What damage did the storm do?

## Officials
- What did officials say?
"""


async def palette(pilot, command: str) -> None:
    """Run `command` from the command palette, as a user types it."""
    await pilot.press("ctrl+p")
    await pilot.press(*command)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


def rows(app, kind: str) -> list[str]:
    """The text of the brief pane's rows whose option id starts with `kind`: section, group, note."""
    options = brief_list(app).options
    return [str(option.prompt).strip() for option in options if (option.id or "").startswith(kind + "-")]


def test_a_prompt_from_the_palette_rebuilds_the_brief_in_its_sections(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    embedder = HashingEmbedder()
    briefing = load_prompt("briefing")

    async def scenario(app, pilot, notes):
        calls = len(embedder.calls)
        await palette(pilot, "Prompt: Briefing")
        await until(pilot, lambda: bool(app.brief.sections))
        await settle(pilot)
        titles = [section.title for section in briefing.sections]
        assert rows(app, "section") == titles
        assert [s["title"] for s in json.loads(to_json(app.brief))["sections"]] == titles
        assert app.brief.budget == briefing.words  # the prompt's own budget, said in a notification
        assert header(app).endswith("· concepts · Briefing") and str(briefing.words) in notes[-1].message
        assert len(embedder.calls) == calls + 1 and set(embedder.calls[-1]) <= {
            q for s in briefing.sections for q in s.questions
        }
        # Every sentence row still leads to its sentence in the source pane; headings are skipped.
        pane, seen = app.screen.source_pane, []
        await pilot.press("home")  # the highlight stays on the sentence it was on, if the new brief has it
        await pilot.pause()
        for _ in app.brief.sentences:
            seen.append(brief_list(app).highlighted_item)
            assert pane.item is seen[-1]
            await pilot.press("j")
            await pilot.pause(0.05)
        assert seen == list(app.brief.sentences)
        # + re-composes with the same prompt, without embedding anything again.
        await pilot.press("plus")
        await settle(pilot)
        assert app.brief.budget == briefing.words + 25 and rows(app, "section") == titles
        assert len(embedder.calls) == calls + 1
        await answer(pilot, "e", "brief.md")  # the export has the sections too
        await pilot.pause()
        written = (tmp_path / "brief.md").read_text(encoding="utf-8")
        assert written == to_markdown(app.brief) and f"## {titles[0]}" in written

    run(scenario, embedder=embedder)


def test_p_picks_a_prompt_with_speakers_and_plain_brief_comes_back():
    async def scenario(app, pilot, notes):
        await pilot.press("p")
        assert isinstance(app.screen, PromptPicker)
        picker = app.screen.query_one(OptionList)
        assert picker.highlighted_option.id == "plain"  # the current choice is marked and highlighted
        picker.highlighted = [option.id for option in picker.options].index("prompt:reactions")
        await pilot.press("enter")
        await until(pilot, lambda: bool(app.brief.sections))
        await settle(pilot)
        assert rows(app, "section") == ["Who said what"]
        speakers = [group.title for group in app.brief.sections[0].groups]
        assert speakers and rows(app, "group") == speakers
        assert "Reactions" in header(app)
        await pilot.press("p")
        assert app.screen.query_one(OptionList).highlighted_option.id == "prompt:reactions"
        await pilot.press("end", "enter")  # the last entry: Plain brief
        await settle(pilot)
        assert not app.brief.sections and "sections" not in json.loads(to_json(app.brief))
        assert rows(app, "section") == [] and brief_list(app).highlighted == 0
        assert header(app).endswith("· concepts")
        await pilot.press("p", "escape")  # cancelling changes nothing
        assert isinstance(app.screen, MainScreen) and not app.brief.sections
        for entry, title in [("file", "prompt file"), ("focus", "question")]:  # the picker's other entries ask
            await pilot.press("p")
            picker = app.screen.query_one(OptionList)
            picker.highlighted = [option.id for option in picker.options].index(entry)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, TextInputScreen) and title in app.screen.title_text
            await pilot.press("escape")
        assert isinstance(app.screen, MainScreen) and not app.brief.sections

    run(scenario, words=200)


def test_f_focuses_the_brief_on_a_question_and_says_when_no_article_addresses_it():
    async def scenario(app, pilot, notes):
        await answer(pilot, "f", "  How did   Russia respond?  ")
        await until(pilot, lambda: app.brief.focus is not None)
        await settle(pilot)
        assert app.brief.focus == "How did Russia respond?" and rows(app, "section") == ["How did Russia respond?"]
        assert "focus: How did Russia respond?" in header(app) and app.brief.sentences
        await answer(pilot, "f", "What about the weather on Mars?")
        await until(pilot, lambda: app.brief.focus == "What about the weather on Mars?")
        await settle(pilot)
        assert rows(app, "note") == [NOT_ADDRESSED] and not app.brief.sentences
        assert app.screen.query_one("#brief-switcher").current == "brief"  # the heading and why it is empty
        await palette(pilot, "Plain brief")
        await settle(pilot)
        assert app.brief.focus is None and app.brief.sentences and not errors(notes)

    run(scenario)


def test_an_empty_focus_question_is_refused_in_the_dialog():
    async def scenario(app, pilot, notes):
        await answer(pilot, "f", "   ")
        assert isinstance(app.screen, TextInputScreen) and "question" in errors(notes)[0]
        await pilot.press("escape")
        assert app.choice.focus is None and not app.brief.sections

    run(scenario)


def test_m_switches_the_method_without_re_embedding():
    embedder = HashingEmbedder()

    async def scenario(app, pilot, notes):
        calls, before = len(embedder.calls), app.brief
        await pilot.press("m")
        await settle(pilot)
        assert app.brief.method == "salience" and header(app).endswith("· salience")
        assert app.brief is not before and len(embedder.calls) == calls
        await palette(pilot, "Method: switch to concepts")
        await settle(pilot)
        assert app.brief.method == "concepts" and header(app).endswith("· concepts")
        assert len(embedder.calls) == calls and not errors(notes)

    run(scenario, embedder=embedder)


def test_the_method_and_the_sections_go_together_as_the_last_request_says():
    async def scenario(app, pilot, notes):
        await pilot.press("m")
        await settle(pilot)
        await palette(pilot, "Prompt: Timeline")  # sections choose by concepts: the method follows
        await until(pilot, lambda: bool(app.brief.sections))
        await settle(pilot)
        assert app.brief.method == "concepts" and "switched from salience" in notes[-1].message
        await pilot.press("m")  # salience makes a plain brief: the prompt is dropped, and it says so
        await settle(pilot)
        assert app.brief.method == "salience" and not app.brief.sections
        dropped, budget = notes[-2:]  # the prompt dropped, and its 200 words with it
        assert dropped.severity == "warning" and "Timeline" in dropped.message
        assert budget.message.startswith("The plain brief in 150 words") and app.brief.budget == 150
        assert not errors(notes)

    run(scenario)


def test_a_prompt_file_briefs_in_its_sections_and_a_bad_one_notifies(tmp_path):
    mine, bad = tmp_path / "mine.md", tmp_path / "bad.md"
    mine.write_text(MINE, encoding="utf-8")
    bad.write_text("# Broken\nNo sections follow.\n- a question outside any section\n", encoding="utf-8")

    async def scenario(app, pilot, notes):
        for path, says in [(bad, f"{bad}:3:"), (tmp_path / "missing.md", "no such prompt file")]:
            await palette(pilot, "Prompt from file")
            app.screen.query_one(Input).value = str(path)
            await pilot.press("enter")
            assert isinstance(app.screen, TextInputScreen) and says in errors(notes)[-1]
            await pilot.press("escape")
        assert not app.brief.sections and app.choice.prompt is None
        await palette(pilot, "Prompt from file")
        app.screen.query_one(Input).value = str(mine)
        await pilot.press("enter")
        await until(pilot, lambda: bool(app.brief.sections))
        await settle(pilot)
        assert rows(app, "section") == ["Damage", "Officials"] and "Storm watch" in header(app)

    run(scenario)


def test_a_failing_composition_notifies_and_keeps_the_brief_and_its_choice(monkeypatch):
    import summarize.pipeline
    from summarize.records import SummarizeError

    def failing(*args, **options):
        raise SummarizeError("the prompt's questions could not be embedded")

    async def scenario(app, pilot, notes):
        before = app.brief
        monkeypatch.setattr(summarize.pipeline, "compose_brief", failing)
        await palette(pilot, "Prompt: Briefing")
        await settle(pilot)
        assert "could not be embedded" in errors(notes)[-1]
        assert app.brief is before and app.choice.prompt is None and not header(app).endswith("Briefing")
        assert app.words == before.budget  # not the budget the prompt suggested

    run(scenario)


def test_the_add_dialog_says_what_it_reads():
    async def scenario(app, pilot, notes):
        await pilot.press("a")
        hint = str(app.screen.query_one("#dialog-hint").content)
        for accepted in (".txt", ".md", ".html", ".htm", "any encoding", "folder", "http(s)", "FILE.jsonl#ID"):
            assert accepted in hint

    run(scenario)


QUESTION = "How did Russia respond to the expulsion of its officials?"


@pytest.mark.parametrize("width", [80, 90, 120, 160])
@pytest.mark.parametrize("label", ["Briefing", f"focus: {QUESTION}"])
def test_the_header_shows_the_whole_prompt_label_at_every_width(width, label):
    """What the header shows on screen, not only what it holds: every part whole (the counts, the
    method, the prompt's title or the focus question), on one line when they fit, else on more."""
    choice = Choice("concepts", load_prompt("briefing")) if label == "Briefing" else Choice("concepts", focus=QUESTION)

    async def scenario(app, pilot, notes):
        widget = app.screen.query_one("#brief-header")
        lines = [strip.text.strip() for strip in widget.render_lines(widget.region.reset_offset)]
        shown = " ".join(lines)
        parts = [f"{app.brief.words} / 250 words", f"{len(app.brief.sentences)} sentences", "concepts", label]
        assert lines[0].startswith(parts[0]) and all(part in shown for part in parts) and "…" not in shown, lines
        assert (len(lines) == 1) == (len(header(app)) <= widget.content_size.width), lines
        assert widget.region.height == len(lines) and all(lines)  # no blank line, no line cut off

    run(scenario, size=(width, 30), choice=choice, words=250)


def test_a_question_too_long_for_the_header_ends_in_an_ellipsis_within_its_lines():
    from tui.widgets.brief_header import MAX_LINES, fitted, header_parts

    lines = fitted(header_parts(140, 150, 5, "concepts", "focus: " + "why " * 80), 36)
    assert len(lines) == MAX_LINES and all(line.cell_length <= 36 for line in lines)
    assert lines[0].plain == "140 / 150 words · 5 sentences" and lines[-1].plain.endswith("…")
    assert [line.plain for line in fitted(header_parts(140, 150, 5, "concepts", "Briefing"), 80)] == [
        "140 / 150 words · 5 sentences · concepts · Briefing"
    ]


def test_a_new_question_opens_at_its_heading_even_from_far_down_the_brief():
    """Asked from the fourth sentence of a small pane (80x24), the new focus brief starts at its
    first sentence with the question's heading in view: it had kept the fourth row, the heading
    scrolled away."""

    async def scenario(app, pilot, notes):
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert brief_list(app).highlighted_index == 3 and brief_list(app).scroll_y > 0
        await answer(pilot, "f", "How did Russia respond?")
        await until(pilot, lambda: app.brief.focus is not None)
        await settle(pilot)
        await pilot.pause()
        briefs = brief_list(app)
        assert briefs.highlighted_index == 0 and briefs.scroll_y == 0
        assert briefs.get_option_at_index(0).id == "section-0"
        await pilot.press("plus")  # a longer brief in the same sections keeps its sentence
        await settle(pilot)
        await pilot.press("j")
        await pilot.pause()
        kept = briefs.highlighted_item
        await pilot.press("minus")
        await settle(pilot)
        assert kept is not None and briefs.highlighted_item is not None
        assert briefs.highlighted_item.sentence == kept.sentence

    run(scenario, size=(80, 24))


def pick(app, key):
    picker = app.screen.query_one(OptionList)
    picker.highlighted = [option.id for option in picker.options].index(key)


def test_back_to_the_plain_brief_its_own_budget_comes_back_unless_the_reader_changed_the_prompt_s():
    async def scenario(app, pilot, notes):
        for prompt, budget in [("prompt:reactions", 200), ("prompt:briefing", 250)]:  # a prompt, then another
            await pilot.press("p")
            pick(app, prompt)
            await pilot.press("enter")
            await until(pilot, lambda: bool(app.brief.sections))
            await settle(pilot)
            assert app.brief.budget == budget
        await pilot.press("p", "end", "enter")  # Plain brief
        await settle(pilot)
        assert not app.brief.sections and app.brief.budget == 120
        assert "The plain brief in 120 words, its own budget; + and - change it." in [n.message for n in notes]
        await pilot.press("p")
        pick(app, "prompt:reactions")
        await pilot.press("enter")
        await until(pilot, lambda: bool(app.brief.sections))
        await answer(pilot, "l", "300")  # the reader's budget now, not the prompt's
        await settle(pilot)
        await pilot.press("p", "end", "enter")
        await settle(pilot)
        assert not app.brief.sections and app.brief.budget == 300

    run(scenario, words=120)


def test_started_in_a_prompt_at_its_budget_the_plain_brief_gets_the_default():
    from summarize.records import DEFAULT_WORDS
    from tui.choice import SECTIONED_METHOD, prompts

    reactions = next(prompt for prompt in prompts() if prompt.words == 200)

    async def scenario(app, pilot, notes):
        assert app.brief.budget == 200
        await pilot.press("p", "end", "enter")
        await settle(pilot)
        assert not app.brief.sections and app.brief.budget == DEFAULT_WORDS

    run(scenario, words=None, choice=Choice(SECTIONED_METHOD, prompt=reactions))


def test_a_budget_typed_with_a_prompt_stays_for_the_plain_brief():
    """`summarize tui --prompt reactions --words 200`: 200 is the reader's, not the prompt's own."""
    from tui.choice import SECTIONED_METHOD, prompts

    reactions = next(prompt for prompt in prompts() if prompt.words == 200)

    async def scenario(app, pilot, notes):
        assert app.brief.budget == 200
        await pilot.press("p", "end", "enter")
        await settle(pilot)
        assert not app.brief.sections and app.brief.budget == 200

    run(scenario, words=200, choice=Choice(SECTIONED_METHOD, prompt=reactions))
