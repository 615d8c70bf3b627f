"""Every bad input, through the CLI: exit status 2, one line on stderr that names the input and the
problem, no traceback, nothing on stdout, no output file created or changed. And output safety: an
interrupted run (Ctrl-C) exits with 130 and leaves no file behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli.main import main
from summarize.embedding import backends as embedding
from summarize.output.atomic import write_atomically
from tests import fakes
from tests.conftest import STORY
from tests.local_server import FIXTURES, closed_port_url, serve

ENGLISH = STORY[0][0] + "\n\n" + STORY[0][1]
FRENCH = (
    "Une puissante tempête a frappé la côte nord lundi, obligeant des milliers d'habitants à fuir leurs maisons. "
    "Les autorités ont déclaré que la tempête avait apporté des vents de 190 kilomètres par heure et de fortes "
    "inondations sur la côte. Le maire a déclaré que des abris d'urgence étaient ouverts dans toutes les écoles."
)
RUSSIAN = "Мощный шторм обрушился на северное побережье в понедельник, вынудив тысячи жителей покинуть свои дома."
JAPANESE = "強い嵐が月曜日に北部の海岸を襲い、数千人の住民が家を追われた。当局によると、嵐は時速百九十キロの風と洪水をもたらした。"
CLUSTER = json.dumps({"id": "c1", "documents": [{"id": "d1", "title": "Storm", "text": ENGLISH}]})


def cluster_line(**document) -> str:
    return json.dumps({"id": "c1", "documents": [{"id": "d1", "text": ENGLISH, **document}]}, ensure_ascii=False) + "\n"


def fifo(folder: Path, name: str) -> str:
    """A named pipe that nobody writes to."""
    path = folder / name
    os.mkfifo(path)
    return str(path)


@pytest.fixture(autouse=True)
def fake_model(monkeypatch):
    from summarize.inputs import files

    monkeypatch.setattr(embedding, "default_embedder", fakes.HashingEmbedder)
    monkeypatch.setattr(files, "FIFO_WAIT_SECONDS", 0.5)  # how long a named pipe may stay without a writer
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def server():
    with serve() as url:
        yield url


def write(folder: Path, name: str, content: str | bytes) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


def sparse(folder: Path, name: str, size: int) -> str:
    path = folder / name
    with open(path, "wb") as stream:
        stream.truncate(size)
    return str(path)


# Each case: (id, arguments given the input folder and the server, the message's expected words).
# "{in}" is the input folder; "{url}" the local server. The brief goes to out.md, which exists.
# A table, one case a line as a reader scans it: the formatter leaves it as written.
# fmt: off
CASES = [
    ("missing file", lambda d, u: [f"{d}/nope.txt"], "nope.txt: no such file or folder"),
    ("missing folder", lambda d, u: [f"{d}/nowhere/"], "nowhere: no such file or folder"),
    ("a web address without http://", lambda d, u: ["example.com/story"],
     "example.com/story: no such file or folder (a web address starts with http:// or https://)"),
    ("an ftp address", lambda d, u: ["ftp://example.com/story.txt"],
     "ftp://example.com/story.txt: only http:// and https:// addresses can be fetched"),
    ("a file:// address", lambda d, u: [write(d, "a.txt", ENGLISH) and f"file://{d}/a.txt"],
     "/a.txt: a file:// address; give the file's path instead"),
    ("empty folder", lambda d, u: [os.makedirs(f"{d}/empty") or f"{d}/empty"], "empty: no articles in this folder"),
    ("folder without articles", lambda d, u: [write(d, "pics/a.jpg", b"\xff\xd8\xff\xe0") and f"{d}/pics"],
     "pics: no articles in this folder"),
    ("empty file", lambda d, u: [write(d, "empty.txt", "")], "empty.txt: the file is empty"),
    ("whitespace-only file", lambda d, u: [write(d, "blank.md", " \n\t\n  \n")], "blank.md: the file is empty"),
    ("whitespace-only UTF-16 file", lambda d, u: [write(d, "blank16.txt", " \n \n".encode("utf-16"))],
     "blank16.txt: the file is empty"),
    ("a folder of empty files", lambda d, u: [write(d, "news/a.txt", "") and write(d, "news/b.md", " \n") and f"{d}/news"],
     "nothing to brief: none of the 2 files can be read; "),
    ("an image named .txt", lambda d, u: [write(d, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")],
     "photo.txt: this is a PNG image, not text"),
    ("an image", lambda d, u: [write(d, "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")], "photo.jpg: this is a JPEG image"),
    ("a PDF", lambda d, u: [write(d, "report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")], "report.pdf: this is a PDF document"),
    ("a zip", lambda d, u: [write(d, "news.zip", b"PK\x03\x04\x14\x00\x08\x00")], "news.zip: this is a ZIP archive"),
    ("a docx", lambda d, u: [write(d, "story.docx", b"PK\x03\x04\x14\x00\x06\x00")], "story.docx: this is a ZIP archive"),
    ("binary data", lambda d, u: [write(d, "data.bin", bytes(range(256)) * 4)], "data.bin: this is binary data"),
    ("an HTML page with no article", lambda d, u: [write(d, "menu.html", "<html><body><nav>Home</nav></body></html>")],
     "menu.html: no article text found"),
    ("a text too large", lambda d, u: [write(d, "huge.txt", "The storm hit the coast on Monday and many fled. " * 110_000)],
     "huge.txt: too large to summarize (5.4 million characters of text; the limit is 5 million"),
    ("too much prose", lambda d, u: [write(d, "long.txt", "".join(f"Report {n} says the storm hit the coast and many fled.\n" for n in range(20_000)))],
     "long.txt: too much article text to summarize (1,108,890 characters of prose; the limit is 500,000"),
    ("a file too large", lambda d, u: [sparse(d, "huge.html", 21 * 1024 * 1024)], "huge.html: too large to summarize (over 20 MB"),
    ("a file with no prose", lambda d, u: [write(d, "links.txt", "Home\nWorld news\nSport\nWeather today\n")],
     "links.txt: no article text"),
    ("French", lambda d, u: [write(d, "fr.txt", FRENCH)], "fr.txt: the text is not English"),
    ("Russian", lambda d, u: [write(d, "ru.txt", RUSSIAN)], "ru.txt: the text is not English (mostly Cyrillic script)"),
    ("emoji only", lambda d, u: [write(d, "emoji.txt", "🔥 🌀 🌊 😱 🏠 🚒.\n" * 20)],
     "emoji.txt: the text is not English (it has no words, only symbols or emoji)"),
    ("mostly emoji", lambda d, u: [write(d, "emojis.txt", "Storm 🔥🌀🌊😱🏠🚒 coast 🔥🌀🌊😱🏠🚒 today 🔥🌀🌊😱🏠🚒 and 🔥🌀🌊😱🏠🚒.\n" * 20)],
     "emojis.txt: the text is not English (mostly emoji or symbols, not words)"),
    ("digits only", lambda d, u: [write(d, "digits.txt", "12 345 6789 10 11 12.\n" * 20)], "digits.txt: the text is not English (it has no words)"),
    ("a malformed JSONL line", lambda d, u: [write(d, "bad.jsonl", CLUSTER + "\n" + CLUSTER + "\n{oops\n")],
     "bad.jsonl:3: not valid JSON"),
    ("a JSONL line that is no cluster", lambda d, u: [write(d, "list.jsonl", "[1, 2]\n")], "list.jsonl:1: expected a JSON object"),
    ("a JSONL that is a zip", lambda d, u: [write(d, "zip.jsonl", b"PK\x03\x04\x14\x00\x08\x00")],
     "zip.jsonl: this is a ZIP archive"),
    ("a JSONL with several clusters and no --cluster",
     lambda d, u: [write(d, "two.jsonl", CLUSTER + "\n" + CLUSTER.replace('"c1"', '"c2"') + "\n")],
     "two.jsonl: 2 clusters in this file; choose one with --cluster ID (c1, c2)"),
    ("an unknown --cluster", lambda d, u: [write(d, "one.jsonl", CLUSTER + "\n"), "--cluster", "c9"],
     "one.jsonl: no cluster with id 'c9'"),
    ("--cluster without a JSONL", lambda d, u: [write(d, "a.txt", ENGLISH), "--cluster", "c1"],
     "cluster 'c1' asked for, but no input is a .jsonl cluster file"),
    ("a cluster named in the path that is not there", lambda d, u: [write(d, "one.jsonl", CLUSTER + "\n") + "#c7"],
     "one.jsonl: no cluster with id 'c7'"),
    ("--cluster alone", lambda d, u: ["--cluster", "c1"], "--cluster c1: give the .jsonl cluster file"),
    ("a JSONL nested 100,000 deep", lambda d, u: [write(d, "deep.jsonl", "[" * 100_000)],
     "deep.jsonl:1: not valid JSON (nested too deeply)"),
    ("a JSONL title that is not a string", lambda d, u: [write(d, "title.jsonl", cluster_line(title=["a", 1]))],
     "title.jsonl:1: document 1's \"title\" must be a string"),
    ("a JSONL text with a lone surrogate", lambda d, u: [write(d, "half.jsonl", CLUSTER.removesuffix('"}]}') + '\\ud800"}]}')],
     "half.jsonl:1: document 1's \"text\" holds \\ud800, half a character"),
    ("a JSONL in Latin-1", lambda d, u: [write(d, "latin.jsonl", cluster_line(title="Café").encode("utf-8").replace(b"\xc3\xa9", b"\xe9"))],
     "latin.jsonl:1: not UTF-8 text (invalid continuation byte at byte"),
    ("an empty JSONL", lambda d, u: [write(d, "none.jsonl", "\n\n")], "none.jsonl: the file is empty (no clusters)"),
    ("a JSONL document in Japanese", lambda d, u: [write(d, "ja.jsonl", cluster_line(text=JAPANESE))],
     "ja.jsonl:1 (document d1): the text is not English (mostly Chinese or Japanese script)"),
    ("a JSONL document with no prose", lambda d, u: [write(d, "menu.jsonl", cluster_line(text="Home\nWorld\nSport\n"))],
     "menu.jsonl:1 (document d1): no article text"),
    ("a JSONL line with binary data", lambda d, u: [write(d, "nul.jsonl", CLUSTER + " " * 9000 + "\n" + "\x00" * 10 + "\n")],
     "nul.jsonl:2: binary data, not JSON"),
    ("a device", lambda d, u: ["/dev/zero"], "/dev/zero: not a regular file (a device or a socket)"),
    ("a named pipe nobody writes to", lambda d, u: [fifo(d, "pipe.txt")], "pipe.txt: a named pipe that nobody wrote to within 0.5 s"),
    ("a JSONL named pipe nobody writes to", lambda d, u: [fifo(d, "pipe.jsonl")], "pipe.jsonl: a named pipe that nobody wrote to"),
    ("--prompt a device", lambda d, u: ["--prompt", "/dev/zero"], "/dev/zero: not a regular file (a device or a socket)"),
    ("--prompt a named pipe nobody writes to", lambda d, u: ["--prompt", fifo(d, "pipe.md")], "pipe.md: a named pipe that nobody wrote to"),
    ("--prompt too large", lambda d, u: ["--prompt", write(d, "huge.md", "# Huge\n" + "- Why?\n" * 200_000)],
     "huge.md: too large for a prompt (over 1024 KB)"),
    ("empty stdin", lambda d, u: ["-"], "<stdin>: the input is empty"),
    ("stdin twice", lambda d, u: ["-", "-"], "-: standard input can be read only once"),
    ("--words 0", lambda d, u: ["--words", "0"], "'--words': 0 is not in the range 1<=x<=100000"),
    ("--words negative", lambda d, u: ["--words", "-5"], "'--words': -5 is not in the range 1<=x<=100000"),
    ("--words not a number", lambda d, u: ["--words", "many"], "'--words': 'many' is not a valid integer"),
    ("--words a fraction", lambda d, u: ["--words", "1.5"], "'--words': '1.5' is not a valid integer"),
    ("--words without a value", lambda d, u: ["--words"], "Option '--words' requires an argument"),
    ("an unknown --format", lambda d, u: ["--format", "pdf"], "'--format': 'pdf' is not one of 'markdown', 'json'"),
    ("an unknown --method", lambda d, u: ["--method", "magic"], "'--method': 'magic' is not one of 'concepts', 'salience'"),
    ("an unknown option", lambda d, u: ["--colour"], "No such option '--colour'"),
    ("--timeout inf", lambda d, u: ["--timeout", "inf"], "'--timeout': inf is not in the range 0<x<=86400"),
    ("--timeout 1e300", lambda d, u: ["--timeout", "1e300"], "'--timeout': 1e+300 is not in the range 0<x<=86400"),
    ("--timeout nan", lambda d, u: ["--timeout", "nan"], "'--timeout': 'nan' is not a number"),
    ("--max-download inf", lambda d, u: ["--max-download", "inf"], "'--max-download': inf is not in the range 0<x<=1024"),
    ("--max-download nan", lambda d, u: ["--max-download", "nan"], "'--max-download': 'nan' is not a number"),
    ("a name with terminal escapes", lambda d, u: [f"{d}/\x1b]0;PWNED\x07\x1b[2Jnews\n.txt"],
     "]0;PWNED[2Jnews .txt: no such file or folder"),
    ("a URL that is not there", lambda d, u: [f"{u}/missing"], "/missing: the server answered 404 Not Found"),
    ("a URL with a server error", lambda d, u: [f"{u}/error"], "/error: the server answered 500"),
    ("a URL that times out", lambda d, u: [f"{u}/slow", "--timeout", "0.5"], "/slow: no complete answer within 0.5 s"),
    ("a URL that is not HTML", lambda d, u: [f"{u}/image.png"], "/image.png: not a web page (the server says it is image/png)"),
    ("a URL over the size cap", lambda d, u: [f"{u}/big-declared", "--max-download", "1"],
     "/big-declared: the page is 2.0 MB, over the 1.0 MB limit"),
    ("a URL over a size cap under a megabyte", lambda d, u: [f"{u}/big-declared", "--max-download", "0.001"],
     "/big-declared: the page is 2.0 MB, over the 1.0 KB limit"),
    ("a URL with a malformed chunked body", lambda d, u: [f"{u}/bad-chunked"], "/bad-chunked: cannot fetch (the server's answer broke off)"),
    ("a URL with a bad status line", lambda d, u: [f"{u}/bad-status"], "/bad-status: cannot fetch (the server's answer is not HTTP)"),
    ("a URL that is not an HTTP server", lambda d, u: [f"{u}/not-http"], "/not-http: cannot fetch (the server's answer is not HTTP)"),
    ("a URL with a header line too long", lambda d, u: [f"{u}/long-header"], "/long-header: cannot fetch (the server sent a header line"),
    ("a URL with too many headers", lambda d, u: [f"{u}/many-headers"], "/many-headers: cannot fetch (the server's answer is malformed: got more than 100 headers)"),
    ("a URL that drips its headers", lambda d, u: [f"{u}/drip-headers", "--timeout", "1"], "/drip-headers: no complete answer within 1 s"),
    ("a URL that redirects slowly", lambda d, u: [f"{u}/slow-redirect/9", "--timeout", "2"], "/slow-redirect/9: no complete answer within 2 s"),
    ("a URL that redirects to ftp", lambda d, u: [f"{u}/to-ftp"], "/to-ftp: redirected to ftp://127.0.0.1/story.html, which is not an http(s) address"),
    ("a URL nobody answers", lambda d, u: [closed_port_url()], "/story.html: cannot connect"),
    ("a URL in another language", lambda d, u: [f"{u}/french.html"], "/french.html: the text is not English"),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_bad_input_is_one_line_exit_2_and_nothing_written(tmp_path, server, case):
    _, arguments, message = case
    inputs = tmp_path / "in"
    inputs.mkdir()
    out = tmp_path / "out.md"
    out.write_text("KEEP", encoding="utf-8")
    args = arguments(inputs, server)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))

    result = CliRunner().invoke(main, ["brief", "-o", str(out), *args], input=b"")

    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and message in lines[0], lines[0]
    assert "Traceback" not in result.output and result.stdout == ""
    assert out.read_text(encoding="utf-8") == "KEEP"
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # no temporary files left


OUTPUT_CASES = [
    ("-o is an input file", lambda d: (["{d}/a.txt"], "{d}/a.txt"), "a.txt: refusing to overwrite an input article"),
    (
        "-o is a file in an input folder",
        lambda d: (["{d}"], "{d}/a.txt"),
        "a.txt: refusing to overwrite an input article",
    ),
    ("-o is the JSONL input", lambda d: (["{d}/one.jsonl"], "{d}/one.jsonl"), "one.jsonl: refusing to overwrite"),
    ("-o is the HTML input", lambda d: (["{d}/page.html"], "{d}/page.html"), "page.html: refusing to overwrite"),
    ("-o is a link to an input", lambda d: (["{d}/a.txt"], "{d}/link.txt"), "link.txt: refusing to overwrite"),
    (
        "-o in a missing folder",
        lambda d: (["{d}/a.txt"], "{d}/no/such/brief.md"),
        "the folder {d}/no/such does not exist",
    ),
    ("-o is a folder", lambda d: (["{d}/a.txt"], "{d}"), "is a directory"),
]


@pytest.mark.parametrize("case", OUTPUT_CASES, ids=[case[0] for case in OUTPUT_CASES])
def test_an_output_that_would_replace_an_input_or_cannot_be_written_is_refused(tmp_path, case):
    _, arguments, message = case
    write(tmp_path, "a.txt", ENGLISH)
    write(tmp_path, "one.jsonl", CLUSTER + "\n")
    write(tmp_path, "page.html", (FIXTURES / "storm.html").read_bytes())
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    contents = {p: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    names = sorted(p.name for p in tmp_path.iterdir())
    paths, output = arguments(tmp_path)

    result = CliRunner().invoke(
        main, ["brief", *[p.format(d=tmp_path) for p in paths], "-o", output.format(d=tmp_path)]
    )

    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and message.format(d=tmp_path) in result.stderr, result.stderr
    assert {p: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == contents
    assert sorted(p.name for p in tmp_path.iterdir()) == names


def test_a_text_that_repeats_one_article_to_almost_5_mb_is_briefed_as_that_article(tmp_path):
    article = write(tmp_path, "once.txt", ENGLISH + "\n")
    pasted = write(tmp_path, "pasted.txt", (ENGLISH + "\n\n") * (4_900_000 // (len(ENGLISH) + 2)))
    assert os.path.getsize(pasted) > 4_800_000
    once = CliRunner().invoke(main, ["brief", article, "--format", "json"])
    result = CliRunner().invoke(main, ["brief", pasted, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [s["text"] for s in json.loads(result.stdout)["sentences"]] == [
        s["text"] for s in json.loads(once.stdout)["sentences"]
    ]


def test_a_named_pipe_whose_writer_comes_later_is_read(tmp_path):
    pipe = fifo(tmp_path, "later.txt")
    writer = subprocess.Popen(["sh", "-c", f"sleep 0.2; cat > {pipe}"], stdin=subprocess.PIPE)
    writer.stdin.write(ENGLISH.encode())
    writer.stdin.close()
    result = CliRunner().invoke(main, ["brief", pipe])
    writer.wait(10)
    assert result.exit_code == 0 and result.stdout.startswith("# "), result.output


def test_good_input_still_writes_the_brief(tmp_path):
    path = write(tmp_path, "a.txt", ENGLISH)
    out = tmp_path / "brief.md"
    result = CliRunner().invoke(main, ["brief", path, "-o", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "brief.md"]


def test_a_cluster_is_read_though_another_line_holds_none(tmp_path):
    second = CLUSTER.replace('"c1"', '"c2"')
    no_text = json.dumps({"id": "c3", "documents": [{"id": "d1"}]})
    path = write(tmp_path, "mixed.jsonl", CLUSTER + "\n{oops\n" + second + "\n" + no_text + "\n")
    result = CliRunner().invoke(main, ["brief", path, "--cluster", "c2"])
    assert result.exit_code == 0 and result.stdout.startswith("# Storm"), result.output
    # the cluster asked for is on a line that holds none: that line's own error
    result = CliRunner().invoke(main, ["brief", path, "--cluster", "c3"])
    assert result.exit_code == 2 and 'mixed.jsonl:4: document 1 needs a "text" string' in result.stderr
    result = CliRunner().invoke(main, ["brief", path, "--cluster", "c9"])
    assert result.exit_code == 2
    assert "no cluster with id 'c9' (2 clusters: c1, c2); line 2 holds none: not valid JSON (" in result.stderr
    assert "(and 1 more line)" in result.stderr


# --- output safety -------------------------------------------------------------------------------------

SLOW_RUN = textwrap.dedent(
    """
    import pathlib, sys, time
    from summarize.embedding import backends as embedding
    from tests import fakes

    class Slow(fakes.HashingEmbedder):
        def embed(self, texts):
            pathlib.Path(sys.argv[1]).write_text("embedding")
            time.sleep(60)

    embedding.default_embedder = Slow
    from summarize.cli.main import main
    main(["brief", *sys.argv[2:]], prog_name="summarize")
    """
)


@pytest.mark.parametrize("existing", [False, True], ids=["new output", "existing output"])
def test_ctrl_c_exits_130_and_leaves_no_file(tmp_path, existing):
    article = write(tmp_path, "a.txt", ENGLISH)
    out = tmp_path / "brief.md"
    if existing:
        out.write_text("KEEP", encoding="utf-8")
    started = tmp_path / "started"
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_RUN, str(started), article, "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not started.exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, stderr
    assert stderr.strip() == "Error: interrupted; nothing was written" and "Traceback" not in stderr
    assert stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["a.txt", "started", *(["brief.md"] if existing else [])]
    )
    if existing:
        assert out.read_text(encoding="utf-8") == "KEEP"


def test_an_interrupted_write_leaves_neither_a_partial_file_nor_a_temporary_one(tmp_path, monkeypatch):
    target = tmp_path / "brief.md"
    target.write_text("KEEP", encoding="utf-8")
    real_fdopen = os.fdopen
    written = []

    class InterruptedHalfway:
        """A stream that writes half of what it is given, then gets Ctrl-C."""

        def __init__(self, stream):
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def write(self, text):
            self.stream.write(text[: len(text) // 2])
            self.stream.flush()
            written.append(len(text) // 2)
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "fdopen", lambda *args, **kwargs: InterruptedHalfway(real_fdopen(*args, **kwargs)))
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, "A half-written brief would be worse than none.\n" * 100)
    monkeypatch.undo()
    assert written and target.read_text(encoding="utf-8") == "KEEP"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]
