"""The registry of extractors: one module per record kind, one entry point each.

In: a normalized `Issue`. Out: `extract_all(issue)` runs every registered extractor and
returns {section name: [records]}; `schema_json(issue, found)` is the JSON object of
docs/SCHEMA.md for the issue.

Each extractor is a module with `extract(issue) -> Iterable[record]`; adding a kind of fact
means adding a module and a line here, nothing else.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from . import appointments, catalog, documents, events, pairings, person_posts, responsibilities
from .layout import Issue, input_kind
from .records import to_json

#: section name (as in SCHEMA.md) -> extractor entry point, in the order they run.
EXTRACTORS: dict[str, Callable[[Issue], Iterable[Any]]] = {
    "documents": documents.extract,
    "catalog": catalog.extract,
    "appointments": appointments.extract,
    "responsibilities": responsibilities.extract,
    "person_posts": person_posts.extract,
    "events": events.extract,
    "pairings": pairings.extract,
}

#: The sections SCHEMA.md defines (events are ours: the graph uses them, the scorer does not).
SCHEMA_SECTIONS = ("documents", "catalog", "appointments", "responsibilities", "person_posts", "pairings")


def extract_all(issue: Issue, only: Iterable[str] | None = None) -> dict[str, list[Any]]:
    names = list(only) if only else list(EXTRACTORS)
    # What the extractors share (Issue.derived) is made afresh by this run, and dropped once
    # all have run (or one failed): it is not kept alive with the issue.
    issue.derived.clear()
    try:
        return {name: list(EXTRACTORS[name](issue)) for name in names}
    finally:
        issue.derived.clear()


def _input(issue: Issue, kind: str) -> dict[str, Any]:
    """What the input was: its kind, and for a file read by extractors/sources.py its format,
    SHA-256 (so a cited fact can be checked against the very file), whether any text was
    recognised by OCR, and a web page's metadata."""
    out: dict[str, Any] = {"kind": kind}
    origin = issue.origin
    if origin is not None:
        out.update(format=origin.format, sha256=origin.sha256, ocr=origin.ocr)
        if origin.metadata:
            out["metadata"] = dict(sorted(origin.metadata.items()))
    return out


def schema_json(issue: Issue, found: dict[str, list[Any]]) -> dict[str, Any]:
    g = issue.gazette
    kind = input_kind(issue)
    out: dict[str, Any] = {
        "seed": issue.name,
        "input": _input(issue, kind),
        # SCHEMA.md: a text that is not a gazette issue has an empty gazette object.
        "gazette": {"name": g.name, "year": g.year, "issue": g.issue, "total_issue": g.total_issue} if kind == "issue" else {},
    }
    for name in SCHEMA_SECTIONS:
        out[name] = [to_json(r) for r in found.get(name, [])]
    out["events"] = [to_json(r) for r in found.get("events", [])]
    return out
