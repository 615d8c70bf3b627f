"""Which sentences give a chosen sentence what it leans on (summarize.selection.leaning), which
candidates can enter a brief for that reason, and the order a reader takes the chosen ones in: each
right after what it leans on, and a speaker named by surname only after the sentence that introduces
them."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Analysis
from .leaning import STANDS_ALONE, introduction_needed, leanings, stems


def supporters(analysis: Analysis, index: int, among: Sequence[int]) -> list[int]:
    """The sentences of `among` that give what sentence `index` leans on: its previous sentence, and for
    a definite noun, the sentences that stand alone and mention it."""
    need = leanings(analysis)[index]
    found = [need.previous] if need.previous is not None and need.previous in set(among) else []
    if need.noun is not None:
        words, alone = stems(analysis), leanings(analysis)
        found += [
            i for i in among if i != index and i not in found and alone[i] == STANDS_ALONE and need.noun in words[i]
        ]
    return found


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
    """The chosen sentences `ranked` (most important first) in the order a reader takes them: each one
    right after the sentence it leans on (see `supporters`), the rest most important first."""
    chosen = set(ranked)
    parent: dict[int, int] = {}
    for index in ranked:
        found = supporters(analysis, index, [i for i in ranked if i != index])
        need = leanings(analysis)[index]
        if need.previous is not None and need.previous in chosen:
            parent[index] = need.previous
        elif found:
            parent[index] = found[0]
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
    return order


def introduced_first(analysis: Analysis, order: Sequence[int], before: Sequence[int] = ()) -> list[int]:
    """`order` (a section of a sectioned brief, whose order is its own) with each sentence that names its
    speaker by surname only moved right after the first sentence that introduces them, when that one
    comes later in `order` and no sentence of `before` (the brief's earlier sections) has."""
    words = stems(analysis)
    known = {stem for i in before for stem in words[i]}
    waiting: dict[str, list[int]] = {}
    result: list[int] = []
    for place, index in enumerate(order):
        given = introduction_needed(analysis, index)
        if given is not None and given not in known and any(given in words[i] for i in order[place + 1 :]):
            waiting.setdefault(given, []).append(index)
            continue
        release = [index]
        while release:  # a released sentence may introduce another speaker in turn
            result += release
            known |= {stem for i in release for stem in words[i]}
            release = [i for stem in [stem for stem in waiting if stem in known] for i in waiting.pop(stem)]
    # Never drop a chosen sentence: one whose introduction was itself waiting keeps its place, last.
    return result + sorted((i for held in waiting.values() for i in held), key=list(order).index)
