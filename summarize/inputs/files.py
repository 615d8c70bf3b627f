"""Open a named input (an article, a cluster file, a prompt) without hanging or running out of memory.

Regular files and pipes (`<(curl ...)`) are read; a device (/dev/zero, a terminal) or a socket is
refused, since it never ends or never answers. A named pipe is opened without waiting for a writer,
then given FIFO_WAIT_SECONDS to have one: one that nobody writes to is an error, not a wait forever.
Reads stop past a size limit.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

from ..records import SummarizeError

FIFO_WAIT_SECONDS = 10.0


def open_input(path: str | Path, name: str) -> io.BufferedReader:
    """A binary stream on `path`, a regular file or a pipe; `name` is for messages."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise SummarizeError(f"{name}: no such file") from None
    except OSError as error:
        raise SummarizeError(f"{name}: cannot read ({error.strerror or error})") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise SummarizeError(f"{name}: is a folder, not a file")
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise SummarizeError(
                f"{name}: not a regular file (a device or a socket); give a file, or - for standard input"
            )
        if stat.S_ISFIFO(mode) and stat.S_ISFIFO(os.lstat(path).st_mode):  # a named pipe, not <(command)
            _wait_for_a_writer(descriptor, name)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)  # opened without waiting for a writer; now read normally
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _wait_for_a_writer(descriptor: int, name: str) -> None:
    import select

    if not hasattr(select, "poll"):
        return
    poller = select.poll()
    poller.register(descriptor, select.POLLIN)
    if not poller.poll(int(FIFO_WAIT_SECONDS * 1000)):  # Linux reports nothing until a writer comes
        raise SummarizeError(f"{name}: a named pipe that nobody wrote to within {FIFO_WAIT_SECONDS:g} s")


def read_limited(path: str | Path, name: str, limit: int) -> bytes | None:
    """At most `limit` bytes of the file at `path`; None when it holds more."""
    with open_input(path, name) as stream:
        try:
            data = stream.read(limit + 1)
        except OSError as error:
            raise SummarizeError(f"{name}: cannot read ({error.strerror or error})") from None
    return data if len(data) <= limit else None
