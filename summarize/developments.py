"""Single-source developments: what one outlet leads with and puts in its headline, and no other
source reports (Russia suspending its mission, a countermeasure, a new casualty figure).

The concept program weighs what several articles report, so a development only one outlet has can
never win a place on coverage alone, however prominently that outlet puts it. A sentence is such a
development when it is among the first `LEAD_SENTENCES` prose sentences of an article that has a
headline of its own, it shares with that headline a word (stemmed; a number counts) that no other
source uses anywhere, title or text, and no sentence of another source is much like it (cosine below
`NEW_SIMILARITY`: not the same news in other words). Copies of one story are one source. An article titled by its
own lead has no headline to confirm what it leads with, and a lone article has nothing to compare.

A brief may then give one such development a place (`summarize.concept_ranker`), marked "only [n]":
the other sources were read and none uses the word the outlet built its headline on.
"""

from __future__ import annotations

from pathlib import PurePath

import numpy as np

from .concepts import STOP_WORDS, content_tokens
from .duplicates import story_numbers
from .memo import LastAnalysisMemo
from .records import Analysis, Document

# An outlet's lead: the sentences before a reader's attention drops.
LEAD_SENTENCES = 2
# Below this cosine to every sentence of the other sources, a sentence says something they do not (on
# the sample: Russia suspending its mission, 0.56; Moscow slamming the expulsions in other words, 0.73).
NEW_SIMILARITY = 0.6

_FOUND: LastAnalysisMemo[frozenset[int]] = LastAnalysisMemo()


def key_words(text: str) -> set[str]:
    """The text's stemmed words that say something: no stop words, numbers kept."""
    return {token for token in content_tokens(text) if token not in STOP_WORDS}


def has_headline(document: Document) -> bool:
    """Whether the outlet gave the article a headline (not its lead's first words, not its file name)."""
    title = document.title.strip()
    return bool(title) and not document.title_from_lead and title != PurePath(document.path).stem


def developments(analysis: Analysis) -> frozenset[int]:
    """Indexes of the sentences that are single-source developments (see the module's docstring)."""
    return _FOUND.get(analysis, None, lambda: _developments(analysis))


def _developments(analysis: Analysis) -> frozenset[int]:
    stories = story_numbers(analysis.documents)
    if len(set(stories)) < 2:
        return frozenset()
    used: dict[int, set[str]] = {}  # story -> every word its articles use, titles included
    for number, document in enumerate(analysis.documents):
        used.setdefault(stories[number], set()).update(key_words(document.title))
    for sentence in analysis.sentences:
        used[stories[sentence.document]].update(key_words(sentence.text))
    new_in_headline: dict[int, set[str]] = {}
    for number, document in enumerate(analysis.documents):
        if has_headline(document):
            elsewhere = set().union(*(words for story, words in used.items() if story != stories[number]))
            new_in_headline[number] = key_words(document.title) - elsewhere
    leads = [
        index
        for index, sentence in enumerate(analysis.sentences)
        if sentence.position < LEAD_SENTENCES and key_words(sentence.text) & new_in_headline.get(sentence.document, set())
    ]
    owners = np.array([stories[s.document] for s in analysis.sentences])
    found = []
    for index in leads:
        elsewhere = owners != owners[index]
        if float((analysis.embeddings[elsewhere] @ analysis.embeddings[index]).max()) < NEW_SIMILARITY:
            found.append(index)
    return frozenset(found)
