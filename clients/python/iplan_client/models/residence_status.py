from enum import StrEnum


class ResidenceStatus(StrEnum):
    ASYLUM_SEEKER = "asylum_seeker"
    OTHER = "other"
    RECOGNISED_REFUGEE = "recognised_refugee"
    SUBSIDIARY_PROTECTION = "subsidiary_protection"
    TEMPORARY_PROTECTION = "temporary_protection"
    TOLERATION = "toleration"

    def __str__(self) -> str:
        return str(self.value)
