"""Form fields read off the API's own body models, and form data read back into them.

The pages validate with the very models the API validates with; nothing is restated.
"""

from __future__ import annotations

import types
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal, Union, get_args, get_origin
from uuid import UUID

from pydantic import BaseModel, ValidationError
from starlette.datastructures import FormData

from api.web.i18n import N_
from api.web.words import FIELDS, value_label

LONG_TEXTS = frozenset(
    {"notes", "description", "reason", "outcome", "note", "consent_override_reason", "legal_basis"}
)
# Effective dates: filled in with today, the usual answer.
EFFECTIVE_DATES = frozenset(
    {
        "held_on", "given_on", "withdrawn_on", "made_on", "on", "completed_on", "cancelled_on",
        "closed_on", "reopened_on", "secured_on", "attended_on", "ended_on", "set_on",
        "agreed_on", "enrolled_on", "placed_on", "opened_on",
    }
)  # fmt: skip
HOUSEHOLD_ROWS = 3
ERRORS = {
    "missing": N_("Please fill in this field."),
    "string_too_short": N_("Please fill in this field."),
    "date_from_datetime_parsing": N_("Please enter a date."),
    "date_parsing": N_("Please enter a date."),
    "date_type": N_("Please enter a date."),
    "int_parsing": N_("Please enter a whole number."),
    "int_type": N_("Please enter a whole number."),
    "float_type": N_("Please enter a number."),
    "float_parsing": N_("Please enter a number."),
    "literal_error": N_("Please choose one of the options."),
    "greater_than": N_("The number is too small."),
    "greater_than_equal": N_("The number is too small."),
    "less_than_equal": N_("The number is too large."),
    "string_too_long": N_("The text is too long."),
    "string_pattern_mismatch": N_("Please use the format shown."),
    "uuid_parsing": N_("Please choose one of the options."),
}
OTHER_ERROR = N_("Please check this entry.")


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class FormField:
    """One question: its name in the form, its label, how it is asked, its choices."""

    name: str
    label: str
    widget: str  # date, number, text, textarea, select, checkboxes, checkbox, list
    required: bool
    options: tuple[Option, ...] = ()
    group: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _plain(annotation: Any) -> tuple[Any, bool]:
    """The annotation without Annotated and None, and whether None was allowed."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation, optional
        else:
            return annotation, optional


def _options(annotation: Any) -> tuple[Option, ...]:
    return tuple(Option(str(v), value_label(v)) for v in get_args(annotation))


def fields_of(
    model: type[BaseModel], prefix: str = "", choices: dict[str, tuple[Option, ...]] | None = None
) -> list[FormField]:
    """The questions of `model`, nested models flattened to dotted names."""
    found: list[FormField] = []
    for name, info in model.model_fields.items():
        full = f"{prefix}{name}"
        plain, optional = _plain(info.annotation)
        required = info.is_required() and not optional
        label = FIELDS.get(name, name)
        if isinstance(plain, type) and issubclass(plain, BaseModel):
            found += fields_of(plain, f"{full}.", choices)
            continue
        if get_origin(plain) is list:
            item, _ = _plain(get_args(plain)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                for row in range(HOUSEHOLD_ROWS):
                    found += [
                        FormField(**{**vars(f), "group": f"{full}.{row}"})
                        for f in fields_of(item, f"{full}.{row}.", choices)
                    ]
            elif get_origin(item) is Literal:
                found.append(FormField(full, label, "checkboxes", False, _options(item)))
            else:
                found.append(FormField(full, label, "list", required))
            continue
        if choices and name in choices:
            found.append(FormField(full, label, "select", required, choices[name]))
        elif get_origin(plain) is Literal:
            found.append(FormField(full, label, "select", required, _options(plain)))
        elif plain is bool:
            found.append(FormField(full, label, "checkbox", False))
        elif plain is date:
            found.append(FormField(full, label, "date", required))
        elif plain in (int, float):
            step = "any" if plain is float else "1"
            found.append(FormField(full, label, "number", required, extra={"step": step}))
        elif plain is UUID:
            found.append(FormField(full, label, "select", required))
        else:
            widget = "textarea" if name in LONG_TEXTS else "text"
            found.append(FormField(full, label, widget, required))
    return found


def defaults(fields: list[FormField], today: date) -> dict[str, Any]:
    return {
        f.name: today.isoformat()
        for f in fields
        if f.widget == "date" and f.name.rsplit(".", 1)[-1] in EFFECTIVE_DATES
    }


def _put(target: dict[str, Any], dotted: str, value: Any) -> None:
    *path, last = dotted.split(".")
    for part in path:
        target = target.setdefault(part, {})
    target[last] = value


def _get(source: dict[str, Any], dotted: str) -> dict[str, Any]:
    for part in dotted.split("."):
        source = source.get(part, {})
    return source


def _lists(data: dict[str, Any]) -> dict[str, Any]:
    """Rows given as {"0": {...}, "1": {...}} become lists, empty rows left out."""
    for key, value in data.items():
        if isinstance(value, dict):
            if value and all(k.isdigit() for k in value):
                data[key] = [_lists(v) for _, v in sorted(value.items()) if v]
            else:
                _lists(value)
    return data


def read_form(fields: list[FormField], form: FormData) -> tuple[dict[str, Any], dict[str, Any]]:
    """What was typed (to show again) and the body data (to validate)."""
    typed: dict[str, Any] = {}
    data: dict[str, Any] = {}
    for f in fields:
        if "." in f.name and not f.group:
            # A nested part left empty is asked for field by field, not as a whole.
            _put(data, f.name.rsplit(".", 1)[0], _get(data, f.name.rsplit(".", 1)[0]))
        if f.widget == "checkboxes":
            values = [str(v) for v in form.getlist(f.name)]
            typed[f.name] = values
            _put(data, f.name, values)
            continue
        raw = form.get(f.name)
        text = raw.strip() if isinstance(raw, str) else ""
        if f.widget == "checkbox":
            typed[f.name] = bool(text)
            _put(data, f.name, bool(text))
            continue
        typed[f.name] = text
        if text == "":
            continue
        if f.widget == "list":
            _put(data, f.name, [p.strip() for p in text.split(",") if p.strip()])
        elif f.widget == "number":
            # The API takes numbers as numbers; what does not read as one stays text and
            # is refused by the model like any other wrong value.
            _put(data, f.name, _number(text, whole=f.extra.get("step") == "1"))
        else:
            _put(data, f.name, text)
    return typed, _lists(data)


def _number(text: str, *, whole: bool) -> int | float | str:
    try:
        return int(text) if whole else float(text.replace(",", "."))
    except ValueError:
        return text


def field_errors(error: ValidationError) -> dict[str, str]:
    """Each field's first problem, as a message id; by the field's dotted name."""
    found: dict[str, str] = {}
    for e in error.errors():
        name = ".".join(str(p) for p in e.get("loc", ()))
        found.setdefault(name, ERRORS.get(str(e.get("type", "")), OTHER_ERROR))
    return found
