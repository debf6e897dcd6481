from enum import StrEnum


class ClosureReason(StrEnum):
    ADVICE_PERIOD_ENDED = "advice_period_ended"
    DECLINED = "declined"
    GOALS_ACHIEVED = "goals_achieved"
    LEFT_GERMANY = "left_germany"
    MOVED_AWAY = "moved_away"
    NO_CONTACT = "no_contact"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
