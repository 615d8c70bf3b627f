"""The real app in a real terminal (tmux): what a user sees, keys and all. One test with the real
model; the others with the fake embedder, for the layout at any size and hostile article text."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
REPOSITORY = Path(__file__).resolve().parents[2]
HEADER = re.compile(r"(\d+) / (\d+) words · (\d+) sentences?")

STRAY = "HighsMipSolverData::transformNewIntegerFeasibleSolution"

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (Debian: apt-get install -y tmux)")


class Terminal:
    """One tmux session on a private server (its socket in a temporary folder): no user's tmux is
    touched, and nothing is left behind."""

    def __init__(self, command: str, socket: Path, width: int = 120, height: int = 40) -> None:
        self.tmux = [TMUX, "-S", str(socket)]
        self.name = "tui"
        subprocess.run(
            [
                *self.tmux,
                "new-session",
                "-d",
                "-x",
                str(width),
                "-y",
                str(height),
                "-s",
                self.name,
                "-c",
                str(REPOSITORY),
                command,
            ],
            check=True,
        )

    def screen(self) -> str:
        result = subprocess.run([*self.tmux, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        return result.stdout

    def press(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def resize(self, width: int, height: int) -> None:
        subprocess.run([*self.tmux, "resize-window", "-t", self.name, "-x", str(width), "-y", str(height)], check=True)

    def pane_title(self) -> str:
        result = subprocess.run(
            [*self.tmux, "display-message", "-p", "-t", self.name, "#{pane_title}"], capture_output=True, text=True
        )
        return result.stdout.strip()

    def alive(self) -> bool:
        return subprocess.run([*self.tmux, "has-session", "-t", self.name], capture_output=True).returncode == 0

    def wait_for(self, pattern: re.Pattern[str], seconds: float) -> re.Match[str]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = pattern.search(self.screen())
            if found:
                return found
            time.sleep(0.25)
        raise AssertionError(f"{pattern.pattern!r} did not appear within {seconds} s; the screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


@pytest.mark.model
def test_the_real_app_briefs_the_sample_grows_on_plus_and_quits_on_q(tmp_path):
    exit_code = tmp_path / "exit-code"
    # The shell records the exit code once the app ends; the session ends with it.
    command = f"{shlex.quote(sys.executable)} -m tui; echo $? > {shlex.quote(str(exit_code))}"
    terminal = Terminal(command, socket=tmp_path / "tmux.socket")
    try:
        # The first model load: some 10 s here, more on a busy machine.
        words, budget, sentences = map(int, terminal.wait_for(HEADER, seconds=120).groups())
        assert budget == 150 and 0 < words <= 150 and sentences > 0
        assert "all-MiniLM-L6-v2" in terminal.screen()  # the real model, not the test fake
        terminal.press("+")
        grown = terminal.wait_for(re.compile(r"(\d+) / 175 words · (\d+) sentences?"), seconds=10)
        assert int(grown.group(1)) > words, terminal.screen()
        terminal.press("q")
        deadline = time.monotonic() + 15
        while terminal.alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not terminal.alive(), f"q did not end the app; the screen:\n{terminal.screen()}"
        assert exit_code.read_text().strip() == "0"
    finally:
        terminal.close()


# The app as `summarize tui` runs it (tui.app.run), with the fake embedder, and a solver that prints
# HiGHS's stray line to standard output at every integer program, as the real one does now and then.
LAUNCH = f"""
import ctypes, sys
from pathlib import Path
import scipy.optimize
import summarize.embedding.backends as embedding
import tui.app

solve = scipy.optimize.milp

def noisy_milp(*args, **kwargs):
    ctypes.CDLL(None).printf(b"{STRAY}\\n")
    ctypes.CDLL(None).fflush(None)
    return solve(*args, **kwargs)

scipy.optimize.milp = noisy_milp
from tests.fakes import HashingEmbedder
tui.app.default_embedder = HashingEmbedder
tui.app.run([Path(p) for p in sys.argv[1:]])
"""
HOSTILE = """Storm [bold]warning\x1b]0;PWN\x07 for the northern coast

