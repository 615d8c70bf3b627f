"""Clusters of articles as JSON lines: `{"id", "documents": [{"id", "title", "text"}], "summaries"}`.

Every line is checked as `summarize brief` checks a file: binary data, size (a line, then each
document), UTF-8, and each document's text as any article's (empty, too large, not English, no
prose); a malformed line is an error naming it. A lenient read (`summarize batch`'s default) sets
aside a document that fails the article checks, with the reason, while its cluster has others; a read
given a list for them sets aside a line that is not JSON or not a cluster (`BadLine`)."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..records import Document, SummarizeError
from .document import text_document
from .encoding import binary_kind
from .files import open_input

# A line holds one cluster: a few articles of at most 5 MB of text each, well within this.
MAX_LINE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class LeftOut:
    """A document a lenient read set aside: its id and why (the article check it failed)."""

    document: str
    reason: str


@dataclass(frozen=True)
class BadLine:
    """A line that holds no cluster (not UTF-8, not JSON, not a cluster's JSON), set aside by a read
    given a list for them: where it is, why, and its "id" when it is a JSON object that has one."""

    where: str
    reason: str
    cluster_id: str | None = None

    @property
    def message(self) -> str:
        return f"{self.where}: {self.reason}"


class NotACluster(SummarizeError):
    """A line's JSON is not a cluster's (no "documents" list, a document with no "text", ...)."""


@dataclass(frozen=True)
class ClusterInput:
    id: str
    documents: tuple[Document, ...]
    summaries: tuple[str, ...] = ()  # human reference summaries, when the file has them
    where: str = ""  # "file:line" it was read from, for messages
    left_out: tuple[LeftOut, ...] = ()  # documents set aside by a lenient read


def _string(value: object, where: str, what: str) -> str:
    """`value` when it is a string of characters (JSON allows a lone surrogate such as \\ud800,
    which no output can hold)."""
    if not isinstance(value, str):
        raise NotACluster(f"{where}: {what} must be a string")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        character = value[error.start]
        raise NotACluster(
            f"{where}: {what} holds \\u{ord(character):04x}, half a character (a lone surrogate)"
        ) from None
    return value


def _cluster(record: object, where: str, checked: bool, lenient: bool) -> ClusterInput:
    if not isinstance(record, dict):
        raise NotACluster(f"{where}: expected a JSON object")
    documents = record.get("documents")
    if not isinstance(documents, list) or not documents:
        raise NotACluster(f'{where}: "documents" must be a non-empty list')
    cluster_id = _string(str(record.get("id", where)), where, '"id"')
    parsed = []
    left_out: list[tuple[LeftOut, SummarizeError]] = []
    for number, document in enumerate(documents, start=1):
        if not isinstance(document, dict) or not isinstance(document.get("text"), str):
            raise NotACluster(f'{where}: document {number} needs a "text" string')
        text = _string(document["text"], where, f'document {number}\'s "text"')
        if not text.strip() and not (lenient and checked):  # a lenient read leaves it out, below
            raise NotACluster(f"{where}: document {number} is empty")
        title = document.get("title")
        if title is not None:
            title = _string(title, where, f'document {number}\'s "title"')
        name = _string(str(document.get("id", f"{cluster_id}/{number}")), where, f'document {number}\'s "id"')
        label = f"{where} (document {name})"
        try:
            parsed.append(text_document(text, label, name, title or None, checked=checked))
        except SummarizeError as error:
            if not lenient:
                raise
            left_out.append((LeftOut(name, str(error).removeprefix(f"{label}: ")), error))
    if not parsed:  # nothing left to brief: the first document's own error says why
        raise left_out[0][1]
    summaries = record.get("summaries") or []
    if not isinstance(summaries, list) or not all(isinstance(s, str) for s in summaries):
        raise NotACluster(f'{where}: "summaries" must be a list of strings')
    return ClusterInput(
        cluster_id,
        tuple(parsed),
        tuple(_string(s, where, '"summaries"') for s in summaries),
        where,
        tuple(item for item, _ in left_out),
    )


def read_clusters(
    path: Path, checked: bool = True, lenient: bool = False, bad_lines: list[BadLine] | None = None
) -> Iterator[ClusterInput]:
    """Each non-blank line's cluster, in file order; a malformed line, or a file with none, is an
    error naming it. `checked` False reads documents as given (evaluation data: a reference set's
    odd document, such as a list, must not stop a run). `lenient` sets aside a document that fails
    the article checks (`ClusterInput.left_out`) unless it is its cluster's last. Given `bad_lines`,
    a line that is not UTF-8, not JSON or not a cluster is added to it instead of stopping the read
    (a file with no cluster at all still is an error)."""
    name = str(path)
    found = 0
    for item in _read_lines(path, checked, lenient):
        if isinstance(item, ClusterInput):
            found += 1
            yield item
        elif bad_lines is None:
            raise SummarizeError(item.message)
        else:
            bad_lines.append(item)
    if not found:
        # every line set aside: the first one's reason says why
        raise SummarizeError(bad_lines[0].message if bad_lines else f"{name}: the file is empty (no clusters)")


def _read_lines(path: Path, checked: bool, lenient: bool) -> Iterator[ClusterInput | BadLine]:
    """Each non-blank line's cluster, or why it holds none; what stops the whole read (a binary file,
    a line too long to find the next) is an error."""
    name = str(path)
    with open_input(path, name) as stream:
        kind = binary_kind(stream.peek(8192)[:8192])
        if kind is not None:
            raise SummarizeError(f"{name}: this is {kind}, not a JSON-lines cluster file")
        number = text_lines = 0
        while True:
            try:
                raw = stream.readline(MAX_LINE_BYTES + 1)
            except OSError as error:
                raise SummarizeError(f"{name}: cannot read ({error.strerror or error})") from None
            if not raw:
                break
            number += 1
            where = f"{name}:{number}"
            if len(raw) > MAX_LINE_BYTES:
                raise SummarizeError(f"{where}: the line is over {MAX_LINE_BYTES // 2**20} MB (one cluster a line)")
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)  # editors on Windows start UTF-8 files with one
            if b"\x00" in raw:
                yield BadLine(where, "binary data, not JSON")
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                yield BadLine(where, f"not UTF-8 text ({error.reason} at byte {error.start} of the line)")
                continue
            if not line.strip():
                continue
            text_lines += 1
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                if text_lines == 1 and not line.lstrip().startswith(("{", "[")):  # prose, CSV, markdown...
                    raise SummarizeError(
                        f"{name}: not a JSON-lines cluster file (its first line is not JSON); one cluster a line, "
                        '{"id": ..., "documents": [{"text": ...}, ...]}; to brief articles, use summarize brief'
                    ) from None
                yield BadLine(where, f"not valid JSON ({error.msg})")
                continue
            except RecursionError:
                yield BadLine(where, "not valid JSON (nested too deeply)")
                continue
            try:
                cluster = _cluster(record, where, checked, lenient)
            except NotACluster as error:
                cluster_id = record.get("id") if isinstance(record, dict) else None
                reason = str(error).removeprefix(f"{where}: ")
                yield BadLine(where, reason, None if cluster_id is None else str(cluster_id))
                continue
            yield cluster
