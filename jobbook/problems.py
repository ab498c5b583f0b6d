"""Problems found in a workbook, each naming its sheet and cell."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem: ``Pipeline!J7: "n/a" is not a number (Salary min)``."""

    sheet: str
    cell: str | None
    message: str
    severity: str = ERROR
    column: str | None = None  # the schema header concerned, if any
    # an error that stops a command needing its column; False: a contradiction between rows
    # (two acceptances) that `check` reports as an error while the other commands warn and go on
    stops: bool = True

    def __str__(self) -> str:
        where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        return f"{where}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_dict(self) -> dict[str, str | None]:
        return {
            "sheet": self.sheet,
            "cell": self.cell,
            "severity": self.severity,
            "column": self.column,
            "message": self.message,
        }
