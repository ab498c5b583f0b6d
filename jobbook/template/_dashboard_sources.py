"""The Dashboard's "By source" table: every application counted once, so that it sums to
Applications, as ``jobbook stats`` and the report count them.

Rows: the SPEC sources (zeros included), then up to OTHER_SOURCES other sources one by one, in
alphabetical order (whatever their case, as the spreadsheet compares text), then the rest of the
other sources together (MORE), the applications without a Source (NO_SOURCE), and the total.
LibreOffice 7.4 has no SORT or UNIQUE: the k-th other source is the one of smallest rank
(COUNTIF of the texts before it) among those after the (k-1)-th, in a single-cell array formula.
"""

from __future__ import annotations

from openpyxl.worksheet.formula import ArrayFormula

from ..looks import style as st
from ..schema import PERCENT_FORMAT, SOURCES

OTHER_SOURCES = 5  # other sources listed by name; the rest share the MORE row
MORE = "More sources"
NO_SOURCE = "(no source)"
TOTAL = "All sources"
HEADS = ("Source", "Applications", "Responses", "Response rate", "Interviews", "Offers")
ROWS = len(SOURCES) + OTHER_SOURCES + 2  # the rows a source can take (the charted ones)


def _other(scope: str) -> str:
    """1 for each application (of `scope`) whose Source is neither blank nor a SPEC source."""
    spec = "*".join(f'(Pipeline[Source]<>"{s}")' for s in SOURCES)
    return f'{scope}*(Pipeline[Source]<>"")*{spec}'


def _kth(other: str, previous: str | None) -> str:
    """The other source after `previous` (a cell; None: the first) in alphabetical order."""
    after = f"*(Pipeline[Source]>{previous})" if previous else ""
    rank = 'COUNTIF(Pipeline[Source],"<"&Pipeline[Source])'
    ranks = f'IF({other}{after},{rank},"")'  # MIN skips the "" (Excel and LibreOffice alike)
    found = f'IFERROR(INDEX(Pipeline[Source],MATCH(MIN({ranks}),{ranks},0)),"")'
    return f'=IF({previous}="","",{found})' if previous else f"={found}"


def write_sources(ws, top: int, scope: str, count, responded: str, at_least) -> int:
    """The section's rows below its heads (row `top`); returns the total's row. `count(scope,
    *conditions)` writes a SUMPRODUCT; `responded` and `at_least(stage)` are conditions."""
    figures = (  # column, the conditions counted (after the source's)
        ("B", ()),
        ("C", (responded,)),
        ("E", (at_least("Interview"),)),
        ("F", (at_least("Offer"),)),
    )
    other = _other(scope)
    first_other = top + 1 + len(SOURCES)
    for k in range(ROWS):
        r = top + 1 + k
        if k < len(SOURCES):
            ws.cell(r, 1, SOURCES[k])
            is_src = f"(Pipeline[Source]=$A{r})"
        elif k < len(SOURCES) + OTHER_SOURCES:
            previous = None if r == first_other else f"$A{r - 1}"
            ws[f"A{r}"] = ArrayFormula(f"A{r}", _kth(other, previous))
            is_src = f"(Pipeline[Source]=$A{r})"
        elif k == len(SOURCES) + OTHER_SOURCES:
            ws.cell(r, 1, MORE)
            is_src = None  # the other sources not listed above
        else:
            ws.cell(r, 1, NO_SOURCE)
            is_src = '(Pipeline[Source]="")'
        for col, conds in figures:
            if is_src is None:
                named = f"{col}{first_other}:{col}{r - 1}"
                ws[f"{col}{r}"] = f"{count(other, *conds)}-SUM({named})"
            elif first_other <= r < first_other + OTHER_SOURCES:
                ws[f"{col}{r}"] = f'=IF($A{r}="","",{count(scope, is_src, *conds)[1:]})'
            else:
                ws[f"{col}{r}"] = count(scope, is_src, *conds)
        ws[f"D{r}"] = f'=IF(N(B{r})=0,"",C{r}/B{r})'
        ws[f"D{r}"].number_format = PERCENT_FORMAT
    total = top + ROWS + 1
    ws.cell(total, 1, TOTAL).font = st.BOLD
    for col in "BCEF":
        ws[f"{col}{total}"] = f"=SUM({col}{top + 1}:{col}{total - 1})"
        ws[f"{col}{total}"].font = st.BOLD
    ws[f"D{total}"] = f'=IF(B{total}=0,"",C{total}/B{total})'
    ws[f"D{total}"].number_format = PERCENT_FORMAT
    ws[f"D{total}"].font = st.BOLD
    return total
