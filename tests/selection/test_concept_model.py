"""Learned concept weights: generic bigram features, the shipped logistic model, held-out choice."""

from __future__ import annotations

import numpy as np
import pytest

from summarize.inputs.document import make_document
from summarize.pipeline import analyze, compose_brief, split_documents
from summarize.selection import concept_model
from summarize.selection.concept_features import FEATURES, concept_features
from summarize.selection.concept_model import ConceptModel, model_not_trained_on, shipped_model, shipped_models
from summarize.selection.concepts import ConceptRanker, plain_concept_ranker
from summarize.text.bigrams import bigrams
from summarize.text.sentences import PunktSplitter

ARTICLES = [
    ("Flood hits Dresden", "Floods hit Dresden on Monday. The Elbe river rose to 9 metres. Schools closed early."),
    ("Dresden under water", "Rescuers worked through the night. Floods hit Dresden and nearby towns on Monday."),
    ("Weather", "Rain fell for a week. The Elbe river burst its banks, officials said."),
]


def _features():
    documents = [make_document(text, f"flood/{n}", title) for n, (title, text) in enumerate(ARTICLES)]
    sentences = split_documents(documents, PunktSplitter())
    kept, rows = concept_features(documents, sentences, [bigrams(s.text) for s in sentences], [1.0] * len(sentences))
    return {concept: dict(zip(FEATURES, row)) for concept, row in zip(kept, rows)}


def test_features_count_articles_leads_headlines_names_and_numbers():
    features = _features()
    hit = features[("hit", "dresden")]
    assert hit["document_share"] == pytest.approx(2 / 3)
    assert hit["lead_share"] == pytest.approx(2 / 3)
    assert hit["first_share"] == pytest.approx(1 / 3)  # the first sentence of article 0 only
    assert hit["earliest"] == pytest.approx((1 / 1 + 1 / 2) / 2)
    assert hit["title_share"] == pytest.approx(1 / 3)  # "Flood hits Dresden"
    assert hit["capitalised"] == pytest.approx(0.5)  # "Dresden" is a name, "hit" is not
    assert hit["stop_word"] == 0.0 and hit["number"] == 0.0
    river = features[("elb", "river")]
    assert river["document_share"] == pytest.approx(2 / 3) and river["title_share"] == 0.0
    assert features[("to", "9")]["number"] == 1.0 and features[("to", "9")]["stop_word"] == 1.0
    assert all(f["log_articles"] == pytest.approx(np.log(3)) for f in features.values())


def test_a_title_made_from_the_lead_is_not_a_headline():
    # Untitled: each title is the lead's first words, which would count the lead a second time.
    documents = [make_document(text, f"flood/{n}") for n, (_, text) in enumerate(ARTICLES)]
    assert all(d.title_from_lead for d in documents)
    sentences = split_documents(documents, PunktSplitter())
    kept, rows = concept_features(documents, sentences, [bigrams(s.text) for s in sentences], [1.0] * len(sentences))
    features = {concept: dict(zip(FEATURES, row)) for concept, row in zip(kept, rows)}
    assert features[("hit", "dresden")]["lead_share"] > 0
    assert all(f["title_share"] == 0.0 and f["title_word_share"] == 0.0 for f in features.values())


def test_only_bigrams_enough_articles_mention_are_kept():
    documents = [make_document(text, f"flood/{n}", title) for n, (title, text) in enumerate(ARTICLES)]
    sentences = split_documents(documents, PunktSplitter())
    concepts = [bigrams(s.text) for s in sentences]
    kept, rows = concept_features(documents, sentences, concepts, [1.0] * len(sentences), min_documents=2)
    assert kept == sorted(kept) and rows.shape == (len(kept), len(FEATURES))
    assert ("hit", "dresden") in kept and ("school", "close") not in kept


