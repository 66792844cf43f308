"""The network as ONE self-contained HTML page that works offline (a journalist's file).

In: a network from `govkg.graph.network` (`networkx.MultiDiGraph`, node `label`/`kind`/`years`,
edge `relation`/`date`/`document`/`issue`/`line`/`quote`). Out: `network_html(g, title)`, the
text of a page holding vis-network (pyvis's bundled copy, inlined), the nodes and edges, a
legend that filters by node kind, a year filter and a search box; `write_page(g, path)`.

Why not `pyvis.Network.write_html`: even with `cdn_resources="in_line"`, pyvis 0.3.2 emits
bootstrap `<link>`/`<script>` tags pointing at a CDN and a leftover `../node_modules/vis/...`
path (pyvis#228, #229), so the page breaks offline. pyvis still builds the node and edge
records and the vis options here (`Network.add_node/add_edge`, `get_network_data`); the page
around them is our own template with the JavaScript and CSS inlined.

Untrusted text: every label, title and quote comes from a gazette. It reaches the page only as
JSON inside `<script type="application/json">` with `<`, `>`, `&` and the JS line separators
escaped as \\uXXXX (so `</script>` in a title cannot close the block), is parsed with
`JSON.parse`, and is shown by vis-network (canvas text; tooltips set with `innerText`) or put
into the DOM with `textContent`/`value`: never as HTML.

Layout: positions are computed with networkx (spring layout per connected component, the
components packed on a grid), so the browser does no physics for a big graph; a small graph
(`PHYSICS_MAX_NODES`) gets a short physics stabilisation from those positions, and physics is
switched off on `stabilizationIterationsDone` so the page stops moving and stays responsive.
The page sets `window.govkgReady` (and `govkgReadyAt`, ms since navigation) once it is drawn
and still.
"""
from __future__ import annotations

import html
import json
import math
import re
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from .network import NODE_KINDS, simple_undirected

#: kind -> (colour, vis-network shape). Shapes with the label outside keep long names legible.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "person": ("#f28e2b", "dot"),
    "government": ("#4e79a7", "square"),
    "party": ("#c0392b", "square"),
    "enterprise": ("#59a14f", "hexagon"),
    "organization": ("#8c8c8c", "hexagon"),
    "post": ("#76b7b2", "diamond"),
    "document": ("#b07aa1", "triangle"),
    "place": ("#c9a227", "triangleDown"),
    "event": ("#ff9da7", "star"),
    "area": ("#a0cbe8", "dot"),
}

RELATION_COLOURS: dict[str, str] = {
    "任": "#2e7d32", "兼任": "#66bb6a", "免": "#c62828", "任免": "#9e9e9e", "设于": "#b0bec5",
    "分管": "#1565c0", "联系": "#42a5f5", "负责": "#283593", "协助": "#7986cb",
    "结对": "#c9a227", "签发": "#8e24aa", "出席": "#f48fb1",
}

#: Up to this many nodes the browser runs a short physics stabilisation; above it, the
#: precomputed layout is drawn as is (pyvis#204: ~1,500 nodes with physics took minutes).
PHYSICS_MAX_NODES = 300

VIS_VERSION = "vis-9.1.2"


def vis_assets() -> tuple[str, str]:
    """(vis-network JavaScript, CSS) from the pyvis package, without source-map comments (a
    browser with devtools open would try to fetch the map)."""
    lib = resources.files("pyvis") / "lib" / VIS_VERSION
    js = (lib / "vis-network.min.js").read_text("utf-8")
    css = (lib / "vis-network.css").read_text("utf-8")
    strip = re.compile(r"/[/*][#@]\s*sourceMappingURL=[^\n*]*(\*/)?")
    return strip.sub("", js), strip.sub("", css)


#: The only vis-network styles the page needs (the tooltip). The bundled vis-network.css is
#: 220 KB, mostly base64 icons of the editing toolbar we do not show; parsing it cost about a
#: fifth of the focused page's load time.
TOOLTIP_CSS = """div.vis-tooltip { position: absolute; visibility: hidden; padding: 5px; font-size: 12px; color: #000;
 background-color: #f5f4ed; border: 1px solid #808074; border-radius: 3px; box-shadow: 3px 3px 10px rgba(0,0,0,.2);
 pointer-events: none; z-index: 5; white-space: pre-wrap; max-width: 420px; }"""


