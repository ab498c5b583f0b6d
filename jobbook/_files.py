"""Writing output files safely: never over an input, never half a file, never without --force."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import OutputExists, UsageError


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
        raise UsageError(f"{path}: the folder {path.parent} does not exist")
    return path


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


def write_atomically(path: Path, write: Callable[[str], object]) -> Path:
    """Call `write(tmp)` for a temporary file beside `path`, then move it into place."""
    path = Path(path)
    tmp = temp_file(path)
    try:
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; an output is an ordinary file
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def save_atomically(wb, path: str | Path, force: bool = False) -> Path:
    """Save an openpyxl workbook at `path` atomically (refusing to replace a file unless `force`)."""
    path = Path(path)
    if path.exists() and not force:
        raise OutputExists(f"{path}: already exists; use --force to replace it")
    return write_atomically(path, wb.save)


def backup(path: str | Path) -> Path | None:
    """Copy a workbook about to be replaced to ``<name>.backup-YYYYMMDD-HHMMSS<suffix>`` beside it
    (None if there is nothing to back up)."""
    import datetime as dt
    import shutil

    path = Path(path)
    if not path.is_file():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.backup-{stamp}-{n}{path.suffix}")
    shutil.copy2(path, target)
    return target
