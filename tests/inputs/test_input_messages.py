"""What a new user is told about inputs that are not what they meant: an address of another scheme
or one typed without http://, standard input at a terminal, a cluster id not in the file."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from summarize.cli.main import main
from tests.inputs.test_bad_input import CLUSTER, write


def test_an_address_of_another_scheme_is_named_as_typed_even_after_path_collapsed_it():
    from summarize.inputs.web import missing_path_hint, unreadable_address

    for given in ("ftp://host/story.txt", Path("ftp://host/story.txt")):  # the TUI's paths are Paths
        assert unreadable_address(given) == "ftp://host/story.txt: only http:// and https:// addresses can be fetched"
    for other in ("https://host/x", Path("https://host/x"), "news/a.txt", "C:/news/a.txt", "-"):
        assert unreadable_address(other) is None
    assert missing_path_hint("www.bbc.co.uk") and missing_path_hint("bbc.co.uk/news/world")
    assert not missing_path_hint("news.txt") and not missing_path_hint("news/a.txt")


def test_stdin_from_a_terminal_says_what_it_waits_for(tmp_path):
    """`summarize brief -` typed at a terminal says it reads an article there (it waited without a word)."""
    terminal, keyboard = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "summarize", "brief", "-"],
        stdin=keyboard,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    os.close(keyboard)
    try:
        os.write(terminal, b"\x04")  # Ctrl-D at once: an empty article
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(terminal)
    assert stderr.splitlines() == [
        "Reading one article from standard input: type or paste it, then Ctrl-D on a new line.",
        "Error: <stdin>: the input is empty",
    ], stderr
    assert process.returncode == 2 and stdout == ""


def test_an_unknown_cluster_in_a_sound_file_is_one_plain_line(tmp_path):
    data = write(tmp_path, "two.jsonl", CLUSTER + "\n" + CLUSTER.replace('"c1"', '"c2"') + "\n")
    result = CliRunner().invoke(main, ["brief", data, "--cluster", "c9"])
    assert result.exit_code == 2
    assert (
        result.stderr.strip() == f"Error: {data}: no cluster with id 'c9' (2 clusters: c1, c2)"
    )  # no "(and -1 more lines)"
    bad = write(tmp_path, "bad.jsonl", CLUSTER + "\n{oops\n[1]\n")
    shown = CliRunner().invoke(main, ["brief", bad, "--cluster", "c9"]).stderr
    assert "line 2 holds none: not valid JSON" in shown and shown.strip().endswith("(and 1 more line)"), shown


def test_an_article_given_to_eval_or_batch_is_named_as_no_cluster_file(tmp_path):
    """An article where a cluster file belongs says what the file should hold, in one line (it said
    only "a.txt:1: not valid JSON"); a cluster file with one corrupt line is read as before."""
    article = write(tmp_path, "a.txt", "Storm hits coast.\nThousands lost power on Monday.\n")
    for command in (["eval", str(article)], ["batch", str(article), "-o", str(tmp_path / "out.jsonl")]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2, result.output
        assert "a.txt: not a JSON-lines cluster file (its first line is not JSON)" in result.output
        assert "summarize brief" in result.output and len(result.output.strip().splitlines()) == 1
    clusters = write(tmp_path, "c.jsonl", CLUSTER + "\nnot json\n")
    result = CliRunner().invoke(main, ["batch", str(clusters), "-o", str(tmp_path / "out.jsonl")])
    assert "c.jsonl:2: not valid JSON" in result.output


def test_an_empty_cluster_id_is_named_as_such(tmp_path):
    """`data.jsonl#` said "no such file or folder" (the file is there); --cluster "" said "no
    cluster with id ''": both say the id is empty and how to name one."""
    data = write(tmp_path, "two.jsonl", CLUSTER + "\n" + CLUSTER.replace('"c1"', '"c2"') + "\n")
    for command in (["brief", f"{data}#"], ["brief", data, "--cluster", ""], ["brief", data, "--cluster", " "]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2, result.output
        assert result.stderr.strip() == (
            f"Error: {data}: the cluster id is empty; name one as {data}#ID or --cluster ID (2 clusters: c1, c2)"
        ), result.stderr


def test_an_html_brief_is_not_poured_onto_a_terminal(tmp_path):
    """`summarize brief --format html` at a terminal printed a 50 kB page of markup and script;
    it says to write it to a file instead (-o - still prints it, and a pipe gets it as before)."""
    terminal, screen = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "summarize", "brief", "--format", "html"],
        stdin=subprocess.DEVNULL,
        stdout=screen,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    os.close(screen)
    try:
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(terminal)
    assert process.returncode == 2, stderr
    assert stderr.strip().splitlines()[-1] == (
        "Error: --format html writes a page for a browser, not for a terminal: give a file with "
        "-o brief.html (or -o - to print it anyway)"
    )
