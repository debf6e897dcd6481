from enum import StrEnum


class CourseViewStatus(StrEnum):
    COMPLETED = "completed"
    DISCONTINUED = "discontinued"
    ENROLLED = "enrolled"

    def __str__(self) -> str:
        return str(self.value)
