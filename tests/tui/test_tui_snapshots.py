"""Screenshots of the TUI compared with accepted SVGs in tests/tui/__snapshots__ (pytest-textual-snapshot).

After an intended change of the look: `pytest tests/tui/test_tui_snapshots.py --snapshot-update`, then
inspect the new SVGs before committing them.
"""

from __future__ import annotations

from textual.pilot import Pilot

from tests.fakes import HashingEmbedder
from tui.app import make_app

SIZE = (120, 36)


async def brief_built(pilot: Pilot) -> None:
    for _ in range(500):
        if pilot.app.brief is not None:
            break
        await pilot.pause(0.02)
    await pilot.pause()


def test_main_screen(snap_compare):
    assert snap_compare(make_app(embedder=HashingEmbedder()), terminal_size=SIZE, run_before=brief_built)


def test_source_view_at_a_corroborating_sentence(snap_compare):
    async def open_corroboration(pilot: Pilot) -> None:
        await brief_built(pilot)
        await pilot.press(*["down"] * 4, "enter")  # to the sentence's corroborations
        await pilot.press("down", "enter")  # show the second one in its article
        await pilot.pause()

    assert snap_compare(make_app(embedder=HashingEmbedder()), terminal_size=SIZE, run_before=open_corroboration)


def test_themes_view(snap_compare):
    async def open_themes(pilot: Pilot) -> None:
        await brief_built(pilot)
        await pilot.press("t", "down")
        await pilot.pause()

    assert snap_compare(make_app(embedder=HashingEmbedder()), terminal_size=SIZE, run_before=open_themes)


def test_brief_in_a_prompts_sections(snap_compare):
    async def choose_briefing(pilot: Pilot) -> None:
        await brief_built(pilot)
        await pilot.press("p", "home", "enter")  # the first prompt: Briefing
        for _ in range(500):
            if pilot.app.brief.sections:
                break
            await pilot.pause(0.02)
        await pilot.press(*["down"] * 5)  # to the first sentence of the second section, under its heading
        await pilot.pause()

    # At the prompt's own budget, so that no notification covers the screen.
    assert snap_compare(make_app(embedder=HashingEmbedder(), words=250), terminal_size=SIZE, run_before=choose_briefing)
