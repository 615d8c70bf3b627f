"""Sentence embeddings kept on disk, so re-briefing the same articles never runs the model again.

One SQLite file in the user cache directory (``platformdirs``; ``SUMMARIZE_CACHE_DIR`` overrides it),
in WAL mode, so that several runs (two shells, a batch's worker processes, Dask workers on one
machine) can read and write it at once. A vector is keyed by the model's name and a hash of the
sentence's text, and stored as float32 bytes: what comes back is bit-for-bit what the model gave.

`CachedEmbedder` wraps any embedder: it asks the model only for the texts the cache lacks, so a fully
cached brief never loads the model, nor imports torch. A cache that cannot be opened or written (a
read-only home, a corrupt file) is skipped, not fatal: the brief is embedded as if there were none.
Stored vectors are checked as they are read (float32 bytes, finite, one size per model): a damaged
row is dropped and embedded again.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .base import Embedder

CACHE_FILE = "embeddings.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL,
    key BLOB NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, key)
) WITHOUT ROWID
"""
_LOOKUP_CHUNK = 500  # SQLite's limit on parameters per statement is 32766; stay well below it


def default_cache_dir() -> Path:
    override = os.environ.get("SUMMARIZE_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("summarize", appauthor=False))


def text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _sound_vector(stored: object) -> np.ndarray | None:
    """A stored vector, if it is one: float32 bytes, all finite."""
    if not isinstance(stored, bytes) or not stored or len(stored) % 4:
        return None
    vector = np.frombuffer(stored, dtype=np.float32)
    return vector if np.isfinite(vector).all() else None


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    exists: bool
    size_bytes: int  # the database with its write-ahead log
    vectors: dict[str, int] = field(default_factory=dict)  # model name -> stored vectors
    problem: str | None = None  # why the file cannot be used (briefs skip it; `clear` removes it)

    @property
    def total(self) -> int:
        return sum(self.vectors.values())


# A sample of a model's stored vector sizes, in bytes (float32: 4 a dimension).
_SIZES = "SELECT length(vector) FROM embeddings WHERE model = ? AND typeof(vector) = 'blob' LIMIT ?"
_SIZE_SAMPLE = 64
# How long opening a cache that another process is setting up may wait (see EmbeddingCache._open).
_SETUP_PATIENCE = 10.0


class EmbeddingCache:
    """The on-disk store. Safe to share between processes and threads: each process and thread gets
    its own connection (SQLite connections may not cross threads; it reconnects after a fork)."""

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.path = self.directory / CACHE_FILE
        self._connections: dict[tuple[int, int], sqlite3.Connection] = {}
        self.dropped = 0  # damaged rows met (wrong size, not finite, not float32 bytes)

    def _connect(self) -> sqlite3.Connection:
        owner = (os.getpid(), threading.get_ident())
        if owner not in self._connections:
            self.directory.mkdir(parents=True, exist_ok=True)
            problem = self._file_problem()
            if problem is not None:
                raise sqlite3.DatabaseError(f"the file {problem}")
            self._connections[owner] = self._open()
        return self._connections[owner]

    def _open(self) -> sqlite3.Connection:
        """A connection set up for WAL. Two processes opening a new cache at once can meet "database is
        locked" at once, without the busy timeout: SQLite does not wait while the journal mode is
        switched. That moment passes in milliseconds, so the setup is tried again for a while."""
        waited_until = time.monotonic() + _SETUP_PATIENCE
        while True:
            connection = sqlite3.connect(self.path, timeout=60.0, isolation_level=None)
            try:
                connection.execute("PRAGMA busy_timeout = 60000")
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = NORMAL")
                connection.execute(_SCHEMA)
                return connection
            except sqlite3.OperationalError as error:
                connection.close()
                if "locked" not in str(error) or time.monotonic() > waited_until:
                    raise
                time.sleep(0.05)

    def get(self, model: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of those `texts` that have a sound one (damaged rows are dropped)."""
        keys = {text_key(text): text for text in texts}
        found: dict[str, np.ndarray] = {}
        damaged: list[bytes] = []
        connection = self._connect()
        items = list(keys)
        for start in range(0, len(items), _LOOKUP_CHUNK):
            chunk = items[start : start + _LOOKUP_CHUNK]
            rows = connection.execute(
                f"SELECT key, vector FROM embeddings WHERE model = ? AND key IN ({','.join('?' * len(chunk))})",
                [model, *chunk],
            )
            for key, stored in rows:
                vector = _sound_vector(stored)
                if vector is None:
                    damaged.append(bytes(key))
                else:
                    found[keys[bytes(key)]] = vector
        sizes = Counter(len(vector) for vector in found.values())
        if 0 < len(found) < _SIZE_SAMPLE:  # few: the model's stored rows vote (a damaged one asked alone loses)
            sizes = Counter(length // 4 for (length,) in connection.execute(_SIZES, [model, _SIZE_SAMPLE]))
        if len(sizes) > 1:  # one model, one size: the rarer sizes are damage
            size = sizes.most_common(1)[0][0]
            damaged += [text_key(text) for text, vector in found.items() if len(vector) != size]
            found = {text: vector for text, vector in found.items() if len(vector) == size}
        if damaged:
            self.drop(model, damaged)
        return found

    def drop(self, model: str, keys: Sequence[bytes]) -> None:
        """Forget damaged rows, so that they are embedded and stored again (not possible in a
        read-only cache: then they are only ignored)."""
        self.dropped += len(keys)
        try:
            for start in range(0, len(keys), _LOOKUP_CHUNK):
                chunk = list(keys[start : start + _LOOKUP_CHUNK])
                self._connect().execute(
                    f"DELETE FROM embeddings WHERE model = ? AND key IN ({','.join('?' * len(chunk))})", [model, *chunk]
                )
        except sqlite3.Error:
            pass

    def put(self, model: str, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Store one vector per text (first writer wins: a vector never changes once stored)."""
        stored = np.ascontiguousarray(vectors, dtype=np.float32)
        rows = [(model, text_key(text), vector.tobytes()) for text, vector in zip(texts, stored)]
        if not rows:
            return
        # In key order (stable: a repeated text's first vector still wins), the rows go into the table's
        # B-tree side by side instead of at random pages: 40 % less CPU for a batch's 14,000 vectors.
        rows.sort(key=lambda stored_row: stored_row[1])
        connection = self._connect()
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.executemany("INSERT OR IGNORE INTO embeddings (model, key, vector) VALUES (?, ?, ?)", rows)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def _file_problem(self) -> str | None:
        """Why the cache file is no file SQLite can use (a folder, a named pipe, a device), if it is one."""
        try:
            mode = self.path.stat().st_mode
        except FileNotFoundError:
            return None
        except OSError as error:
            return f"cannot be read ({error.strerror or error})"
        if not stat.S_ISREG(mode):
            return "is not a regular file"
        return None

    def info(self) -> CacheInfo:
        """Where the cache is and what it holds; for a file that cannot be used, why (never raises)."""
        if not (self.path.exists() or self.path.is_symlink()):
            return CacheInfo(self.path, False, 0)
        size = sum(p.stat().st_size for p in self.directory.glob(CACHE_FILE + "*") if p.is_file())
        problem = self._file_problem()
        if problem is not None:
            return CacheInfo(self.path, True, size, problem=problem)
        try:
            connection = sqlite3.connect(self.path, timeout=5.0)  # no WAL switch, no table: it only reads
            try:
                rows = connection.execute(
                    "SELECT model, COUNT(*) FROM embeddings GROUP BY model ORDER BY model"
                ).fetchall()
            finally:
                connection.close()
        except sqlite3.Error as error:
            return CacheInfo(self.path, True, size, problem=f"cannot be read ({error})")
        return CacheInfo(self.path, True, size, {model: count for model, count in rows})

    def clear(self) -> int:
        """Delete every stored vector; returns how many there were. A cache file that cannot be
        used, or not written, is removed instead (see `remove`)."""
        if not (self.path.exists() or self.path.is_symlink()):
            return 0
        info = self.info()
        if info.problem is None:
            try:
                connection = self._connect()
                connection.execute("DELETE FROM embeddings")
                connection.execute("VACUUM")
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                return info.total
            except sqlite3.Error:
                self.close()
        self.remove()
        return info.total

    def remove(self) -> None:
        """Delete the cache file and its journal files (raises OSError when that is not allowed)."""
        self.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            path = self.path.with_name(CACHE_FILE + suffix)
            if path.is_symlink() or (path.exists() and not path.is_dir()):
                path.unlink()
            elif path.is_dir():
                raise IsADirectoryError(21, "is a folder", str(path))

    def close(self) -> None:
        """Close this thread's connection (another thread's may not be touched from here)."""
        connection = self._connections.pop((os.getpid(), threading.get_ident()), None)
        if connection is not None:
            connection.close()

    def __getstate__(self) -> dict[str, object]:  # a connection does not cross processes: the copy reconnects
        return {"directory": self.directory, "path": self.path, "_connections": {}, "dropped": 0}


class CachedEmbedder:
    """An embedder that asks `inner` only for texts the cache has not seen (each distinct text once).

    `companions` gives texts worth having in the cache later (the shipped prompts' questions): when
    the model runs anyway, the missing ones are embedded with the rest, so that re-briefing with any
    of those prompts later needs no model at all."""

    def __init__(
        self,
        inner: Embedder,
        cache: EmbeddingCache | None = None,
        companions: Callable[[], Sequence[str]] | None = None,
    ) -> None:
        self.inner = inner
        self.cache = cache if cache is not None else EmbeddingCache()
        self.companions = companions
        self.name = inner.name
        self.hits = 0
        self.misses = 0
        self.error: str | None = None  # why the cache was skipped, if it was

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return self.inner.embed([])
        unique = list(dict.fromkeys(texts))
        known: dict[str, np.ndarray] = {}
        if self.error is None:
            try:
                known = self.cache.get(self.name, unique)
            except (sqlite3.Error, OSError) as error:
                self.error = str(error)
        missing = [text for text in unique if text not in known]
        if missing:
            extra = self._missing_companions(set(unique)) if self.error is None else []
            fresh = missing + extra
            vectors = np.asarray(self.inner.embed(fresh), dtype=np.float32)
            # Stored under this model's name at another size than the model gives: damaged.
            stale = [text for text, vector in known.items() if len(vector) != vectors.shape[1]]
            if stale:
                self.cache.drop(self.name, [text_key(text) for text in stale])
                fresh, missing = fresh + stale, missing + stale
                vectors = np.concatenate([vectors, np.asarray(self.inner.embed(stale), dtype=np.float32)])
            known.update(zip(fresh, vectors))
            if self.error is None:
                try:
                    self.cache.put(self.name, fresh, vectors)
                except (sqlite3.Error, OSError) as error:
                    self.error = str(error)
        self.hits += len(unique) - len(missing)
        self.misses += len(missing)
        return np.stack([known[text] for text in texts])

    def _missing_companions(self, asked: set[str]) -> list[str]:
        if self.companions is None:
            return []
        wanted = [text for text in dict.fromkeys(self.companions()) if text not in asked]
        try:
            stored = self.cache.get(self.name, wanted)
        except (sqlite3.Error, OSError):
            return []
        return [text for text in wanted if text not in stored]


def with_cache(
    embedder: Embedder,
    enabled: bool = True,
    directory: Path | str | None = None,
    companions: Callable[[], Sequence[str]] | None = None,
) -> Embedder:
    """`embedder` behind the on-disk cache, or as it is when `enabled` is false."""
    return CachedEmbedder(embedder, EmbeddingCache(directory), companions) if enabled else embedder
