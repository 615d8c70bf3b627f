"""Turn the bytes of a file, a download or stdin into text: UTF-8 first, else the encoding a byte-order
mark names, else what charset-normalizer detects. Binary data (images, PDFs, archives) is refused
with a message that says what it looks like, never decoded into garbage."""

from __future__ import annotations

import codecs
import re

from ..records import SummarizeError

# File signatures of the binary files people most often hand a text tool by mistake. Signatures
# that are plain letters ("MZ", "RIFF", "ID3") could start a real article: the zero-byte test below
# catches those files instead.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub, which are ZIP archives)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable program"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
    (b"\x00\x00\x01\x00", "an icon"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never appear in text (tab, line feed, form feed, carriage return and
# escape do; escape in old terminal captures).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_SNIFF = 8192
# At most this share of bytes >= 0x80 in text that is not UTF-8: Western (Windows-1252) text.
WESTERN_SHARE = 0.1


def binary_kind(data: bytes) -> str | None:
    """What the bytes look like if they are not text ("a PNG image", "binary data"), else None."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    head = data[:_SNIFF]
    if any(head.startswith(bom) for bom, _ in _BOMS) or _utf16_without_bom(head):
        return None
    if b"\x00" in head:
        return "binary data"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: mostly ASCII, so one byte of each pair is zero."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _normalize_newlines(text: str) -> str:
    """Universal newlines, as Python's text mode reads files; the BOM, if any, is not text."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """The text of `data` and the encoding it was read with; `name` (a path or URL) is for messages.

    `declared` is an encoding a container names (an HTTP header, a <meta charset>): tried right
    after a byte-order mark, before detection.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise SummarizeError(f"{name}: this is {kind}, not text")
    text, encoding = _decode(data, declared)
    if text is None:
        raise SummarizeError(f"{name}: not text in any encoding we know")
    sample = text[:_SNIFF]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise SummarizeError(f"{name}: this is binary data, not text")
    return _normalize_newlines(text), encoding


def _decode(data: bytes, declared: str | None) -> tuple[str | None, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in filter(None, [declared, _utf16_without_bom(data[:_SNIFF])]):
        try:
            return data.decode(encoding), canonical_name(encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    # Mostly ASCII with a few other bytes (accents, curly quotes) is Western text in Windows-1252, the
    # superset of Latin-1 that editors and old sites write. Detection guesses poorly on so few clues
    # (cp775, cp1250 for plain English); text in another alphabet has far more non-ASCII bytes.
    if sum(byte >= 0x80 for byte in data) <= WESTERN_SHARE * len(data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None, ""
    return str(best), canonical_name(best.encoding)


def canonical_name(encoding: str) -> str:
    """Python's canonical name of an encoding ("latin_1" -> "iso8859-1", "UTF8" -> "utf-8")."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding.lower()
