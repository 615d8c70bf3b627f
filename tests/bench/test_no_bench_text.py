"""The development sets are licensed for evaluation only: no whole sentence of theirs is in the code,
tests or docs.

Tests and comments use made-up sentences of the same shape. A sentence copied from a set while
studying a brief is easy to leave behind; this finds any run of 45 characters or more that opens a
word with a capital letter, ends a sentence (. ! or ?) and is word for word in a set, quotation marks
and all, in a string or comment of the package, the tests or the bench scripts, in README.md or in
the bench notes (bench/**/*.md). A doc reporting what a brief said quotes a few words, no sentence.
"""

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "bench"
SETS = sorted(DATA.glob("*.jsonl"))
# Wire-service credit lines any news text has; they are no one's reporting.
GENERIC = {"The Associated Press contributed to this article."}
SHORTEST = 45
# From a capital letter that opens a word to the first sentence end at least SHORTEST characters on.
SENTENCE = re.compile(rf"(?<![A-Za-z])(?=([A-Z][^\n]{{{SHORTEST - 2},}}?[.!?]))")
WORD_START = re.compile(r"(?<![A-Za-z])[A-Za-z]")
# Python's adjacent string literals on two lines ("... " <newline> "..."), read as the one string they are.
JOINED_LITERALS = re.compile(r"([\"'])\s*\n\s*\1")
ESCAPED_BREAK = re.compile(r"\\[nt]")  # a "\n" in a literal: a sentence starts after it


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def _one_spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _sources() -> list[Path]:
    code = [path for folder in ("summarize", "tests", "bench", "tui") for path in sorted((ROOT / folder).rglob("*.py"))]
    return [*code, ROOT / "README.md", *sorted((ROOT / "bench").rglob("*.md"))]


def copied_sentences(text: str, corpus: str, openings: set[int]) -> list[str]:
    """The sentences (of SHORTEST characters or more) of `text` that are word for word in `corpus`,
    whose every word's first SHORTEST characters are hashed in `openings` (most places match none)."""
    found: list[str] = []
    end_of_last = 0
    for match in SENTENCE.finditer(_one_spaced(ESCAPED_BREAK.sub(" ", JOINED_LITERALS.sub("", text)))):
        sentence = match.group(1)
        if match.start() < end_of_last or hash(sentence[:SHORTEST]) not in openings:
            continue  # inside a sentence already seen, or no set has these opening words
        if sentence in GENERIC or sentence in corpus:
            found += [] if sentence in GENERIC else [sentence]
            end_of_last = match.start() + len(sentence)
    return found


@pytest.mark.skipif(not SETS, reason="needs ../shared/bench")
def test_no_sentence_of_the_development_sets_is_in_the_code_tests_or_docs():
    corpus = _one_spaced("\n".join(text for path in SETS for line in path.open() for text in _texts(json.loads(line))))
    openings = {hash(corpus[match.start() : match.start() + SHORTEST]) for match in WORD_START.finditer(corpus)}
    copied = [
        f"{path.relative_to(ROOT)}: {sentence}"
        for path in _sources()
        for sentence in copied_sentences(path.read_text(encoding="utf-8"), corpus, openings)
    ]
    assert not copied, f"{len(copied)} copied:\n" + "\n".join(copied)


def test_a_quoted_sentence_split_over_two_literals_is_found():
    corpus = 'Rescuers said. "Houston, we see the hatch open," the flight director told reporters.'
    openings = {hash(corpus[match.start() : match.start() + SHORTEST]) for match in WORD_START.finditer(corpus)}
    source = "QUOTE = (\n    '\"Houston, we see the hatch open,\" the flight director '\n    'told reporters.'\n)\n"
    assert copied_sentences(source, corpus, openings) == [
        'Houston, we see the hatch open," the flight director told reporters.'
    ]
    assert copied_sentences(source.replace("flight", "mission"), corpus, openings) == []
