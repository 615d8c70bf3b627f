"""What the TUI tests share: running a scenario headless through Textual's Pilot with the fake
embedder, waiting for the app, and reading its brief, header, dialogs and notifications."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from textual.notifications import Notification, Notify
from textual.pilot import Pilot
from textual.widgets import Input

from tests.fakes import HashingEmbedder
from tui.app import BriefingApp, make_app
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


def run(
    scenario: Scenario, *, paths=None, embedder=None, words: int | None = 150, wait: bool = True, size=SIZE, **start
) -> BriefingApp:
    """Run `scenario(app, pilot, notifications)` headless at a fixed size; returns the app. `start`:
    how the brief starts (`choice`, `cluster`), as `summarize tui`'s options set it."""
    notifications: list[Notification] = []

    def hook(message) -> None:
        if isinstance(message, Notify):
            notifications.append(message.notification)

    async def main() -> BriefingApp:
        app = make_app(paths, embedder or HashingEmbedder(), words, **start)
        async with app.run_test(size=size, message_hook=hook) as pilot:
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
