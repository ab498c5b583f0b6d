"""Writing output files safely: never over an input, never half a file, never without --force."""

from __future__ import annotations

import errno
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ._stop import critical, published, stoppable
from .errors import CannotWrite, JobbookError, OutputExists, UsageError, writing

if TYPE_CHECKING:
    from ._lock import Hold


def check_output(
    path: str | Path, suffixes: tuple[str, ...], force: bool, inputs: Iterable[Path] = ()
) -> Path:
    """Refuse an output that exists (unless `force`), that is one of `inputs`, or has the wrong
    suffix. Call before doing any work."""
    path = Path(path)
    if path.suffix.lower() not in suffixes:
        raise UsageError(f"{path}: the file name must end in {' or '.join(suffixes)}")
    for src in inputs:
        if path.resolve() == Path(src).resolve():
            raise UsageError(f"{path}: that is an input workbook; jobbook never writes over it")
    if path.is_dir():
        raise UsageError(f"{path}: is a folder")
    if path.exists() and not force:
        raise OutputExists(f"{path}: already exists; use --force to replace it")
    if not path.parent.is_dir():
        check_folder(path.parent, path)
        raise UsageError(f"{path}: the folder {path.parent} does not exist")
    clean_stale(path.parent)
    with writing(path):  # a folder that refuses new files says so now, not after all the work
        os.unlink(temp_file(path))
    return path


def check_folder(folder: str | Path, named: str | Path | None = None) -> Path:
    """Refuse (a usage error naming `named`, else `folder`) a folder to write into, or to create,
    that is a file or lies under one (``search.xlsx/out``). Call before doing any work."""
    folder = Path(folder)
    named = folder if named is None else Path(named)
    for part in (folder, *folder.parents):
        if os.path.lexists(part):
            if not part.is_dir():
                what = "" if part == named else f"{part} "
                raise UsageError(f"{named}: {what}is a file, not a folder")
            break
    return folder


def make_folder(folder: str | Path) -> Path:
    """Create `folder` (and its parents) if missing: a usage error if a file is in the way, a
    CannotWrite naming it if the disk or the permissions refuse."""
    folder = check_folder(folder)
    with writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
    return folder


TEMP_MARK = ".jobbook-tmp-"  # every temporary file jobbook writes has this in its name


def temp_file(path: Path) -> str:
    """A new empty temporary file beside `path`, named ``.<name>.jobbook-tmp-<pid>-<random><suffix>``:
    hidden, recognisable as jobbook's, and carrying the writer's pid so that a later run can tell a
    leftover of a killed writer from a file another live run is still writing."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}{TEMP_MARK}{os.getpid()}-", suffix=path.suffix, dir=path.parent
    )
    os.close(fd)
    return tmp


def write_atomically(path: Path, write: Callable[[str], object], force: bool = True) -> Path:
    """Call `write(tmp)` for a temporary file beside `path`, then move it into place (replacing a
    file there only with `force`)."""
    return write_new([(Path(path), write)], force=force)[0]


def save_atomically(wb, path: str | Path, force: bool = False) -> Path:
    """Save an openpyxl workbook at `path` atomically (refusing to replace a file unless `force`)."""
    return write_new([(Path(path), workbook_writer(wb))], force=force)[0]


def workbook_writer(wb) -> Callable[[str], None]:
    """A `write(tmp)` for an openpyxl workbook (see ``memory_writer``)."""
    return memory_writer(wb.save)


def memory_writer(render: Callable[[io.BytesIO], object]) -> Callable[[str], None]:
    """A `write(tmp)` that renders into memory, then writes the bytes in one go: a full disk fails
    in our hands, not inside openpyxl (which leaves its zip open and prints a traceback as it is
    cleaned up) or matplotlib (whose PDF clean-up turns the disk error into a zlib error)."""

    def write(tmp: str) -> None:
        buffer = io.BytesIO()
        render(buffer)
        Path(tmp).write_bytes(buffer.getbuffer())

    return write


# -- new outputs: exclusive unless --force, no temporary file left, a group all or nothing ---------

_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS, errno.EXDEV}


def clean_stale(folder: str | Path) -> list[Path]:
    """Remove the temporary files that jobbook writers killed before finishing left in `folder`
    (their pid is no longer running); a live writer's file is left alone. Returns those removed."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP_NAME.match(entry.name)
        if not m or _alive(int(m.group(1))) or not entry.is_file(follow_symlinks=False):
            continue
        try:
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


