"""Network analyses for reporters and researchers: who is central, what hangs together, and how
two officials are connected.

In: a network from `govkg.graph.network.load_network` (nodes with `label`/`kind`/`years`, edges
with `relation`, `date`, `year`, `document`, `issue`, `line`, `quote`). Out:
- `stats(g, top)` -> dict: counts of nodes by kind, edges by relation and by year, connected
  components (count and the biggest sizes), and the most central people and bodies by degree
  (distinct neighbours) and by betweenness.
- `connection(g, a, b)` -> list of `Step`s: the shortest chain of facts from one name to the
  other, each step with its relation, date and source (issue, document, line, quote).

Centralities are computed on the simple undirected graph (a tie counts once however often it
was printed). Betweenness is exact up to `EXACT_BETWEENNESS_MAX` nodes and estimated from a
fixed sample of sources above it, so `govkg stats` stays fast on a large store and repeatable.
Events and work areas are excluded from paths: two officials at the same meeting, or both
liaising with "安全生产", are not thereby connected (attendance lists of dozens would make
everyone two steps from everyone).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from .network import BODY_KINDS, find_nodes, simple_undirected

EXACT_BETWEENNESS_MAX = 3000
BETWEENNESS_SAMPLE = 500

#: Node kinds a path may pass through (see the module doc for why not events and areas).
PATH_KINDS = ("person", "post", *BODY_KINDS, "document", "place")


def _ranked(scores: dict[Any, float], g: nx.Graph, kinds: tuple[str, ...], top: int) -> list[dict[str, Any]]:
    rows = [(n, s) for n, s in scores.items() if g.nodes[n]["kind"] in kinds]
    rows.sort(key=lambda r: (-r[1], g.nodes[r[0]]["label"], str(r[0])))
    return [{"name": g.nodes[n]["label"], "kind": g.nodes[n]["kind"], "score": round(s, 4)} for n, s in rows[:top]]


def stats(g: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    u = simple_undirected(g)
    degree = dict(u.degree())
    if u.number_of_nodes() <= EXACT_BETWEENNESS_MAX:
        betweenness = nx.betweenness_centrality(u)
    else:
        betweenness = nx.betweenness_centrality(u, k=BETWEENNESS_SAMPLE, seed=7)
    components = sorted((len(c) for c in nx.connected_components(u)), reverse=True)
    people, bodies = ("person",), BODY_KINDS
    return {
        "nodes": u.number_of_nodes(),
        "edges": g.number_of_edges(),
        "nodes_by_kind": dict(sorted(Counter(d["kind"] for _, d in g.nodes(data=True)).items())),
        "edges_by_relation": dict(Counter(d["relation"] for *_, d in g.edges(data=True)).most_common()),
        "edges_by_year": {str(y or "undated"): n for y, n in sorted(Counter(d.get("year") for *_, d in g.edges(data=True)).items(),
                                                                  key=lambda kv: (kv[0] is None, kv[0] or 0))},
        "components": {"count": len(components), "largest": components[:top]},
        "people_by_degree": _ranked(degree, u, people, top),
        "people_by_betweenness": _ranked(betweenness, u, people, top),
        "bodies_by_degree": _ranked(degree, u, bodies, top),
        "bodies_by_betweenness": _ranked(betweenness, u, bodies, top),
    }


@dataclass
class Step:
    """One hop of a connection: `source_name` -relation-> `target_name` as the gazette says it."""

    source_name: str
    relation: str
    target_name: str
    date: str | None
    issue: str | None
    document: str | None
    line: int | None
    quote: str | None

    def row(self) -> dict[str, Any]:
        return asdict(self)


class NotFound(LookupError):
    """A name no node carries, or two names with no chain between them."""


def _pick(g: nx.MultiDiGraph, name: str) -> str:
    found = find_nodes(g, name, ("person", *BODY_KINDS))
    if not found:
        raise NotFound(f"no person or body named {name!r} in the network")
    return found[0]


def connection(g: nx.MultiDiGraph, a: str, b: str) -> list[Step]:
    """The shortest chain of facts between two names (persons or bodies), read from `g`."""
    start, end = _pick(g, a), _pick(g, b)
    allowed = {n for n, d in g.nodes(data=True) if d["kind"] in PATH_KINDS}
    view = nx.subgraph_view(g.to_undirected(as_view=True), filter_node=lambda n: n in allowed)
    try:
        nodes = nx.shortest_path(view, start, end)
    except nx.NetworkXNoPath:
        raise NotFound(f"{g.nodes[start]['label']} and {g.nodes[end]['label']} are not connected") from None
    steps = []
    for x, y in zip(nodes, nodes[1:]):
        # The fact printed in the gazette may point either way (A 任 post; post 设于 body):
        # report it as written, the earliest dated one when several tie the pair.
        candidates = [(x, y, d) for d in (g.get_edge_data(x, y) or {}).values()]
        candidates += [(y, x, d) for d in (g.get_edge_data(y, x) or {}).values()]
        s, t, d = min(candidates, key=lambda c: (c[2].get("date") is None, c[2].get("date") or "", str(c[2].get("fact"))))
        steps.append(Step(g.nodes[s]["label"], d["relation"], g.nodes[t]["label"], d.get("date"), d.get("issue"),
                          d.get("document"), d.get("line"), d.get("quote")))
    return steps
