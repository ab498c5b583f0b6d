"""SIGTERM and SIGHUP while jobbook writes: a clean stop, not a temporary file left behind.

A process manager, a closed terminal or ``kill`` sends SIGTERM or SIGHUP; by default the process
dies at once and a temporary file it was writing stays in the user's folder. Inside ``stoppable()``
the signal raises ``Stopped`` instead, so that the ``finally`` blocks of the writer remove the
temporary file (and the book's lock file), and the command exits 128 + the signal's number
(143, 129) with one ``Error:`` line. In a ``critical()`` step (the backup and the rename over a
book) the signal takes effect when the step is done, so that it never stops half way through
publishing; a second signal while stopping is ignored, so that the clean-up runs to its end.
Once the book is renamed into place the work is done: a signal arriving after that (or during
the step that did it) is ignored, and the command finishes, says what it wrote and exits 0.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import Stopped

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)  # Windows has no SIGHUP


class _State:
    depth = 0  # nested stoppable() sections
    critical = 0  # nested critical() steps
    stopping = False  # Stopped raised, clean-up running
    pending: int | None = None  # a signal that arrived in a critical step
    written: list[Path] = []  # files put in place in this section (for the message)
    saved: dict = {}  # the handlers to restore


def _handler(signum: int, frame) -> None:
    if _State.written:  # the book is written: the command finishes as if no signal had come
        return
    if _State.stopping or _State.critical:
        if not _State.stopping:
            _State.pending = signum
        return
    _State.stopping = True
    raise Stopped(signum, list(_State.written))


@contextmanager
def stoppable() -> Iterator[None]:
    """While inside, SIGTERM/SIGHUP raise ``Stopped`` (nested sections share the outermost's
    handlers). Outside the main thread (Excel calling in), signals are left as they are."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if _State.depth == 0:
        _State.saved = {s: signal.signal(s, _handler) for s in SIGNALS}
        _State.stopping, _State.pending, _State.written = False, None, []
    _State.depth += 1
    try:
        yield
    finally:
        _State.depth -= 1
        if _State.depth == 0:
            for s, old in _State.saved.items():
                signal.signal(s, old)
            pending, _State.pending = _State.pending, None
            if pending is not None and not _State.stopping and not _State.written:
                _State.stopping = True
                raise Stopped(pending, list(_State.written))


@contextmanager
def critical() -> Iterator[None]:
    """A step that must not stop half way: a signal arriving in it takes effect when the step (and
    the stoppable section around it) is done."""
    _State.critical += 1
    try:
        yield
    finally:
        _State.critical -= 1
    pending = _State.pending
    if _State.written:  # published: a signal that came meanwhile no longer stops anything
        _State.pending = None
        return
    if pending is not None and not _State.critical and not _State.stopping:
        _State.pending, _State.stopping = None, True
        raise Stopped(pending, list(_State.written))


def published(path: Path) -> None:
    """Note that `path` is now in place (a stop after this says it was written)."""
    if _State.depth:
        _State.written.append(Path(path))
