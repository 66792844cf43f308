"""A later division-of-work notice ends the assignments of an earlier one (issue: 领导分工).

The bundled issues hold one 领导分工 notice (003, 温政发〔2020〕10号 of 2020-06-24). The test
adds a later issue made from it: the same notice re-signed on 2021-03-01 as 温政发〔2021〕3号
with one leader's work changed, as a later notice would be printed.
"""
from __future__ import annotations

import pytest
from conftest import seed_file

from govkg.graph.build import build
from govkg.graph.queries import run_stored
from govkg.graph.store import DERIVED_GRAPH, GraphStore


def later_notice(text: str) -> str:
    text = text.replace("2020年6月24日", "2021年3月1日").replace("温政发〔2020〕10号", "温政发〔2021〕3号")
    text = text.replace("2020年第6 期", "2021年第3 期").replace("总第214期", "总第223期")
    # 陈建明 no longer supervises the finance bureau in the later notice.
    return text.replace("市财政局", "市审计局", 1) if "市财政局" in text else text


@pytest.fixture(scope="module")
def two_notices(tmp_path_factory):
    d = tmp_path_factory.mktemp("notices")
    first = seed_file("003")
    second = d / "later.txt"
    second.write_text(later_notice(first.read_text("utf-8")), "utf-8")
    store = d / "store"
    build([first, second], store)
    return store


def test_every_assignment_of_the_earlier_notice_ends_on_the_later_date(two_notices):
    with GraphStore.open_read_only(two_notices) as store:
        rows = store.query("""
            PREFIX gkg: <https://w3id.org/govkg/ontology#>
            PREFIX eli: <http://data.europa.eu/eli/ontology#>
            SELECT ?d ?end ?by (COUNT(DISTINCT ?r) AS ?n) WHERE {
              ?r a ?c ; gkg:date ?d0 .
              VALUES ?c { gkg:ResponsibleFor gkg:Supervises gkg:Liaises gkg:Assists gkg:UnspecifiedResponsibility }
              OPTIONAL { ?r gkg:supersededOn ?e } OPTIONAL { ?r gkg:supersededBy/eli:id_local ?b }
              BIND(STR(?d0) AS ?d) BIND(STR(?e) AS ?end) BIND(STR(?b) AS ?by)
            } GROUP BY ?d ?end ?by ORDER BY ?d""").values()
    assert [(r["d"], r["end"], r["by"]) for r in rows] == [
        ("2020-06-24", "2021-03-01", "温政发〔2021〕3号"),
        ("2021-03-01", None, None),
    ]
    assert int(rows[0]["n"]) >= 190 and int(rows[1]["n"]) >= 190


def test_the_division_in_force_follows_the_date(two_notices):
    with GraphStore.open_read_only(two_notices) as store:
        in_2020 = run_stored(store, "division_on_date", {"date": "2020-07-01"}).values()
        in_2021 = run_stored(store, "division_on_date", {"date": "2021-06-01"}).values()
        before = run_stored(store, "division_on_date", {"date": "2020-01-01"}).values()
    assert before == []
    assert {r["notice"] for r in in_2020} == {"温政发〔2020〕10号"}
    assert {r["notice"] for r in in_2021} == {"温政发〔2021〕3号"}
    fin = lambda rows: {(r["leader"], r["relation"]) for r in rows if r["object"] == "温州市财政局"}
    assert ("姚高员", "supervises") in fin(in_2020)
    assert ("姚高员", "supervises") not in fin(in_2021)   # the later notice moved it


def test_one_notice_alone_supersedes_nothing(built_store):
    with GraphStore.open_read_only(built_store) as store:
        assert store.graph_size(DERIVED_GRAPH) == 0
        assert DERIVED_GRAPH not in store.issues()
