"""Careers: a person's timeline from every kind of evidence in the store.

In: a `GraphStore` and a person's name (or no name: everyone). Out: `career(store, name)` ->
`Career` joining, each row saying which kind of evidence it is and citing its source (issue,
document, line, quote):
- `act`: personnel acts (任 / 兼任 / 免去 …) and the `Tenure`s they make (below);
- `sighting`: the person printed with a post in another text (gkg:PersonPostObservation);
- `inferred`: a post held as far as sightings show it, where no act opens or closes it: an
  inferred tenure from the first to the last sighting (its sightings listed);
- `division`: a division of work (领导分工): supervises / liaises / is responsible for a body
  or an area, since the notice's date and until a later notice of the same government no
  longer states it (superseded);
- `attendance`: the events (政府记事) the person attended.
Persons are keyed within their jurisdiction (gkg:jurisdiction): a name may be several persons;
every row shows the jurisdiction of the person it is about.

Tenures from acts. In: act rows from the store (the stored query `person_acts` for one name, `appointments` for
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
from typing import Any, cast

from .queries import SOURCE_FIELDS, run_stored
from .store import GraphStore, QueryResult
from .vocab import sparql_prologue
from .vocabulary import vocabulary

#: The kinds of evidence a career row can be (the `evidence` column), in display order.
EVIDENCE = ("act", "inferred", "sighting", "division", "attendance")

#: Act codes that open a tenure ("appoint", "concurrent") and that close one ("remove"):
#: gkg:tenureEffect in the ontology.
OPENING_ACTS = vocabulary().tenure_codes("opens")
CLOSING_ACTS = vocabulary().tenure_codes("closes")

#: Columns of the act rows the stored queries `person_acts` and `appointments` return.
ACT_COLUMNS = ("person", "date", "act", "post", "organization", "qualifier", "issue", "document", "line", "quote",
               "person_iri", "tenure_iri")


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
            closing = open_by_key.pop(key, None)
            if closing is None:
                closing = Tenure(person=act.person, post=act.post, organization=act.organization)
                out.append(closing)
            closing.end = act.date
            closing.end_source = source_label(act)
            closing.acts.append(act)
    return out


def person_acts(store: GraphStore, name: str) -> list[Act]:
    return acts_from_result(run_stored(store, "person_acts", {"person": name}))


def all_acts(store: GraphStore) -> list[Act]:
    return acts_from_result(run_stored(store, "appointments"))


#: PREFIX lines for every namespace of the ontology (graph/vocab.py), said once.
_PREFIXES = sparql_prologue()

#: The source of fact ?f, one sample per fact (the GROUP BY of each query below).
_SOURCE = """
  OPTIONAL {
    ?f prov:wasDerivedFrom ?src .""" + SOURCE_FIELDS + """
  }
  OPTIONAL { ?person_iri gkg:jurisdiction ?pj . ?pj rdfs:label ?pjLabel }"""

_SOURCE_COLUMNS = """(SAMPLE(?issueLabel) AS ?issue) (SAMPLE(COALESCE(?docNumber, ?docTitle)) AS ?document)
       (SAMPLE(?l) AS ?line) (SAMPLE(?exact) AS ?quote) (SAMPLE(?pjLabel) AS ?jurisdiction)"""

# Each query starts from the bound name (`?person`, when given) so Oxigraph joins from it.
_OBSERVATIONS = _PREFIXES + f"""
SELECT ?f ?person ?person_iri (SAMPLE(STR(?d)) AS ?date) (SAMPLE(?postLabel) AS ?post) (SAMPLE(?bodyLabel) AS ?organization)
       (SAMPLE(?postNode) AS ?post_iri) {_SOURCE_COLUMNS}
WHERE {{
  ?person_iri foaf:name ?person .
  ?f gkg:person ?person_iri ; a gkg:PersonPostObservation ; gkg:post ?postNode .
  ?postNode skos:prefLabel ?postLabel .
  OPTIONAL {{ ?postNode org:postIn ?body . ?body skos:prefLabel ?bodyLabel }}
  OPTIONAL {{ ?f gkg:date ?d }}
  {_SOURCE}
}}
GROUP BY ?f ?person ?person_iri
"""

_RESPONSIBILITIES = _PREFIXES + f"""
SELECT ?f ?person ?person_iri ?relation (SAMPLE(STR(?d)) AS ?date) (SAMPLE(?objectLabel) AS ?object)
       (SAMPLE(?o) AS ?object_iri) (SAMPLE(?area) AS ?is_area) (SAMPLE(?division) AS ?division)
       {_SOURCE_COLUMNS}
