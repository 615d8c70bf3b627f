"""Half a quotation never enters a brief (a reader rule of issue 13 item 5)."""

from summarize.inputs.document import make_document
from summarize.pipeline import analyze, compose_brief
from summarize.selection.reader_fit import STANDS_ALONE, Leaning, leanings


def test_half_a_quotation_never_enters_a_brief(embedder):
    story = make_document(
        'Mill\n\nMayor Ann Lin wrote: "This is good news. We will open the mill on Monday."\n\n'
        "The mill in Portville closed in March after a fire.",
        "a.txt",
        "Mill",
    )
    analysis = analyze((story,), embedder)
    half, rest, closed = 0, 1, 2
    assert leanings(analysis)[half] == Leaning(-1)
    assert leanings(analysis)[rest].strict and leanings(analysis)[closed] == STANDS_ALONE
    chosen = [analysis.sentences.index(item.sentence) for item in compose_brief(analysis, 40).sentences]
    assert half not in chosen and closed in chosen
