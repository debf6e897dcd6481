from enum import StrEnum


class GetAuditLogKind(StrEnum):
    ENTRY = "entry"
    READ = "read"

    def __str__(self) -> str:
        return str(self.value)
