"""The editor's one job: a workbook and a list of changes in, the same workbook with those cells
changed out, every other part as it was."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..changes import CellWrite, Change, Formula, RowAppend, RowRemove, TableWrite
from ..errors import BadValue, NotAWorkbook, SheetMissing
from ..history import Entry, Log
from ..letters import col_letters, col_number
from ..reader import refuse_strict
from ..schema import HISTORY, norm_header
from . import _new_sheet as new_sheet
from . import _package as pk
from ._append import date_formats, new_row, push_totals, show_rows, survey
from ._history import Logged, history_rows
from ._names import Growth, Insertion, follow, grow_print_areas
from ._recalc import stale_formulas
from ._rows import rows_in_use
from ._sheet import Context, FormulaXml, SheetEdit, patch
from ._strings import SharedStrings
from ._styles import Styles
from ._tables import Target, find_target, grow_table_part, parse_ref
from ._values import is_date, untext
from ._zip import Prepared, members, prepare, read_member, rewrite


@dataclass(frozen=True)
class CellChange:
    """One cell as it was and as it will be (text as people read it)."""

    sheet: str
    cell: str
    old: str | None
    new: str | None

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}: {_show(self.old)} -> {_show(self.new)}"


def _show(value: str | None) -> str:
    return (
        "(blank)"
        if value is None or value == ""
        else repr(value)
        if value.strip() != value
        else value
    )


@dataclass
class Edit:
    """What an edit did (or, with ``dry_run``, would do)."""

    path: Path
    cells: list[CellChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # tables grown, values with no column to go to
    backup: Path | None = None
    written: bool = False
    file: Path | None = None  # the file written: `path`, or the file a symbolic link names
    formulas: int = 0  # formulas written where there was none or another (new table rows)
    stale: list[str] = field(default_factory=list)  # the user's formulas jobbook reads that the
    # change reaches: their cached values go, so jobbook cannot know them until the book is saved
    history: list[Entry] = field(default_factory=list)  # the History rows written with it
    untraced: list[str] = field(default_factory=list)  # those whose references jobbook cannot
    # follow (OFFSET, INDIRECT): their cached values go at every change

    @property
    def changed(self) -> bool:
        return bool(self.cells or self.formulas or self.history)


def _shown(value: object) -> str | None:
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, FormulaXml):
        return "=" + untext(value.xml)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sheet_name(pkg: pk.Package, name: str, path) -> str:
    if name in pkg.sheets:
        return name
    for s in pkg.sheets:
        if s.casefold() == name.casefold():
            return s
    raise SheetMissing(f"{path}: no {name} sheet to write to")


class _Planner:
    """Changes resolved to cells, sheet by sheet, against the file itself."""

    def __init__(self, path: Path, zf: zipfile.ZipFile, fh, pkg: pk.Package):
        self.path, self.zf, self.fh, self.pkg = path, zf, fh, pkg
        self.sheets: dict[str, SheetEdit] = {}
        self.targets: dict[str, Target] = {}
        self.grown: dict[str, tuple[Target, int]] = {}  # table part -> (table, new last row)
        self.printed: dict[str, tuple[int, int, int, int]] = {}  # sheet -> old, new end, c1, c2
        self.growths: list[Growth] = []  # rows added, that names and filters follow
        self.insertions: list[Insertion] = []  # totals rows pushed down
        self.notes: list[str] = []
        self.members = {m.name: m for m in members(fh, path)[0]}
        self.logged = Logged()  # the table cells written and rows added, for History

    def edit(self, sheet: str) -> SheetEdit:
        part = self.pkg.sheets[sheet]
        return self.sheets.setdefault(part, SheetEdit(sheet, part))

    def target(self, table: str, headers: list[str]) -> Target:
        if table not in self.targets:
            self.targets[table] = find_target(self.path, self.zf, self.pkg, table, headers)
        return self.targets[table]

    def add(self, changes: Sequence[Change]) -> None:
        appends: dict[str, list[RowAppend]] = {}
        for ch in changes:
            if isinstance(ch, CellWrite):
                self._cells(ch)
            elif isinstance(ch, TableWrite):
                t = self.target(ch.table, [ch.header])
                col = t.column(ch.header, str(self.path))
                self.edit(t.sheet).put(ch.row, col, ch.value)
                self.logged.cell(ch, t, col)
                if is_date(ch.value):
                    self._dates(t)
            elif isinstance(ch, RowAppend):
                appends.setdefault(ch.table, []).append(ch)
                self.logged.row(ch)
            elif isinstance(ch, RowRemove):
                t = self.target(ch.table, [])
                edit = self.edit(t.sheet)
                for col in sorted(set(t.names) - t.computed):
                    edit.put(ch.row, col, None)
                self.logged.removed(ch, t)
            else:
                raise TypeError(f"not a change: {ch!r}")
        for table, rows in appends.items():
            self._append(table, rows)

    def _dates(self, t: Target) -> None:
        """The date formats of the table's columns, for a date written into it (once a sheet)."""
        edit = self.edit(t.sheet)
        if not edit.surveyed:
            chunks = read_member(self.fh, self.members[t.part])
            window = (1, 0, 0, 0)
            date_formats(
                edit, survey(chunks, t.sheet, t.header_row, window, (t.first_col, t.last_col))
            )

    def _cells(self, ch: CellWrite) -> None:
        sheet = _sheet_name(self.pkg, ch.sheet, self.path)
        edit = self.edit(sheet)
        r0, c0, _, _ = parse_ref(ch.cell)
        if ch.clear:
            edit.clears.append(parse_ref(ch.clear))
        for i, row in enumerate(ch.values):
            for j, value in enumerate(row):
                edit.put(r0 + i, c0 + j, value)

    def _append(self, table: str, rows: list[RowAppend]) -> None:
        headers = list(dict.fromkeys(h for r in rows for h in r.values))
        t = self.target(table, headers)
        edit = self.edit(t.sheet)
        edit.header_row = max(edit.header_row, t.header_row)
        typed = set(t.columns.values()) - t.computed
        chunks = read_member(self.fh, self.members[t.part])
        end = t.last_row
        last_used, below = rows_in_use(chunks, t.sheet, t.header_row + 1, typed, end, len(rows))
        first = row = max(last_used, t.header_row) + 1
        new_last = first + len(rows) - 1
        window = (1, 0, 0, 0)
        if end is not None and t.totals and new_last > end:
            window = (end + 1 + t.totals, new_last + t.totals, t.first_col, t.last_col)
        seen = survey(
            read_member(self.fh, self.members[t.part]), t.sheet, t.header_row, window,
            (t.first_col, t.last_col),
        )  # fmt: skip
        date_formats(edit, seen)
        for h in [h for h in headers if norm_header(h) not in t.columns]:
            self.notes.append(f"the {t.sheet} sheet has no {h!r} column: those values are left out")
        for r in rows:
            for header, value in r.values.items():
                col = t.columns.get(norm_header(header))
                if col is not None and col not in t.computed:
                    edit.put(row, col, value)
            if end is None or row > end:
                if end is not None and not t.totals and row in below:
                    raise BadValue(
                        f"{self.path}: {t.sheet}!{col_letters(t.first_col)}{row}: the row below "
                        f"the {t.name} table is in use; extend the table over it (Excel: Table "
                        "Design > Resize Table; LibreOffice: Data > Define Range) or clear it first"
                    )
                new_row(t, edit, row)
            row += 1
        old_end = max(last_used, t.header_row)
        if end is not None and new_last > end:
            if t.totals:
                push_totals(self.path, t, edit, new_last, seen)
                self.insertions.append(
                    Insertion(t.sheet, end + 1, new_last - end, t.first_col, t.last_col)
                )
            self.grown[t.table_part] = (t, new_last)
            edit.grow.append((end, t.first_col, t.last_col, new_last, t.header_row + 1))
            self.growths.append(
                Growth(t.sheet, end, new_last, t.first_col, t.last_col, t.header_row + 1)
            )
            moved = f", its totals row moved down to row {new_last + 1}" if t.totals else ""
            self.notes.append(
                f"the {t.name} table now reaches row {new_last + t.totals} ({t.ref(new_last)}){moved}"
            )
        elif end is None and new_last > old_end:  # a plain range: its filter and names follow
            edit.grow.append((old_end, t.first_col, t.last_col, new_last, t.header_row + 1))
            self.growths.append(
                Growth(t.sheet, old_end, new_last, t.first_col, t.last_col, t.header_row + 1)
            )
        show_rows(edit, set(range(first, new_last + 1)), seen.outline)
        was = self.printed.get(t.sheet)
        self.printed[t.sheet] = (was[0] if was else old_end, new_last, t.first_col, t.last_col)


