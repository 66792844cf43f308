"""A later division-of-work notice ends the assignments of an earlier one (issue: 领导分工).

The bundled issues hold one 领导分工 notice (003, 温政发〔2020〕10号 of 2020-06-24). The test
adds a later issue made from it: the same notice re-signed on 2021-03-01 as 温政发〔2021〕3号
with one leader's work changed, as a later notice would be printed.

Each notice's assignments belong to one division of work (gkg:DivisionOfWork) of the
gazette's city, and a later division of the SAME city supersedes an earlier one: a small
inline case of two cities' notices checks that another city's notice never does.
"""
from __future__ import annotations

import pytest

from govkg.extractors.layout import normalize
from govkg.extractors.records import Responsibility
from govkg.graph.build import build, issue_graph_name
from govkg.graph.mapping import issue_quads
from govkg.graph.queries import run_stored
from govkg.graph.store import DERIVED_GRAPH, GraphStore
from tests.helpers import seed_file

GKG = "PREFIX gkg: <https://w3id.org/govkg/ontology#>\nPREFIX eli: <http://data.europa.eu/eli/ontology#>\n"


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


def test_the_earlier_division_itself_is_superseded(two_notices):
    with GraphStore.open_read_only(two_notices) as store:
        rows = store.query(GKG + """
            SELECT ?notice ?d ?end ?by WHERE {
              ?div a gkg:DivisionOfWork ; gkg:city "温州市" ; gkg:date ?d0 ; gkg:notice/eli:id_local ?notice .
              OPTIONAL { ?div gkg:supersededOn ?e } OPTIONAL { ?div gkg:supersededBy/eli:id_local ?b }
              BIND(STR(?d0) AS ?d) BIND(STR(?e) AS ?end) BIND(STR(?b) AS ?by)
            } ORDER BY ?d""").values()
    assert [(r["notice"], r["d"], r["end"], r["by"]) for r in rows] == [
        ("温政发〔2020〕10号", "2020-06-24", "2021-03-01", "温政发〔2021〕3号"),
        ("温政发〔2021〕3号", "2021-03-01", None, None),
    ]


def test_the_division_in_force_follows_the_date(two_notices):
    with GraphStore.open_read_only(two_notices) as store:
        in_2020 = run_stored(store, "division_on_date", {"city": "温州市", "date": "2020-07-01"}).values()
        in_2021 = run_stored(store, "division_on_date", {"city": "温州市", "date": "2021-06-01"}).values()
        on_the_day = run_stored(store, "division_on_date", {"city": "温州市", "date": "2021-03-01"}).values()
        before = run_stored(store, "division_on_date", {"city": "温州市", "date": "2020-01-01"}).values()
        elsewhere = run_stored(store, "division_on_date", {"city": "杭州市", "date": "2021-06-01"}).values()
    assert before == [] and elsewhere == []
    assert {r["notice"] for r in in_2020} == {"温政发〔2020〕10号"}
    assert {r["notice"] for r in in_2021} == {"温政发〔2021〕3号"}
    assert {r["notice"] for r in on_the_day} == {"温政发〔2021〕3号"}   # in force from its own date
    assert {(r["city"], r["date"]) for r in in_2021} == {("温州市", "2021-06-01")}
    assert len(in_2020) >= 190 and len(in_2021) >= 190
    def fin(rows):
        return {(r["leader"], r["relation"]) for r in rows if r["object"] == "温州市财政局"}
    assert ("姚高员", "supervises") in fin(in_2020)
    assert ("姚高员", "supervises") not in fin(in_2021)   # the later notice moved it


def test_one_notice_alone_supersedes_nothing(built_store):
    with GraphStore.open_read_only(built_store) as store:
        assert store.graph_size(DERIVED_GRAPH) == 0
        assert DERIVED_GRAPH not in store.issues()


# -- two cities (inline): a later notice of one city never ends another city's division --------


