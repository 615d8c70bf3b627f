"""Web pages (fetched by summarize.inputs.fetch): extract an article's title and main text
from HTML with trafilatura, leaving navigation, ads, scripts, comments and "related stories" behind.

trafilatura and lxml are imported inside the functions that use them: `summarize --help` stays instant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..records import SummarizeError
from ..text.boilerplate import prose_spans
from .encoding import decode

if TYPE_CHECKING:
    from .fetch import Download

HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain", "text/markdown"}
_URL = re.compile(r"^https?://", re.IGNORECASE)
# Path() turns "https://host/x" into "https:/host/x"; a URL that went through one is repaired.
_COLLAPSED_URL = re.compile(r"^(https?):/(?!/)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# Another scheme's address ("ftp://...", "file:///..."), also as Path() leaves it ("ftp:/..."); a
# one-letter "scheme" is a Windows drive.
_OTHER_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]+):/", re.IGNORECASE)
# A web address without its scheme: "www.bbc.co.uk", "example.com/story" (not "news.txt").
_BARE_ADDRESS = re.compile(r"^(www\.[^/\s]+|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/)", re.IGNORECASE)
_LOOKS_LIKE_HTML = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def as_url(given: object) -> str | None:
    """The http(s) URL that `given` (a str or a Path made from one) names, or None."""
    text = str(given)
    if _URL.match(text):
        return text
    if not isinstance(given, str) and _COLLAPSED_URL.match(text):
        return _COLLAPSED_URL.sub(r"\1://", text, count=1)
    return None


def unreadable_address(given: object) -> str | None:
    """Why `given` cannot be read when it is an address of a scheme other than http(s) (the caller
    checks first that no file has that name); None when it is not one."""
    text = str(given)
    match = _OTHER_SCHEME.match(text)
    if match is None or _URL.match(text) or _COLLAPSED_URL.match(text):
        return None
    if not isinstance(given, str):
        text = re.sub(r"^([^:]+):/(?!/)", r"\1://", text, count=1)  # as typed, before Path() collapsed it
    if match.group(1).lower() == "file":
        return f"{text}: a file:// address; give the file's path instead"
    return f"{text}: only http:// and https:// addresses can be fetched"


def missing_path_hint(given: object) -> str:
    """What to add to "no such file or folder" for `given`: a web address typed without http(s)://."""
    return " (a web address starts with http:// or https://)" if _BARE_ADDRESS.match(str(given)) else ""


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_LIKE_HTML.match(text[:4096]))


def declared_charset(data: bytes) -> str | None:
    """The encoding a page's <meta charset> or http-equiv names, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


@dataclass(frozen=True)
class Page:
    """An article taken out of an HTML page: `text` is what every span and citation refers to."""

    title: str | None
    text: str


def extract_article(html: str, name: str) -> Page:
    """The main text and title of an HTML page; `name` (path or URL) is for messages."""
    import logging

    import trafilatura

    for logger in ("trafilatura", "htmldate", "courlan", "readability", "justext"):
        logging.getLogger(logger).setLevel(logging.CRITICAL)  # they warn on odd pages: we report ourselves
    options: dict[str, Any] = dict(
        with_metadata=True, include_comments=False, include_tables=False, include_images=False
    )
    try:
        # Precision first: an ad that reads as prose would make a fine-looking wrong sentence.
        result = trafilatura.bare_extraction(html, favor_precision=True, **options)
        assert not isinstance(result, dict)  # as_dict is off: a Document or None
        if result is None or not (result.text or "").strip():
            result = trafilatura.bare_extraction(html, **options)
            assert not isinstance(result, dict)
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        raise SummarizeError(f"{name}: cannot read this HTML ({type(error).__name__})") from None
    text = (result.text or "") if result is not None else ""
    if result is None or not prose_spans(text):  # nothing but menu entries and labels (or nothing)
        raise SummarizeError(f"{name}: no article text found in this page")
    title = " ".join((result.title or "").split()) or None
    return Page(title=title, text=text.strip() + "\n")


def page_text(download: Download) -> tuple[str | None, str, str]:
    """(title, text, encoding) of a downloaded page: HTML is extracted, plain text kept as is;
    anything else (an image, a PDF, JSON) is refused."""
    kind = download.content_type
    if kind and kind not in HTML_TYPES | TEXT_TYPES:
        raise SummarizeError(f"{download.url}: not a web page (the server says it is {kind})")
    if not download.data.strip():
        raise SummarizeError(f"{download.url}: the page is empty")
    declared = download.charset or declared_charset(download.data)
    text, encoding = decode(download.data, download.url, declared)
    if kind in HTML_TYPES or (not kind and looks_like_html(text)):
        page = extract_article(text, download.url)
        return page.title, page.text, encoding
    return None, text, encoding
