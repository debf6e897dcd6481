from enum import StrEnum


class GetStatsTableFormat(StrEnum):
    CSV_DE = "csv-de"
    JSON = "json"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
