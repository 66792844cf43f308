"""The vocabulary said once (ontology/govkg.ttl, read by graph/vocabulary.py), and the
Chinese-text judgements graph/ asks of extractors/textforms.py."""
from __future__ import annotations

from govkg.extractors import textforms
from govkg.graph import careers, network, viz
from govkg.graph.vocab import ELI, GKG, ORG
from govkg.graph.vocabulary import vocabulary


def test_record_codes_name_the_classes_the_mapping_writes():
    v = vocabulary()
    assert v.codes(GKG.PersonnelAct) == {
        "appoint": GKG.Appointment.value, "concurrent": GKG.ConcurrentAppointment.value,
        "remove": GKG.Removal.value, "other": GKG.OtherPersonnelAct.value}
    assert v.class_for(GKG.ResponsibilityAssignment, "supervises", GKG.UnspecifiedResponsibility) == GKG.Supervises
    assert v.class_for(GKG.ResponsibilityAssignment, "no such code", GKG.UnspecifiedResponsibility) == GKG.UnspecifiedResponsibility
    assert v.class_for(GKG.Pairing, "对口支援", GKG.OtherPairing) == GKG.CounterpartSupport


def test_tenure_effects_are_read_by_careers():
    assert careers.OPENING_ACTS == ("appoint", "concurrent")
    assert careers.CLOSING_ACTS == ("remove",)


def test_edges_come_in_legend_order_with_a_label_meaning_and_colour_each():
    v = vocabulary()
    assert [e.label for e in v.edges] == list(network.RELATIONS)
    assert v.edge(GKG.Appointment).label == "任" and v.edge(ORG.postIn).label == "设于"
    assert v.edge(ELI.passed_by).english == "issued the document"
    assert all(e.colour.startswith("#") and len(e.colour) == 7 for e in v.edges)
    assert viz.RELATION_COLOURS["免"] == v.edge(GKG.Removal).colour


def test_a_parent_edge_covers_its_subclasses_a_child_edge_only_itself():
    v = vocabulary()
    assert set(v.edge_classes(GKG.Pairing)) == {GKG.MountainSeaCooperation.value, GKG.CounterpartSupport.value, GKG.OtherPairing.value}
    assert v.edge_classes(GKG.Supervises) == [GKG.Supervises.value]


def test_node_kinds_take_their_captions_from_the_class_labels():
    v = vocabulary()
    assert list(network.NODE_KINDS)[:2] == ["person", "government"]
    assert network.NODE_KINDS["post"] == (v.label(GKG.Post, "zh"), v.label(GKG.Post, "en"))
    assert network.CLASS_KIND[GKG.WorkArea.value] == "area"
    assert set(viz.KIND_STYLE) == set(network.NODE_KINDS)


def test_the_store_vocabulary_holds_the_class_tree_and_codes_only():
    triples = vocabulary().store_triples()
    predicates = {t.predicate.value for t in triples}
    assert predicates <= {"http://www.w3.org/2000/01/rdf-schema#subClassOf", GKG.recordCode.value, GKG.tenureEffect.value}
    assert any(t.subject == GKG.Removal and t.object.value == "remove" for t in triples)


# -- extractors/textforms.py: real wording from Wenzhou gazettes and division-of-work notices

def test_a_responsibility_object_names_a_body_by_its_ending():
    # "分管市公安局、市司法局" names bodies; "负责安全生产、应急管理工作" names areas.
    assert textforms.names_a_body("市公安局")
    assert textforms.names_a_body("温州市人民政府办公室")
    assert textforms.names_a_body("温州市国有资本运营有限公司")
    assert not textforms.names_a_body("安全生产")
    assert not textforms.names_a_body("应急管理")


def test_a_document_key_is_a_number_or_a_title():
    assert textforms.is_document_number("温政发〔2018〕26号")
    assert textforms.is_document_number("温政办（2018）129号")
    assert not textforms.is_document_number("温州市人民政府关于公布2018年重点建设项目的通知")


def test_issue_label_and_running_heads():
    assert textforms.issue_label(2018, 12) == "2018年第12期"
    assert textforms.running_head(2019, 3) == "2019 年第3 期"
    assert textforms.renumber_total("温州市人民政府公报（总第196期） 政务简讯", 10001) == "温州市人民政府公报（总第10001期） 政务简讯"
    chars = textforms.given_name_chars()
    assert len(chars) > 20 and len(set(chars)) == len(chars)


def test_stored_queries_need_the_store_vocabulary_graph(tmp_path):
    import pyoxigraph as ox
    import pytest

    from govkg.graph.queries import run_stored
    from govkg.graph.store import VOCABULARY_GRAPH, GraphStore, QueryError

    act = ox.NamedNode("http://example.org/act")
    person = ox.NamedNode("http://example.org/p")
    post = ox.NamedNode("http://example.org/post")
    with GraphStore(tmp_path / "s") as store:
        store.replace_issue("http://example.org/g", [
            ox.Triple(act, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), GKG.Removal),
            ox.Triple(act, GKG.person, person), ox.Triple(act, GKG.post, post),
            ox.Triple(person, ox.NamedNode("http://xmlns.com/foaf/0.1/name"), ox.Literal("甲")),
            ox.Triple(post, ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), ox.Literal("局长")),
        ])
        # A store written before the vocabulary graph existed: a clear error, not an empty answer.
        with pytest.raises(QueryError, match="govkg build"):
            run_stored(store, "appointments")
        assert store.refresh_vocabulary() is True
        assert store.refresh_vocabulary() is False          # unchanged ontology: no rewrite
        assert store.graph_size(VOCABULARY_GRAPH) == len(vocabulary().store_triples())
        rows = run_stored(store, "appointments").values()
    assert [(r["person"], r["act"], r["post"]) for r in rows] == [("甲", "remove", "局长")]
