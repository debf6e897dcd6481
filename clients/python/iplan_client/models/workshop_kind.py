from enum import StrEnum


class WorkshopKind(StrEnum):
    GEWALTFREIE_KOMMUNIKATION = "gewaltfreie_kommunikation"
    INTERKULTURELLES_TRAINING = "interkulturelles_training"
    OTHER = "other"
    WERTEVERMITTLUNG = "wertevermittlung"
    WOHNUNGSFUEHRERSCHEIN = "wohnungsfuehrerschein"

    def __str__(self) -> str:
        return str(self.value)
