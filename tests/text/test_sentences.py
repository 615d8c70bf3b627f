from __future__ import annotations

import time
from importlib.resources import files
from pathlib import Path

import pytest

from summarize.text.sentences import (
    NEWS_ABBREVIATIONS,
    NEWS_MONTHS,
    NEWS_TITLES,
    PUNKT_DATA_FILES,
    PunktSplitter,
    SentenceSplitter,
    english_punkt_parameters,
)

SEEDS_DIR = Path("/work/shared/seeds")

SPLITTER: SentenceSplitter = PunktSplitter()


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in SPLITTER.split(text)]


def assert_well_formed(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        previous_end = end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello world. How are you?", ["Hello world.", "How are you?"]),
        ("Stop! Why? Because.", ["Stop!", "Why?", "Because."]),
        # U.S. inside a sentence, before a name-like word, and ending one.
        ("The U.S. Army said so.", ["The U.S. Army said so."]),
        ("The U.S.-led coalition struck. Rebels fled.", ["The U.S.-led coalition struck.", "Rebels fled."]),
        ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
        ("She lives in the U.S. He does not.", ["She lives in the U.S.", "He does not."]),
        (
            "Talks at the U.N. ended. The U.K. Foreign Office agreed.",
            ["Talks at the U.N. ended.", "The U.K. Foreign Office agreed."],
        ),
        ("The attack on Oct. 7 shocked Israel. Many died.", ["The attack on Oct. 7 shocked Israel.", "Many died."]),
        (
            "It opened Sept. 12 and closed Dec. 3. Nobody came.",
            ["It opened Sept. 12 and closed Dec. 3.", "Nobody came."],
        ),
        (
            "Mr. Smith met Mrs. Jones and Dr. Brown. They talked.",
            ["Mr. Smith met Mrs. Jones and Dr. Brown.", "They talked."],
        ),
        (
            "Gen. Milley briefed Sen. Warren. Rep. Pelosi listened.",
            ["Gen. Milley briefed Sen. Warren.", "Rep. Pelosi listened."],
        ),
        (
            "Gov. Newsom thanked Sgt. Diaz, Capt. Reyes and Cmdr. Lee.",
            ["Gov. Newsom thanked Sgt. Diaz, Capt. Reyes and Cmdr. Lee."],
        ),
        (
            "Lt. Col. Vindman and Maj. Gen. Ryder met Adm. Grady. Rev. King prayed.",
            ["Lt. Col. Vindman and Maj. Gen. Ryder met Adm. Grady.", "Rev. King prayed."],
        ),
        ("Prof. Ito and Det. Insp. Shaw visited St. Louis.", ["Prof. Ito and Det. Insp. Shaw visited St. Louis."]),
        ("J. R. R. Tolkien wrote it. He was English.", ["J. R. R. Tolkien wrote it.", "He was English."]),
        ("It began at 9 a.m. on Monday. It ended late.", ["It began at 9 a.m. on Monday.", "It ended late."]),
        ("It began at 9 a.m. The crowd was calm.", ["It began at 9 a.m.", "The crowd was calm."]),
        ("Some fruit, e.g. apples, is cheap. Buy it.", ["Some fruit, e.g. apples, is cheap.", "Buy it."]),
        ("The rule, i.e. the law, applies. Obey it.", ["The rule, i.e. the law, applies.", "Obey it."]),
        ("Smith et al. found it. Others disagreed.", ["Smith et al. found it.", "Others disagreed."]),
        ("Apple Inc. and Acme Corp. sued Foo Ltd. in court.", ["Apple Inc. and Acme Corp. sued Foo Ltd. in court."]),
        (
            "He is ranked No. 1 in the world. Next is No. 12, a rival.",
            ["He is ranked No. 1 in the world.", "Next is No. 12, a rival."],
        ),
        ("The answer was no. We left.", ["The answer was no.", "We left."]),
        ("It was Smith vs. Jones. Jones won.", ["It was Smith vs. Jones.", "Jones won."]),
        (
            "They climbed Mt. Everest, 29,032 ft. high. It was cold.",
            ["They climbed Mt. Everest, 29,032 ft. high.", "It was cold."],
        ),
        # Quotes that end a sentence stay with it.
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        ("He said “no.” Then he left.", ["He said “no.”", "Then he left."]),
        (
            "“We will win,” he said. “They will lose.” The crowd cheered.",
            ["“We will win,” he said.", "“They will lose.”", "The crowd cheered."],
        ),
        ("The talks are “over.” Officials left Geneva.", ["The talks are “over.”", "Officials left Geneva."]),
        ("She asked, 'Why?' Nobody answered.", ["She asked, 'Why?'", "Nobody answered."]),
    ],
)
def test_splits_news_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    assert_well_formed(text, SPLITTER.split(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title before a name Punkt's model reads as a sentence starter ("guy", "page" are words).
        ("Gov. Guy Marsh toured the town. Ms. Page said so.", ["Gov. Guy Marsh toured the town.", "Ms. Page said so."]),
        ("Sens. Ann Ruiz and Tom Vance voted no.", ["Sens. Ann Ruiz and Tom Vance voted no."]),
        ("Dist. Atty. Rosa Field dropped the charges.", ["Dist. Atty. Rosa Field dropped the charges."]),
        ("It said Brig. Gen. Omar Haddad was safe.", ["It said Brig. Gen. Omar Haddad was safe."]),
        # A capitalised title only: a navy brig ends a sentence.
        (
            "He was held in the navy brig. By noon he was free.",
            ["He was held in the navy brig.", "By noon he was free."],
        ),
        # A person's initials, and "U.S." before a name.
        (
            "Trooper W.L. Marsh said it. President F.W. de Vries spoke.",
            ["Trooper W.L. Marsh said it.", "President F.W. de Vries spoke."],
        ),
        ("The U.S. Fish and Wildlife Service agreed.", ["The U.S. Fish and Wildlife Service agreed."]),
        ("She met U.N. Ambassador Lena Dahl.", ["She met U.N. Ambassador Lena Dahl."]),
        ("He moved to the U.S. He wrote.", ["He moved to the U.S.", "He wrote."]),
        ("Critics blamed the N.Y.P.D. Rivals agreed.", ["Critics blamed the N.Y.P.D.", "Rivals agreed."]),
        # A list mark before a month or a title hides it from Punkt.
        ("_Aug. 15, 1983: The case opens.", ["_Aug. 15, 1983: The case opens."]),
        ("_Dr. Ruth Lee warned of the risks.", ["_Dr. Ruth Lee warned of the risks."]),
        # A lower-case word goes on the sentence: after an abbreviation, or a quotation's "?" or "!".
        ("She holds an M.A. in law from Leeds.", ["She holds an M.A. in law from Leeds."]),
        ('"Why now?" he asked. Nobody knew.', ['"Why now?" he asked.', "Nobody knew."]),
        ("“We won!” the crowd shouted as rain fell.", ["“We won!” the crowd shouted as rain fell."]),
        ('They chanted "Out now!" and marched on.', ['They chanted "Out now!" and marched on.']),
        # A spaced ellipsis is one mark, inside a sentence or at its end.
        (
            "The report finds that the minister . . . is accountable. He denied it.",
            ["The report finds that the minister . . . is accountable.", "He denied it."],
        ),
        ('"They are gone . . . all gone," he said.', ['"They are gone . . . all gone," he said.']),
        ("She said it was over . . . Nobody objected.", ["She said it was over . . .", "Nobody objected."]),
        ("It ended there . . . .' The crowd left.", ["It ended there . . . .'", "The crowd left."]),
        # Who asked a quotation that ends in "?" ...
        ('"Is it over?" Mayor Lin asked.', ['"Is it over?" Mayor Lin asked.']),
        (
            '"Can we go home?" Ada Park, a nurse, said on local radio.',
            ['"Can we go home?" Ada Park, a nurse, said on local radio.'],
        ),
        # ... but not a sentence that goes on to report something, nor one after an attributed quotation.
        ('"Is it over?" Lin said he did not know.', ['"Is it over?"', "Lin said he did not know."]),
        ("She asked, 'Why?' Nobody answered.", ["She asked, 'Why?'", "Nobody answered."]),
        # The dash that credits a quotation.
        (
            '"The river rose like a wall." -- Dan Ortiz, a farmer.',
            ['"The river rose like a wall." -- Dan Ortiz, a farmer.'],
        ),
    ],
)
def test_mends_breaks_punkt_makes_inside_a_news_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    assert_well_formed(text, SPLITTER.split(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An acronym in capitals that spells a title ("MS", "DR") ends a sentence.
        (
            "She has lived with MS. Her doctors say the new drug helps her walk again.",
            ["She has lived with MS.", "Her doctors say the new drug helps her walk again."],
        ),
        ("He was born in the DR. He moved to a new city.", ["He was born in the DR.", "He moved to a new city."]),
        # A title in title case goes on a name, even one that is a word too.
        ('"It is time," Ms. He said.', ['"It is time," Ms. He said.']),
        # After a question, a sentence whose speech verb goes on to say what was said is its own.
        (
            '"Is it safe?" Residents said nobody had told them.',
            ['"Is it safe?"', "Residents said nobody had told them."],
        ),
        ('"Why now?" Critics said the timing was odd.', ['"Why now?"', "Critics said the timing was odd."]),
        # ... while a tail that ends at the verb, perhaps with an adverbial, or names the speaker after it, stays.
        ('"Why now?" the mayor asked again.', ['"Why now?" the mayor asked again.']),
        ('"Why now?" asked Ada Park, a nurse.', ['"Why now?" asked Ada Park, a nurse.']),
        ('"Are we safe?" a resident asked the crowd.', ['"Are we safe?" a resident asked the crowd.']),
    ],
)
def test_mends_only_where_a_sentence_goes_on(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title before a name that is also a common word: the name goes on the sentence.
        ("The call came from Mr. Young at noon.", ["The call came from Mr. Young at noon."]),
        ("We met Mrs. May on Friday. Dr. Price said no.", ["We met Mrs. May on Friday.", "Dr. Price said no."]),
        ("He saw Mr. Young. Mrs. May left.", ["He saw Mr. Young.", "Mrs. May left."]),
        ("Mr. Long and Mrs. Best met Dr. Green.", ["Mr. Long and Mrs. Best met Dr. Green."]),
        # A hyphenated title ("then-Dist. Atty.") before a name.
        ("It was over. Then-Dist. Atty. Ann Lee said so.", ["It was over.", "Then-Dist. Atty. Ann Lee said so."]),
        ("It was signed by then-Gov. Ann Lee in 1990.", ["It was signed by then-Gov. Ann Lee in 1990."]),
        # A state after its town: a title or a name goes on the place ...
        ("Raleigh, N.C. Mayor Lin fled.", ["Raleigh, N.C. Mayor Lin fled."]),
        ("He met Salem, Ore. Police Chief Ada Cole.", ["He met Salem, Ore. Police Chief Ada Cole."]),
        # ... a pronoun, an article or "No" opens a sentence (Punkt reads the state as going on).
        ("Her mail comes to Easton, N.Y. She shreds it.", ["Her mail comes to Easton, N.Y.", "She shreds it."]),
        ("Hail hit Elton, S.C. No one was hurt.", ["Hail hit Elton, S.C.", "No one was hurt."]),
        ("It was held in Tampa, Fla. This is new.", ["It was held in Tampa, Fla.", "This is new."]),
        ("The team from Elton, S.C. No. 5 in the state, won.", ["The team from Elton, S.C. No. 5 in the state, won."]),
    ],
)
def test_titles_names_and_places(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    assert_well_formed(text, SPLITTER.split(text))


def test_titles_and_months_are_news_abbreviations() -> None:
    # One list of each: what _continues mends after is also what Punkt reads as an abbreviation.
    assert NEWS_MONTHS <= NEWS_ABBREVIATIONS
    assert len(NEWS_TITLES - NEWS_ABBREVIATIONS) <= 2  # only titles that are also words ("brig")


def test_spans_are_exact_offsets_with_surrounding_whitespace() -> None:
    text = "  First one.   Second one.\t "
    assert SPLITTER.split(text) == [(2, 12), (15, 26)]


def test_every_line_break_ends_a_sentence() -> None:
    text = "Headline Without A Period\nFirst line. Second line\n\n  Third   \r\nLast line."
    assert sentences(text) == ["Headline Without A Period", "First line.", "Second line", "Third", "Last line."]


def test_a_line_break_splits_even_after_an_abbreviation() -> None:
    assert sentences("Reporting by Mr.\nSmith wrote this.") == ["Reporting by Mr.", "Smith wrote this."]


@pytest.mark.parametrize("text", ["", " ", "\n", "\n\n  \t\r\n  \n", "\u00a0\u2028"])
def test_empty_or_blank_text_has_no_sentences(text: str) -> None:
    assert SPLITTER.split(text) == []


def test_text_without_punctuation_is_one_sentence() -> None:
    assert sentences("  breaking news from the capital ") == ["breaking news from the capital"]


def test_very_long_text_without_punctuation_is_one_span() -> None:
    text = "word " * 200_000
    assert SPLITTER.split(text) == [(0, len(text) - 1)]


def test_mending_a_long_line_of_breaks_takes_linear_time() -> None:
    text = "it went . . . on " * 10_000  # each piece is mended onto the one before
    started = time.process_time()
    assert len(SPLITTER.split(text)) == 1
    assert time.process_time() - started < 5.0  # reading the whole sentence so far for each piece: 20 s


def test_splitting_is_deterministic() -> None:
    text = "Mr. Smith went to the U.S. The trip was long. “Fine,” he said.\nNext."
    first = SPLITTER.split(text)
    assert first == SPLITTER.split(text) == PunktSplitter().split(text)
    assert len(first) == 4


def test_model_is_loaded_from_the_shipped_files() -> None:
    data_dir = files("summarize") / "data" / "punkt"
    sizes = [len((data_dir / name).read_bytes()) for name in PUNKT_DATA_FILES]
    assert all(size > 0 for size in sizes)
    assert sum(sizes) < 1_000_000
    params = english_punkt_parameters()
    assert len(params.ortho_context) > 20_000
    assert {"u.s", "oct", "mr", "a.m"} <= params.abbrev_types
    assert params.abbrev_types >= NEWS_ABBREVIATIONS
    assert "no" not in params.abbrev_types
    assert english_punkt_parameters() is params


def seed_texts() -> dict[str, str]:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"{SEEDS_DIR} is missing")
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS_DIR.glob("*.txt"))}
    if not texts:
        pytest.skip(f"no sample articles in {SEEDS_DIR}")
    return texts


