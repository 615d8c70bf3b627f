"""Focus questions whose answers use other words than the question's (made-up articles): a subject
word of a family of news words ("died") is read through the family's words the articles use; "how many" asks for
counts; "what did the mayor say" takes the mayor's whole quotation even when it opens with "This"."""

from summarize.inputs.document import make_document
from summarize.pipeline import analyze, compose_brief
from summarize.sections.questions import read_question
from summarize.sections.related_words import related_words
from tests.fakes import HashingEmbedder

PLANT = [
    (
        "Chemical plant blast kills 12",
        "An explosion tore through the Halvorsen Chemicals plant in Marrow Falls on Tuesday night, killing 12 "
        "workers and injuring 40 others, state officials said.\n\n"
        '"This is the worst day this town has ever seen," Mayor Lionel Pratt told reporters at a school gym '
        "that was turned into a shelter.\n\n"
        "About 3,000 residents living within two miles of the plant were ordered to leave their homes.",
    ),
    (
        "Death toll in plant explosion rises to 14",
        "The death toll from the explosion at the Halvorsen Chemicals plant has risen to 14, the county "
        "coroner said on Wednesday.\n\n"
        "Governor Ruth Calloway declared a state of emergency and sent National Guard troops to the town.\n\n"
        "The plant was fined $85,000 in 2023 for failing to store chemicals safely.",
    ),
]


def plant_analysis(embedder: HashingEmbedder):
    documents = tuple(make_document(text, f"plant/{n}.txt", title) for n, (title, text) in enumerate(PLANT))
    return analyze(documents, embedder)


def test_a_subject_word_is_read_through_its_family_of_news_words():
    embedder = HashingEmbedder()
    brief = compose_brief(plant_analysis(embedder), 150, focus="How many people died?", embedder=embedder)
    assert brief.sections[0].addressed
    texts = [item.sentence.text for item in brief.sentences]
    assert any("killing 12" in text for text in texts), texts
    # A word of no family ("survived") is not read as another: the death toll does not answer it.
    survived = compose_brief(plant_analysis(embedder), 150, focus="How many people survived?", embedder=embedder)
    assert survived.sentences == () and not survived.sections[0].addressed


def test_the_family_is_read_even_when_some_article_uses_the_word_itself():
    articles = [
        ("Warehouse fire", "Two firefighters died when the roof of the burning warehouse in Lindqvist collapsed."),
        ("Warehouse fire toll", "The blaze in Lindqvist spread overnight, killing four workers at the depot."),
        ("Warehouse victims named", "The four victims were named on Friday by the Lindqvist police."),
    ]
    embedder = HashingEmbedder()
    documents = tuple(make_document(text, f"fire/{n}.txt", title) for n, (title, text) in enumerate(articles))
    brief = compose_brief(analyze(documents, embedder), 80, focus="How many people died?", embedder=embedder)
    texts = " ".join(item.sentence.text for item in brief.sentences)
    assert "killing four workers" in texts and "four victims" in texts, texts


def test_families_hold_news_synonyms_and_not_opposites():
    families = related_words([read_question("How many were wounded or perished?")], {"injur", "kill", "surviv"})
    assert families == {"wound": frozenset({"injur"}), "perish": frozenset({"kill"})}


def test_how_many_asks_for_counts_and_why_for_causes():
    assert "number" in read_question("How many people died?").kinds
    assert "number" in read_question("What is the death toll?").kinds
    assert "cause" in read_question("What caused the explosion?").kinds
    assert "cause" in read_question("Why did the plant explode?").kinds
    assert read_question("What did the mayor say?").kinds == ("statement",)


def test_the_mayors_quotation_answers_what_the_mayor_said():
    embedder = HashingEmbedder()
    brief = compose_brief(plant_analysis(embedder), 150, focus="What did the mayor say?", embedder=embedder)
    assert [item.sentence.text[:22] for item in brief.sentences] == ['"This is the worst day']


def test_a_story_counts_money_and_approximate_round_numbers_as_numbers():
    from summarize.sections.story import Story

    articles = [
        ("Bridge repairs", "Repairs will cost $4.5 million. About 2000 homes lost power. The council met in 1998."),
    ]
    documents = tuple(make_document(text, f"b/{n}.txt", title) for n, (title, text) in enumerate(articles))
    story = Story(analyze(documents, HashingEmbedder()))
    assert list(story.kinds["number"]) == [1.0, 1.0, 0.0]
