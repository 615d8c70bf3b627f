"""Every action in the command palette (ctrl+p), plus one command per source to show or remove it and
one per shipped prompt."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from summarize.output.render import source_number

from .bindings import BRIEF_BINDINGS
from .briefing import Briefing
from .choice import available_prompts
from .plain import as_markup, highlighted, one_line

Command = tuple[str, Callable[[], object], str]  # name, what it runs, help: plain text, never markup
OWN_COMMANDS = {"choose-prompt", "focus", "switch-method"}  # bindings with commands of their own below


class BriefCommands(Provider):
    @property
    def briefing_app(self) -> Briefing:
        return cast(Briefing, self.app)

    def commands(self) -> list[Command]:
        app = self.briefing_app
        found: list[Command] = []
        for binding in BRIEF_BINDINGS:
            if binding.id in OWN_COMMANDS:
                continue
            action = getattr(app, "action_" + binding.action.removeprefix("app."))
            keys = binding.key_display or binding.key.replace(",", " or ")
            found.append((f"{binding.description}: {binding.tooltip}", action, f"key {keys}"))
        found += self.choosing_commands()
        found.append(("Help: the keys and what the panes mean", app.action_help, "key ?"))
        for verb, run in (("Show", app.show_source), ("Remove", app.remove_source)):
            for index, document in enumerate(app.documents):
                name = f"{verb} source [{source_number(index)}]: {document.title}"
                found.append((name, partial(run, index), document.path))
        return found

    def choosing_commands(self) -> list[Command]:
        """One command per shipped prompt, then one's own prompt file, a focus question, the plain
        brief and the other method."""
        app = self.briefing_app
        shipped, _ = available_prompts()
        found: list[Command] = [
            (f"Prompt: {prompt.title}", partial(app.choose_prompt, prompt), f"{prompt.description} (or key p)")
            for prompt in shipped
        ]
        found += [
            ("Prompt from file…", app.action_prompt_file, "Brief in the sections of your own .md prompt"),
            ("Focus on a question…", app.action_focus, "The brief keeps what answers a question you type (key f)"),
            ("Plain brief", app.plain_brief, "No sections: the most informative sentences (key p)"),
        ]
        method = app.choice.other_method()
        found.append((f"Method: switch to {method}", app.action_switch_method, f"Now {app.choice.method} (key m)"))
        return found

    def plain_commands(self) -> list[Command]:
        """The commands with names and help fit to show: a source's title or path is article text."""
        return [(one_line(name), command, as_markup(help_text)) for name, command, help_text in self.commands()]

    async def discover(self) -> Hits:
        for name, command, help_markup in self.plain_commands():
            yield DiscoveryHit(Content(name), command, text=name, help=help_markup)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_markup in self.plain_commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, highlighted(matcher, name), command, text=name, help=help_markup)
