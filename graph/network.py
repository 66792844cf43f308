"""The store as a network: a networkx projection of the knowledge graph for drawing and analysis.

In: a `GraphStore` (or its directory). Out: `load_network(store)` -> `networkx.MultiDiGraph`
whose nodes are the actors and things the gazettes name and whose edges are the facts that tie
them, each edge carrying where it was read.

Nodes (key = the entity's IRI) have `label` (the name as the graph holds it), `kind` (one of
`NODE_KINDS`: person, government, party, enterprise, organization, post, document, place,
event, area) and `years` (the sorted years of the facts touching it).

Edges (key = the fact's IRI) have `relation` (the Chinese verb a reader knows: 任, 兼任, 免,
分管, 联系, 负责, 协助, 结对, 签发, 出席, and 设于 from a post to its body), `date`, `year`,
`document` (number, else title), `issue`, `line` and `quote`. Directions read as the
sentence does: person -任-> post -设于-> body, person -分管-> body, body -签发-> document,
person -出席-> event, place -结对-> place.

Node kinds, relations, their captions and the classes each is drawn from are the ontology's
(gkg:nodeKind, gkg:edgeLabel on the classes of ontology/govkg.ttl, read by graph/vocabulary.py).

A post printed with no body ("副市长") is a title, not one seat: giving every 副市长 one shared
node would connect all of them through it and invent paths, so such a post is drawn once per
holder (its node key adds the person).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
from pyoxigraph import Literal

from .queries import SOURCE_FIELDS
from .store import GraphStore
from .vocab import ELI, GKG, ORG, sparql_prologue
from .vocabulary import vocabulary

_VOCABULARY = vocabulary()

#: kind -> (Chinese caption for the legend, English caption): the node class's rdfs:label.
NODE_KINDS: dict[str, tuple[str, str]] = {n.kind: (n.caption, n.english) for n in _VOCABULARY.nodes}

#: RDF class -> node kind.
CLASS_KIND = {n.cls: n.kind for n in _VOCABULARY.nodes}

#: Relations drawn (the edge labels of the ontology), with what each means (the legend and
#: the exports' documentation).
RELATIONS: dict[str, str] = {e.label: e.english for e in _VOCABULARY.edges}

#: The relation of a post to the body it is in.
POST_IN = _VOCABULARY.edge(ORG.postIn).label

BODY_KINDS = ("government", "party", "enterprise", "organization")

#: PREFIX lines for every namespace of the ontology (graph/vocab.py), said once.
_PREFIXES = sparql_prologue()

# Every fact query binds ?f (the fact), ?s and ?o (the nodes it ties), ?relation and ?d (its
# date); the wrapper adds the source the fact was derived from, one row per fact.
_FACT_SELECT = _PREFIXES + """
SELECT ?f ?s ?o ?relation (SAMPLE(STR(?d)) AS ?date) (SAMPLE(?issueLabel) AS ?issue)
       (SAMPLE(COALESCE(?docNumber, ?docTitle)) AS ?document) (SAMPLE(?l) AS ?line) (SAMPLE(?exact) AS ?quote)
WHERE {
  %s
  OPTIONAL {
    ?f prov:wasDerivedFrom ?src .
    %s""" + SOURCE_FIELDS.replace("%", "%%") + """
  }
}
GROUP BY ?f ?s ?o ?relation
"""

def _relation(term) -> str:
    """The relation literal of the edge drawn from `term`, as SPARQL text."""
    return str(Literal(_VOCABULARY.edge(term).label))


def _class_relations(parent) -> str:
    """VALUES rows (?class ?relation): each fact class under `parent` with its edge's label."""
    rows: list[str] = []
    for e in _VOCABULARY.edges:
        if e.term in _VOCABULARY.subclasses(parent):
            rows.extend(f"(<{c}> {_relation(e.term)})" for c in _VOCABULARY.edge_classes(e.term))
    return " ".join(rows)


