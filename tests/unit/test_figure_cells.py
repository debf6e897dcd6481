"""The county's cells hold only what its figure differs by from its municipalities' sum."""

from projections.contributions import ALL
from projections.figure_cells import summed, vectors

A, B = "08317096", "08317057"


def test_a_plan_in_one_municipality_adds_nothing_to_the_county_cells() -> None:
    contributions = {
        (A, "2025-Q1", "consultations", -1): [3.0, 0.0],
        (ALL, "2025-Q1", "consultations", -1): [3.0, 0.0],
    }
    assert vectors(contributions) == {(A, "2025-Q1", "consultations", -1): (1, 3, 0, 0, 1)}


def test_a_plan_that_moved_counts_once_in_the_county() -> None:
    contributions = {
        (A, "2025-Q1", "consultations", -1): [2.0, 0.0],
        (B, "2025-Q1", "consultations", -1): [1.0, 0.0],
        (ALL, "2025-Q1", "consultations", -1): [3.0, 0.0],
        (A, "2025-01", "consultations", -1): [2.0, 0.0],
        (ALL, "2025-01", "consultations", -1): [2.0, 0.0],
    }
    found = vectors(contributions)
    # Two persons in the municipalities' sum, one in the county; the value adds up.
    assert found[(ALL, "2025-Q1", "consultations", -1)] == (-1, 0, 0, 0, -1)
    assert (ALL, "2025-01", "consultations", -1) not in found  # January: only in A
    county = {
        key: totals
        for key, totals in summed(
            [
                {
                    "categories": '["female", "27-44", "SY", "asylum_seeker", "1"]',
                    "cells": "["
                    + ",".join(
                        f'["{w}", "{p}", "{m}", {d}, {v}, {part}]'
                        for (w, p, m, d), (v, part) in contributions.items()
                    )
                    + "]",
                }
            ]
        ).items()
        if key[3] == ""
    }
    quarter = [t for (w, p, *_), t in county.items() if p == "2025-Q1"]
    assert [sum(t[i] for t in quarter) for i in range(2)] == [1.0, 3.0]
