"""The evidence behind one brief sentence: the cited article at that sentence, the sentences in
other articles that report the same fact, and those that give it another figure (Enter or a click
shows one of them in place)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from summarize.output.render import (
    NOT_FOUND_ELSEWHERE,
    ONE_ARTICLE,
    ONLY_SOURCE,
    disagreement_notes,
    source_number,
)
from summarize.records import Brief, BriefSentence, Corroboration, Disagreement, Document, Sentence
from summarize.wording import plural

from ..plain import one_line, printable
from .article_view import ArticleView, Spans
from .brief_pane import with_dividers
from .path_line import PathLine
from .wrapped_list import WrappedOptionList


class CorroborationList(WrappedOptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "screen.back_to_brief",
            "Back",
            id="back-to-brief",
            tooltip="Back to the brief, at the cited sentence",
        ),
    ]


class SourcePane(Vertical):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.documents: tuple[Document, ...] = ()
        self.brief: Brief | None = None
        self.item: BriefSentence | None = None
        self.shown_document: int | None = None  # index of the article on screen

    def compose(self) -> ComposeResult:
        yield Static(id="source-title")
        yield PathLine(id="source-meta")
        yield ArticleView(id="article")
        yield Static(id="also-title")
        yield CorroborationList(id="corroborations")

    def on_mount(self) -> None:
        self.border_title = "Source"

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def corroboration_list(self) -> CorroborationList:
        return self.query_one(CorroborationList)

    def cited_spans(self, document: int) -> Spans:
        if self.brief is None:
            return ()
        sentences = (item.sentence for item in self.brief.sentences)
        return tuple((s.start, s.end) for s in sentences if s.document == document)

    def show_item(self, brief: Brief, number: int, item: BriefSentence) -> None:
        """Brief sentence `number` (1-based): its article at that sentence, and its corroborations."""
        self.documents, self.brief, self.item = brief.documents, brief, item
        evidence: tuple[Corroboration | Disagreement, ...] = (*item.also_in, *item.disagrees)
        count = len(evidence)
        self._set_title(item.sentence.document, f"brief sentence {number} · theme #{item.cluster}")
        self._show_article(item.sentence.document, item.sentence)
        if item.also_in:
            sources = "".join(f"[{source_number(d)}]" for d in sorted({c.sentence.document for c in item.also_in}))
            also = f"Also reported in {sources}"
        elif len(brief.documents) == 1:  # nothing to look for elsewhere: "not found" would mislead
            also = ONE_ARTICLE
        else:
            also = ONLY_SOURCE if item.only_source else NOT_FOUND_ELSEWHERE
        if item.disagrees:
            also += " · Disagree: " + "; ".join(disagreement_notes(item))
        if count:
            also += " · Enter shows one in place"
        self.query_one("#also-title", Static).update(Content.styled(also, "bold"))
        self.corroboration_list.set_options(with_dividers(Option(corroboration_prompt(brief, c)) for c in evidence))
        self.corroboration_list.display = bool(count)
        if count:
            self.corroboration_list.highlighted = 0

    def show_document(self, documents: tuple[Document, ...], brief: Brief | None, index: int) -> None:
        """A whole article from the top (chosen in the source list), its cited sentences underlined."""
        self.documents, self.brief, self.item = documents, brief, None
        cited = len(self.cited_spans(index))
        verb = plural(cited, "is", "are")
        self._set_title(index, f"{cited} of its sentences {verb} in the brief (underlined)" if brief else "")
        self._show_article(index, None)
        self.query_one("#also-title", Static).update(
            Content.styled("Highlight a brief sentence to see what corroborates it.", "$text-muted")
        )
        self.corroboration_list.display = False

    def clear(self, message: str) -> None:
        self.documents, self.brief, self.item, self.shown_document = (), None, None, None
        self.query_one("#source-title", Static).update("")
        self.query_one("#source-meta", PathLine).show("", "")
        self.query_one("#also-title", Static).update("")
        self.corroboration_list.clear_options()
        self.corroboration_list.display = False
        self.article.clear(message)

    @on(OptionList.OptionSelected, "#corroborations")
    def _show_corroboration(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.brief is None or self.item is None:
            return
        evidence: tuple[Corroboration | Disagreement, ...] = (*self.item.also_in, *self.item.disagrees)
        corroboration = evidence[event.option_index]
        sentence = corroboration.sentence
        relation = (
            f"Disagrees with [{source_number(self.item.sentence.document)}]: {corroboration.what}"
            if isinstance(corroboration, Disagreement)
            else f"Corroborates [{source_number(self.item.sentence.document)}]"
        )
        self._set_title(
            sentence.document,
            f"{relation} · similarity {corroboration.similarity:.2f} · move in the brief to go back",
        )
        self._show_article(sentence.document, sentence)

    def _set_title(self, index: int, meta: str) -> None:
        document = self.documents[index]
        self.query_one("#source-title", Static).update(
            Content.assemble((f"[{source_number(index)}] ", "bold $text-accent"), (one_line(document.title), "bold"))
        )
        self.query_one("#source-meta", PathLine).show(meta, document.path)

    def _show_article(self, index: int, focus: Sentence | None) -> None:
        self.shown_document = index
        span = (focus.start, focus.end) if focus is not None else None
        self.article.show(self.documents[index], span, self.cited_spans(index))


def corroboration_prompt(brief: Brief, corroboration: Corroboration | Disagreement) -> Content:
    """A corroborating sentence, or a disagreeing one with what it gives instead (in warning colour)."""
    sentence = corroboration.sentence
    differs = ((f"  {corroboration.what}", "bold $text-warning"),) if isinstance(corroboration, Disagreement) else ()
    return Content.assemble(
        (f"[{source_number(sentence.document)}] ", "bold $text-accent"),
        (one_line(brief.documents[sentence.document].title), "bold"),
        *differs,
        (f"  {corroboration.similarity:.2f}\n", "$text-muted"),
        printable(sentence.text),
    )
