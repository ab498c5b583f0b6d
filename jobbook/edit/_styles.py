"""Which cell styles show a date, and a date style for a column that has none.

A date is written as a serial number; only its style makes it look like a date. The editor takes
the style of the cell it writes, else the one most used by the dates of its column, else of its
table (``_sheet._style``); else the schema's date format: a plain style of it in the workbook, or
one added to ``styles.xml``.
"""

from __future__ import annotations

import re

from ..schema import DATE_FORMAT
from ._rows import attr as _attr

_BUILTIN_DATES = set(range(14, 23)) | {45, 46, 47}
_XFS = re.compile(r"<(\w+:)?cellXfs\b[^>]*>(.*?)</(\w+:)?cellXfs>", re.S)
_XF = re.compile(r"<(\w+:)?xf\b[^>]*?(?:/>|>.*?</(\w+:)?xf>)", re.S)
_NUMFMT = re.compile(r"<(\w+:)?numFmt\b[^>]*?/?>")
DATE_CODE = DATE_FORMAT


def is_date_code(code: str) -> bool:
    """A number format code that shows a date: d, m or y outside quotes, brackets and escapes
    (``[h]:mm`` and ``0.00`` are not)."""
    from xml.sax.saxutils import unescape

    code = unescape(code, {"&quot;": '"'})
    code = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code.split(";")[0])
    return code.lower() != "general" and bool(re.search(r"[dDyY]|(?<![hH:])[mM](?!:)", code))


class Styles:
    """The cell formats of ``styles.xml`` (as text; edited only to add a date style)."""

    def __init__(self, xml: str | None):
        self.xml = xml
        self.changed = False
        self.date_xfs: list[bool] = []
        self.codes: list[str] = []  # each style's number format code ("" for a built-in one)
        self.plain_date: int | None = None  # a style of the schema's date format, nothing else
        if not xml:
            return
        fmts = {
            int(_attr(m.group(0), "numFmtId") or -1): _attr(m.group(0), "formatCode") or ""
            for m in _NUMFMT.finditer(xml)
        }
        block = _XFS.search(xml)
        for m in _XF.finditer(block.group(2) if block else ""):
            fid = int(_attr(m.group(0), "numFmtId") or 0)
            self.date_xfs.append(fid in _BUILTIN_DATES or (fid in fmts and is_date_code(fmts[fid])))
            self.codes.append(fmts.get(fid, ""))
            plain = all(
                (_attr(m.group(0), a) or "0") == "0" for a in ("fontId", "fillId", "borderId")
            )
            if self.plain_date is None and plain and fmts.get(fid, "").lower() == DATE_CODE:
                self.plain_date = len(self.date_xfs) - 1

    def is_date(self, style: int | None) -> bool:
        return style is not None and 0 <= style < len(self.date_xfs) and self.date_xfs[style]

    def date_style(self) -> int | None:
        """A plain style of the schema's date format (``yyyy-mm-dd``): the workbook's, else a new
        one (None without a styles part: the date is then written unformatted)."""
        if self.plain_date is None:
            self.plain_date = self._new_style(DATE_CODE)
        return self.plain_date

    def format_style(self, code: str) -> int | None:
        """A plain style showing numbers in the format `code` (``yyyy-mm-dd hh:mm``): the
        workbook's own, else a new one (None without a styles part)."""
        from xml.sax.saxutils import escape

        for i, c in enumerate(self.codes):
            if c == escape(code, {'"': "&quot;"}) or c == code:
                return i
        return self._new_style(code)

    def _new_style(self, code: str) -> int | None:
        if not self.xml or not _XFS.search(self.xml):
            return None
        fid = self._add_numfmt(code)
        block = _XFS.search(self.xml)
        p = block.group(1) or ""
        xf = f'<{p}xf numFmtId="{fid}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        inner_end = block.end() - len(f"</{block.group(3) or ''}cellXfs>")
        self.xml = self.xml[:inner_end] + xf + self.xml[inner_end:]
        self.date_xfs.append(is_date_code(code))
        self.codes.append(code)
        self.xml = _set_count(self.xml, "cellXfs", len(self.date_xfs))
        self.changed = True
        return len(self.date_xfs) - 1

    def _add_numfmt(self, code: str) -> int:
        from xml.sax.saxutils import escape

        ids = [int(_attr(m.group(0), "numFmtId") or 0) for m in _NUMFMT.finditer(self.xml)]
        fid = max([163, *ids]) + 1
        tag = f'<numFmt numFmtId="{fid}" formatCode="{escape(code, {chr(34): "&quot;"})}"/>'
        m = re.search(r"<(\w+:)?numFmts\b([^>]*?)(/?)>", self.xml)
        if m:
            p = m.group(1) or ""
            tag = tag.replace("<numFmt", f"<{p}numFmt")
            if m.group(3):  # <numFmts count="0"/>, as openpyxl writes it: opened and closed
                tag = f"<{p}numFmts{m.group(2).rstrip()}>{tag}</{p}numFmts>"
                self.xml = self.xml[: m.start()] + tag + self.xml[m.end() :]
            else:
                self.xml = self.xml[: m.end()] + tag + self.xml[m.end() :]
            self.xml = _set_count(self.xml, "numFmts", len(ids) + 1)
        else:
            m = re.search(r"<(\w+:)?styleSheet\b[^>]*>", self.xml)
            p = m.group(1) or ""
            block = f'<{p}numFmts count="1">{tag.replace("<numFmt", f"<{p}numFmt")}</{p}numFmts>'
            self.xml = self.xml[: m.end()] + block + self.xml[m.end() :]
        return fid


def _set_count(xml: str, element: str, n: int) -> str:
    m = re.search(rf"<(\w+:)?{element}\b([^>]*)>", xml)
    if not m:
        return xml
    attrs = re.sub(r'\scount="\d*"', "", m.group(2))
    tag = f'<{m.group(1) or ""}{element} count="{n}"{attrs}>'
    return xml[: m.start()] + tag + xml[m.end() :]
