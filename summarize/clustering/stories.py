"""Which of the given articles tell one story: a brief of a storm page and an article on NATO is two
briefs in one, and its title should say so rather than take one story's headline.

Two articles tell one story when they share a sentence cluster (some sentence of each reports the same
content), when their own headlines share a content word, or when one is a copy of the other
(summarize.text.story_copies); stories are the groups those links connect. All must fail for a
split: articles on one story nearly always share a cluster, and a headline word ("NATO") ties those
that do not.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from ..records import Cluster, Document


def has_headline(document: Document) -> bool:
    """Whether the outlet gave the article a headline (not its lead's first words, not its file name)."""
    title = document.title.strip()
    return bool(title) and not document.title_from_lead and title != PurePath(document.path).stem


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
    words = [content_words(d.title) if has_headline(d) else set() for d in documents]
    for first in range(len(documents)):
        for second in range(first + 1, len(documents)):
            if words[first] & words[second]:
                join(first, second)
    groups: dict[int, list[int]] = {}
    for index in range(len(documents)):
        groups.setdefault(root(index), []).append(index)
    return list(groups.values())
