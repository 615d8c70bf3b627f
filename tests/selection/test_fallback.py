"""Articles that share nothing to cover get the salience method's brief, under the reader rules."""

from summarize.inputs.document import make_document
from summarize.pipeline import analyze, compose_brief
from summarize.selection.concepts import ConceptRanker
from summarize.selection.support import supporters, usable


def unrelated_stories() -> tuple:
    return (
        make_document(
            "A powerful storm lashed the northern coast on Monday, flooding roads and cutting power to homes.\n\n"
            "He said the storm was the worst the town had seen in forty years of records.\n\n"
            "Forecasters expect more rain on Tuesday across the region.",
            "storm.txt",
            "Storm lashes coast",
        ),
        make_document(
            "Peskov said the alliance had made a grave mistake that would harm relations for years.\n\n"
            "Kremlin spokesman Dmitry Peskov said Moscow would respond to the expulsion of its diplomats.\n\n"
            "The alliance expelled eight members of the Russian mission last week.",
            "nato.txt",
            "Kremlin responds",
        ),
    )


def test_the_fallback_keeps_no_sentence_without_its_support_and_puts_each_after_it(embedder):
    analysis = analyze(unrelated_stories(), embedder)
    peskov = next(i for i, s in enumerate(analysis.sentences) if s.text.startswith("Peskov said"))
    for budget in (15, 20, 30, 40, 60, 100):
        chosen = [choice.sentence for choice in ConceptRanker().fallback(analysis, budget)]
        assert usable(analysis, chosen) == chosen
        for place, index in enumerate(chosen):
            needed = supporters(analysis, index, [i for i in chosen if i != index])
            assert not needed or any(i in chosen[:place] for i in needed)
        if budget <= 30:
            assert peskov not in chosen  # "Dmitry Peskov" does not fit beside it
    brief = compose_brief(analysis, 20)
    assert brief.sentences  # the top-up fills what the fallback left
