from enum import StrEnum


class GoalViewStatus(StrEnum):
    ABANDONED = "abandoned"
    ACHIEVED = "achieved"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
