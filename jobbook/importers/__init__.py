"""Reading other trackers' files into plain rows (``Found``), one small module per format:

* ``linkedin`` - LinkedIn's data export (folder, ``.zip`` or its CSV files);
* ``huntr`` - Huntr's CSV export; ``teal`` - Teal's CSV export;
* ``generic`` - any CSV file or spreadsheet, with ``--map`` for columns named otherwise.

Without ``--from`` each file is recognised by its headers. Matching the rows with the book's own
and giving them IDs is not the importers' business: ``match`` and ``intents.importing`` do that.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ImportFailed, UsageError
from . import generic, huntr, linkedin, teal
from ._common import Found, csv_rows

FORMATS = {"linkedin": linkedin, "huntr": huntr, "teal": teal, "csv": generic}
_ORDER = ("linkedin", "huntr", "teal", "csv")

__all__ = ["FORMATS", "Found", "read_files"]


def _sources(path: Path, kind: str | None) -> list[tuple[str, bytes | None]]:
    """(name, CSV bytes) of each file to read at `path`; bytes None for a spreadsheet."""
    if not path.exists():
        raise ImportFailed(f"{path}: no such file or folder")
    if path.is_dir() or path.suffix.lower() == ".zip":
        if kind not in (None, "linkedin"):
            raise UsageError(
                f"{path}: a folder or .zip is read as LinkedIn's export; drop --from {kind}"
            )
        return list(linkedin.export_files(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return [(str(path), None)]
    try:
        return [(str(path), path.read_bytes())]
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot be read ({exc.strerror})") from exc


def _recognised(name: str, header: list[str], kind: str | None, mapping: dict) -> str:
    if kind:
        return kind
    if mapping:
        return "csv"
    for k in _ORDER:
        if FORMATS[k].recognise(header):
            return k
    raise ImportFailed(
        f"{name}: row 1: not a LinkedIn, Huntr or Teal export and no Company column; say which "
        'column is which with --map "Company=<column>,Role=<column>,..." (the columns are: '
        f"{', '.join(h for h in header if h) or 'none'})"
    )


def read_files(
    paths: list[str | Path], kind: str | None = None, mapping: dict[str, str] | None = None
) -> list[Found]:
    """Every application in the files at `paths`, in order (files, then rows)."""
    if kind is not None and kind not in FORMATS:
        raise UsageError(f"--from {kind}: use one of {', '.join(FORMATS)}")
    mapping = mapping or {}
    if mapping and kind not in (None, "csv"):
        raise UsageError(f"--map works with --from csv (any CSV or sheet), not with --from {kind}")
    out: list[Found] = []
    for path in map(Path, paths):
        for name, data in _sources(path, kind):
            if data is None:
                header, rows = generic.sheet_rows(Path(name), mapping)
                fmt = _recognised(name, header, kind if kind != "linkedin" else None, mapping)
            else:
                header, rows = csv_rows(data, name)
                if not header:
                    continue
                fmt = _recognised(name, header, kind, mapping)
            if fmt != "csv" and not FORMATS[fmt].recognise(header):
                raise ImportFailed(
                    f"{name}: row 1: not a {fmt} export (its columns are: {', '.join(header)}); "
                    "try without --from, or --from csv --map ..."
                )
            out.extend(FORMATS[fmt].convert(name, header, rows, mapping))
    return out
