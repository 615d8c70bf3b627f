"""Read articles from files, folders and the built-in sample."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from .boilerplate import headline
from .records import Document, SummarizeError

ARTICLE_SUFFIXES = (".txt", ".md")


def make_document(text: str, path: str, title: str | None = None) -> Document:
    """A document whose title is given, else its headline, else its file name."""
    return Document(title=title or headline(text) or Path(path).stem, text=text, path=path)


def read_document(path: Path, shown_as: str | None = None) -> Document:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise SummarizeError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    except OSError as error:
        raise SummarizeError(f"{path}: cannot read ({error.strerror})") from None
    if not text.strip():
        raise SummarizeError(f"{path}: the file is empty")
    return make_document(text, shown_as or str(path))


def article_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, with each folder replaced by its .txt/.md files in name order."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not inside:
                raise SummarizeError(f"{path}: no .txt or .md articles in this folder")
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise SummarizeError(f"{path}: no such file or folder")
    return found


def read_documents(paths: Iterable[str | Path]) -> tuple[Document, ...]:
    return tuple(read_document(path) for path in article_paths(paths))


def sample_documents() -> tuple[Document, ...]:
    """The built-in sample: five outlets' articles about one event, shipped as package data."""
    folder = resources.files("summarize") / "data" / "sample"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)
    return tuple(make_document(f.read_text(encoding="utf-8"), f"sample/{f.name}") for f in files)
