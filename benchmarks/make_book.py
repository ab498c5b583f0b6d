#!/usr/bin/env python3
"""Generate a large jobbook workbook for benchmarks: N Pipeline rows and N Interviews rows.

Writes the SpreadsheetML parts directly (shared strings, a date style, an Excel Table per sheet)
because openpyxl or XlsxWriter take minutes per million rows; the file opens in Excel and
LibreOffice like any other. Values are varied and plausible, drawn from the schema's vocabularies.

    python benchmarks/make_book.py 1048575 /tmp/big.xlsx
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jobbook.letters import col_letters as col  # noqa: E402
from jobbook.schema import INTERVIEWS, PIPELINE, SOURCES, STAGES, STATUSES  # noqa: E402

EPOCH = dt.date(1899, 12, 30)
MAX_ROWS = 1_048_575  # a sheet holds 1,048,576 rows, one of them the header


class Strings:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        i = self.index.get(text)
        if i is None:
            i = self.index[text] = len(self.index)
        return i

    def xml(self) -> bytes:
        items = "".join(f"<si><t>{escape(s)}</t></si>" for s in self.index)
        n = len(self.index)
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{n}" uniqueCount="{n}">{items}</sst>'
        ).encode()


def serial(d: dt.date) -> int:
    return (d - EPOCH).days


def pipeline_rows(n: int, rng: random.Random):
    start = dt.date(2020, 1, 1)
    for i in range(1, n + 1):
        applied = start + dt.timedelta(days=rng.randint(0, 6 * 365))
        stage = rng.choices(STAGES[1:], [60, 20, 10, 6, 4])[0]
        status = rng.choices(STATUSES, [20, 35, 3, 38, 1, 3])[0]
        first = (
            applied + dt.timedelta(days=rng.randint(1, 20))
            if stage != "Applied" or status == "Rejected"
            else None
        )
        yield {
            "ID": f"A{i}",
            "Company": f"Company {rng.randint(1, 50000)}",
            "Role": "Data Analyst",
            "Location": "Remote",
            "Work mode": "Remote",
            "Source": rng.choice(SOURCES),
            "Date applied": applied,
            "Stage": stage,
            "Status": status,
            "First response": first,
            "Last contact": first,
            "Salary min": 70000 + rng.randint(0, 60) * 1000,
            "Salary max": 90000 + rng.randint(0, 60) * 1000,
            "Excitement": rng.randint(1, 5),
        }


def interview_rows(n: int, rng: random.Random):
    start = dt.date(2020, 1, 10)
    for i in range(1, n + 1):
        day = start + dt.timedelta(days=rng.randint(0, 6 * 365))
        sent = day + dt.timedelta(days=rng.randint(0, 3)) if rng.random() < 0.8 else None
        yield {
            "ID": f"I{i}",
            "Application ID": f"A{rng.randint(1, n)}",
            "Round": rng.choice(["Recruiter screen", "Technical", "Final"]),
            "Date": day,
            "Format": rng.choice(["Phone", "Video", "Onsite"]),
            "Thank-you sent": sent,
            "Outcome": rng.choice(["Advanced", "Rejected", "Pending"]),
            "Self-rating": rng.randint(1, 5),
        }


def sheet_xml(headers: list[str], rows, strings: Strings, out, n: int) -> int:
    dim = f"A1:{col(len(headers))}{n + 1}"
    out.write(
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        + f'<dimension ref="{dim}"/><sheetData>'.encode()
    )
    cells = "".join(
        f'<c r="{col(j)}1" t="s"><v>{strings(h)}</v></c>' for j, h in enumerate(headers, 1)
    )
    out.write(f'<row r="1">{cells}</row>'.encode())
    letters = [col(j) for j in range(1, len(headers) + 1)]
    r = 1
    buf = []
    for record in rows:
        r += 1
        if r == 2 and set(record) - set(headers):  # the schema renamed a column: say so
            raise SystemExit(f"make_book: no column {sorted(set(record) - set(headers))}")
        parts = [f'<row r="{r}">']
        for letter, header in zip(letters, headers):
            v = record.get(header)
            if v is None:
                continue
            if isinstance(v, str):
                parts.append(f'<c r="{letter}{r}" t="s"><v>{strings(v)}</v></c>')
            elif isinstance(v, dt.date):
                parts.append(f'<c r="{letter}{r}" s="1"><v>{serial(v)}</v></c>')
            else:
                parts.append(f'<c r="{letter}{r}"><v>{v}</v></c>')
        parts.append("</row>")
        buf.append("".join(parts))
        if len(buf) >= 5000:
            out.write("".join(buf).encode())
            buf.clear()
    out.write("".join(buf).encode())
    out.write(
        b'</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>'
    )
    return r


def table_xml(tid: int, name: str, headers: list[str], last_row: int) -> bytes:
    cols = "".join(f'<tableColumn id="{i}" name="{escape(h)}"/>' for i, h in enumerate(headers, 1))
    ref = f"A1:{col(len(headers))}{last_row}"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="{tid}" name="{name}" '
        f'displayName="{name}" ref="{ref}"><autoFilter ref="{ref}"/><tableColumns count="{len(headers)}">{cols}</tableColumns>'
        '<tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>'
    ).encode()


STYLES = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"""


def make_book(n: int, path: Path, seed: int = 1) -> Path:
    if not 1 <= n <= MAX_ROWS:
        raise SystemExit(f"rows must be 1..{MAX_ROWS}")
    rng = random.Random(seed)
    strings = Strings()
    sheets = [
        ("Pipeline", [c.header for c in PIPELINE.inputs], pipeline_rows(n, rng)),
        ("Interviews", INTERVIEWS.headers, interview_rows(n, rng)),
    ]
    ct = [
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        wb_sheets, wb_rels = [], []
        for i, (name, headers, rows) in enumerate(sheets, 1):
            with z.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=True) as out:
                last = sheet_xml(headers, rows, strings, out, n)
            z.writestr(
                f"xl/worksheets/_rels/sheet{i}.xml.rels",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table{i}.xml"/></Relationships>',
            )
            z.writestr(f"xl/tables/table{i}.xml", table_xml(i, name, headers, last))
            wb_sheets.append(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>')
            wb_rels.append(
                f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
            )
            ct.append(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            )
            ct.append(
                f'<Override PartName="/xl/tables/table{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>'
            )
        k = len(sheets)
        wb_rels.append(
            f'<Relationship Id="rId{k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        )
        wb_rels.append(
            f'<Relationship Id="rId{k + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        )
        z.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{"".join(wb_sheets)}</sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{"".join(wb_rels)}</Relationships>',
        )
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/sharedStrings.xml", strings.xml())
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            + "".join(ct)
            + "</Types>",
        )
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", type=int)
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    print(make_book(args.rows, args.out))


if __name__ == "__main__":
    main()
