"""The ontology is well-formed, bilingual, aligned to the standard vocabularies, and the
single source of the terms code uses (graph/vocab.py is generated from it)."""
from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from govkg.graph import vocab

GKG = rdflib.Namespace(vocab.GKG.NS)
ORG = rdflib.Namespace(vocab.ORG.NS)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(data=vocab.ontology_text(), format="turtle")


def test_vocab_py_is_generated_from_the_turtle():
    # Regenerating gives exactly the block in the file: edit govkg.ttl, then run
    # `python -m govkg.graph.vocab`.
    assert vocab.generated_block() == vocab.render(vocab.ontology_text())


def test_render_picks_up_a_new_term():
    text = vocab.ontology_text() + "\ngkg:Brandnew a owl:Class .\n"
    assert 'Brandnew = NamedNode("https://w3id.org/govkg/ontology#Brandnew")' in vocab.render(text)
    assert "Brandnew" not in vocab.generated_block()


def test_every_own_term_has_chinese_and_english_label_and_definition(onto):
    own = {s for s in onto.subjects() if isinstance(s, rdflib.URIRef) and str(s).startswith(str(GKG))}
    assert len(own) > 60
    for term in own:
        for prop in (RDFS.label, SKOS.definition):
            langs = {o.language for o in onto.objects(term, prop)}
            assert {"zh", "en"} <= langs, f"{term} lacks a zh/en {prop}"


@pytest.mark.parametrize(
    "cls,parent",
    [
        ("Person", "http://xmlns.com/foaf/0.1/Person"),
        ("Post", "http://www.w3.org/ns/org#Post"),
        ("Tenure", "http://www.w3.org/ns/org#Membership"),
        ("Organization", "http://www.w3.org/ns/org#FormalOrganization"),
        ("PersonnelAct", "http://www.w3.org/ns/prov#Activity"),
        ("Document", "http://data.europa.eu/eli/ontology#LegalResource"),
        ("WorkArea", "http://www.w3.org/2004/02/skos/core#Concept"),
        ("SourceRecord", "http://www.w3.org/ns/oa#SpecificResource"),
        ("GovernmentBody", "https://w3id.org/govkg/ontology#Organization"),
        ("PartyBody", "https://w3id.org/govkg/ontology#Organization"),
        ("StateEnterprise", "https://w3id.org/govkg/ontology#Organization"),
        ("Removal", "https://w3id.org/govkg/ontology#PersonnelAct"),
        ("Supervises", "https://w3id.org/govkg/ontology#ResponsibilityAssignment"),
        ("DivisionOfWork", "http://www.w3.org/ns/prov#Entity"),
        ("MountainSeaCooperation", "https://w3id.org/govkg/ontology#Pairing"),
    ],
)
def test_classes_are_aligned_to_standard_vocabularies(onto, cls, parent):
    assert (GKG[cls], RDF.type, OWL.Class) in onto
    assert (GKG[cls], RDFS.subClassOf, rdflib.URIRef(parent)) in onto


def test_required_classes_exist(onto):
    for name in ("Person", "GovernmentBody", "PartyBody", "StateEnterprise", "OtherOrganization", "Place",
                 "Post", "Tenure", "Appointment", "ConcurrentAppointment", "Removal", "OtherPersonnelAct",
                 "ResponsibleFor", "Supervises", "Liaises", "Assists", "UnspecifiedResponsibility",
                 "MountainSeaCooperation", "CounterpartSupport", "Event", "Attendance", "Document",
                 "CatalogEntry", "GazetteIssue", "PersonPostObservation", "SourceRecord", "DivisionOfWork"):
        assert (GKG[name], RDF.type, OWL.Class) in onto, name


def test_code_never_spells_ontology_iris():
    # Terms come from vocab.py; a hand-written IRI would escape the drift test above.
    for rel in ("graph/mapping.py", "extractors/resolve.py", "graph/ids.py", "govkg/commands/entities.py"):
        text = (ROOT / rel).read_text("utf-8")
        for ns in ("w3id.org/govkg/ontology", "www.w3.org/ns/", "purl.org/dc", "data.europa.eu/eli", "xmlns.com/foaf"):
            assert ns not in text, f"{rel} spells {ns}"


def test_every_term_the_mapping_writes_is_declared(onto):
    from govkg.extractors.registry import extract_all
    from govkg.graph.mapping import issue_quads
    from tests.helpers import load_seed

    issue = load_seed("004")
    declared = {str(s) for s in onto.subjects()}
    used = set()
    for q in issue_quads(issue, extract_all(issue)):
        used.add(q.predicate.value)
        if q.predicate == vocab.RDF.type:
            used.add(q.object.value)
    assert used and used <= declared, used - declared