def test_seed_articles_give_clean_spans() -> None:
    for name, text in seed_texts().items():
        spans = SPLITTER.split(text)
        assert spans, name
        assert_well_formed(text, spans)
        for start, end in spans:
            assert "\n" not in text[start:end], name
        # Every non-blank character belongs to some sentence.
        covered = sum(end - start for start, end in spans)
        assert covered >= len("".join(text.split())), name


@pytest.mark.parametrize(
    "expected",
    [
        "Russian Foreign Minister Sergey Lavrov said Monday (Oct. 18) that his country is suspending its mission to NATO.",
        "In addition, staff at NATO’s office in Moscow will be stripped of their accreditation by November 1.",
        "Mr Lavrov complained that the military alliance is not “interested in equitable dialogue”.",
        "Jamie Shea, former Deputy Assistant Secretary-General of NATO, told Euronews that Russia’s decision was “not a dramatic move.”",
        '“These actions, of course, do not allow us to have any illusions about the possibility of normalizing relations, or resuming dialogue with NATO," he said.',
        "“On the contrary, these prospects are almost completely undermined.”",
        "Stoltenberg reiterated that “the relationship between NATO and Russia is at its lowest point since the end of the Cold War.",
        "And it is because of Russian behavior.”",
        "“NATO’s policy towards Russia remains consistent,” the NATO official told the Associated Press.",
        "So far, Russia has not responded positively,” Stoltenberg said.",
        "NATO Chief Says Russian Expulsions Prompted By Moscow's 'Malign Activity'",
    ],
)
def test_seed_articles_known_sentences_come_out_whole(expected: str) -> None:
    found = [piece for text in seed_texts().values() for piece in sentences(text)]
    assert expected in found


def test_the_lower_case_bits_are_those_of_punkts_model():
    from nltk.tokenize.punkt import _ORTHO_LC  # NLTK's private name, read here only to guard the copy

    from summarize.text import sentences

    assert sentences._SEEN_IN_LOWER_CASE == _ORTHO_LC
    assert sentences.written_in_lower_case("judge") and not sentences.written_in_lower_case("Garzon")
