"""Web pages: fetch a URL (timeout, size cap, redirects) and extract an article's title and main text
from HTML with trafilatura, leaving navigation, ads, scripts, comments and "related stories" behind.

trafilatura and lxml are imported inside the functions that use them: `summarize --help` stays instant.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from .boilerplate import prose_spans
from .encoding import decode
from .records import SummarizeError

DEFAULT_TIMEOUT = 20.0  # seconds for the whole download
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
USER_AGENT = "summarize/0.1 (offline news briefing; +https://pypi.org/project/summarize/)"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain", "text/markdown"}
_URL = re.compile(r"^https?://", re.IGNORECASE)
# Path() turns "https://host/x" into "https:/host/x"; a URL that went through one is repaired.
_COLLAPSED_URL = re.compile(r"^(https?):/(?!/)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_LOOKS_LIKE_HTML = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def as_url(given: object) -> str | None:
    """The http(s) URL that `given` (a str or a Path made from one) names, or None."""
    text = str(given)
    if _URL.match(text):
        return text
    if not isinstance(given, str) and _COLLAPSED_URL.match(text):
        return _COLLAPSED_URL.sub(r"\1://", text, count=1)
    return None


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
    options = dict(with_metadata=True, include_comments=False, include_tables=False, include_images=False)
    try:
        # Precision first: an ad that reads as prose would make a fine-looking wrong sentence.
        result = trafilatura.bare_extraction(html, favor_precision=True, **options)
        if result is None or not (result.text or "").strip():
            result = trafilatura.bare_extraction(html, **options)
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        raise SummarizeError(f"{name}: cannot read this HTML ({type(error).__name__})") from None
    text = (result.text or "") if result is not None else ""
    if not prose_spans(text):  # nothing but menu entries and labels
        raise SummarizeError(f"{name}: no article text found in this page")
    title = " ".join((result.title or "").split()) or None
    return Page(title=title, text=text.strip() + "\n")


@dataclass(frozen=True)
class Download:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str
    charset: str | None
    data: bytes


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Download:
    """GET `url`, following redirects, within `timeout` seconds in all and `max_bytes` of body."""
    import socket
    import urllib.error
    import urllib.request
    from email.message import Message

    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.8,*/*;q=0.1"})
    too_slow = SummarizeError(f"{url}: no complete answer within {timeout:g} s")
    try:
        response = urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        raise SummarizeError(f"{url}: the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            raise too_slow from None
        reason = getattr(error.reason, "strerror", None) or str(error.reason)
        raise SummarizeError(f"{url}: cannot connect ({reason})") from None
    except (TimeoutError, socket.timeout):
        raise too_slow from None
    except (OSError, ValueError) as error:  # a bad port, a malformed URL, a reset connection
        raise SummarizeError(f"{url}: cannot fetch ({error})") from None
    with response:
        header = Message()
        header["content-type"] = response.headers.get("Content-Type", "")
        content_type = header.get_content_type() if response.headers.get("Content-Type") else ""
        charset = header.get_param("charset")
        length = response.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise SummarizeError(f"{url}: the page is {_megabytes(int(length))}, over the {_megabytes(max_bytes)} limit")
        chunks, size = [], 0
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise too_slow
                # The timeout given to urlopen bounds each wait; this bounds the whole download,
                # so a server that trickles a byte at a time cannot hold us past the deadline.
                sock = getattr(getattr(response.fp, "raw", None), "_sock", None)
                if sock is not None:
                    sock.settimeout(remaining)
                chunk = response.read1(64 * 1024)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise SummarizeError(f"{url}: the page is over the {_megabytes(max_bytes)} limit")
                chunks.append(chunk)
        except (TimeoutError, socket.timeout):
            raise too_slow from None
        except OSError as error:
            raise SummarizeError(f"{url}: the download broke off ({error})") from None
        return Download(url, response.geturl(), content_type, str(charset) if charset else None, b"".join(chunks))


def _megabytes(size: int) -> str:
    """A size as people read it: "2.0 MB", "1.0 KB", "12 bytes" (never "0.0 MB" for a small one)."""
    if size >= 0.1 * 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size:,} byte{'s' if size != 1 else ''}"


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
