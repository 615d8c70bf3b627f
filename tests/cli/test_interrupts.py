"""Ctrl-C (SIGINT to the whole process group, as a terminal sends it), SIGTERM and SIGKILL at
several moments of `summarize batch --workers 2`, and Ctrl-C at the edges of `summarize brief`:
every run ends within seconds with one line and status 130 (143 for SIGTERM), no traceback, no
temporary file, no process left; the line says exactly whether anything was written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli.main import main
from summarize.embedding import backends as embedding
from tests import fakes
from tests.batch.test_batch import cluster_line

ROOT = Path(__file__).resolve().parents[2]
CLUSTERS = 40  # about 60,000 characters: three groups, so both workers get one


def start(tmp_path: Path, *arguments: str) -> tuple[subprocess.Popen, Path]:
    """`python -m tests.slow_batch ARGUMENTS` in a session of its own; returns it and its marker folder."""
    markers = tmp_path / "markers"
    markers.mkdir()
    environment = dict(
        os.environ,
        SLOW_MARKERS=str(markers),
        SLOW_SECONDS="60",
        SUMMARIZE_CACHE_DIR=str(tmp_path / "cache"),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.slow_batch", *arguments],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    return process, markers


def wait_for(condition, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the run never got there"
        time.sleep(0.01)


def group_left(group: int, seconds: float = 10) -> list[str]:
    """The processes still running in `group` after up to `seconds` (zombies count as gone)."""
    deadline = time.monotonic() + seconds
    while True:
        listing = subprocess.run(["ps", "-o", "pid=,stat=,args=", "-g", str(group)], capture_output=True, text=True)
        alive = [line for line in listing.stdout.splitlines() if line.split()[1][0] != "Z"]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(cluster_line(f"c{n}") for n in range(CLUSTERS)) + "\n", encoding="utf-8")
    return path


# (signal, when, an output file exists): when is seconds after the runner's imports (reading the
# input, starting the pool, workers starting up), or "busy" once both workers are embedding.
MOMENTS = [
    ("SIGINT", 0.05, False),
    ("SIGINT", 0.2, False),
    ("SIGINT", 0.5, False),
    ("SIGINT", "busy", True),
    ("SIGTERM", 0.05, False),
    ("SIGTERM", 0.5, False),
    ("SIGTERM", "busy", True),
]


@pytest.mark.parametrize("name, when, existing", MOMENTS, ids=[f"{name}-{when}" for name, when, _ in MOMENTS])
def test_batch_stops_every_worker_and_writes_nothing_when_interrupted(tmp_path, data, name, when, existing):
    out = tmp_path / "out.jsonl"
    if existing:
        out.write_text("KEEP\n", encoding="utf-8")
    process, markers = start(tmp_path, "batch", str(data), "-o", str(out), "--workers", "2")
    try:
        wait_for(lambda: (markers / "ready").exists(), process)
        if when == "busy":
            wait_for(lambda: len(list(markers.glob("embedding-*"))) == 2, process)
        else:
            time.sleep(when)
        os.killpg(process.pid, getattr(signal, name))
        sent = time.monotonic()
        _, stderr = process.communicate(timeout=20)
        took = time.monotonic() - sent
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    status, what = (130, "interrupted") if name == "SIGINT" else (143, "terminated")
    assert process.returncode == status, stderr
    assert took < 10
    assert "Traceback" not in stderr and "Exception" not in stderr, stderr
    assert stderr.strip().splitlines()[-1] == f"Error: {what}; nothing was written"
    assert group_left(process.pid) == [], "every worker and the resource tracker are gone"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [
            "data.jsonl",
            "markers",
            *(["cache"] if (tmp_path / "cache").exists() else []),
            *(["out.jsonl"] if existing else []),
        ]
    )
    if existing:
        assert out.read_text(encoding="utf-8") == "KEEP\n"


@pytest.mark.parametrize("number", [1, 2], ids=["before-any-worker", "between-the-workers"])
def test_workers_interrupted_as_they_start_are_stopped_by_start_itself(monkeypatch, number):
    """In this process: the signal is held while the pool starts, then raised out of `Workers.start`.
    A `with` calls no exit when the entry raised, so `start` must stop what it started. (The guard of
    a signal while the pool starts: the same moment through the command passed on the code before the
    fix too, whose hang needed the pool's thread to lose a race, once in ten runs under load.)"""
    from multiprocessing.context import SpawnProcess

    from summarize.batch.processes import Workers
    from summarize.batch.workers import live_children, stop_children_since
    from summarize.cli.interrupts import Terminated, signals_raised

    real_start = SpawnProcess.start
    started: list[SpawnProcess] = []

    def start_late(process: SpawnProcess) -> None:
        started.append(process)
        if len(started) == number:  # as a group signal would: the workers already started die of it
            for earlier in started[:-1]:
                earlier.terminate()
            signal.raise_signal(signal.SIGTERM)
        real_start(process)

    monkeypatch.setattr(SpawnProcess, "start", start_late)
    before = live_children()
    try:
        with signals_raised(), pytest.raises(Terminated), Workers(2):
            pytest.fail("the block never runs: the signal ends the start")
        assert live_children() - before == set(), "stopped at once, not left to the exit"
    finally:
        stop_children_since(before)  # whatever a failure left: this process would wait for it at exit
    assert len(started) == 2


def test_a_local_dask_cluster_is_closed_quietly_on_ctrl_c(tmp_path, data):
    pytest.importorskip("distributed")
    out = tmp_path / "out.jsonl"
    process, markers = start(tmp_path, "batch", str(data), "-o", str(out), "--dask", "local:2")
    try:
        wait_for(lambda: len(list(markers.glob("embedding-*"))) >= 1, process)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and stderr.strip().splitlines()[-1] == "Error: interrupted; nothing was written"
    assert group_left(process.pid) == [] and not out.exists()


def test_the_workers_exit_when_the_batch_is_killed(tmp_path, data):
    out = tmp_path / "out.jsonl"
    process, markers = start(tmp_path, "batch", str(data), "-o", str(out), "--workers", "2")
    try:
        wait_for(lambda: len(list(markers.glob("embedding-*"))) == 2, process)
        os.kill(process.pid, signal.SIGKILL)  # the parent alone: no chance to stop anything
        process.communicate(timeout=20)
        assert group_left(process.pid) == [], "orphaned workers notice and exit; the resource tracker follows"
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # whatever is left of this test's own process group
        except ProcessLookupError:
            pass
    assert not out.exists()


def test_ctrl_c_while_the_command_imports_is_one_line(tmp_path):
    """From the moment the entry point is called (as the `summarize` script calls it), through the
    import of the command's modules (Python's own start-up, before that, is out of our hands)."""
    runner = (
        "import os, sys; from summarize.__main__ import run; sys.argv = ['summarize', 'brief', '--help'];"
        "os.write(2, b'ready\\n'); run()"
    )
    for delay in (0.0, 0.01, 0.02, 0.05):
        process = subprocess.Popen(
            [sys.executable, "-c", runner],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stderr.readline() == b"ready\n"
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=20)
        if b"Usage:" in stdout:  # too late: --help was done before the signal came
            continue
        if stderr.decode().endswith('File "<string>", line 1, in <module>\nKeyboardInterrupt\n'):
            continue  # too early: the signal beat this runner's own call of run()
        assert process.returncode == 130, stderr
        assert stderr.decode().strip() == "Error: interrupted; nothing was written"  # after click's newline, if any


# --- in this process: what the interrupt message promises ------------------------------------------


@pytest.fixture
def fake_model(monkeypatch):
    monkeypatch.setattr(embedding, "default_embedder", fakes.HashingEmbedder)


def article(tmp_path: Path) -> str:
    from tests.conftest import STORY

    path = tmp_path / "a.txt"
    path.write_text(STORY[0][0] + "\n\n" + STORY[0][1], encoding="utf-8")
    return str(path)


def test_ctrl_c_after_the_file_is_in_place_says_it_was_written(tmp_path, monkeypatch, fake_model):
    out = tmp_path / "brief.md"
    real_replace = os.replace

    def replace_then_ctrl_c(source, target):
        real_replace(source, target)
        raise KeyboardInterrupt  # an instant after the rename

    monkeypatch.setattr(os, "replace", replace_then_ctrl_c)
    # 50 words: all the article has (at 150 a note would say that the articles hold no more)
    result = CliRunner().invoke(main, ["brief", article(tmp_path), "--words", "50", "-o", str(out)])
    assert result.exit_code == 130
    assert result.stderr.strip() == f"Error: interrupted after writing {out}"  # after click's newline (for ^C)
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "brief.md"]


