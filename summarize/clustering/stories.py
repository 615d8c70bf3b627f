"""Which of the given articles tell one story: a brief of a storm page and an article on NATO is two
briefs in one, and its title should say so rather than take one story's headline.

Two articles tell one story when they share a sentence cluster (some sentence of each reports the same
content), when their own headlines share a content word, when one is a copy of the other
(summarize.text.story_copies), or when they share one of their TOPIC_WORDS most used content words
(a side story of an earthquake, "Parents of Peace Corps Worker Find Out Son Is Safe", still talks of
the quake); stories are the groups those links connect. All must fail for a split: a storm page and
an article on NATO share none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
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


def _topic_words(text: str) -> set[tuple[str, ...]]:
    """The TOPIC_WORDS content words an article uses most (ties by the word, so the same on any run)."""
    from ..text.bigrams import STOP_WORDS, content_tokens

    counts = Counter(t for t in content_tokens(text) if t not in STOP_WORDS and not t.isdigit())
    return {(word,) for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOPIC_WORDS]}


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
        join_sharing([_topic_words(d.text) for d in documents])
    groups: dict[int, list[int]] = {}
    for index in range(len(documents)):
        groups.setdefault(root(index), []).append(index)
    return list(groups.values())


def largest_first(groups: Sequence[list[int]]) -> list[list[int]]:
    """Stories, the story of most articles first (stable: equal ones in the order of their first article)."""
    return sorted(groups, key=len, reverse=True)


def story_ranks(analysis: Analysis) -> tuple[int, ...]:
    """Each document's story's place in `largest_first` order (all 0 when the articles tell one
    story): a brief of separate stories tells them one after the other, in that order, as its title
    names them."""

    def ranks() -> tuple[int, ...]:
        from ..text.story_copies import originals_of

        if len(analysis.documents) < 2:
            return (0,) * len(analysis.documents)
        groups = largest_first(separate_stories(analysis.documents, analysis.clusters, originals_of(analysis)))
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
