"""A file that cannot be briefed (empty, no article text, not English), in a folder or among several
files, is skipped, named with why in one warning line; the rest are briefed. Only when no article is
left is it an error: a file named alone is refused with its own message (tests/inputs/test_bad_input.py)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from summarize.cli.main import main
from summarize.embedding import backends as embedding
from summarize.inputs.documents import SKIPPED_NAMED, SkippedFile, read_documents, skipped_note
from summarize.records import SummarizeError
from tests import fakes
from tests.conftest import STORY

EMPTY = "the file is empty"
NAV_ONLY = "<html><head><title>Menu</title></head><body><nav><a href=/>Home</a> <a href=/n>News</a></nav></body></html>"
FRONT_MATTER_ONLY = "---\ntitle: Only front matter\n---\n"
FRENCH = (
    "Un ferry a fait naufrage dimanche matin au large de l'île, faisant de nombreuses victimes, selon les "
    "garde-côtes. Le navire transportait des passagers lorsqu'il a chaviré par mer agitée près du port. "
    "Les secouristes ont sorti des survivants de l'eau pendant toute la journée."
)


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


def brief_json(*arguments: str) -> tuple[dict, str]:
    result = CliRunner().invoke(main, ["brief", *arguments, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


def test_a_folder_is_briefed_without_its_empty_files_and_says_so(news):
    brief, stderr = brief_json(str(news))
    assert stderr.splitlines()[0] == f"Skipped 2 files: {news}/blank.md, {news}/empty.txt: {EMPTY}."
    assert [source["path"] for source in brief["sources"]] == [str(news / "0.txt"), str(news / "1.txt")]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("menu.html", NAV_ONLY, "no article text found in this page"),
        ("front.md", FRONT_MATTER_ONLY, "no article text (no line reads as prose"),
        ("fr.txt", FRENCH, "the text is not English ("),
        ("blob.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "this is a PNG image, not text"),
    ],
    ids=["navigation-only page", "front-matter-only markdown", "French", "binary"],
)
def test_a_file_that_is_no_article_is_skipped_with_why_and_the_brief_is_as_without_it(news, name, content, reason):
    clean, _ = brief_json(str(news))
    bad = news / name
    bad.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    brief, stderr = brief_json(str(news))
    note = stderr.splitlines()[0]
    assert note.startswith("Skipped 3 files: ") and f"{bad}: {reason}" in note, note
    assert brief == clean  # the JSON is exactly the brief of the other files
    brief, stderr = brief_json(str(news / "0.txt"), str(bad), str(news / "1.txt"))  # named among others
    assert stderr.splitlines()[0].startswith(f"Skipped 1 file: {bad}: {reason}")
    assert brief["sources"] == clean["sources"]


def test_a_file_named_alone_is_refused_with_its_own_message(news):
    (news / "menu.html").write_text(NAV_ONLY, encoding="utf-8")
    result = CliRunner().invoke(main, ["brief", str(news / "menu.html")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {news / 'menu.html'}: no article text found in this page"


def test_nothing_left_is_an_error_naming_every_file_and_why(news):
    (news / "fr.txt").write_text(FRENCH, encoding="utf-8")
    result = CliRunner().invoke(main, ["brief", str(news / "fr.txt"), str(news / "empty.txt")])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip().startswith(
        f"Error: nothing to brief: none of the 2 files can be read; {news / 'fr.txt'}: the text is not English ("
    )
    assert result.stderr.strip().endswith(f"; {news / 'empty.txt'}: {EMPTY}")


def test_the_library_names_the_skipped_files_when_asked_and_refuses_them_otherwise(news):
    skipped: list[SkippedFile] = []
    assert len(read_documents([news], skipped=skipped)) == 2
    assert skipped == [SkippedFile(str(news / "blank.md"), EMPTY), SkippedFile(str(news / "empty.txt"), EMPTY)]
    with pytest.raises(SummarizeError, match=r"blank\.md: the file is empty"):
        read_documents([news])  # as before: nothing is left out without a word
    skipped = []
    assert len(read_documents([news / "empty.txt", news / "0.txt"], skipped=skipped)) == 1  # one of several
    assert skipped == [SkippedFile(str(news / "empty.txt"), EMPTY)]
    with pytest.raises(SummarizeError, match=r"empty\.txt: the file is empty$"):
        read_documents([news / "empty.txt"], skipped=[])  # named alone: refused


def test_the_warning_is_one_line_however_many_files():
    files = [SkippedFile(f"news/{n}.txt", EMPTY) for n in range(SKIPPED_NAMED + 3)]
    note = skipped_note([*files, SkippedFile("news/menu.html", "no article text found in this page")])
    assert note is not None and "\n" not in note
    assert note.startswith(f"Skipped {SKIPPED_NAMED + 4} files: news/0.txt, ")
    assert note.endswith(" and 3 more: the file is empty; news/menu.html: no article text found in this page.")
    assert skipped_note(files[:1]) == "Skipped 1 file: news/0.txt: the file is empty."
    assert skipped_note([]) is None


def test_a_folder_whose_good_files_were_named_before_is_briefed_without_its_empty_one(news):
    brief, stderr = brief_json(str(news / "0.txt"), str(news / "1.txt"), str(news))
    assert stderr.splitlines()[0] == f"Skipped 2 files: {news}/blank.md, {news}/empty.txt: {EMPTY}."
    assert [source["path"] for source in brief["sources"]] == [str(news / "0.txt"), str(news / "1.txt")]


def test_a_folder_of_empty_files_named_twice_is_still_refused(news):
    (news / "0.txt").unlink()
    (news / "1.txt").unlink()
    with pytest.raises(
        SummarizeError, match=r"none of the 2 files can be read; .*blank\.md, .*empty\.txt: the file is empty$"
    ):
        read_documents([news, news], skipped=[])


@pytest.mark.parametrize(
    "data",
    [b"\xef\xbb\xbf\n", " \n\t\n".encode("utf-16"), "\ufeff \n".encode("utf-16-le")],
    ids=["utf-8 byte-order mark alone", "utf-16 whitespace", "utf-16-le byte-order mark and space"],
)
def test_a_file_empty_once_decoded_is_skipped_like_an_empty_one(news, data):
    (news / "bom.txt").write_bytes(data)
    skipped: list[SkippedFile] = []
    assert len(read_documents([news], skipped=skipped)) == 2
    assert SkippedFile(str(news / "bom.txt"), EMPTY) in skipped
    with pytest.raises(SummarizeError, match=r"bom\.txt: the file is empty$"):
        read_documents([news / "bom.txt"])  # named alone: refused, as an empty file is
