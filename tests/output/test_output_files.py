"""Where `-o` (brief, batch, eval) and the TUI's export may write, and how: a regular file is replaced
whole (temporary file, fsync, rename) keeping its mode; a new one gets the umask's; a symlink stays
a link; a named pipe or a character device is written in place, never replaced; disks, sockets and
folders are refused; `-o -` is standard output; a write that fails (a full disk, a size limit, a
folder it may not write) is one line, exit 2, and leaves nothing behind."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli.main import main
from summarize.embedding import backends as embedding
from summarize.output import atomic
from summarize.output.atomic import check_output_path, write_atomically
from summarize.records import SummarizeError
from tests import fakes
from tests.batch.test_batch import cluster_line
from tests.conftest import STORY

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fake_model(monkeypatch):
    monkeypatch.setattr(embedding, "default_embedder", fakes.HashingEmbedder)


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(STORY[0][0] + "\n\n" + STORY[0][1], encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path) -> Path:
    path = tmp_path / "data.jsonl"
    path.write_text(cluster_line("c1") + "\n" + cluster_line("c2") + "\n", encoding="utf-8")
    return path


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# --- regular files: modes, owners, links, durability ----------------------------------------------


@pytest.mark.parametrize("mode", [0o644, 0o600, 0o640, 0o755, 0o444])
def test_replacing_a_file_keeps_its_mode(tmp_path, mode):
    target = tmp_path / "brief.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(mode)
    write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert temporaries(tmp_path) == []


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_file_gets_the_umask_s_mode(tmp_path, umask):
    previous = os.umask(umask)
    try:
        write_atomically(tmp_path / "brief.md", "new")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "brief.md").stat().st_mode) == 0o666 & ~umask


def test_a_symlink_stays_a_link_and_its_target_is_written(tmp_path):
    real = tmp_path / "real" / "brief.md"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "brief.md"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "real" / "new.md")
    write_atomically(dangling, "fresh")
    assert dangling.is_symlink() and (tmp_path / "real" / "new.md").read_text(encoding="utf-8") == "fresh"
    assert temporaries(tmp_path) == [] and temporaries(real.parent) == []


def test_the_data_reaches_the_disk_before_the_rename(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append("rename"), real_replace(a, b))[1])
    write_atomically(tmp_path / "brief.md", "new")
    assert events[:2] == ["fsync", "rename"]


def test_a_temporary_left_by_a_killed_run_is_removed_by_the_next_write(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(gone.stdout)
    stale = tmp_path / f".brief.md.summarize-{dead}-0a1b2c3d.tmp"
    stale.write_text("half a brief", encoding="utf-8")
    live = tmp_path / f".brief.md.summarize-{os.getppid()}-0a1b2c3d.tmp"  # a run still going: kept
    live.write_text("being written", encoding="utf-8")
    other = tmp_path / f".other.md.summarize-{dead}-0a1b2c3d.tmp"  # another file's: not ours to judge
    other.write_text("x", encoding="utf-8")
    write_atomically(tmp_path / "brief.md", "new")
    assert sorted(temporaries(tmp_path)) == sorted([live.name, other.name])


# --- special files: written in place, or refused ------------------------------------------------


def test_a_named_pipe_is_written_not_replaced(tmp_path, article):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    result = CliRunner().invoke(main, ["brief", str(article), "-o", str(pipe), "--format", "json"])
    reader.join(10)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(pipe.stat().st_mode), "still the pipe"
    assert json.loads(received[0])["words"] > 0
    assert temporaries(tmp_path) == []


def test_a_character_device_is_written_not_replaced(tmp_path, article, data):
    before = os.stat("/dev/null")
    for arguments in (["brief", str(article)], ["batch", str(data), "--workers", "0"]):
        result = CliRunner().invoke(main, [*arguments, "-o", "/dev/null"])
        assert result.exit_code == 0, result.output
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert not [name for name in os.listdir("/dev") if name.startswith(".null.")]


def block_device() -> str | None:
    for name in sorted(os.listdir("/dev")):
        path = os.path.join("/dev", name)
        if stat.S_ISBLK(os.stat(path).st_mode):
            return path
    return None


@pytest.mark.parametrize("kind", ["folder", "socket", "block device"])
def test_folders_sockets_and_disks_are_refused_before_any_work(tmp_path, article, data, kind):
    if kind == "folder":
        target = str(tmp_path)
    elif kind == "socket":
        target = str(tmp_path / "s")
        server = socket.socket(socket.AF_UNIX)
        server.bind(target)
    else:
        target = block_device()
        if target is None:
            pytest.skip("no block device here")
    for arguments in (["brief", str(article)], ["batch", str(data), "--workers", "0"]):
        result = CliRunner().invoke(main, [*arguments, "-o", target])
        assert result.exit_code == 2, result.output
        assert result.stderr.count("\n") == 1 and target in result.stderr  # a folder: click's own words
    with pytest.raises(OSError):  # the writer refuses too (the TUI's export calls the check first)
        write_atomically(target, "x") if kind != "folder" else write_atomically(tmp_path, "x")


# --- standard output -------------------------------------------------------------------------------


def test_dash_means_standard_output(tmp_path, article, data, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["brief", str(article), "-o", "-", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["words"] > 0
    result = CliRunner().invoke(main, ["batch", str(data), "-o", "-", "--workers", "0"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["c1", "c2"]
    assert not (tmp_path / "-").exists()


# --- failures: one line, exit 2, nothing written ----------------------------------------------------


@pytest.mark.parametrize("command", ["brief", "batch"])
def test_a_full_disk_is_one_line(tmp_path, article, data, command):
    arguments = ["brief", str(article)] if command == "brief" else ["batch", str(data), "--workers", "0"]
    result = CliRunner().invoke(main, [*arguments, "-o", "/dev/full"])  # every write: ENOSPC
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: /dev/full: cannot write (No space left on device)"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["brief", "batch"])
@pytest.mark.parametrize("existing", [False, True], ids=["new output", "existing output"])
def test_a_file_size_limit_is_one_line_and_leaves_nothing(tmp_path, article, data, command, existing):
    """RLIMIT_FSIZE: a write past the limit fails with EFBIG (Python ignores SIGXFSZ)."""
    out = tmp_path / "out"
    if existing:
        out.write_text("KEEP", encoding="utf-8")
    arguments = ["brief", str(article)] if command == "brief" else ["batch", str(data), "--workers", "0"]
    runner = (
        "import resource, sys; from summarize.embedding import backends as embedding; from tests.fakes import HashingEmbedder; embedding.default_embedder = HashingEmbedder;"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100)); from summarize.cli.main import main;"
        "main(sys.argv[1:], prog_name='summarize')"
    )
    result = subprocess.run(
        [sys.executable, "-c", runner, *arguments, "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, SUMMARIZE_CACHE_DIR=str(tmp_path / "cache")),
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines()[-1] == f"Error: {out}: cannot write (File too large)"
    assert "Traceback" not in result.stderr
    assert temporaries(tmp_path) == []
    assert out.read_text(encoding="utf-8") == "KEEP" if existing else not out.exists()


@pytest.mark.parametrize("command", ["brief", "batch"])
def test_a_folder_it_may_not_write_is_one_line(tmp_path, article, data, command, monkeypatch):
    """Checked before the work (`check_output_path`), and again when writing: the folder may change."""
    arguments = ["brief", str(article)] if command == "brief" else ["batch", str(data), "--workers", "0"]
    out = tmp_path / "out"
    real_open = os.open

    def denied(path, flags, *args, **kwargs):
        if str(path).endswith(".tmp"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "open", denied)
    result = CliRunner().invoke(main, [*arguments, "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == f"Error: {out}: cannot write (Permission denied)"
    assert not out.exists() and temporaries(tmp_path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write in any folder")
def test_a_read_only_folder_is_refused_before_the_work(tmp_path, article):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(SummarizeError, match="cannot write in the folder"):
            check_output_path(folder / "brief.md", [article])
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write any file")
def test_a_read_only_file_is_refused_before_the_work(tmp_path, article):
    target = tmp_path / "brief.md"
    target.write_text("KEEP", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(SummarizeError, match="the file is read-only"):
        check_output_path(target, [article])


def test_refusing_an_input_works_through_links_and_for_batch(tmp_path, article, data):
    link = tmp_path / "link.jsonl"
    link.symlink_to(data)
    for target in (data, link):
        result = CliRunner().invoke(main, ["batch", str(data), "-o", str(target), "--workers", "0"])
        assert result.exit_code == 2 and "refusing to overwrite the input" in result.stderr
    with pytest.raises(SummarizeError, match="refusing to overwrite an input article"):
        check_output_path(tmp_path / "a.txt", [article])


def test_dev_stdout_is_written_in_place_whatever_standard_output_is(tmp_path, article):
    """/dev/stdout leads to a pipe here (a magic link whose target is no path): it is opened, not resolved."""
    runner = (
        "import sys; from summarize.embedding import backends as embedding; from tests.fakes import HashingEmbedder; embedding.default_embedder = HashingEmbedder;"
        "from summarize.cli.main import main; main(sys.argv[1:], prog_name='summarize')"
    )
    result = subprocess.run(
        [sys.executable, "-c", runner, "brief", str(article), "--format", "json", "-o", "/dev/stdout"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, SUMMARIZE_CACHE_DIR=str(tmp_path / "cache")),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["words"] > 0


def test_a_loop_of_links_is_one_line(tmp_path, article):
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    result = CliRunner().invoke(main, ["brief", str(article), "-o", str(loop)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {loop}: Too many levels of symbolic links\n"


def test_the_tui_export_follows_the_same_rule_and_refuses_special_files(tmp_path, article):
    from summarize.inputs.documents import read_documents
    from tui.checks import check_export_path

    documents = read_documents([str(article)])
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert check_export_path(str(tmp_path / "brief.md"), documents) is None
    assert "refusing to overwrite an input article" in check_export_path(str(article), documents)
    assert "is a folder" in check_export_path(str(tmp_path), documents)
    assert "not a regular file" in check_export_path(str(pipe), documents)  # it would wait for a reader
    assert check_export_path("  ", documents) == "Type a file name."
    assert "standard output" in check_export_path("-", documents)  # no file named "-" in the working folder


@pytest.mark.parametrize(
    "name, given, says",
    [
        ("brief.pdf", (), ", as markdown)"),  # markdown under a PDF's name: it said only "Wrote brief.pdf (...)"
        ("brief.html", ("--format", "json"), ", as json)"),
        ("brief.md", (), " sources)"),
        ("brief.json", (), " sources)"),
        ("brief", (), " sources)"),
    ],
)
def test_the_cli_says_what_it_wrote_when_the_name_does_not(tmp_path, name, given, says):
    result = CliRunner().invoke(main, ["brief", "--words", "60", *given, "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"Wrote {tmp_path / name} (") and result.stderr.rstrip().endswith(says + ".")
