"""Teal's job tracker CSV export: ``company_name``, ``role``, ``url``, ``applied_at``,
``statusName`` (Bookmarked, Applying, Applied, Interviewing, Negotiating, Accepted, I Withdrew,
Not Selected, No Response), and when present ``location``, ``salary``/``min_salary``/``max_salary``,
``excitement`` (1-5) and ``notes``."""

from __future__ import annotations

from ._common import Found, clean, source_of

NEEDED = ("company_name", "role")
STATUSES = {
    "bookmarked": ("Wishlist", "Active"),
    "applying": ("Wishlist", "Active"),
    "applied": ("Applied", "Active"),
    "interviewing": ("Interview", "Active"),
    "negotiating": ("Offer", "Active"),
    "accepted": ("Offer", "Accepted"),
    "i withdrew": ("Applied", "Withdrawn"),
    "withdrawn": ("Applied", "Withdrawn"),
    "not selected": ("Applied", "Rejected"),
    "rejected": ("Applied", "Rejected"),
    "no response": ("Applied", "No response"),
}


def recognise(header: list[str]) -> bool:
    return all(n in header for n in NEEDED)


def _excitement(value: object) -> float | None:
    text = clean(value)
    try:
        n = float(text) if text else None
    except ValueError:
        return None
    return n if n is not None and 1 <= n <= 5 and n.is_integer() else None


def convert(name: str, header: list[str], rows, mapping=None) -> list[Found]:
    out = []
    for n, row in rows:
        origin = f"{name} row {n}"
        status_name = clean(row.get("statusName")) or ""
        stage, status = STATUSES.get(status_name.casefold(), (None, None))
        applied = rows.date(row, "applied_at", origin)
        if stage is None:
            stage, status = ("Applied" if applied else "Wishlist"), "Active"
        url = clean(row.get("url"))
        lo, hi = rows.amounts(row, "salary")
        lo = rows.amounts(row, "min_salary")[0] or lo
        hi = rows.amounts(row, "max_salary")[0] or hi
        values: dict[str, object] = {
            "Company": clean(row.get("company_name")),
            "Role": clean(row.get("role")),
            "Location": clean(row.get("location")),
            "Posting URL": url,
            "Source": source_of(url),
            "Stage": stage,
            "Status": status,
            "Date applied": applied if stage != "Wishlist" else None,
            "Salary min": lo,
            "Salary max": hi,
            "Excitement": _excitement(row.get("excitement")),
            "Notes": clean(row.get("notes"))
            or f"Imported from Teal ({status_name or 'no status'})",
        }
        out.append(Found({k: v for k, v in values.items() if v is not None}, origin))
    return out