#: Each family of facts as a WHERE pattern binding ?f ?s ?o ?relation ?d; the classes and
#: relation labels come from the ontology (graph/vocabulary.py).
FACT_PATTERNS: dict[str, str] = {
    "acts": f"""
  VALUES (?class ?relation) {{ {_class_relations(GKG.PersonnelAct)} }}
  ?f a ?class ; gkg:person ?s ; gkg:post ?o .
  OPTIONAL {{ ?f gkg:date ?d }}""",
    "responsibilities": f"""
  VALUES (?class ?relation) {{ {_class_relations(GKG.ResponsibilityAssignment)} }}
  ?f a ?class ; gkg:person ?s ; gkg:responsibilityObject ?o .
  OPTIONAL {{ ?f gkg:date ?d }}""",
    "pairings": f"""
  VALUES ?class {{ {" ".join(f"<{c}>" for c in _VOCABULARY.edge_classes(GKG.Pairing))} }}
  ?f a ?class ; gkg:firstParty ?s ; gkg:secondParty ?o .
  BIND({_relation(GKG.Pairing)} AS ?relation)
  OPTIONAL {{ ?f gkg:date ?d }}""",
    "issued": f"""
  ?o a gkg:Document ; eli:passed_by ?s .
  BIND(?o AS ?f)
  BIND({_relation(ELI.passed_by)} AS ?relation)
  OPTIONAL {{ ?o eli:date_document ?d }}""",
    "attended": f"""
  ?f a gkg:Attendance ; gkg:person ?s ; gkg:event ?o .
  BIND({_relation(GKG.Attendance)} AS ?relation)
  OPTIONAL {{ ?o gkg:date ?d }}""",
}

_NODE_QUERY = _PREFIXES + """
SELECT ?n ?class (SAMPLE(?name) AS ?label) (SAMPLE(?title) AS ?doc_title) (SAMPLE(?num) AS ?number)
       (SAMPLE(?txt) AS ?text) (SAMPLE(?body) AS ?post_in)
WHERE {
  VALUES ?class { NODE_CLASSES }
  ?n a ?class .
  OPTIONAL { ?n rdfs:label ?name }
  OPTIONAL { ?n dcterms:title ?title }
  OPTIONAL { ?n eli:id_local ?num }
  OPTIONAL { ?n gkg:text ?txt }
  OPTIONAL { ?n org:postIn ?body }
}
GROUP BY ?n ?class
""".replace("NODE_CLASSES", " ".join(f"<{n.cls}>" for n in _VOCABULARY.nodes))

#: An event's node label: its first characters (the whole text is in its tooltip).
EVENT_LABEL_CHARS = 18


