"""Focus questions whose answers use other words than the question's (made-up articles): a subject
word no article uses is read through the articles' words that mean the same; "how many" asks for
counts; "what did the mayor say" takes the mayor's whole quotation even when it opens with "This"."""

from collections.abc import Sequence

import numpy as np
import pytest

from summarize.inputs.document import make_document
from summarize.pipeline import analyze, compose_brief
from summarize.sections.questions import read_question
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


class SynonymEmbedder(HashingEmbedder):
    """The hashing fake, except that it reads "died" close to "killed" (cosine 0.71, as a real model places them)."""

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return super().embed([text.replace("died", "killed perished") for text in texts])


def plant_analysis(embedder: HashingEmbedder):
    documents = tuple(make_document(text, f"plant/{n}.txt", title) for n, (title, text) in enumerate(PLANT))
    return analyze(documents, embedder)


def test_a_subject_word_no_article_uses_is_read_through_the_articles_words():
    embedder = SynonymEmbedder()
    brief = compose_brief(plant_analysis(embedder), 150, focus="How many people died?", embedder=embedder)
    assert brief.sections[0].addressed
    texts = [item.sentence.text for item in brief.sentences]
    assert texts and all("kill" in text for text in texts), texts
    # With a model that does not relate the words, the question still names nothing in the articles.
    plain = HashingEmbedder()
    unrelated = compose_brief(plant_analysis(plain), 150, focus="How many people died?", embedder=plain)
    assert unrelated.sentences == () and not unrelated.sections[0].addressed


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


@pytest.mark.model
def test_the_real_model_relates_died_to_killed():
    """The transformer places "died" within RELATED_SIMILARITY of "killed", "football" not of any
    word of the plant articles."""
    from summarize.embedding.torch_model import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder()
    analysis = plant_analysis(embedder)
    died = compose_brief(analysis, 150, focus="How many people died?", embedder=embedder)
    texts = [item.sentence.text for item in died.sentences]
    assert texts and any("killing 12" in text or "risen to 14" in text for text in texts), texts
    football = compose_brief(analysis, 150, focus="Who won the football match?", embedder=embedder)
    assert football.sentences == () and not football.sections[0].addressed
