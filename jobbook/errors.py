"""Errors people can act on.

Every error jobbook raises for bad input is a ``JobbookError``; the specific ones also subclass the
matching built-in so callers can catch either. Messages name the file, sheet and cell where they can,
and say what to do.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class JobbookError(Exception):
    """Base class of every error jobbook raises for a problem with the user's data or files."""


class WorkbookNotFound(JobbookError, FileNotFoundError):
    """The workbook path does not exist."""


class NotAWorkbook(JobbookError, ValueError):
    """The file is not an .xlsx/.xlsm workbook (a CSV renamed, a damaged zip, an old .xls...)."""


class WorkbookTooBig(NotAWorkbook):
    """Reading the file would take memory or time out of proportion to its data (a zip bomb, a
    value far outside the table)."""


class WorkbookEncrypted(JobbookError, PermissionError):
    """The workbook is password-protected; jobbook cannot read encrypted files."""


class SheetMissing(JobbookError, KeyError):
    """A sheet that the command needs is not in the workbook."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ColumnMissing(JobbookError, KeyError):
    """A required column is missing from a table."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class BadValue(JobbookError, ValueError):
    """A cell holds a value of the wrong kind (text in a number or date column, a rating of 9...)."""


class OutputExists(JobbookError, FileExistsError):
    """The output file exists and --force was not given."""


class NotACalendar(JobbookError, ValueError):
    """The calendar file to update is not one jobbook wrote for this workbook."""


class CannotWrite(JobbookError, OSError):
    """An output could not be written: the disk is full, the folder is read-only or not ours..."""


class WorkbookOpen(JobbookError, PermissionError):
    """The workbook is open in Excel or LibreOffice (a lock file beside it); writing would lose edits."""


class RowMissing(JobbookError, LookupError):
    """No row of a table has the ID asked for."""


class ImportFailed(JobbookError, ValueError):
    """A file to import cannot be read (unknown layout, bad encoding, an unreadable date...)."""


class MailUnreadable(JobbookError, ValueError):
    """A mail source is not a mailbox jobbook can read (not an mbox, .eml folder or .zip of
    them; a damaged or encrypted zip)."""


class UsageError(JobbookError, ValueError):
    """Arguments that do not make sense together or have the wrong form."""


class UnknownId(JobbookError, KeyError):
    """An ID given on the command line is not in its sheet."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class MissingValue(JobbookError, ValueError):
    """A message draft needs a value that is blank in the workbook (the message names the cell)."""


class NotAcceptable(JobbookError, ValueError):
    """An offer that `accept` will not accept as the book stands: another one already Accepted, the
    offer Declined, Expired or Rescinded, or its application closed (``--force`` does it anyway)."""


class DraftConflict(JobbookError, ValueError):
    """A message draft that its row contradicts: feedback on an Active application, a thank-you
    before the interview, a counter-proposal on an accepted offer (the message says why)."""


class TemplateProblem(JobbookError, ValueError):
    """A message template cannot be read or rendered (a syntax error, an unknown variable)."""


class BookBusy(JobbookError, TimeoutError):
    """Another jobbook run is changing the same workbook and did not finish in time."""


class BookChanged(JobbookError, RuntimeError):
    """The workbook was saved by another program while jobbook was changing it."""


class HistoryTooBig(JobbookError, ValueError):
    """The book is too big for a History to begin: its baseline would not fit on a sheet."""


class NothingToUndo(JobbookError, LookupError):
    """History holds no change set that undo can take back."""


class ChangedSince(JobbookError, ValueError):
    """A cell that undo would restore has changed since the change set it takes back."""


class Stopped(BaseException):
    """SIGTERM or SIGHUP arrived while jobbook was writing; its clean-up ran (not a JobbookError:
    nothing may catch it on the way out). The command exits 128 + the signal's number."""

    def __init__(self, signum: int, written: list | None = None):
        super().__init__(signum)
        self.signum, self.written = signum, list(written or [])

    def __str__(self) -> str:
        import signal

        name = signal.Signals(self.signum).name
        if self.written:
            done = ", ".join(str(p) for p in self.written)
            return f"stopped by {name} after writing {done}"
        return f"stopped by {name}; nothing was written, every file is as it was"


def one_line(exc: BaseException, limit: int = 160) -> str:
    """A library's error message on one line, without its trailing context, for an `Error:` line."""
    return " ".join(str(exc).split()).split(" Context:")[0][:limit]


# -- a write that failed, in one line ------------------------------------------------------------

_WHY = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk or folder is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EFBIG: "the file is too large for this disk",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.EIO: "the disk reported an input/output error",
}


def cannot_write(path: str | Path, exc: OSError) -> CannotWrite:
    """The one-line error for a write that failed (disk full, read-only folder, no permission...),
    naming the file the user asked for (never a temporary file)."""
    why = _WHY.get(exc.errno, exc.strerror or type(exc).__name__)
    if exc.errno == errno.ENOENT and Path(path).parent.is_dir():  # /proc, a vanished mount...
        why = f"the folder {Path(path).parent} does not let files or folders be made in it"
    detail = f" ({exc.strerror})" if exc.strerror and exc.strerror.lower() != why else ""
    return CannotWrite(f"{path}: cannot write it: {why}{detail}")


@contextmanager
def writing(path: str | Path) -> Iterator[None]:
    """Turn an OSError raised while writing `path` into CannotWrite (JobbookErrors pass)."""
    try:
        yield
    except JobbookError:
        raise
    except OSError as exc:
        raise cannot_write(path, exc) from exc
