"""Single-source developments: what one outlet leads with and puts in its headline, and no other
source reports (Russia suspending its mission, a countermeasure, a new casualty figure).

The concept program weighs what several articles report, so a development only one outlet has can
never win a place on coverage alone, however prominently that outlet puts it. A development is news
against a consensus. A sentence is one when:
- it is the lead (first prose sentence) of an article with a headline of its own (not its lead's
  first words, not its file name), a headline that tells the others' story (at least half of its
  words are theirs) and shares with the lead a word (stemmed; a number counts) that no other source
  uses anywhere, title or text;
- no sentence of another source is much like it (cosine below `NEW_SIMILARITY`: not the same news
  in other words);
- the other sources lead with one story: the median cosine between their leads reaches
  `NEW_SIMILARITY`. In a collection of articles from different days on one topic, each leading
  with its own day's news, there is no consensus and no sentence is singled out.
Copies of one story are one source; a lone article has nothing to compare.

A brief then gives one such development a place when one fits (`summarize.concept_ranker`,
`summarize.sections`), marked "only [n]": the other sources were read and none uses the word the
outlet built its headline on.
"""

from __future__ import annotations

from pathlib import PurePath

import numpy as np

from .concepts import STOP_WORDS, content_tokens
from .duplicates import story_numbers
from .memo import LastAnalysisMemo
from .records import Analysis, Document

# Two sentences at this cosine or above report alike news; below it to every sentence of the other
# sources, a sentence says something they do not (on the sample: Russia suspending its mission, 0.56;
# Moscow slamming the expulsions in other words, 0.73; the four other outlets' leads, median 0.66).
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
            headline = key_words(document.title)
            if 2 * len(headline & elsewhere) >= len(headline):  # the headline tells the others' story
                new_in_headline[number] = headline - elsewhere
    leads = [
        index
        for index, sentence in enumerate(analysis.sentences)
        if sentence.position == 0 and key_words(sentence.text) & new_in_headline.get(sentence.document, set())
    ]
    owners = np.array([stories[s.document] for s in analysis.sentences])
    found = []
    for index in leads:
        elsewhere = owners != owners[index]
        if float((analysis.embeddings[elsewhere] @ analysis.embeddings[index]).max()) >= NEW_SIMILARITY:
            continue  # another source reports it in other words
        if consensus(analysis, owners, owners[index]):
            found.append(index)
    return frozenset(found)


def consensus(analysis: Analysis, owners: np.ndarray, story: int) -> bool:
    """Whether the stories other than `story` lead with alike news (see the module's docstring)."""
    leads: dict[int, int] = {}
    for index, sentence in enumerate(analysis.sentences):
        if sentence.position == 0 and owners[index] != story:
            leads.setdefault(int(owners[index]), index)
    rows = list(leads.values())
    if len(rows) < 2:
        return False
    similarity = analysis.embeddings[rows] @ analysis.embeddings[rows].T
    return float(np.median(similarity[np.triu_indices(len(rows), 1)])) >= NEW_SIMILARITY