def _strings_wanted(edits: dict[str, SheetEdit]) -> set[str]:
    return {
        v
        for e in edits.values()
        for w in e.writes.values()
        for v in w.values()
        if isinstance(v, str) and not isinstance(v, Formula)
    }


def _workbook_xml(xml: str, planner: _Planner) -> str:
    out = pk.full_calc_on_load(xml)
    out = follow(out, planner.growths, planner.insertions)
    return grow_print_areas(out, planner.printed)


def _old_text(kind: str, text: str | None, sst: dict[int, str]) -> str | None:
    if kind == "s" and text is not None and text.isdigit():
        return sst.get(int(text), text)
    if kind == "b" and text is not None:
        return "TRUE" if text == "1" else "FALSE"
    return text


def _with_history(planner: _Planner, log: Log | None, styles: Styles):
    """The History rows of the change (none when no cell changes), appended to the History table,
    or to be written on a new History sheet (returned)."""
    if log is None:
        return [], None
    zf, pkg = planner.zf, planner.pkg
    rows = history_rows(
        planner.path, zf, planner.fh, planner.members, planner.logged, log, styles,
        pkg.shared_strings, pkg.date1904,
    )  # fmt: skip
    if not any(e.change == log.change for e in rows):
        return [], None
    try:
        planner.target(HISTORY.name, HISTORY.required)
    except NotAWorkbook as exc:  # a sheet of the user's own named History
        raise BadValue(
            f"{planner.path}: the sheet {HISTORY.name} is not jobbook's History table (a header "
            f"row with {', '.join(HISTORY.required)}); rename it so that jobbook can keep the "
            "book's History"
        ) from exc
    except SheetMissing:
        wb_xml = zf.read(pkg.workbook).decode("utf-8")
        new = new_sheet.plan(planner.path, zf, pkg, wb_xml)
        new_sheet.fill(new, [e.values() for e in rows], styles)
        return rows, new
    said = len(planner.notes)
    planner.add([RowAppend(HISTORY.name, e.values()) for e in rows])
    del planner.notes[said:]  # History's own growth is not news
    return rows, None


