"""The app's actions that open another view: the themes (`t`) and the help (`?`)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType

from ..bindings import APP_BINDINGS, BRIEF_BINDINGS
from ..briefing import Briefing
from ..screens.help import HelpScreen
from ..screens.themes import ThemesScreen
from ..widgets.brief_pane import BriefList
from ..widgets.source_pane import CorroborationList


class ViewActions:
    def action_themes(self: Briefing) -> None:
        if self.analysis is None or self.brief is None:
            self.notify("The themes appear once the brief is built.", severity="warning")
            return
        self.push_screen(ThemesScreen(self.analysis, self.brief))

    def action_help(self: Briefing) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        tab = Binding("tab", "", "Next pane (shift+tab: previous)")
        moving = [*keys(BriefList.BINDINGS), *keys(CorroborationList.BINDINGS), tab]
        everywhere = [*APP_BINDINGS, Binding("ctrl+p", "", "Command palette: every action by name")]
        sections: dict[str, list[Binding]] = {
            "Brief": BRIEF_BINDINGS,
            "Moving around": moving,
            "Themes view": keys(ThemesScreen.BINDINGS),
        }
        self.push_screen(HelpScreen({**sections, "Everywhere": everywhere}))


def keys(bindings: Iterable[BindingType]) -> list[Binding]:
    """The bindings that are Binding objects: all of the app's are (each has an id and a tooltip)."""
    return [binding for binding in bindings if isinstance(binding, Binding)]
