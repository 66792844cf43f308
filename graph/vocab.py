"""The ontology's terms as Python constants, GENERATED from ontology/govkg.ttl.

In: ontology/govkg.ttl (the single source of the vocabulary). Out: one class per prefix
(`GKG`, `ORG`, `PROV`, ...) whose attributes are `pyoxigraph.NamedNode`s, e.g. `GKG.Tenure`,
`ORG.memberDuring`, `OA.exact`; `PREFIXES` (prefix -> namespace); and `ID_BASE`, the base of
data IRIs.

Only the block between the GENERATED markers is rewritten. Regenerate after editing the
Turtle with `python -m govkg.graph.vocab`; tests/graph/test_ontology.py fails if this file
drifts from the Turtle, so a term misspelt in code or dropped from the ontology fails loudly
(an AttributeError at import) instead of writing a silent typo into the graph.
"""
from __future__ import annotations

import keyword
import re
from importlib import resources
from pathlib import Path

from pyoxigraph import NamedNode

#: Data IRIs (persons, organizations, facts, sources, named graphs) live under this base.
ID_BASE = "https://w3id.org/govkg/id/"

# The markers are built, not spelt, so that the generator finds only the real block.
_MARK = "# --- {} GENERATED ---"
_BEGIN = _MARK.format("BEGIN")
_END = _MARK.format("END")


def ontology_text() -> str:
    return resources.files("govkg.ontology").joinpath("govkg.ttl").read_text("utf-8")


def render(turtle: str) -> str:
    """The generated block for a Turtle text: a class per declared prefix listing every term
    of that namespace the Turtle mentions (as subject, predicate or object), sorted."""
    import rdflib

    g = rdflib.Graph().parse(data=turtle, format="turtle")
    declared = dict(re.findall(r"^@prefix\s+(\w+):\s+<([^>]+)>", turtle, re.M))
    terms: dict[str, set[str]] = {p: set() for p in declared}
    for triple in g:
        for node in triple:
            if not isinstance(node, rdflib.URIRef):
                continue
            for p, ns in declared.items():
                local = str(node)[len(ns):]
                if str(node).startswith(ns) and local.isidentifier() and not keyword.iskeyword(local):
                    terms[p].add(local)
    lines = [_BEGIN]
    for p in sorted(declared):
        if not terms[p]:
            continue
        lines += ["", "", f"class {p.upper()}:", f'    """Terms of <{declared[p]}> used by govkg."""', ""]
        lines.append(f'    NS = "{declared[p]}"')
        for local in sorted(terms[p]):
            lines.append(f'    {local} = NamedNode("{declared[p]}{local}")')
    lines += ["", "", "#: prefix -> namespace, for SPARQL prologues and Turtle output.", "PREFIXES = {"]
    for p in sorted(declared):
        lines.append(f'    "{p}": "{declared[p]}",')
    lines += ["}", _END]
    return "\n".join(lines) + "\n"


def generated_block(path: Path | None = None) -> str:
    """The generated block as it stands in this file (markers included)."""
    text = (path or Path(__file__)).read_text("utf-8")
    start = text.index(_BEGIN)
    end = text.index(_END, start) + len(_END) + 1
    return text[start:end]


def regenerate(path: Path | None = None) -> bool:
    """Rewrite the generated block of this file from the Turtle; True if it changed."""
    path = path or Path(__file__)
    old = generated_block(path)
    new = render(ontology_text())
    if old != new:
        path.write_text(path.read_text("utf-8").replace(old, new), encoding="utf-8")
    return old != new


def sparql_prologue() -> str:
    """PREFIX lines for every namespace of the ontology (for stored queries)."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


# fmt: off
# --- BEGIN GENERATED ---


class DCTERMS:
    """Terms of <http://purl.org/dc/terms/> used by govkg."""

    NS = "http://purl.org/dc/terms/"
    description = NamedNode("http://purl.org/dc/terms/description")
    identifier = NamedNode("http://purl.org/dc/terms/identifier")
    isPartOf = NamedNode("http://purl.org/dc/terms/isPartOf")
    title = NamedNode("http://purl.org/dc/terms/title")


