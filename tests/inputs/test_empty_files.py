"""A folder's empty files are skipped, named in one warning line; the folder is briefed from the rest.
Only a folder whose every article file is empty is refused (tests/inputs/test_bad_input.py), and a
file named alone that is empty still is."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from summarize.cli.main import main
from summarize.embedding import backends as embedding
from summarize.inputs.documents import SKIPPED_NAMED, read_documents, skipped_note
from summarize.records import SummarizeError
from tests import fakes
from tests.conftest import STORY


@pytest.fixture(autouse=True)
def fake_model(monkeypatch):
    monkeypatch.setattr(embedding, "default_embedder", fakes.HashingEmbedder)


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for number, (title, text) in enumerate(STORY[:2]):
        (folder / f"{number}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text(" \n\t\n", encoding="utf-8")
    return folder


def test_a_folder_is_briefed_without_its_empty_files_and_says_so(news):
    result = CliRunner().invoke(main, ["brief", str(news), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == f"Skipped 2 empty files: {news}/blank.md, {news}/empty.txt."
    assert '"path": "' + str(news / "0.txt") in result.stdout and "empty.txt" not in result.stdout


def test_the_library_names_the_skipped_files_when_asked_and_refuses_them_otherwise(news):
    skipped: list[str] = []
    assert len(read_documents([news], skipped=skipped)) == 2
    assert skipped == [str(news / "blank.md"), str(news / "empty.txt")]
    with pytest.raises(SummarizeError, match=r"blank\.md: the file is empty"):
        read_documents([news])  # as before: nothing is left out without a word
    with pytest.raises(SummarizeError, match=r"empty\.txt: the file is empty"):
        read_documents([news / "empty.txt", news / "0.txt"], skipped=[])  # named alone: refused


def test_the_warning_is_one_line_however_many_files():
    names = [f"news/{n}.txt" for n in range(SKIPPED_NAMED + 3)]
    note = skipped_note(names)
    assert note is not None and "\n" not in note and note.endswith(" and 3 more.")
    assert skipped_note(names[:1]) == "Skipped 1 empty file: news/0.txt."
    assert skipped_note([]) is None