A powerful storm hit the northern coast on Monday, forcing thousands of residents to flee their homes.

Officials said the storm brought winds of 120 miles per hour and heavy flooding to the coast.
"""


def check_fills(screen: str, width: int, height: int) -> None:
    """The app's frame fills the terminal: the panes' borders run from edge to edge, each drawn once,
    and the footer is on the last line."""
    lines = screen.split("\n")[:height]
    assert len(lines) == height, screen
    for title in ("╭─ Brief ", "╭─ Source ─", "╭─ Sources "):
        assert screen.count(title) == 1, f"{title!r} drawn {screen.count(title)} times:\n{screen}"
    top = next(line for line in lines if "╭─ Brief " in line)
    assert top.startswith("╭─ Brief ") and top.endswith("╮") and len(top) == width, screen
    assert lines[-2].startswith("╰") and lines[-2].endswith("╯") and len(lines[-2]) == width, screen
    assert all(line.count("╭") <= 2 and line.count("╰") <= 2 for line in lines), screen
    assert lines[-1].rstrip().endswith("^p palette") and len(lines[-1].rstrip()) >= width - 2, screen


@pytest.mark.parametrize("stdout", ["", " > /dev/null"], ids=["stdout-terminal", "stdout-redirected"])
def test_the_app_fills_the_terminal_keeps_it_on_resize_and_shows_hostile_titles_as_text(stdout, tmp_path):
    launch, article = tmp_path / "launch.py", tmp_path / "storm.txt"
    launch.write_text(LAUNCH, encoding="utf-8")
    article.write_text(HOSTILE, encoding="utf-8")
    sample = REPOSITORY / "summarize" / "data" / "sample"
    exit_code = tmp_path / "exit-code"
    command = (
        f"PYTHONPATH={shlex.quote(str(REPOSITORY))} {shlex.quote(sys.executable)} {shlex.quote(str(launch))}"
        f" {shlex.quote(str(sample))} {shlex.quote(str(article))}{stdout}; echo $? > {shlex.quote(str(exit_code))}"
    )
    terminal = Terminal(command, socket=tmp_path / "tmux.socket", width=160, height=48)
    try:
        terminal.wait_for(HEADER, seconds=60)
        time.sleep(0.5)
        check_fills(terminal.screen(), 160, 48)
        screen = terminal.screen()
        # as written, its controls read as spaces (summarize.text.controls.plain_title)
        assert "[6] Storm [bold]warning ]0;PWN for the northern coast" in screen
        assert STRAY not in screen and terminal.pane_title() != "PWN"

        terminal.resize(120, 40)
        time.sleep(1.5)
        check_fills(terminal.screen(), 120, 40)
        terminal.press("+")  # an integer program while the terminal has its new size
        terminal.wait_for(re.compile(r"(\d+) / 175 words"), seconds=10)
        time.sleep(0.5)
        check_fills(terminal.screen(), 120, 40)
        assert STRAY not in terminal.screen()

        terminal.press("q")
        deadline = time.monotonic() + 15
        while terminal.alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert exit_code.read_text().strip() == "0"
    finally:
        terminal.close()


def test_a_crash_in_the_app_exits_with_status_1(tmp_path):
    launch = tmp_path / "launch.py"
    launch.write_text(
        "import tui.app\n"
        "def crash(self):\n"
        "    raise RuntimeError('a bug')\n"
        "tui.app.BriefingApp.on_ready = crash\n"
        "tui.app.run([])\n",
        encoding="utf-8",
    )
    exit_code = tmp_path / "exit-code"
    command = (
        f"PYTHONPATH={shlex.quote(str(REPOSITORY))} {shlex.quote(sys.executable)} {shlex.quote(str(launch))}"
        f" 2> {shlex.quote(str(tmp_path / 'stderr'))}; echo $? > {shlex.quote(str(exit_code))}"
    )
    terminal = Terminal(command, socket=tmp_path / "tmux.socket")
    try:
        deadline = time.monotonic() + 30
        while not exit_code.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert exit_code.read_text().strip() == "1"
    finally:
        terminal.close()
