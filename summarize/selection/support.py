"""Which sentences give a chosen sentence what it leans on (summarize.selection.leaning), which
candidates can enter a brief for that reason, and the order a reader takes the chosen ones in: each
right after what it leans on, and a speaker named by surname only after the sentence that introduces
them."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Analysis
from .leaning import STANDS_ALONE, introduction_needed, leanings, stems
from .news_order import news_first, with_elaborations


def mentioning(analysis: Analysis, stem: str, among: Sequence[int]) -> list[int]:
    """The sentences of `among` that stand alone and mention `stem`: those that can give a loose lean
    what it needs (what a definite noun refers to, the introduction of a speaker named by surname
    only). A sentence that itself leans on something the brief may not say gives nothing."""
    words, needs = stems(analysis), leanings(analysis)
    return [i for i in among if needs[i] == STANDS_ALONE and stem in words[i]]


def supporters(analysis: Analysis, index: int, among: Sequence[int]) -> list[int]:
    """The sentences of `among` that give what sentence `index` leans on: its previous sentence, and for
    a loose lean, the sentences that stand alone and mention what it needs (`mentioning`)."""
    need = leanings(analysis)[index]
    found = [need.previous] if need.previous is not None and need.previous in set(among) else []
    if need.noun is not None:
        found += [i for i in mentioning(analysis, need.noun, among) if i != index and i not in found]
    return found


def introducers(analysis: Analysis, index: int, among: Sequence[int]) -> list[int] | None:
    """For a sentence that names its speaker by surname only (`introduction_needed`), the sentences of
    `among` but itself that introduce the speaker: those that stand alone and give the given name
    (`mentioning`, the rule `supporters` applies); None for a sentence that needs no introduction."""
    given = introduction_needed(analysis, index)
    return None if given is None else [i for i in mentioning(analysis, given, among) if i != index]


def usable(analysis: Analysis, candidates: Sequence[int]) -> list[int]:
    """The candidates that can enter a brief of `candidates`: those that stand alone, and those whose
    support is among them (linear in the candidates: a batch brief can have tens of thousands)."""
    needs = leanings(analysis)
    among = set(candidates)
    words = stems(analysis)
    mentioned = {stem for i in candidates if needs[i] == STANDS_ALONE for stem in words[i]}

    def supported(index: int) -> bool:
        need = needs[index]
        return need == STANDS_ALONE or need.previous in among or (need.noun is not None and need.noun in mentioned)

    return [i for i in candidates if supported(i)]


def reading_order(analysis: Analysis, ranked: Sequence[int]) -> list[int]:
    """The chosen sentences `ranked` (most important first) in the order a reader takes them: each one right after
    what it leans on (`supporters`), else what it elaborates, the rest news first, then by rank (news_order). A
    sentence that only needs its introduction (a surname) keeps its own place when that ranks above it."""
    ranked = news_first(analysis, ranked)
    chosen = set(ranked)
    parent: dict[int, int] = {}
    for rank, index in enumerate(ranked):
        found = supporters(analysis, index, [i for i in ranked if i != index])
        need = leanings(analysis)[index]
        if need.previous is not None and need.previous in chosen:
            parent[index] = need.previous
        elif found and not _introduced_above(analysis, index, found, ranked[:rank], parent):
            parent[index] = found[0]
    parent = with_elaborations(analysis, ranked, parent, lambda i: introduction_needed(analysis, i) is None)
    children: dict[int, list[int]] = {}
    for index in ranked:
        if index in parent:
            children.setdefault(parent[index], []).append(index)
    order: list[int] = []

    def place(index: int) -> None:
        if index in order:
            return
        order.append(index)
        for child in sorted(children.get(index, []), key=lambda i: (i != index + 1, ranked.index(i))):
            place(child)

    for index in ranked:
        if index not in parent:
            place(index)
    order += [i for i in ranked if i not in order]  # a cycle of loose references: keep them, ranked
    return introduced_first(analysis, order)  # (a guard: an introduction that `_introduced_above` saw
    # ranked higher may follow a sentence that leans on one ranked lower)


def _introduced_above(
    analysis: Analysis, index: int, found: Sequence[int], above: Sequence[int], parent: dict[int, int]
) -> bool:
    """Whether sentence `index` only needs an introduction (a surname) and a sentence of `found` (its
    supporters) that ranks above it and follows nothing is read before it anyway: it keeps its own
    place, rather than being pulled up to the introduction ahead of the news between them."""
    if leanings(analysis)[index].previous is not None or introduction_needed(analysis, index) is None:
        return False
    return any(i in found and i not in parent for i in above)


def introduced_first(analysis: Analysis, order: Sequence[int], before: Sequence[int] = ()) -> list[int]:
    """`order` (a section of a sectioned brief, whose order is its own) with each sentence that names its
    speaker by surname only moved right after the first sentence that introduces them (`introducers`),
    when that one comes later in `order` and no sentence of `before` (the brief's earlier sections) has."""
    words, needs = stems(analysis), leanings(analysis)
    known = {stem for i in before if needs[i] == STANDS_ALONE for stem in words[i]}
    waiting: dict[str, list[int]] = {}
    result: list[int] = []
    for place, index in enumerate(order):
        given = introduction_needed(analysis, index)
        if given is not None and given not in known and mentioning(analysis, given, order[place + 1 :]):
            waiting.setdefault(given, []).append(index)
            continue
        result.append(index)
        if needs[index] == STANDS_ALONE:  # only a sentence that stands alone introduces (`mentioning`)
            known |= words[index]
            result += [i for stem in [stem for stem in waiting if stem in known] for i in waiting.pop(stem)]
    # Never drop a chosen sentence (a surname waits only for a sentence that stands alone, which never
    # waits itself, so none is left here; kept as a guard): any still waiting keeps its place, last.
    return result + sorted((i for held in waiting.values() for i in held), key=list(order).index)
