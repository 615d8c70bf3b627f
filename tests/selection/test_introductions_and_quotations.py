"""Two reader rules of issue 13 item 5: half a quotation never enters a brief, and a person named by
surname alone as a sentence's subject comes after the sentence that gives their full name."""

from summarize.inputs.document import make_document
from summarize.pipeline import analyze, compose_brief
from summarize.selection.leaning import STANDS_ALONE, Leaning, closes_a_list, leanings
from summarize.selection.support import reading_order


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


def test_a_person_named_by_surname_only_as_the_subject_comes_after_their_full_name(embedder):
    story = make_document(
        "Pardon\n\nGarzon, who took office in May, is also looking into the loss of the town's records.\n\n"
        "Magistrate Lucia Garzon asked on Friday to question the former mayor of Portville.",
        "a.txt",
        "Pardon",
    )
    other = make_document("Ferry\n\nPortville's council met on Monday to discuss the ferry.", "b.txt", "Ferry")
    analysis = analyze((story, other), embedder)
    also, asked, council = 0, 1, 2
    assert leanings(analysis)[also] == Leaning(None, "lucia")
    assert reading_order(analysis, [also, council, asked]) == [council, asked, also]
    # introduced by a sentence ranked above it, it keeps its own place: not pulled ahead of the news between
    assert reading_order(analysis, [asked, council, also]) == [asked, council, also]


def test_finally_leans_on_the_steps_before_it_only_when_the_article_lists_them(embedder):
    steps = make_document(
        "Plan\n\nThe council set out its flood plan on Monday.\n\nFirst, it will raise the levee.\n\n"
        "Second, it will buy pumps.\n\nFinally, it will hire two more engineers.",
        "a.txt",
        "Plan",
    )
    bridge = make_document(
        "Bridge\n\nFinally, after 12 years of delays, the Portville river bridge opened on Monday.\n\n"
        "The mayor cut the ribbon.\n\nLastly, the town will hire two more nurses.",
        "b.txt",
        "Bridge",
    )
    analysis = analyze((steps, bridge), embedder)
    texts = [sentence.text for sentence in analysis.sentences]
    last_step, opened, nurses = (texts.index(t) for t in texts if t.startswith(("Finally", "Lastly")))
    assert closes_a_list(analysis, last_step) and leanings(analysis)[last_step] == Leaning(last_step - 1)
    # news's "at last": the lead stands alone, and so does a "Lastly," with no steps before it
    assert not closes_a_list(analysis, opened) and leanings(analysis)[opened] == STANDS_ALONE
    assert not closes_a_list(analysis, nurses) and leanings(analysis)[nurses] == STANDS_ALONE


def test_a_surname_subject_needs_no_introduction_that_no_brief_can_hold(embedder):
    story = make_document(
        "Recall\n\nFerrow is recalling 300,000 trucks, the maker said on Tuesday.\n\n"
        "It is the largest recall since Dana Ferrow founded the firm.\n\nFerrow, who is 91, said he was sad.",
        "a.txt",
        "Recall",
    )
    analysis = analyze((story,), embedder)
    recalling = 0
    assert leanings(analysis)[recalling] == STANDS_ALONE  # the only full name leans on "It"
    chosen = [analysis.sentences.index(item.sentence) for item in compose_brief(analysis, 20).sentences]
    assert recalling in chosen
