"""Every stored query (ontology/queries/*.rq) run on the store built from the bundled issues.

Expectations come from reading the seed text, cited beside each test (file:line), not from
the extractors' output.
"""
from __future__ import annotations

import pytest

from govkg.graph.queries import parse_stored_query, run_stored, stored_queries
from govkg.graph.store import GraphStore, QueryError


@pytest.fixture(scope="module")
def store(built_store):
    with GraphStore.open_read_only(built_store) as s:
        yield s


def rows(store, name, **params):
    return run_stored(store, name, params).values()


def test_header_is_parsed_into_title_description_and_params():
    q = parse_stored_query("# title: T\n# description: one\n# description: two\n# param: body — the body — 市财政局\nSELECT ?body WHERE {}", "x")
    assert (q.title, q.description, q.param_names, q.params[0].example) == ("T", "one two", ["body"], "市财政局")
    with pytest.raises(ValueError, match="title"):
        parse_stored_query("SELECT * WHERE {}", "untitled")


def test_every_stored_query_has_title_description_and_examples_for_its_params():
    queries = stored_queries()
    assert len(queries) >= 11
    for q in queries.values():
        assert q.title and q.description, q.name
        assert all(p.meaning and p.example for p in q.params), q.name
        assert all(f"?{p}" in q.sparql for p in q.param_names), q.name


def test_params_are_checked_by_name(store):
    with pytest.raises(QueryError, match="needs person"):
        run_stored(store, "person_acts", {})
    with pytest.raises(QueryError, match="no parameter"):
        run_stored(store, "person_acts", {"person": "郑章辉", "year": "2019"})


def test_career_of_a_person(store):
    # 002:4801 郑章辉为温州市公安局禁毒支队支队长; 002:4986 免去郑章辉的…基层基础支队支队长;
    # 004:3179 免去郑章辉的温州市公安局禁毒支队支队长
    acts = {(r["act"], r["organization"] + r["post"], r["date"][:4]) for r in rows(store, "person_acts", person="郑章辉")}
    assert acts == {("appoint", "温州市公安局禁毒支队支队长", "2018"), ("remove", "温州市公安局基层基础支队支队长", "2018"),
                    ("remove", "温州市公安局禁毒支队支队长", "2019")}


def test_a_name_that_reads_like_sparql_finds_nothing(store):
    assert rows(store, "person_acts", person='郑章辉" } UNION { ?a ?b ?c } #') == []


def test_all_personnel_acts_carry_their_source(store):
    acts = rows(store, "appointments")
    assert len(acts) >= 100
    assert all(r["issue"] and r["line"] and r["quote"] for r in acts)
    assert {"郑章辉", "郑邦良", "金浩"} <= {r["person"] for r in acts}


def test_who_held_a_post_in_a_body_on_a_date(store):
    # 郑章辉 held 禁毒支队支队长 from 2018-01 (002) until 2019-12 (004).
    assert [r["person"] for r in rows(store, "post_holders_on_date", post="支队长", body="温州市公安局禁毒支队", date="2019-06-01")] == ["郑章辉"]
    assert rows(store, "post_holders_on_date", post="支队长", body="温州市公安局禁毒支队", date="2020-03-01") == []


def test_bodies_each_leader_supervises_or_liaises_with(store):
    # 003:5-13 姚高员 … 分管市财政局、市审计局; 003:26 陈建明 分管 … 市公安局; 003:31 联系市人大 …
    found = {(r["leader"], r["relation"], r["body"]) for r in rows(store, "leader_bodies")}
    assert {("姚高员", "supervises", "温州市财政局"), ("姚高员", "supervises", "温州市审计局"),
            ("陈建明", "supervises", "温州市公安局")} <= found
    assert any(rel == "liaises" and leader == "陈建明" for leader, rel, _ in found)


def test_leaders_over_a_body_by_its_short_name(store):
    # 003:13 分管市财政局 under 姚高员
    found = rows(store, "body_leaders", body="市财政局")
    assert [(r["leader"], r["relation"], r["organization"]) for r in found] == [("姚高员", "supervises", "温州市财政局")]


