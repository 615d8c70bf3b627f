"""The TUI's dialogs as a keyboard drives them: keys that arrive in one burst (a loaded machine,
a macro, tmux send-keys) are applied in the order they were typed."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input

from tests.tui.tui_helpers import errors, run, settle, until
from tui.screens.main import MainScreen


def burst(app, keys: list[str]) -> None:
    """Post `keys` to the app at once, as a terminal delivers keys that arrived together."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


@pytest.mark.parametrize(
    "keys",
    [
        ["x", "y", "ctrl+u", *"How?", "enter"],  # the editing key ran after the text: Enter sent ""
        [*"Hox", "backspace", *"w?", "enter"],  # backspace took the last character typed: "Hox?"→"How"
        ["H", "w", "left", "o", "end", "?", "enter"],  # the cursor moved after the text: "Hwo?"
    ],
)
def test_keys_arriving_together_are_applied_in_the_order_typed(keys):
    async def scenario(app, pilot, notes):
        await pilot.press("f")
        assert app.screen.query_one(Input).value == ""
        burst(app, keys)
        await until(pilot, lambda: isinstance(app.screen, MainScreen) or bool(errors(notes)))
        await settle(pilot)
        assert not errors(notes) and app.choice.focus == "How?"

    run(scenario)


@pytest.mark.parametrize("size, width", [((60, 24), 54), ((80, 24), 72), ((120, 40), 72), ((200, 60), 100)])
@pytest.mark.parametrize("key", ["f", "p"])
def test_a_dialog_grows_to_half_a_wide_terminal_and_stays_on_a_narrow_one(size, width, key):
    """Dialogs stayed 72 columns wide at 200 (a prompt's description wrapped in a third of the screen)."""

    async def scenario(app, pilot, notes):
        await pilot.press(key)
        await pilot.pause()
        assert app.screen.query_one("#dialog").outer_size.width == width

    run(scenario, size=size)


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40), (200, 60)])
def test_the_prompt_picker_s_wrapped_lines_hang_under_their_entry_s_text(size):
    """An entry's wrapped lines started at the margin, as if each were another entry."""

    async def scenario(app, pilot, notes):
        await pilot.press("p")
        await until(pilot, lambda: getattr(app.screen.query_one("#picker"), "entries_width", 0) > 0)
        await pilot.pause()
        picker = app.screen.query_one("#picker")
        lines = [str(option.prompt).split("\n") for option in picker.options]
        assert any(len(entry) > 2 for entry in lines)  # some entry wraps: the case in question
        for first, *rest in lines:
            assert first.startswith(("  ", "● ")) and all(line.startswith("  ") and line[2] != " " for line in rest)
            assert all(len(line) <= picker.entries_width for line in [first, *rest])
        assert picker.virtual_size.height == sum(len(entry) for entry in lines)  # not wrapped again
        await pilot.press("down", "down", "enter")  # the highlight and choosing work as before
        await until(pilot, lambda: app.choice.prompt is not None)

    run(scenario, size=size)
