"""Extractor: `catalog`. In: a normalized `Issue`. Out: records (see records.py)."""
from __future__ import annotations

from collections.abc import Iterator

from .layout import Issue


def extract(issue: Issue) -> Iterator:
    return iter(())
