"""How a rate is shown: beside its count, and apart when it stands on too few applications.

A response rate of 100% on one application says nothing, so every face (the report workbook, the
PDF, the Dashboard) names each source with its count, "Recruiter (1 of 1)", and draws the rates
of sources with fewer than FEW applications apart, in grey, as FEW_RATE. The Dashboard's formulas
spell the same label (``template._dashboard``).
"""

from __future__ import annotations

FEW = 5  # a source with fewer applications than this is marked: too few to judge its rate
RATE = "Response rate"
FEW_RATE = f"Fewer than {FEW} applications"  # the series (and legend) of those sources


def source_label(source: str, responses: int, applications: int) -> str:
    """``Recruiter (1 of 1)``: a source and the count its response rate stands on."""
    return f"{source} ({responses} of {applications})"
