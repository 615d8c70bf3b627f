"""The numbered sources, so that a citation [n] can be read as a title; Enter shows the article."""

from __future__ import annotations

from collections import Counter

from textual.content import Content
from textual.widgets.option_list import Option

from summarize.output.render import source_number
from summarize.records import Brief, Document

from ..plain import one_line
from .wrapped_list import WrappedOptionList


class SourceList(WrappedOptionList):
    def show_sources(self, documents: tuple[Document, ...], brief: Brief | None) -> None:
        highlighted = self.highlighted
        cited = Counter(item.sentence.document for item in brief.sentences) if brief else Counter()
        self.set_options(Option(source_prompt(i, doc, cited[i] if brief else None)) for i, doc in enumerate(documents))
        self.display = bool(documents)
        if documents and highlighted is not None:  # no highlight until the reader moves into the list
            self.highlighted = min(highlighted, len(documents) - 1)


def source_prompt(index: int, document: Document, cited: int | None) -> Content:
    if cited is None:
        usage = ""
    elif cited:
        usage = f" · {cited} in the brief"
    else:
        usage = " · not cited"
    return Content.assemble(
        (f"[{source_number(index)}] ", "bold $text-accent"), one_line(document.title), (usage, "$text-muted")
    )
