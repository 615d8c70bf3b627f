"""The development sets are licensed for evaluation only: no whole sentence of theirs is in the code or tests.

Tests and comments use made-up sentences of the same shape. A sentence copied from a set while
studying a brief is easy to leave behind; this finds any of 45 characters or more that a string
or comment in the package, the tests or the bench scripts holds word for word.
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
SENTENCE = re.compile(r"[A-Z][^\"“”'\n]{44,}?[.!?]")


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


@pytest.mark.skipif(not SETS, reason="needs ../shared/bench")
def test_no_sentence_of_the_development_sets_is_in_the_code_or_tests():
    corpus = _one_spaced("\n".join(text for path in SETS for line in path.open() for text in _texts(json.loads(line))))
    sources = [
        path for folder in ("summarize", "tests", "bench", "tui") for path in sorted((ROOT / folder).rglob("*.py"))
    ]
    copied = [
        f"{path.relative_to(ROOT)}: {sentence}"
        for path in sources
        for sentence in SENTENCE.findall(_one_spaced(path.read_text(encoding="utf-8")))
        if sentence not in GENERIC and sentence in corpus
    ]
    assert not copied, "\n".join(copied)