def run(
    path: Path,
    changes: Sequence[Change],
    fh,
    save=None,
    always: bool = False,
    log: Log | None = None,
) -> Edit:
    """Plan and prepare the edit of the workbook open as `fh`. With `save`, the new workbook is
    written by calling ``save(fill)``, where ``fill(dst)`` writes it into the open file `dst`;
    only if a cell changes, unless `always`. With `log`, the change's History rows are written
    with it (``_history``)."""
    try:
        zf = zipfile.ZipFile(fh)
    except zipfile.BadZipFile as exc:
        raise NotAWorkbook(f"{path}: the workbook is damaged or incomplete ({exc})") from exc
    with zf:
        refuse_strict(path, zf)
        pkg = pk.read_package(zf)
        planner = _Planner(path, zf, fh, pkg)
        planner.add(changes)
        styles = Styles(zf.read(pkg.styles).decode("utf-8") if pkg.styles else None)
        history, new = _with_history(planner, log, styles)
        result = Edit(path, notes=planner.notes, history=history)
        by_name = planner.members
        wb_xml = zf.read(pkg.workbook).decode("utf-8")
        new_wb = _workbook_xml(wb_xml, planner)
        grown = {tpart: last for tpart, (_, last) in planner.grown.items()}
        for ins in planner.insertions:
            planner.edit(ins.sheet).inserts.append((ins.at, ins.n, ins.c1, ins.c2))
        stale = stale_formulas(path, zf, fh, pkg, by_name, planner.sheets, grown, new_wb)
        for sheet, cells in stale.cells.items():
            planner.edit(sheet).dirty = cells
        result.stale, result.untraced = (
            [f"{sheet}!{col_letters(c)}{r} (={text})" for sheet, r, c, text in cells]
            for cells in (stale.watched, stale.untraced)
        )
        strings = None
        edits = {**planner.sheets, **({new.part: new.edit} if new else {})}
        if pkg.shared_strings:
            strings = SharedStrings(
                read_member(fh, by_name[pkg.shared_strings]), _strings_wanted(edits)
            )
        ctx = Context(strings, styles, pkg.date1904)
        changed: dict[str, Prepared | None] = {}
        added: dict[str, Prepared] = {}
        for part, edit in planner.sheets.items():
            m = by_name[part]
            changed[part] = prepare(patch(read_member(fh, m), edit, ctx), m.method)
            if not edit.writes_cells and not edit.dropped:  # no cached value to drop after all
                changed.pop(part).data.close()
        if new is not None:
            last = len(history) + 1
            added[new.part] = prepare(patch([new_sheet.skeleton(new, styles)], new.edit, ctx))
            added[new.table_part] = prepare([new_sheet.table_xml(new, last)])
            added[new.rels_part] = prepare([new_sheet.sheet_rels(new)])
            new_wb = new_sheet.in_workbook(new_wb, new)
        if strings is not None and (strings.added or strings.references):
            m = by_name[pkg.shared_strings]
            changed[m.name] = prepare(strings.transform(read_member(fh, m)), m.method)
        if styles.changed:
            changed[pkg.styles] = prepare([styles.xml.encode()], by_name[pkg.styles].method)
        for tpart, (t, new_last) in planner.grown.items():
            xml = grow_table_part(zf.read(tpart).decode("utf-8"), t, new_last)
            changed[tpart] = prepare([xml.encode()], by_name[tpart].method)
        if new_wb != wb_xml:
            changed[pkg.workbook] = prepare([new_wb.encode()], by_name[pkg.workbook].method)
        rels, ct = pk.rels_name(pkg.workbook), "[Content_Types].xml"
        rels_xml, ct_xml = zf.read(rels).decode("utf-8"), zf.read(ct).decode("utf-8")
        rels_new, ct_new = rels_xml, ct_xml
        if pkg.calc_chain:  # Excel rebuilds it; a stale chain naming changed cells is "repaired"
            changed[pkg.calc_chain] = None
            rels_new = pk.drop_relationship(rels_new, pkg.calc_chain, pkg.workbook)
            ct_new = pk.drop_override(ct_new, pkg.calc_chain)
        if new is not None:
            rels_new = new_sheet.in_relationships(rels_new, new, pkg.workbook)
            ct_new = new_sheet.in_content_types(ct_new, new)
        if rels_new != rels_xml:
            changed[rels] = prepare([rels_new.encode()], by_name[rels].method)
        if ct_new != ct_xml:
            changed[ct] = prepare([ct_new.encode()], by_name[ct].method)
        wanted_sst: set[int] = set()
        for edit in planner.sheets.values():
            wanted_sst |= {int(v) for k, v in edit.old.values() if k == "s" and v and v.isdigit()}
        sst = (
            SharedStrings(None, set()).lookup(
                read_member(fh, by_name[pkg.shared_strings]), wanted_sst
            )
            if pkg.shared_strings
            else {}
        )
        log_sheet = planner.targets[HISTORY.name].sheet if HISTORY.name in planner.targets else None
        for edit in planner.sheets.values():
            if edit.sheet == log_sheet and history:  # History's own rows: ``Edit.history``
                continue
            for (r, c), value in sorted(edit.done.items()):
                kind, text = edit.old.get((r, c), ("blank", None))
                old, new = _old_text(kind, text, sst), _shown(value)
                if old != new:
                    result.cells.append(CellChange(edit.sheet, f"{col_letters(c)}{r}", old, new))
        result.formulas = sum(e.formulas for e in planner.sheets.values())
        try:
            if save is not None and (always or result.changed):

                def fill(dst) -> None:
                    fh.seek(0)
                    rewrite(fh, dst, changed, added)

                save(fill)
        finally:
            for prepared in [*changed.values(), *added.values()]:
                if prepared is not None:
                    prepared.data.close()
        return result


__all__ = ["CellChange", "Edit", "col_number", "is_date", "run"]
