"""The labelled corroboration sets (`bench/corroboration/pairs*.jsonl`), read with their texts.

The file stores each pair by reference: set, cluster, the two sentences' document ids and character
spans. The development sets are licensed for evaluation only, so their texts are read from
`../shared/bench/<set>.jsonl` when the set is used (the sample's from the package, which ships it),
and each span is checked against the text it was labelled on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TypeVar

from summarize.inputs.documents import sample_documents
from summarize.inputs.jsonl import read_clusters
from summarize.records import Analysis, Document

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "corroboration" / "pairs.jsonl"  # tune (its old "test" third was looked at: tune now)
TEST2_PAIRS = HERE / "corroboration" / "pairs_test2.jsonl"  # the second test set: measured twice, tune now
TEST3_PAIRS = HERE / "corroboration" / "pairs_test3.jsonl"  # the third test set: measured twice, tune now
TUNE_PAIRS = (PAIRS, TEST2_PAIRS, TEST3_PAIRS)  # the tune set: all three files
TEST_PAIRS = HERE / "corroboration" / "pairs_test4.jsonl"  # the fourth, fresh test set, labelled before any tuning
SHARED = HERE.parent.parent / "shared" / "bench"
LABELS = ("SAME", "PARTIAL", "DIFFERENT")


Record = TypeVar("Record")


@dataclass(frozen=True)
class Span:
    doc: str
    start: int
    end: int
    digest: str  # of the sentence's text as labelled (see `digest`): checks the text, does not store it


@dataclass(frozen=True)
class LabelledPair:
    pair: int
    set: str
    cluster: str
    part: str  # as labelled: "tune"/"test" (pairs.jsonl's first split), "test2", "test3", "test4" (the files' names)
    sentence: Span
    candidate: Span
    similarity: float  # cosine when drawn (all-MiniLM-L6-v2 int8)
    in_cluster: bool  # in the brief sentence's cluster when drawn (what "also" listed before)
    label: str
    conflict: bool
    what: str
    reason: str


@dataclass(frozen=True)
class LabelledCluster:
    set: str
    cluster: str
    documents: tuple[Document, ...]
    pairs: tuple[LabelledPair, ...]


def read_labelled(path: Path, kind: type[Record], labels: Collection[str]) -> list[Record]:
    """The labelled pairs of a JSON-lines file as `kind` records (each with a `sentence` and a
    `candidate` Span), every label checked against `labels`."""
    pairs = []
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            if record["label"] not in labels:
                raise ValueError(f"pair {record['pair']}: unknown label {record['label']!r}")
            for side in ("sentence", "candidate"):
                record[side] = Span(**{k: record[side][k] for k in Span.__dataclass_fields__})
            pairs.append(kind(**{k: record[k] for k in kind.__dataclass_fields__}))
    return pairs


def read_pairs(path: Path = PAIRS) -> list[LabelledPair]:
    return read_labelled(path, LabelledPair, LABELS)


def read_tune(paths: Sequence[Path] = TUNE_PAIRS) -> list[LabelledPair]:
    """The tune set: every pair of `pairs.jsonl`, `pairs_test2.jsonl` and `pairs_test3.jsonl` (all looked at,
    so no test any more)."""
    return [pair for path in paths for pair in read_pairs(path)]


def _documents(set_name: str, shared: Path) -> Iterator[tuple[str, tuple[Document, ...]]]:
    if set_name == "sample":
        yield "sample", sample_documents()
        return
    for cluster in read_clusters(shared / f"{set_name}.jsonl", checked=False):
        yield cluster.id, cluster.documents


def document_id(set_name: str, document: Document) -> str:
    """How the set names a document: its id in the cluster file, the sample's by file name."""
    return PurePath(document.path).name if set_name == "sample" else document.path


def span_text(document: Document, span: Span) -> str:
    return " ".join(document.text[span.start : span.end].split())


def digest(text: str) -> str:
    """The first 12 hex digits of the SHA-1 of the text with its whitespace runs collapsed."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def drafted_span(analysis: Analysis, set_name: str, index: int) -> dict:
    """A sentence as a draft for labelling stores it: the reference a labelled file keeps (`Span`) and
    its text, which the draft (written outside the repository) shows the labeller."""
    sentence = analysis.sentences[index]
    return {
        "doc": document_id(set_name, analysis.documents[sentence.document]),
        "start": sentence.start,
        "end": sentence.end,
        "digest": digest(sentence.text),
        "text": sentence.text,
    }


def load_clusters(pairs: Sequence[LabelledPair], shared: Path = SHARED) -> list[LabelledCluster]:
    """The clusters the pairs come from, with their documents; fails if a span's text has changed
    (a different copy of the data, or a changed reader)."""
    wanted: dict[tuple[str, str], list[LabelledPair]] = {}
    for pair in pairs:
        wanted.setdefault((pair.set, pair.cluster), []).append(pair)
    loaded = []
    for set_name in sorted({s for s, _ in wanted}):
        for cluster_id, documents in _documents(set_name, shared):
            mine = wanted.get((set_name, cluster_id))
            if not mine:
                continue
            by_id = {document_id(set_name, d): d for d in documents}
            for pair in mine:
                for span in (pair.sentence, pair.candidate):
                    document = by_id.get(span.doc)
                    if document is None or digest(span_text(document, span)) != span.digest:
                        raise ValueError(
                            f"pair {pair.pair}: the text at {set_name}/{cluster_id}/{span.doc}"
                            f"[{span.start}:{span.end}] is not the one labelled"
                        )
            loaded.append(LabelledCluster(set_name, cluster_id, tuple(documents), tuple(mine)))
    found = {(c.set, c.cluster) for c in loaded}
    missing = sorted(set(wanted) - found)
    if missing:
        raise ValueError(f"clusters not found under {shared}: {missing[:5]}")
    return loaded


def sentence_finder(analysis: Analysis) -> Callable[[int, Span], int | None]:
    """Finds a labelled span's sentence in `analysis` (by document number and span): the sentence
    that starts there, else the one overlapping it most (a lead's wire dateline, labelled as part of
    its sentence before 2026-11-28, no longer is); None when no sentence is there any more (a line
    dropped as boilerplate since it was labelled, such as a credit line)."""
    by_start = {(s.document, s.start): i for i, s in enumerate(analysis.sentences)}

    def find(document: int, span: Span) -> int | None:
        if (document, span.start) in by_start:
            return by_start[(document, span.start)]
        overlaps = [
            (min(s.end, span.end) - max(s.start, span.start), i)
            for i, s in enumerate(analysis.sentences)
            if s.document == document
        ]
        overlap, found = max(overlaps, default=(0, -1))
        return found if overlap > 0 else None

    return find
