"""Huntr's CSV export of a board: ``title``, ``companyName``, ``url``, ``listName`` (the column the
job sits in: Wishlist, Applied, Interview, Offer, Rejected...), ``createdAt``, ``location``,
``salary``; ``-`` means blank. Huntr records when a job was added, not when it was applied to:
``createdAt`` stands for the Date applied of every job past the wishlist."""

from __future__ import annotations

from ._common import Found, clean, source_of

NEEDED = ("companyName", "title")
# listName (case-insensitive) -> (Stage, Status); other lists: Applied, Active, with a note
LISTS = {
    "wishlist": ("Wishlist", "Active"),
    "applied": ("Applied", "Active"),
    "phone screen": ("Screen", "Active"),
    "screen": ("Screen", "Active"),
    "interview": ("Interview", "Active"),
    "interviewing": ("Interview", "Active"),
    "final": ("Final", "Active"),
    "offer": ("Offer", "Active"),
    "accepted": ("Offer", "Accepted"),
    "rejected": ("Applied", "Rejected"),
    "withdrawn": ("Applied", "Withdrawn"),
}


def recognise(header: list[str]) -> bool:
    return all(n in header for n in NEEDED)


def convert(name: str, header: list[str], rows, mapping=None) -> list[Found]:
    out = []
    for n, row in rows:
        origin = f"{name} row {n}"
        listname = clean(row.get("listName")) or ""
        stage, status = LISTS.get(listname.casefold(), ("Applied", "Active"))
        url = clean(row.get("url"))
        lo, hi = rows.amounts(row, "salary")
        values: dict[str, object] = {
            "Company": clean(row.get("companyName")),
            "Role": clean(row.get("title")),
            "Location": clean(row.get("location")),
            "Posting URL": url,
            "Source": source_of(url),
            "Stage": stage,
            "Status": status,
            "Salary min": lo,
            "Salary max": hi,
            "Notes": f"Imported from Huntr (list {listname})"
            if listname
            else "Imported from Huntr",
        }
        if stage != "Wishlist":
            values["Date applied"] = rows.date(row, "createdAt", origin)
        out.append(Found({k: v for k, v in values.items() if v is not None}, origin))
    return out
