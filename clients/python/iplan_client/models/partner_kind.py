from enum import StrEnum


class PartnerKind(StrEnum):
    AGENTUR_FUER_ARBEIT = "agentur_fuer_arbeit"
    AUSLAENDERBEHOERDE = "auslaenderbehoerde"
    GESUNDHEIT = "gesundheit"
    HELFERKREIS = "helferkreis"
    JOBCENTER = "jobcenter"
    JUGENDMIGRATIONSDIENST = "jugendmigrationsdienst"
    KITA = "kita"
    MIGRATIONSBERATUNG = "migrationsberatung"
    OTHER = "other"
    SCHULE = "schule"
    SPRACHKURSTRAEGER = "sprachkurstraeger"
    WOHLFAHRTSVERBAND = "wohlfahrtsverband"

    def __str__(self) -> str:
        return str(self.value)
