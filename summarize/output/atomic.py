"""Output files: where a result may be written, and writing it whole or not at all.

A regular file (or a new one) is written to a temporary file in the same folder, flushed to disk,
then renamed over the target: a reader sees the old file or the new one, never part of one. The
new file keeps an existing file's permissions (and owner, where allowed); a new file gets the
usual ones (0666 less the umask). A symbolic link stays a link: its target is written. A special
file that is not a disk (a named pipe, a terminal, /dev/null) cannot be renamed over without
replacing the device itself, so it is opened and written like `echo text > FILE` does. Folders,
sockets and block devices (disks) are refused.

Temporary files are named `.<name>.summarize-<pid>-<random>.tmp`: one left by a process that was
killed (kill -9, a power cut) is removed by the next write to the same file.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from ..records import SummarizeError

STANDARD_OUTPUT = "-"  # `-o -`


def is_standard_output(output: str | Path | None) -> bool:
    return output is not None and str(output) == STANDARD_OUTPUT


def check_output_path(
    output: str | Path, inputs: Iterable[str | Path] = (), inputs_are: str = "an input article"
) -> None:
    """Refuse, before any work and in one line, an output that could not be written or would
    replace one of `inputs` (local files, `inputs_are` in the message; anything that is not an
    existing file is skipped)."""
    if is_standard_output(output):
        return
    output = Path(output)
    try:
        kind = _kind(output)
    except OSError as error:  # a loop of symbolic links, a file name too long
        raise SummarizeError(f"{output}: {error.strerror or error}") from None
    if kind == "folder":
        raise SummarizeError(f"{output}: is a folder, not a file")
    if kind in ("socket", "block device"):
        raise SummarizeError(f"{output}: is a {kind}, not a file; refusing to write over it")
    if kind is None or kind == "file":
        folder = Path(os.path.realpath(output)).parent  # where the replacement is made
        if not folder.is_dir():
            raise SummarizeError(f"{output}: the folder {output.parent} does not exist")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise SummarizeError(f"{output}: cannot write in the folder {folder} (permission denied)")
        if kind == "file" and not os.access(output, os.W_OK):  # as `echo > FILE` would
            raise SummarizeError(f"{output}: the file is read-only (permission denied)")
    elif not os.access(output, os.W_OK):
        raise SummarizeError(f"{output}: cannot write to this {kind} (permission denied)")
    if kind is not None and any(_same_file(output, Path(given)) for given in inputs):
        raise SummarizeError(f"{output}: refusing to overwrite {inputs_are}")


def write_atomically(path: str | Path, text: str, written: list[Path] | None = None) -> None:
    """Put `text` (UTF-8) in the file at `path`, whole or not at all (see the module's docstring).

    `path` is appended to `written` as soon as the file holds the new text (a special file: as soon
    as writing to it begins), even when an interrupt arrives an instant later, so that the caller
    can say exactly whether anything was written. Raises OSError when the write fails (a full disk,
    a file-size limit); the target is then unchanged and no temporary file is left."""
    path = Path(path)
    try:
        existing = os.stat(path)  # through links, /dev/stdout's too
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_special(path, text, written)
        return
    target = Path(os.path.realpath(path))  # a link stays a link: its target is replaced
    _remove_stale_temporaries(target)
    handle, temporary = _create_temporary(target)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            if existing is not None:
                _copy_permissions(handle, existing)
            stream.write(text)
            stream.flush()
            os.fsync(handle)
        os.replace(temporary, target)
        _note(written, path)
        _sync_folder(target.parent)
    except BaseException:
        if os.path.lexists(temporary):
            Path(temporary).unlink()
        else:  # the rename was done when the interrupt (or error) came
            _note(written, path)
        raise


def _note(written: list[Path] | None, path: Path) -> None:
    if written is not None and path not in written:
        written.append(path)


def _kind(path: Path) -> str | None:
    """What `path` leads to: None (nothing), "file", "folder", or the kind of special file."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    for test, name in (
        (stat.S_ISREG, "file"),
        (stat.S_ISDIR, "folder"),
        (stat.S_ISFIFO, "named pipe"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISBLK, "block device"),
    ):
        if test(mode):
            return name
    return "special file"


def _same_file(output: Path, given: Path) -> bool:
    try:
        return os.path.samefile(output, given)
    except OSError:  # not a file (a URL, `-`), or gone
        return False


def _write_special(path: Path, text: str, written: list[Path] | None) -> None:
    kind = _kind(path)
    if kind in ("folder", "socket", "block device"):  # `check_output_path` refuses these before the work
        raise OSError(errno.EINVAL, f"is a {kind}, not a file")
    with open(path, "w", encoding="utf-8") as stream:  # a named pipe waits here for its reader
        _note(written, path)
        stream.write(text)


def _temporary_prefix(target: Path) -> str:
    return f".{target.name}.summarize-"


def _create_temporary(target: Path) -> tuple[int, str]:
    """A new file next to `target`, created with 0666 less the umask (as any new file is)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    while True:
        name = target.parent / f"{_temporary_prefix(target)}{os.getpid()}-{secrets.token_hex(4)}.tmp"
        try:
            return os.open(name, flags, 0o666), str(name)
        except FileExistsError:
            continue


def _copy_permissions(handle: int, existing: os.stat_result) -> None:
    """The replacement keeps the replaced file's owner (where the system lets us) and mode."""
    if hasattr(os, "fchown") and (existing.st_uid, existing.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.fchown(handle, existing.st_uid, existing.st_gid)
        except OSError:  # only root may give a file away: it becomes ours
            pass
    try:
        if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
            os.fchmod(handle, stat.S_IMODE(existing.st_mode))
    except OSError:  # a file system without Unix permissions (FAT): the write matters more
        pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where folders cannot be opened, nothing to do."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _remove_stale_temporaries(target: Path) -> None:
    """Temporary files of `target` left by processes that no longer run (killed mid-write)."""
    prefix = _temporary_prefix(target)
    try:
        names = [name for name in os.listdir(target.parent) if name.startswith(prefix) and name.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        pid = name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            try:
                os.unlink(target.parent / name)
            except OSError:
                pass


def _running(pid: int) -> bool:
    if os.name != "posix":  # os.kill would end the process there: keep its file
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process (EPERM), or no way to ask: keep its file
        return True
    return True
