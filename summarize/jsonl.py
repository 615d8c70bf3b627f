"""Clusters of articles as JSON lines: `{"id", "documents": [{"id", "title", "text"}], "summaries"}`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .documents import make_document
from .records import Document, SummarizeError


@dataclass(frozen=True)
class ClusterInput:
    id: str
    documents: tuple[Document, ...]
    summaries: tuple[str, ...] = ()  # human reference summaries, when the file has them


def _cluster(record: object, where: str) -> ClusterInput:
    if not isinstance(record, dict):
        raise SummarizeError(f"{where}: expected a JSON object")
    documents = record.get("documents")
    if not isinstance(documents, list) or not documents:
        raise SummarizeError(f'{where}: "documents" must be a non-empty list')
    cluster_id = str(record.get("id", where))
    parsed = []
    for number, document in enumerate(documents, start=1):
        if not isinstance(document, dict) or not isinstance(document.get("text"), str):
            raise SummarizeError(f'{where}: document {number} needs a "text" string')
        if not document["text"].strip():
            raise SummarizeError(f"{where}: document {number} is empty")
        name = str(document.get("id", f"{cluster_id}/{number}"))
        parsed.append(make_document(document["text"], name, document.get("title") or None))
    summaries = record.get("summaries") or []
    if not isinstance(summaries, list) or not all(isinstance(s, str) for s in summaries):
        raise SummarizeError(f'{where}: "summaries" must be a list of strings')
    return ClusterInput(cluster_id, tuple(parsed), tuple(summaries))


def read_clusters(path: Path) -> Iterator[ClusterInput]:
    """Each non-blank line's cluster, in file order; a malformed line is an error naming it."""
    try:
        stream = open(path, encoding="utf-8")
    except OSError as error:
        raise SummarizeError(f"{path}: cannot read ({error.strerror})") from None
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise SummarizeError(f"{where}: not valid JSON ({error.msg})") from None
            yield _cluster(record, where)
