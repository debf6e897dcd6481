from enum import StrEnum


class ConsultationSetting(StrEnum):
    ACCOMMODATION = "accommodation"
    OFFICE = "office"
    OUTREACH = "outreach"
    PHONE = "phone"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)
