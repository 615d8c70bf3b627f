"""The concept-coverage ILP ranker and its concepts, on literal documents with the fake embedder."""

from summarize.inputs.document import make_document
from summarize.pipeline import analyze, compose_brief
from summarize.selection.concepts import ConceptRanker
from summarize.text.bigrams import bigrams, content_words, document_frequency


def test_bigrams_are_stemmed_and_skip_pairs_of_stop_words():
    assert bigrams("The storms were hitting the coast") == {
        ("storm", "were"),
        ("the", "storm"),
        ("hit", "the"),
        ("the", "coast"),
        ("were", "hit"),
    }
    assert ("of", "the") not in bigrams("one of the best")
    assert content_words("The storms hit") == {("storm",), ("hit",)}


def test_document_frequency_counts_documents_not_mentions():
    concepts = [{("a", "b")}, {("a", "b")}, {("a", "b"), ("c", "d")}]
    assert document_frequency(concepts, [0, 0, 1]) == {("a", "b"): 2, ("c", "d"): 1}


def documents(*texts):
    return tuple(make_document(text, f"d{n}.txt", f"Doc {n}") for n, text in enumerate(texts))


WIDELY_REPORTED = "The river flooded the old town on Sunday after three days of heavy rain."
ONE_OUTLET = "A local baker said she had never seen the market square so quiet on a weekend."


def test_prefers_what_several_articles_report(embedder):
    docs = documents(
        f"{ONE_OUTLET}\n{WIDELY_REPORTED}",
        "The river flooded the old town on Sunday, officials said after days of heavy rain.",
        "After heavy rain the river flooded the old town on Sunday and closed two bridges.",
    )
    brief = compose_brief(analyze(docs, embedder), 15, ConceptRanker())
    assert len(brief.sentences) == 1
    assert "river flooded the old town" in brief.sentences[0].sentence.text


def test_never_repeats_itself_and_holds_the_budget(embedder):
    docs = documents(
        f"{WIDELY_REPORTED}\nRescue teams evacuated two hundred residents from the flooded old town by boat.",
        f"{WIDELY_REPORTED}\nThe mayor said the damage to the old town would cost millions of euros to repair.",
        "The river flooded the old town on Sunday after days of heavy rain, officials said.",
    )
    analysis = analyze(docs, embedder)
    for budget in (10, 20, 40, 80):
        brief = compose_brief(analysis, budget, ConceptRanker())
        texts = [item.sentence.text for item in brief.sentences]
        assert brief.words <= budget
        assert len(texts) == len(set(texts)), "the same sentence from two outlets is chosen once"
        assert len({item.cluster for item in brief.sentences}) == len(texts)


def test_a_sentence_that_leans_on_its_context_loses_to_one_that_stands_alone(embedder):
    standalone = "The council approved the new budget for the city schools on Monday night."
    dangling = "It approved the new budget for the city schools on Monday night, officials said."
    docs = documents(dangling + "\n" + standalone, standalone.replace("Monday", "Monday evening"), standalone)
    brief = compose_brief(analyze(docs, embedder), 16, ConceptRanker())
    assert next(item.sentence.text for item in brief.sentences).startswith("The council")


def test_a_single_article_gets_a_brief_of_its_own_sentences(embedder):
    text = (
        "The council approved the new budget for the city schools on Monday night.\n"
        "Teachers welcomed the decision, which adds two hundred jobs across the district.\n"
        "The budget now goes to the state for a final review before it takes effect in July."
    )
    brief = compose_brief(analyze(documents(text), embedder), 30, ConceptRanker())
    assert 20 <= brief.words <= 30
    assert all(item.sentence.document == 0 and not item.also_in for item in brief.sentences)


def test_re_briefing_one_analysis_weighs_its_concepts_once(embedder, monkeypatch):
    docs = documents(
        f"{WIDELY_REPORTED}\nRescue teams evacuated two hundred residents from the flooded old town by boat.",
        f"{WIDELY_REPORTED}\nThe mayor said the damage to the old town would cost millions of euros to repair.",
    )
    analysis, other = analyze(docs, embedder), analyze(docs[:1] + docs[:1], embedder)
    calls = []
    weigh = ConceptRanker.concept_weights
    monkeypatch.setattr(ConceptRanker, "concept_weights", lambda self, *args: calls.append(1) or weigh(self, *args))
    first = [compose_brief(analysis, budget, ConceptRanker()) for budget in (10, 20, 40)]
    assert len(calls) == 1, "a new length, even from a new ranker, reuses the weights"
    compose_brief(analysis, 20, ConceptRanker(lead_weight=0.0))
    compose_brief(other, 20, ConceptRanker())
    assert len(calls) == 3, "other weights or another analysis are weighed afresh"
    again = analyze(docs, embedder)  # the same analysis afresh: nothing derived kept yet
    fresh = [compose_brief(again, budget, ConceptRanker()) for budget in (10, 20, 40)]
    assert fresh == first
