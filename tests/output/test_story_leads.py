"""Every story a brief's title names gets its lead in the words left, or a note that none fits (made-up
articles)."""

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


def test_a_titled_story_gets_its_lead_in_the_room_left_and_takes_no_other_sentences_place():
    from summarize.selection.base import Choice
    from summarize.selection.story_leads import with_story_leads

    analysis = analyze((*FIRE, LIBRARY), HashingEmbedder())
    fire = next(i for i, s in enumerate(analysis.sentences) if s.document == 0 and s.position == 0)
    lead = next(i for i, s in enumerate(analysis.sentences) if s.document == 3 and s.position == 0)
    size = analysis.sentences[fire].words + analysis.sentences[lead].words
    assert [c.sentence for c in with_story_leads(analysis, [Choice(fire, 1.0)], size)] == [fire, lead]
    assert [c.sentence for c in with_story_leads(analysis, [Choice(fire, 1.0)], size - 1)] == [fire]
    brief = compose_brief(analysis, 150)
    assert brief_title(brief).startswith("2 separate stories: ")
    stories = json.loads(to_json(brief))["stories"]
    assert all(story["sentences"] or story["note"] == NOTHING_FITS for story in stories)


def test_a_titled_story_whose_lead_does_not_fit_says_so_under_its_headline():
    brief = brief_of(20)  # one fire sentence: no room for the library's lead beside it
    assert brief_title(brief).startswith("2 separate stories: ")
    assert not any("Brackley" in item.sentence.text for item in brief.sentences)
    markdown = to_markdown(brief)
    assert f"## Library wins national award\n\n{NOTHING_FITS}\n" in markdown
    assert json.loads(to_json(brief))["stories"][1]["note"] == NOTHING_FITS
    assert f'<h3>Library wins national award</h3><p class="note">{NOTHING_FITS}</p>' in brief_body(brief)
