from enum import StrEnum


class EducationKind(StrEnum):
    KITA = "kita"
    QUALIFICATION_RECOGNITION = "qualification_recognition"
    SCHOOL = "school"
    UNIVERSITY = "university"
    VOCATIONAL_TRAINING = "vocational_training"

    def __str__(self) -> str:
        return str(self.value)
