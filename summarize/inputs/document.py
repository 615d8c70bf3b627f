"""One text or byte string becomes one checked `Document`: decoded, HTML reduced to its article,
refused in one line when empty, too large or not English."""

from __future__ import annotations

from pathlib import Path

from ..records import Document, SummarizeError
from ..text.boilerplate import headline, lead_title, prose_spans
from ..text.controls import plain_title
from .encoding import decode
from .language import check_english
from .linebreaks import unwrap

STDIN_NAME = "<stdin>"
# A document's text is at most 5 MB (5 million characters, some 800,000 words: hundreds of
# articles' worth). A file, download or stdin may be larger than its text (HTML, UTF-16), up to:
MAX_TEXT_CHARACTERS = 5_000_000
# Of which at most this much prose (what is split, embedded and clustered: the work grows with it; a
# 4.9 MB text of distinct prose took 338 s, 490,000 characters of prose take about a minute on a
# busy 2-core machine). An article pasted many times is one article's prose.
MAX_PROSE_CHARACTERS = 500_000
MAX_FILE_BYTES = 20 * 1024 * 1024


def make_document(
    text: str, path: str, title: str | None = None, url: str | None = None, encoding: str | None = None
) -> Document:
    """A document whose title is given, else its headline, else its lead's first words (else, with
    no prose at all, its file name), as one line of plain text (`plain_title`: a BEL or a terminal
    escape in a front matter's `title:` is not kept for JSON to carry)."""
    title = plain_title(title) or plain_title(headline(text))
    lead = plain_title(lead_title(text)) if not title else None
    return Document(
        title=title or lead or plain_title(Path(path).stem) or Path(path).name,
        text=text,
        path=path,
        url=url,
        encoding=encoding,
        title_from_lead=lead is not None,
    )


def _empty(name: str) -> SummarizeError:
    """An input with no text: no bytes but whitespace, or nothing but whitespace once decoded (a
    byte-order mark alone, UTF-16 spaces). A folder (or a list of files) skips such a file, as any
    file that is no article (`read_documents`); named alone, it is refused."""
    return SummarizeError(f"{name}: {'the input' if name == STDIN_NAME else 'the file'} is empty")


def document_from_bytes(
    data: bytes, name: str, html: bool | None = None, url: str | None = None, declared: str | None = None
) -> Document:
    """A document from raw bytes: `html` True extracts the article, None decides by the content."""
    from .web import declared_charset, looks_like_html

    if not data.strip():
        raise _empty(name)
    text, encoding = decode(data, name, declared or (declared_charset(data) if html is not False else None))
    if not text.strip():  # whitespace in another encoding, or a byte-order mark alone (decode drops it)
        raise _empty(name)
    title = None
    if html or (html is None and looks_like_html(text)):
        from .web import extract_article

        page = extract_article(text, name)
        title, text = page.title, page.text
    return checked_document(text, name, title, url, encoding)


def checked_document(
    text: str, name: str, title: str | None = None, url: str | None = None, encoding: str | None = None
) -> Document:
    """A document, once its text is known not to be empty, too large or in another language.
    Hard-wrapped text has its in-paragraph line breaks made spaces (offsets do not move)."""
    text = unwrap(text)
    check_text(text, name)
    return make_document(text, name, title, url, encoding)


def check_text(text: str, name: str) -> None:
    """Refuse, naming `name`, a text that is empty, too large or in another language than English."""
    if not text.strip():
        raise SummarizeError(f"{name}: the text is empty")
    if len(text) > MAX_TEXT_CHARACTERS:
        raise SummarizeError(
            f"{name}: too large to summarize ({len(text) / 1e6:.1f} million characters of text; "
            f"the limit is {MAX_TEXT_CHARACTERS / 1e6:g} million, about 5 MB, per document)"
        )
    check_english(text, name)
    spans = prose_spans(text)
    if not spans:
        raise SummarizeError(f"{name}: no article text (no line reads as prose: 5 or more words ending in . ! or ?)")
    prose = sum(end - start for start, end in spans)
    if prose > MAX_PROSE_CHARACTERS:
        raise SummarizeError(
            f"{name}: too much article text to summarize ({prose:,} characters of prose; the limit "
            f"is {MAX_PROSE_CHARACTERS:,}, some 85,000 words, per document)"
        )


def text_document(text: str, name: str, path: str, title: str | None = None, checked: bool = True) -> Document:
    """A document from text given as a string (a cluster file's): a page is reduced to its article,
    and, when `checked`, the text gets every article's checks. `name` is for messages."""
    from .web import extract_article, looks_like_html

    if looks_like_html(text):
        page = extract_article(text, name)
        text, title = page.text, page.title or title
    text = unwrap(text)
    if checked:
        check_text(text, name)
    return make_document(text, path, title)