WHERE {{
  ?person_iri foaf:name ?person .
  ?f gkg:person ?person_iri ; a ?class .
  ?class rdfs:subClassOf gkg:ResponsibilityAssignment ; gkg:recordCode ?relation .
  OPTIONAL {{ ?f gkg:responsibilityObject ?o . ?o skos:prefLabel ?objectLabel .
             OPTIONAL {{ ?o a gkg:WorkArea . BIND("area" AS ?area) }} }}
  OPTIONAL {{ ?f gkg:date ?d }}
  OPTIONAL {{ ?f gkg:division ?division }}
  {_SOURCE}
}}
GROUP BY ?f ?person ?person_iri ?relation
"""

#: Every division of work with its government and date: a later one of the same government
#: supersedes an earlier one.
_DIVISIONS = _PREFIXES + """
SELECT ?division (SAMPLE(STR(?d)) AS ?date) (SAMPLE(COALESCE(STR(?j), ?city)) AS ?government)
WHERE {
  ?division a gkg:DivisionOfWork .
  OPTIONAL { ?division gkg:date ?d }
  OPTIONAL { ?division gkg:jurisdiction ?j }
  OPTIONAL { ?division gkg:city ?city }
}
GROUP BY ?division
"""

_ATTENDANCE = _PREFIXES + f"""
SELECT ?f ?person ?person_iri (SAMPLE(STR(?d)) AS ?date) (SAMPLE(?text) AS ?event) (SAMPLE(?e) AS ?event_iri)
       {_SOURCE_COLUMNS}
WHERE {{
  ?person_iri foaf:name ?person .
  ?f gkg:person ?person_iri ; a gkg:Attendance ; gkg:event ?e .
  OPTIONAL {{ ?e gkg:text ?text }}
  OPTIONAL {{ ?e gkg:date ?d }}
  {_SOURCE}
}}
GROUP BY ?f ?person ?person_iri
"""

_PERSONS = _PREFIXES + """
SELECT ?person ?person_iri (SAMPLE(?pjLabel) AS ?jurisdiction)
WHERE {
  ?person_iri foaf:name ?person ; a gkg:Person .
  OPTIONAL { ?person_iri gkg:jurisdiction ?pj . ?pj rdfs:label ?pjLabel }
}
GROUP BY ?person ?person_iri
"""


@dataclass(frozen=True)
class Evidence:
    """One dated piece of evidence in a career other than a personnel act."""

    evidence: str                 # sighting | division | attendance
    person: str
    date: str | None
    what: str                     # the post (sighting), the relation (division), "attends"
    post: str | None = None
    organization: str | None = None   # the body (a sighting's post's body, a division's object)
    until: str | None = None      # a division's assignment: the date a later notice dropped it
    jurisdiction: str | None = None
    issue: str | None = None
    document: str | None = None
    line: int | None = None
    quote: str | None = None
    person_iri: str | None = None
    post_iri: str | None = None

    def sort_key(self) -> tuple:
        return (self.date is None, self.date or "", self.issue or "", self.line or 0)


@dataclass
class InferredTenure:
    """A post seen held (PersonPostObservation) and opened by no act in the store: from the
    first sighting to the last, as far as the texts show it."""

    person: str
    post: str
    organization: str | None
    sightings: list[Evidence]
    jurisdiction: str | None = None

    @property
    def first(self) -> str | None:
        return self.sightings[0].date if self.sightings else None

    @property
    def last(self) -> str | None:
        return self.sightings[-1].date if self.sightings else None

    def dates(self) -> str:
        return ", ".join(dict.fromkeys(s.date[:7] for s in self.sightings if s.date))

    def row(self) -> dict[str, Any]:
        first = self.sightings[0] if self.sightings else None
        return {"person": self.person, "post": self.post, "organization": self.organization,
                "start": self.first, "end": self.last, "qualifier": None, "evidence": "inferred",
                "start_source": _label(first) if first else None,
                "end_source": _label(self.sightings[-1]) if self.sightings else None,
                "sightings": self.dates(), "jurisdiction": self.jurisdiction}


def _label(e: Evidence) -> str:
    parts = [p for p in (e.issue, e.document) if p]
    if e.line:
        parts.append(f"line {e.line}")
    return ", ".join(parts)


def _values(result: QueryResult) -> list[dict[str, Any]]:
    """A result's rows as plain dicts (typed loosely: a column may be unbound)."""
    return cast(list[dict[str, Any]], result.values())


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def _evidence(kind: str, row: Mapping[str, Any], **kw: Any) -> Evidence:
    return Evidence(evidence=kind, person=row["person"], date=row.get("date") or None,
                    jurisdiction=row.get("jurisdiction"), issue=row.get("issue"), document=row.get("document"),
                    line=_int(row.get("line")), quote=row.get("quote"), person_iri=row.get("person_iri"), **kw)


