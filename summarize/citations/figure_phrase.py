"""A figure's words as a disagreement shows them to a reader ("[3] gives 40 billion U.S. dollars"): the
judge reads the figure as `facts.quantities` cuts it, which can stop inside an initialism or at "the
number"; only what the reader sees is read on."""

from __future__ import annotations

import re

from ..text.bigrams import STOP_WORDS

# An initialism the unit word opens ("U" of "U.S. dollars"): what the figure counts is read past it.
_INITIALISM = re.compile(r"\.(?:[A-Z]\.?)*(?:\s+[A-Za-z][A-Za-z'’-]*)?")  # "U.S. dollars", "U.S dollars"
# "bringing to 81 the number of people killed": the figure is the number of what follows "of".
_THE_NUMBER = re.compile(r"\s+the\s+(?:total\s+)?(?:number|total|toll|count)\s+of\b", re.IGNORECASE)
_PHRASE_ENDS = STOP_WORDS | frozenset("since until during despite following".split())  # "killed since ..."
_COUNTED_WORDS = re.compile(r"\s+([A-Za-z][A-Za-z0-9'’-]*)")


def reader_phrase(text: str, start: int, number_end: int, end: int) -> str:
    """The figure's words as a reader should see them, when its cut reads badly ("" when it reads well):
    "40 billion U.S. dollars", not "40 billion U"; "81 as the number of people killed", not "81 the number"."""
    if end - start >= 2 and text[end - 2 : end - 1].isspace() and text[end - 1].isupper():
        initialism = _INITIALISM.match(text, end)
        if initialism:
            return " ".join(text[start : initialism.end()].split())
    the_number = _THE_NUMBER.match(text, number_end)
    if the_number:
        counted: list[str] = []
        position = the_number.end()
        while len(counted) < 3 and (word := _COUNTED_WORDS.match(text, position)):
            if counted and word.group(1).lower() in _PHRASE_ENDS:
                break
            counted.append(word.group(1))
            position = word.end()
        figure = text[start : the_number.start()]
        return " ".join(f"{figure} as {text[the_number.start() : position]}".split()) if counted else ""
    return ""
