"""The real app, with the real model, in a real terminal (tmux): what a user sees, keys and all."""

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
REPOSITORY = Path(__file__).resolve().parent.parent
HEADER = re.compile(r"(\d+) / (\d+) words · (\d+) sentences?")

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (Debian: apt-get install -y tmux)"),
]


class Terminal:
    """One tmux session on a private server (its socket in a temporary folder): no user's tmux is
    touched, and nothing is left behind."""

    def __init__(self, command: str, socket: Path, width: int = 120, height: int = 40) -> None:
        self.tmux = [TMUX, "-S", str(socket)]
        self.name = "tui"
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-x", str(width), "-y", str(height), "-s", self.name,
             "-c", str(REPOSITORY), command],
            check=True,
        )

    def screen(self) -> str:
        result = subprocess.run([*self.tmux, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        return result.stdout

    def press(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

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
