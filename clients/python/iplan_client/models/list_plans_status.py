from enum import StrEnum


class ListPlansStatus(StrEnum):
    CLOSED = "closed"
    ERASED = "erased"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
