"""The Textual app: it holds the articles, their analysis and the current brief, and runs the slow
core calls in workers. What each key does is in `actions/` (a core call plus a redraw). No summarizing here."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import BindingType
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.worker import get_current_worker

from summarize.embedding.backends import default_embedder
from summarize.embedding.base import Embedder
from summarize.embedding.cache import with_cache
from summarize.inputs.documents import SkippedFile, read_documents, sample_documents, skipped_note
from summarize.records import DEFAULT_WORDS, Analysis, Brief, Document
from summarize.wording import plural

from .actions import (
    BudgetActions,
    ChoosingActions,
    ExportActions,
    SourceActions,
    ViewActions,
)
from .bindings import APP_BINDINGS
from .checks import check_input
from .choice import Choice, compose
from .commands import BriefCommands
from .plain import one_line, printable
from .screens.main import MainScreen
from .terminal import screen_measuring
from .workers import (
    AnalysisCancelled,
    AnalysisDone,
    AnalysisFailed,
    AnalysisStep,
    ArticlesRead,
    BriefComposed,
    RememberingEmbedder,
    describe,
)


# `f` is the focus question (ChoosingActions.action_focus), not Textual's focus-a-widget action.
class BriefingApp(  # type: ignore[misc]
    ChoosingActions, BudgetActions, SourceActions, ExportActions, ViewActions, App[None]
):
    TITLE = "summarize"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {BriefCommands}
    BINDINGS: ClassVar[list[BindingType]] = [*APP_BINDINGS]

    def __init__(
        self,
        paths: Sequence[Path] | None = None,
        embedder: Embedder | None = None,
        words: int | None = None,
        choice: Choice | None = None,
        cluster: str | None = None,
        timeout: float | None = None,
        max_download: int | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths or [])
        self.cluster = cluster  # the cluster of a .jsonl file among `paths` (`summarize tui --cluster`)
        # How URLs are fetched, at the start and when added (seconds, bytes; None: the library's defaults).
        self.timeout, self.max_download = timeout, max_download
        # The real model loads on its first use, inside the worker; the disk cache spares it entirely
        # for articles briefed before (the CLI's cache: a sentence is embedded once, whichever shell).
        self.embedder = RememberingEmbedder(embedder or with_cache(default_embedder()))
        self.choice = choice or Choice()  # the method, and a prompt or focus question: what every re-rank composes
        prompt_words = self.choice.prompt.words if self.choice.prompt is not None else None
        # `words` None: not typed (`summarize tui --prompt` without --words), the prompt's own budget, which
        # is its brief's only (the plain brief is then DEFAULT_WORDS); a typed budget is the reader's, kept.
        self.words = words if words is not None else prompt_words or DEFAULT_WORDS
        self.plain_budget: tuple[int, int] | None = (
            (DEFAULT_WORDS, prompt_words) if words is None and prompt_words and prompt_words != DEFAULT_WORDS else None
        )
        self.documents: tuple[Document, ...] = ()
        self.analysis: Analysis | None = None
        self.brief: Brief | None = None
        self.shown_choice = self.choice  # what the brief on screen was composed with
        self._generation = 0  # results of a superseded analysis are dropped
        self._selection = 0  # and results of a superseded selection
        self._shown = 0  # the selection on screen

    def get_driver_class(self) -> type[Driver]:
        return screen_measuring(super().get_driver_class())

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Notifications never carry control characters: most quote a title, a path or an error
        message. Those that do quote one pass `markup=False`, so that brackets show as written."""
        super().notify(printable(message), title=one_line(title), severity=severity, timeout=timeout, markup=markup)

    def get_default_screen(self) -> MainScreen:
        self.main = MainScreen()
        return self.main

    def on_ready(self) -> None:
        # Ready, not Mount: the main screen's widgets exist only once it has been composed.
        problem = next(filter(None, (check_input(str(path)) for path in self.paths)), None)
        if problem:
            self.show_failure(problem)
            return
        self.main.show_loading("Reading articles")
        self.read_articles(self.paths, adding=False)

    # --- reading and analysis in workers ------------------------------------------------------

    @work(thread=True, group="reading")
    def read_articles(self, inputs: Sequence[str | Path], adding: bool) -> None:
        """Read files, folders or web pages: a download must not freeze the screen either."""
        skipped: list[SkippedFile] = []  # the files that are no article, left out
        try:
            cluster = None if adding else self.cluster  # an added article is never that cluster's
            documents = (
                read_documents(inputs, cluster, timeout=self.timeout, max_download=self.max_download, skipped=skipped)
                if inputs
                else sample_documents()
            )
        except Exception as error:  # SummarizeError, or what the core does not wrap
            self.post_message(ArticlesRead(None, adding, describe(error)))
        else:
            self.post_message(ArticlesRead(documents, adding, skipped=tuple(skipped)))

    def on_articles_read(self, message: ArticlesRead) -> None:
        note = skipped_note(message.skipped)
        if note is not None:
            self.notify(note, title="Skipped", severity="warning", timeout=10, markup=False)
        if message.documents is None and message.adding:
            self.notify(message.error, title="Cannot add", severity="error", markup=False)
        elif message.documents is None:
            self.show_failure(message.error)
        elif not message.adding:
            self.start_analysis(message.documents)
        else:
            self.add(message.documents)

    def start_analysis(self, documents: tuple[Document, ...]) -> None:
        """Rebuild everything from `documents`: split, embed (only new sentences), cluster, select."""
        self._generation += 1
        self._selection += 1
        self.analysis, self.brief, self.documents = None, None, documents
        self.sub_title = sources_shown(len(documents))  # the model's name follows once it has run
        if not documents:
            self.main.show_message("No articles. Press a to add one.", documents)
            return
        self.main.show_loading("Loading the summarizer")
        self._analyze(documents, self._generation)

    @work(thread=True, exclusive=True, group="analysis")
    def _analyze(self, documents: tuple[Document, ...], generation: int) -> None:
        worker = get_current_worker()

        def report(step: str) -> None:
            if not worker.is_cancelled:
                self.post_message(AnalysisStep(generation, step))

        try:
            from summarize.pipeline import analyze

            analysis = analyze(documents, self.embedder, progress=report)
        except AnalysisCancelled:
            return
        except Exception as error:  # also what the core does not wrap (out of memory, a missing package)
            self.post_message(AnalysisFailed(generation, describe(error)))
        else:
            if not worker.is_cancelled:
                self.post_message(AnalysisDone(generation, analysis))

    def on_analysis_step(self, message: AnalysisStep) -> None:
        if message.generation == self._generation:
            self.main.show_loading(message.step)

    def on_analysis_done(self, message: AnalysisDone) -> None:
        if message.generation != self._generation:
            return
        self.analysis, self.documents = message.analysis, message.analysis.documents
        self.sub_title = f"{sources_shown(len(self.documents))} · {self.analysis.model}"
        self.rebrief()

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        if message.generation == self._generation:
            self.show_failure(message.error)

    def show_failure(self, error: str) -> None:
        self.main.show_message(f"Cannot build the brief: {error}\n\nPress a to add an article.", self.documents)
        self.notify(error, title="Cannot build the brief", severity="error", timeout=10, markup=False)

    def rebrief(self) -> None:
        """Choose sentences again at the current budget. No re-embedding, so it takes milliseconds;
        it still runs in a worker, so that a slow ranker on a big input cannot freeze the screen."""
        if self.analysis is None:
            return
        self._selection += 1
        self._compose(self.analysis, self.words, self.choice, self._selection)
        self.set_timer(0.2, partial(self._say_if_slow, self._selection))

    def _say_if_slow(self, selection: int) -> None:
        if selection == self._selection and self._shown != selection and self.is_running:
            self.main.show_ranking()

    @work(thread=True, exclusive=True, group="selection")
    def _compose(self, analysis: Analysis, words: int, choice: Choice, selection: int) -> None:
        try:
            brief = compose(analysis, words, choice, self.embedder)
        except AnalysisCancelled:  # superseded while a prompt's questions were embedded
            return
        except Exception as error:  # a ranker's failure is a message, not a crash
            self.post_message(BriefComposed(selection, choice, None, describe(error)))
        else:
            if not get_current_worker().is_cancelled:
                self.post_message(BriefComposed(selection, choice, brief))

    def on_brief_composed(self, message: BriefComposed) -> None:
        if message.generation != self._selection:
            return
        if message.brief is None:
            self._shown = message.generation  # settled: no "choosing sentences…" over the old brief
            self.notify(message.error, title="Cannot choose sentences", severity="error", markup=False)
            self.choice = self.shown_choice  # keep choosing as the brief on screen was chosen
            if self.brief is not None:
                self.words = self.brief.budget
                self.main.show_brief(self.brief, self.shown_choice.label)
            return
        self.brief, self.shown_choice, self._shown = message.brief, message.choice, message.generation
        self.main.show_brief(self.brief, message.choice.label)


def sources_shown(count: int) -> str:
    """How many sources the header says the brief is made from."""
    return f"{count} {plural(count, 'source')}" if count else "no sources"


def make_app(
    paths: Sequence[Path] | None = None,
    embedder: Embedder | None = None,
    words: int | None = None,
    choice: Choice | None = None,
    cluster: str | None = None,
    timeout: float | None = None,
    max_download: int | None = None,
) -> BriefingApp:
    """The app on `paths` (the built-in sample when empty), starting at `words` (None: the prompt's own
    budget, else DEFAULT_WORDS) as `choice` says, fetching URLs within `timeout` seconds and
    `max_download` bytes; tests pass a fake `embedder`."""
    return BriefingApp(paths, embedder, words, choice, cluster, timeout, max_download)


def run(
    paths: Sequence[Path],
    words: int | None = None,
    choice: Choice | None = None,
    embedder: Embedder | None = None,
    cluster: str | None = None,
    timeout: float | None = None,
    max_download: int | None = None,
) -> None:
    """Run the app; a crash (Textual shows its traceback) exits with status 1, not 0."""
    app = make_app(paths, embedder, words, choice, cluster, timeout, max_download)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
