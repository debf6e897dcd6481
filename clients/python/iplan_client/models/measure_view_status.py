from enum import StrEnum


class MeasureViewStatus(StrEnum):
    AGREED = "agreed"
    CANCELLED = "cancelled"
    COMPLETED = "completed"

    def __str__(self) -> str:
        return str(self.value)
