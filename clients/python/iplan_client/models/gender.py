from enum import StrEnum


class Gender(StrEnum):
    DIVERSE = "diverse"
    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
