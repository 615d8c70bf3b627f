"""Fetch a URL within a time limit for the whole fetch and a size cap, following http(s) redirects only.

urllib's own timeout bounds each wait on the socket, not the fetch: a server that drips its headers
a byte at a time, or redirects slowly nine times, holds a plain `urlopen` for minutes. Here a
watchdog shuts the fetch's sockets down when the time is up, whatever urllib is waiting for. Every
way a server can answer wrongly (a malformed status line or chunked body, endless headers) becomes
one line naming the URL.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from ..records import SummarizeError
from ..wording import plural

DEFAULT_TIMEOUT = 20.0  # seconds for the whole download
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
USER_AGENT = "summarize/0.1 (offline news briefing; +https://pypi.org/project/summarize/)"
_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Download:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str
    charset: str | None
    data: bytes


class _Deadline:
    """The end of a fetch: sockets opened for it are shut down when it passes."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:  # already closed
        pass


class _NotHttp(Exception):
    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    """An opener whose connections the deadline can stop and whose redirects stay on http(s)."""

    def bounded(base: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
        class Bounded(base):  # type: ignore[valid-type, misc]
            def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
                super().__init__(*args, **kwargs)
                self._create_connection = self._watched_connection  # the raw socket, for a TLS handshake

            def _watched_connection(self, *args, **kwargs) -> socket.socket:  # type: ignore[no-untyped-def]
                sock = socket.create_connection(*args, **kwargs)
                deadline.watch(sock)
                return sock

            def connect(self) -> None:
                self.timeout = max(min(self.timeout or deadline.remaining(), deadline.remaining()), 0.001)  # type: ignore[has-type]
                super().connect()
                deadline.watch(self.sock)  # after TLS, the socket that is read

        return Bounded

    plain, secure = bounded(http.client.HTTPConnection), bounded(http.client.HTTPSConnection)

    class HTTPHandler(urllib.request.HTTPHandler):
        def http_open(self, req):  # type: ignore[no-untyped-def]
            return self.do_open(plain, req)

    class HTTPSHandler(urllib.request.HTTPSHandler):
        def https_open(self, req):  # type: ignore[no-untyped-def]
            return self.do_open(secure, req, context=self._context)  # type: ignore[attr-defined]  # set in __init__, not in typeshed

    class RedirectHandler(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            if urllib.parse.urlsplit(newurl).scheme.lower() not in _SCHEMES:
                raise _NotHttp(newurl)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(HTTPHandler, HTTPSHandler, RedirectHandler)


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Download:
    """GET `url`, following http(s) redirects, within `timeout` seconds in all and `max_bytes` of body."""
    deadline = _Deadline(timeout)
    try:
        return _fetch(url, timeout, max_bytes, deadline)
    except (OSError, http.client.HTTPException) as error:
        if deadline.expired or isinstance(error, TimeoutError):
            raise SummarizeError(f"{url}: no complete answer within {timeout:g} s") from None
        raise SummarizeError(f"{url}: cannot fetch ({_reason(error)})") from None
    finally:
        deadline.cancel()


def _reason(error: BaseException) -> str:
    if isinstance(error, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    if isinstance(error, http.client.IncompleteRead):
        return "the server's answer broke off"
    if isinstance(error, http.client.LineTooLong):
        return "the server sent a header line over 64 KB"
    if isinstance(error, http.client.BadStatusLine):
        return "the server's answer is not HTTP"
    if isinstance(error, http.client.HTTPException):
        return f"the server's answer is malformed: {error}" if str(error) else "the server's answer is malformed"
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def _fetch(url: str, timeout: float, max_bytes: int, deadline: _Deadline) -> Download:
    from email.message import Message

    too_slow = SummarizeError(f"{url}: no complete answer within {timeout:g} s")
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.8,*/*;q=0.1"}
    )
    try:
        response = _opener(deadline).open(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        error.close()
        raise SummarizeError(f"{url}: the server answered {error.code} {error.reason}") from None
    except _NotHttp as error:
        raise SummarizeError(f"{url}: redirected to {error.target}, which is not an http(s) address") from None
    except urllib.error.URLError as error:
        if deadline.expired or isinstance(error.reason, TimeoutError):
            raise too_slow from None
        reason = getattr(error.reason, "strerror", None) or str(error.reason)
        raise SummarizeError(f"{url}: cannot connect ({reason})") from None
    except ValueError as error:  # a bad port, a malformed URL
        raise SummarizeError(f"{url}: cannot fetch ({error})") from None
    with response:
        header = Message()
        header["content-type"] = response.headers.get("Content-Type", "")
        content_type = header.get_content_type() if response.headers.get("Content-Type") else ""
        charset = header.get_param("charset")
        length = response.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise SummarizeError(f"{url}: the page is {size_text(int(length))}, over the {size_text(max_bytes)} limit")
        chunks, size = [], 0
        while True:
            if deadline.remaining() <= 0:
                raise too_slow
            chunk = response.read1(64 * 1024)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise SummarizeError(f"{url}: the page is over the {size_text(max_bytes)} limit")
            chunks.append(chunk)
        if deadline.expired:  # a socket shut down by the deadline reads as the end of the page
            raise too_slow
        return Download(url, response.geturl(), content_type, str(charset) if charset else None, b"".join(chunks))


def size_text(size: int) -> str:
    """A size as people read it: "2.0 MB", "1.0 KB", "12 bytes" (never "0.0 MB" for a small one)."""
    if size >= 0.1 * 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size:,} {plural(size, 'byte')}"
