"""Turn the template (.xlsx bytes from openpyxl) into a macro-enabled workbook (.xlsm): the VBA
project built from the committed .bas source, and Form Control buttons bound to its Subs.

Buttons are legacy VML form controls (``x:ClientData ObjectType="Button"`` with ``x:FmlaMacro``),
the kind Excel has always read, that LibreOffice imports as form buttons bound to the macro, and
that survive an openpyxl ``keep_vba=True`` round trip.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from importlib import resources
from xml.sax.saxutils import escape

from ._ovba import Module, ProjectReference, build_project, document_module

MAIN_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MAIN_XLSM = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
VBA_TYPE = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
VML_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"
VBA_MODULE = "JobbookButtons"
# As xlwings' quickstart workbook does: a reference to the add-in's VBA project, so that RunPython
# resolves once `xlwings addin install` has put xlwings.xlam where Excel opens it at start-up.
XLWINGS_REFERENCE = ProjectReference(
    "xlwings", r"*\Cxlwings.xlam", r"*\Cxlwings.xlam", 0x68FE4C3D, 0x000C
)


@dataclass(frozen=True)
class Button:
    caption: str
    macro: str  # a Sub of VBA_MODULE
    col: int  # 0-based column of the top-left corner
    row: int  # 0-based row
    width_px: int = 100
    height_px: int = 34


def bas_source() -> str:
    """The committed VBA source (workbook/vba/JobbookButtons.bas), CRLF line ends."""
    return (
        resources.files("jobbook.vba")
        .joinpath("bas", f"{VBA_MODULE}.bas")
        .read_bytes()
        .decode("cp1252")
    )


def subs(source: str) -> list[str]:
    return re.findall(r"^Sub\s+(\w+)\s*\(", source, flags=re.M)


def vba_project(sheet_code_names: list[str]) -> bytes:
    modules = [document_module("ThisWorkbook", "workbook")]
    modules += [document_module(name, "sheet") for name in sheet_code_names]
    modules.append(Module(VBA_MODULE, bas_source()))
    return build_project(modules, [XLWINGS_REFERENCE])


def _col_px(width_chars: float | None) -> int:
    return int((width_chars or 8.43) * 7 + 5)


def _vml(buttons: list[Button], widths: list[int], heights: list[int], idmap: int) -> str:
    shapes = []
    for k, b in enumerate(buttons):
        left = sum(widths[: b.col]) + 2
        top = sum(heights[: b.row]) + 2
        # end column/row and offsets for the anchor
        x_end, col_end = left + b.width_px, 0
        while sum(widths[: col_end + 1]) < x_end:
            col_end += 1
        y_end, row_end = top + b.height_px, 0
        while sum(heights[: row_end + 1]) < y_end:
            row_end += 1
        anchor = f"{b.col}, 2, {b.row}, 2, {col_end}, {x_end - sum(widths[:col_end])}, {row_end}, {y_end - sum(heights[:row_end])}"
        style = (
            f"position:absolute;margin-left:{left * 0.75:g}pt;margin-top:{top * 0.75:g}pt;"
            f"width:{b.width_px * 0.75:g}pt;height:{b.height_px * 0.75:g}pt;z-index:{k + 1};mso-wrap-style:tight"
        )
        shapes.append(
            f'<v:shape id="_x0000_s{idmap * 1024 + k + 1}" type="#_x0000_t201" style="{style}" o:button="t" '
            'fillcolor="buttonFace [67]" strokecolor="windowText [64]" o:insetmode="auto">'
            '<v:fill color2="buttonFace [67]" o:detectmouseclick="t"/><o:lock v:ext="edit" rotation="t"/>'
            '<v:textbox style="mso-direction-alt:auto" o:singleclick="f"><div style="text-align:center">'
            f'<font face="Calibri" size="220" color="#000000">{escape(b.caption)}</font></div></v:textbox>'
            f'<x:ClientData ObjectType="Button"><x:Anchor>{anchor}</x:Anchor><x:PrintObject>False</x:PrintObject>'
            f"<x:AutoFill>False</x:AutoFill><x:FmlaMacro>[0]!{b.macro}</x:FmlaMacro>"
            "<x:TextHAlign>Center</x:TextHAlign><x:TextVAlign>Center</x:TextVAlign></x:ClientData></v:shape>"
        )
    return (
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel">'
        f'<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{idmap}"/></o:shapelayout>'
        '<v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" path="m,l,21600r21600,l21600,xe">'
        '<v:stroke joinstyle="miter"/><v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/>'
        '<o:lock v:ext="edit" shapetype="t"/></v:shapetype>' + "".join(shapes) + "</xml>"
    )


def _attrs(element: str) -> dict[str, str]:
    return dict(re.findall(r'([\w:]+)="([^"]*)"', element))


def _sheet_parts(parts: dict[str, bytes]) -> dict[str, str]:
    """Sheet name -> worksheet part name."""
    rels = [
        _attrs(r)
        for r in re.findall(r"<Relationship\b[^>]*>", parts["xl/_rels/workbook.xml.rels"].decode())
    ]
    targets = {r["Id"]: r["Target"] for r in rels}
    out = {}
    for element in re.findall(r"<sheet\b[^>]*>", parts["xl/workbook.xml"].decode()):
        a = _attrs(element)
        t = targets[a["r:id"]]
        name = (
            a["name"]
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", '"')
        )
        out[name] = (
            t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join("xl", t))
        )
    return out


_AFTER_LEGACY = (
    "<legacyDrawingHF",
    "<drawingHF",
    "<picture",
    "<oleObjects",
    "<controls",
    "<webPublishItems",
    "<tableParts",
    "<extLst",
    "</worksheet>",
)


def _add_buttons(parts: dict[str, bytes], sheet_part: str, vml: str, number: int) -> None:
    xml = parts[sheet_part].decode()
    if "<legacyDrawing " in xml:
        raise NotImplementedError(
            f"{sheet_part} already has a legacy drawing (comments); put the buttons on another sheet"
        )
    folder, base = posixpath.split(sheet_part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    rels = parts.get(
        rels_name,
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
    ).decode()
    rid = "rIdButtons"
    vml_part = (
        f"xl/drawings/vmlDrawing{number}.vml"  # openpyxl keep_vba keeps vmlDrawing<digit>.vml
    )
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="{rid}" Type="{VML_TYPE}" Target="/{vml_part}"/></Relationships>',
    )
    tag = f'<legacyDrawing r:id="{rid}"/>'
    m = re.search(r"<drawing [^>]*/>", xml)
    if m:
        xml = xml[: m.end()] + tag + xml[m.end() :]
    else:
        at = min(i for i in (xml.find(t) for t in _AFTER_LEGACY) if i >= 0)
        xml = xml[:at] + tag + xml[at:]
    if 'xmlns:r="' not in xml[: xml.find(">", xml.find("<worksheet"))]:
        xml = xml.replace(
            "<worksheet ",
            '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
            1,
        )
    parts[sheet_part] = xml.encode()
    parts[rels_name] = rels.encode()
    parts[vml_part] = vml.encode()


def make_xlsm(
    xlsx: bytes,
    buttons: dict[str, list[Button]],
    layouts: dict[str, tuple[list[int], list[int]]],
    code_names: list[str],
) -> bytes:
    """The .xlsm: `xlsx` plus the VBA project and `buttons` per sheet (`layouts` gives each such
    sheet's column widths and row heights in pixels, to place them)."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        names = z.namelist()
        parts = {n: z.read(n) for n in names}
    ct = parts["[Content_Types].xml"].decode().replace(MAIN_XLSX, MAIN_XLSM)
    if 'Extension="bin"' not in ct:
        ct = ct.replace(
            "<Default ",
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
            1,
        )
    if 'Extension="vml"' not in ct:
        ct = ct.replace(
            "<Default ",
            '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default ',
            1,
        )
    parts["[Content_Types].xml"] = ct.encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdVBA" Type="{VBA_TYPE}" Target="vbaProject.bin"/></Relationships>',
    ).encode()
    parts["xl/vbaProject.bin"] = vba_project(code_names)
    sheet_parts = _sheet_parts(parts)
    for k, (sheet, bs) in enumerate(buttons.items(), 1):
        widths, heights = layouts[sheet]
        _add_buttons(parts, sheet_parts[sheet], _vml(bs, widths, heights, 40 + k), k)
    order = names + [n for n in parts if n not in names]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in order:
            info = zipfile.ZipInfo(n, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[n])
    return out.getvalue()
