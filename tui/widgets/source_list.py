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
        quoted, also = citations_by_source(brief) if brief else (Counter[int](), Counter[int]())
        self.set_options(
            Option(source_prompt(i, doc, (quoted[i], also[i]) if brief else None)) for i, doc in enumerate(documents)
        )
        self.display = bool(documents)
        if documents and highlighted is not None:  # no highlight until the reader moves into the list
            self.highlighted = min(highlighted, len(documents) - 1)


def citations_by_source(brief: Brief) -> tuple[Counter[int], Counter[int]]:
    """For each source (by index): how many brief sentences are taken from it, and how many others it
    also reports (cited as "(also [n])", or as giving another figure)."""
    quoted = Counter(item.sentence.document for item in brief.sentences)
    also: Counter[int] = Counter()
    for item in brief.sentences:
        also.update({other.sentence.document for other in item.also_in} | {d.sentence.document for d in item.disagrees})
    return quoted, also


def source_prompt(index: int, document: Document, cited: tuple[int, int] | None) -> Content:
    """The source's row: its number, title and (with `cited`, the counts of `citations_by_source`)
    how the brief cites it."""
    usage = ""
    if cited is not None:
        quoted, also = cited
        parts = [f"{quoted} in the brief"] if quoted else []
        parts += [f"also reports {also}"] if also else []
        usage = "".join(f" · {part}" for part in parts or ["not cited"])
    return Content.assemble(
        (f"[{source_number(index)}] ", "bold $text-accent"), one_line(document.title), (usage, "$text-muted")
    )
