"""`?`: what the screen shows and every key, built from the bindings themselves so it never drifts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

INTRODUCTION = """\
# summarize

Every sentence of the brief is copied word for word from one article. **[n]** is the article it
comes from; **(also [m])** lists other articles that report the same thing, and **[m] gives ...** one
that reports it with another figure; **(only [n])** marks a development that only article [n] reports.

- **Brief** (left): move with ↑/↓ or j/k. The header shows words used / budget, the method
  (**m** switches between concepts and salience) and the prompt or focus question, if any.
- **Sections**: **p** briefs in the sections of a prompt (briefing, reactions, timeline, or your
  own .md file), each under its heading; **f** briefs what answers one question you type. A section
  that no article addresses says so. "Plain brief" (in **p** or ctrl+p) drops the sections.
- **Source** (right): the cited article, scrolled to the highlighted sentence, which is marked in
  place; other brief sentences from that article are underlined. Below it, the sentences in other
  articles that corroborate it: Enter or a click shows one in its article.
- **Sources** (bottom left): the numbered articles, each with how many brief sentences are taken
  from it and how many more it also reports; Enter shows one from the top.
- Tab moves between the panes; **ctrl+p** finds any command by name.
"""


def key_rows(bindings: Iterable[Binding], key_display: Callable[[Binding], str]) -> list[str]:
    """One table row per binding: all its keys (the first as the footer shows it) and what it does."""
    rows = []
    for binding in bindings:
        first, *others = (key.strip() for key in binding.key.split(","))
        keys = [key_display(Binding(first, binding.action, key_display=binding.key_display))]
        keys += [key_display(Binding(key, binding.action)) for key in others]
        does = f"**{binding.description}**: {binding.tooltip}" if binding.tooltip else binding.description
        rows.append(f"| {' / '.join(f'`{key}`' for key in keys)} | {does} |")
    return rows


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "dismiss", "Close help", key_display="esc", id="close-help"),
    ]

    def __init__(self, sections: dict[str, Iterable[Binding]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        text = INTRODUCTION
        for heading, bindings in self.sections.items():
            text += f"\n## {heading}\n\n| Key | Does |\n|---|---|\n"
            text += "\n".join(key_rows(bindings, self.app.get_key_display)) + "\n"
        text += "\nPress Escape or ? to close this help.\n"
        with VerticalScroll(id="help-body"):
            yield Markdown(text, id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()
