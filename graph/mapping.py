"""Records -> RDF: one issue's extracted records in, its quads out.

In: `issue_nquads(issue, found, resolver=None)` takes a layout `Issue` and `found`, the
{section: [records]} of `govkg.extractors.registry.extract_all`; `issue_quads` the same, giving
`pyoxigraph.Quad`s. Out: quads on the ontology
(ontology/govkg.ttl, terms from graph/vocab.py) in two named graphs:
- the issue's facts in ONE named graph per issue, `ids.graph_node(issue.key)` =
  https://w3id.org/govkg/id/graph/<issue key>, so re-ingesting an issue replaces exactly its
  own facts;
- entity descriptions in the one shared graph `ids.ENTITIES_GRAPH`: what a person, body, post,
  area of work, place, tenure or document IS (type, names, labels, the body a post is in,
  a reformed body's predecessor, a document's number and title), each a function of the
  entity's key alone. A body named in 200 issues is described once, not 200 times: Oxigraph's
  union default graph keeps a triple once per graph that holds it, so descriptions repeated
  per issue multiplied every join through a shared entity (a body's label joined to its type:
  160,000 rows for 400 issues) and made lookups on a real corpus take minutes.

What becomes what (every fact is a node with `prov:wasDerivedFrom` a `gkg:SourceRecord`
carrying `gkg:issue`, `gkg:document`, `gkg:line`, `gkg:endLine`, `gkg:extractor`, and
`oa:hasSelector` a `oa:TextQuoteSelector` (`oa:exact` quote) and a `oa:TextPositionSelector`
(`oa:start`/`oa:end` offsets into the normalized `Issue.text`)):
- Appointment -> a `gkg:PersonnelAct` subclass node (Appointment / ConcurrentAppointment /
  Removal / OtherPersonnelAct) with `gkg:person`, `gkg:organization`, `gkg:post`,
  `gkg:qualifier`, `gkg:date` + `gkg:datePrecision`. Acts are dated by the document that
  prints them when it is dated (day precision), else by the issue's year and month
  (xsd:gYearMonth, `gkg:MonthPrecision`).
- TENURES: every appoint / concurrent / remove act also names a `gkg:Tenure` (an
  `org:Membership`: `org:member` person, `org:organization` body, `gkg:post` post,
  `org:memberDuring` interval) whose IRI is `make_iri("tenure", person, organization, post)`
  over the CANONICAL person, body and post title only: no issue, no date. So an appointment
  printed in one issue and the removal printed in a later one hit the same tenure IRI; the
  appointment adds `gkg:startedBy act` and the interval's `time:hasBeginning`, the removal
  adds `gkg:endedBy act` and `time:hasEnd`. The instants are keyed by their act. Pairing
  acts into tenures across issues, and splitting a re-appointment after a removal, is the
  careers code's job over the store; here `gkg:tenure` links each act to its tenure.
- Responsibility -> a `gkg:ResponsibilityAssignment` subclass (ResponsibleFor, Supervises,
  Liaises, Assists, UnspecifiedResponsibility) with `gkg:person`, `gkg:responsibilityObject`
  (a body when the object is named like one, else a `gkg:WorkArea` SKOS concept), dated by
  its notice, and `gkg:division` its notice's whole division of work: a `gkg:DivisionOfWork`
  whose IRI is `make_iri("division", city, "number", notice number)` (or city + "date" + date
  when the notice has no number), carrying `gkg:city` (the issue's city), `gkg:date`,
  `gkg:notice` (the notice's Document node) and its own source (the printed notice's, else
  its first assignment's). A city's divisions are few, so "the division in force on a date"
  starts from them and only then walks to their assignments.
- PersonPost -> `gkg:PersonPostObservation` (`gkg:person`, `gkg:post`, `gkg:date`).
- Event -> `gkg:Event` (`gkg:date`, `gkg:text`) and one `gkg:Attendance` per attendee.
- Pairing -> `gkg:MountainSeaCooperation` / `gkg:CounterpartSupport` / `gkg:OtherPairing`
  with `gkg:firstParty` / `gkg:secondParty` places.
- Document -> `gkg:Document` keyed by its number (else title): `eli:id_local`,
  `dcterms:identifier`, `dcterms:title`, `eli:date_document`, `eli:passed_by`,
  `gkg:addressee`, `eli:cites` (to the cited document's node, by number when printed, else by
  title), `gkg:attachmentTitle`, `eli:published_in` the issue. A printed document has a second
  source when the text names its issuers (its signature block, or the line saying which
  congress passed it), told apart by `gkg:extractor` "documents.signature": the source of its
  `eli:passed_by` facts, so "body issued document" quotes the words that state it. A CatalogEntry is a
  `gkg:CatalogEntry` with `gkg:listsDocument` the same document node.
- Persons (`gkg:Person`, by name), bodies (`gkg:GovernmentBody` / `gkg:PartyBody` /
  `gkg:StateEnterprise` / `gkg:OtherOrganization`, by canonical name from graph/resolve.py,
  printed names as `skos:altLabel`, reformed bodies linked by `prov:wasRevisionOf`), posts
  (`gkg:Post`, `org:postIn` body, by body + title).
The kind of a fact comes from the ontology (graph/vocabulary.py): the subclass of
gkg:PersonnelAct, gkg:ResponsibilityAssignment, gkg:Pairing or gkg:Organization whose
gkg:recordCode is the record's code ("appoint", "supervises", a pairing's kind, a body's kind).
Where the mapping needs a judgement on Chinese text (does a responsibility's object name a body?
is a document key a number?) it asks govkg.extractors.textforms.
Names and titles are plain xsd:string literals (easy to FILTER on); all IRIs come from
graph/ids.py, so the output is deterministic and has no blank nodes.
"""
from __future__ import annotations

