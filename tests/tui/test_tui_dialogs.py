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
