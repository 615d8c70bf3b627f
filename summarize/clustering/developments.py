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
- the other sources lead with one story: the mean cosine between their leads reaches
  `NEW_SIMILARITY`. In a collection of articles from different days on one topic, each leading
  with its own day's news, there is no consensus and no sentence is singled out.
Copies of one story are one source; a lone article has nothing to compare.

A brief then gives one such development a place when one fits (`summarize.selection.concepts`,
`summarize.sections.compose`), marked "only [n]": the other sources were read and none uses the word the
outlet built its headline on.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from ..records import Analysis
from ..text.bigrams import STOP_WORDS, content_tokens, sentence_tokens
from ..text.story_copies import stories_of
from .stories import has_headline

# Two sentences at this cosine or above report alike news; below it to every sentence of the other
# sources, a sentence says something they do not (on the sample: Russia suspending its mission, 0.56;
# Moscow slamming the expulsions in other words, 0.73; the four other outlets' leads, mean 0.62).
NEW_SIMILARITY = 0.6


def key_words(text: str) -> set[str]:
    """The text's stemmed words that say something: no stop words, numbers kept."""
    return _key_tokens(content_tokens(text))


def _key_tokens(tokens: list[str]) -> set[str]:
    return {token for token in tokens if token not in STOP_WORDS}


def developments(analysis: Analysis) -> frozenset[int]:
    """Indexes of the sentences that are single-source developments (see the module's docstring)."""
    return analysis.derived("developments.developments", lambda: _developments(analysis))


def _developments(analysis: Analysis) -> frozenset[int]:
    stories = stories_of(analysis)
    if len(set(stories)) < 2:
        return frozenset()
    used: dict[int, set[str]] = {}  # story -> every word its articles use, titles included
    for number, document in enumerate(analysis.documents):
        used.setdefault(stories[number], set()).update(key_words(document.title))
    tokens = sentence_tokens(analysis)
    for sentence, words in zip(analysis.sentences, tokens):
        used[stories[sentence.document]].update(_key_tokens(words))
    users = Counter(word for words in used.values() for word in words)  # word -> stories that use it
    owners = np.array([stories[s.document] for s in analysis.sentences])
    leads: dict[int, int] = {}  # story -> the row of its first article's lead
    for index, sentence in enumerate(analysis.sentences):
        if sentence.position == 0:
            leads.setdefault(int(owners[index]), index)
    found = []
    for index, sentence in enumerate(analysis.sentences):
        document = analysis.documents[sentence.document]
        if sentence.position != 0 or not has_headline(document):
            continue
        headline = key_words(document.title)
        elsewhere = {word for word in headline if users[word] - (word in used[owners[index]]) > 0}
        if 2 * len(elsewhere) < len(headline) or not _key_tokens(tokens[index]) & (headline - elsewhere):
            continue  # another story, or nothing in its headline the others lack
        others = owners != owners[index]
        if float((analysis.embeddings[others] @ analysis.embeddings[index]).max()) >= NEW_SIMILARITY:
            continue  # another source reports it in other words
        if consensus(analysis, [row for story, row in leads.items() if story != owners[index]]):
            found.append(index)
    return frozenset(found)


def consensus(analysis: Analysis, leads: list[int]) -> bool:
    """Whether the leads at these rows tell alike news: their mean pairwise cosine reaches
    `NEW_SIMILARITY` (the mean, from the sum of the unit vectors: linear in the number of articles)."""
    if len(leads) < 2:
        return False
    vectors = analysis.embeddings[leads]
    total = vectors.sum(axis=0)
    pairs = len(leads) * (len(leads) - 1)
    return float(total @ total - (vectors * vectors).sum()) / pairs >= NEW_SIMILARITY
