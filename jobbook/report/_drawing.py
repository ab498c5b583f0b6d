"""Drawing on another core: a process that loads matplotlib while the book is read, then draws.

matplotlib takes half a second to import, as long as reading a book of thousands of rows, and a
report needs it only at the end (the Sankey picture of the workbook, the PDF). So ``write_report``
starts a ``Drawing`` first: a process that imports matplotlib at once, on another core, and later
turns the report's data into bytes (a PNG, a PDF). The files are still written by the report itself,
all or nothing (``_files.write_new``). Where no such process can run, or it fails, the drawing is
done here, as before: the bytes are the same either way.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from typing import Any


def _serve(conn, report_end, pdf: bool) -> None:  # the drawing process
    report_end.close()  # inherited on fork: closed, so that the report's end closing means EOF here
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the report's to handle
    try:
        from . import sankey  # noqa: F401  (matplotlib, loaded while the book is read)

        if pdf:
            from . import pdf as _pdf  # noqa: F401
    except Exception:  # cannot draw here: the report draws itself (and says why, if it cannot)
        conn.close()
        return
    try:
        while (job := conn.recv()) is not None:
            try:
                out = ("ok", _draw(*job))
            except Exception as exc:  # sent back; the report draws again and shows the error
                out = ("error", repr(exc))
            conn.send(out)
    except (EOFError, OSError):  # the report has gone (stopped, killed): so does this
        return


def _draw(what: str, data: Any) -> bytes:
    import io

    buffer = io.BytesIO()
    if what == "sankey":
        from .sankey import sankey_png

        sankey_png(data, buffer)
    elif what == "timeline":
        from .timeline import timeline_png

        timeline_png(*data, buffer)
    elif what == "pdf":
        from .pdf import report_pdf

        report_pdf(data, buffer)
    else:
        raise ValueError(f"nothing to draw called {what!r}")
    return buffer.getvalue()


class Drawing:
    """A drawing process, started on entry (with the PDF backend too when `pdf`; not at all unless
    `start`: then everything is drawn here), stopped on exit.
    ``submit`` sends it a job (``"sankey"`` with ``ReportData.flows``, ``"timeline"`` with
    ``(ReportData.timeline, its last day)``, ``"pdf"`` with the ``ReportData``), done in order
    while the report goes on; ``result`` waits for its bytes."""

    def __init__(self, pdf: bool = False, start: bool = True):
        self._pdf, self._start = pdf, start
        self._conn = None
        self._proc = None
        self._jobs: list[tuple[str, Any]] = []
        self._done: list[bytes | None] = []  # results in the order of the jobs (None: failed)

    def __enter__(self) -> Drawing:
        if not self._start:  # everything drawn here, on demand
            return self
        try:
            ctx = multiprocessing.get_context()
            self._conn, child = ctx.Pipe()
            self._proc = ctx.Process(
                target=_serve, args=(child, self._conn, self._pdf), daemon=True
            )
            self._proc.start()
            child.close()
        except (OSError, ValueError, RuntimeError):  # no process to start: draw here
            self._conn = self._proc = None
        return self

    def __exit__(self, *exc) -> None:
        conn, proc, self._conn, self._proc = self._conn, self._proc, None, None
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.send(None)
            conn.close()
        if proc is None:
            return
        proc.join(timeout=0.5)
        if proc.is_alive():  # still importing (the report stopped early): not worth waiting for
            proc.terminate()
            proc.join()

    def submit(self, what: str, data: Any) -> int:
        """Send a job; its number, for ``result``."""
        self._jobs.append((what, data))
        if self._conn is not None:
            try:
                self._conn.send((what, data))
            except OSError:  # the process is gone: draw here
                self._conn = None
        return len(self._jobs) - 1

    def result(self, job: int) -> bytes:
        """The bytes of job number `job`, drawn by the process or, failing that, here."""
        while len(self._done) <= job and self._conn is not None:
            try:
                status, out = self._conn.recv()
            except (OSError, EOFError):  # the process died: draw here from now on
                self._conn = None
                break
            self._done.append(out if status == "ok" else None)
        got = self._done[job] if job < len(self._done) else None
        return got if got is not None else _draw(*self._jobs[job])
