"""Careers: a person's personnel acts across every issue in the store, and the tenures they make.

In: act rows from the store (the stored query `person_acts` for one name, `appointments` for
everyone), each with person, date, act, post, organization, qualifier and its source (issue,
document, line, quote). Out: `Act`s in time order and `Tenure`s: spans of holding one post,
opened by an appointment (任 / 兼任) and closed by a removal (免去) of the same person from the
same post, in the same issue or a later one.

Rules (the why is in the comments where they apply):
- Same person: acts are grouped by the person's IRI. The mapping (graph.resolve) gives one IRI
  per name across issues -- same name, same person -- and mints a different IRI only when it
  has evidence the two are different people; careers never merges two IRIs by name itself.
- Same post: two acts concern the same post when they share the mapping's tenure IRI (keyed by
  person, resolved organization and post); without one, when organization + post read the same
  once whitespace is dropped, so "温州市公安局" + "禁毒支队支队长" matches
  "温州市公安局禁毒支队" + "支队长".
- A removal closes the latest open tenure of that post; a removal with none open is a tenure
  whose start the store does not know. A second appointment to a post already open restates
  it (gazettes reprint), it does not open another tenure.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from .store import GraphStore, QueryResult
from .vocabulary import vocabulary

#: Act codes that open a tenure ("appoint", "concurrent") and that close one ("remove"):
#: gkg:tenureEffect in the ontology.
OPENING_ACTS = vocabulary().tenure_codes("opens")
CLOSING_ACTS = vocabulary().tenure_codes("closes")

#: Columns of the act rows the stored queries `person_acts` and `appointments` return.
ACT_COLUMNS = ("person", "date", "act", "post", "organization", "qualifier", "issue", "document", "line", "quote", "person_iri", "tenure_iri")


@dataclass(frozen=True)
class Act:
    person: str
    date: str | None            # ISO date, or YYYY-MM / YYYY when only that is known
    act: str                    # appoint | concurrent | remove | other
    post: str
    organization: str | None
    qualifier: str | None = None
    issue: str | None = None
    document: str | None = None
    line: int | None = None
    quote: str | None = None
    person_iri: str | None = None
    tenure_iri: str | None = None

    @property
    def person_key(self) -> str:
        return self.person_iri or self.person

    @property
    def post_key(self) -> str:
        if self.tenure_iri:
            return self.tenure_iri
        return re.sub(r"\s+", "", (self.organization or "") + self.post)

    def sort_key(self) -> tuple:
        # Undated acts go last; within a date, an appointment before a removal of the same
        # day keeps "appointed and removed the same day" a closed tenure, not an orphan.
        return (self.date is None, self.date or "", self.issue or "", self.line or 0, self.act in CLOSING_ACTS)


@dataclass
class Tenure:
    person: str
    post: str
    organization: str | None
    start: str | None = None          # date of the opening act (None: began before our record)
    end: str | None = None            # date of the removal (None: still held, as far as we know)
    qualifier: str | None = None
    start_source: str | None = None   # "issue, document, line N"
    end_source: str | None = None
    acts: list[Act] = field(default_factory=list)

    @property
    def open(self) -> bool:
        return self.end is None

    def row(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("acts")
        return out


TENURE_COLUMNS = ("person", "post", "organization", "start", "end", "qualifier", "start_source", "end_source")


def source_label(act: Act) -> str:
    parts = [p for p in (act.issue, act.document) if p]
    if act.line:
        parts.append(f"line {act.line}")
    return ", ".join(parts)


def act_from_row(row: Mapping[str, Any]) -> Act:
    line = row.get("line")
    return Act(
        person=row["person"],
        date=row.get("date") or None,
        act=row.get("act") or "other",
        post=row.get("post") or "",
        organization=row.get("organization") or None,
        qualifier=row.get("qualifier") or None,
        issue=row.get("issue") or None,
        document=row.get("document") or None,
        line=int(line) if line not in (None, "") else None,
        quote=row.get("quote") or None,
        person_iri=row.get("person_iri") or None,
        tenure_iri=row.get("tenure_iri") or None,
    )


def acts_from_result(result: QueryResult) -> list[Act]:
    acts = {act_from_row(row) for row in result.values()}
    return sorted(acts, key=Act.sort_key)


def tenures(acts: Iterable[Act]) -> list[Tenure]:
    """Pair opening and closing acts of the same person and post into tenures, in time order."""
    out: list[Tenure] = []
    open_by_key: dict[tuple[str, str], Tenure] = {}
    for act in sorted(acts, key=Act.sort_key):
        key = (act.person_key, act.post_key)
        if act.act in OPENING_ACTS:
            current = open_by_key.get(key)
            if current is not None:
                current.acts.append(act)      # restated appointment: same tenure
                continue
            tenure = Tenure(person=act.person, post=act.post, organization=act.organization, start=act.date,
                            qualifier=act.qualifier, start_source=source_label(act), acts=[act])
            open_by_key[key] = tenure
            out.append(tenure)
        elif act.act in CLOSING_ACTS:
            tenure = open_by_key.pop(key, None)
            if tenure is None:
                tenure = Tenure(person=act.person, post=act.post, organization=act.organization)
                out.append(tenure)
            tenure.end = act.date
            tenure.end_source = source_label(act)
            tenure.acts.append(act)
    return out


def person_acts(store: GraphStore, name: str) -> list[Act]:
    from .queries import run_stored

    return acts_from_result(run_stored(store, "person_acts", {"person": name}))


def all_acts(store: GraphStore) -> list[Act]:
    from .queries import run_stored

    return acts_from_result(run_stored(store, "appointments"))


@dataclass
class Career:
    name: str
    acts: list[Act]
    tenures: list[Tenure]

    def rows(self) -> list[dict[str, Any]]:
        """The timeline: one row per act, with the tenure it belongs to."""
        tenure_of = {id(a): t for t in self.tenures for a in t.acts}
        rows = []
        for act in self.acts:
            t = tenure_of.get(id(act))
            rows.append({
                "date": act.date, "act": act.act, "post": act.post, "organization": act.organization,
                "qualifier": act.qualifier,
                "tenure_start": t.start if t else None, "tenure_end": t.end if t else None,
                "issue": act.issue, "document": act.document, "line": act.line, "quote": act.quote,
            })
        return rows


CAREER_COLUMNS = ("date", "act", "post", "organization", "qualifier", "tenure_start", "tenure_end", "issue", "document", "line", "quote")


def career(store: GraphStore, name: str) -> Career:
    acts = person_acts(store, name)
    return Career(name=name, acts=acts, tenures=tenures(acts))
