"""A web server on 127.0.0.1 for the URL tests: pages, redirects, errors, slow and oversized answers.
Nothing leaves this machine."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "html"
FRENCH = (
    "<html><head><title>Tempête sur la côte</title></head><body><article><h1>Tempête sur la côte</h1>"
    "<p>Une puissante tempête a frappé la côte nord lundi, obligeant des milliers d'habitants à fuir leurs "
    "maisons. Les autorités ont déclaré que la tempête avait apporté des vents de 190 kilomètres par heure "
    "et de fortes inondations sur la côte.</p><p>Le maire a déclaré que des abris d'urgence étaient ouverts "
    "dans toutes les écoles de la région, et que les secours travaillaient toute la nuit.</p></article></body></html>"
)
NO_ARTICLE = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
PLAIN = (
    "Storm damage across the north\n\nThe storm cut power to more than 50,000 homes in the northern region, the electricity "
    "company said.\n\nEmergency shelters opened in schools across the region, the mayor said on Monday evening.\n"
)

RAW_ANSWERS = {
    "/bad-chunked": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n<html>\r\n",
    "/bad-status": b"HTTP/1.1 two hundred\r\nContent-Type: text/html\r\n\r\n<html></html>",
    "/long-header": b"HTTP/1.1 200 OK\r\nX-Long: " + b"x" * 70_000 + b"\r\n\r\n",
    "/many-headers": b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-H%d: 1\r\n" % n for n in range(150)) + b"\r\n",
    "/not-http": b"SSH-2.0-OpenSSH_9.6\r\n",
}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # quiet test output
        pass

    def _send(self, status: int, body: bytes, content_type: str | None, length: bool = True) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # http.server calls it by this name
        path = self.path.split("?")[0]
        if path == "/storm.html":
            self._send(200, (FIXTURES / "storm.html").read_bytes(), "text/html; charset=utf-8")
        elif path == "/wire.html":  # cp1252 bytes; the charset only in a <meta> tag
            self._send(200, (FIXTURES / "wire.html").read_bytes(), "text/html")
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/storm.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/plain.txt":
            self._send(200, PLAIN.encode(), "text/plain; charset=utf-8")
        elif path == "/french.html":
            self._send(200, FRENCH.encode(), "text/html; charset=utf-8")
        elif path == "/menu.html":
            self._send(200, NO_ARTICLE.encode(), "text/html")
        elif path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        elif path == "/png-as-html":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(200), "text/html")
        elif path == "/empty.html":
            self._send(200, b"", "text/html")
        elif path == "/big-declared":  # says so up front
            self._send(200, b"<html>" + b" " * (2 * 1024 * 1024), "text/html")
        elif path == "/big-undeclared":  # no Content-Length: found out while reading
            self._send(200, b"<html>" + b" " * (2 * 1024 * 1024), "text/html", length=False)
            self.close_connection = True
        elif path == "/slow":
            time.sleep(3)
            self._send(200, (FIXTURES / "storm.html").read_bytes(), "text/html")
        elif path == "/trickle":  # answers at once, then a byte every 0.2 s: only a total deadline stops it
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
            self.close_connection = True
        elif path in RAW_ANSWERS:  # answers that break HTTP, written byte for byte
            self.wfile.write(RAW_ANSWERS[path])
            self.close_connection = True
        elif path == "/drip-headers":  # a header byte every 0.3 s: no single wait is long
            try:
                for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Drip: " + b"x" * 200:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.3)
            except OSError:
                pass
            self.close_connection = True
        elif path.startswith("/slow-redirect/"):  # /slow-redirect/9: nine redirects, each after 0.6 s
            left = int(path.rsplit("/", 1)[1])
            time.sleep(0.6)
            self.send_response(302)
            self.send_header("Location", f"/slow-redirect/{left - 1}" if left > 1 else "/storm.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/story.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/error":
            self._send(500, b"oops", "text/plain")
        else:
            self._send(404, b"not here", "text/plain")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up (the timeout tests) breaks the pipe: expected


@contextmanager
def serve() -> Iterator[str]:
    """The server's base URL (http://127.0.0.1:PORT) while the block runs."""
    server = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/story.html"
