"""A title is read as one line of plain text (`summarize.text.controls.plain_title`), wherever it comes
from: a BEL or a terminal escape in a front matter's `title:` reached JSON's `title` as it was, while
markdown and the TUI showed "?"."""

import json

import pytest

from summarize.inputs.document import make_document
from summarize.inputs.documents import read_documents
from summarize.output.render import to_json, to_markdown
from summarize.pipeline import analyze, compose_brief
from summarize.text.controls import CONTROL_OR_BREAK

BODY = (
    "The storm hit the northern coast on Monday, flooding hundreds of homes in three towns.\n\n"
    "Officials said the river rose two meters overnight and more rain is expected on Tuesday.\n"
)


def test_a_front_matter_title_loses_its_control_characters(tmp_path, embedder):
    (tmp_path / "a.md").write_text("---\ntitle: Storm \x07hits\x1b[31m the\tcoast\x9b now\n---\n\n" + BODY)
    (tmp_path / "b.txt").write_text("Storm floods coast towns\n\n" + BODY.replace("Monday", "Sunday"))
    documents = read_documents([str(tmp_path)])
    assert sorted(document.title for document in documents) == [
        "Storm floods coast towns",
        "Storm hits [31m the coast now",
    ]
    brief = compose_brief(analyze(documents, embedder), 60)
    shown = {entry["title"] for entry in json.loads(to_json(brief))["sources"]}
    assert "Storm hits [31m the coast now" in shown
    assert "Storm hits [31m the coast now" in to_markdown(brief)  # the same title, no "?"


@pytest.mark.parametrize(
    "given, expected",
    [
        ("Storm\x07hits", "Storm hits"),  # given (a JSON-lines cluster, a web page's <title>)
        ("  Storm \n hits\u2028 ", "Storm hits"),
        ("\x07\x1b", None),  # nothing left: the headline, the lead or the file name instead
    ],
)
def test_every_title_is_read_as_one_plain_line(given, expected):
    document = make_document("Storm hits the coast\n\n" + BODY, "x/storm.txt", given)
    assert document.title == (expected or "Storm hits the coast")
    assert not CONTROL_OR_BREAK.search(make_document("Storm\x07 hits the coast\n\n" + BODY, "y.txt").title)