def _bound(name: str | None) -> dict[str, str] | None:
    return {"person": name} if name else None


def sightings(store: GraphStore, name: str | None = None) -> list[Evidence]:
    rows = _values(store.query(_OBSERVATIONS, _bound(name)))
    out = {_evidence("sighting", r, what=r["post"] or "", post=r["post"], organization=r.get("organization"),
                     post_iri=r.get("post_iri")) for r in rows}
    return sorted(out, key=Evidence.sort_key)


def attendance(store: GraphStore, name: str | None = None) -> list[Evidence]:
    rows = _values(store.query(_ATTENDANCE, _bound(name)))
    return sorted({_evidence("attendance", r, what="attends") for r in rows}, key=Evidence.sort_key)


def superseded_on(assignments: Iterable[tuple[tuple, str | None, str | None]],
                  notices: Iterable[tuple[str, str | None, str | None]]) -> dict[tuple[tuple, str], str | None]:
    """When each assignment stopped being stated: the date of the first later notice of the
    same government that does not state it (None: still in force, as far as the store knows).

    `assignments`: (key, division, date), the key saying what is assigned (person, relation,
    object); `notices`: (division, government, date). A later notice restating the assignment
    keeps it in force; a notice of another government never supersedes it."""
    assignments = list(assignments)
    by_government: dict[str, list[tuple[str, str]]] = {}
    government_of: dict[str, str] = {}
    for notice, government, dated_on in notices:
        government_of[notice] = government or ""
        if dated_on:
            by_government.setdefault(government or "", []).append((dated_on, notice))
    for dated_notices in by_government.values():
        dated_notices.sort()
    stated: dict[tuple, set[str]] = {}
    for key, division, _ in assignments:
        stated.setdefault(key, set()).add(division or "")
    out: dict[tuple[tuple, str], str | None] = {}
    for key, division, when in assignments:
        until = None
        for later, notice in by_government.get(government_of.get(division or "", ""), ()):
            if when and later[:len(when)] > when[:len(later)] and notice not in stated[key]:
                until = later
                break
        out[(key, division or "")] = until
    return out


def divisions(store: GraphStore, name: str | None = None) -> list[Evidence]:
    """The person's assignments in divisions of work, each from the notice that states it
    until the first later notice of the same government that no longer does (superseded)."""
    notices = [(n["division"], n["government"], n["date"]) for n in _values(store.query(_DIVISIONS))]
    rows = _values(store.query(_RESPONSIBILITIES, _bound(name)))

    def key(r):
        return (r["person_iri"], r["relation"], r.get("object_iri"))

    until = superseded_on([(key(r), r.get("division"), r.get("date")) for r in rows], notices)
    out = {_evidence("division", r, what=r["relation"], organization=r.get("object"),
                     until=until[(key(r), r.get("division") or "")]) for r in rows}
    return sorted(out, key=Evidence.sort_key)


def _post_key(organization: str | None, post: str) -> str:
    return re.sub(r"\s+", "", (organization or "") + post)


def infer_tenures(acts: Iterable[Act], seen: Iterable[Evidence]) -> list[InferredTenure]:
    """Sightings of a post no act of the same person names, grouped into inferred tenures.

    A post is the same when organization + post read the same once whitespace is dropped, so
    a sighting "市长" of 温州市人民政府 lines up with an act naming 温州市人民政府 + 市长."""
    acted = {(a.person_key, _post_key(a.organization, a.post)) for a in acts}
    groups: dict[tuple[str, str], list[Evidence]] = {}
    for s in sorted(seen, key=Evidence.sort_key):
        key = (s.person_iri or s.person, _post_key(s.organization, s.post or ""))
        if key in acted:
            continue
        groups.setdefault(key, []).append(s)
    out = [InferredTenure(person=g[0].person, post=g[0].post or "", organization=g[0].organization, sightings=g,
                          jurisdiction=g[0].jurisdiction) for g in groups.values()]
    return sorted(out, key=lambda t: (t.person, t.first or "", t.organization or "", t.post))


