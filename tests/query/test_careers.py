"""Careers: acts pair into tenures (inline cases, one per rule), and 郑章辉's tenure across
issues 002 (appointed, 2018) and 004 (removed, 2019) in the store built from the samples."""
from __future__ import annotations

import csv
import io

from govkg.graph.careers import Act, career, tenures
from govkg.graph.store import GraphStore

BUREAU = "温州市公安局"


def act(kind, date, post="支队长", org=BUREAU + "禁毒支队", person="张三", **kw):
    return Act(person=person, date=date, act=kind, post=post, organization=org, **kw)


def test_appointment_then_later_removal_is_one_closed_tenure():
    (t,) = tenures([act("remove", "2019-12"), act("appoint", "2018-01")])
    assert (t.start, t.end) == ("2018-01", "2019-12")


def test_organization_and_post_split_differently_are_the_same_post():
    (t,) = tenures([act("appoint", "2018-01", post="禁毒支队支队长", org=BUREAU), act("remove", "2019-12")])
    assert t.end == "2019-12"


def test_removal_without_appointment_is_a_tenure_of_unknown_start():
    (t,) = tenures([act("remove", "2019-12")])
    assert t.start is None and t.end == "2019-12"


def test_restated_appointment_does_not_open_a_second_tenure():
    (t,) = tenures([act("appoint", "2018-01"), act("appoint", "2018-03")])
    assert t.start == "2018-01" and t.open and len(t.acts) == 2


def test_reappointment_after_removal_opens_a_new_tenure():
    ts = tenures([act("appoint", "2015-01"), act("remove", "2016-01"), act("appoint", "2018-01")])
    assert [(t.start, t.end) for t in ts] == [("2015-01", "2016-01"), ("2018-01", None)]


def test_different_person_iris_with_one_name_stay_apart():
    ts = tenures([act("appoint", "2018-01", person_iri="urn:p:1"), act("remove", "2019-01", person_iri="urn:p:2")])
    assert len(ts) == 2 and ts[0].open


def test_concurrent_post_opens_its_own_tenure_beside_the_main_one():
    ts = tenures([act("appoint", "2018-01"), act("concurrent", "2018-01", post="政委")])
    assert len(ts) == 2 and all(t.open for t in ts)


def test_zheng_zhanghui_appointed_in_002_and_removed_in_004_is_one_tenure(built_store):
    with GraphStore.open_read_only(built_store) as store:
        c = career(store, "郑章辉")
    drug = [t for t in c.tenures if "禁毒" in (t.organization or "") + t.post]
    assert len(drug) == 1
    (t,) = drug
    assert t.start and t.start.startswith("2018") and t.end and t.end.startswith("2019")
    assert {a.act for a in t.acts} == {"appoint", "remove"}
    # His earlier post (基层基础支队支队长) was removed in 002: a tenure whose start we do not know.
    assert any("基层基础" in (x.organization or "") + x.post and x.start is None and x.end for x in c.tenures)


def test_career_command_csv_shows_the_tenure(built_store):
    from click.testing import CliRunner

    from govkg.cli import main

    out = CliRunner().invoke(main, ["career", "郑章辉", "--store", str(built_store), "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    drug = [r for r in rows if "禁毒" in r["organization"] + r["post"]]
    assert [r["act"] for r in drug] == ["appoint", "remove"]
    assert {(r["tenure_start"][:4], r["tenure_end"][:4]) for r in drug} == {("2018", "2019")}
    assert all(r["issue"] and r["line"] and r["quote"] for r in drug)
