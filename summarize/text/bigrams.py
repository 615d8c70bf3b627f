"""Content-word bigrams ("concepts"): the units of information a multi-document summary should cover.

Following Gillick & Favre (2009), a concept is a pair of adjacent stemmed words, not both stop words,
and it matters in proportion to how many of the articles mention it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib import resources
from itertools import pairwise

from ..records import Analysis
from . import lightnltk

lightnltk.prepare()  # NLTK's __init__ costs a second: import only the module used
from nltk.stem.porter import PorterStemmer  # noqa: E402 (after prepare(), above)

STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not now of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say also mr mrs ms""".split()
)

# A concept: a bigram (two stemmed tokens) or a one-word concept (one token).
Concept = tuple[str, ...]

_WORD = re.compile(r"[a-z0-9]+")
_stemmer = PorterStemmer()
_stems: dict[str, str] = {}  # every word stemmed in this process: each is stemmed once
_loaded: list[str] = []  # the stem table, once loaded
# NLTK's Porter stems of the whole words of all-MiniLM-L6-v2's vocabulary (bench/stem_table.py): about
# 70 % of the distinct words of a batch of news, that each batch worker would otherwise stem again.
STEM_TABLE = "porter_stems.txt"


def stem(word: str) -> str:
    """NLTK's Porter stem of `word` (NLTK's extensions on), worked out once a process."""
    stemmed = _stems.get(word)
    if stemmed is None:
        stemmed = _stems[word] = _stemmer.stem(word)
    return stemmed


def load_stem_table() -> None:
    """Take the shipped table's stems (`STEM_TABLE`) instead of working them out: for a batch, whose
    worker processes would each stem most of a language's words again; a brief stems too few to gain
    from reading it. Its lines are "word" (its own stem) or "word stem"; loaded once a process."""
    if _loaded:
        return
    text = resources.files("summarize").joinpath("data", STEM_TABLE).read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        word, _, stemmed = line.partition(" ")
        table[word] = stemmed or word
    table.update(_stems)  # a word already stemmed keeps its entry
    _stems.update(table)
    _loaded.append(STEM_TABLE)


def content_tokens(text: str) -> list[str]:
    """Lower-cased, stemmed alphanumeric tokens (stop words kept, unstemmed)."""
    return [word if word in STOP_WORDS else stem(word) for word in _WORD.findall(text.lower())]


def sentence_tokens(analysis: Analysis) -> list[list[str]]:
    """`content_tokens` of every sentence of the analysis, read once: the concepts, the reader checks,
    the developments and the sections all start from them."""
    return analysis.derived("bigrams.sentence_tokens", lambda: [content_tokens(s.text) for s in analysis.sentences])


def bigrams(text: str) -> set[Concept]:
    """The sentence's concepts: adjacent token pairs that are not both stop words."""
    return token_bigrams(content_tokens(text))


def token_bigrams(tokens: Sequence[str]) -> set[Concept]:
    """`bigrams` of a text already read by `content_tokens`."""
    return {(first, second) for first, second in pairwise(tokens) if not (first in STOP_WORDS and second in STOP_WORDS)}


def content_words(text: str) -> set[Concept]:
    """The sentence's content words as one-word concepts."""
    return {(token,) for token in content_tokens(text) if token not in STOP_WORDS and not token.isdigit()}


def document_frequency(
    sentence_concepts: Sequence[set[Concept]], sentence_documents: Sequence[int]
) -> dict[Concept, int]:
    """For each concept, how many documents mention it."""
    seen: dict[Concept, set[int]] = {}
    for concepts, document in zip(sentence_concepts, sentence_documents):
        for concept in concepts:
            seen.setdefault(concept, set()).add(document)
    return {concept: len(documents) for concept, documents in seen.items()}