def test_ctrl_c_that_an_import_turns_into_import_error_is_still_ctrl_c(tmp_path, monkeypatch, fake_model):
    """Compiled modules (scipy's) report an interrupt during their initialization as ImportError."""

    class InterruptedImport(fakes.HashingEmbedder):
        def embed(self, texts):
            try:
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(5)  # the handler raises here
            except KeyboardInterrupt:
                raise ImportError("initialization failed") from None
            raise AssertionError("the signal never came")

    monkeypatch.setattr(embedding, "default_embedder", InterruptedImport)
    out = tmp_path / "brief.md"
    before = signal.getsignal(signal.SIGINT)  # SIG_IGN when the test run itself started in the background
    result = CliRunner().invoke(main, ["brief", article(tmp_path), "-o", str(out)])
    assert (result.exit_code, result.stderr.strip()) == (130, "Error: interrupted; nothing was written")
    assert not out.exists()
    assert signal.getsignal(signal.SIGINT) == before, "the handlers before the run are back"


def test_a_ctrl_c_that_a_library_swallowed_still_ends_the_run_as_interrupted(tmp_path, monkeypatch, fake_model):
    """The run went on to the end (the interrupt was lost), so the line says what was written."""

    class Swallowing(fakes.HashingEmbedder):
        def embed(self, texts):
            try:
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(5)
            except KeyboardInterrupt:
                pass  # `try: import x / except ImportError` around a compiled module does this
            return super().embed(texts)

    monkeypatch.setattr(embedding, "default_embedder", Swallowing)
    out = tmp_path / "brief.md"
    result = CliRunner().invoke(main, ["brief", article(tmp_path), "-o", str(out)])
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (130, f"Error: interrupted after writing {out}")
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_sigterm_in_process_exits_143(tmp_path, monkeypatch, fake_model):
    class Terminated(fakes.HashingEmbedder):
        def embed(self, texts):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
            raise AssertionError("the signal never came")

    monkeypatch.setattr(embedding, "default_embedder", Terminated)
    before = signal.getsignal(signal.SIGTERM)
    data = tmp_path / "data.jsonl"
    data.write_text(cluster_line("c1") + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(data), "-o", str(tmp_path / "out.jsonl"), "--workers", "0"])
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (143, "Error: terminated; nothing was written")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.jsonl"]
    assert signal.getsignal(signal.SIGTERM) == before


def test_ctrl_c_that_an_import_turns_into_another_error_is_one_line():
    """A class built while the command's modules import wraps a KeyboardInterrupt raised in its
    `__set_name__` in RuntimeError: the run still ends as interrupted, in one line, status 130."""
    runner = (
        "import os, signal, sys, time\n"
        "class WrapsTheInterrupt:\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'summarize.cli.main':\n"
        "            try:\n"
        "                os.kill(os.getpid(), signal.SIGINT)\n"
        "                time.sleep(5)\n"
        "            except KeyboardInterrupt as error:\n"
        "                raise RuntimeError('Error calling __set_name__') from error\n"
        "        return None\n"
        "sys.meta_path.insert(0, WrapsTheInterrupt())\n"
        "from summarize.__main__ import run\n"
        "sys.argv = ['summarize', 'brief', '--help']\n"
        "run()\n"
    )
    process = subprocess.run([sys.executable, "-c", runner], cwd=ROOT, capture_output=True, timeout=30)
    assert process.returncode == 130, process.stderr
    assert process.stderr.decode().strip() == "Error: interrupted; nothing was written"
