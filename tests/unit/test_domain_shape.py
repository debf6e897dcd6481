"""The domain's shape: topics registered where entries are declared, one module per kind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import domain.entries
from domain.entry import PlanEvent, entry_types
from domain.plan import IntegrationPlan
from domain.rules import check_entry
from domain.state import Part, PlanState, fold_entry
from tests.unit.test_entries import DESIGN_ENTRIES

STORED_TOPICS = [
    *(f"iplan:{name}" for name in DESIGN_ENTRIES),
    "iplan:IntegrationPlan",
    "iplan:IntegrationPlan.Snapshot",
]
# Imports only domain.plan, then resolves every topic a stored plan can hold.
FRESH_READER = """
import sys
import domain.plan
from eventsourcing.utils import resolve_topic
unresolved = [t for t in sys.argv[1:] if getattr(resolve_topic(t), "TOPIC", None) != t]
print(" ".join(unresolved))
"""


def test_a_fresh_process_that_imports_only_the_plan_resolves_every_stored_topic() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FRESH_READER, *STORED_TOPICS],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert done.stdout.split() == []


def test_the_plan_names_no_entry_class_but_the_library_hooks() -> None:
    attributes = [
        name
        for name, value in vars(IntegrationPlan).items()
        if isinstance(value, type) and issubclass(value, PlanEvent)
    ]
    assert attributes == ["Event", "Created"]  # the entries' base and the opening


def test_every_kind_of_entry_lives_in_its_own_module_with_a_fold_step() -> None:
    package = Path(domain.entries.__file__).parent
    modules = {path.stem for path in package.glob("*.py")} - {"__init__"}
    assert modules == {
        "consents",
        "consultations",
        "goals",
        "measures",
        "referrals",
        "courses",
        "education",
        "jobs",
        "settlement",
        "lifecycle",
    }
    for entry_type in entry_types():
        assert entry_type.__module__.startswith("domain.entries."), entry_type
        step = fold_entry.dispatch(entry_type)
        assert step is not fold_entry.dispatch(PlanEvent), f"{entry_type.__name__} has no fold step"
        assert step.__name__ != "_", "fold steps are named after what they do"


def test_each_kind_keeps_its_items_in_a_part_of_its_own() -> None:
    assert sorted(part.name for part in Part.declared) == sorted(
        [
            "consents",
            "consultations",
            "goals",
            "measures",
            "referrals",
            "courses",
            "education",
            "jobs",
            "housing",
            "workshops",
        ]
    )
    assert set(PlanState().parts) == {part.name for part in Part.declared}


def test_rules_and_fold_steps_are_named_after_what_they_do() -> None:
    for function in [*check_entry.registry.values(), *fold_entry.registry.values()]:
        assert function.__name__ != "_", function
