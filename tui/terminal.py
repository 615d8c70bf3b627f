"""The terminal the app draws on. Textual's Linux driver draws on stderr but reads the terminal's
size from standard output (fd 1), which is not the screen when output is redirected
(`summarize tui > log`) and, for the milliseconds of an integer program, is /dev/null
(summarize.selection.native_output keeps the solver's stray line off the screen): a resize then would lay the
app out at 80x24. The driver here measures the stream it draws on."""

from __future__ import annotations

import os
import sys

from textual.driver import Driver


def screen_measuring(driver: type[Driver]) -> type[Driver]:
    """`driver`, made to measure the terminal on stderr when it is Textual's Linux driver."""
    if sys.platform == "win32":  # the Windows driver asks the console, not a file descriptor
        return driver
    from textual.drivers.linux_driver import LinuxDriver

    if driver is not LinuxDriver:  # headless, inline, or one chosen with TEXTUAL_DRIVER: as it is
        return driver

    class ScreenMeasuringDriver(LinuxDriver):
        def _get_terminal_size(self) -> tuple[int, int]:
            try:
                width, height = os.get_terminal_size(sys.__stderr__.fileno())  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):  # stderr is no terminal: Textual's own guess
                return super()._get_terminal_size()
            return width or 80, height or 25

    return ScreenMeasuringDriver
