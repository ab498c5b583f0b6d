"""The parts of a workbook package the editor needs to find: sheets, their table parts, shared
strings, styles, the calculation chain; and the small edits of ``workbook.xml``, its relationships
and the content types (ask for a full recalculation on load, drop the calculation chain)."""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from defusedxml import ElementTree as ET

_M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
WORKBOOK = "xl/workbook.xml"


@dataclass
class Package:
    """Where things are in one workbook zip."""

    workbook: str = WORKBOOK
    sheets: dict[str, str] = field(default_factory=dict)  # sheet name -> worksheet part
    tables: dict[str, list[str]] = field(default_factory=dict)  # worksheet part -> table parts
    shared_strings: str | None = None
    styles: str | None = None
    calc_chain: str | None = None
    date1904: bool = False
    names: set[str] = field(default_factory=set)


def rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _rels(zf: zipfile.ZipFile, part: str, names: set[str]) -> list[tuple[str, str, str]]:
    """(id, type, absolute target) of each internal relationship of `part`."""
    name = rels_name(part)
    if name not in names:
        return []
    folder = posixpath.dirname(part)
    out = []
    for rel in ET.fromstring(zf.read(name)).findall(f"{{{_REL}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        out.append((rel.get("Id", ""), rel.get("Type", ""), path))
    return out


def _workbook_part(zf: zipfile.ZipFile, names: set[str]) -> str:
    for _, typ, target in _rels(zf, "", names) if "_rels/.rels" in names else []:
        if typ.endswith("/officeDocument") and target in names:
            return target
    return WORKBOOK


def read_package(zf: zipfile.ZipFile) -> Package:
    names = set(zf.namelist())
    pkg = Package(workbook=_workbook_part(zf, names), names=names)
    wb = ET.fromstring(zf.read(pkg.workbook))
    pr = wb.find(f"{{{_M}}}workbookPr")
    pkg.date1904 = pr is not None and pr.get("date1904", "0").lower() in ("1", "true")
    rels = {rid: (typ, target) for rid, typ, target in _rels(zf, pkg.workbook, names)}
    for sh in wb.findall(f"{{{_M}}}sheets/{{{_M}}}sheet"):
        typ, target = rels.get(sh.get(f"{{{_R}}}id", ""), ("", ""))
        if typ.endswith("/worksheet") and target in names:
            pkg.sheets[sh.get("name", "")] = target
    for typ, target in rels.values():
        if target not in names:
            continue
        if typ.endswith("/sharedStrings"):
            pkg.shared_strings = target
        elif typ.endswith("/styles"):
            pkg.styles = target
        elif typ.endswith("/calcChain"):
            pkg.calc_chain = target
    for part in pkg.sheets.values():
        pkg.tables[part] = [
            t for _, typ, t in _rels(zf, part, names) if typ.endswith("/table") and t in names
        ]
    return pkg


# -- workbook.xml: ask for a full recalculation on load -------------------------------------------

_CALC_PR = re.compile(r"<(\w+:)?calcPr\b([^>]*?)(/?)>")
_AFTER_CALC_PR = re.compile(
    r"<(\w+:)?(oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|"
    r"fileRecoveryPr|webPublishObjects|extLst)\b|</(\w+:)?workbook>"
)
_FULL_CALC = re.compile(r'\sfullCalcOnLoad="[^"]*"')


def full_calc_on_load(xml: str) -> str:
    """``workbook.xml`` with ``<calcPr fullCalcOnLoad="1"/>`` (unchanged if it is already so)."""
    m = _CALC_PR.search(xml)
    if m:
        attrs = m.group(2)
        if re.search(r'\sfullCalcOnLoad="(1|true)"', attrs):
            return xml
        attrs = _FULL_CALC.sub("", attrs) + ' fullCalcOnLoad="1"'
        tag = f"<{m.group(1) or ''}calcPr{attrs}{m.group(3)}>"
        return xml[: m.start()] + tag + xml[m.end() :]
    at = _AFTER_CALC_PR.search(xml)
    prefix = re.match(r"(?s).*?<(\w+:)?workbook\b", xml)
    p = (prefix.group(1) or "") if prefix else ""
    pos = at.start() if at else len(xml)
    return xml[:pos] + f'<{p}calcPr fullCalcOnLoad="1"/>' + xml[pos:]


def drop_relationship(xml: str, target_part: str, owner: str) -> str:
    """A ``.rels`` document without the relationship pointing at `target_part`."""
    folder = posixpath.dirname(owner)

    def keep(m: re.Match) -> str:
        target = re.search(r'Target="([^"]*)"', m.group(0))
        if not target:
            return m.group(0)
        t = target.group(1)
        path = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join(folder, t))
        return "" if path == target_part else m.group(0)

    return re.sub(
        r"<(\w+:)?Relationship\b[^>]*?(?:/>|>.*?</(\w+:)?Relationship>)", keep, xml, flags=re.S
    )


def drop_override(xml: str, part: str) -> str:
    """``[Content_Types].xml`` without the Override of `part`."""
    return re.sub(
        r'<(\w+:)?Override\b[^>]*PartName="/'
        + re.escape(part)
        + r'"[^>]*?(?:/>|></(\w+:)?Override>)',
        "",
        xml,
    )