def _year(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def node_table(store: GraphStore) -> dict[str, dict[str, Any]]:
    """IRI -> {label, kind, title (the full text for a tooltip), post_in} for every entity."""
    nodes: dict[str, dict[str, Any]] = {}
    rows: list[dict[str, Any]] = store.query(_NODE_QUERY).values()
    for row in rows:
        kind = CLASS_KIND[row["class"]]
        label = row["label"] or row["doc_title"] or row["number"] or row["text"] or row["n"].rsplit("/", 1)[-1]
        title = label
        if kind == "document":
            label = row["doc_title"] or row["number"] or label
            title = " ".join(x for x in (row["number"], row["doc_title"]) if x) or label
        elif kind == "event":
            text = row["text"] or label
            label = text if len(text) <= EVENT_LABEL_CHARS else text[:EVENT_LABEL_CHARS] + "…"
            title = text
        # A person is also typed by a more specific class elsewhere? No: keep the first kind
        # seen, except that a body's specific kind wins over a generic one.
        old = nodes.get(row["n"])
        if old and old["kind"] != "organization":
            continue
        nodes[row["n"]] = {"label": label, "kind": kind, "title": title, "post_in": row["post_in"]}
    return nodes


#: Which of a fact's sources a family quotes, when a fact has several: a document's issuers
#: are proved by its signature (the mapping's second source of a Document, extractor
#: "documents.signature"), not by its first line.
SOURCE_CHOICE: dict[str, str] = {
    "issued": """FILTER (NOT EXISTS { ?f prov:wasDerivedFrom ?sig . ?sig gkg:extractor "documents.signature" }
            || EXISTS { ?src gkg:extractor "documents.signature" })""",
}


def fact_rows(store: GraphStore, families: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """One row per fact: f, s, o, relation, date, issue, document, line, quote."""
    rows = []
    for family in families or FACT_PATTERNS:
        rows.extend(store.query(_FACT_SELECT % (FACT_PATTERNS[family], SOURCE_CHOICE.get(family, ""))).values())
    return rows


def build_network(nodes: dict[str, dict[str, Any]], facts: Iterable[dict[str, Any]]) -> nx.MultiDiGraph:
    """The network from a node table and fact rows (as `node_table` and `fact_rows` give them);
    only nodes some fact touches are kept."""
    g = nx.MultiDiGraph()
    years: dict[str, set[int]] = defaultdict(set)

    def add_node(iri: str, holder: str | None = None) -> str | None:
        info = nodes.get(iri)
        if info is None:
            return None
        key = iri
        if info["kind"] == "post" and not info.get("post_in") and holder:
            key = f"{iri}#{holder.rsplit('/', 1)[-1]}"   # a bare title: one node per holder
        if key not in g:
            g.add_node(key, label=info["label"], kind=info["kind"], title=info["title"], iri=iri)
        return key

    for fact in sorted(facts, key=lambda r: (r["f"], r["s"], r["o"])):
        s = add_node(fact["s"], fact["o"])
        o = add_node(fact["o"], fact["s"])
        if s is None or o is None:
            continue
        year = _year(fact.get("date"))
        data = {
            "relation": fact["relation"],
            "date": fact.get("date"),
            "year": year,
            "document": fact.get("document"),
            "issue": fact.get("issue"),
            "line": _int(fact.get("line")),
            "quote": fact.get("quote"),
            "fact": fact["f"],
        }
        g.add_edge(s, o, key=fact["f"], **data)
        if year:
            years[s].add(year)
            years[o].add(year)
        # A post held in a body: tie the post to the body once, with the first act's source.
        post_in = nodes[fact["o"]].get("post_in") if g.nodes[o]["kind"] == "post" else None
        if post_in and add_node(post_in) and not g.has_edge(o, post_in):
            g.add_edge(o, post_in, key=f"{o}#postIn", **{**data, "relation": POST_IN, "fact": f"{o}#postIn"})
            if year:
                years[post_in].add(year)
    for n in g.nodes:
        g.nodes[n]["years"] = sorted(years.get(n, ()))
    return g


def load_network(store: GraphStore | str | Path) -> nx.MultiDiGraph:
    """The whole store as a network (see the module doc)."""
    if isinstance(store, (str, Path)):
        with GraphStore.open_read_only(store) as opened:
            return load_network(opened)
    return build_network(node_table(store), fact_rows(store))


def find_nodes(g: nx.MultiDiGraph, name: str, kinds: Iterable[str] | None = None) -> list[str]:
    """Nodes named `name`: exact label matches first; else labels containing it. Whitespace is
    ignored (the PDF text scatters spaces through CJK names)."""
    wanted = "".join(name.split())
    allowed = set(kinds) if kinds else None
    candidates = [n for n, d in g.nodes(data=True) if allowed is None or d["kind"] in allowed]
    exact = [n for n in candidates if "".join(g.nodes[n]["label"].split()) == wanted]
    if exact:
        return sorted(exact, key=lambda n: (-g.degree(n), n))
    partial = [n for n in candidates if wanted and wanted in "".join(g.nodes[n]["label"].split())]
    return sorted(partial, key=lambda n: (len(g.nodes[n]["label"]), -g.degree(n), n))


def neighbourhood(g: nx.MultiDiGraph, centre: str, hops: int = 1) -> nx.MultiDiGraph:
    """The nodes within `hops` steps of `centre` (either direction) and the edges among them."""
    reach = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), centre, cutoff=hops)
    return g.subgraph(reach).copy()


def simple_undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """One undirected edge per tied pair (the analyses count ties, not how often a tie was
    printed)."""
    h = nx.Graph()
    h.add_nodes_from(g.nodes(data=True))
    h.add_edges_from((u, v) for u, v in g.edges())
    return h


# -- exports ----------------------------------------------------------------------------------

NODE_COLUMNS = ("id", "label", "kind", "years")
EDGE_COLUMNS = ("source", "target", "relation", "date", "year", "document", "issue", "line", "quote", "fact")


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all strings or numbers (GraphML and GEXF take no None and no
    lists): years become "2018;2019", missing values are dropped."""
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(n, label=d["label"], kind=d["kind"], years=";".join(map(str, d.get("years") or [])))
    for u, v, k, d in g.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **{c: d[c] for c in EDGE_COLUMNS[2:] if d.get(c) is not None})
    return h


def node_rows(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    return [{"id": n, "label": d["label"], "kind": d["kind"], "years": ";".join(map(str, d.get("years") or []))}
            for n, d in sorted(g.nodes(data=True))]


def edge_rows(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    rows = [{"source": u, "target": v, **{c: d.get(c) for c in EDGE_COLUMNS[2:]}} for u, v, d in g.edges(data=True)]
    return sorted(rows, key=lambda r: (r["source"], r["target"], r["fact"]))
