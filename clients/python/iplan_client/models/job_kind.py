from enum import StrEnum


class JobKind(StrEnum):
    APPRENTICESHIP = "apprenticeship"
    EMPLOYMENT = "employment"
    INTERNSHIP = "internship"
    MINIJOB = "minijob"
    SELF_EMPLOYMENT = "self_employment"

    def __str__(self) -> str:
        return str(self.value)
