from enum import StrEnum


class GoalOutcome(StrEnum):
    ABANDONED = "abandoned"
    ACHIEVED = "achieved"

    def __str__(self) -> str:
        return str(self.value)
