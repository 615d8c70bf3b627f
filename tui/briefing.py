"""`Briefing`: the app as its actions and the command palette see it. They are typed against this
protocol, not against `BriefingApp`, so that the app can import them without an import ring."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

from textual.notifications import SeverityLevel
from textual.screen import Screen, ScreenResultCallbackType, ScreenResultType
from textual.widget import AwaitMount

from summarize.records import Analysis, Document
from summarize.sections.prompts import Prompt

from .choice import Choice
from .screens.main import AppState, MainScreen


class Briefing(AppState, Protocol):
    analysis: Analysis | None
    choice: Choice  # what the next re-rank composes with
    # While a prompt's own budget is in use: (the plain brief's budget, the prompt's), so that the
    # plain brief gets its own length back (see `ChoosingActions.set_choice`).
    plain_budget: tuple[int, int] | None
    main: MainScreen

    # --- from Textual's App
    @property
    def screen(self) -> Screen[Any]: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def push_screen(
        self,
        screen: Screen[ScreenResultType],
        callback: ScreenResultCallbackType[ScreenResultType] | None = None,
        wait_for_dismiss: Literal[False] = False,
    ) -> AwaitMount: ...

    # --- the app's own (BriefingApp)
    def rebrief(self) -> None: ...

    def start_analysis(self, documents: tuple[Document, ...]) -> None: ...

    def read_articles(self, inputs: Sequence[str | Path], adding: bool) -> object: ...  # starts a worker

    # --- the actions (tui.actions), which call each other and the palette calls
    def set_words(self, words: int) -> None: ...

    def set_choice(self, choice: Choice, words: int | None = None) -> None: ...

    def choose_prompt(self, prompt: Prompt) -> None: ...

    def focus_on(self, question: str) -> None: ...

    def plain_brief(self) -> None: ...

    def action_prompt_file(self) -> None: ...

    def action_focus(self) -> None: ...

    def action_switch_method(self) -> None: ...

    def action_help(self) -> None: ...

    def show_source(self, index: int) -> None: ...

    def remove_source(self, index: int) -> None: ...

    def export(self, path: Path) -> None: ...
