"""History from Excel's buttons: the Accept offer button writes its History rows after the History
table's last row (each cell's Old as the live workbook holds it), the Refresh button records what
was typed, and a workbook made before History gets the sheet and its Table through xlwings.
Excel cannot run here: the buttons' xlwings lines run against test_excel's small stand-in."""

from __future__ import annotations

import types

from test_excel import FakeBook, before_accepting, sample, writes  # noqa: F401 (a fixture)

from jobbook.excel import actions
from jobbook.history import to_text
from jobbook.reader.frames import book_from_sheets
from jobbook.schema import HISTORY


def history_rows(result) -> list[dict]:
    """The History rows an action writes, by header (a row per Excel row written)."""
    cols = {chr(65 + i): h for i, h in enumerate(HISTORY.headers)}
    rows: dict[int, dict] = {}
    for w in result.writes:
        if w.sheet != HISTORY.name:
            continue
        col, row = w.cell.rstrip("0123456789"), int(w.cell.lstrip("ABCDEFGHIJ"))
        rows.setdefault(row, {})[cols[col]] = w.values[0][0]
    return [rows[r] for r in sorted(rows)]


def test_accept_button_writes_its_history_after_the_last_row(sample):  # noqa: F811
    path, blocks = sample
    book = book_from_sheets(before_accepting(blocks), path=path)
    last = max(int(i) for i in book.inputs["History"].index)
    change = int(book.inputs["History"]["Change"].max())
    result = actions.accept_offer(book, offer_id="O02")
    rows = history_rows(result)
    first_row = min(int(w.cell.lstrip("ABCDEFGHIJ")) for w in result.writes if w.sheet == "History")
    assert first_row == last + 1
    assert {r["Change"] for r in rows} == {change + 1}
    assert {r["Source"] for r in rows} == {actions.ACCEPT_BUTTON}
    offer = next(r for r in rows if r["Sheet"] == "Offers" and r["Column"] == "Status")
    assert (offer["ID"], offer["Old"], offer["New"]) == ("O02", "Negotiating", "Accepted")
    assert any(r["Sheet"] == "Transition" and r["New"] == "added" for r in rows)
    # every cell the button writes in a table has its row (and nothing else does)
    written = {
        (w.sheet, w.cell) for w in result.writes if w.sheet in ("Pipeline", "Offers", "Interviews")
    }
    assert len([r for r in rows if r["Sheet"] in ("Pipeline", "Offers", "Interviews")]) <= len(
        written
    )


def test_refresh_records_what_was_typed(sample):  # noqa: F811
    path, blocks = sample
    rows = [list(r) for r in blocks["Pipeline"][2]]
    head = rows[0]
    row = next(r for r in rows[1:] if r[head.index("Stage")] == "Screen")
    row[head.index("Stage")] = "Interview"  # typed in Excel, not yet recorded
    book = book_from_sheets({**blocks, "Pipeline": (1, 1, rows)}, path=path)
    result = actions.refresh(book)
    got = history_rows(result)
    assert [(r["ID"], r["Column"], r["Old"], r["New"]) for r in got] == [
        (row[head.index("ID")], "Stage", "Screen", "Interview")
    ]
    assert got[0]["Source"] == actions.REFRESH_BUTTON and "History change" in result.message
    again = actions.refresh(book_from_sheets(blocks, path=path))
    assert history_rows(again) == []  # nothing typed: nothing recorded


class _Tables(list):
    def add(self, source, name):
        self.append(types.SimpleNamespace(name=name, source=source.address))


def test_a_workbook_without_history_gets_the_sheet_and_table(sample, monkeypatch):  # noqa: F811
    import xlwings as xw
    from test_excel import FakeSheet

    from jobbook.excel import buttons

    path, blocks = sample
    blocks = {k: v for k, v in before_accepting(blocks).items() if k != HISTORY.name}
    blocks["Lists"] = (1, 1, [[None]])
    book = FakeBook(blocks, path, chosen="O02")

    def add(name, after):
        sheet = FakeSheet(name, [[None]])
        sheet.book, sheet.tables = book, _Tables()
        book.sheets.append(sheet)
        assert after is book.sheets[-2]
        return sheet

    book.sheets.add = add
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: book))
    buttons.accept_offer()
    log = book.sheets[HISTORY.name]
    block = log.cells["A1"]
    assert block[0] == HISTORY.headers and len(block) > 2
    assert [t.name for t in log.tables] == [HISTORY.name]
    assert log.tables[0].source == f"A1:J{len(block)}"
    baseline = [r for r in block[1:] if r[0] == 1]
    assert baseline and all(r[6] == r[7] or r[5] == "(row)" for r in baseline)
    assert all(not str(v).startswith("=") for r in block for v in r)
    # History's text for a text that starts with = keeps its ' through Excel's own prefix
    assert buttons._value(to_text("=HYPERLINK(1)")) == "''=HYPERLINK(1)"
