"""What compiled code prints to standard output (scipy's HiGHS has a stray debug line) stays out of
a brief on stdout and off the TUI's screen."""

import contextlib
import subprocess
import sys

from click.testing import CliRunner

from summarize import brief, cli, embedding
from summarize.cli import main

NOISY = """
import ctypes
from summarize.cli_common import native_stdout_silenced
print("before", flush=True)
with native_stdout_silenced():
    ctypes.CDLL(None).printf(b"HighsMipSolverData::transformNewIntegerFeasibleSolution\\n")
    print("python, inside")
print("after")
"""


def test_native_prints_inside_are_dropped_and_stdout_works_after():
    # A pipe, as when a brief is redirected: C's stdout is block-buffered there, the hard case.
    result = subprocess.run([sys.executable, "-c", NOISY], capture_output=True, text=True, check=True)
    assert result.stdout == "before\nafter\n"


def test_the_brief_is_computed_with_native_stdout_silenced(monkeypatch):
    monkeypatch.setattr(embedding, "default_embedder", embedding.HashingEmbedder)
    silenced = []

    @contextlib.contextmanager
    def recording():
        silenced.append(True)
        yield
        silenced.append(False)

    build = brief.build_brief

    def checked_build(*args, **kwargs):
        assert silenced == [True], "the solver runs inside the silenced block"
        return build(*args, **kwargs)

    monkeypatch.setattr(cli, "native_stdout_silenced", recording)
    monkeypatch.setattr(brief, "build_brief", checked_build)
    result = CliRunner().invoke(main, ["brief", "--words", "60"], catch_exceptions=False)
    assert result.exit_code == 0 and result.output.startswith("# ")
    assert silenced == [True, False]
