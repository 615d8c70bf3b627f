"""A source's path is never wrapped mid-name: cut in its middle to fit, its file name kept."""

from __future__ import annotations

from tests.tui.tui_helpers import ARTICLE, run, until
from tui.widgets.path_line import PathLine, fitted, middle_cut

LONG = "/home/reader/projects/newsroom/archive/2026/november/chemical-plant-fire/wire_reports_morning_edition.txt"


def test_a_path_is_cut_in_its_middle_keeping_its_file_name():
    cut = middle_cut(LONG, 40)
    assert len(cut) == 40 and cut.startswith("/home/") and "…" in cut and cut.endswith("morning_edition.txt")
    assert middle_cut("a/b.txt", 40) == "a/b.txt"


def test_the_line_keeps_the_path_whole_when_it_fits_and_never_breaks_it_across_lines():
    assert fitted("Shown from the brief", "news/a.txt", 80) == "Shown from the brief · news/a.txt"
    assert fitted("Shown from the brief", "news/a_long_name.txt", 30) == "Shown from the brief ·\nnews/a_long_name.txt"
    text = "Corroborates [1] · similarity 0.91 · move in the brief to go back"
    lines = fitted(text, LONG, 70).split("\n")
    assert lines[0] == text + " ·" and len(lines[1]) == 70 and lines[1].endswith("edition.txt")
    assert fitted("", LONG, 30) == middle_cut(LONG, 30)


def test_the_source_pane_shows_a_long_path_on_whole_lines_at_80_columns(tmp_path):
    folder = tmp_path / "a_rather_long_folder_name_for_the_archive_of_wire_reports"
    folder.mkdir()
    article = folder / "chemical_plant_fire_morning_edition_wire_report.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    async def scenario(app, pilot, notes):
        pane = app.screen.source_pane
        pane.show_document(app.documents, app.brief, 0)
        meta = pane.query_one("#source-meta", PathLine)
        await until(pilot, lambda: bool(meta.line_path))
        width = meta.content_region.width
        lines = str(meta.render()).split("\n")
        # The text wraps at its words; the path has a line of its own, whole to the file name.
        assert len(lines[-1]) <= width and lines[-1].endswith("wire_report.txt") and "…" in lines[-1], lines

    run(scenario, paths=[article], size=(80, 30))
