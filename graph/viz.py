"""The network as ONE self-contained HTML page that works offline (a journalist's file).

In: a network from `govkg.graph.network` (`networkx.MultiDiGraph`, node `label`/`kind`/`years`,
edge `relation`/`date`/`document`/`issue`/`line`/`quote`). Out: `network_html(g, title)`, the
text of a page holding vis-network (pyvis's bundled copy, inlined), the nodes and edges, a
legend that filters by node kind, a legend of edge kinds (each a filter too), a year filter
and a search box; `write_page(g, path)`. Clicking a node opens a panel with its facts (each
with its date, source and quote) and a link to the entity's page (`link(iri)`). The view
re-fits after a filter changes. A whole store's hundreds of diary events start folded into
co-attendance edges between the people (FOLD_EVENTS_MIN), events off until asked for.

Why not `pyvis.Network.write_html`: even with `cdn_resources="in_line"`, pyvis 0.3.2 emits
bootstrap `<link>`/`<script>` tags pointing at a CDN and a leftover `../node_modules/vis/...`
path (pyvis#228, #229), so the page breaks offline. pyvis still builds the node and edge
records and the vis options here (`Network.add_node/add_edge`, `get_network_data`); the page
around them is our own template, graph/templates/network.html, with the vis-network library,
the tooltip CSS and our script (graph/static/network.js) inlined. Node colours and shapes and
edge colours come from the ontology (graph/vocabulary.py); the tooltips' words from
graph/templates/network_text.json.

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
import zlib
from collections.abc import Callable
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from . import assets
from .network import NODE_KINDS, simple_undirected
from .vocab import GKG
from .vocabulary import vocabulary

#: kind -> (colour, vis-network shape), from the ontology's node classes. Shapes with the label
#: outside keep long names legible.
KIND_STYLE: dict[str, tuple[str, str]] = {n.kind: (n.colour, n.shape) for n in vocabulary().nodes}

#: relation -> edge colour, from the ontology's edge kinds.
RELATION_COLOURS: dict[str, str] = {e.label: e.colour for e in vocabulary().edges}

#: Up to this many nodes the browser runs a short physics stabilisation; above it, the
#: precomputed layout is drawn as is (pyvis#204: ~1,500 nodes with physics took minutes).
PHYSICS_MAX_NODES = 300

VIS_VERSION = "vis-9.1.2"

#: The relation of a person to an event attended.
ATTENDED = vocabulary().edge(GKG.Attendance).label

#: Above this many events the page opens with events off and shows instead one co-attendance
#: edge per pair of people who attended events together (its count and the events in its
#: tooltip): hundreds of diary items would otherwise bury the actors. Ticking the event kind in
#: the legend brings the events back (and hides the folded edges).
FOLD_EVENTS_MIN = 40

#: The colour of a folded co-attendance edge.
CO_ATTENDANCE_COLOUR = "#b0b0b0"


def _words() -> dict[str, str]:
    return assets.data("templates", "network_text.json")


def co_attendance(g: nx.MultiDiGraph) -> dict[tuple[Any, Any], list[Any]]:
    """(person, person) -> the events both attended, for every pair that attended one together."""
    attendees: dict[Any, set[Any]] = {}
    for u, v, d in g.edges(data=True):
        if d.get("relation") == ATTENDED and g.nodes[v].get("kind") == "event":
            attendees.setdefault(v, set()).add(u)
    pairs: dict[tuple[Any, Any], list[Any]] = {}
    for event in sorted(attendees, key=str):
        for a, b in combinations(sorted(attendees[event], key=str), 2):
            pairs.setdefault((a, b), []).append(event)
    return pairs


def folded_layout(g: nx.MultiDiGraph, pairs: dict[tuple[Any, Any], list[Any]], seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Positions laid out on the graph without its events, people tied by co-attendance; each
    event is then put near the people who attended it (so the actors, not the diary, shape the
    picture whether events are shown or not)."""
    events = [n for n, d in g.nodes(data=True) if d.get("kind") == "event"]
    h = simple_undirected(g)
    h.remove_nodes_from(events)
    h.add_edges_from(pairs)
    positions = layout(h, seed)
    for e in events:
        around = [positions[n] for n in nx.all_neighbors(g, e) if n in positions]
        angle = (zlib.crc32(str(e).encode("utf-8")) % 360) * math.pi / 180
        if around:
            cx, cy = sum(p[0] for p in around) / len(around), sum(p[1] for p in around) / len(around)
        else:
            cx, cy = 0.0, 0.0
        positions[e] = (cx + 60 * math.cos(angle), cy + 60 * math.sin(angle))
    return positions


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
    line = assets.data("templates", "network_text.json")["line"]
    where = " ".join(x for x in (d.get("issue"), line.format(line=d["line"]) if d.get("line") else None) if x)
    quote = f"“{d['quote']}”" if d.get("quote") else ""
    return "\n".join(x for x in (head, where, quote) if x)


def _node_title(d: dict[str, Any]) -> str:
    kind = NODE_KINDS.get(d["kind"], (d["kind"],))[0]
    years = assets.data("templates", "network_text.json")["years_separator"].join(map(str, d.get("years") or []))
    return "\n".join(x for x in (d.get("title") or d["label"], kind, years) if x)