@dataclass
class Career:
    name: str
    acts: list[Act]
    tenures: list[Tenure]
    inferred: list[InferredTenure] = field(default_factory=list)
    sightings: list[Evidence] = field(default_factory=list)
    divisions: list[Evidence] = field(default_factory=list)
    attendance: list[Evidence] = field(default_factory=list)
    jurisdictions: dict[str, str | None] = field(default_factory=dict)   # person IRI -> jurisdiction

    def __bool__(self) -> bool:
        return bool(self.acts or self.sightings or self.divisions or self.attendance)

    def sightings_of(self, tenure: Tenure) -> list[Evidence]:
        """The sightings of an act tenure's post (they confirm it is held on those dates)."""
        key = _post_key(tenure.organization, tenure.post)
        persons = {a.person_key for a in tenure.acts}
        return [s for s in self.sightings
                if _post_key(s.organization, s.post or "") == key and (s.person_iri or s.person) in persons]

    def rows(self) -> list[dict[str, Any]]:
        """The timeline, oldest first: one row per act (with the tenure it belongs to), per
        inferred tenure (first to last sighting), per sighting, per division-of-work
        assignment and per event attended; each with its evidence kind and source."""
        tenure_of = {id(a): t for t in self.tenures for a in t.acts}
        rows = []
        for act in self.acts:
            t = tenure_of.get(id(act))
            rows.append({
                "date": act.date, "until": None, "evidence": "act", "act": act.act, "post": act.post,
                "organization": act.organization, "qualifier": act.qualifier,
                "tenure_start": t.start if t else None, "tenure_end": t.end if t else None, "sightings": None,
                "jurisdiction": self.jurisdictions.get(act.person_iri or ""),
                "issue": act.issue, "document": act.document, "line": act.line, "quote": act.quote,
            })
        for it in self.inferred:
            first = it.sightings[0]
            rows.append({
                "date": it.first, "until": it.last, "evidence": "inferred", "act": "holds", "post": it.post,
                "organization": it.organization, "qualifier": None, "tenure_start": it.first, "tenure_end": it.last,
                "sightings": it.dates(), "jurisdiction": it.jurisdiction,
                "issue": first.issue, "document": first.document, "line": first.line, "quote": first.quote,
            })
        for e in [*self.sightings, *self.divisions, *self.attendance]:
            rows.append({
                "date": e.date, "until": e.until, "evidence": e.evidence, "act": e.what, "post": e.post,
                "organization": e.organization, "qualifier": None, "tenure_start": None, "tenure_end": None,
                "sightings": None, "jurisdiction": e.jurisdiction,
                "issue": e.issue, "document": e.document, "line": e.line, "quote": e.quote,
            })
        order = {k: i for i, k in enumerate(EVIDENCE)}
        return sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "", order[r["evidence"]], r["issue"] or "", r["line"] or 0))

    def json(self) -> dict[str, Any]:
        return {"person": self.name,
                "jurisdictions": sorted({j for j in self.jurisdictions.values() if j}),
                "tenures": [{**t.row(), "evidence": "act",
                             "sightings": ", ".join(dict.fromkeys(s.date[:7] for s in self.sightings_of(t) if s.date))}
                            for t in self.tenures]
                           + [t.row() for t in self.inferred],
                "timeline": self.rows()}


CAREER_COLUMNS = ("date", "until", "evidence", "act", "post", "organization", "qualifier", "tenure_start", "tenure_end",
                  "sightings", "jurisdiction", "issue", "document", "line", "quote")

#: Columns of `govkg export tenures`: act tenures and inferred ones.
ALL_TENURE_COLUMNS = ("person", "jurisdiction", "evidence", "post", "organization", "start", "end", "qualifier",
                      "sightings", "start_source", "end_source")


def _jurisdictions(store: GraphStore, name: str | None) -> dict[str, str | None]:
    return {r["person_iri"]: r.get("jurisdiction") for r in _values(store.query(_PERSONS, _bound(name)))}


def career(store: GraphStore, name: str) -> Career:
    name = "".join(name.split())
    acts = person_acts(store, name)
    seen = sightings(store, name)
    return Career(name=name, acts=acts, tenures=tenures(acts), inferred=infer_tenures(acts, seen), sightings=seen,
                  divisions=divisions(store, name), attendance=attendance(store, name),
                  jurisdictions=_jurisdictions(store, name))


def all_tenure_rows(store: GraphStore) -> list[dict[str, Any]]:
    """Every tenure in the store: from acts (evidence "act") and inferred from sightings
    (evidence "inferred", start and end the first and last sighting)."""
    acts = all_acts(store)
    where = _jurisdictions(store, None)
    seen = sightings(store)
    rows = [{**t.row(), "evidence": "act", "sightings": None,
             "jurisdiction": where.get(next((a.person_iri for a in t.acts if a.person_iri), ""))} for t in tenures(acts)]
    rows += [t.row() for t in infer_tenures(acts, seen)]
    return sorted(rows, key=lambda r: (r["person"], r["start"] or "", r["end"] or "", r["organization"] or "", r["post"]))