import re
from typing import Any, NamedTuple

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from govkg.extractors.jurisdiction import Jurisdiction, body_place, of_document
from govkg.extractors.layout import input_kind
from govkg.extractors.pagemeta import text_date
from govkg.extractors.places import resolve as resolve_place
from govkg.extractors.resolve import Resolver, display, org_kind
from govkg.extractors.textforms import is_document_number, issue_label, names_a_body

from . import ids
from .ids import child_node, make_node
from .vocab import (
    DCTERMS,
    ELI,
    FOAF,
    GKG,
    OA,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    TIME,
    XSD,
)
from .vocabulary import vocabulary

#: The act codes that open or close a tenure (gkg:tenureEffect in the ontology).
_OPENS = vocabulary().tenure_codes("opens")
_CLOSES = vocabulary().tenure_codes("closes")


def dated(value: str | None) -> tuple[Literal, NamedNode, NamedNode] | None:
    """An ISO date, year-month or year as (literal, precision individual, OWL-Time property)."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return Literal(value, datatype=XSD.date), GKG.DayPrecision, TIME.inXSDDate
    if re.fullmatch(r"\d{4}-\d\d", value):
        return Literal(value, datatype=XSD.gYearMonth), GKG.MonthPrecision, TIME.inXSDgYearMonth
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear), GKG.YearPrecision, TIME.inXSDgYear
    return None


def issue_month(issue) -> str | None:
    """The year-month an issue covers ("2018-12"), or its year, or None."""
    g = issue.gazette
    if g.year and g.month:
        return f"{g.year:04d}-{g.month:02d}"
    return f"{g.year:04d}" if g.year else None


def document_node(number: str | None, title: str | None) -> NamedNode:
    """A document by its number when printed, else by its title (so citations and catalog
    entries land on the node of the printed document)."""
    if number:
        return make_node("doc", "number", number)
    return make_node("doc", "title", title or "")


class _IssueMapper:
    def __init__(self, issue, found: dict[str, list[Any]], resolver: Resolver):
        self.issue = issue
        self.found = found
        self.resolver = resolver
        self.graph = ids.graph_node(issue.key)
        self.issue_node = ids.issue_node(issue.key)
        # The quads as N-Quads lines: a build bulk-loads exactly these bytes, and a pyoxigraph
        # Quad costs ~4 us to make (its terms checked one by one) where a line costs ~0.5 us,
        # so building Quad objects was most of the mapping's time. Every IRI here is a
        # vocabulary term or made by graph/ids.py (hex digests: nothing to escape); every
        # literal is escaped by `_object`. The store's parser checks the lines as it loads.
        self.lines: list[str] = []
        self.shared: list[str] = []     # entity descriptions: lines of the shared entities graph
        self.graph_token = f"<{self.graph.value}>"
        self.sources: set[str] = set()   # source records already written
        self.described: set[str] = set()  # persons, bodies and posts already described
        # The issue's documents by number and by title: acts are dated by their document,
        # and a citation by title reaches the printed document's numbered node.
        self.number_of_title: dict[str, str] = {}
        for rec in [*found.get("documents", ()), *found.get("catalog", ())]:
            if rec.doc_number:
                self.number_of_title.setdefault(display(rec.title), rec.doc_number)
        # The printed documents' own sources (a division of work cites its printed notice).
        self.doc_sources: dict[str, Any] = {}
        for doc in found.get("documents", ()):
            for key in (doc.doc_number, doc.title):
                if key:
                    self.doc_sources.setdefault(display(key), doc.source)
        # A fact no document dates is dated by the issue's month; a text that is not a
        # gazette issue by its own date (its page's date, or its dateline).
        self.month = issue_month(issue) or text_date(issue.lines)
        self.documents = list(found.get("documents", ()))
        # The first document each printed key (number or title) names, and the document each
        # source was found in: every fact asks, several times, which document it stands in.
        self.document_by_key: dict[str, Any] = {}
        for doc in self.documents:
            self.document_by_key.setdefault(display(doc.doc_number or ""), doc)
            self.document_by_key.setdefault(display(doc.title), doc)
        self.enclosing_of: dict[tuple[str | None, int], Any] = {}
        # Whose government the text is, and each printed document's own (a county's notice in
        # a city's gazette): facts are placed, and short forms expanded, within it.
        self.jurisdiction: Jurisdiction | None = resolver.jurisdiction
        self.doc_jurisdiction: dict[str, Jurisdiction | None] = {}
        for doc in found.get("documents", ()):
            j = of_document(doc, self.jurisdiction)
            for key in (doc.doc_number, doc.title):
                if key:
                    self.doc_jurisdiction[display(key)] = j
        self.resolvers: dict[str, Resolver] = {}
        # Place nodes already described in this issue: every fact names its jurisdiction, and
        # describing the same place once per fact cost a third of the mapping time.
        self.places: dict[tuple[str, str, str], NamedNode] = {}
        # A division of work belongs to its government: the jurisdiction's full name.
        self.city = self.jurisdiction.name if self.jurisdiction else (
            self.resolver.place.prefix if self.resolver.place else None)
        # The divisions of work already written (one per notice), so each gets one source.
        self.divisions: set[NamedNode] = set()

    # -- helpers --

    def add(self, s: NamedNode, p: NamedNode, o) -> None:
        if o is not None:
            self.lines.append(f"<{s.value}> <{p.value}> {_object(o)} {self.graph_token} .\n")

    def share(self, s: NamedNode, p: NamedNode, o) -> None:
        """An entity description: into the shared entities graph (module docstring)."""
        if o is not None:
            self.shared.append(f"<{s.value}> <{p.value}> {_object(o)} {_ENTITIES_TOKEN} .\n")

    def _described(self, node: NamedNode) -> bool:
        """Has this issue described the entity already? (What an entity is depends on its key
        alone: a person named in forty facts is described once.)"""
        if node.value in self.described:
            return True
        self.described.add(node.value)
        return False

    def add_date(self, node: NamedNode, value: str | None, shared: bool = False) -> tuple | None:
        d = dated(value)
        add = self.share if shared else self.add
        if d and value:
            add(node, GKG.date, d[0])
            add(node, GKG.datePrecision, d[1])
            if len(value) >= 7:
                # Month lookups ("acts in 2019-12") match this exactly, through the index.
                add(node, GKG.yearMonth, value[:7])
        return d

    def doc_ref(self, key: str | None) -> NamedNode | None:
        """The document a Source names (its number, or its title)."""
        if not key:
            return None
        key = display(key)
        if is_document_number(key):
            return document_node(key, None)
        number = self.number_of_title.get(key)
        return document_node(number, None) if number else document_node(None, key)

    def source(self, src) -> str:
        """The IRI of the `gkg:SourceRecord` of `src`, its quads written once per issue: ~15
        lines per fact, so written from one template rather than quad by quad."""
        iri = ids.make_iri("source", src.issue, src.extractor, src.start, src.end, src.line)
        if iri in self.sources:
            return iri
        self.sources.add(iri)
        n, g = f"<{iri}>", self.graph_token
        issue = f"<{self.issue_node.value}>"
        quote, position = f"<{iri}/quote>", f"<{iri}/position>"
        lines = [
            f"{n} {_RDF_TYPE} {_SOURCE_RECORD} {g} .\n",
            f"{n} {_GKG_ISSUE} {issue} {g} .\n",
            f"{n} {_OA_HAS_SOURCE} {issue} {g} .\n",
            f"{n} {_GKG_LINE} {_object(src.line)} {g} .\n",
            f"{n} {_GKG_EXTRACTOR} {_object(src.extractor)} {g} .\n",
            f"{n} {_OA_HAS_SELECTOR} {quote} {g} .\n",
            f"{n} {_OA_HAS_SELECTOR} {position} {g} .\n",
            f"{quote} {_RDF_TYPE} {_QUOTE_SELECTOR} {g} .\n",
            f"{quote} {_OA_EXACT} {_object(src.quote)} {g} .\n",
            f"{position} {_RDF_TYPE} {_POSITION_SELECTOR} {g} .\n",
            f"{position} {_OA_START} {_object(src.start)} {g} .\n",
            f"{position} {_OA_END} {_object(src.end)} {g} .\n",
        ]
        document = self.doc_ref(src.document)
        if document is not None:
            lines.append(f"{n} {_GKG_DOCUMENT} <{document.value}> {g} .\n")
        if src.end_line is not None:
            lines.append(f"{n} {_GKG_END_LINE} {_object(src.end_line)} {g} .\n")
        if src.page is not None:
            lines.append(f"{n} {_GKG_PAGE} {_object(src.page)} {g} .\n")
        if self.issue.origin is not None and self.issue.origin.ocr:
            lines.append(f"{n} {_GKG_TEXT_ORIGIN} {_object('recognised')} {g} .\n")
        self.lines.extend(lines)
        return iri

    def derived(self, fact: NamedNode, src) -> None:
        self.lines.append(f"<{fact.value}> {_PROV_DERIVED} <{self.source(src)}> {self.graph_token} .\n")

    # -- jurisdictions --

    def enclosing(self, src) -> Any:
        """The printed document a fact stands in: the one its source names, else the one
        whose span holds it."""
        if src is None:
            return None
        where = (src.document, src.start)
        if where not in self.enclosing_of:
            doc = self.document_by_key.get(display(src.document)) if src.document else None
            if doc is None:
                doc = next((d for d in self.documents if d.span[0] <= src.start < d.span[1]), None)
            self.enclosing_of[where] = doc
        return self.enclosing_of[where]

    def doc_date(self, src) -> str | None:
        doc = self.enclosing(src)
        return doc.date if doc is not None else None

    def jurisdiction_of(self, src) -> Jurisdiction | None:
        """The government a fact belongs to: its document's, else the text's."""
        doc = self.enclosing(src)
        if doc is not None:
            j = self.doc_jurisdiction.get(display(doc.doc_number or doc.title))
            if j is not None:
                return j
        return self.jurisdiction

    def resolver_for(self, src) -> Resolver:
        j = self.jurisdiction_of(src)
        if j is None or (self.jurisdiction and j.code == self.jurisdiction.code):
            return self.resolver
        if j.code not in self.resolvers:
            self.resolvers[j.code] = self.resolver.within(j)
        return self.resolvers[j.code]

    def place(self, full: str, code: str = "", parent: str = "") -> NamedNode:
        """A division of the gazetteer as a node (pairings name the same nodes)."""
        key = (full, code, parent)
        if key in self.places:
            return self.places[key]
        node = self.places[key] = make_node("place", display(full))
        self.share(node, RDF.type, GKG.Place)
        self.share(node, RDFS.label, display(full))
        if code:
            self.share(node, GKG.divisionCode, code)
        if parent:
            self.share(node, SCHEMA.containedInPlace, make_node("place", display(parent)))
        return node

    def jurisdiction_node(self, j: Jurisdiction | None) -> NamedNode | None:
        return self.place(j.name, j.code, j.parent) if j is not None else None

    def join_across(self, person: NamedNode, name: str, j: Jurisdiction | None, body: str | None) -> None:
        """An act of one government naming a body of another (a province appoints to a city's
        post, a transfer) is evidence that the person known in each is one: owl:sameAs."""
        place = body_place(body) if body else None
        if j is None or place is None or place.code == j.code:
            return
        other = self.person_node(name, None, code=place.code)
        self.share(other, GKG.jurisdiction, self.place(place.full, place.code, place.parent))
        self.add(person, OWL.sameAs, other)

    # -- entities --

    def person(self, name: str, src=None) -> tuple[NamedNode, str]:
        """A person within the fact's jurisdiction: two officials of one name in two
        governments are two persons unless evidence joins them (`act`)."""
        canonical = self.resolver.person(name).canonical
        j = self.jurisdiction_of(src)
        node = self.person_node(canonical, j)
        return node, canonical

    def person_node(self, canonical: str, j: Jurisdiction | None, code: str | None = None) -> NamedNode:
        node = make_node("person", code if code is not None else (j.code if j else ""), canonical)
        if self._described(node):
            return node
        self.share(node, RDF.type, GKG.Person)
        self.share(node, FOAF.name, canonical)
        self.share(node, RDFS.label, canonical)
        if j is not None:
            self.share(node, GKG.jurisdiction, self.jurisdiction_node(j))
        return node

    def organization(self, name: str, src=None, post: str | None = None) -> tuple[NamedNode, str]:
        """The body a record names; with the post it is named for, a bare place before a
        government leader's title is that place's government (Resolver.body_of_post)."""
        resolver = self.resolver_for(src)
        res = resolver.body_of_post(name, post) if post else resolver.organization(name)
        node = self._org_node(res.canonical)
        if res.name != res.canonical:
            self.share(node, SKOS.altLabel, res.name)
        for old, _ in resolver.predecessors(res.canonical):
            self.share(node, PROV.wasRevisionOf, self._org_node(old))
        for new, _ in resolver.successors(res.canonical):
            self.share(self._org_node(new), PROV.wasRevisionOf, node)
        return node, res.canonical

    def _org_node(self, canonical: str) -> NamedNode:
        node = make_node("org", canonical)
        if self._described(node):
            return node
        self.share(node, RDF.type, vocabulary().class_for(GKG.Organization, org_kind(canonical), GKG.OtherOrganization))
        self.share(node, SKOS.prefLabel, canonical)
        self.share(node, RDFS.label, canonical)
        place = body_place(canonical)
        if place is not None:
            # A body belongs to the government whose name opens its own.
            self.share(node, GKG.jurisdiction, self.place(place.full, place.code, place.parent))
        return node

    def post(self, title: str, org: tuple[NamedNode, str] | None) -> NamedNode:
        title = display(title)
        node = make_node("post", org[1] if org else "", title)
        if self._described(node):
            return node
        self.share(node, RDF.type, GKG.Post)
        self.share(node, SKOS.prefLabel, title)
        self.share(node, RDFS.label, (org[1] if org else "") + title)
        if org:
            self.share(node, ORG.postIn, org[0])
            self.share(org[0], ORG.hasPost, node)
        return node

    # -- records --

    def gazette(self) -> None:
        g, node = self.issue.gazette, self.issue_node
        self.add(node, RDF.type, GKG.GazetteIssue)
        self.add(node, GKG.issueKey, self.issue.key)
        self.add(node, GKG.gazetteName, g.name)
        self.add(node, RDFS.label, " ".join(x for x in (g.name, issue_label(g.year, g.issue) if g.year and g.issue else None) if x) or self.issue.key)
        self.add(node, GKG.year, g.year)
        self.add(node, GKG.issueNumber, g.issue)
        self.add(node, GKG.totalIssueNumber, g.total_issue)
        self.add(node, GKG.month, g.month)
        if self.city:
            self.add(node, GKG.city, self.city)
        self.add(node, GKG.inputKind, input_kind(self.issue))
        origin = self.issue.origin
        if origin is not None:
            # The file itself: its hash lets a reader check a cited fact against it.
            self.add(node, GKG.fileSha256, origin.sha256)
            self.add(node, GKG.inputFormat, origin.format)
            self.add(node, GKG.textOrigin, "recognised" if origin.ocr else "read")
            self.add(node, GKG.sourceUrl, origin.metadata.get("url"))
        if self.jurisdiction is not None:
            self.add(node, GKG.jurisdiction, self.jurisdiction_node(self.jurisdiction))
            self.add(node, GKG.jurisdictionRule, self.jurisdiction.rule)

    def act(self, rec) -> None:
        person, person_name = self.person(rec.person, rec.source)
        org = self.organization(rec.organization, rec.source, rec.post) if rec.organization else None
        post = self.post(rec.post, org)
        node = make_node("act", self.issue.key, rec.action, person_name, org[1] if org else "", display(rec.post), rec.source.start)
        self.add(node, RDF.type, vocabulary().class_for(GKG.PersonnelAct, rec.action, GKG.OtherPersonnelAct))
        self.add(node, GKG.person, person)
        self.add(node, GKG.post, post)
        self.add(node, GKG.organization, org[0] if org else None)
        self.add(node, GKG.qualifier, rec.qualifier)
        self.add(node, RDFS.label, f"{rec.action} {person_name} {(org[1] if org else '')}{display(rec.post)}")
        j = self.jurisdiction_of(rec.source)
        self.add(node, GKG.jurisdiction, self.jurisdiction_node(j))
        self.join_across(person, person_name, j, org[1] if org else None)
        d = self.add_date(node, self.doc_date(rec.source) or self.month)
        self.derived(node, rec.source)
        if rec.action not in _OPENS + _CLOSES:
            return
        tenure = make_node("tenure", person.value, org[1] if org else "", display(rec.post))
        self.share(tenure, RDF.type, GKG.Tenure)
        self.share(tenure, ORG.member, person)
        self.share(tenure, ORG.organization, org[0] if org else None)
        self.share(tenure, GKG.post, post)
        self.share(tenure, RDFS.label, f"{person_name} {(org[1] if org else '')}{display(rec.post)}")
        self.add(node, GKG.tenure, tenure)
        interval = child_node(tenure, "interval")
        self.share(tenure, ORG.memberDuring, interval)
        self.share(interval, RDF.type, TIME.Interval)
        if rec.action in _CLOSES:
            self.add(tenure, GKG.endedBy, node)
            edge = TIME.hasEnd
        else:
            self.add(tenure, GKG.startedBy, node)
            # org:holds carries no dates: it says the person held the post at some time. A
            # fact of this act's issue (not a description), so it goes when the act does.
            self.add(person, ORG.holds, post)
            self.add(post, ORG.heldBy, person)
            edge = TIME.hasBeginning
        if d:
            instant = child_node(node, "instant")
            self.add(interval, edge, instant)
            self.add(instant, RDF.type, TIME.Instant)
            self.add(instant, d[2], d[0])

    def responsibility(self, rec) -> None:
        person, person_name = self.person(rec.person, rec.source)
        node = make_node("responsibility", self.issue.key, person_name, rec.relation, rec.object, rec.source.start)
        self.add(node, RDF.type, vocabulary().class_for(GKG.ResponsibilityAssignment, rec.relation, GKG.UnspecifiedResponsibility))
        self.add(node, GKG.person, person)
        self.add(node, GKG.jurisdiction, self.jurisdiction_node(self.jurisdiction_of(rec.source)))
        if rec.object:
            obj = display(rec.object)
            if names_a_body(obj):
                target = self.organization(obj, rec.source)[0]
            else:
                target = make_node("area", obj)
                self.share(target, RDF.type, GKG.WorkArea)
                self.share(target, SKOS.prefLabel, obj)
                self.share(target, RDFS.label, obj)
                self.share(target, SKOS.inScheme, GKG.WorkAreas)
            self.add(node, GKG.responsibilityObject, target)
        when = rec.date or self.doc_date(rec.source)
        self.add_date(node, when or self.month)
        self.derived(node, rec.source)
        self.add(node, GKG.division, self.division(rec, when or self.month))

    def division(self, rec, when: str | None) -> NamedNode:
        """The whole division of work of the notice that prints `rec`: one node per city and
        notice number (city and date when the notice has no number)."""
        j = self.jurisdiction_of(rec.source)
        city = j.name if j is not None else self.city
        notice = self.doc_ref(rec.source.document)
        printed = display(rec.source.document) if rec.source.document else None
        number = printed if printed and is_document_number(printed) else self.number_of_title.get(printed or "")
        if number:
            node = make_node("division", city or "", "number", number)
        else:
            node = make_node("division", city or "", "date", when or "")
        if node in self.divisions:
            return node
        self.divisions.add(node)
        # What the division IS (its city, date and notice) is shared: a notice reprinted in
        # several issues is one division, described once; its sources stay per issue.
        self.share(node, RDF.type, GKG.DivisionOfWork)
        self.share(node, GKG.city, city)
        self.share(node, GKG.jurisdiction, self.jurisdiction_node(j))
        self.add_date(node, when, shared=True)
        if notice is not None:
            # The notice as a document (it may be cited only, not printed, in this issue).
            self.share(notice, RDF.type, GKG.Document)
            if number:
                self.share(notice, ELI.id_local, number)
                self.share(notice, DCTERMS.identifier, number)
            else:
                self.share(notice, DCTERMS.title, printed)
            self.share(node, GKG.notice, notice)
        self.share(node, RDFS.label, f"{city or ''}{vocabulary().label(GKG.DivisionOfWork)} {number or when or ''}".strip())
        self.derived(node, self.doc_sources.get(printed or "") or rec.source)
        return node

    def person_post(self, rec) -> None:
        person, person_name = self.person(rec.person, rec.source)
        # 市委书记 is the post 书记 of 中共温州市委员会: the same Post node an appointment to it
        # would name, so careers can line observations up with tenures.
        body, title = self.resolver_for(rec.source).split_post(rec.post)
        post = self.post(title, (self._org_node(body), body) if body else None)
        node = make_node("observation", self.issue.key, person_name, display(rec.post), rec.source.start)
        self.add(node, RDF.type, GKG.PersonPostObservation)
        self.add(node, GKG.person, person)
        self.add(node, GKG.jurisdiction, self.jurisdiction_node(self.jurisdiction_of(rec.source)))
        self.add(node, GKG.post, post)
        self.add_date(node, rec.date or self.month)
        self.derived(node, rec.source)

    def event(self, rec) -> None:
        node = make_node("event", self.issue.key, rec.date, rec.source.start, rec.text)
        self.add(node, RDF.type, GKG.Event)
        self.add(node, GKG.text, rec.text)
        self.add_date(node, rec.date or self.month)
        self.derived(node, rec.source)
        self.add(node, GKG.jurisdiction, self.jurisdiction_node(self.jurisdiction_of(rec.source)))
        for name in rec.attendees:
            person, person_name = self.person(name, rec.source)
            attendance = make_node("attendance", node.value, person_name)
            self.add(attendance, RDF.type, GKG.Attendance)
            self.add(attendance, GKG.person, person)
            self.add(attendance, GKG.event, node)
            self.derived(attendance, rec.source)
            self.add(node, GKG.attendee, person)

    def pairing(self, rec) -> None:
        node = make_node("pairing", self.issue.key, rec.kind, rec.a, rec.b, rec.source.start)
        self.add(node, RDF.type, vocabulary().class_for(GKG.Pairing, rec.kind, GKG.OtherPairing))
        for prop, name in ((GKG.firstParty, rec.a), (GKG.secondParty, rec.b)):
            found = resolve_place(display(name))
            place = self.place(found.full, found.code, found.parent) if found and found.full == display(name) \
                else self.place(display(name))
            self.add(node, prop, place)
        self.add(node, RDFS.label, f"{rec.kind} {display(rec.a)}—{display(rec.b)}")
        self.add_date(node, self.month)
        self.derived(node, rec.source)

    def cited(self, citation) -> NamedNode:
        number = citation.doc_number or (self.number_of_title.get(display(citation.title)) if citation.title else None)
        node = document_node(number, display(citation.title) if citation.title else None)
        self.share(node, RDF.type, GKG.Document)
        if number:
            self.share(node, ELI.id_local, number)
            self.share(node, DCTERMS.identifier, number)
        if citation.title:
            self.share(node, DCTERMS.title, display(citation.title))
        return node

    def document(self, rec) -> None:
        node = document_node(rec.doc_number, display(rec.title))
        self.share(node, RDF.type, GKG.Document)
        if rec.doc_number:
            self.share(node, ELI.id_local, rec.doc_number)
            self.share(node, DCTERMS.identifier, rec.doc_number)
        self.share(node, DCTERMS.title, display(rec.title))
        self.share(node, RDFS.label, display(rec.title))
        d = dated(rec.date)
        if d:
            self.add(node, ELI.date_document, d[0])
        for issuer in rec.issuers:
            self.add(node, ELI.passed_by, self.organization(issuer, rec.source)[0])
        for addressee in rec.addressees:
            self.add(node, GKG.addressee, self.organization(addressee, rec.source)[0])
        self.share(node, GKG.jurisdiction, self.jurisdiction_node(self.jurisdiction_of(rec.source)))
        for citation in rec.cites:
            if citation.title or citation.doc_number:
                self.add(node, ELI.cites, self.cited(citation))
        for title in rec.attachments:
            self.add(node, GKG.attachmentTitle, display(title))
        self.add(node, ELI.published_in, self.issue_node)
        self.derived(node, rec.source)
        if rec.signature is not None:
            # The words that name its issuers (gkg:extractor "documents.signature"): the source
            # of its eli:passed_by facts. Its first line (the addressee line) proves nothing
            # about who issued it.
            self.derived(node, rec.signature)

    def catalog_entry(self, rec) -> None:
        node = make_node("catalog", self.issue.key, rec.doc_number, display(rec.title), rec.source.start)
        self.add(node, RDF.type, GKG.CatalogEntry)
        self.add(node, ELI.id_local, rec.doc_number)
        self.add(node, DCTERMS.title, display(rec.title))
        self.add(node, DCTERMS.isPartOf, self.issue_node)
        number = rec.doc_number or self.number_of_title.get(display(rec.title))
        doc = document_node(number, display(rec.title))
        self.share(doc, RDF.type, GKG.Document)
        self.share(doc, DCTERMS.title, display(rec.title))
        if number:
            self.share(doc, ELI.id_local, number)
            self.share(doc, DCTERMS.identifier, number)
        self.add(node, GKG.listsDocument, doc)
        self.derived(node, rec.source)

    def run(self) -> tuple[list[str], list[str]]:
        self.gazette()
        handlers = {
            "documents": self.document,
            "catalog": self.catalog_entry,
            "appointments": self.act,
            "responsibilities": self.responsibility,
            "person_posts": self.person_post,
            "events": self.event,
            "pairings": self.pairing,
        }
        for section, handle in handlers.items():
            for rec in self.found.get(section, ()):
                handle(rec)
        # Deduplicated, first statement first: the same records give the same list in the same
        # order (the mapping is deterministic), with no sort by string here; the promised order
        # is the export's (sorted N-Quads), which the store sorts once.
        return list(dict.fromkeys(self.lines)), list(dict.fromkeys(self.shared))


class MappedQuads(NamedTuple):
    """One issue's quads as N-Quads, deduplicated: `facts` the lines of the issue's one named
    graph `graph`, `entities` the lines of the shared entities graph (kept apart: a build
    writes an entity's description once, not once per issue that names it)."""

    graph: str
    facts: bytes
    entities: tuple[str, ...]

    @property
    def nquads(self) -> bytes:
        return self.facts + "".join(self.entities).encode("utf-8")

    @property
    def triples(self) -> int:
        return self.facts.count(b"\n") + len(self.entities)


def issue_nquads(issue, found: dict[str, list[Any]], resolver: Resolver | None = None) -> MappedQuads:
    """The quads of one issue's records as N-Quads: its facts in the issue's named graph,
    entity descriptions in the shared entities graph (see module doc)."""
    mapper = _IssueMapper(issue, found, resolver or Resolver.for_issue(issue, found))
    facts, entities = mapper.run()
    return MappedQuads(mapper.graph.value, "".join(facts).encode("utf-8"), tuple(entities))


def issue_quads(issue, found: dict[str, list[Any]], resolver: Resolver | None = None) -> list[Quad]:
    """`issue_nquads` as `pyoxigraph.Quad`s, in the same order."""
    return list(parse(issue_nquads(issue, found, resolver).nquads, format=RdfFormat.N_QUADS))


#: N-Triples string escapes: the four characters a quoted literal may not hold as they are.
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_ENTITIES_TOKEN = f"<{ids.ENTITIES_GRAPH.value}>"
# The terms of a source record, in N-Triples (`_IssueMapper.source`).
_RDF_TYPE, _SOURCE_RECORD = f"<{RDF.type.value}>", f"<{GKG.SourceRecord.value}>"
_GKG_ISSUE, _GKG_DOCUMENT, _GKG_LINE = f"<{GKG.issue.value}>", f"<{GKG.document.value}>", f"<{GKG.line.value}>"
_GKG_END_LINE, _GKG_EXTRACTOR, _GKG_PAGE = f"<{GKG.endLine.value}>", f"<{GKG.extractor.value}>", f"<{GKG.page.value}>"
_GKG_TEXT_ORIGIN, _PROV_DERIVED = f"<{GKG.textOrigin.value}>", f"<{PROV.wasDerivedFrom.value}>"
_OA_HAS_SOURCE, _OA_HAS_SELECTOR, _OA_EXACT = f"<{OA.hasSource.value}>", f"<{OA.hasSelector.value}>", f"<{OA.exact.value}>"
_OA_START, _OA_END = f"<{OA.start.value}>", f"<{OA.end.value}>"
_QUOTE_SELECTOR, _POSITION_SELECTOR = f"<{OA.TextQuoteSelector.value}>", f"<{OA.TextPositionSelector.value}>"
_INTEGER = f"^^<{XSD.integer.value}>"


def _object(o: NamedNode | Literal | str | int) -> str:
    """A quad's object in N-Triples: an IRI, a plain string (escaped), an xsd:integer, or a
    typed literal (a date) in pyoxigraph's own writing."""
    kind = type(o)
    if kind is NamedNode:
        return f"<{o.value}>"   # type: ignore[union-attr]
    if kind is str:
        text: str = o   # type: ignore[assignment]
        if '"' in text or "\\" in text or "\n" in text or "\r" in text:
            text = text.translate(_ESCAPES)
        return f'"{text}"'
    if kind is int:
        return f'"{o}"{_INTEGER}'
    if kind is Literal:
        return str(o)
    if isinstance(o, str) or (isinstance(o, int) and not isinstance(o, bool)):
        return _object(str(o) if isinstance(o, str) else int(o))    # a str or int subclass (an enum)
    raise TypeError(f"no {kind.__name__} objects in this graph: {o!r}")


def validate(quads: list[Quad]) -> tuple[bool, str]:
    """Check quads (all named graphs merged) against ontology/shapes.ttl with pySHACL, the
    ontology supplying the subclass links `sh:class` needs. Out: (conforms, report text)."""
    from importlib import resources

    import pyshacl
    import rdflib

    data = rdflib.Graph().parse(data="".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads), format="nt")
    ontology = resources.files("govkg.ontology")
    shapes = rdflib.Graph().parse(data=ontology.joinpath("shapes.ttl").read_text("utf-8"), format="turtle")
    ont = rdflib.Graph().parse(data=ontology.joinpath("govkg.ttl").read_text("utf-8"), format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ont, inference="none", advanced=True)
    return bool(conforms), text
