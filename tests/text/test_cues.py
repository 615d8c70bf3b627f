"""The surface cues every stage shares: one vocabulary, so stages agree on a sentence."""

import pytest

from summarize.records import Sentence
from summarize.selection.features import self_containment
from summarize.text import cues
from summarize.text.speakers import attributed


def _sentence(document_text: str, text: str) -> Sentence:
    start = document_text.index(text)
    return Sentence(0, start, start + len(text), text, 0)


@pytest.mark.parametrize(
    "text",
    [
        '"Tower, we have the runway," Captain Maren T. Holloway reported.',
        '"We will not accept this," Foreign Minister Sergey Lavrov warned.',
        '"It is a provocation," Kremlin spokesman Dmitry Peskov told reporters.',
        '"The move was expected," Stoltenberg wrote on Twitter.',
    ],
)
def test_a_quote_that_names_its_speaker_is_attributed_in_every_stage(text: str) -> None:
    assert attributed(text) is not None  # the speakers stage names someone...
    assert cues.is_attributed(text)  # ...so the shared cue says it is attributed...
    # ...and selection does not take it for an unattributed quote (only the 0.6 quote factor is absent).
    assert self_containment(_sentence(text, text)) == 1.0


def test_an_unattributed_quote_is_not_self_contained() -> None:
    text = '"We will respond to this decision in due course."'
    assert not cues.is_attributed(text)
    assert self_containment(_sentence(text, text)) < 1.0


def test_according_to_attributes() -> None:
    assert cues.is_attributed("The talks failed, according to the Kremlin.")
    assert not cues.is_attributed("The talks failed on Tuesday.")


def test_x_quoted_y_does_not_make_x_the_speaker() -> None:
    assert attributed("Reuters quoted Peskov as saying the talks had failed.") != ["Reuters"]
    assert attributed("Peskov was quoted by Reuters.") == ["Peskov"]


def test_leaning_starts_widen_from_speakers_to_referring_to_dangling_words() -> None:
    assert cues.starts_with_speaker_pronoun("He said the talks failed.")
    assert not cues.starts_with_speaker_pronoun("This was the third attempt.")
    assert cues.starts_referring("This was the third attempt.")
    assert cues.starts_referring("He said the talks failed.")
    assert not cues.starts_referring("But the talks failed.")
    assert cues.starts_dangling("But the talks failed.")
    assert cues.starts_dangling("This was the third attempt.")
    assert not cues.starts_dangling("Theirs was a hard job.")  # a whole word, not a prefix
    assert set(cues.SPEAKER_PRONOUNS) <= set(cues.REFERRING_WORDS) <= set(cues.DANGLING_WORDS)


def test_in_quotation_sees_a_quote_opened_earlier_in_the_paragraph() -> None:
    document = 'Lavrov said: "The move is hostile. It will not go unanswered." Talks resume today.'
    inside = _sentence(document, 'It will not go unanswered."')
    after = _sentence(document, "Talks resume today.")
    assert cues.opens_inside_quote(document, inside)
    assert cues.in_quotation(inside, document)
    assert not cues.in_quotation(after, document)


def test_outside_quotes_blanks_quoted_words_only() -> None:
    kept = cues.outside_quotes('"Lavrov is wrong," Peskov said.')
    assert "Lavrov" not in kept and "Peskov said." in kept
    assert cues.has_half_quote('He said: "The talks failed.') and not cues.has_half_quote('"Fine," he said.')
    assert not cues.has_half_quote("The 6'8\" center scored 31.") and cues.has_half_quote('He said: "We need 12.')
    assert cues.outside_quotes('A 12" snowfall "hit" us.') == 'A 12" snowfall       us.'


def _outside_quotes_one_character_at_a_time(text: str) -> str:
    """The rule, stated plainly: each quotation mark and each character inside a quotation is a space."""
    first = next((c for c in text if c in '"“”'), None)
    inside, kept = first == "”", []
    for char in text:
        if char in "“”":
            inside = char == "“"
        elif char == '"':
            inside = not inside
        kept.append(" " if inside or char in '"“”' else char)
    return "".join(kept)


def test_outside_quotes_follows_the_rule_on_every_mix_of_marks() -> None:
    import random

    chooser = random.Random(7)
    for _ in range(3000):
        text = "".join(chooser.choice('ab "“”é\n') for _ in range(chooser.randint(0, 14)))
        assert cues.outside_quotes(text) == _outside_quotes_one_character_at_a_time(text), text


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ('"We told everyone this levee would fail."', True),
        ("“We will not be intimidated.”", True),
        ("“We will not be intimidated,” she said.", False),
        ("“One,” she said. “Two.”", False),
        ('The word "crisis" was not used.', False),
        ('"', False),
    ],
)
def test_unattributed_quotation_is_a_whole_quotation_with_nothing_outside(text: str, whole: bool) -> None:
    assert cues.unattributed_quotation(text) is whole


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("If a thief opens a card in your name, how do you fix it?", True),
        ("Among their questions: Will the new dam hold?", True),
        ("Will the dam hold (and for how long?)", True),
        ('"Will the dam hold?" the mayor asked.', False),
        ('She asked: "Will the dam hold?"', False),
        ("The dam held, officials said.", False),
    ],
)
def test_a_question_the_writer_asks_is_told_from_a_quoted_one(text, asks):
    assert cues.asks_a_question(text) is asks


@pytest.mark.parametrize(
    ("paragraph", "which", "open_"),
    [
        ('Lin wrote: "This is good news. We will open the mill."', 0, True),  # the rest follows
        ('Lin wrote: "This is good news. We will open the mill."', 1, False),  # the rest: continues it
        ("Lin wrote: “This is good news. We will open the mill.”", 0, True),
        ('"This is good news," Lin wrote. "We will open the mill."', 0, False),  # opened and closed
        ('Lin said the mill would open. "It is good news," she wrote.', 0, False),
        ("Lin said the mill would open on Monday.", 0, False),
        ("The 6'8\" center Ada Lin scored 31 points. The mill team won.", 0, False),  # inch marks
        ('A storm dumped 12" of snow on Portville. Schools closed.', 0, False),
        ('A storm dumped 12" of snow on Portville. Schools closed.', 1, False),
        ('Lin wrote: "We need 12 more. Then we open."', 0, True),  # a quotation that ends in a digit
        ('Lin called it "Plan 9" and left. The mill closed.', 1, False),  # its mark after a digit closes it
    ],
)
def test_a_sentence_that_opens_a_quotation_it_does_not_close_leaves_it_open(paragraph, which, open_) -> None:
    from summarize.text.sentences import PunktSplitter

    start, end = PunktSplitter().split(paragraph)[which]
    sentence = Sentence(0, start, end, paragraph[start:end], which)
    assert cues.leaves_a_quotation_open(sentence, paragraph) is open_
