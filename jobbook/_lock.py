"""One jobbook run at a time changes a workbook, and never over a file saved meanwhile.

``import``, ``accept``, ``done`` and the editor read the book, compute the cells to write and
write it back. Two such runs at once would each read the same book: the second rename would
throw away the first run's rows, or give two rows the same ID. ``changing(book)`` holds an
exclusive lock for the whole read-compute-write cycle: ``fcntl.flock`` on the book file itself
(an advisory lock, which Excel and LibreOffice neither take nor mind; a process killed with
kill -9 leaves nothing behind, the kernel releases it); a second run waits (saying so on
stderr), then works on the book as the first one left it (the lock it got is on the file the
first run replaced, so it locks the new one), or gives up after ``JOBBOOK_LOCK_WAIT`` seconds
(30 by default) with ``BookBusy``. Windows, whose locks are mandatory, locks a hidden file beside
the book instead (``.search.xlsx.jobbook-lock``, removed afterwards).

Excel and LibreOffice take no part in that lock, so the cycle also remembers the book as it was
first seen (device, inode, size, modification time in ns, and a BLAKE2 digest of its bytes, for
a save in place within the file system's clock tick) and ``unchanged()`` refuses to write over a
book that is not that file any more (``BookChanged``).

The book's path is resolved once: a symbolic link is followed to the real file, which is the one
locked, checked, backed up and replaced (a rename over the link would replace the link itself
with a plain file and leave the real book unchanged).
"""

from __future__ import annotations

import errno
import hashlib
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from ._stop import stoppable
from .errors import BookBusy, BookChanged

LOCK_MARK = ".jobbook-lock"
WAIT = 30.0  # seconds a second run waits for the first one (JOBBOOK_LOCK_WAIT)
_SAY_AFTER = 0.5  # a wait longer than this is said on stderr


@dataclass
class Hold:
    """A book held for one read-compute-write cycle."""

    given: Path  # as the user named it
    real: Path  # the file itself (symbolic links followed)
    seen: tuple[int, int, int, int] | None  # (device, inode, size, mtime_ns) when first held
    digest: bytes = b""  # of its bytes when first held

    @property
    def through_link(self) -> bool:
        return self.real != self.given.absolute()


_held: dict[tuple[int, Path], Hold] = {}  # (pid, book): a forked child holds nothing yet


try:
    import fcntl  # noqa: F401

    ON_BOOK = True  # flock the book itself
except ImportError:  # Windows
    ON_BOOK = False


def lock_path(real: Path) -> Path:
    """The file locked for `real`: the book itself, or (Windows) a hidden file beside it."""
    return real if ON_BOOK else real.with_name(f".{real.name}{LOCK_MARK}")


def identity(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def digest(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "blake2b").digest()


def unchanged(hold: Hold, thorough: bool = False) -> None:
    """Raise BookChanged unless the book is still the file first seen (`thorough`: its bytes
    too, not only its size and time)."""
    if hold.seen is None:
        return
    now = identity(hold.real)
    if now == hold.seen and (not thorough or digest(hold.real) == hold.digest):
        return
    what = (
        "was moved or deleted"
        if now is None
        else "was saved by another program (Excel, LibreOffice, a sync client...)"
    )
    raise BookChanged(
        f"{hold.given}: the workbook {what} while jobbook was changing it; nothing written. "
        "Run the command again (on the book as it is now)."
    )


@contextmanager
def changing(path: str | Path) -> Iterator[Hold]:
    """Hold the book at `path` for a read-compute-write cycle: the lock (waiting for another run
    that holds it), the book as first seen, SIGTERM/SIGHUP turned into a clean stop. Nested holds
    of the same book in one process share the outermost one. A book that does not exist is not
    locked (reading it will say so)."""
    given = Path(path)
    real = given.resolve()
    key = (os.getpid(), real)
    if key in _held:
        yield _held[key]
        return
    with stoppable():
        if not real.is_file():
            yield Hold(given, real, None)
            return
        fd = _lock(given, real)
        try:
            hold = _held[key] = Hold(given, real, identity(real), digest(real))
            yield hold
        finally:
            _held.pop(key, None)
            _unlock(fd, lock_path(real))


def _lock(given: Path, real: Path) -> int:
    """An open lock file beside `real`, locked by this process (waiting up to WAIT seconds)."""
    from .errors import writing

    name = lock_path(real)
    wait = float(os.environ.get("JOBBOOK_LOCK_WAIT", WAIT))
    start = time.monotonic()
    said = False
    while True:
        with writing(given):
            fd = (
                os.open(name, os.O_RDONLY)
                if ON_BOOK
                else os.open(name, os.O_RDWR | os.O_CREAT, 0o644)
            )
        try:
            if _try_lock(fd):
                if _same_file(fd, name):  # not a file its last holder replaced or removed meanwhile
                    if not ON_BOOK:
                        _say_pid(fd)
                    return fd
                os.close(fd)
                continue
            holder = "" if ON_BOOK else _holder(fd)
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
        waited = time.monotonic() - start
        if waited >= wait:
            raise BookBusy(
                f"{given}: another jobbook run{holder} is changing it and has not finished after "
                f"{wait:g} s; nothing written. Try again when it is done."
            )
        if waited >= _SAY_AFTER and not said:
            print(
                f"Waiting for another jobbook run{holder} to finish with {given}...",
                file=sys.stderr,
            )
            said = True
        time.sleep(0.05)


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: a byte-range lock on the first byte
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    except OSError as exc:  # a file system without locks (some network shares): the check that
        if exc.errno in _NO_LOCKS:  # the book is unchanged before the rename still guards it
            return True
        raise


_NO_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL, errno.ENOSYS}


def _say_pid(fd: int) -> None:
    """Our pid in the lock file, for the message of a run that waits (best effort)."""
    with suppress(OSError):
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())


def _same_file(fd: int, name: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(name)
    except FileNotFoundError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except (OSError, AttributeError, UnicodeDecodeError):
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


def _unlock(fd: int, name: Path) -> None:
    """Release the lock (Windows: remove the lock file while still holding it, so that a run
    waiting on it sees that it is gone and locks a new one)."""
    if not ON_BOOK:
        with suppress(OSError):
            os.unlink(name)
    os.close(fd)
