"""The brief: a header with words used / budget and method, then one row per sentence."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Region
from textual.widgets import ContentSwitcher, LoadingIndicator, Static
from textual.widgets.option_list import Option

from summarize.output.render import (
    NOT_ADDRESSED,
    NOTHING_FITS,
    citation_markers,
    empty_brief_note,
    shortfall_note,
    wider_budget_helps,
)
from summarize.records import Brief, BriefSentence

from ..plain import one_line, printable
from .brief_header import BriefHeader
from .wrapped_list import WrappedOptionList

SENTENCE = "sentence-"  # option id of a brief sentence: SENTENCE + its index in Brief.sentences


class BriefList(WrappedOptionList):
    """The brief's sentences, under their section headings in a sectioned brief; the highlighted
    sentence is shown in the source pane. Headings are disabled rows: the highlight skips them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next sentence (or ↓)", show=False, id="next-sentence"),
        Binding("k", "cursor_up", "Previous sentence (or ↑)", show=False, id="previous-sentence"),
        Binding(
            "enter",
            "screen.evidence",
            "Evidence",
            show=False,
            id="evidence",
            tooltip="Go to the sentences that corroborate the highlighted one (Escape comes back)",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.brief: Brief | None = None

    @property
    def highlighted_index(self) -> int | None:
        """The index in the brief's sentences of the highlighted row, if it is a sentence."""
        if self.brief is None or self.highlighted is None or self.highlighted >= self.option_count:
            return None
        option_id = self.get_option_at_index(self.highlighted).id or ""
        if not option_id.startswith(SENTENCE):
            return None
        index = int(option_id.removeprefix(SENTENCE))
        return index if index < len(self.brief.sentences) else None

    @property
    def highlighted_item(self) -> BriefSentence | None:
        index = self.highlighted_index
        return None if index is None or self.brief is None else self.brief.sentences[index]

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Keep the headings just above the highlighted sentence in view too: the first sentence of
        a section reads with its heading (and its speaker's name)."""
        super().scroll_to_highlight(top)
        highlighted = first = self.highlighted
        if first is None or highlighted is None or top:
            return
        if highlighted + 1 < self.option_count and all(
            self.get_option_at_index(i).disabled for i in range(highlighted + 1, self.option_count)
        ):  # the last sentence: the note under it (the articles ran out, a section has none) comes into view too
            self.scroll_end(animate=False, immediate=True)
            return
        while first > 0 and self.get_option_at_index(first - 1).disabled:
            first -= 1
        try:  # OptionList's line map is private: without it, the sentence alone is in view
            start = self._index_to_line[first]
            end = self._index_to_line[highlighted] + self._heights[highlighted]
        except (AttributeError, KeyError, IndexError):
            return
        if first != highlighted:
            width = self.scrollable_content_region.width
            self.scroll_to_region(Region(0, start, width, end - start), animate=False, immediate=True)

    def show_brief(self, brief: Brief) -> None:
        """Replace the rows, keeping the highlight on the same sentence when it is still there. A
        brief in other sections (a new question or prompt) is a new text: it opens at its top."""
        resectioned = self.brief is None or section_titles(self.brief) != section_titles(brief)
        kept = None if resectioned else self.highlighted_item
        previous_index = 0 if resectioned else self.highlighted_index or 0
        self.brief = brief
        self.set_options(brief_rows(brief))
        if not brief.sentences:
            self.highlighted = None
            return
        spans = [item.sentence for item in brief.sentences]
        index = spans.index(kept.sentence) if kept is not None and kept.sentence in spans else None
        if index is None:
            index = min(previous_index, len(spans) - 1)
        self.highlighted = self.get_option_index(f"{SENTENCE}{index}")
        if resectioned:
            self.scroll_home(animate=False, immediate=True)


def section_titles(brief: Brief) -> tuple[str, ...]:
    return tuple(section.title for section in brief.sections)


def brief_rows(brief: Brief) -> list[Option | None]:
    """One row per sentence, then the note the CLI prints on stderr when the articles ran out
    before the budget did."""
    if brief.sections:
        rows = section_rows(brief)
    else:
        rows = with_dividers(sentence_option(brief, index) for index in range(len(brief.sentences)))
    shortfall = shortfall_note(brief)
    if shortfall is not None:
        rows.append(Option(Content.styled(shortfall, "italic $text-muted"), id="shortfall", disabled=True))
    return rows


def section_rows(brief: Brief) -> list[Option | None]:
    """Each section's sentences under its heading (and a speaker's under the speaker's name), or
    why a section has none."""
    rows: list[Option | None] = []
    for number, section in enumerate(brief.sections):
        rows.append(heading_option(f"section-{number}", section.title, first=not number))
        for group_number, group in enumerate(section.groups or [None]):
            members = section.sentences if group is None else group.sentences
            if group is not None:
                title = Content.styled(f"  {one_line(group.title)}", "bold $text-secondary")
                rows.append(Option(title, id=f"group-{number}-{group_number}", disabled=True))
            rows += with_dividers(sentence_option(brief, index) for index in members)
        if not section.sentences:
            note = NOT_ADDRESSED if not section.addressed else NOTHING_FITS
            rows.append(Option(Content.styled(f"  {note}", "italic $text-muted"), id=f"note-{number}", disabled=True))
    return rows


def heading_option(option_id: str, title: str, first: bool) -> Option:
    return Option(
        Content.assemble("" if first else "\n", (one_line(title), "bold underline $text-accent")),
        id=option_id,
        disabled=True,
    )


def sentence_option(brief: Brief, index: int) -> Option:
    return Option(sentence_prompt(index + 1, brief.sentences[index]), id=f"{SENTENCE}{index}")


def with_dividers(options: Iterable[Option]) -> list[Option | None]:
    """A thin rule between rows (None is OptionList's divider): long sentences wrap, numbers alone
    do not separate them well enough."""
    rows: list[Option | None] = []
    for option in options:
        rows += [option, None]
    return rows[:-1]


def sentence_prompt(number: int, item: BriefSentence) -> Content:
    return Content.assemble(
        (f"{number}. ", "bold $text-muted"),
        printable(item.sentence.text),
        " ",
        (citation_markers(item), "bold $text-accent"),
    )


class BriefPane(Vertical):
    """Switches between the brief, a loading indicator with the current step, and an empty state."""

    def compose(self) -> ComposeResult:
        yield BriefHeader(id="brief-header")
        with ContentSwitcher(initial="loading", id="brief-switcher"):
            yield BriefList(id="brief")
            with Vertical(id="loading"):
                yield LoadingIndicator()
                yield Static(id="loading-step")
            yield Static(id="brief-empty")

    def on_mount(self) -> None:
        self.border_title = "Brief"
        self._step, self._started = "Starting", time.monotonic()
        # Elapsed seconds reassure the reader that a slow first model load is progressing.
        self._timer = self.set_interval(1.0, self._show_step, pause=True)

    @property
    def brief_list(self) -> BriefList:
        return self.query_one(BriefList)

    @property
    def header(self) -> BriefHeader:
        return self.query_one(BriefHeader)

    def show_loading(self, step: str, budget: int) -> None:
        if self.query_one(ContentSwitcher).current != "loading":
            self._started = time.monotonic()
        self._step = step
        self.header.show(0, budget, None, "building…")
        self.query_one(ContentSwitcher).current = "loading"
        self._show_step()
        self._timer.resume()

    def _show_step(self) -> None:
        elapsed = int(time.monotonic() - self._started)
        self.query_one("#loading-step", Static).update(
            Content.assemble(f"{one_line(self._step)}…", (f"  {elapsed} s" if elapsed else "", "$text-muted"))
        )

    def show_ranking(self, budget: int) -> None:
        self.header.show(0, budget, None, "choosing sentences…")

    def show_brief(self, brief: Brief, label: str = "") -> None:
        self._timer.pause()
        self.header.show(brief.words, brief.budget, len(brief.sentences), brief.method, label)
        self.brief_list.show_brief(brief)
        if brief.sentences or brief.sections:  # a section with nothing says why, under its heading
            self.query_one(ContentSwitcher).current = "brief"
        else:
            widen = " Press + to widen the budget." if wider_budget_helps(brief) else ""
            self.show_message(empty_brief_note(brief) + widen)

    def show_message(self, message: str, budget: int | None = None) -> None:
        """An empty state: nothing to brief, an error, or a budget too small for any sentence."""
        self._timer.pause()
        if budget is not None:
            self.header.show(0, budget, None)
        self.query_one("#brief-empty", Static).update(Content(printable(message)))
        self.query_one(ContentSwitcher).current = "brief-empty"