_TEMP_NAME = re.compile(rf"^\..+{re.escape(TEMP_MARK)}(\d+)-")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed process that its parent has not reaped yet is dead too
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def write_new(outputs: list[tuple[Path, Callable[[str], object]]], force: bool) -> list[Path]:
    """Write a group of outputs (a report's workbook and PDF): each `write(tmp)` fills a temporary
    file beside its output; only when all are written are they put in place. Without `force` an
    output that exists is never replaced, even one created meanwhile by another run (one wins, the
    other gets OutputExists and its outputs are taken back). With `force` the old outputs are all
    removed before any new one appears, so a kill never leaves a new file beside an old one."""
    temps: list[tuple[Path, str]] = []
    try:
        for path, write in outputs:
            with writing(path):
                clean_stale(path.parent)
                tmp = temp_file(path)
                temps.append((path, tmp))
                write(tmp)
                _finish(tmp)
        published = []
        if force:  # the companions (the PDF) go first, the main output last
            for path, _ in reversed(temps):
                with writing(path):
                    if os.path.lexists(path):
                        os.unlink(path)
        for path, tmp in temps:
            try:
                with writing(path):
                    _publish(tmp, path, force)
            except OutputExists:
                for done, stat in published:
                    _take_back(done, stat)
                raise
            published.append((path, os.stat(path)))
        for path, _ in temps:
            _sync_folder(path.parent)
    finally:
        for _, tmp in temps:
            if os.path.lexists(tmp):
                os.unlink(tmp)
    return [path for path, _ in temps]


def _finish(tmp: str) -> None:
    """An output is an ordinary file (mkstemp makes 0600), on the disk before it is published."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _publish(tmp: str, path: Path, force: bool) -> None:
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)  # fails if `path` exists: exclusive, and atomic
    except FileExistsError:
        raise OutputExists(
            f"{path}: already exists (written meanwhile by another run?); use --force to replace it"
        ) from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        if os.path.lexists(path):  # a disk without hard links: as exclusive as it allows
            raise OutputExists(f"{path}: already exists; use --force to replace it") from None
        os.replace(tmp, path)


def _take_back(path: Path, stat: os.stat_result) -> None:
    """Remove an output this call published (and only if it is still ours)."""
    try:
        now = os.stat(path)
        if (now.st_ino, now.st_dev) == (stat.st_ino, stat.st_dev):
            os.unlink(path)
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def backup(path: str | Path) -> Path | None:
    """Copy a workbook about to be replaced to ``<name>.backup-YYYYMMDD-HHMMSS<suffix>`` beside it
    (None if there is nothing to back up)."""
    import shutil

    path = Path(path)
    if not path.is_file():
        return None
    target = _backup_name(path)
    shutil.copy2(path, target)
    return target


def _backup_name(path: Path) -> Path:
    """``<name>.backup-YYYYMMDD-HHMMSS<suffix>`` beside `path`, not taken yet."""
    import datetime as dt

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.backup-{stamp}-{n}{path.suffix}")
    return target


# -- changing a file in place (jobbook import / accept / done) -------------------------------------


def lock_files(path: Path) -> list[Path]:
    """The lock files that say `path` is open: Excel's owner file ``~$name`` (for long names Excel
    replaces the first two letters: ``~$arch.xlsx`` for ``search.xlsx``) and LibreOffice's
    ``.~lock.name#``."""
    names = {f"~${path.name}", f".~lock.{path.name}#"}
    if len(path.stem) > 7:
        names.add(f"~${path.name[2:]}")
    return [path.with_name(n) for n in sorted(names) if path.with_name(n).exists()]


def refuse_if_open(path: Path, *names: Path) -> None:
    """Raise WorkbookOpen when Excel or LibreOffice has `path` open (a lock file beside it, or
    beside one of the other `names` it goes by: a symbolic link to it)."""
    from .errors import WorkbookOpen

    locks = [lock for p in dict.fromkeys([Path(path), *map(Path, names)]) for lock in lock_files(p)]
    if locks:
        app = "LibreOffice" if locks[0].name.startswith(".~lock.") else "Excel"
        where = "beside it" if locks[0].parent == Path(path).parent else f"in {locks[0].parent}"
        raise WorkbookOpen(
            f"{path}: the workbook is open in {app} ({locks[0].name} is {where}); close it there "
            "first, or your unsaved edits would be lost. If it is not open, delete that lock file."
        )


