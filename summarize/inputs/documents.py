"""Read articles from files, folders, web pages (.html files and http(s) URLs), a JSON-lines cluster
file, standard input (`-`) and the built-in sample.

Every reader ends the same way: bytes are decoded (UTF-8, else the detected encoding), HTML is reduced
to its article, and the text is refused, in one line naming the input, when it is empty, too large or
not English. Binary files are refused by what they are ("a PNG image").
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

from ..records import Document, SummarizeError
from ..wording import plural
from .document import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARACTERS,
    STDIN_NAME,
    check_text,
    checked_document,
    document_from_bytes,
    make_document,
)
from .files import read_limited

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES  # what a folder is searched for
CLUSTER_SUFFIXES = (".jsonl",)
STDIN = "-"
# The skipped files a message names for one reason; it counts the rest.
SKIPPED_NAMED = 5
_CLUSTER_IN_PATH = re.compile(r"^(.*\.jsonl)#(.*)$", re.IGNORECASE)  # an empty ID is refused by name


def read_bytes(stream_or_path: BinaryIO | Path, name: str) -> bytes:
    """At most MAX_FILE_BYTES from a file or stream; more is an error, not a silent cut."""
    data: bytes | None
    if isinstance(stream_or_path, Path):
        data = read_limited(stream_or_path, name, MAX_FILE_BYTES)
    else:
        try:
            data = stream_or_path.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise SummarizeError(f"{name}: cannot read ({error.strerror or error})") from None
        data = data if len(data) <= MAX_FILE_BYTES else None
    if data is None:
        raise SummarizeError(
            f"{name}: too large to summarize (over {MAX_FILE_BYTES // 2**20} MB; the limit is "
            f"{MAX_TEXT_CHARACTERS / 1e6:g} million characters, about 5 MB, of text per document)"
        )
    return data


def read_document(path: Path, shown_as: str | None = None) -> Document:
    """A text file in any common encoding, or an HTML page (.html/.htm, or content that is HTML)."""
    name = shown_as or str(path)
    html = True if Path(path).suffix.lower() in HTML_SUFFIXES else None
    return document_from_bytes(read_bytes(Path(path), name), name, html=html)


@dataclass(frozen=True)
class SkippedFile:
    """A file `read_documents` left out, and why (its refusal's message without the name): "the file
    is empty", "no article text found in this page", "the text is not English (...)"."""

    path: str
    reason: str

    @classmethod
    def of(cls, path: str, error: SummarizeError) -> SkippedFile:
        message = str(error)
        return cls(path, message.removeprefix(f"{path}: "))


def skipped_note(skipped: Sequence[SkippedFile]) -> str | None:
    """The one line that names the files `read_documents` left out, and why; None when it left none
    out. Files left out for one reason are named together ("a.txt, b.md: the file is empty")."""
    if not skipped:
        return None
    return f"Skipped {len(skipped)} {plural(len(skipped), 'file')}: {_by_reason(skipped)}."


def _by_reason(skipped: Sequence[SkippedFile]) -> str:
    """The files named by reason, reasons in the order first met."""
    reasons: dict[str, list[str]] = {}
    for file in skipped:
        reasons.setdefault(file.reason, []).append(file.path)
    return "; ".join(f"{_listed(names)}: {reason}" for reason, names in reasons.items())


def _listed(names: Sequence[str]) -> str:
    """The first SKIPPED_NAMED `names`, and how many more."""
    more = len(names) - SKIPPED_NAMED
    return ", ".join(names[:SKIPPED_NAMED]) + (f" and {more} more" if more > 0 else "")


def read_stdin(stream: BinaryIO | None = None) -> Document:
    """One document from standard input (`-`): text in any encoding, or an HTML page."""
    return document_from_bytes(read_bytes(stream or sys.stdin.buffer, STDIN_NAME), STDIN_NAME)


def read_url(url: str, timeout: float | None = None, max_bytes: int | None = None) -> Document:
    """The article of the page at an http(s) URL (fetched once; nothing is cached)."""
    from .fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, fetch
    from .web import page_text

    download = fetch(url, timeout or DEFAULT_TIMEOUT, max_bytes or DEFAULT_MAX_BYTES)
    title, text, encoding = page_text(download)
    return checked_document(text, url, title, url, encoding)


def read_cluster(path: Path, cluster: str | None = None) -> tuple[Document, ...]:
    """The documents of one cluster of a JSON-lines cluster file (`{"id", "documents": [...]}` a
    line): the one whose id is `cluster`, or the only one. Only the chosen cluster's line must be sound
    and only its documents get an article's checks (another line that is not a cluster, or another
    cluster's odd document, such as a list, must not stop this one)."""
    from .jsonl import BadLine, read_clusters

    name = str(path)
    chosen, ids = None, []
    bad_lines: list[BadLine] = []
    for found in read_clusters(path, checked=False, bad_lines=bad_lines):
        ids.append(found.id)
        if chosen is None and (cluster is None or found.id == cluster):
            chosen = found
    listed = ", ".join(ids[:5]) + (", ..." if len(ids) > 5 else "")
    if cluster is None and bad_lines:  # the line may be the cluster meant
        choose = f"; to read another line's cluster, choose it with --cluster ID ({listed})" if ids else ""
        raise SummarizeError(bad_lines[0].message + choose)
    if cluster is None and len(ids) > 1:
        raise SummarizeError(f"{name}: {len(ids)} clusters in this file; choose one with --cluster ID ({listed})")
    if cluster is not None and not cluster.strip():  # `data.jsonl#` or --cluster ""
        raise SummarizeError(
            f"{name}: the cluster id is empty; name one as {name}#ID or --cluster ID ({len(ids)} clusters: {listed})"
        )
    if chosen is None:
        own = next((line for line in bad_lines if line.cluster_id == cluster), None)
        if own is not None:
            raise SummarizeError(own.message)
        unread = "".join(
            f"; line {line.where.removeprefix(name + ':')} holds none: {line.reason}" for line in bad_lines[:1]
        )
        more = max(len(bad_lines) - 1, 0)
        unread += f" (and {more} more {plural(more, 'line')})" if more else ""
        raise SummarizeError(f"{name}: no cluster with id {cluster!r} ({len(ids)} clusters: {listed}){unread}")
    for document in chosen.documents:
        check_text(document.text, f"{chosen.where} (document {document.path})")
    # A cluster file's document is named by the file, the cluster and its id in the file.
    return tuple(
        replace(document, path=f"{name}#{chosen.id}/{document.path}", encoding="utf-8") for document in chosen.documents
    )


def _cluster_in_path(given: str | Path) -> tuple[Path, str] | None:
    """`data.jsonl#ID` names cluster ID of data.jsonl (where no file has that very name)."""
    match = _CLUSTER_IN_PATH.match(str(given))
    if match is None or Path(given).exists():
        return None
    return Path(match.group(1)), match.group(2)


def _inputs(paths: Iterable[str | Path]) -> Iterator[tuple[str, Any]]:
    """("url", URL), ("stdin", "-"), ("cluster", (Path, ID)) or ("file", Path) for each input,
    folders expanded to their articles (.txt, .md, .html, .htm; not hidden files) in name order, each
    as ("folder file", (Path, folder)); a file named twice is read once."""
    from .web import as_url, missing_path_hint, unreadable_address

    seen: set[str] = set()
    stdin = False
    for given in paths:
        url = as_url(given)
        if url is not None:
            yield "url", url
            continue
        if str(given) == STDIN:
            if stdin:
                raise SummarizeError("-: standard input can be read only once")
            stdin = True
            yield "stdin", STDIN
            continue
        named = _cluster_in_path(given)
        if named is not None:
            if not named[0].is_file():
                raise SummarizeError(f"{named[0]}: no such file")
            yield "cluster", named
            continue
        path = Path(given)
        folder = path.is_dir()
        if folder:
            try:
                inside = sorted(
                    p
                    for p in path.iterdir()
                    if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
                )
            except OSError as error:
                raise SummarizeError(f"{path}: cannot read this folder ({error.strerror or error})") from None
            if not inside:
                raise SummarizeError(
                    f"{path}: no articles in this folder (looked for {', '.join(ARTICLE_SUFFIXES)} files)"
                )
        elif path.exists():  # a file, or a pipe such as <(curl ...)
            inside = [path]
        else:
            raise SummarizeError(
                unreadable_address(given) or f"{path}: no such file or folder{missing_path_hint(given)}"
            )
        for file in inside:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                yield ("folder file", (file, path)) if folder else ("file", file)


def article_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The local files named, with each folder replaced by its articles in name order; URLs and
    `-` (stdin) are not files and are skipped. Raises SummarizeError for a missing path."""
    return [
        given if kind == "file" else given[0]
        for kind, given in _inputs(paths)
        if kind in ("file", "folder file", "cluster")
    ]


def read_documents(
    paths: Iterable[str | Path],
    cluster: str | None = None,
    stdin: BinaryIO | None = None,
    timeout: float | None = None,
    max_download: int | None = None,
    skipped: list[SkippedFile] | None = None,
) -> tuple[Document, ...]:
    """The documents of every input, in order: files (text in any encoding, HTML), folders of them,
    http(s) URLs, `-` for standard input (or `stdin`), and .jsonl cluster files, of which `cluster`
    picks one cluster by id (needed when a file has several); `data.jsonl#ID` names one too.

    Raises SummarizeError, in one line naming the input, for anything that is not a readable
    English article. URLs are fetched within `timeout` seconds and `max_download` bytes. With a
    `skipped` list, a file (named, or in a folder) that cannot be briefed (empty, no article text,
    not English, binary, too large) is left out and named there with why (`skipped_note` says so
    in one line), unless no document is left: then the error is that file's own refusal, or names
    them all. A URL, standard input or a cluster file that cannot be read is always refused."""
    documents: list[Document] = []
    clusters = 0
    left_out: list[SkippedFile] = []
    for kind, given in _inputs(paths):
        if kind in ("file", "folder file") and not (kind == "file" and _is_cluster_file(given)):
            file = given if kind == "file" else given[0]
            try:
                documents.append(read_document(Path(file)))
            except SummarizeError as error:
                if skipped is None:
                    raise
                left_out.append(SkippedFile.of(str(file), error))
        elif kind == "url":
            documents.append(read_url(str(given), timeout, max_download))
        elif kind == "stdin":
            documents.append(read_stdin(stdin))
        elif kind == "cluster":
            documents.extend(read_cluster(*given))
            clusters += 1
        elif kind == "file":  # a .jsonl cluster file
            documents.extend(read_cluster(Path(given), cluster))
            clusters += 1
    if cluster is not None and not clusters:
        raise SummarizeError(f"cluster {cluster!r} asked for, but no input is a .jsonl cluster file")
    if not documents and left_out:
        raise _nothing_left(left_out)
    if skipped is not None:
        skipped.extend(left_out)
    return tuple(documents)


def _is_cluster_file(path: str | Path) -> bool:
    return Path(path).suffix.lower() in CLUSTER_SUFFIXES


def _nothing_left(left_out: Sequence[SkippedFile]) -> SummarizeError:
    """The error when every file was left out: the file's own refusal when there was one."""
    if len(left_out) == 1:
        return SummarizeError(f"{left_out[0].path}: {left_out[0].reason}")
    return SummarizeError(f"nothing to brief: none of the {len(left_out)} files can be read; {_by_reason(left_out)}")


def sample_documents() -> tuple[Document, ...]:
    """The built-in sample: five outlets' articles about one event, shipped as package data."""
    folder = resources.files("summarize") / "data" / "sample"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)
    return tuple(make_document(f.read_text(encoding="utf-8"), f"sample/{f.name}") for f in files)
