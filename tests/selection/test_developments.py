"""Single-source developments: an outlet's lead and headline that no other source reports gets a
place in the brief, marked "only [n]" in markdown, JSON, the HTML page and the TUI's source pane."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import numpy as np

from summarize.clustering.developments import developments, has_headline
from summarize.inputs.document import make_document
from summarize.output.html import to_html
from summarize.output.render import ONLY_SOURCE, to_json, to_markdown
from summarize.pipeline import analyze, compose_brief
from summarize.selection.concepts import ConceptRanker
from tests.html_page import read_page
from tests.tui.tui_helpers import run

# Four outlets lead with the expulsion; the fifth leads with the other side's answer to it.
CONSENSUS = [
    (
        "NATO expels eight Russian diplomats",
        "NATO expelled eight Russian diplomats from its headquarters on Wednesday.",
    ),
    (
        "NATO expels Russian envoys",
        "NATO expelled eight Russian diplomats from its Brussels headquarters on Wednesday.",
    ),
    (
        "Eight Russians expelled by NATO",
        "Eight Russian diplomats were expelled by NATO from its headquarters on Wednesday.",
    ),
]
ANSWER = (
    "Russia suspends its mission to NATO after diplomats expelled",
    "Russia said on Monday it is suspending its mission to NATO in retaliation.",
)
BODIES = [
    "\n\nThe diplomats had worked at the alliance for several years, officials said.",
    "\n\nAlliance officials gave no further details about the case to reporters.",
    "\n\nRelations between the two sides have been strained since 2014.",
    "\n\nThe foreign minister spoke to reporters in the capital after a cabinet meeting.",
    "\n\nIt was not clear how many staff would leave the building.",
]


class KeyedEmbedder:
    """Sentences about the expulsion share one direction, the suspension another, the rest a third:
    a controlled similarity."""

    name = "keyed"

    def embed(self, texts):
        rows = [[float("expel" in t), float("suspend" in t), 0.3] for t in texts]
        return np.array([np.array(r) / np.linalg.norm(r) for r in rows])


def articles(*stories):
    return tuple(make_document(lead + BODIES[n], f"a/{n}.txt", title) for n, (title, lead) in enumerate(stories))


def test_a_lead_only_one_outlet_reports_against_a_consensus_is_a_development():
    analysis = analyze(articles(*CONSENSUS, ANSWER), KeyedEmbedder())
    found = developments(analysis)
    assert [analysis.sentences[i].text for i in found] == [ANSWER[1]]


def test_without_a_consensus_or_a_headline_there_is_no_development():
    untitled = make_document(ANSWER[1] + BODIES[3], "a/3.txt")
    assert not has_headline(untitled)
    analysis = analyze((*articles(*CONSENSUS), untitled), KeyedEmbedder())
    assert not developments(analysis)
    # The others lead with different news (a topic followed over days): nobody's lead stands out.
    scattered = [
        ("Storm hits coast", "A storm hit the coast on Monday."),
        ("Flood barriers hold", "The barriers held."),
        ("Schools reopen", "Schools reopened on Friday after the storm."),
    ]
    assert not developments(analyze(articles(*scattered, ANSWER), KeyedEmbedder()))
    # A second outlet reporting it in other words: no longer one source's.
    echoed = ("Moscow answers NATO", "Moscow will suspend the work of its NATO mission, it said on Monday.")
    assert not developments(analyze(articles(*CONSENSUS, ANSWER, echoed), KeyedEmbedder()))


def test_the_development_enters_the_brief_marked_only_its_source():
    analysis = analyze(articles(*CONSENSUS, ANSWER), KeyedEmbedder())
    index = next(iter(developments(analysis)))
    without = ConceptRanker(development=False, model=None).select(analysis, 40)  # (a brief tops up what is left)
    assert index not in [choice.sentence for choice in without]
    brief = compose_brief(analysis, 40, ConceptRanker(model=None))
    item = next(item for item in brief.sentences if item.sentence == analysis.sentences[index])
    assert item.only_source and not item.also_in
    assert f"- {ANSWER[1]} (only [4])" in to_markdown(brief)
    data = json.loads(to_json(brief))
    assert [s["only_source"] for s in data["sentences"]] == [i.only_source for i in brief.sentences]
    page = read_page(to_html(brief))
    assert len(page.tags_in_class("mark-single-source")) == 1 and ONLY_SOURCE in to_html(brief)
    # On the page as in markdown, the source is named once: "only [4]", not "[4]" beside "only [4]".
    number = brief.sentences.index(item) + 1
    row = re.search(rf'<li class="item" id="item-{number}".*?</li>', to_html(brief)).group(0)
    assert re.findall(r'<(?:button|span) [^>]*class="(?:cite|mark)[ "][^>]*>([^<]*)<', row) == ["only [4]"]


def test_the_source_pane_says_only_this_source_reports_it():
    async def scenario(app, pilot, notes):
        from textual.widgets import Static

        item = replace(app.brief.sentences[0], also_in=(), disagrees=(), only_source=True)
        pane = app.screen.source_pane
        pane.show_item(app.brief, 1, item)
        await pilot.pause()
        assert ONLY_SOURCE in str(pane.query_one("#also-title", Static).render())

    run(scenario)
