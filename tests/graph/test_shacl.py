"""SHACL (ontology/shapes.ttl): the graph of every bundled issue conforms; broken graphs
(an act without a person, a source without a quote, a fact without a source, an assignment
without its division of work, a division without its source or date) do not."""
from __future__ import annotations

import pytest
from pyoxigraph import Quad

from govkg.extractors.records import Appointment, Responsibility
from govkg.extractors.registry import extract_all
from govkg.graph.mapping import issue_quads, validate
from govkg.graph.vocab import GKG, OA, PROV, RDF
from tests.helpers import load_seed


def test_graph_of_all_bundled_issues_conforms():
    quads = []
    for prefix in ("000", "002", "003", "004"):
        issue = load_seed(prefix)
        quads += issue_quads(issue, extract_all(issue))
    conforms, report = validate(quads)
    assert conforms, report[:3000]


@pytest.fixture(scope="module")
def one_act():
    issue = load_seed("000")
    start = issue.text.index("人民政府")
    act = Appointment("郑邦良", "appoint", "温州市人民政府办公室", "调研员", None,
                      issue.source(start, start + 4, "appointments"))
    return issue_quads(issue, {"appointments": [act]})


def test_tiny_good_graph_conforms(one_act):
    assert validate(one_act)[0]


@pytest.mark.parametrize(
    "dropped,message",
    [
        (GKG.person, "exactly one person"),
        (GKG.organization, "needs an organization"),
        (OA.exact, "exactly one quote"),
        (GKG.line, "1-based line"),
        (GKG.date, "gkg:date"),
        (PROV.wasDerivedFrom, "prov:wasDerivedFrom source"),
    ],
)
def test_broken_graph_fails(one_act, dropped, message):
    broken = [q for q in one_act if q.predicate != dropped]
    assert len(broken) < len(one_act)
    conforms, report = validate(broken)
    assert not conforms
    assert message in report


def test_wrong_datatype_fails(one_act):
    from pyoxigraph import Literal

    broken = [Quad(q.subject, q.predicate, Literal("十二月"), q.graph_name) if q.predicate == GKG.date else q for q in one_act]
    assert not validate(broken)[0]


@pytest.fixture(scope="module")
def one_assignment():
    issue = load_seed("000")
    start = issue.text.index("人民政府")
    duty = Responsibility("姚高员", "supervises", "市财政局",
                          issue.source(start, start + 4, "responsibilities", "温政发〔2020〕10号"), "2020-06-24")
    return issue_quads(issue, {"responsibilities": [duty]})


def division_of(quads):
    (node,) = {q.subject for q in quads if q.predicate == RDF.type and q.object == GKG.DivisionOfWork}
    return node


def test_an_assignment_and_its_division_conform(one_assignment):
    conforms, report = validate(one_assignment)
    assert conforms, report[:3000]
    division = division_of(one_assignment)
    assert {q.predicate for q in one_assignment if q.subject == division} >= {GKG.city, GKG.date, GKG.notice, PROV.wasDerivedFrom}


@pytest.mark.parametrize(
    "on_division,dropped,message",
    [
        (False, GKG.division, "exactly one division of work"),
        (True, PROV.wasDerivedFrom, "prov:wasDerivedFrom source"),
        (True, GKG.date, "gkg:date"),
    ],
)
def test_broken_division_fails(one_assignment, on_division, dropped, message):
    division = division_of(one_assignment)
    broken = [q for q in one_assignment if not (q.predicate == dropped and (q.subject == division) == on_division)]
    assert len(broken) < len(one_assignment)
    conforms, report = validate(broken)
    assert not conforms
    assert message in report
