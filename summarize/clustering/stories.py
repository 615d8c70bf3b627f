"""Which of the given articles tell one story: a brief of a storm page and an article on NATO is two
briefs in one, and its title should say so rather than take one story's headline.

Two articles tell one story when they share a sentence cluster (some sentence of each reports the same
content), when their own headlines share a content word, when one is a copy of the other
(summarize.text.story_copies), or when they share one of their TOPIC_WORDS most used content words
(not _GENERIC_WORDS: "close", "year") and SHARED_TOPIC_WORDS of one's topic words are words of the
other (a side story of an earthquake, "Parents of Peace Corps Worker Find Out Son Is Safe", still
talks of the quake; a fire and a bridge shut share "drivers" alone); stories are the groups those
links connect. All must fail for a split: a storm page and
an article on NATO share none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Protocol, TypeVar

from ..records import Analysis, Cluster, Document


def has_headline(document: Document) -> bool:
    """Whether the outlet gave the article a headline (not its lead's first words, not its file name)."""
    title = document.title.strip()
    return bool(title) and not document.title_from_lead and title != PurePath(document.path).stem


# How many of an article's most used content words count as its topic: with 5, an earthquake's side
# story (a volunteer's parents find him safe) was still a separate story; with 10, the development
# sets' clusters split only at a weather page, an off-topic item and a law's text (README).
TOPIC_WORDS = 10


# How many of an article's topic words the other article must use, beside a topic word both share:
# one shared word is often chance (a fire's "drivers" and a bridge's). With 2 a made-up fire and a
# bridge closure were one story; with 3 the development sets' clusters split as before, but for
# TAC 2010's D1015C-A (rain forests), whose two articles on an African timber conference are now a
# story of their own; with 4, two more of TAC 2010's (README).
SHARED_TOPIC_WORDS = 3

# Words any story uses, which say nothing of what it is about: verbs, times, counts (stemmed as
# content_tokens stems them).
_GENERIC_WORDS = (
    "say said says told tell close closed closes open opened make made take took give gave get got go went "
    "come came put set keep kept begin began start started find found include included accord according "
    "call called report reported describe described expect expected use used show showed "
    "year years day days week weeks time today people many one first last back well also like"
)


def _topic_words(text: str) -> set[tuple[str, ...]]:
    """The TOPIC_WORDS content words an article uses most (ties by the word, so the same on any run),
    not generic words (_GENERIC_WORDS)."""
    from ..text.bigrams import STOP_WORDS, content_tokens

    generic = set(content_tokens(_GENERIC_WORDS))
    counts = Counter(
        t
        for t in content_tokens(text)
        if len(t) > 1 and t not in STOP_WORDS and t not in generic and not t.isdigit()  # not "s" of "'s"
    )
    return {(word,) for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOPIC_WORDS]}


def _words(text: str) -> set[tuple[str, ...]]:
    from ..text.bigrams import content_tokens

    return {(t,) for t in content_tokens(text)}


def _join_by_topic(
    topics: Sequence[set[tuple[str, ...]]], words: Sequence[set[tuple[str, ...]]], join: Callable[[int, int], None]
) -> None:
    """Join two articles when SHARED_TOPIC_WORDS of one's topic words are words of the other (an index
    of each word's articles: each article is compared only with those that use one of its topic words)."""
    having: dict[tuple[str, ...], list[int]] = {}
    for index, used in enumerate(words):
        for word in used:
            having.setdefault(word, []).append(index)
    for index, topic in enumerate(topics):
        shared = Counter(other for word in topic for other in having.get(word, ()) if other != index)
        for other, count in shared.items():
            if count >= SHARED_TOPIC_WORDS and topic & topics[other]:
                join(other, index)


def separate_stories(
    documents: Sequence[Document], clusters: Sequence[Cluster], originals: Sequence[int | None] | None = None
) -> list[list[int]]:
    """The documents grouped by story (see the module), each group in document order, the groups in the
    order of their first document; one group when every article is linked to the others. `originals`:
    each document's earlier copy, if any (`summarize.text.story_copies.duplicate_of`)."""
    from ..text.bigrams import content_words  # its stemmer is NLTK's: not imported until a brief is shown

    parent = list(range(len(documents)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def join(first: int, second: int) -> None:
        parent[max(root(first), root(second))] = min(root(first), root(second))

    for cluster in clusters:
        for source in cluster.sources[1:]:
            join(cluster.sources[0], source)
    for copy, original in enumerate(originals or ()):
        if original is not None:
            join(copy, original)

    def join_sharing(words_of: Sequence[set[tuple[str, ...]]]) -> None:
        first_with: dict[tuple[str, ...], int] = {}  # each word joins its articles to its first: linear
        for index, words in enumerate(words_of):
            for word in words:
                join(first_with.setdefault(word, index), index)

    join_sharing([content_words(d.title) if has_headline(d) else set() for d in documents])
    if len({root(index) for index in range(len(documents))}) > 1:  # the texts are read only then
        _join_by_topic([_topic_words(d.text) for d in documents], [_words(d.text) for d in documents], join)
    groups: dict[int, list[int]] = {}
    for index in range(len(documents)):
        groups.setdefault(root(index), []).append(index)
    return list(groups.values())


# How many separate stories a brief's title names, the story of most articles first ("and 2 more").
TITLED_STORIES = 3


def largest_first(groups: Sequence[list[int]]) -> list[list[int]]:
    """Stories, the story of most articles first (stable: equal ones in the order of their first article)."""
    return sorted(groups, key=len, reverse=True)


def story_groups(
    documents: Sequence[Document], clusters: Sequence[Cluster], originals: Sequence[int | None] | None
) -> list[list[int]]:
    """The documents grouped by story, the story of most articles first (one group when they tell one
    story; none for a single article): the one home of the grouping a brief's title, its headings
    and its order (`story_ranks`) follow."""
    if len(documents) < 2:
        return []
    return largest_first(separate_stories(documents, clusters, originals))


def story_ranks(analysis: Analysis) -> tuple[int, ...]:
    """Each document's story's place in `largest_first` order (all 0 when the articles tell one
    story): a brief of separate stories tells them one after the other, in that order, as its title
    names them."""

    def ranks() -> tuple[int, ...]:
        from ..text.story_copies import originals_of

        groups = story_groups(analysis.documents, analysis.clusters, originals_of(analysis))
        rank = [0] * len(analysis.documents)
        for place, group in enumerate(groups):
            for document in group:
                rank[document] = place
        return tuple(rank)

    return analysis.derived("stories.ranks", ranks)


class _OfASentence(Protocol):
    @property
    def sentence(self) -> int: ...


_Chosen = TypeVar("_Chosen", bound=_OfASentence)


def story_by_story(analysis: Analysis, chosen: Sequence[_Chosen]) -> list[_Chosen]:
    """A plain brief's chosen sentences (each with its `sentence` index), in their order within each
    story, one story after the other (`story_ranks`): a reader of "2 separate stories: ..." reads the
    first story whole, then the second, not the two interleaved."""
    ranks = story_ranks(analysis)
    if not any(ranks):
        return list(chosen)
    return sorted(chosen, key=lambda choice: ranks[analysis.sentences[choice.sentence].document])
