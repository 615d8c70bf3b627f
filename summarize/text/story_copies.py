"""Find articles that are the same story: one wire report run by two outlets, or a page saved twice.

Such copies stay in the brief as sources (each is cited for what it says: its sentences cluster with
the original's), and the renderers mark them. Where a ranker asks how many *independent* articles
report something (`selection.support`), copies of one story count once: a wire report run twice does
not corroborate itself. (The concept weights still count copies: measured on DUC 2002, counting
them once cost ROUGE; see `concept_ranker.py`.)

Two articles are the same story when most of the shorter one's word 5-grams (of its prose, without
page furniture) appear in the longer one: that survives an outlet's headline, a trimmed ending or an
added paragraph, and no two independent reports share that much wording.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

from ..records import Analysis, Brief, Document
from .boilerplate import prose_spans

SHINGLE_WORDS = 5
# Share of the shorter article's 5-grams found in the longer one from which both are one story.
SAME_STORY = 0.7


def shingles(text: str) -> frozenset[int]:
    """Hashes of the prose's lower-cased word 5-grams (the whole text when nothing reads as prose)."""
    spans = prose_spans(text)
    prose = " ".join(text[start:end] for start, end in spans) if spans else text
    words = [w.strip(".,;:!?\"'“”‘’()[]—–-").lower() for w in prose.split()]
    words = [w for w in words if w]
    return frozenset(map(hash, zip(*(words[i:] for i in range(SHINGLE_WORDS)))))  # each run of 5 words


@lru_cache(maxsize=8)
def duplicate_of(documents: tuple[Document, ...]) -> tuple[int | None, ...]:
    """For each document, the earlier document whose story it repeats, or None for a first telling.

    Each article is compared with the first tellings before it through an inverted index, so the
    work grows with the shared wording, not with the square of the number of articles.
    """
    owners: dict[int, tuple[int, ...]] = {}  # 5-gram -> the first tellings that contain it
    indexed: set[int] = set()  # owners' keys, as a set: intersections and differences cost C loops
    sizes: dict[int, int] = {}
    result: list[int | None] = []
    for number, document in enumerate(documents):
        grams = shingles(document.text)
        shared = Counter(chain.from_iterable(filter(None, map(owners.get, grams))))
        same = [owner for owner, count in shared.items() if count >= SAME_STORY * min(len(grams), sizes[owner])]
        if grams and same:
            result.append(min(same, key=lambda owner: (-shared[owner] / min(len(grams), sizes[owner]), owner)))
            continue
        result.append(None)
        sizes[number] = len(grams)
        for gram in grams & indexed:  # few: most of a new story's 5-grams are new
            owners[gram] += (number,)
        owners.update(dict.fromkeys(grams - indexed, (number,)))
        indexed |= grams
    return tuple(result)


def _story_numbers(original: Sequence[int | None]) -> tuple[int, ...]:
    numbers: dict[int, int] = {}
    for index, source in enumerate(original):
        if source is None:
            numbers[index] = len(numbers)
    return tuple(numbers[index if source is None else source] for index, source in enumerate(original))


def story_numbers(documents: Sequence[Document]) -> tuple[int, ...]:
    """Each document's story, numbered 0, 1, ... in order of first telling: copies share a number."""
    return _story_numbers(duplicate_of(tuple(documents)))


def originals_of(analysis: Analysis) -> tuple[int | None, ...]:
    """`duplicate_of` of an analysis's documents, worked out once for the analysis."""
    return analysis.derived("duplicates.duplicate_of", lambda: duplicate_of(analysis.documents))


def stories_of(analysis: Analysis) -> tuple[int, ...]:
    """`story_numbers` of an analysis's documents, worked out once for the analysis."""
    return analysis.derived("duplicates.story_numbers", lambda: _story_numbers(originals_of(analysis)))


def brief_originals(brief: Brief) -> tuple[int | None, ...]:
    """Each of a brief's documents' earlier copy: as its analysis found it, or worked out now."""
    return brief.originals if brief.originals is not None else duplicate_of(brief.documents)
