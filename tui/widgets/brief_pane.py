"""The brief: a header with words used / budget and method, then one row per sentence."""

from __future__ import annotations

import time
from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from summarize.records import Brief, BriefSentence
from summarize.render import citation_markers


class BriefList(OptionList):
    """The brief's sentences; the highlighted one is shown in the source pane."""

    BINDINGS = [
        Binding("j", "cursor_down", "Next sentence (or ↓)", show=False, id="next-sentence"),
        Binding("k", "cursor_up", "Previous sentence (or ↑)", show=False, id="previous-sentence"),
        Binding("enter", "screen.evidence", "Evidence", show=False, id="evidence",
                tooltip="Go to the sentences that corroborate the highlighted one (Escape comes back)"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.brief: Brief | None = None

    @property
    def highlighted_item(self) -> BriefSentence | None:
        if self.brief is None or self.highlighted is None or self.highlighted >= len(self.brief.sentences):
            return None
        return self.brief.sentences[self.highlighted]

    def show_brief(self, brief: Brief) -> None:
        """Replace the rows, keeping the highlight on the same sentence when it is still there."""
        kept = self.highlighted_item
        previous_index = self.highlighted or 0
        self.brief = brief
        self.set_options(with_dividers(Option(sentence_prompt(n, item)) for n, item in enumerate(brief.sentences, 1)))
        if not brief.sentences:
            return
        spans = [item.sentence for item in brief.sentences]
        if kept is not None and kept.sentence in spans:
            self.highlighted = spans.index(kept.sentence)
        else:
            self.highlighted = min(previous_index, len(spans) - 1)


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
        item.sentence.text,
        " ",
        (citation_markers(item), "bold $text-accent"),
    )


def header_text(words: int, budget: int, sentences: int | None, method: str = "") -> Content:
    used = "—" if sentences is None else str(words)
    parts: list[str | tuple[str, str]] = [(f"{used} / {budget} words", "bold")]
    if sentences is not None:
        parts.append(f" · {sentences} sentence{'s' if sentences != 1 else ''}")
    if method:
        parts.append((f" · {method}", "$text-muted"))
    return Content.assemble(*parts)


class BriefPane(Vertical):
    """Switches between the brief, a loading indicator with the current step, and an empty state."""

    def compose(self) -> ComposeResult:
        yield Static(id="brief-header")
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

    def show_loading(self, step: str, budget: int) -> None:
        if self.query_one(ContentSwitcher).current != "loading":
            self._started = time.monotonic()
        self._step = step
        self.query_one("#brief-header", Static).update(header_text(0, budget, None, "building…"))
        self.query_one(ContentSwitcher).current = "loading"
        self._show_step()
        self._timer.resume()

    def _show_step(self) -> None:
        elapsed = int(time.monotonic() - self._started)
        self.query_one("#loading-step", Static).update(
            Content.assemble(f"{self._step}…", (f"  {elapsed} s" if elapsed else "", "$text-muted"))
        )

    def show_ranking(self, budget: int) -> None:
        self.query_one("#brief-header", Static).update(header_text(0, budget, None, "choosing sentences…"))

    def show_brief(self, brief: Brief) -> None:
        self._timer.pause()
        self.query_one("#brief-header", Static).update(
            header_text(brief.words, brief.budget, len(brief.sentences), brief.method)
        )
        self.brief_list.show_brief(brief)
        if brief.sentences:
            self.query_one(ContentSwitcher).current = "brief"
        else:
            self.show_message(f"No sentence fits in {brief.budget} words. Press + to widen the budget.")

    def show_message(self, message: str, budget: int | None = None) -> None:
        """An empty state: nothing to brief, an error, or a budget too small for any sentence."""
        self._timer.pause()
        if budget is not None:
            self.query_one("#brief-header", Static).update(header_text(0, budget, None))
        self.query_one("#brief-empty", Static).update(Content(message))
        self.query_one(ContentSwitcher).current = "brief-empty"