def test_bodies_a_leader_supervises_since(store):
    # 温政发〔2020〕10号, signed 2020-06-24: 姚高员 分管市财政局、市审计局
    found = {(r["body"], r["since"]) for r in rows(store, "leader_supervises_since", leader="姚高员")}
    assert {("温州市财政局", "2020-06-24"), ("温州市审计局", "2020-06-24")} <= found


def test_division_of_work_in_force_in_a_city_on_a_date(store):
    # 003: 温政发〔2020〕10号 温州市人民政府关于调整市政府领导分工的通知, 2020-06-24; 003:5-13 姚高员 … 分管市财政局
    found = rows(store, "division_on_date", city="温州市", date="2020-07-01")
    # The notice lists about 200 assignments (a bound: a reader that splits a list better may find more).
    assert 190 <= len(found) <= 260
    assert {(r["city"], r["date"], r["since"], r["notice"]) for r in found} == {("温州市", "2020-07-01", "2020-06-24", "温政发〔2020〕10号")}
    assert ("姚高员", "supervises", "温州市财政局") in {(r["leader"], r["relation"], r["object"]) for r in found}
    assert rows(store, "division_on_date", city="温州市", date="2020-06-23") == []     # before the notice
    assert rows(store, "division_on_date", city="台州市", date="2020-07-01") == []     # another city's
    with pytest.raises(QueryError, match="needs city"):
        run_stored(store, "division_on_date", {"date": "2020-07-01"})


def test_documents_issued_by_a_body(store):
    numbers = {r["doc_number"] for r in rows(store, "documents_by_body", body="温州市人民政府")}
    assert "温政发〔2020〕10号" in numbers


def test_documents_citing_a_document(store):
    # 003:2100 根据《中华人民共和国水法》…; 000:4268 …《中华人民共和国水法》…
    numbers = {r["doc_number"] for r in rows(store, "documents_citing", cited="中华人民共和国水法")}
    assert len(numbers) == 2 and any("2020" in n for n in numbers) and any("2018" in n for n in numbers)


def test_personnel_acts_in_a_month(store):
    found = rows(store, "acts_in_month", month="2019-12")
    assert ("郑章辉", "remove") in {(r["person"], r["act"]) for r in found}
    assert all(r["date"].startswith("2019-12") for r in found)


def test_people_holding_concurrent_posts(store):
    # 000:7394-7396 免去郑邦良的…主任、温州市人民政府副秘书长（兼）职务; 002:5018-5020 金浩 …专职副主任（兼）
    names = {r["person"] for r in rows(store, "concurrent_posts")}
    assert {"郑邦良", "金浩"} <= names
    assert "郑章辉" not in names    # his two posts were one after the other, not at once


def test_events_two_officials_both_attended(store):
    # 000 政府记事: 12月4日 市长姚高员、常务副市长陈建明参加市委书记专题会议。
    found = rows(store, "co_attendance", a="姚高员", b="陈建明")
    assert any(r["date"] == "2018-12-04" and "市委书记专题会议" in r["text"] for r in found)
    assert rows(store, "co_attendance", a="姚高员", b="无此人") == []


def test_officials_who_attend_together_most(store):
    top = rows(store, "co_attendance_pairs")[0]
    assert {top["a"], top["b"]} == {"姚高员", "陈建明"}   # the mayor and executive vice-mayor


def test_pairings(store):
    # 000:540 泰顺-鹿城 (山海协作); 000:7456 两地自启动对口支援 (温州市, 格尔木市)
    found = {(r["kind"], frozenset((r["first"], r["second"]))) for r in rows(store, "pairings")}
    assert ("山海协作", frozenset({"泰顺县", "鹿城区"})) in found
    assert ("对口支援", frozenset({"温州市", "格尔木市"})) in found


def test_bodies_and_their_aliases(store):
    aliases = {r["body"]: set(r["aliases"].split("；")) for r in rows(store, "body_aliases")}
    assert "市发改委" in aliases["温州市发展和改革委员会"]
    assert "市财政局" in aliases["温州市财政局"]