class ELI:
    """Terms of <http://data.europa.eu/eli/ontology#> used by govkg."""

    NS = "http://data.europa.eu/eli/ontology#"
    LegalResource = NamedNode("http://data.europa.eu/eli/ontology#LegalResource")
    cites = NamedNode("http://data.europa.eu/eli/ontology#cites")
    date_document = NamedNode("http://data.europa.eu/eli/ontology#date_document")
    id_local = NamedNode("http://data.europa.eu/eli/ontology#id_local")
    passed_by = NamedNode("http://data.europa.eu/eli/ontology#passed_by")
    published_in = NamedNode("http://data.europa.eu/eli/ontology#published_in")


class FOAF:
    """Terms of <http://xmlns.com/foaf/0.1/> used by govkg."""

    NS = "http://xmlns.com/foaf/0.1/"
    Person = NamedNode("http://xmlns.com/foaf/0.1/Person")
    name = NamedNode("http://xmlns.com/foaf/0.1/name")


class GKG:
    """Terms of <https://w3id.org/govkg/ontology#> used by govkg."""

    NS = "https://w3id.org/govkg/ontology#"
    Appointment = NamedNode("https://w3id.org/govkg/ontology#Appointment")
    Assists = NamedNode("https://w3id.org/govkg/ontology#Assists")
    Attendance = NamedNode("https://w3id.org/govkg/ontology#Attendance")
    CatalogEntry = NamedNode("https://w3id.org/govkg/ontology#CatalogEntry")
    ConcurrentAppointment = NamedNode("https://w3id.org/govkg/ontology#ConcurrentAppointment")
    CounterpartSupport = NamedNode("https://w3id.org/govkg/ontology#CounterpartSupport")
    DatePrecision = NamedNode("https://w3id.org/govkg/ontology#DatePrecision")
    DayPrecision = NamedNode("https://w3id.org/govkg/ontology#DayPrecision")
    DerivedGraph = NamedNode("https://w3id.org/govkg/ontology#DerivedGraph")
    DivisionOfWork = NamedNode("https://w3id.org/govkg/ontology#DivisionOfWork")
    Document = NamedNode("https://w3id.org/govkg/ontology#Document")
    Event = NamedNode("https://w3id.org/govkg/ontology#Event")
    GazetteIssue = NamedNode("https://w3id.org/govkg/ontology#GazetteIssue")
    GovernmentBody = NamedNode("https://w3id.org/govkg/ontology#GovernmentBody")
    Liaises = NamedNode("https://w3id.org/govkg/ontology#Liaises")
    MonthPrecision = NamedNode("https://w3id.org/govkg/ontology#MonthPrecision")
    MountainSeaCooperation = NamedNode("https://w3id.org/govkg/ontology#MountainSeaCooperation")
    Organization = NamedNode("https://w3id.org/govkg/ontology#Organization")
    OtherOrganization = NamedNode("https://w3id.org/govkg/ontology#OtherOrganization")
    OtherPairing = NamedNode("https://w3id.org/govkg/ontology#OtherPairing")
    OtherPersonnelAct = NamedNode("https://w3id.org/govkg/ontology#OtherPersonnelAct")
    Pairing = NamedNode("https://w3id.org/govkg/ontology#Pairing")
    PartyBody = NamedNode("https://w3id.org/govkg/ontology#PartyBody")
    Person = NamedNode("https://w3id.org/govkg/ontology#Person")
    PersonPostObservation = NamedNode("https://w3id.org/govkg/ontology#PersonPostObservation")
    PersonnelAct = NamedNode("https://w3id.org/govkg/ontology#PersonnelAct")
    Place = NamedNode("https://w3id.org/govkg/ontology#Place")
    Post = NamedNode("https://w3id.org/govkg/ontology#Post")
    Removal = NamedNode("https://w3id.org/govkg/ontology#Removal")
    ResponsibilityAssignment = NamedNode("https://w3id.org/govkg/ontology#ResponsibilityAssignment")
    ResponsibleFor = NamedNode("https://w3id.org/govkg/ontology#ResponsibleFor")
    SourceRecord = NamedNode("https://w3id.org/govkg/ontology#SourceRecord")
    StateEnterprise = NamedNode("https://w3id.org/govkg/ontology#StateEnterprise")
    Supervises = NamedNode("https://w3id.org/govkg/ontology#Supervises")
    Tenure = NamedNode("https://w3id.org/govkg/ontology#Tenure")
    UnspecifiedResponsibility = NamedNode("https://w3id.org/govkg/ontology#UnspecifiedResponsibility")
    WorkArea = NamedNode("https://w3id.org/govkg/ontology#WorkArea")
    WorkAreas = NamedNode("https://w3id.org/govkg/ontology#WorkAreas")
    YearPrecision = NamedNode("https://w3id.org/govkg/ontology#YearPrecision")
    addressee = NamedNode("https://w3id.org/govkg/ontology#addressee")
    attachmentTitle = NamedNode("https://w3id.org/govkg/ontology#attachmentTitle")
    attendee = NamedNode("https://w3id.org/govkg/ontology#attendee")
    city = NamedNode("https://w3id.org/govkg/ontology#city")
    date = NamedNode("https://w3id.org/govkg/ontology#date")
    datePrecision = NamedNode("https://w3id.org/govkg/ontology#datePrecision")
    division = NamedNode("https://w3id.org/govkg/ontology#division")
    divisionCode = NamedNode("https://w3id.org/govkg/ontology#divisionCode")
    document = NamedNode("https://w3id.org/govkg/ontology#document")
    edgeColour = NamedNode("https://w3id.org/govkg/ontology#edgeColour")
    edgeLabel = NamedNode("https://w3id.org/govkg/ontology#edgeLabel")
    endLine = NamedNode("https://w3id.org/govkg/ontology#endLine")
    endedBy = NamedNode("https://w3id.org/govkg/ontology#endedBy")
    event = NamedNode("https://w3id.org/govkg/ontology#event")
    extractor = NamedNode("https://w3id.org/govkg/ontology#extractor")
    fileSha256 = NamedNode("https://w3id.org/govkg/ontology#fileSha256")
    firstParty = NamedNode("https://w3id.org/govkg/ontology#firstParty")
    gazetteName = NamedNode("https://w3id.org/govkg/ontology#gazetteName")
    inputFormat = NamedNode("https://w3id.org/govkg/ontology#inputFormat")
    inputKind = NamedNode("https://w3id.org/govkg/ontology#inputKind")
    issue = NamedNode("https://w3id.org/govkg/ontology#issue")
    issueKey = NamedNode("https://w3id.org/govkg/ontology#issueKey")
    issueNumber = NamedNode("https://w3id.org/govkg/ontology#issueNumber")
    jurisdiction = NamedNode("https://w3id.org/govkg/ontology#jurisdiction")
    jurisdictionRule = NamedNode("https://w3id.org/govkg/ontology#jurisdictionRule")
    legendOrder = NamedNode("https://w3id.org/govkg/ontology#legendOrder")
    line = NamedNode("https://w3id.org/govkg/ontology#line")
    listsDocument = NamedNode("https://w3id.org/govkg/ontology#listsDocument")
    month = NamedNode("https://w3id.org/govkg/ontology#month")
    nodeColour = NamedNode("https://w3id.org/govkg/ontology#nodeColour")
    nodeKind = NamedNode("https://w3id.org/govkg/ontology#nodeKind")
    nodeShape = NamedNode("https://w3id.org/govkg/ontology#nodeShape")
    notice = NamedNode("https://w3id.org/govkg/ontology#notice")
    organization = NamedNode("https://w3id.org/govkg/ontology#organization")
    page = NamedNode("https://w3id.org/govkg/ontology#page")
    pendingLoad = NamedNode("https://w3id.org/govkg/ontology#pendingLoad")
    person = NamedNode("https://w3id.org/govkg/ontology#person")
    post = NamedNode("https://w3id.org/govkg/ontology#post")
    qualifier = NamedNode("https://w3id.org/govkg/ontology#qualifier")
    recordCode = NamedNode("https://w3id.org/govkg/ontology#recordCode")
    resolutionRule = NamedNode("https://w3id.org/govkg/ontology#resolutionRule")
    responsibilityObject = NamedNode("https://w3id.org/govkg/ontology#responsibilityObject")
    secondParty = NamedNode("https://w3id.org/govkg/ontology#secondParty")
    sourceUrl = NamedNode("https://w3id.org/govkg/ontology#sourceUrl")
    startedBy = NamedNode("https://w3id.org/govkg/ontology#startedBy")
    supersededBy = NamedNode("https://w3id.org/govkg/ontology#supersededBy")
    supersededOn = NamedNode("https://w3id.org/govkg/ontology#supersededOn")
    tenure = NamedNode("https://w3id.org/govkg/ontology#tenure")
    tenureEffect = NamedNode("https://w3id.org/govkg/ontology#tenureEffect")
    text = NamedNode("https://w3id.org/govkg/ontology#text")
    textOrigin = NamedNode("https://w3id.org/govkg/ontology#textOrigin")
    totalIssueNumber = NamedNode("https://w3id.org/govkg/ontology#totalIssueNumber")
    year = NamedNode("https://w3id.org/govkg/ontology#year")
    yearMonth = NamedNode("https://w3id.org/govkg/ontology#yearMonth")