def vis_data(g: nx.MultiDiGraph, positions: dict | None = None, link: Callable[[str], str] | None = None,
             fold: bool | None = None) -> tuple[list[dict], list[dict], dict]:
    """The vis-network node and edge records and options, built with pyvis.

    `link` maps an entity's IRI to the address of its page (default: the IRI itself, which
    `govkg serve` answers); `fold` adds the co-attendance edges (default: when the graph has
    more than FOLD_EVENTS_MIN events)."""
    events = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "event")
    fold = events > FOLD_EVENTS_MIN if fold is None else fold
    pairs = co_attendance(g) if fold else {}
    positions = positions if positions is not None else (folded_layout(g, pairs) if fold else layout(g))
    physics = g.number_of_nodes() - (events if fold else 0) <= PHYSICS_MAX_NODES
    link = link or (lambda iri: iri)
    net = Network(directed=True, cdn_resources="remote")
    ids = {n: i for i, n in enumerate(sorted(g.nodes, key=str))}
    for n in sorted(g.nodes, key=str):
        d = g.nodes[n]
        colour, shape = KIND_STYLE.get(d["kind"], ("#999999", "dot"))
        x, y = positions.get(n, (0.0, 0.0))
        net.add_node(ids[n], label=d["label"], title=_node_title(d), color=colour, shape=shape,
                     x=round(float(x), 1), y=round(float(y), 1), size=14 if d["kind"] == "person" else 10,
                     kind=d["kind"], years=d.get("years") or [], iri=str(d.get("iri") or n),
                     link=link(str(d.get("iri") or n)),
                     # Events are many and wordy: smaller grey labels keep the actors legible.
                     font={"size": 8, "color": "#888888"} if d["kind"] == "event" else {"size": 12})
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (ids[e[0]], ids[e[1]], str(e[2].get("fact")))):
        net.add_edge(ids[u], ids[v], label=d["relation"], title=_edge_title(d),
                     color=RELATION_COLOURS.get(d["relation"], "#999999"), year=d.get("year"),
                     relation=d["relation"], date=d.get("date"), document=d.get("document"), issue=d.get("issue"),
                     line=d.get("line"), quote=d.get("quote"))
    words = _words()
    for (a, b), shared in sorted(pairs.items(), key=lambda p: (ids[p[0][0]], ids[p[0][1]])):
        texts = [g.nodes[e].get("title") or g.nodes[e]["label"] for e in shared]
        years = sorted({y for e in shared for y in g.nodes[e].get("years") or []})
        net.add_edge(ids[a], ids[b], label=str(len(shared)), relation=words["co_attendance"], folded=True,
                     title="\n".join([words["co_attendance_title"].format(n=len(shared)), *texts[:8]]
                                     + (["…"] if len(texts) > 8 else [])),
                     color=CO_ATTENDANCE_COLOUR, width=min(1 + len(shared) / 8, 4), dashes=True,
                     years=years, year=None)
    options = {
        "nodes": {"font": {"size": 12, "face": "WenQuanYi Micro Hei, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"}},
        "edges": {"font": {"size": 9, "align": "middle"}, "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
                  "smooth": False},
        "folded": bool(pairs),
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


def edge_legend(g: nx.MultiDiGraph, folded: bool) -> list[dict[str, str]]:
    """The edge kinds present, in the ontology's order: label, English meaning and colour."""
    present = {d["relation"] for _, _, d in g.edges(data=True)}
    out = [{"relation": e.label, "english": e.english, "colour": e.colour} for e in vocabulary().edges if e.label in present]
    if folded:
        words = _words()
        out.append({"relation": words["co_attendance"], "english": words["co_attendance_english"], "colour": CO_ATTENDANCE_COLOUR})
    return out


def network_html(g: nx.MultiDiGraph, title: str = "govkg network", positions: dict | None = None,
                 link: Callable[[str], str] | None = None, fold: bool | None = None) -> str:
    """The whole page as text (see the module doc)."""
    nodes, edges, options = vis_data(g, positions, link, fold)
    folded = options.pop("folded")
    js, _ = vis_assets()
    css = TOOLTIP_CSS
    years = sorted({d["year"] for _, _, d in g.edges(data=True) if d.get("year")})
    kinds_present = [k for k in NODE_KINDS if any(d["kind"] == k for _, d in g.nodes(data=True))]
    legend = [{"kind": k, "caption": NODE_KINDS[k][0], "english": NODE_KINDS[k][1],
               "colour": KIND_STYLE[k][0], "shape": KIND_STYLE[k][1]} for k in kinds_present]
    payload = {"nodes": nodes, "edges": edges, "options": options, "years": years, "legend": legend,
               "edgeLegend": edge_legend(g, folded), "folded": folded, "words": _words()}
    page = assets.text("templates", "network.html")
    for key, value in (("TITLE", html.escape(title)), ("VIS_CSS", css.replace("</style", "<\\/style")),
                       ("VIS_JS", js.replace("</script", "<\\/script")), ("DATA", json_for_script(payload)),
                       ("APP_JS", assets.text("static", "network.js"))):
        page = page.replace("{{" + key + "}}", value)
    return page


def write_page(g: nx.MultiDiGraph, path: str | Path, title: str = "govkg network",
               link: Callable[[str], str] | None = None, fold: bool | None = None) -> Path:
    path = Path(path)
    path.write_text(network_html(g, title, link=link, fold=fold), encoding="utf-8")
    return path
