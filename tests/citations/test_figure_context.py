"""A figure its sentence does not place is placed by its article: a roundup's heading, a chronology's
entry, the place the sentence before it names (`summarize.citations.figure_context`)."""

from summarize.citations.corroboration import FactJudge, evidence
from summarize.citations.figure_context import is_bare, surroundings
from summarize.pipeline import analyze
from tests.citations.test_corroboration import KeyedEmbedder, index_of, story

# Every disagreement the rules read, also between sentences that share no name (the shipped judge shows
# only those that share one: `named_disagreements_only`).
EVERY = FactJudge(named_disagreements_only=False)


def flags(first: str, second: str, sentence: str, judge: FactJudge = EVERY) -> list[str]:
    """What the judge (by default one showing every disagreement the rules read) flags for the sentence."""
    analysis = analyze(story(first, second), KeyedEmbedder())
    return [d.what for d in evidence(analysis, index_of(analysis, sentence), judge).disagrees]


def test_a_roundup_item_tells_of_its_headings_place():
    other = "The storm damage was estimated at $100 million, officials said."
    item = "_Illinois: Strong winds destroyed about 15 homes.\n\nThe storm damage was estimated at $3 million."
    untitled = "Strong winds destroyed about 15 homes.\n\nThe storm damage was estimated at $3 million."
    same_place = "The storm damage in Illinois was estimated at $100 million, officials said."
    item_in_one = item.replace("homes.\n\n", "homes. ")
    assert flags(untitled, other, "The storm damage was estimated at $3") == ["gives $100 million"]
    assert flags(item_in_one, other, "The storm damage was estimated at $3") == []
    assert flags(item_in_one, same_place, "The storm damage was estimated at $3") == ["gives $100 million"]


def test_a_chronology_entry_dates_every_figure_of_its_paragraph():
    now = "The storm defendants face 64 counts of fraud, the court said."
    entry = "_Jan. 17, 1986: The storm trial went on. The storm defendants still face 100 counts of fraud."
    plain = "The storm trial went on. The storm defendants still face 100 counts of fraud."
    assert flags(now, plain, "The storm defendants face 64") == ["gives 100 counts"]
    assert flags(now, entry, "The storm defendants face 64") == []


def test_two_sentences_that_name_nothing_are_placed_by_the_sentence_before():
    valzur = "The storm's avalanche smashed into the town of Valzur. Five people remained missing after the storm."
    evolene = "Rescuers in Evolene searched after the storm. Three people were still missing after the storm."
    assert is_bare("Five people remained missing, the regional news agency said.")
    assert not is_bare("Five people remained missing in Valzur.")
    assert flags(valzur, evolene, "Five people") == []
    assert flags(valzur, evolene.replace("Evolene", "Valzur"), "Five people") == ["gives Three people"]
    analysis = analyze(story(valzur, evolene), KeyedEmbedder())
    assert surroundings(analysis, index_of(analysis, "Five people")).places == {"valzur"}


def test_fewer_surer_disagreements_only_between_sentences_that_share_a_name():
    nameless = (
        "The storm forced 400,000 people out of their homes.",
        "The storm forced 100,000 people out of their homes.",
    )
    named = tuple(text.replace("homes.", "homes in Luzon.") for text in nameless)
    shown = FactJudge()  # the default: fewer, surer
    assert flags(*nameless, "The storm forced 400,000") == ["gives 100,000 people"]
    assert flags(*nameless, "The storm forced 400,000", shown) == []
    assert flags(*named, "The storm forced 400,000", shown) == ["gives 100,000 people"]
