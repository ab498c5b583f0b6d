"""Where a table's rows and columns are in the file: its Excel Table (range, column names, computed
columns' formulas), else its header row on the sheet of its name (docs/definitions.md § The workbook: a plain range,
maybe under a title). And the table part grown by new rows."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

from ..errors import ColumnMissing, NotAWorkbook, SheetMissing
from ..schema import TABLES, header_columns, norm_header
from ._package import Package
from ._rows import attr as _attr
from ._rows import col_letters, col_number
from ._values import untext

HEADER_SCAN_ROWS = 20
_TABLE_TAG = re.compile(r"<(\w+:)?table\b([^>]*)>")
_COLUMN = re.compile(r"<(\w+:)?tableColumn\b([^>]*?)(?:/>|>(.*?)</(\w+:)?tableColumn>)", re.S)
_CALC = re.compile(
    r"<(\w+:)?calculatedColumnFormula\b([^>]*)>(.*?)</(\w+:)?calculatedColumnFormula>", re.S
)
_RANGE = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")


def parse_ref(ref: str) -> tuple[int, int, int, int]:
    m = _RANGE.match(ref.strip())
    if not m:
        raise ValueError(ref)
    c1, r1 = col_number(m.group(1)), int(m.group(2))
    c2, r2 = (col_number(m.group(3)), int(m.group(4))) if m.group(3) else (c1, r1)
    return r1, c1, r2, c2


@dataclass
class Target:
    """One table as laid out in the file."""

    name: str
    sheet: str
    part: str  # the worksheet part
    header_row: int
    columns: dict[str, int]  # normalised header -> column number
    first_col: int
    last_col: int
    last_row: int | None = None  # an Excel Table's last data row (None: a plain range)
    table_part: str | None = None
    formulas: dict[int, tuple[str, bool]] = field(default_factory=dict)  # col -> (xml text, array)
    computed: set[int] = field(default_factory=set)  # columns the user does not type in
    totals: int = 0  # totals rows below the data rows (Table Design > Total Row)
    names: dict[int, str] = field(default_factory=dict)  # column -> its header as written
    ref_names: dict[str, int] = field(default_factory=dict)  # an Excel Table's column names as
    # written, case-folded -> column: what structured references name (``Weight (raw)``)

    def column(self, header: str, where: str) -> int:
        col = self.columns.get(norm_header(header))
        if col is None:
            raise ColumnMissing(f"{where}: the {self.sheet} sheet has no {header!r} column")
        return col

    def ref(self, last_row: int) -> str:
        """The Table's range with its data ending on `last_row` (its totals rows below)."""
        end = last_row + self.totals
        return f"{col_letters(self.first_col)}{self.header_row}:{col_letters(self.last_col)}{end}"


def _from_table_part(zf: zipfile.ZipFile, sheet: str, part: str, tpart: str) -> Target | None:
    xml = zf.read(tpart).decode("utf-8")
    tag = _TABLE_TAG.search(xml)
    if not tag:
        return None
    attrs = tag.group(2)
    r1, c1, r2, c2 = parse_ref(_attr(attrs, "ref") or "A1")
    header_rows = int(_attr(attrs, "headerRowCount") or 1)
    if header_rows != 1:
        return None
    name = _attr(attrs, "displayName") or _attr(attrs, "name") or ""
    totals = int(_attr(attrs, "totalsRowCount") or 0)
    t = Target(name, sheet, part, r1, {}, c1, c2, r2 - totals, tpart, totals=totals)
    headers = []
    for i, m in enumerate(_COLUMN.finditer(xml)):
        col = c1 + i
        header = untext(_attr(m.group(2), "name") or "")
        headers.append((col, header))
        t.names[col] = header
        t.ref_names.setdefault(header.casefold(), col)
        calc = _CALC.search(m.group(3) or "")
        if calc:
            t.formulas[col] = (calc.group(3), _attr(calc.group(2), "array") in ("1", "true"))
    t.columns = header_columns(headers)
    return t


def _schema_computed(t: Target) -> set[int]:
    schema = TABLES.get(t.name) or next(
        (s for n, s in TABLES.items() if n.casefold() == t.name.casefold()), None
    )
    if schema is None:
        return set()
    return {
        t.columns[norm_header(c.header)]
        for c in schema.computed
        if norm_header(c.header) in t.columns
    }


