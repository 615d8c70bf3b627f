"""A speaker named by surname only ("Peskov said") in a sectioned brief: introduced by a sentence that
stands alone (the rule plain briefs keep, `reader_fit.introducers`), before it in the brief."""

from summarize.inputs.document import make_document
from summarize.pipeline import analyze, compose_brief
from summarize.sections.prompts import parse_prompt
from summarize.selection.leaning import STANDS_ALONE, introduction_needed, leanings, stems
from summarize.selection.support import introducers

KREMLIN = [
    "“We see no room for dialogue with the alliance now,” Peskov said after the alliance expelled the diplomats.",
    # gives his full name, but leans on a decision it does not name: no introduction
    "That decision was a hostile act against Moscow, Kremlin spokesman Dmitry Peskov told reporters on Friday.",
    # stands alone and gives his full name, but is long
    "Kremlin spokesman Dmitry Peskov told reporters in Moscow on Thursday evening, after a long meeting of the "
    "Russian security council that had lasted most of the afternoon and had been called at short notice by the "
    "president, that the decision of the alliance to expel the diplomats was hostile and would be answered.",
    "The alliance expelled eight Russian diplomats on Wednesday, saying they were spies.",
]


def kremlin(embedder):
    documents = [make_document(text, f"{n}.txt", f"Story {n}") for n, text in enumerate(KREMLIN)]
    analysis = analyze(documents, embedder)
    surname, leaning, introduction, _ = (analysis.sentences.index(s) for s in analysis.sentences)
    return analysis, surname, leaning, introduction


def unintroduced(analysis, chosen):
    """The chosen sentences that name their speaker by surname only with no sentence before them that
    stands alone and gives the speaker's given name."""
    words, needs = stems(analysis), leanings(analysis)
    return [
        index
        for place, index in enumerate(chosen)
        if (given := introduction_needed(analysis, index)) is not None
        and not any(needs[i] == STANDS_ALONE and given in words[i] for i in chosen[:place])
    ]


def test_only_a_sentence_that_stands_alone_introduces(embedder):
    analysis, surname, leaning, introduction = kremlin(embedder)
    assert leanings(analysis)[leaning] != STANDS_ALONE and introduction_needed(analysis, leaning) is None
    assert introducers(analysis, surname, range(len(analysis.sentences))) == [introduction]
    assert introducers(analysis, introduction, range(len(analysis.sentences))) is None  # needs none


def test_a_section_takes_a_surname_only_with_an_introduction_that_stands_alone(embedder):
    analysis, surname, _, introduction = kremlin(embedder)
    taken = []
    for words in (40, 50, 60, 70, 80, 100):
        for focus in ("What did each side say?", "How did each side respond?"):
            brief = compose_brief(analysis, words, focus=focus, embedder=embedder)
            chosen = [analysis.sentences.index(item.sentence) for item in brief.sentences]
            assert unintroduced(analysis, chosen) == [], (words, focus, chosen)
            taken += chosen
    assert surname in taken, "with room for its introduction, the surname sentence is taken (after it)"
    assert introduction in taken


TWO_PARTS = parse_prompt(
    "# Two parts\nwords: 100\n\n## Reactions\n- What did each side say?\nshare: 50%\n\n"
    "## Background\n- What is the background and history of this?\nshare: 50%\n"
)
REACTIONS_AND_HISTORY = [
    "“We see no room for dialogue with the alliance now,” Peskov said after the alliance expelled the diplomats.",
    # his introduction, which the second section (the history) takes
    "Kremlin spokesman Dmitry Peskov said the alliance had long been hostile to Russia, ever since the crisis of 2014.",
    "The alliance expelled eight Russian diplomats on Wednesday, saying they were spies.",
    "Relations between Russia and the alliance have been strained since the annexation of Crimea in 2014.",
]


def test_an_introduction_in_a_later_section_does_not_introduce(embedder):
    documents = [make_document(text, f"{n}.txt", f"Story {n}") for n, text in enumerate(REACTIONS_AND_HISTORY)]
    analysis = analyze(documents, embedder)
    introduction = analysis.sentences.index(next(s for s in analysis.sentences if "Dmitry" in s.text))
    taken = []
    for words in (40, 50, 60, 80, 100):
        brief = compose_brief(analysis, words, prompt=TWO_PARTS, embedder=embedder)
        in_sections = [
            [analysis.sentences.index(brief.sentences[k].sentence) for k in s.sentences] for s in brief.sections
        ]
        assert introduction not in in_sections[0], "the test's premise: the history section takes the introduction"
        chosen = [index for section in in_sections for index in section]  # as the brief reads
        assert unintroduced(analysis, chosen) == [], (words, in_sections)
        taken += chosen
    assert introduction in taken
