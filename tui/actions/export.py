"""The app's action `e`: write the brief to a file (markdown, JSON or a page to share), as
`summarize brief -o` would, after asking before it replaces a file."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from summarize.output.atomic import write_atomically
from summarize.output.formats import format_for_path, render_as

from ..briefing import Briefing
from ..checks import check_export_path
from ..screens.confirm import ConfirmScreen
from ..screens.text_input import TextInputScreen


class ExportActions:
    """Mixed into BriefingApp, whose `brief` and `documents` these use."""

    def action_export(self: Briefing) -> None:
        if self.brief is None:
            self.notify("There is no brief to export yet.", severity="warning")
            return
        self.push_screen(
            TextInputScreen(
                "Export the brief to",
                "brief.md",
                placeholder="file name",
                hint=f"Relative to {Path.cwd()}; markdown, or JSON for a .json name, a page to share for .html;"
                " → completes a path",
                check=partial(check_export_path, documents=self.documents),
                complete_paths=True,
            ),
            partial(export_to, self),
        )

    def export(self: Briefing, path: Path) -> None:
        if self.brief is None:
            return
        output_format = format_for_path(path)
        try:
            write_atomically(path, render_as(self.brief, output_format))
        except OSError as error:
            self.notify(f"Cannot write {path}: {error.strerror or error}", severity="error", markup=False)
            return
        kind = {"json": "JSON", "html": "a page for any browser"}.get(output_format, output_format)
        self.notify(f"Wrote {path.resolve()} ({self.brief.words} words, {kind}).", title="Exported", markup=False)


def export_to(app: Briefing, value: str | None) -> None:
    """The file name the dialog returns (None: cancelled): written, once confirmed if it exists."""
    if value is None:
        return
    path = Path(value.strip()).expanduser()
    if path.exists():
        question = ConfirmScreen(f"{path} exists. Replace it?", "Replace")
        app.push_screen(question, lambda replace: app.export(path) if replace else None)
    else:
        app.export(path)