def notice_issue(city: str, year: int, number: int, notice: str, date: str, duties: list[tuple[str, str, str]]):
    """A tiny gazette issue of `city` printing one 领导分工 notice, and its records: each duty
    (person, relation, object) read from its own line of the notice."""
    lines = [f"{city}人民政府公报", f"{year} 年第{number} 期", f"{city}人民政府关于调整市政府领导分工的通知"]
    lines += [f"{person}同志：{object_}。" for person, _, object_ in duties]
    issue = normalize("\n".join(lines) + "\n", f"{city}-{year}-{number}.txt")
    records = []
    for person, relation, object_ in duties:
        start = issue.text.index(person)
        src = issue.source(start, start + len(person) + 3 + len(object_), "responsibilities", notice)
        records.append(Responsibility(person, relation, object_, src, date))
    return issue, {"responsibilities": records}


@pytest.fixture(scope="module")
def two_cities(tmp_path_factory):
    """温州市: notices of 2020-06-24 and 2021-03-01; 台州市: one notice of 2020-09-01, between
    them, so a rule that ignored the city would end each city's division by the other's."""
    issues = [
        notice_issue("温州市", 2020, 6, "温政发〔2020〕10号", "2020-06-24",
                     [("甲一", "supervises", "市财政局"), ("甲二", "responsible_for", "教育")]),
        notice_issue("台州市", 2020, 9, "台政发〔2020〕20号", "2020-09-01",
                     [("乙一", "supervises", "市财政局"), ("乙二", "liaises", "市人大")]),
        notice_issue("温州市", 2021, 3, "温政发〔2021〕3号", "2021-03-01",
                     [("甲三", "supervises", "市财政局")]),
    ]
    path = tmp_path_factory.mktemp("cities") / "store"
    with GraphStore(path) as store:
        for issue, found in issues:
            quads = issue_quads(issue, found)
            store.replace_issue(issue_graph_name(quads), quads)
        store.refresh_derived()
    return path


def test_each_division_is_superseded_only_by_its_own_city(two_cities):
    with GraphStore.open_read_only(two_cities) as store:
        divisions = store.query(GKG + """
            SELECT ?city ?notice ?end ?by WHERE {
              ?div a gkg:DivisionOfWork ; gkg:city ?city ; gkg:notice/eli:id_local ?notice .
              OPTIONAL { ?div gkg:supersededOn ?e } OPTIONAL { ?div gkg:supersededBy/eli:id_local ?by }
              BIND(STR(?e) AS ?end)
            } ORDER BY ?notice""").values()
        assignments = store.query(GKG + """
            SELECT ?notice ?end (COUNT(?r) AS ?n) WHERE {
              ?r gkg:division/gkg:notice/eli:id_local ?notice .
              OPTIONAL { ?r gkg:supersededOn ?e } BIND(STR(?e) AS ?end)
            } GROUP BY ?notice ?end ORDER BY ?notice""").values()
    assert [(r["city"], r["notice"], r["end"], r["by"]) for r in divisions] == [
        ("台州市", "台政发〔2020〕20号", None, None),
        ("温州市", "温政发〔2020〕10号", "2021-03-01", "温政发〔2021〕3号"),
        ("温州市", "温政发〔2021〕3号", None, None),
    ]
    # The per-assignment triples follow their division's.
    assert [(r["notice"], r["end"], r["n"]) for r in assignments] == [
        ("台政发〔2020〕20号", None, "2"), ("温政发〔2020〕10号", "2021-03-01", "2"), ("温政发〔2021〕3号", None, "1"),
    ]


def test_division_on_date_answers_for_the_asked_city_only(two_cities):
    def leaders(city, date):
        with GraphStore.open_read_only(two_cities) as store:
            rows = run_stored(store, "division_on_date", {"city": city, "date": date}).values()
        assert all(r["city"] == city and r["date"] == date for r in rows)
        return sorted((r["leader"], r["notice"]) for r in rows)

    assert leaders("台州市", "2020-07-01") == []
    assert leaders("台州市", "2021-06-01") == [("乙一", "台政发〔2020〕20号"), ("乙二", "台政发〔2020〕20号")]
    assert leaders("温州市", "2020-10-01") == [("甲一", "温政发〔2020〕10号"), ("甲二", "温政发〔2020〕10号")]
    assert leaders("温州市", "2021-06-01") == [("甲三", "温政发〔2021〕3号")]
