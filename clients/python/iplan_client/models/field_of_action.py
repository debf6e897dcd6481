from enum import StrEnum


class FieldOfAction(StrEnum):
    AUTHORITIES = "authorities"
    EDUCATION = "education"
    FAMILY = "family"
    HEALTH = "health"
    HOUSING = "housing"
    LANGUAGE = "language"
    ORIENTATION = "orientation"
    PARTICIPATION = "participation"
    WORK = "work"

    def __str__(self) -> str:
        return str(self.value)
