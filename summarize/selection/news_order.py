"""The order a news editor gives the sentences a brief has chosen, beyond what they lean on
(summarize.selection.support.reading_order puts each after what it leans on, the rest most
important first).

An *elaboration* follows what it elaborates. A writer tells a fact and then, in the next sentence,
what it meant ("NATO also halved Russia's mission to 10." then "The expulsions meant that half of the
Moscow team were barred from the headquarters."). When the brief holds the sentence before it in its
article, or another article's sentence of that one's cluster (the same content, told by another
outlet), and ranks it higher, the elaboration is read right after it: ranked on its own it may land
paragraphs later, after the background, far from the fact it explains.

The news comes before the *background*: a sentence whose main clause tells what has held since an
earlier time ("Relations have been strained since the annexation of Crimea in 2014.", "Russia has
long had an observer mission ...", "Official talks have been limited in recent years.") goes after
the sentences that tell what happened, whatever its rank (with what leans on it or elaborates it). A
clause of its own ("Iran, which has had no ties with the United States since 1979, said ...") is not
the sentence's news, and neither is a count since a date ("killed since Jan. 20").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..records import Analysis

# "has been ... since (...) 2014", "have collapsed in recent years since ... 2014", "have not taken place since
# 2019", "has had no ambassador ... for decades", "has long had": what has held from a time before the story's.
_BACKGROUND = re.compile(
    r"\b(?:has|have)\s+(?:(?:not|long|\w+ly)\s+)*(?!to\b)[a-z]+\b"
    r"(?=[^.;]*?\b(?:since\s+(?:[^.;]*?\b)?(?:1[89]|20)\d\d\b|for\s+(?:many\s+|several\s+)?(?:years|decades|generations)\b"
    r"|in\s+recent\s+(?:years|decades)\b))"
    r"|\b(?:has|have)\s+long\b",
    re.IGNORECASE,
)
# Before the verb, a clause of its own (a relative or subordinate clause, a comma but ", but"): the
# background is that clause's, not the sentence's.
_CLAUSE_BEFORE = re.compile(r"\b(?:who|which|that|whose|when|while|after|before|as)\b|,(?!\s+but\b)", re.IGNORECASE)


def elaborated(analysis: Analysis, index: int, earlier: Sequence[int]) -> int | None:
    """The sentence of `earlier` (brief sentences ranked above sentence `index`, most important first)
    that sentence `index` elaborates: the sentence before it in its article, else the most important
    one of that sentence's cluster; None when neither is there."""
    previous = index - 1
    sentences = analysis.sentences
    if previous < 0 or sentences[previous].document != sentences[index].document:
        return None  # an article's first sentence opens a story of its own
    if previous in earlier:
        return previous
    told = analysis.cluster_of[previous]
    if told == analysis.cluster_of[index]:
        return None  # the two say one thing: the sentence is the cluster's telling, not an elaboration of it
    return next((i for i in earlier if analysis.cluster_of[i] == told), None)


def with_elaborations(
    analysis: Analysis, ranked: Sequence[int], parent: dict[int, int], introduced: Callable[[int], bool]
) -> dict[int, int]:
    """`parent` (each brief sentence of `ranked` that must follow another: what it leans on) with each
    other sentence's `elaborated` sentence added as its parent, unless that one already follows it
    (through `parent`: what a sentence leans on comes first) or the move would take a sentence that
    is not `introduced` (it names a speaker by surname: "Peskov said") with it, perhaps before the
    sentence that introduces them."""
    linked = dict(parent)
    children: dict[int, list[int]] = {}
    for child, above in parent.items():
        children.setdefault(above, []).append(child)

    def moves_unintroduced(index: int) -> bool:
        moved, seen = [index], {index}
        while moved:
            current = moved.pop()
            if not introduced(current):
                return True
            moved += [child for child in children.get(current, []) if child not in seen]
            seen.update(children.get(current, []))
        return False

    for rank, index in enumerate(ranked):
        if index in linked:
            continue
        told = elaborated(analysis, index, ranked[:rank])
        ancestor, seen = told, set()
        while ancestor is not None and ancestor != index and ancestor not in seen:
            seen.add(ancestor)
            ancestor = linked.get(ancestor)
        if told is not None and ancestor is None and not moves_unintroduced(index):
            linked[index] = told
    return linked


def is_background(text: str) -> bool:
    """Whether the sentence's main clause tells what has held since an earlier time (see the module)."""
    match = _BACKGROUND.search(text)
    return match is not None and _CLAUSE_BEFORE.search(text, 0, match.start()) is None


def news_first(analysis: Analysis, ranked: Sequence[int]) -> list[int]:
    """`ranked` (brief sentences, most important first) with the background after the news, each
    part most important first."""
    background = analysis.derived(
        "news_order.background", lambda: [is_background(sentence.text) for sentence in analysis.sentences]
    )
    return sorted(ranked, key=lambda i: background[i])
