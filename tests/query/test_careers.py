"""Careers: acts pair into tenures (inline cases, one per rule), and 郑章辉's tenure across
issues 002 (appointed, 2018) and 004 (removed, 2019) in the store built from the samples;
sightings make inferred tenures, divisions of work run until a later notice drops them, and
every central person of the bundled store has a career from some kind of evidence."""
from __future__ import annotations

import csv
import io
import json

from govkg.graph.careers import Act, Evidence, career, infer_tenures, superseded_on, tenures
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
    drug = [r for r in rows if r["evidence"] == "act" and "禁毒" in r["organization"] + r["post"]]
    assert [r["act"] for r in drug] == ["appoint", "remove"]
    assert {(r["tenure_start"][:4], r["tenure_end"][:4]) for r in drug} == {("2018", "2019")}
    assert all(r["issue"] and r["line"] and r["quote"] for r in drug)


def seen(date, post="市长", org="温州市人民政府", person="甲", **kw):
    return Evidence(evidence="sighting", person=person, date=date, what=post, post=post, organization=org,
                    person_iri="urn:p:" + person, **kw)


def test_sightings_of_a_post_no_act_names_are_one_inferred_tenure_first_to_last():
    (t,) = infer_tenures([], [seen("2020-06"), seen("2018-12-13"), seen("2019-12-12")])
    assert (t.first, t.last) == ("2018-12-13", "2020-06")
    assert t.dates() == "2018-12, 2019-12, 2020-06"
    assert t.row()["evidence"] == "inferred"


def test_a_sighting_of_a_post_an_act_names_infers_nothing():
    acts = [Act(person="甲", date="2018-01", act="appoint", post="市长", organization="温州市人民政府", person_iri="urn:p:甲")]
    assert infer_tenures(acts, [seen("2019-12")]) == []
    # Another person seen in the same post is still inferred.
    assert len(infer_tenures(acts, [seen("2019-12", person="乙")])) == 1


def test_a_later_notice_of_the_same_government_that_drops_an_assignment_ends_it():
    finance, audit = ("甲", "supervises", "市财政局"), ("甲", "supervises", "市审计局")
    notices = [("d1", "温州市", "2020-06-24"), ("d2", "温州市", "2021-03-01"), ("x1", "台州市", "2020-09-01")]
    until = superseded_on([(finance, "d1", "2020-06-24"), (audit, "d1", "2020-06-24"), (audit, "d2", "2021-03-01")],
                          notices)
    assert until[(finance, "d1")] == "2021-03-01"      # dropped by the later notice
    assert until[(audit, "d1")] is None                # restated: still in force
    assert until[(audit, "d2")] is None


def test_another_governments_later_notice_does_not_supersede():
    key = ("甲", "supervises", "市财政局")
    until = superseded_on([(key, "d1", "2020-06-24")], [("d1", "温州市", "2020-06-24"), ("x1", "台州市", "2021-01-01")])
    assert until[(key, "d1")] is None


def test_the_mayor_seen_in_three_issues_has_an_inferred_post_and_the_bodies_he_supervises(built_store):
    with GraphStore.open_read_only(built_store) as store:
        c = career(store, "姚高员")
    (mayor,) = [t for t in c.inferred if t.post == "市长"]
    assert len({s.issue for s in mayor.sightings}) >= 3
    assert all(s.quote and "姚高员" in s.quote for s in mayor.sightings)
    supervised = {e.organization for e in c.divisions if e.what == "supervises"}
    assert any("财政局" in body for body in supervised)
    assert all(e.date and e.issue and e.line and e.quote for e in c.divisions)
    assert "温州市" in c.jurisdictions.values()


def test_every_central_person_has_a_career(built_store):
    from govkg.graph.analysis import stats
    from govkg.graph.network import load_network

    with GraphStore.open_read_only(built_store) as store:
        top = [row["name"] for row in stats(load_network(store), top=10)["people_by_degree"]]
        assert len(top) == 10
        for name in top:
            c = career(store, name)
            assert c.rows(), name
            assert all(r["evidence"] and r["issue"] and r["quote"] for r in c.rows()), name


def test_export_tenures_holds_act_and_inferred_tenures(built_store):
    from click.testing import CliRunner

    from govkg.cli import main

    out = CliRunner().invoke(main, ["export", "tenures", "--store", str(built_store), "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert {r["evidence"] for r in rows} == {"act", "inferred"}
    inferred = [r for r in rows if r["evidence"] == "inferred"]
    assert all(r["sightings"] and r["start"] and r["start_source"] for r in inferred)


def test_career_plot_draws_a_png_with_a_bar_per_tenure(built_store, tmp_path):
    from click.testing import CliRunner

    from govkg.cli import main
    from govkg.graph.timeline import lanes

    out = CliRunner().invoke(main, ["career", "郑章辉", "--store", str(built_store), "--plot", str(tmp_path / "x.png")])
    assert out.exit_code == 0, out.output
    assert (tmp_path / "x.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with GraphStore.open_read_only(built_store) as store:
        drawn = lanes(career(store, "郑章辉"))
    (bar,) = [lane for lane in drawn if "禁毒" in lane["label"]]
    assert bar["kind"] == "act" and bar["start"].year == 2018 and bar["end"].year == 2019
    assert bar["start_known"] and bar["end_known"]


def test_career_plot_html_and_svg(built_store, tmp_path):
    from click.testing import CliRunner

    from govkg.cli import main

    for name in ("c.svg", "c.html"):
        out = CliRunner().invoke(main, ["career", "姚高员", "--store", str(built_store), "--plot", str(tmp_path / name)])
        assert out.exit_code == 0, out.output
        text = (tmp_path / name).read_text("utf-8")
        assert "<svg" in text and "市长" in text


def test_career_command_filters_by_evidence_and_says_when_nothing_names_the_person(built_store):
    from click.testing import CliRunner

    from govkg.cli import main

    out = CliRunner().invoke(main, ["career", "姚高员", "--store", str(built_store), "--format", "json",
                                    "--evidence", "inferred", "--evidence", "division"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert {r["evidence"] for r in data["timeline"]} == {"inferred", "division"}
    assert any(t["evidence"] == "inferred" and t["sightings"] for t in data["tenures"])
    out = CliRunner().invoke(main, ["career", "无此人", "--store", str(built_store)])
    assert out.exit_code == 0 and "nothing in the store names" in out.stderr
    out = CliRunner().invoke(main, ["career", "姚高员", "--store", str(built_store), "--plot", "x.pdf"])
    assert out.exit_code == 1 and "--plot" in out.stderr
