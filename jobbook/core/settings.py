"""The Settings of a workbook (docs/definitions.md § The workbook) as plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace

from ..schema import SETTINGS_BY_NAME


@dataclass(frozen=True)
class Settings:
    """Named cells of the Settings sheet; defaults as docs/definitions.md § Settings gives them."""

    AsOf: dt.date | None = SETTINGS_BY_NAME["AsOf"].default
    Country: str = SETTINGS_BY_NAME["Country"].default
    TimeZone: str | None = SETTINGS_BY_NAME["TimeZone"].default
    ThankYouDays: int = SETTINGS_BY_NAME["ThankYouDays"].default
    FollowUpDays: int = SETTINGS_BY_NAME["FollowUpDays"].default
    DecisionDays: int = SETTINGS_BY_NAME["DecisionDays"].default
    NoticeWeeks: float = SETTINGS_BY_NAME["NoticeWeeks"].default
    RestDays: int = SETTINGS_BY_NAME["RestDays"].default
    WorkWeeksPerYear: float = SETTINGS_BY_NAME["WorkWeeksPerYear"].default
    HoursPerWeek: float = SETTINGS_BY_NAME["HoursPerWeek"].default
    HorizonYears: float = SETTINGS_BY_NAME["HorizonYears"].default
    Backups: int = SETTINGS_BY_NAME["Backups"].default
    # the profile (message drafts; YourName also names the person in reports)
    YourName: str | None = None
    YourEmail: str | None = None
    CurrentEmployer: str | None = None
    CurrentManager: str | None = None
    Degree: str | None = None
    Certifications: str | None = None

    def as_of(self, today: dt.date | None = None) -> dt.date:
        """The as-of date: AsOf if set, else `today` (default: the system date)."""
        return self.AsOf or today or dt.date.today()

    def with_values(self, **values: object) -> Settings:
        return replace(self, **values)

    def to_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


assert {f.name for f in fields(Settings)} == set(SETTINGS_BY_NAME), (
    "Settings out of step with schema"
)
