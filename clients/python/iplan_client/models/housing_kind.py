from enum import StrEnum


class HousingKind(StrEnum):
    OTHER = "other"
    PRIVATE_RENTAL = "private_rental"
    SOCIAL_HOUSING = "social_housing"

    def __str__(self) -> str:
        return str(self.value)
