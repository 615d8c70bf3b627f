"""The one plural rule, and the messages that used to write it inline (one got its verb wrong)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from summarize.cli.common import cache_note
from summarize.wording import plural


@pytest.mark.parametrize(
    "count, words, expected",
    [(1, ("source",), "source"), (0, ("source",), "sources"), (2, ("source",), "sources"), (1, ("is", "are"), "is")],
)
def test_a_word_agrees_with_its_count(count, words, expected):
    assert plural(count, *words) == expected


@pytest.mark.parametrize(
    "dropped, says", [(1, "1 damaged vector in the embedding cache was"), (3, "3 damaged vectors")]
)
def test_the_cache_note_counts_damaged_vectors_in_agreement(dropped, says):
    note = cache_note(SimpleNamespace(error=None, cache=SimpleNamespace(dropped=dropped)))
    assert note is not None and says in note
    assert ("were" in note) == (dropped != 1)
