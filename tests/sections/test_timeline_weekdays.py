"""A timeline of weekday-dated events (made-up articles): a bare weekday is anchored on the article's
own date (its front matter's `date:`); an undated article's among dated ones is left undated; a short
timeline says why."""

import datetime

from summarize.inputs.document import make_document
from summarize.output.render import shortfall_note, to_dict
from summarize.pipeline import analyze, compose_brief
from summarize.sections.prompts import load_prompt
from summarize.text.dates import calendar, own_date
from tests.fakes import HashingEmbedder

DATED = (
    "---\ntitle: Death toll rises to 14\ndate: 2026-11-25\n---\n\n"
    "The death toll from the explosion at the Halvorsen plant rose to 14 on Wednesday, the coroner said.\n\n"
    "The plant was fined $85,000 in 2023 for failing to store chemicals safely.\n\n"
    "More than 50 people were treated at the town hospital, and nine remain in critical condition."
)
UNDATED = (
    "An explosion tore through the Halvorsen Chemicals plant on Tuesday night, killing 12 workers.\n\n"
    "The Chemical Safety Board said it was sending a team of investigators to the site on Wednesday.\n\n"
    "Former workers said safety inspections had been cut back after the company changed owners in 2024.\n\n"
    "Residents living near the plant were ordered to leave their homes as smoke drifted over the town."
)


def test_a_bare_weekday_is_the_last_such_day_up_to_the_articles_own_date():
    assert own_date(DATED) == datetime.date(2026, 11, 25)
    assert own_date(UNDATED) is None
    story = calendar([DATED, UNDATED])
    anchor = datetime.date(2026, 11, 25)  # a Wednesday
    assert story.key("on Tuesday night", anchor) == (2026, 11, 24)
    assert story.key("on Wednesday", anchor) == (2026, 11, 25)
    assert story.key("on Tuesday night") is None  # no anchor: as before, unless asked for an order
    assert story.key("on Tuesday night", relative=True) < story.key("on Wednesday", relative=True)
    assert story.key("in 2024", relative=True) < story.key("on Tuesday night", relative=True)


def test_the_timeline_dates_a_weekday_only_by_its_own_articles_date_and_says_why_it_is_short():
    embedder = HashingEmbedder()
    documents = (make_document(DATED, "plant/local.md", "Death toll rises"), make_document(UNDATED, "plant/wire.txt"))
    brief = compose_brief(analyze(documents, embedder), 200, prompt=load_prompt("timeline"), embedder=embedder)
    texts = [item.sentence.text for item in brief.sentences]
    # The wire story gives itself no date: its "Tuesday night" is not dated by the local paper's date.
    assert not any(text.startswith(("An explosion tore through", "The Chemical Safety Board")) for text in texts)
    assert texts.index(next(t for t in texts if "2023" in t)) < texts.index(next(t for t in texts if "2024" in t))
    assert texts.index(next(t for t in texts if "2024" in t)) < texts.index(
        next(t for t in texts if t.startswith("The death toll"))  # Wednesday, November 25, 2026
    )
    assert brief.sections[0].undated == 4  # the hospital, the residents and the wire's two weekdays
    assert to_dict(brief)["sections"][0]["undated"] == 4
    note = shortfall_note(brief)
    assert note is not None and "a timeline takes only sentences that give a date: 4 other sentences give none" in note


def test_a_weekday_still_to_come_is_the_next_such_day_after_the_articles_own_date():
    story = calendar(["The bridge shut."])
    anchor = datetime.date(2025, 1, 1)  # a Wednesday
    assert story.key("The council will vote on Friday on repair funds.", anchor) == (2025, 1, 3)
    assert story.key("A ferry is to start on Wednesday.", anchor) == (2025, 1, 8)
    assert story.key("Engineers closed the bridge on Tuesday.", anchor) == (2024, 12, 31)
    # the saying is dated, not what is to come
    assert story.key("The owner said on Monday that it will pay.", anchor) == (2024, 12, 30)


def test_the_story_year_is_the_articles_own_and_a_year_less_date_is_the_one_nearest_it():
    text = (
        "---\ntitle: Bridge shut\ndate: 2026-11-25\n---\n\n"
        "Engineers closed the bridge on Tuesday. The bridge opened in 1968 and was repaired in 2019."
    )
    story = calendar([text])
    assert story.year == 2026  # the front matter's, not the history's 2019
    anchor = own_date(text)
    tuesday = story.key("Engineers closed the bridge on Tuesday.", anchor)
    december = story.key("A ferry service will begin on December 14.", anchor)
    march = story.key("Repairs are expected to be finished by March 3.", anchor)
    assert tuesday == (2026, 11, 24) and december == (2026, 12, 14) and march == (2027, 3, 3)
    assert story.key("Inspectors found rust on October 30.", anchor) == (2026, 10, 30)
    assert story.key("The bridge opened in 1968.", anchor) == (1968, 0, 0)


def test_a_short_timeline_says_a_dated_sentence_was_left_out_as_news_it_already_gives():
    embedder = HashingEmbedder()
    first = (
        "---\ntitle: Bridge shut\ndate: 2026-11-25\n---\n\n"
        "Engineers closed the Kellow harbour bridge on Tuesday after finding a crack in a beam.\n\n"
        "The council will vote on Friday on emergency repair funds of four million pounds."
    )
    second = (
        "---\ntitle: Kellow bridge shut\ndate: 2026-11-25\n---\n\n"
        "Engineers closed the Kellow harbour bridge on Tuesday after finding a crack in a main beam.\n\n"
        "A ferry service will start on Thursday to carry commuters across the harbour."
    )
    documents = (make_document(first, "bridge/a.md"), make_document(second, "bridge/b.md"))
    analysis = analyze(documents, embedder)
    brief = compose_brief(analysis, 200, prompt=load_prompt("timeline"), embedder=embedder)
    closed = [t for t in (item.sentence.text for item in brief.sentences) if t.startswith("Engineers closed")]
    assert len(closed) == 1  # the two tellings of Tuesday's closure: one
    assert brief.sections[0].repeated == 1 and to_dict(brief)["sections"][0]["repeated"] == 1
    note = shortfall_note(brief)
    assert note is not None and "1 dated sentence tells news the timeline already gives" in note
    assert "give a date" not in note  # every sentence gives one: not the reason
