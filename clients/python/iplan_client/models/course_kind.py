from enum import StrEnum


class CourseKind(StrEnum):
    ALPHABETISIERUNGSKURS = "alphabetisierungskurs"
    BERUFSSPRACHKURS = "berufssprachkurs"
    ERSTORIENTIERUNGSKURS = "erstorientierungskurs"
    INTEGRATIONSKURS = "integrationskurs"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
