"""The Negotiation sheet: each ask and answer of an offer's negotiation."""

from __future__ import annotations

from ._base import CHANNELS, Column, Table

NEGOTIATION = Table(
    "Negotiation",
    (
        Column("Offer ID", "id", True, True, note="The Offers ID.", width=10, ref="Offers"),
        Column("Date", "date", True, True, note="Day of the exchange."),
        Column("Channel", "choice", choices=CHANNELS, note="Phone, Email, Video or In person."),
        Column("Ask", "text", width=28, note="What you asked for."),
        Column("Arguments", "text", width=30, note="Why: market data, competing offers, scope."),
        Column("Market P50", "money", lo=0, note="Median pay for the role (your research)."),
        Column("Market P75", "money", lo=0, note="75th percentile pay for the role."),
        Column("Response", "text", width=28, note="What they said."),
        Column("Result", "text", width=24, note="What changed."),
    ),
    note="A log of each negotiation exchange.",
)
