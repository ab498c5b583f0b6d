"""What the .xlsm adds to the template: the buttons' places on the Dashboard, the chooser of the
offer to accept, the Lists sheet the buttons write to, the xlwings.conf sheet, the VBA project."""

from __future__ import annotations

import io

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from ..looks import style as st
from ..schema import DRAFT_KINDS
from ..schema.lists import BAND_LABELS, BANDS, DRAFT_ID, DRAFT_KIND, LISTS, OFFER_TO_ACCEPT
from ..vba.xlsm import Button, make_xlsm
from ._dashboard import SHEET as DASHBOARD
from ._tables import id_range_name

CONFIG_SHEET = "xlwings.conf"
UDF_MODULE = "jobbook.excel.functions"
BUTTON_ROW_HEIGHT = 30  # points
BUTTONS = (  # (caption, Sub, Dashboard column index from 0)
    ("Refresh", "RefreshButton", 4),
    ("Deadlines", "DeadlinesButton", 5),
    ("Check", "CheckButton", 6),
    ("Monthly report", "MonthlyReportButton", 7),
    ("Accept offer", "AcceptOfferButton", 8),
    ("Export calendar", "ExportCalendarButton", 11),
    ("Draft", "DraftButton", 12),
)
CHOOSER = "J1"  # the OfferToAccept cell, right of the Accept offer button
DRAFT_CHOOSERS = {DRAFT_KIND: "N1", DRAFT_ID: "O1"}  # right of the Draft button (column M)
DRAFT_HINT = "P1"


def add_macro_sheets(wb) -> None:
    """Dashboard chooser, Lists and xlwings.conf sheets, and code names for the VBA project."""
    ws = wb[DASHBOARD]
    ws.row_dimensions[1].height = BUTTON_ROW_HEIGHT
    ws[CHOOSER].font = st.BOLD
    ws[CHOOSER].fill = st.HEAD_FILL
    ws["J2"] = "Offer to accept: its ID above, or blank for the row selected on Offers"
    ws["J2"].font = st.SUBTITLE
    dv = DataValidation(type="list", formula1=f"={id_range_name('Offers')}", allow_blank=True)
    dv.error, dv.errorTitle, dv.errorStyle = "Pick an Offers ID.", "Offer to accept", "warning"
    ws.add_data_validation(dv)
    dv.add(CHOOSER)
    wb.defined_names[OFFER_TO_ACCEPT] = DefinedName(
        OFFER_TO_ACCEPT, attr_text=f"{DASHBOARD}!${CHOOSER[0]}${CHOOSER[1:]}"
    )

    _draft_choosers(wb, ws)

    lists = wb.create_sheet(LISTS)
    lists["A1"] = "Lists written by the buttons on the Dashboard: each button its own band below"
    lists["A1"].font = st.TITLE
    for name, (first, _) in BANDS.items():
        lists[f"{first}2"] = BAND_LABELS[name]
        lists[f"{first}2"].font = st.SUBTITLE
    last_col = max(column_index_from_string(last) for _, last in BANDS.values())
    for col in range(1, last_col + 1):
        lists.column_dimensions[get_column_letter(col)].width = 14
    for col in ("C", "J", "AB", BANDS["calendar"][1]):
        lists.column_dimensions[col].width = 48
    lists.column_dimensions[BANDS["calendar"][0]].width = 20  # the calendar band's labels
    lists.column_dimensions[BANDS["draft"][1]].width = 100
    for r in range(3, 60):  # the draft's paragraphs wrap in their cells
        lists[f"{BANDS['draft'][1]}{r}"].alignment = st.WRAP
    lists.page_setup.orientation = "landscape"
    lists.page_setup.fitToWidth, lists.page_setup.fitToHeight = 3, 0  # a band or two per page
    lists.sheet_properties.pageSetUpPr.fitToPage = True

    conf = wb.create_sheet(CONFIG_SHEET)
    conf["A1"], conf["B1"] = "UDF Modules", UDF_MODULE
    # xlwings reads column A:B from row 1 down to the first blank cell in A: notes stay in column D
    conf["D1"] = "xlwings reads its settings from A:B here, from row 1 down to the first blank row."
    conf["D2"] = (
        "If Excel does not find your Python, add a row right under UDF Modules: Interpreter_Win"
    )
    conf["D3"] = (
        "(or Interpreter_Mac) in column A and the path of pythonw.exe (or python) in column B."
    )
    for cell in ("D1", "D2", "D3"):
        conf[cell].font = st.SUBTITLE
    conf.column_dimensions["A"].width = 22
    conf.column_dimensions["B"].width = 30

    wb.code_name = "ThisWorkbook"
    for k, sheet in enumerate(wb.worksheets, 1):
        sheet.sheet_properties.codeName = f"Sheet{k}"


def _draft_choosers(wb, ws) -> None:
    """The Draft button's kind (a dropdown) and ID cells on the Dashboard, as named cells."""
    for name, cell in DRAFT_CHOOSERS.items():
        ws[cell].font = st.BOLD
        ws[cell].fill = st.HEAD_FILL
        wb.defined_names[name] = DefinedName(name, attr_text=f"{DASHBOARD}!${cell[0]}${cell[1:]}")
    kind = DRAFT_CHOOSERS[DRAFT_KIND]
    ws[kind] = "thank-you"
    dv = DataValidation(type="list", formula1='"' + ",".join(DRAFT_KINDS) + '"', allow_blank=True)
    dv.error, dv.errorTitle = f"Pick one of: {', '.join(DRAFT_KINDS)}.", "Kind of message"
    dv.prompt, dv.promptTitle = (
        "thank-you: an Interviews ID; follow-up, feedback, withdraw: a Pipeline ID; "
        "counter, accept, decline, resign: an Offers ID (in the cell to the right).",
        "Kind of message",
    )
    ws.add_data_validation(dv)
    dv.add(kind)
    ws[DRAFT_HINT] = "<- kind and ID of the message, then click Draft"
    ws[DRAFT_HINT].font = st.SUBTITLE


def _layout(ws) -> tuple[list[int], list[int]]:
    """Column widths and row heights of the first 30 columns and rows, in pixels."""
    widths = [
        int((ws.column_dimensions[get_column_letter(c)].width or 8.43) * 7 + 5)
        for c in range(1, 31)
    ]
    heights = [int((ws.row_dimensions[r].height or 15) * 4 / 3) for r in range(1, 31)]
    return widths, heights


def to_xlsm(wb) -> bytes:
    """The workbook (after add_macro_sheets) as .xlsm bytes: VBA project and Dashboard buttons."""
    buf = io.BytesIO()
    wb.save(buf)
    dash = wb[DASHBOARD]
    widths, heights = _layout(dash)
    buttons = [
        Button(caption, sub, col, 0, width_px=widths[col] - 4, height_px=heights[0] - 4)
        for caption, sub, col in BUTTONS
    ]
    code_names = [ws.sheet_properties.codeName for ws in wb.worksheets]
    return make_xlsm(
        buf.getvalue(), {DASHBOARD: buttons}, {DASHBOARD: (widths, heights)}, code_names
    )