class OA:
    """Terms of <http://www.w3.org/ns/oa#> used by govkg."""

    NS = "http://www.w3.org/ns/oa#"
    SpecificResource = NamedNode("http://www.w3.org/ns/oa#SpecificResource")
    TextPositionSelector = NamedNode("http://www.w3.org/ns/oa#TextPositionSelector")
    TextQuoteSelector = NamedNode("http://www.w3.org/ns/oa#TextQuoteSelector")
    end = NamedNode("http://www.w3.org/ns/oa#end")
    exact = NamedNode("http://www.w3.org/ns/oa#exact")
    hasSelector = NamedNode("http://www.w3.org/ns/oa#hasSelector")
    hasSource = NamedNode("http://www.w3.org/ns/oa#hasSource")
    start = NamedNode("http://www.w3.org/ns/oa#start")


class ORG:
    """Terms of <http://www.w3.org/ns/org#> used by govkg."""

    NS = "http://www.w3.org/ns/org#"
    ChangeEvent = NamedNode("http://www.w3.org/ns/org#ChangeEvent")
    FormalOrganization = NamedNode("http://www.w3.org/ns/org#FormalOrganization")
    Membership = NamedNode("http://www.w3.org/ns/org#Membership")
    Organization = NamedNode("http://www.w3.org/ns/org#Organization")
    Post = NamedNode("http://www.w3.org/ns/org#Post")
    changedBy = NamedNode("http://www.w3.org/ns/org#changedBy")
    hasPost = NamedNode("http://www.w3.org/ns/org#hasPost")
    headOf = NamedNode("http://www.w3.org/ns/org#headOf")
    heldBy = NamedNode("http://www.w3.org/ns/org#heldBy")
    holds = NamedNode("http://www.w3.org/ns/org#holds")
    member = NamedNode("http://www.w3.org/ns/org#member")
    memberDuring = NamedNode("http://www.w3.org/ns/org#memberDuring")
    organization = NamedNode("http://www.w3.org/ns/org#organization")
    originalOrganization = NamedNode("http://www.w3.org/ns/org#originalOrganization")
    postIn = NamedNode("http://www.w3.org/ns/org#postIn")
    resultedFrom = NamedNode("http://www.w3.org/ns/org#resultedFrom")
    resultingOrganization = NamedNode("http://www.w3.org/ns/org#resultingOrganization")


