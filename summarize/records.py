"""The immutable records that flow between the pipeline's stages."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import numpy as np

T = TypeVar("T")


# A brief's length in words when neither the user nor the prompt says: the library's, the CLI's and
# the TUI's default (defined here, in the lightest module every shell imports anyway).
DEFAULT_WORDS = 150
# The largest budget a brief may be asked for, by the CLI's --words or the TUI: far beyond what any
# articles fill (a brief stops where they hold nothing more to add), a bound on what is typed.
MAX_WORDS = 100_000
# The words a brief sentence may have: a shorter one is a fragment, a longer one a run-on
# (summarize.selection.features.eligible, which also leaves out the writer's questions); the renderers
# say so when no sentence of the input has them.
MIN_SENTENCE_WORDS, MAX_SENTENCE_WORDS = 6, 60


class SummarizeError(Exception):
    """A problem the user can fix (bad input, bad option); shells print it in one line."""


@dataclass(frozen=True)
class Document:
    """One article: its text exactly as read; every span elsewhere indexes into `text`.

    For a web page (a URL or an .html file) `text` is the article's extracted text. `url` is the
    address it was fetched from; `encoding` the one its bytes were decoded with (None when the text
    was given as a string). `title` is the given title, else the headline, else the lead's first words
    (`title_from_lead`)."""

    title: str
    text: str
    path: str
    url: str | None = None
    encoding: str | None = None
    title_from_lead: bool = False  # no headline: `title` is the lead's first words, not the outlet's


@dataclass(frozen=True)
class Sentence:
    """A prose sentence: `text` is `document.text[start:end]` with whitespace runs collapsed."""

    document: int  # index into the documents
    start: int
    end: int
    text: str
    position: int  # ordinal among its document's prose sentences (0 = lead)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Cluster:
    """Sentences that report the same content; `sources` are the document indexes it spans."""

    id: int
    members: tuple[int, ...]  # sentence indexes
    sources: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class Corroboration:
    """A sentence in another source that reports the same main fact as a brief sentence."""

    sentence: Sentence
    similarity: float


@dataclass(frozen=True)
class Disagreement:
    """A sentence in another source that reports the same event as a brief sentence but gives another
    count for it; `what` says what it gives, in its words ("gives 9,000 dead", "gives $70 million")."""

    sentence: Sentence
    similarity: float
    what: str


@dataclass(frozen=True)
class BriefSentence:
    sentence: Sentence
    cluster: int  # Cluster.id
    score: float
    also_in: tuple[Corroboration, ...]  # other sources reporting the same fact (summarize.citations.corroboration)
    disagrees: tuple[Disagreement, ...] = ()  # other sources giving the same event another count
    only_source: bool = (
        False  # a development only this source reports, in its lead and headline (summarize.clustering.developments)
    )


@dataclass(frozen=True)
class BriefGroup:
    """Sentences of a section under one sub-heading, such as a speaker's name."""

    title: str  # the speaker's name, or relevance.UNATTRIBUTED for sentences no named person says
    sentences: tuple[int, ...]  # indexes into Brief.sentences


@dataclass(frozen=True)
class BriefSection:
    """A part of a sectioned brief (see summarize.sections.prompts): a heading and the questions it answers."""

    title: str
    questions: tuple[str, ...]
    sentences: tuple[int, ...]  # indexes into Brief.sentences, in reading order
    addressed: bool = True  # False: no article addresses these questions (as opposed to: nothing fit)
    groups: tuple[BriefGroup, ...] = ()  # for a section grouped by speaker: its sentences, by who said them
    undated: int = 0  # for a section in date order: how many sentences a brief could take give no date
    repeated: int = 0  # for a section in date order: how many dated ones it leaves out as news it gives


@dataclass(frozen=True)
class Brief:
    documents: tuple[Document, ...]
    sentences: tuple[BriefSentence, ...]
    clusters: tuple[Cluster, ...]
    budget: int
    method: str
    model: str
    sections: tuple[BriefSection, ...] = ()  # empty for a plain brief
    focus: str | None = None  # the question a focused brief answers
    # Each document's earlier copy (`summarize.text.story_copies.duplicate_of`), as the analysis found it;
    # None: not worked out (a brief built by hand), and the renderers work it out.
    originals: tuple[int | None, ...] | None = None
    # For a plain brief that holds no sentence, why: the words of the input's shortest sentence a brief
    # may hold (MIN_SENTENCE_WORDS to MAX_SENTENCE_WORDS), or 0 when it has none. None: not worked out.
    shortest_choosable: int | None = None

    @property
    def words(self) -> int:
        return sum(item.sentence.words for item in self.sentences)


@dataclass(frozen=True, eq=False)
class Analysis:
    """Everything selection needs, computed once: re-briefing at another length reuses it."""

    documents: tuple[Document, ...]
    sentences: tuple[Sentence, ...]
    embeddings: np.ndarray  # one unit-length row per sentence
    clusters: tuple[Cluster, ...]
    model: str
    # Values derived from this analysis alone (`derived`): not part of what the analysis is.
    _derived: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What `compute` gives for this analysis, computed on the first call for `key` and kept with
        the analysis: a shell re-briefs one analysis at every length or prompt, and what does not
        depend on those (concept weights, who speaks in each sentence, copies of one story) is
        computed once. Keys are namespaced by their module ("selection.story_numbers")."""
        if key not in self._derived:
            self._derived.setdefault(key, compute())  # two threads: the first value stays
        value: T = self._derived[key]
        return value

    @cached_property
    def cluster_of(self) -> tuple[int, ...]:
        """Index into `clusters` of each sentence's cluster."""
        owner = [0] * len(self.sentences)
        for index, cluster in enumerate(self.clusters):
            for member in cluster.members:
                owner[member] = index
        return tuple(owner)
