from enum import StrEnum


class GetStateReportFormat(StrEnum):
    CSV = "csv"
    CSV_DE = "csv-de"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
