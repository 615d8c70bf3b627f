"""An OptionList whose rows rewrap whenever its text width changes."""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import OptionList


class WrappedOptionList(OptionList):
    """Textual's OptionList measures its rows again on a resize of its own, but not when its text
    width changes otherwise (its scrollbar appearing once the terminal shrinks): rows measured at
    the old width were then drawn at the new one, dropping the lines past the old count (a lost
    divider, a cut sentence)."""

    _measured_width = -1

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.scrollable_content_region.width
        if width != self._measured_width:
            self._measured_width = width
            self._clear_caches()  # private, but the only way to have the rows measured again
        return super().render_lines(crop)
