"""Colours, fonts and conditional-format rules shared by the template and the report."""

from __future__ import annotations

from openpyxl.formatting.rule import CellIsRule, Rule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import NumberFormat

from ..schema import DATE_TIME_FORMAT, FLAG_DONE, FLAG_OVERDUE, FLAG_SOON, FLAG_TODAY, FLAG_TOO_SOON

NAVY = "1F3864"
BLUE = "2F5597"
LIGHT = "D9E2F3"
GREY = "808080"

FONT = "Calibri"
TITLE = Font(name=FONT, size=16, bold=True, color=NAVY)
SUBTITLE = Font(name=FONT, size=10, italic=True, color=GREY)
SECTION = Font(name=FONT, size=11, bold=True, color="FFFFFF")
SECTION_FILL = PatternFill("solid", fgColor=BLUE)
HEAD = Font(name=FONT, bold=True, color=NAVY)
HEAD_FILL = PatternFill("solid", fgColor=LIGHT)
TABLE_HEAD = Font(name=FONT, bold=True, color="FFFFFF")
TABLE_HEAD_FILL = PatternFill("solid", fgColor=BLUE)
COMPUTED_HEAD_FILL = PatternFill("solid", fgColor=NAVY)  # computed columns: do not type here
BOLD = Font(name=FONT, bold=True)
LINK = Font(name=FONT, color="0563C1", underline="single")  # the mailto: link columns
UP = Font(name=FONT, color="006100", bold=True)
DOWN = Font(name=FONT, color="9C0006", bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
WRAP_RIGHT = Alignment(wrap_text=True, vertical="top", horizontal="right")
CENTER = Alignment(horizontal="center")
LEFT = Alignment(horizontal="left")
INDENT = Alignment(horizontal="left", indent=1)  # text right of a right-aligned date or number
RIGHT = Alignment(horizontal="right")

TABLE_STYLE = "TableStyleMedium2"

_RED = (PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE"), Font(color="9C0006", bold=True))
_AMBER = (PatternFill("solid", fgColor="FFEB9C", bgColor="FFEB9C"), Font(color="9C5700", bold=True))
_AMBER_LIGHT = (PatternFill("solid", fgColor="FFF2CC", bgColor="FFF2CC"), Font(color="9C5700"))
_GREY = (  # closed or done: quiet, yet dark enough to read on its grey (6:1)
    PatternFill("solid", fgColor="EDEDED", bgColor="EDEDED"),
    Font(color="595959"),
)
_GREEN = (PatternFill("solid", fgColor="C6EFCE", bgColor="C6EFCE"), Font(color="006100", bold=True))
_BLUE = (PatternFill("solid", fgColor="DDEBF7", bgColor="DDEBF7"), Font(color="1F4E78"))

FLAG_COLOURS = {
    FLAG_OVERDUE: _RED,
    FLAG_TOO_SOON: _RED,
    FLAG_TODAY: _AMBER,
    FLAG_SOON: _AMBER_LIGHT,
    FLAG_DONE: _GREY,
}
STATUS_COLOURS = {
    "Accepted": _GREEN,
    "Active": _BLUE,
    "Rejected": _GREY,
    "No response": _GREY,
    "Withdrawn": _GREY,
    "Offer declined": _GREY,
}
STAGE_COLOURS = {"Offer": _GREEN, "Final": _AMBER_LIGHT, "Interview": _BLUE}
OFFER_STATUS_COLOURS = {
    "Accepted": _GREEN,
    "Pending": _AMBER,
    "Negotiating": _AMBER_LIGHT,
    "Declined": _GREY,
    "Expired": _GREY,
    "Rescinded": _GREY,
}
POSITIVE_AMBER = _AMBER
POSITIVE_RED = _RED


def equals_rules(colours: dict[str, tuple[PatternFill, Font]]) -> list[CellIsRule]:
    """One 'cell equals text' rule per value."""
    return [
        CellIsRule(operator="equal", formula=[f'"{value}"'], fill=fill, font=font)
        for value, (fill, font) in colours.items()
    ]


def positive_rule(colours: tuple[PatternFill, Font]) -> CellIsRule:
    fill, font = colours
    return CellIsRule(operator="greaterThan", formula=["0"], fill=fill, font=font)


def time_of_day_rule(first_cell: str) -> Rule:
    """Show the time too (``2026-03-05 14:30``) where a date has one; plain dates stay
    ``2026-03-05``. Excel and LibreOffice both apply a number format from a conditional format."""
    dxf = DifferentialStyle(numFmt=NumberFormat(numFmtId=200, formatCode=DATE_TIME_FORMAT))
    return Rule(type="expression", dxf=dxf, formula=[f"MOD({first_cell},1)>0"])
