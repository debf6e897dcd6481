from enum import StrEnum


class PlanViewStatus(StrEnum):
    CLOSED = "closed"
    ERASED = "erased"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
