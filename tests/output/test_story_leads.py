"""Every story a brief's title names gets its lead, or a note that none fits (made-up articles)."""

import json

from summarize.inputs.document import make_document
from summarize.output.html import brief_body
from summarize.output.render import NOTHING_FITS, brief_title, to_json, to_markdown
from summarize.pipeline import analyze, compose_brief
from tests.fakes import HashingEmbedder

FIRE = [
    make_document(
        f"Fire tore through a Dunmore furniture warehouse on Tuesday, killing four workers, report {n} said.\n\n"
        "Workers who survived the Dunmore warehouse fire said smoke filled the building within minutes.\n\n"
        "Investigators said propane tanks in the loading bay of the warehouse caused the fire.\n\n"
        "About 60 firefighters fought the warehouse blaze in Dunmore for five hours.",
        f"fire{n}.txt",
        "Warehouse fire kills four in Dunmore",
    )
    for n in range(3)
]
LIBRARY = make_document(
    "The Brackley public library won the national library award on Thursday for its reading vans.\n\n"
    "Librarians in Brackley bought two vans with a grant and filled them with books for villages.",
    "library.txt",
    "Library wins national award",
)


def brief_of(words: int):
    embedder = HashingEmbedder()
    return compose_brief(analyze((*FIRE, LIBRARY), embedder), words)


def test_a_titled_story_gets_its_lead_in_place_of_the_larger_storys_least_sentence():
    brief = brief_of(60)
    assert brief_title(brief).startswith("2 separate stories: ")
    texts = [item.sentence.text for item in brief.sentences]
    assert any(text.startswith("The Brackley public library won") for text in texts), texts
    assert any("Dunmore" in text for text in texts)
    assert brief.words <= 60
    stories = json.loads(to_json(brief))["stories"]
    assert all(story["sentences"] for story in stories) and "note" not in stories[1]


def test_a_titled_story_whose_lead_does_not_fit_says_so_under_its_headline():
    brief = brief_of(20)  # one fire sentence: no room for the library's lead beside it
    assert brief_title(brief).startswith("2 separate stories: ")
    assert not any("Brackley" in item.sentence.text for item in brief.sentences)
    markdown = to_markdown(brief)
    assert f"## Library wins national award\n\n{NOTHING_FITS}\n" in markdown
    assert json.loads(to_json(brief))["stories"][1]["note"] == NOTHING_FITS
    assert f'<h3>Library wins national award</h3><p class="note">{NOTHING_FITS}</p>' in brief_body(brief)
