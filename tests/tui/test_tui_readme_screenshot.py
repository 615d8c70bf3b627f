"""The README's TUI screenshot, docs/tui.svg: the app on the built-in sample with the real model, its
third brief sentence highlighted. The test fails when the picture no longer shows what the app
shows (the sample's brief changed); `SUMMARIZE_UPDATE_SCREENSHOT=1 python -m pytest
tests/tui/test_tui_readme_screenshot.py -m model` rewrites it."""

from __future__ import annotations

import asyncio
import html
import os
import re
from pathlib import Path

import pytest

from summarize.embedding.backends import default_embedder
from summarize.embedding.cache import with_cache
from tests.tui.tui_helpers import SIZE, settle, until
from tui.app import make_app

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "tui.svg"


def shown_text(svg: str) -> list[str]:
    """The characters an SVG screenshot shows, one string per text element (ids and styles aside)."""
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.DOTALL)
    return [html.unescape(re.sub(r"<[^>]+>", "", text)).replace("\xa0", " ") for text in texts]


def screenshot() -> str:
    async def main() -> str:
        app = make_app(None, with_cache(default_embedder()), 150)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app.brief is not None, seconds=120)
            await pilot.press("down")
            await settle(pilot)
            await pilot.press("down")  # the third sentence: Lavrov's suspension, which only [4] reports
            await settle(pilot)
            return app.export_screenshot(title="summarize")

    return asyncio.run(main())


@pytest.mark.model
def test_the_readme_screenshot_shows_what_the_app_shows():
    svg = screenshot()
    assert "Secretary-General Jens Stoltenberg" in " ".join(shown_text(svg))
    if os.environ.get("SUMMARIZE_UPDATE_SCREENSHOT"):
        SCREENSHOT.write_text(svg, encoding="utf-8")
    assert shown_text(SCREENSHOT.read_text(encoding="utf-8")) == shown_text(svg)
