"""The Transition sheet: after accepting an offer, notice, rest and start date."""

from __future__ import annotations

from ._base import FLAG_TOO_SOON, Column, Table

_OFFER_APP = "INDEX(Offers[Application ID],MATCH([@Offer ID],Offers[ID],0))"
_WITHDRAW = (
    f'IFERROR(_xlfn.TEXTJOIN(", ",TRUE,IF((Pipeline[Status]="Active")*ISNUMBER(Pipeline[Date applied])*(Pipeline[ID]<>{_OFFER_APP}),'
    'Pipeline[ID],"")),"")'
)

TRANSITION = Table(
    "Transition",
    (
        Column(
            "Offer ID", "id", True, True, note="The accepted Offers ID.", width=10, ref="Offers"
        ),
        Column("Accepted on", "date", note="Day you accepted."),
        Column("Notice given", "date", note="Day you gave notice at your current job."),
        Column(
            "Notice weeks",
            "number",
            lo=0,
            hi=52,
            note="Weeks of notice (blank: NoticeWeeks in Settings).",
        ),
        Column(
            "Last day",
            "date",
            formula=(
                'IF([@Notice given]="","",WORKDAY([@Notice given],'
                '5*IF([@Notice weeks]="",NoticeWeeks,[@Notice weeks]),{HOLIDAYS}))'
            ),
            note="Computed: 5 x Notice weeks business days after notice.",
        ),
        Column(
            "Rest days",
            "int",
            lo=0,
            hi=366,
            note="Days off between jobs (blank: RestDays in Settings).",
        ),
        Column(
            "Earliest start",
            "date",
            formula=(
                'IF([@Last day]="","",WORKDAY([@Last day]+IF([@Rest days]="",RestDays,[@Rest days]),'
                "1,{HOLIDAYS}))"
            ),
            note="Computed: first business day after the last day plus the rest days.",
        ),
        Column("Agreed start", "date", note="The start date agreed with the new employer."),
        Column(
            "Start flag",
            "text",
            formula=(
                'IF(OR([@Agreed start]="",[@Earliest start]=""),"",'
                f'IF(INT([@Agreed start])<[@Earliest start],"{FLAG_TOO_SOON}",""))'
            ),
            width=11,
            note="Computed: Too soon when the agreed start is before the earliest start.",
        ),
        Column(
            "Applications to withdraw",
            "text",
            formula=_WITHDRAW,
            width=28,
            note="Computed: the other Active applications (with a Date applied) to withdraw, by Pipeline ID.",
        ),
    ),
    note="After accepting an offer: notice, rest and start date.",
    id_column="Offer ID",
)