class OWL:
    """Terms of <http://www.w3.org/2002/07/owl#> used by govkg."""

    NS = "http://www.w3.org/2002/07/owl#"
    AnnotationProperty = NamedNode("http://www.w3.org/2002/07/owl#AnnotationProperty")
    Class = NamedNode("http://www.w3.org/2002/07/owl#Class")
    DatatypeProperty = NamedNode("http://www.w3.org/2002/07/owl#DatatypeProperty")
    NamedIndividual = NamedNode("http://www.w3.org/2002/07/owl#NamedIndividual")
    ObjectProperty = NamedNode("http://www.w3.org/2002/07/owl#ObjectProperty")
    Ontology = NamedNode("http://www.w3.org/2002/07/owl#Ontology")
    imports = NamedNode("http://www.w3.org/2002/07/owl#imports")
    sameAs = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
    unionOf = NamedNode("http://www.w3.org/2002/07/owl#unionOf")
    versionInfo = NamedNode("http://www.w3.org/2002/07/owl#versionInfo")


class PROV:
    """Terms of <http://www.w3.org/ns/prov#> used by govkg."""

    NS = "http://www.w3.org/ns/prov#"
    Activity = NamedNode("http://www.w3.org/ns/prov#Activity")
    Entity = NamedNode("http://www.w3.org/ns/prov#Entity")
    wasDerivedFrom = NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
    wasRevisionOf = NamedNode("http://www.w3.org/ns/prov#wasRevisionOf")


