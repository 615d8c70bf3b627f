"""What a count looks like in a sentence: "12 workers", "3,000", "$4.5 million", "dozens", "three", and
"About 2000 homes" (a year-shaped number after a word of approximation is a count, not a year); not a
year ("in 1998"), a time of day ("3 pm") or "one". One rule for the focus questions' "how many / how
much" (`summarize.sections.story`: `COUNT`) and the news order's "a count before the time phrase"
(`summarize.selection.news_order`: `FIGURE_COUNT`, without the small number words and with times of
day); the number words' values have their home here too (read by `summarize.citations.facts`)."""

from __future__ import annotations

import re

NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "hundred": 100,
    "thousand": 1000,
}
# The words that count on their own in a sentence ("two ... twelve", "dozens", "thousands").
_COUNT_WORDS = [word for word, value in NUMBER_WORDS.items() if 2 <= value <= 12 and word != "dozen"]
_APPROXIMATELY = r"(?:about|around|some|nearly|almost|roughly|approximately|over|more than|at least|up to)"

_CURRENCY = r"(?:[$€£]\s?)?"
_DIGITS = r"\d[\d,]*(?:\.\d+)?\b"
_NOT_A_TIME = r"(?!\s*[ap]\.?m\b)"
_WORDS = "|".join(_COUNT_WORDS)
_LARGE = r"\b(?:dozens?|scores|hundreds|thousands|millions|billions)\b"


def _figures(digits: str) -> str:
    return (
        rf"\b{_APPROXIMATELY}\s+{_CURRENCY}{digits}|[$€£]\s?{digits}"
        rf"|(?<![\w.$€£])(?!(?:1[89]|20)\d\d\b){digits}|{_LARGE}"
    )


# Any count, "three" too, not a time of day: what answers "how many".
COUNT = re.compile(rf"{_figures(_DIGITS + _NOT_A_TIME)}|\b(?:{_WORDS})\b", re.IGNORECASE)
# The news order's count before a time phrase, which tells an event: a figure (a time of day too: "a 10
# p.m. curfew since ...") or a large round word, not a small number word ("the two towns").
FIGURE_COUNT = re.compile(_figures(_DIGITS), re.IGNORECASE)