def _model(**coefficients) -> ConceptModel:
    return ConceptModel(
        FEATURES,
        tuple(0.0 for _ in FEATURES),
        tuple(1.0 for _ in FEATURES),
        tuple(coefficients.get(name, 0.0) for name in FEATURES),
        -1.0,
    )


def test_a_model_weighs_by_its_coefficients():
    rows = np.zeros((2, len(FEATURES)))
    rows[1, FEATURES.index("document_share")] = 1.0
    low, high = _model(document_share=2.0).predict(rows)
    assert low == pytest.approx(1 / (1 + np.exp(1))) and high == pytest.approx(1 / (1 + np.exp(-1)))
    assert _model(document_share=-2.0).predict(rows)[1] < low


def test_a_model_needs_a_coefficient_for_each_known_feature():
    with pytest.raises(ValueError, match="one mean, scale and coefficient"):
        ConceptModel(("document_share", "shoe_size"), (0.0, 0.0), (1.0, 1.0), (1.0, 1.0), 0.0)
    with pytest.raises(ValueError, match="one mean, scale and coefficient"):
        ConceptModel(("document_share",), (0.0,), (1.0,), (1.0, 2.0), 0.0)


def test_the_shipped_models_are_fitted_on_all_sets_then_without_each():
    models = shipped_models()
    assert shipped_model() is models[0]
    everything = set(models[0].trained_on)
    assert len(everything) >= 2
    assert {frozenset(everything - set(m.trained_on)) for m in models[1:]} == {frozenset([s]) for s in everything}
    for model in models:  # generic features only, and the signals the literature agrees on point the right way
        assert model.features == FEATURES
        assert model.coefficients[FEATURES.index("log_documents")] > 0


def test_evaluation_on_a_training_set_uses_the_model_fitted_without_it(monkeypatch):
    shipped = {
        "sets": {"a": ["a1", "a2"], "b": ["b1"], "c": ["c1"]},
        "models": [
            _model(document_share=1.0).to_dict() | {"trained_on": ["a", "b", "c"]},
            _model(document_share=2.0).to_dict() | {"trained_on": ["b", "c"]},
            _model(document_share=3.0).to_dict() | {"trained_on": ["a", "c"]},
        ],
    }
    monkeypatch.setattr(concept_model, "_shipped", lambda: shipped)
    monkeypatch.setattr(
        concept_model, "shipped_models", lambda: tuple(ConceptModel.from_dict(m) for m in shipped["models"])
    )
    assert model_not_trained_on(["new"]).trained_on == ("a", "b", "c")
    assert model_not_trained_on(["a2"]).trained_on == ("b", "c")
    assert model_not_trained_on(["b1", "new"]).trained_on == ("a", "c")
    assert model_not_trained_on(["a1", "b1"]) is None


def test_the_learned_ranker_and_the_plain_program_both_brief_within_budget(embedder, story):
    analysis = analyze(story, embedder)
    for ranker in (ConceptRanker(model=shipped_model()), plain_concept_ranker()):
        brief = compose_brief(analysis, 40, ranker)
        assert brief.sentences and brief.words <= 40
        for item in brief.sentences:
            assert (
                story[item.sentence.document].text[item.sentence.start : item.sentence.end].split()
                == item.sentence.text.split()
            )


def test_a_sentence_gain_adds_to_a_candidates_worth(embedder, story):
    analysis = analyze(story, embedder)
    plain = {item.sentence for item in compose_brief(analysis, 40, ConceptRanker()).sentences}
    outsider = next(i for i, s in enumerate(analysis.sentences) if s not in plain and 6 <= s.words <= 30)

    def favour_outsider(analysis, prepared, candidates):
        return np.array([100.0 if i == outsider else 0.0 for i in candidates])

    favoured = compose_brief(analysis, 40, ConceptRanker(sentence_gain=favour_outsider))
    assert analysis.sentences[outsider] in {item.sentence for item in favoured.sentences}
    assert favoured.words <= 40