def find_target(path, zf: zipfile.ZipFile, pkg: Package, table: str, headers: list[str]) -> Target:
    """The table named `table`: its Excel Table (by name, on any sheet), else the header row of the
    sheet named `table` (the first of the top 20 rows holding its required headers)."""
    want = table.casefold()
    for sheet, part in pkg.sheets.items():
        for tpart in pkg.tables.get(part, []):
            t = _from_table_part(zf, sheet, part, tpart)
            if t is not None and t.name.casefold() == want:
                t.computed = set(t.formulas) | _schema_computed(t)
                return t
    sheet = next(
        (
            s
            for s in pkg.sheets
            if "".join(s.split()).casefold() == "".join(table.split()).casefold()
        ),
        None,
    )
    if sheet is None:
        raise SheetMissing(f"{path}: no {table} sheet to write to")
    part = pkg.sheets[sheet]
    for tpart in pkg.tables.get(part, []):  # one Excel Table on the sheet, under another name
        t = _from_table_part(zf, sheet, part, tpart)
        if t is not None and len(pkg.tables[part]) == 1:
            t.name = table
            t.computed = set(t.formulas) | _schema_computed(t)
            return t
    t = _plain_range(path, pkg, sheet, part, table, headers)
    t.computed = _schema_computed(t)
    return t


def _plain_range(
    path, pkg: Package, sheet: str, part: str, table: str, headers: list[str]
) -> Target:
    from ..reader import read_cells, rows_of

    schema = TABLES.get(table)
    required = {norm_header(h) for h in (schema.required if schema else headers)}
    rows = rows_of(read_cells(path, part, max_row=HEADER_SCAN_ROWS, sheet=sheet))
    for r in sorted(rows):
        found = header_columns((c, v) for c, v in rows[r].items() if isinstance(v, str))
        if required <= set(found):
            cols = list(rows[r])
            names = {c: v for c, v in rows[r].items() if isinstance(v, str)}
            return Target(table, sheet, part, r, found, min(cols), max(cols), names=names)
    need = ", ".join(schema.required if schema else headers)
    raise NotAWorkbook(
        f"{path}: {sheet}: no header row with {need} in the top {HEADER_SCAN_ROWS} rows"
    )


_REF_ATTR = re.compile(r'(\sref=")([^"]*)(")')


def grow_table_part(xml: str, target: Target, new_last_row: int) -> str:
    """The table part with its range reaching `new_last_row` (and its totals rows below it), its
    AutoFilter's (which leaves the totals rows out) too."""
    new_ref = target.ref(new_last_row)

    def table_tag(m: re.Match) -> str:
        return _REF_ATTR.sub(lambda r: f"{r.group(1)}{new_ref}{r.group(3)}", m.group(0), count=1)

    xml = _TABLE_TAG.sub(table_tag, xml, count=1)
    first, last = col_letters(target.first_col), col_letters(target.last_col)
    old_end = target.last_row or target.header_row
    olds = {f"{first}{target.header_row}:{last}{e}" for e in (old_end, old_end + target.totals)}
    new_filter = f"{first}{target.header_row}:{last}{new_last_row}"
    return re.sub(
        r"(<(?:\w+:)?autoFilter\b[^>]*\sref=\")([^\"]*)(\")",
        lambda m: (
            m.group(1)
            + (new_filter if m.group(2).replace("$", "") in olds else m.group(2))
            + m.group(3)
        ),
        xml,
        count=1,
    )


def grow_ranges(text: str, r2: int, c1: int, c2: int, new_r2: int, r1: int | None = None) -> str:
    """Every range ``A2:B{r2}`` within columns c1..c2 in `text` (sqref lists, defined names)
    reaching `new_r2` instead: conditional formats, validations and names follow the table. With
    `r1` (the table's only data row is r1 = r2), a single cell on that row grows too."""

    def move(m: re.Match) -> str:
        if m.group(5) is None:  # a single cell
            col, row = m.group(2), int(m.group(4))
            if r1 is None or row != r1 or r1 != r2 or not c1 <= col_number(col) <= c2:
                return m.group(0)
            return f"{m.group(0)}:{m.group(1)}{col}{m.group(3)}{new_r2}"
        a_col, a_row, b_col, b_row = m.group(2), int(m.group(4)), m.group(6), int(m.group(8))
        if b_row != r2 or a_row > r2:
            return m.group(0)
        if not (c1 <= col_number(a_col) <= c2 and c1 <= col_number(b_col) <= c2):
            return m.group(0)
        return f"{m.group(1)}{a_col}{m.group(3)}{a_row}:{m.group(5)}{b_col}{m.group(7)}{new_r2}"

    return re.sub(
        r"(?<![A-Za-z0-9_:])(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![0-9:])",
        move,
        text,
    )
