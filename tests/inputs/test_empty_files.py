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


def test_a_folder_whose_good_files_were_named_before_is_briefed_without_its_empty_one(news):
    result = CliRunner().invoke(
        main, ["brief", str(news / "0.txt"), str(news / "1.txt"), str(news), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == f"Skipped 2 empty files: {news}/blank.md, {news}/empty.txt."
    assert '"path": "' + str(news / "1.txt") in result.stdout


def test_a_folder_of_empty_files_named_twice_is_still_refused(news):
    (news / "0.txt").unlink()
    (news / "1.txt").unlink()
    with pytest.raises(SummarizeError, match=r"every article file in this folder is empty \(blank\.md, empty\.txt\)"):
        read_documents([news, news], skipped=[])


@pytest.mark.parametrize(
    "data",
    [b"\xef\xbb\xbf\n", " \n\t\n".encode("utf-16"), "\ufeff \n".encode("utf-16-le")],
    ids=["utf-8 byte-order mark alone", "utf-16 whitespace", "utf-16-le byte-order mark and space"],
)
def test_a_file_empty_once_decoded_is_skipped_like_an_empty_one(news, data):
    (news / "bom.txt").write_bytes(data)
    skipped: list[str] = []
    assert len(read_documents([news], skipped=skipped)) == 2
    assert str(news / "bom.txt") in skipped
    with pytest.raises(SummarizeError, match=r"bom\.txt: the file is empty$"):
        read_documents([news / "bom.txt"])  # named alone: refused, as an empty file is
