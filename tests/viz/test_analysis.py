"""Analyses: stats on the bundled store, paths with their sources (inline cases for each rule:
events and areas are not bridges, the earliest dated fact is reported, as printed), and the
`stats`, `path` and `export network` commands."""
from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
import zipfile

import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.graph.analysis import NotFound, connection, stats
from govkg.graph.network import build_network, load_network


def _n(label, kind, post_in=None):
    return {"label": label, "kind": kind, "title": label, "post_in": post_in}


def _f(f, s, o, relation, date="2019-03-01", line="5"):
    return {"f": f, "s": s, "o": o, "relation": relation, "date": date, "issue": "某市公报", "document": "某政发〔2019〕1号",
            "line": line, "quote": f"{f}的原文"}


@pytest.fixture(scope="module")
def g(built_store):
    return load_network(built_store)


def test_stats_on_the_bundled_store(g):
    s = stats(g, top=5)
    assert s["nodes"] == g.number_of_nodes() and s["edges"] == g.number_of_edges()
    assert sum(s["nodes_by_kind"].values()) == s["nodes"]
    assert sum(s["edges_by_year"].values()) == s["edges"]
    assert sum(s["components"]["largest"]) <= s["nodes"] and s["components"]["count"] >= 1
    assert len(s["people_by_degree"]) == 5 and all(r["kind"] == "person" for r in s["people_by_degree"])
    assert all(r["kind"] != "person" for r in s["bodies_by_betweenness"])
    scores = [r["score"] for r in s["people_by_degree"]]
    assert scores == sorted(scores, reverse=True)


def test_path_goes_through_a_shared_body_with_sources():
    nodes = {"a": _n("张三", "person"), "b": _n("李四", "person"), "o": _n("某市财政局", "government")}
    g = build_network(nodes, [_f("f1", "a", "o", "分管", line="3"), _f("f2", "b", "o", "联系", line="4")])
    steps = connection(g, "张三", "李四")
    assert [(s.source_name, s.relation, s.target_name) for s in steps] == [("张三", "分管", "某市财政局"), ("李四", "联系", "某市财政局")]
    assert steps[0].line == 3 and steps[0].quote == "f1的原文" and steps[0].document == "某政发〔2019〕1号"


def test_a_shared_event_is_no_connection():
    nodes = {"a": _n("张三", "person"), "b": _n("李四", "person"), "e": _n("全市大会", "event")}
    g = build_network(nodes, [_f("f1", "a", "e", "出席"), _f("f2", "b", "e", "出席")])
    with pytest.raises(NotFound):
        connection(g, "张三", "李四")


def test_the_earliest_dated_fact_names_a_step():
    nodes = {"a": _n("张三", "person"), "o": _n("某局", "government")}
    g = build_network(nodes, [_f("f1", "a", "o", "联系", "2020-01-01"), _f("f2", "a", "o", "分管", "2018-05-01")])
    (step,) = connection(g, "张三", "某局")
    assert (step.relation, step.date) == ("分管", "2018-05-01")


def test_unknown_name_is_not_found():
    g = build_network({"a": _n("张三", "person")}, [])
    with pytest.raises(NotFound):
        connection(g, "张三", "王五")


def test_stats_and_path_commands(built_store, g):
    runner = CliRunner()
    r = runner.invoke(main, ["stats", "--store", str(built_store), "--format", "json", "--top", "3"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["nodes"] == g.number_of_nodes()
    assert "people by betweenness" in runner.invoke(main, ["stats", "--store", str(built_store)]).output
    top = stats(g, top=2)["people_by_degree"]
    r = runner.invoke(main, ["path", top[0]["name"], top[1]["name"], "--store", str(built_store), "--format", "json"])
    assert r.exit_code == 0, r.output
    steps = json.loads(r.output)
    assert steps and all(s["relation"] and s["issue"] and s["line"] for s in steps)
    r = runner.invoke(main, ["path", top[0]["name"], "无此人名字", "--store", str(built_store)])
    assert r.exit_code == 1 and "无此人名字" in r.output


def test_export_network_formats(built_store, g, tmp_path):
    runner = CliRunner()
    out = tmp_path / "n.graphml"
    assert runner.invoke(main, ["export", "network", "--store", str(built_store), "--format", "graphml", "-o", str(out)]).exit_code == 0
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(out).getroot()
    assert len(root.findall(".//g:node", ns)) == g.number_of_nodes()
    assert len(root.findall(".//g:edge", ns)) == g.number_of_edges()
    r = runner.invoke(main, ["export", "network", "--store", str(built_store), "--format", "gexf"])
    assert r.exit_code == 0 and "<gexf" in r.output
    r = runner.invoke(main, ["export", "network", "--store", str(built_store), "--format", "csv"])
    with zipfile.ZipFile(io.BytesIO(r.stdout_bytes)) as z:
        assert sorted(z.namelist()) == ["edges.csv", "nodes.csv"]
        nodes = z.read("nodes.csv").decode("utf-8-sig").splitlines()
        edges = z.read("edges.csv").decode("utf-8-sig").splitlines()
    assert nodes[0] == "id,label,kind,years" and len(nodes) == g.number_of_nodes() + 1
    assert edges[0].startswith("source,target,relation,date")
    assert "Example:" in runner.invoke(main, ["export", "network", "--help"]).output
