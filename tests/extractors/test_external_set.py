"""Golden test over texts of other places (tests/fixtures/external: divisions of work, rosters,
人大 personnel decisions and news, documents, pairings from seventeen governments), scored with
the comparison rules of docs/SCHEMA.md and micro-averaged per section.

These are floors, not targets: the texts are development data, and quality is judged on texts
of the same kinds that are not here. A floor is raised when the extractors read more; it never
pins a count.
"""
from __future__ import annotations

import pytest

from tests.helpers import external_set

#: section -> (F1 floor, precision floor)
FLOORS = {
    "documents": (0.95, 0.95),
    "appointments": (0.95, 0.95),
    "responsibilities": (0.95, 0.95),
    "pairings": (0.95, 0.95),
    "person_posts": (0.95, 0.97),
}


def test_no_text_is_refused():
    result = external_set()
    assert result.texts >= 20
    assert result.refused == []


@pytest.mark.parametrize("section", sorted(FLOORS))
def test_section_meets_its_floor(section):
    result = external_set()
    f1_floor, precision_floor = FLOORS[section]
    misses = [e for e in result.errors if e[1] == section]
    assert result.f1(section) >= f1_floor, misses
    assert result.precision(section) >= precision_floor, misses
