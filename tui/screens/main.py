"""The main screen: the brief on the left, the evidence for the highlighted sentence on the right.

It only displays what the app holds; every change of state goes through an app action.
"""

from __future__ import annotations

from typing import ClassVar, Protocol, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList

from summarize.records import Brief, Document

from ..bindings import BRIEF_BINDINGS, FOOTER_FIRST
from ..widgets.brief_pane import BriefList, BriefPane
from ..widgets.source_list import SourceList
from ..widgets.source_pane import SourcePane


class AppState(Protocol):
    """What the screen shows of the app's state (the app provides it; the screen never changes it)."""

    words: int
    documents: tuple[Document, ...]
    brief: Brief | None


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [*FOOTER_FIRST, *BRIEF_BINDINGS]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield BriefPane(id="brief-pane")
                yield SourceList(id="sources")
            yield SourcePane(id="source-pane")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sources").border_title = "Sources"
        self.brief_list.focus()

    @property
    def app_state(self) -> AppState:
        return cast(AppState, self.app)

    @property
    def brief_pane(self) -> BriefPane:
        return self.query_one(BriefPane)

    @property
    def brief_list(self) -> BriefList:
        return self.query_one(BriefList)

    @property
    def source_pane(self) -> SourcePane:
        return self.query_one(SourcePane)

    @property
    def source_list(self) -> SourceList:
        return self.query_one(SourceList)

    def show_loading(self, step: str) -> None:
        self.brief_pane.show_loading(step, self.app_state.words)
        self.source_list.show_sources(self.app_state.documents, None)
        if self.source_pane.shown_document is None:
            self.source_pane.clear("The evidence for each sentence appears here once the brief is built.")

    def show_ranking(self) -> None:
        """A selection is taking a while: say so in the header, keep the old brief readable."""
        self.brief_pane.show_ranking(self.app_state.words)

    def show_brief(self, brief: Brief, label: str = "") -> None:
        """`label`: the prompt or focus question the brief was composed with, for the header."""
        self.brief_pane.show_brief(brief, label)
        self.source_list.show_sources(brief.documents, brief)
        self.show_highlighted()
        if self.focused is None:
            self.brief_list.focus()

    def show_message(self, message: str, documents: tuple[Document, ...]) -> None:
        """Nothing to show: no articles, or analysis failed."""
        self.brief_pane.show_message(message, self.app_state.words)
        self.source_list.show_sources(documents, None)
        self.source_pane.clear("Press a to add an article.")

    def show_highlighted(self) -> None:
        """Point the source pane at the highlighted brief sentence."""
        item = self.brief_list.highlighted_item
        brief = self.brief_list.brief
        if item is None or brief is None:
            if self.app_state.documents:
                self.source_pane.show_document(self.app_state.documents, self.app_state.brief, 0)
            return
        self.source_pane.show_item(brief, (self.brief_list.highlighted_index or 0) + 1, item)

    def show_document(self, index: int) -> None:
        self.source_pane.show_document(self.app_state.documents, self.app_state.brief, index)

    def selected_source(self) -> int:
        """The source a remove command should offer first: the one the reader is looking at."""
        if self.focused is self.source_list and self.source_list.highlighted is not None:
            return self.source_list.highlighted
        return self.source_pane.shown_document or 0

    @on(OptionList.OptionHighlighted, "#brief")
    def _brief_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_highlighted()

    def action_evidence(self) -> None:
        """From a brief sentence to its evidence: the corroborations, else the article itself."""
        corroborations = self.source_pane.corroboration_list
        if corroborations.display and corroborations.option_count:
            corroborations.focus()
        elif self.source_pane.article.document is not None:
            self.source_pane.article.focus()

    def action_back_to_brief(self) -> None:
        self.brief_list.focus()
        self.show_highlighted()

    @on(OptionList.OptionSelected, "#sources")
    def _source_selected(self, event: OptionList.OptionSelected) -> None:
        self.show_document(event.option_index)