class RDF:
    """Terms of <http://www.w3.org/1999/02/22-rdf-syntax-ns#> used by govkg."""

    NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    Property = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#Property")
    first = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#first")
    nil = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#nil")
    rest = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#rest")
    type = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


class RDFS:
    """Terms of <http://www.w3.org/2000/01/rdf-schema#> used by govkg."""

    NS = "http://www.w3.org/2000/01/rdf-schema#"
    Datatype = NamedNode("http://www.w3.org/2000/01/rdf-schema#Datatype")
    comment = NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
    domain = NamedNode("http://www.w3.org/2000/01/rdf-schema#domain")
    isDefinedBy = NamedNode("http://www.w3.org/2000/01/rdf-schema#isDefinedBy")
    label = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    range = NamedNode("http://www.w3.org/2000/01/rdf-schema#range")
    subClassOf = NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
    subPropertyOf = NamedNode("http://www.w3.org/2000/01/rdf-schema#subPropertyOf")


class SCHEMA:
    """Terms of <https://schema.org/> used by govkg."""

    NS = "https://schema.org/"
    AdministrativeArea = NamedNode("https://schema.org/AdministrativeArea")
    Event = NamedNode("https://schema.org/Event")
    Person = NamedNode("https://schema.org/Person")
    PublicationIssue = NamedNode("https://schema.org/PublicationIssue")
    attendee = NamedNode("https://schema.org/attendee")
    containedInPlace = NamedNode("https://schema.org/containedInPlace")
    name = NamedNode("https://schema.org/name")


class SKOS:
    """Terms of <http://www.w3.org/2004/02/skos/core#> used by govkg."""

    NS = "http://www.w3.org/2004/02/skos/core#"
    Concept = NamedNode("http://www.w3.org/2004/02/skos/core#Concept")
    ConceptScheme = NamedNode("http://www.w3.org/2004/02/skos/core#ConceptScheme")
    altLabel = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
    definition = NamedNode("http://www.w3.org/2004/02/skos/core#definition")
    inScheme = NamedNode("http://www.w3.org/2004/02/skos/core#inScheme")
    prefLabel = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")


class TIME:
    """Terms of <http://www.w3.org/2006/time#> used by govkg."""

    NS = "http://www.w3.org/2006/time#"
    Instant = NamedNode("http://www.w3.org/2006/time#Instant")
    Interval = NamedNode("http://www.w3.org/2006/time#Interval")
    hasBeginning = NamedNode("http://www.w3.org/2006/time#hasBeginning")
    hasEnd = NamedNode("http://www.w3.org/2006/time#hasEnd")
    inXSDDate = NamedNode("http://www.w3.org/2006/time#inXSDDate")
    inXSDgYear = NamedNode("http://www.w3.org/2006/time#inXSDgYear")
    inXSDgYearMonth = NamedNode("http://www.w3.org/2006/time#inXSDgYearMonth")


class XSD:
    """Terms of <http://www.w3.org/2001/XMLSchema#> used by govkg."""

    NS = "http://www.w3.org/2001/XMLSchema#"
    date = NamedNode("http://www.w3.org/2001/XMLSchema#date")
    gYear = NamedNode("http://www.w3.org/2001/XMLSchema#gYear")
    gYearMonth = NamedNode("http://www.w3.org/2001/XMLSchema#gYearMonth")
    integer = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    string = NamedNode("http://www.w3.org/2001/XMLSchema#string")


#: prefix -> namespace, for SPARQL prologues and Turtle output.
PREFIXES = {
    "dcterms": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "gkg": "https://w3id.org/govkg/ontology#",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
# --- END GENERATED ---
# fmt: on

if __name__ == "__main__":
    print("vocab.py regenerated" if regenerate() else "vocab.py already up to date")
