from enum import StrEnum


class Responsible(StrEnum):
    CASEWORKER = "caseworker"
    CLIENT = "client"
    PARTNER = "partner"

    def __str__(self) -> str:
        return str(self.value)
