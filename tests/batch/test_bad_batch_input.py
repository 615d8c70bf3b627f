"""The bad-input checks of `summarize brief`, in `summarize batch`: exit status 2, one line on stderr
that names the file (and line) and the problem, nothing written (moved from
tests/inputs/test_bad_input.py, unchanged)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from summarize.cli.main import main
from tests.inputs.test_bad_input import (  # noqa: F401  (fake_model: the same autouse fixture)
    CLUSTER,
    ENGLISH,
    JAPANESE,
    cluster_line,
    fake_model,
    fifo,
    write,
)

BATCH_CASES = [
    (
        "nested 100,000 deep",
        lambda d: write(d, "deep.jsonl", "[" * 100_000),
        "deep.jsonl:1: not valid JSON (nested too deeply)",
    ),
    (
        "a lone surrogate",
        lambda d: write(d, "half.jsonl", CLUSTER.removesuffix('"}]}') + '\\udfff"}]}'),
        'half.jsonl:1: document 1\'s "text" holds \\udfff, half a character',
    ),
    ("an empty file", lambda d: write(d, "empty.jsonl", ""), "empty.jsonl: the file is empty (no clusters)"),
    (
        "a Japanese document",
        lambda d: write(d, "ja.jsonl", CLUSTER + "\n" + cluster_line(text=JAPANESE)),
        "ja.jsonl:2 (document d1): the text is not English",
    ),
    (
        "a text too large",
        lambda d: write(d, "huge.jsonl", cluster_line(text="The storm hit the coast and many fled. " * 130_000)),
        "huge.jsonl:1 (document d1): too large to summarize",
    ),
    ("a device", lambda d: "/dev/zero", "/dev/zero: not a regular file"),
    ("a named pipe nobody writes to", lambda d: fifo(d, "pipe.jsonl"), "pipe.jsonl: a named pipe that nobody wrote to"),
    ("an image", lambda d: write(d, "photo.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00"), "photo.jsonl: this is a PNG image"),
]


@pytest.mark.parametrize("workers", ["0", "2"])
@pytest.mark.parametrize("case", BATCH_CASES, ids=[case[0] for case in BATCH_CASES])
def test_batch_bad_input_is_one_line_exit_2_and_nothing_written(tmp_path, case, workers):
    _, data, message = case
    inputs = tmp_path / "in"
    inputs.mkdir()
    path = data(inputs)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))

    result = CliRunner().invoke(main, ["batch", path, "-o", str(tmp_path / "out.jsonl"), "--workers", workers])

    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and message in result.stderr and "Traceback" not in result.stderr, (
        result.stderr
    )
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_a_line_over_the_size_cap_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    from summarize.inputs import jsonl

    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 10_000)
    data = write(tmp_path, "long.jsonl", CLUSTER + "\n" + cluster_line(text=ENGLISH * 100))
    result = CliRunner().invoke(main, ["batch", data, "-o", str(tmp_path / "out.jsonl"), "--workers", "0"])
    assert result.exit_code == 2 and "long.jsonl:2: the line is over" in result.stderr, result.output
    assert not (tmp_path / "out.jsonl").exists()


def test_a_jsonl_file_that_starts_with_a_byte_order_mark_is_read(tmp_path):
    data = write(tmp_path, "bom.jsonl", b"\xef\xbb\xbf" + CLUSTER.encode() + b"\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", data, "-o", str(out), "--workers", "0"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "c1"
    assert CliRunner().invoke(main, ["brief", data]).stdout.startswith("# Storm")


def _mixed_cluster(folder) -> str:
    """One cluster: an English article and a Japanese one (a document that fails the article checks)."""
    documents = [{"id": "d1", "title": "Storm", "text": ENGLISH}, {"id": "d2", "text": JAPANESE}]
    return write(folder, "mixed.jsonl", json.dumps({"id": "c1", "documents": documents}, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("workers", ["0", "2"])
def test_a_document_that_fails_the_checks_is_left_out_and_named(tmp_path, workers):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", _mixed_cluster(tmp_path), "-o", str(out), "--workers", workers])

    assert result.exit_code == 0, result.output
    assert "Left out " in result.stderr and "mixed.jsonl:1 (document d2): the text is not English" in result.stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    assert [item["document"] for item in record["left_out"]] == ["d2"]
    assert record["left_out"][0]["reason"].startswith("the text is not English")
    assert [source["path"] for source in record["brief"]["sources"]] == ["d1"]


def test_strict_refuses_the_file_for_one_bad_document(tmp_path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", _mixed_cluster(tmp_path), "-o", str(out), "--workers", "0", "--strict"])

    assert result.exit_code == 2
    assert "mixed.jsonl:1 (document d2): the text is not English" in result.stderr
    assert not out.exists()


def test_a_cluster_every_document_of_which_fails_still_stops_the_run(tmp_path):
    data = write(tmp_path, "ja.jsonl", CLUSTER + "\n" + cluster_line(text=JAPANESE))
    result = CliRunner().invoke(main, ["batch", data, "-o", str(tmp_path / "out.jsonl"), "--workers", "0"])
    assert result.exit_code == 2 and "ja.jsonl:2 (document d1): the text is not English" in result.stderr


# Lines that hold no cluster, after a sound one: left out and named, unless --strict.
BAD_LINES = [
    ("not JSON", "{oops", "bad.jsonl:2: not valid JSON ("),
    ("not an object", "[1, 2]", "bad.jsonl:2: expected a JSON object"),
    ("a title that is not a string", cluster_line(title=7), 'bad.jsonl:2: document 1\'s "title" must be a string'),
    ("Latin-1 bytes", cluster_line(title="Caf\u00e9").encode().replace(b"\xc3\xa9", b"\xe9"), "bad.jsonl:2: not UTF-8"),
]


@pytest.mark.parametrize("case", BAD_LINES, ids=[case[0] for case in BAD_LINES])
def test_a_line_that_holds_no_cluster_is_left_out_and_named(tmp_path, case):
    _, line, message = case
    data = write(tmp_path, "bad.jsonl", CLUSTER.encode() + b"\n" + (line if isinstance(line, bytes) else line.encode()))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", data, "-o", str(out), "--workers", "0"])
    assert result.exit_code == 0, result.output
    assert f"Left out {tmp_path / message}" in result.stderr
    assert [json.loads(record)["id"] for record in out.read_text(encoding="utf-8").splitlines()] == ["c1"]

    result = CliRunner().invoke(main, ["batch", data, "-o", str(out), "--workers", "0", "--strict"])
    assert result.exit_code == 2 and message in result.stderr and "Left out" not in result.stderr


def test_an_empty_document_is_left_out_as_the_readme_says(tmp_path):
    documents = [{"id": "d1", "title": "Storm", "text": ENGLISH}, {"id": "d2", "text": "  \n"}]
    data = write(tmp_path, "empty_doc.jsonl", json.dumps({"id": "c1", "documents": documents}) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", data, "-o", str(out), "--workers", "0"])
    assert result.exit_code == 0, result.output
    assert "empty_doc.jsonl:1 (document d2): the text is empty" in result.stderr
    assert [item["document"] for item in json.loads(out.read_text(encoding="utf-8"))["left_out"]] == ["d2"]


def test_the_closing_line_counts_the_lines_and_documents_left_out(tmp_path):
    documents = [{"id": "d1", "title": "Storm", "text": ENGLISH}, {"id": "d2", "text": "  \n"}]
    mixed = json.dumps({"id": "c2", "documents": documents})
    data = write(tmp_path, "some_bad.jsonl", "\n".join([CLUSTER, "{oops", mixed, "[1, 2]"]) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", data, "-o", str(out), "--workers", "0"])
    assert result.exit_code == 0, result.output
    closing = result.stderr.splitlines()[-1]
    assert closing == f"Wrote 2 briefs to {out}; left out 2 lines and 1 document (named above).", result.stderr
    assert [json.loads(record)["id"] for record in out.read_text(encoding="utf-8").splitlines()] == ["c1", "c2"]

    result = CliRunner().invoke(main, ["batch", write(tmp_path, "one_bad.jsonl", CLUSTER + "\n{oops\n"), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == "Wrote 1 brief; left out 1 line (named above)."