def refuse_read_only(path: Path) -> None:
    """Raise CannotWrite when the book is read-only (no write permission in its file mode, or the
    read-only attribute on Windows, which Python shows the same way): Excel and LibreOffice
    would refuse to save it, and so does jobbook, before doing any work."""
    real = Path(path).resolve()
    try:
        st = os.stat(real)
    except OSError:
        return  # a missing book is reported by the reader
    if st.st_mode & 0o222 and not os.access(real, os.W_OK):
        try:
            if os.statvfs(real).f_flag & os.ST_RDONLY:
                return  # a read-only disk: the write says so, naming the disk
        except (OSError, AttributeError):
            pass
    if not st.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise CannotWrite(
            f"{path}: the workbook is read-only; nothing written. Make it writable (Files: "
            "Properties > untick Read-only; a terminal: chmod u+w) and run the command again"
        )


KEEP_BACKUPS = 5  # backups of one book kept beside it: docs/definitions.md § History's Backups setting's default


def _keep(path: Path, keep: int = KEEP_BACKUPS) -> Path:
    """The backup of `path` before it is replaced: a hard link to the old file (instant, and the
    old file itself stays whole), else a copy written aside and renamed; the newest `keep` backups
    of the book are kept."""
    import shutil

    target = _backup_name(path)
    try:
        os.link(path, target)
    except OSError:
        tmp = temp_file(target)
        try:
            shutil.copy2(path, tmp)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    prune_backups(path, keep)
    return target


def prune_backups(path: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Remove all but the newest `keep` backups of `path` (``<name>.backup-<time>...``): each is
    a whole book, so that a big book changed often does not fill its folder. Returns those
    removed."""
    pattern = re.compile(
        rf"^{re.escape(path.stem)}\.backup-(\d{{8}}-\d{{6}})(?:-(\d+))?{re.escape(path.suffix)}$"
    )
    found = []
    for entry in path.parent.iterdir():
        m = pattern.match(entry.name)
        if m:
            found.append(((m.group(1), int(m.group(2) or 1)), entry))
    removed = []
    for _, old in sorted(found)[: max(0, len(found) - keep)]:
        try:
            old.unlink()
            removed.append(old)
        except OSError:
            pass
    return removed


def replace_atomically(
    path: str | Path,
    write: Callable[[str], object],
    keep_backup: bool = True,
    hold: Hold | None = None,
    backups: int = KEEP_BACKUPS,
) -> Path | None:
    """Replace the file at `path` by what `write(tmp)` writes into a temporary file beside it:
    refused while the file is open in Excel or LibreOffice; the temporary file is synced to disk
    and renamed over `path` (a kill at any moment leaves the old file or the new one; SIGTERM or
    SIGHUP remove the temporary file and stop); the old one is kept as a timestamped backup beside
    it (the newest `backups` of them are kept; 0: none). With `hold` (``_lock.changing``), `path`
    is its real file and the rename is refused if the book is no longer the file first read.
    Returns the backup's path."""
    from ._lock import unchanged

    path = Path(path)
    given = hold.given if hold is not None else path
    refuse_if_open(path, given)
    clean_stale(path.parent)
    kept = None
    tmp = ""
    with stoppable(), writing(given):
        try:
            with critical():  # a signal never falls between creating and noting it
                tmp = temp_file(path)
            write(tmp)
            _finish(tmp)
            if path.exists():
                os.chmod(tmp, os.stat(path).st_mode & 0o7777)  # the book keeps its permissions
            with critical():  # from here on a signal waits for the rename
                refuse_if_open(path, given)  # opened while we were writing
                if hold is not None:
                    unchanged(hold)  # saved by another program while we were working
                if keep_backup and backups > 0 and path.exists():
                    kept = _keep(path, backups)
                if hold is not None:
                    try:
                        unchanged(hold, thorough=True)  # bytes too, just before the rename
                    except JobbookError:
                        if kept is not None:
                            os.unlink(kept)
                        raise
                os.replace(tmp, path)
                published(path)
                _sync_folder(path.parent)
        finally:
            if tmp and os.path.exists(tmp):
                os.unlink(tmp)
    return kept
