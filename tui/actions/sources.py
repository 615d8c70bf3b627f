"""The app's actions on its sources: add articles (`a`), remove one (`x`), show one."""

from __future__ import annotations

import os
from functools import partial

from summarize.output.render import source_number
from summarize.records import Document
from summarize.wording import plural

from ..briefing import Briefing
from ..checks import check_article_path, expand
from ..plain import one_line
from ..screens.main import MainScreen
from ..screens.source_picker import SourcePicker
from ..screens.text_input import TextInputScreen
from .answered import if_answered


class SourceActions:
    """Mixed into BriefingApp: each change of the sources rebuilds the analysis."""

    def action_add_article(self: Briefing) -> None:
        self.push_screen(
            TextInputScreen(
                "Add articles",
                "",
                placeholder="path/to/article.txt, a folder, https://…, or data.jsonl#ID",
                hint="A file (.txt, .md, .html, .htm; any encoding), a folder of them, an http(s) address, or"
                " FILE.jsonl#ID (one cluster of a .jsonl file). → completes a path; Enter adds, Escape cancels",
                check=check_article_path,
                complete_paths=True,
            ),
            if_answered(partial(add_from, self)),
        )

    def add(self: Briefing, documents: tuple[Document, ...]) -> None:
        """Add the articles just read (those not in the brief already) and rebuild."""
        known = {identity(d) for d in self.documents}
        new = tuple(d for d in documents if identity(d) not in known)
        if not new:
            self.notify("Those articles are in the brief already.", severity="warning")
            return
        titles = ", ".join(one_line(d.title) for d in new)
        self.notify(
            f"Added {titles}. Rebuilding the brief.",
            title=f"{len(new)} {plural(len(new), 'article')} added",
            markup=False,
        )
        self.start_analysis(self.documents + new)

    def action_remove_source(self: Briefing) -> None:
        if not self.documents:
            self.notify("There are no sources to remove.", severity="warning")
            return
        picker = SourcePicker("Remove which source?", self.documents, self.main.selected_source())
        self.push_screen(picker, if_answered(self.remove_source))

    def remove_source(self: Briefing, index: int) -> None:
        removed = self.documents[index]
        self.notify(
            f"Removed [{source_number(index)}] {one_line(removed.title)}.", title="Source removed", markup=False
        )
        self.start_analysis(self.documents[:index] + self.documents[index + 1 :])

    def show_source(self: Briefing, index: int) -> None:
        if isinstance(self.screen, MainScreen):
            self.main.show_document(index)


def add_from(app: Briefing, value: str) -> None:
    app.notify(f"Reading {value.strip()}…", markup=False, timeout=2)
    app.read_articles([expand(value)], adding=True)


def identity(document: Document) -> str:
    """What makes two documents the same input: the real path of a file, else its name or URL."""
    return os.path.realpath(document.path) if os.path.exists(document.path) else document.path
