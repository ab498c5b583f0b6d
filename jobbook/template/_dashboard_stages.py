"""The Dashboard's "Time in each stage" (docs/definitions.md § History): native formulas over the History table
that compute what ``core.stages`` computes.

LibreOffice 7.4 has no FILTER or LET, so it takes two steps. A hidden block holds one row per
Pipeline row (INDEX(Pipeline[...], k)): the day the application entered Screen, Interview, Final
and Offer (MINIFS over History's moves of its Stage, each stage entered at the latest when a
later one is), its first response (Screen, or the first move of its Status to Rejected), its
decision (the first move of its Status away from Active on or after the day it entered Offer),
and the days of each step. The section shows, per step, how many applications have both ends,
and MEDIAN and QUARTILE.INC of their days. History rows count up to the as-of date; moves only
(Old not blank: a row's arrival tells where it stood, not when it got there), and not the steps
whose file does not say when (``UNDATED_NOTE``)."""

from __future__ import annotations

from openpyxl.utils import get_column_letter as col_letter

from ..schema import AS_OF_DATE_NAME, FUNNEL_STAGES, HISTORY, STEPS, UNDATED_NOTE

HEADS = ("Step", "Applications", "Median days", "Q1 (days)", "Q3 (days)")
FIRST_COL = 53  # BA: the block's first hidden column (Up next's block is AA:AI, the charts' AK:AQ)
_LATER = FUNNEL_STAGES[1:]  # Screen, Interview, Final, Offer
# the block's columns (then one per step): the first move to each stage, the day each stage was
# entered (at the latest when a later one was), the first rejection, the first response, the
# decision
BLOCK = ("ID", "Applied", *(f"to {s}" for s in _LATER), *_LATER, "rejected", "response", "decision")
TITLE = "Time in each stage (days, from History; moves to the as-of date)"
_H = HISTORY.name


def pipeline_rows(wb) -> int:
    """The rows of the Pipeline table as laid out (its data rows, the empty ones included)."""
    from openpyxl.utils.cell import range_boundaries

    table = wb["Pipeline"].tables["Pipeline"]
    _, r1, _, r2 = range_boundaries(table.ref)
    return r2 - r1


def block_col(name: str) -> str:
    """The letter of a column of the hidden block (``BLOCK`` names, then the steps' keys)."""
    names = [*BLOCK, *(s[0] for s in STEPS)]
    return col_letter(FIRST_COL + names.index(name))


def _moves(id_cell: str, column: str) -> str:
    """MINIFS criteria: History's dated moves of `column` of the application `id_cell`, known on
    the as-of date."""
    return (
        f'{_H}[Sheet],"Pipeline",{_H}[ID],{id_cell},{_H}[Column],"{column}",{_H}[Old],"<>",'
        f'{_H}[Note],"<>{UNDATED_NOTE}",{_H}[When],"<="&{AS_OF_DATE_NAME}'
    )


def _first(id_cell: str, column: str, new: str, *more: str) -> str:
    """The first When of the moves of `column` of the application to `new` (a criterion)."""
    extra = "".join(f",{m}" for m in more)
    return f'_xlfn.MINIFS({_H}[When],{_moves(id_cell, column)},{_H}[New],"{new}"{extra})'


def _sooner(a: str, b: str) -> str:
    """The sooner of two days where 0 means not known."""
    return f"IF({a}=0,{b},IF({b}=0,{a},MIN({a},{b})))"


def write_time_in_stage(ws, heads_row: int, rows: int) -> None:
    """One row per step below the section's heads (row `heads_row`), and the hidden block over
    the first `rows` rows of the Pipeline (on rows 2 to `rows` + 1)."""
    c = {name: block_col(name) for name in [*BLOCK, *(s[0] for s in STEPS)]}
    for k in range(1, rows + 1):
        r = k + 1
        idc, applied = f"${c['ID']}{r}", f"${c['Applied']}{r}"
        ws[f"{c['ID']}{r}"] = f'=IFERROR(""&INDEX(Pipeline[ID],{k}),"")'
        ws[f"{c['Applied']}{r}"] = (
            f'=IFERROR(IF(AND({idc}<>"",ISNUMBER(INDEX(Pipeline[Date applied],{k}))),'
            f'INT(INDEX(Pipeline[Date applied],{k})),""),"")'
        )
        later = None
        for stage in reversed(_LATER):
            moved = f"${c['to ' + stage]}{r}"
            first = _first(idc, "Stage", stage)
            ws[moved[1:]] = f'=IF({applied}="",0,{first})'
            ws[f"{c[stage]}{r}"] = f"={moved}" if later is None else f"={_sooner(moved, later)}"
            later = f"${c[stage]}{r}"
        rejected = f"${c['rejected']}{r}"
        first = _first(idc, "Status", "Rejected")
        ws[rejected[1:]] = f'=IF({applied}="",0,{first})'
        screen = f"${c[_LATER[0]]}{r}"
        ws[f"{c['response']}{r}"] = f"={_sooner(screen, rejected)}"
        offer = f"${c['Offer']}{r}"
        closing = _first(idc, "Status", "<>Active", f'{_H}[New],"<>"', f'{_H}[When],">="&{offer}')
        ws[f"{c['decision']}{r}"] = f'=IF(OR({applied}="",{offer}=0),0,{closing})'
        for key, _label, start, end in STEPS:
            a = applied if start == "Applied" else f"${c[start]}{r}"
            b = f"${c[end]}{r}"
            ws[f"{c[key]}{r}"] = f'=IF(OR({applied}="",{a}=0,{b}=0),"",{b}-{a})'
    for j, (key, label, _start, _end) in enumerate(STEPS):
        r = heads_row + 1 + j
        days = f"${c[key]}$2:${c[key]}${rows + 1}"
        ws.cell(r, 1, label)
        ws[f"B{r}"] = f"=COUNT({days})"
        ws[f"C{r}"] = f'=IF(B{r}=0,"",MEDIAN({days}))'
        ws[f"D{r}"] = f'=IF(B{r}=0,"",_xlfn.QUARTILE.INC({days},1))'
        ws[f"E{r}"] = f'=IF(B{r}=0,"",_xlfn.QUARTILE.INC({days},3))'
        for col in "CDE":
            ws[f"{col}{r}"].number_format = "General"
    for j in range(len(BLOCK) + len(STEPS)):
        ws.column_dimensions[col_letter(FIRST_COL + j)].hidden = True
