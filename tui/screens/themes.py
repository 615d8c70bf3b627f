"""`t`: the clusters of related content, biggest first, a coverage grid (theme x source), and which
theme each brief sentence stands for."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from summarize.output.render import source_number
from summarize.records import Analysis, Brief, Cluster

from ..plain import one_line, printable

SAYS_WIDTH = 64  # characters of the representative sentence shown in the grid


class ThemesScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,t", "app.pop_screen", "Back", id="close-themes", tooltip="Back to the brief"),
        Binding(
            "s",
            "toggle_single",
            "One-source themes",
            id="toggle-single-source",
            tooltip="Show or hide the themes that only one source reports",
        ),
    ]

    def __init__(self, analysis: Analysis, brief: Brief) -> None:
        super().__init__()
        self.analysis, self.brief = analysis, brief
        self.show_single = False
        # Brief sentence number (1-based) of each cluster the brief cites.
        self.brief_number = {item.cluster: n for n, item in enumerate(brief.sentences, 1)}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="themes-summary")
        yield DataTable(id="themes-grid", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="theme-detail-scroll"):
            yield Static(id="theme-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Themes"
        self.query_one("#themes-grid").border_title = "Themes, biggest first · ● the source reports it"
        self.query_one("#theme-detail-scroll").border_title = "Sentences in the highlighted theme"
        self._fill()

    def shown_clusters(self) -> list[Cluster]:
        """Themes several sources report, plus any the brief cites; all of them when toggled."""
        clusters = sorted(self.analysis.clusters, key=lambda c: (-c.size, c.id))
        if self.show_single:
            return clusters
        return [c for c in clusters if len(c.sources) > 1 or c.id in self.brief_number]

    def _fill(self) -> None:
        shown = self.shown_clusters()
        hidden = len(self.analysis.clusters) - len(shown)
        stands_for = " · ".join(f"{n} → #{item.cluster}" for n, item in enumerate(self.brief.sentences, 1))
        summary = Content.assemble(
            (f"{len(shown)} themes shown", "bold"),
            (f" · {hidden} reported by one source only are hidden (s shows them)" if hidden else "", "$text-muted"),
            "\nBrief sentence → theme: ",
            (stands_for or "the brief is empty", "bold $text-accent"),
        )
        self.query_one("#themes-summary", Static).update(summary)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column("Theme", key="theme")
        table.add_column("Size", key="size")
        for index in range(len(self.analysis.documents)):
            table.add_column(f"[{source_number(index)}]", key=f"source-{index}")
        table.add_column("In brief", key="brief")
        table.add_column("What it says", key="says")
        for cluster in shown:
            covered = set(cluster.sources)
            number = self.brief_number.get(cluster.id)
            table.add_row(
                Text(f"#{cluster.id}", style="bold"),
                Text(str(cluster.size), justify="right"),
                *(Text("●" if d in covered else "·", justify="center") for d in range(len(self.analysis.documents))),
                Text(f"sentence {number}" if number else ""),
                Text(shorten(one_line(self.representative(cluster)), SAYS_WIDTH)),
                key=str(cluster.id),
            )
        if shown:
            self._show_detail(shown[0])
        table.focus()

    def representative(self, cluster: Cluster) -> str:
        """The brief's sentence for a cited theme, else the member most like the others."""
        for item in self.brief.sentences:
            if item.cluster == cluster.id:
                return item.sentence.text
        members = list(cluster.members)
        vectors = self.analysis.embeddings[members]
        best = int((vectors @ vectors.T).sum(axis=1).argmax())
        return self.analysis.sentences[members[best]].text

    def _show_detail(self, cluster: Cluster) -> None:
        parts: list[str | tuple[str, str]] = []
        for member in sorted(cluster.members, key=lambda m: (self.analysis.sentences[m].document, m)):
            sentence = self.analysis.sentences[member]
            title = self.analysis.documents[sentence.document].title
            parts += [
                (f"[{source_number(sentence.document)}] ", "bold $text-accent"),
                (one_line(title), "$text-muted"),
                "\n",
            ]
            parts += [printable(sentence.text), "\n\n"]
        self.query_one("#theme-detail", Static).update(Content.assemble(*parts))

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is None:
            return
        cluster_id = int(event.row_key.value)
        self._show_detail(next(c for c in self.analysis.clusters if c.id == cluster_id))

    def action_toggle_single(self) -> None:
        self.show_single = not self.show_single
        self._fill()


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
