"""Any CSV file or spreadsheet (first sheet, header in its first non-empty row): columns named as
the Pipeline's headers are taken as they are; ``--map "Company=Employer,Role=Position"`` names the
file's column for any other. Contact columns (``Contact``, ``Contact email``, ``Contact phone``,
``Contact title``, ``Contact LinkedIn``, ``Contact role``) make a Contacts row."""

from __future__ import annotations

from pathlib import Path

from ..errors import ImportFailed, UsageError
from ..schema import CONTACT_ROLES, NUMERIC_KINDS, TABLES, norm_header
from ._common import Found, canonical, clean, source_of
from ._rows import Rows

CONTACT_FIELDS = {
    "Contact": "Name",
    "Contact name": "Name",
    "Contact title": "Title",
    "Contact email": "Email",
    "Contact phone": "Phone",
    "Contact LinkedIn": "LinkedIn",
    "Contact role": "Role in process",
}
_PIPELINE = {norm_header(c.header): c for c in TABLES["Pipeline"].inputs if c.header != "ID"}
_CONTACT = {norm_header(k): v for k, v in CONTACT_FIELDS.items()}


def parse_map(text: str | None) -> dict[str, str]:
    """``"Company=Employer,Date applied=Applied on"`` -> {Pipeline header: file column}."""
    out: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise UsageError(
                f"--map: {part.strip()!r} is not HEADER=COLUMN (e.g. Company=Employer)"
            )
        target, column = (p.strip() for p in part.split("=", 1))
        key = norm_header(target)
        if key in _PIPELINE:
            out[_PIPELINE[key].header] = column
        elif key in _CONTACT:
            out[next(k for k in CONTACT_FIELDS if norm_header(k) == key)] = column
        else:
            known = ", ".join([c.header for c in _PIPELINE.values()] + list(CONTACT_FIELDS))
            raise UsageError(f"--map: {target!r} is not a Pipeline header; use one of {known}")
    return out


def _columns(header: list[str], mapping: dict[str, str], name: str) -> dict[str, str]:
    """{our header: the file's column} from `mapping` and the headers that match ours."""
    by_norm = {norm_header(h): h for h in reversed(header)}
    out: dict[str, str] = {}
    for norm, col in _PIPELINE.items():
        if norm in by_norm:
            out[col.header] = by_norm[norm]
    for field in CONTACT_FIELDS:
        if norm_header(field) in by_norm:
            out[field] = by_norm[norm_header(field)]
    for ours, theirs in mapping.items():
        found = by_norm.get(norm_header(theirs))
        if found is None:
            raise ImportFailed(
                f"{name}: row 1: no column {theirs!r} (given in --map {ours}={theirs}); the columns are: {', '.join(header)}"
            )
        out[ours] = found
    if "Company" not in out:
        raise ImportFailed(
            f'{name}: row 1: no Company column; name it with --map "Company=<column>" (the columns are: {", ".join(header)})'
        )
    return out


def recognise(header: list[str]) -> bool:
    return "company" in {norm_header(h) for h in header}


def _value(header: str, rows: Rows, row: dict, column: str, origin: str):
    col = TABLES["Pipeline"][header]
    raw = row.get(column)
    if col.kind in ("date", "done"):
        return rows.date(row, column, origin, header)
    if col.kind in NUMERIC_KINDS:
        lo, _ = rows.amounts(row, column)
        if lo is None and clean(raw) is not None:
            raise ImportFailed(f"{origin}: {clean(raw)!r} is not a number ({header})")
        return lo
    if col.kind == "choice" and col.choices:
        return canonical(raw, col.choices) if col.strict else clean(raw)
    return clean(raw)


def convert(
    name: str, header: list[str], rows: Rows, mapping: dict[str, str] | None = None
) -> list[Found]:
    cols = _columns(header, mapping or {}, name)
    out = []
    for n, row in rows:
        origin = f"{name} row {n}"
        values: dict[str, object] = {}
        notes = []
        contact: dict[str, object] = {}
        for ours, theirs in cols.items():
            raw = row.get(theirs)
            if ours in CONTACT_FIELDS:
                if clean(raw):
                    contact[CONTACT_FIELDS[ours]] = clean(raw)
                continue
            value = _value(ours, rows, row, theirs, origin)
            if value is None and clean(raw) is not None and ours in ("Stage", "Status"):
                notes.append(f"{ours} in {Path(name).name}: {clean(raw)}")
            elif value is not None:
                values[ours] = value
        values.setdefault("Source", source_of(values.get("Posting URL")))
        if "Stage" not in values and values.get("Date applied") is None:
            values["Stage"] = "Wishlist"
        if contact:
            contact["Role in process"] = canonical(contact.get("Role in process"), CONTACT_ROLES)
            contact.setdefault("Name", contact.get("Email"))
            if not contact.get("Name"):
                contact = {}
        found = Found(
            {k: v for k, v in values.items() if v is not None}, origin, contact or None, notes
        )
        out.append(found)
    return out


def sheet_rows(path: Path, mapping: dict[str, str] | None = None) -> tuple[list[str], Rows]:
    """The header and rows of the first sheet of a workbook (values as its cells hold them). The
    header is the first of the top 20 rows naming every column of `mapping` (or a Company
    column), so that a title above it is fine; else the first non-empty row. The workbook passes
    the reader's guard first (``reader.inspect``: damaged, encrypted or hostile files, a value
    cell far outside the data), as any book does: one clear error, never a hang or a traceback."""
    import openpyxl

    from ..reader import inspect

    inspect(path)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        rows = list(enumerate(wb.worksheets[0].iter_rows(values_only=True), 1))
        wb.close()
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImportFailed(
            f"{path}: the workbook cannot be read ({type(exc).__name__}: {exc})"
        ) from exc
    wanted = {norm_header(c) for c in (mapping or {}).values()} or {"company"}
    filled = [(n, r) for n, r in rows if any(v not in (None, "") for v in r)]
    texts = [(n, r, {norm_header(v) for v in r if v is not None}) for n, r in filled[:20]]
    at = next((n for n, _, names in texts if wanted <= names), filled[0][0] if filled else None)
    if at is None:
        return [], Rows(str(path), [])
    header_row = next(r for n, r in filled if n == at)
    header = ["" if v is None else str(v).strip() for v in header_row]
    body = [
        (n, {h: r[i] if i < len(r) else None for i, h in enumerate(header) if h})
        for n, r in filled
        if n > at
    ]
    return header, Rows(str(path), body)


__all__ = [
    "CONTACT_FIELDS",
    "convert",
    "parse_map",
    "recognise",
    "sheet_rows",
]
