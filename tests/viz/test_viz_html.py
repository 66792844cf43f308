"""The page as text: self-contained (no external src/href, no CDN, no node_modules path),
hostile text escaped inside the data block, one legend entry per kind present, and the `viz`
command's options (--focus/--hops, bad store)."""
from __future__ import annotations

import json
import re

from click.testing import CliRunner

from govkg.cli import main
from govkg.graph.network import build_network
from govkg.graph.viz import PHYSICS_MAX_NODES, json_for_script, network_html, vis_data

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:|//|\.\./)""", re.I)


def _tiny(title="关于印发某市办法的通知"):
    nodes = {"urn:org": {"label": "某市人民政府", "kind": "government", "title": "某市人民政府", "post_in": None},
             "urn:doc": {"label": title, "kind": "document", "title": title, "post_in": None},
             "urn:p": {"label": "张三", "kind": "person", "title": "张三", "post_in": None}}
    facts = [{"f": "f1", "s": "urn:org", "o": "urn:doc", "relation": "签发", "date": "2019-01-02", "document": "某政发〔2019〕1号",
              "issue": "某市公报", "line": "7", "quote": title},
             {"f": "f2", "s": "urn:p", "o": "urn:org", "relation": "分管", "date": "2020-06", "document": None,
              "issue": "某市公报", "line": "9", "quote": "张三分管某市人民政府"}]
    return build_network(nodes, facts)


def _data_block(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="govkg-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_page_is_self_contained():
    page = network_html(_tiny())
    assert not EXTERNAL.search(page)
    for host in ("cdnjs.cloudflare.com", "cdn.jsdelivr.net", "unpkg.com", "bootstrap"):
        assert host not in page, host
    assert "node_modules" not in page
    assert "sourceMappingURL" not in page
    assert "vis.Network" in page and "vis-network" in page  # the library itself is inlined


def test_hostile_title_cannot_close_the_script():
    hostile = '</script><script>alert(1)</script>"quotes" & <!--'
    page = network_html(_tiny(hostile), title=hostile)
    assert page.count("</script>") == 3      # vis, data block, app: nothing from the data
    assert "<script>alert(1)" not in page
    assert "&lt;/script&gt;" in page         # the heading and <title> are HTML-escaped
    data = _data_block(page)
    assert hostile in [n["label"] for n in data["nodes"]]


def test_json_for_script_escapes_markup_and_line_separators():
    text = json_for_script({"a": "<b>&\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "<b>&\u2028"}


def test_nodes_and_edges_carry_style_and_tooltip():
    nodes, edges, options = vis_data(_tiny())
    kinds = {n["kind"]: (n["shape"], n["color"]) for n in nodes}
    assert len(set(kinds.values())) == 3                  # each kind its own look
    issued = next(e for e in edges if e["label"] == "签发")
    assert "2019-01-02" in issued["title"] and "某政发〔2019〕1号" in issued["title"] and "第7行" in issued["title"]
    assert issued["year"] == 2019
    assert options["physics"]["enabled"] is True          # small graph: a short stabilisation


def test_big_graph_draws_without_physics():
    nodes = {f"p{i}": {"label": f"人{i}", "kind": "person", "title": "", "post_in": None} for i in range(PHYSICS_MAX_NODES + 1)}
    nodes["o"] = {"label": "某局", "kind": "government", "title": "", "post_in": None}
    facts = [{"f": f"f{i}", "s": f"p{i}", "o": "o", "relation": "联系", "date": None} for i in range(PHYSICS_MAX_NODES + 1)]
    _, _, options = vis_data(build_network(nodes, facts))
    assert options["physics"]["enabled"] is False


def test_legend_lists_kinds_present_and_years():
    data = _data_block(network_html(_tiny()))
    assert [k["kind"] for k in data["legend"]] == ["person", "government", "document"]
    assert data["years"] == [2019, 2020]


def test_viz_command_whole_and_focused(built_store, tmp_path):
    runner = CliRunner()
    whole = tmp_path / "all.html"
    r = runner.invoke(main, ["viz", "--store", str(built_store), "-o", str(whole)])
    assert r.exit_code == 0, r.output
    focus = tmp_path / "focus.html"
    r = runner.invoke(main, ["viz", "--store", str(built_store), "--focus", "郑章辉", "--hops", "1", "-o", str(focus)])
    assert r.exit_code == 0, r.output
    n_all, n_focus = len(_data_block(whole.read_text("utf-8"))["nodes"]), len(_data_block(focus.read_text("utf-8"))["nodes"])
    assert 1 < n_focus < n_all
    assert not EXTERNAL.search(focus.read_text("utf-8"))


def test_viz_command_folds_events_and_links_nodes_to_served_pages(built_store, tmp_path):
    out = tmp_path / "linked.html"
    r = CliRunner().invoke(main, ["viz", "--store", str(built_store), "--pages", "http://127.0.0.1:7879/", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "reading the store" in r.stderr and "laying out" in r.stderr     # progress on a large store
    data = _data_block(out.read_text("utf-8"))
    people = [n for n in data["nodes"] if n["kind"] == "person"]
    assert people and all(re.fullmatch(r"http://127\.0\.0\.1:7879/id/person/[0-9a-f]{16}", n["link"]) for n in people)
    assert data["folded"] and any(e.get("folded") for e in data["edges"])
    assert {r["relation"] for r in data["edgeLegend"]} >= {e["relation"] for e in data["edges"]}
    r = CliRunner().invoke(main, ["viz", "--store", str(built_store), "--events", "show", "-o", str(out)])
    data = _data_block(out.read_text("utf-8"))
    assert not data["folded"] and not any(e.get("folded") for e in data["edges"])


def test_viz_command_errors(built_store, tmp_path):
    runner = CliRunner()
    r = runner.invoke(main, ["viz", "--store", str(tmp_path / "none"), "-o", str(tmp_path / "x.html")])
    assert r.exit_code == 1 and "no govkg store" in r.output
    r = runner.invoke(main, ["viz", "--store", str(built_store), "--focus", "无此人名字", "-o", str(tmp_path / "x.html")])
    assert r.exit_code == 1 and "无此人名字" in r.output
    assert "Example:" in runner.invoke(main, ["viz", "--help"]).output
