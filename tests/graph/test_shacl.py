"""SHACL (ontology/shapes.ttl): the graph of every bundled issue conforms; broken graphs
(an act without a person, a source without a quote, a fact without a source) do not."""
from __future__ import annotations

import pytest
from pyoxigraph import Quad

from conftest import load_seed
from govkg.extractors.records import Appointment
from govkg.extractors.registry import extract_all
from govkg.graph.mapping import issue_quads, validate
from govkg.graph.vocab import GKG, OA, PROV


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
