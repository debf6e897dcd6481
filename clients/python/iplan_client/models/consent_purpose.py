from enum import StrEnum


class ConsentPurpose(StrEnum):
    PROCESSING = "processing"
    SHARE_WITH_PARTNER = "share_with_partner"
    STATISTICS = "statistics"

    def __str__(self) -> str:
        return str(self.value)
