"""A plain brief of articles on separate stories (made-up articles) tells them story by story, the
story of most articles first, each under its own headline; the JSON adds `stories`."""

import json

from summarize.inputs.document import make_document
from summarize.output.render import to_json, to_markdown
from summarize.pipeline import analyze, compose_brief
from tests.fakes import HashingEmbedder

PLANT = [
    (
        "Chemical plant blast kills 12 in Marrow Falls",
        "An explosion tore through the Halvorsen Chemicals plant in Marrow Falls on Tuesday night, killing 12 "
        "workers and injuring 40 others, state officials said.\n\n"
        "About 3,000 residents living within two miles of the plant were ordered to leave their homes.\n\n"
        "The plant, which employs about 400 people, was fined $85,000 in 2023 for failing to store chemicals.",
    ),
    (
        "Death toll in Halvorsen plant explosion rises to 14",
        "The death toll from the explosion at the Halvorsen Chemicals plant has risen to 14, the county coroner "
        "said on Wednesday.\n\n"
        "More than 50 people were treated at Marrow Falls General Hospital, and nine remain in critical condition.",
    ),
    (
        "Investigators seek cause of deadly plant explosion",
        "Federal investigators began searching for the cause of the explosion at the Halvorsen Chemicals plant.\n\n"
        "Former plant workers said that safety inspections had been cut back after the company changed owners.",
    ),
]
FERRY = [
    (
        "Ferry sinks off Kesta Island",
        "A passenger ferry sank off Kesta Island on Sunday morning, killing 23 people, the coast guard said.\n\n"
        "Rescuers pulled 117 survivors from the water, coast guard spokesman Ian Folau said.",
    ),
    (
        "Dozens dead as ferry capsizes near Kesta",
        "The Morning Star capsized in rough seas about two miles from the harbour with 160 passengers on board.\n\n"
        "Relatives gathered at the harbour on Sunday afternoon waiting for news of the passengers.",
    ),
]


def story_brief():
    # The smaller story first among the inputs, its articles between the bigger one's.
    given = [FERRY[0], PLANT[0], FERRY[1], PLANT[1], PLANT[2]]
    documents = tuple(make_document(text, f"in/{n}.txt", title) for n, (title, text) in enumerate(given))
    return compose_brief(analyze(documents, HashingEmbedder()), 150)


def test_separate_stories_come_one_after_the_other_the_larger_first():
    brief = story_brief()
    plant = {1, 3, 4}
    sides = [item.sentence.document in plant for item in brief.sentences]
    assert True in sides and False in sides, sides
    assert sides == sorted(sides, reverse=True), sides  # every plant sentence, then every ferry one
    markdown = to_markdown(brief)
    assert markdown.startswith("# 2 separate stories: Death toll in Halvorsen plant explosion rises to 14; Ferry sinks")
    plant_heading = markdown.index("\n## Death toll in Halvorsen plant explosion rises to 14\n")
    ferry_heading = markdown.index("\n## Ferry sinks off Kesta Island\n")
    assert plant_heading < markdown.index("\n- ") < ferry_heading < markdown.index("\n## Sources")
    stories = json.loads(to_json(brief))["stories"]
    assert [story["sources"] for story in stories] == [[2, 4, 5], [1, 3]]
    assert [i for story in stories for i in story["sentences"]] == list(range(len(brief.sentences)))


def test_one_story_keeps_its_shape():
    documents = tuple(make_document(text, f"p/{n}.txt", title) for n, (title, text) in enumerate(PLANT))
    brief = compose_brief(analyze(documents, HashingEmbedder()), 100)
    assert "stories" not in json.loads(to_json(brief))
    assert to_markdown(brief).count("\n## ") == 1  # Sources only


def test_the_page_puts_each_story_under_its_headline():
    from summarize.output.html import brief_body

    body = brief_body(story_brief())
    assert body.index("<h3>Death toll in Halvorsen plant explosion rises to 14</h3>") < body.index(
        "<h3>Ferry sinks off Kesta Island</h3>"
    )