def layout(g: nx.Graph, seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Pixel positions: each connected component laid out by a spring model on its own, the
    components placed biggest first on rows (a spring model of the whole would fling the small
    components to the rim)."""
    u = simple_undirected(g) if g.is_multigraph() or g.is_directed() else g
    components = sorted(nx.connected_components(u), key=lambda c: (-len(c), min(map(str, c))))
    positions: dict[Any, tuple[float, float]] = {}
    spacing = 70.0       # pixels per node-width, so labels rarely overlap
    x = y = row_height = 0.0
    row_width = spacing * max(8.0, 2.2 * math.sqrt(len(u)))
    for comp in components:
        sub = u.subgraph(comp)
        side = spacing * max(1.0, 2.6 * math.sqrt(len(comp)))
        if len(comp) == 1:
            pos = {next(iter(comp)): (0.0, 0.0)}
        else:
            pos = nx.spring_layout(sub, seed=seed, iterations=60 if len(comp) < 2000 else 30)
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height + spacing, 0.0
        for n, (px, py) in pos.items():
            # spring_layout returns coordinates in [-1, 1]: map them into the component's cell.
            positions[n] = (x + (px + 1) / 2 * side, y + (py + 1) / 2 * side)
        x += side + spacing
        row_height = max(row_height, side)
    return positions


def _edge_title(d: dict[str, Any]) -> str:
    head = " · ".join(str(x) for x in (d.get("relation"), d.get("date"), d.get("document")) if x)
    where = " ".join(x for x in (d.get("issue"), f"第{d['line']}行" if d.get("line") else None) if x)
    quote = f"“{d['quote']}”" if d.get("quote") else ""
    return "\n".join(x for x in (head, where, quote) if x)


def _node_title(d: dict[str, Any]) -> str:
    kind = NODE_KINDS.get(d["kind"], (d["kind"],))[0]
    years = "、".join(map(str, d.get("years") or []))
    return "\n".join(x for x in (d.get("title") or d["label"], kind, years) if x)


def vis_data(g: nx.MultiDiGraph, positions: dict | None = None) -> tuple[list[dict], list[dict], dict]:
    """The vis-network node and edge records and options, built with pyvis."""
    positions = positions if positions is not None else layout(g)
    physics = g.number_of_nodes() <= PHYSICS_MAX_NODES
    net = Network(directed=True, cdn_resources="remote")
    ids = {n: i for i, n in enumerate(sorted(g.nodes, key=str))}
    for n in sorted(g.nodes, key=str):
        d = g.nodes[n]
        colour, shape = KIND_STYLE.get(d["kind"], ("#999999", "dot"))
        x, y = positions.get(n, (0.0, 0.0))
        net.add_node(ids[n], label=d["label"], title=_node_title(d), color=colour, shape=shape,
                     x=round(float(x), 1), y=round(float(y), 1), size=14 if d["kind"] == "person" else 10,
                     kind=d["kind"], years=d.get("years") or [], iri=str(n),
                     # Events are many and wordy: smaller grey labels keep the actors legible.
                     font={"size": 8, "color": "#888888"} if d["kind"] == "event" else {"size": 12})
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (ids[e[0]], ids[e[1]], str(e[2].get("fact")))):
        net.add_edge(ids[u], ids[v], label=d["relation"], title=_edge_title(d),
                     color=RELATION_COLOURS.get(d["relation"], "#999999"), year=d.get("year"),
                     relation=d["relation"])
    options = {
        "nodes": {"font": {"size": 12, "face": "WenQuanYi Micro Hei, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"}},
        "edges": {"font": {"size": 9, "align": "middle"}, "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
                  "smooth": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": g.number_of_edges() > 2000},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": physics, "iterations": 60, "updateInterval": 1000, "fit": True}},
        "layout": {"improvedLayout": False},
    }
    net.set_options(json.dumps(options))
    nodes, edges, *_ = net.get_network_data()
    return nodes, edges, options


def json_for_script(data: Any) -> str:
    """JSON safe inside a <script> element: no `<`, `>` or `&` (so no `</script>`, no `<!--`),
    no U+2028/U+2029 (line terminators to old JavaScript parsers)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def network_html(g: nx.MultiDiGraph, title: str = "govkg network", positions: dict | None = None) -> str:
    """The whole page as text (see the module doc)."""
    nodes, edges, options = vis_data(g, positions)
    js, _ = vis_assets()
    css = TOOLTIP_CSS
    years = sorted({d["year"] for _, _, d in g.edges(data=True) if d.get("year")})
    kinds_present = [k for k in NODE_KINDS if any(d["kind"] == k for _, d in g.nodes(data=True))]
    legend = [{"kind": k, "caption": NODE_KINDS[k][0], "english": NODE_KINDS[k][1],
               "colour": KIND_STYLE[k][0], "shape": KIND_STYLE[k][1]} for k in kinds_present]
    payload = {"nodes": nodes, "edges": edges, "options": options, "years": years, "legend": legend}
    page = _TEMPLATE
    for key, value in (("TITLE", html.escape(title)), ("VIS_CSS", css.replace("</style", "<\\/style")),
                       ("VIS_JS", js.replace("</script", "<\\/script")), ("DATA", json_for_script(payload)),
                       ("APP_JS", _APP_JS)):
        page = page.replace("{{" + key + "}}", value)
    return page


def write_page(g: nx.MultiDiGraph, path: str | Path, title: str = "govkg network") -> Path:
    path = Path(path)
    path.write_text(network_html(g, title), encoding="utf-8")
    return path


# The page. Placeholders are {{NAME}}; the data block is JSON, the app reads it with JSON.parse.
_TEMPLATE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}}</title>
<style>{{VIS_CSS}}</style>
<style>
 html, body { margin: 0; height: 100%; font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
 #bar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; padding: 6px 10px; border-bottom: 1px solid #ddd; font-size: 13px; }
 #bar h1 { font-size: 15px; margin: 0 8px 0 0; }
 #legend label { margin-right: 8px; white-space: nowrap; cursor: pointer; }
 .swatch { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 2px; vertical-align: middle; }
 #graph { position: absolute; top: 0; left: 0; right: 0; bottom: 0; }
 #wrap { position: relative; height: calc(100% - 48px); }
 #status { color: #666; }
</style>
</head>
<body>
<div id="bar">
 <h1>{{TITLE}}</h1>
 <span><input id="search" list="names" placeholder="搜索姓名或机构 / search a name" size="22"><datalist id="names"></datalist>
 <button id="go" type="button">找</button></span>
 <span>年份 <select id="year"><option value="">全部 all</option></select></span>
 <span id="legend"></span>
 <span id="status"></span>
</div>
<div id="wrap"><div id="graph"></div></div>
<script>{{VIS_JS}}</script>
<script type="application/json" id="govkg-data">{{DATA}}</script>
<script>{{APP_JS}}</script>
</body>
</html>
"""

_APP_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("govkg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var shownKinds = {};
  data.legend.forEach(function (k) { shownKinds[k.kind] = true; });
  var year = "";
  var nodeView = new vis.DataView(nodes, { filter: function (n) {
    return shownKinds[n.kind] !== false && (year === "" || (n.years || []).indexOf(+year) >= 0);
  } });
  var edgeView = new vis.DataView(edges, { filter: function (e) {
    return year === "" || e.year === +year;
  } });
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  window.govkg = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView };
  window.network = network;

  function ready() {
    if (window.govkgReady) return;
    window.govkgReady = true;
    window.govkgReadyAt = performance.now();
    document.getElementById("status").textContent = nodes.length + " 节点 nodes · " + edges.length + " 关系 edges";
  }
  if (data.options.physics && data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });   // stop moving: a still page stays responsive
      ready();
    });
  } else {
    network.once("afterDrawing", ready);
  }

  // Legend: one checkbox per node kind, coloured like the nodes; unticking hides the kind.
  var legend = document.getElementById("legend");
  data.legend.forEach(function (k) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.dataset.kind = k.kind;
    box.addEventListener("change", function () { shownKinds[k.kind] = box.checked; nodeView.refresh(); });
    var sw = document.createElement("span");
    sw.className = "swatch"; sw.style.background = k.colour;
    if (k.shape === "dot" || k.shape === "star") sw.style.borderRadius = "50%";
    label.appendChild(box); label.appendChild(sw);
    label.appendChild(document.createTextNode(k.caption));
    label.title = k.english;
    legend.appendChild(label);
  });

  var yearSelect = document.getElementById("year");
  data.years.forEach(function (y) {
    var o = document.createElement("option"); o.value = String(y); o.textContent = String(y); yearSelect.appendChild(o);
  });
  yearSelect.addEventListener("change", function () { year = yearSelect.value; nodeView.refresh(); edgeView.refresh(); });

  var names = document.getElementById("names");
  var seen = {};
  nodes.get({ filter: function (n) { return n.kind !== "event"; } }).forEach(function (n) {
    if (seen[n.label]) return; seen[n.label] = true;
    var o = document.createElement("option"); o.value = n.label; names.appendChild(o);
  });

  function squash(s) { return String(s || "").replace(/\s+/g, ""); }
  // Find a name among the drawn nodes: the exact label first, else the shortest label holding it.
  function search(text) {
    var want = squash(text);
    if (!want) return null;
    var drawn = nodeView.get();
    var hit = drawn.filter(function (n) { return squash(n.label) === want; })[0];
    if (!hit) {
      var part = drawn.filter(function (n) { return squash(n.label).indexOf(want) >= 0; });
      part.sort(function (a, b) { return a.label.length - b.label.length; });
      hit = part[0];
    }
    if (!hit) { document.getElementById("status").textContent = "没有找到 not found"; return null; }
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.4, animation: false });
    document.getElementById("status").textContent = hit.label;
    return hit.id;
  }
  window.govkgSearch = search;
  var input = document.getElementById("search");
  input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(input.value); });
  input.addEventListener("change", function () { search(input.value); });
  document.getElementById("go").addEventListener("click", function () { search(input.value); });
})();
"""
