from enum import StrEnum


class GoalOutcomeBodyOutcome(StrEnum):
    ABANDONED = "abandoned"
    ACHIEVED = "achieved"

    def __str__(self) -> str:
        return str(self.value)
