"""The embedded RDF store: one persistent Oxigraph database in a directory.

In: a store directory, and for writing, one issue's named-graph IRI with its quads (from
`govkg.graph.mapping.issue_quads`). Out: the issues held (`issues()`), SPARQL results as plain
tables (`query(sparql, params)`), and whole-store serializations (`export(fmt)`: N-Quads sorted
to deterministic bytes, Turtle, TriG, JSON-LD).

Where the store lives: `--store DIR`, else `$GOVKG_STORE`, else `./.govkg/store`
(`default_store_dir()`).

Atomic replacement: `replace_issue` writes a new issue with one `Store.extend` (one
transaction), and replaces an issue already held by dropping its graph and inserting its new
quads in ONE SPARQL Update request. Oxigraph runs a whole update request inside one RocksDB transaction
(`Store.update`: "either the full operation succeeds, or nothing is written"), and RocksDB's
write-ahead log makes a committed transaction durable and an uncommitted one invisible, so a
process killed mid-replace leaves the issue's old graph or its new one, never a mix. We do not
use `bulk_extend`/`bulk_load`: they write SST files outside a transaction.

Parameters reach SPARQL only as bound RDF terms: `bind_values` writes them, serialized by
pyoxigraph, into a VALUES block at the head of the WHERE group; no user text is ever pasted
into query text. Every parameter of a stored query is also one of its result columns, so the
answer shows what it was asked about.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from govkg.extractors.reading import InputError

STORE_ENV = "GOVKG_STORE"

#: The named graph of facts that follow from several issues together (a later 领导分工 notice
#: ending an earlier one's assignments), recomputed by `refresh_derived` after every build.
#: It is not an issue: `issues()` leaves it out, `graphs()` includes it.
DERIVED_GRAPH = "https://w3id.org/govkg/id/graph/derived"
DEFAULT_STORE = Path(".govkg") / "store"

XSD = "http://www.w3.org/2001/XMLSchema#"

#: Export formats -> (pyoxigraph format, does the format keep named graphs?)
EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}

#: Prefixes written into Turtle/TriG; the ontology's own namespace is added when its
#: generated vocabulary module is present.
BASE_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "http://schema.org/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "oa": "http://www.w3.org/ns/oa#",
    "time": "http://www.w3.org/2006/time#",
}


IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')


def _skip_string(text: str, i: int) -> int:
    quote = text[i]
    if text.startswith(quote * 3, i):
        end = text.find(quote * 3, i + 3)
        return len(text) if end < 0 else end + 3
    i += 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


def where_group_start(sparql: str) -> int:
    """The offset of the `{` opening the query's WHERE group: the first brace outside comments,
    strings and IRIs (a SELECT clause holds none)."""
    i, n = 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            end = sparql.find("\n", i)
            i = n if end < 0 else end
        elif c in "\"'":
            i = _skip_string(sparql, i)
        elif c == "<" and (m := IRIREF.match(sparql, i)):
            i = m.end()
        elif c == "{":
            return i
        else:
            i += 1
    raise ValueError("the query has no WHERE { … } group")


def bind_values(sparql: str, params: Mapping[str, Any] | None) -> str:
    """The query with each parameter bound by an inline `VALUES` at the head of its WHERE
    group. The values are RDF terms made by `to_term` and written by pyoxigraph (quotes,
    backslashes and newlines escaped), never user text pasted into the query.

    Why not Oxigraph's `substitutions=`: it binds after evaluating the query, so a lookup
    scans the whole graph (556 ms at a million triples); a VALUES block at the head is joined
    first, so the lookup starts from the bound value (under 1 ms).
    """
    if not params:
        return sparql
    names = [k.lstrip("?$") for k in params]
    terms = [str(to_term(v)) for v in params.values()]
    values = f"\n  VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(terms)}) }}"
    at = where_group_start(sparql) + 1
    return sparql[:at] + values + sparql[at:]


def default_store_dir() -> Path:
    """`$GOVKG_STORE` if set, else `./.govkg/store` (relative to the working directory)."""
    env = os.environ.get(STORE_ENV)
    return Path(env) if env else DEFAULT_STORE


@functools.cache
def store_prefixes() -> dict[str, str]:
    """The standard prefixes and the ontology's, built once (every query passes them);
    callers must not change the dict."""
    from govkg.graph import vocab

    return {**BASE_PREFIXES, **vocab.PREFIXES}


def to_term(value: Any) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """A Python value as the RDF term a query parameter is bound to.

    Strings become plain literals, except `<...>` which names an IRI (so a stored query can take
    an entity IRI); ints/floats/bools/dates become typed literals; RDF terms pass through.
    """
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(XSD + "double"))
    if isinstance(value, dt.date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    text = str(value)
    if len(text) > 2 and text.startswith("<") and text.endswith(">"):
        return ox.NamedNode(text[1:-1])
    return ox.Literal(text)


def term_value(term: Any) -> str | None:
    """The lexical value of a result term, as a table cell shows it."""
    if term is None:
        return None
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term)


@dataclass
class QueryResult:
    """A SPARQL answer made plain: SELECT -> columns and rows of terms; ASK -> `boolean`."""

    columns: list[str]
    rows: list[list[Any]]           # pyoxigraph terms or None (unbound)
    boolean: bool | None = None

    def values(self) -> list[dict[str, str | None]]:
        """Rows as {column: lexical value}: what tables, CSV and JSON print."""
        return [{c: term_value(t) for c, t in zip(self.columns, row)} for row in self.rows]

    def column(self, name: str) -> list[str | None]:
        i = self.columns.index(name)
        return [term_value(row[i]) for row in self.rows]


class GraphStore:
    """One Oxigraph database directory. Open writable with `GraphStore(path)`, read-only with
    `GraphStore.open_read_only(path)` (which refuses a directory that holds no store)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else default_store_dir()
        self.read_only = read_only
        if read_only:
            if not is_store(self.path):
                raise InputError(self.path, "no govkg store here; run `govkg build` first (or pass --store DIR)")
            try:
                self._store = ox.Store.read_only(str(self.path))
            except OSError as exc:
                raise InputError(self.path, f"cannot open the store: {exc}") from None
        else:
            self.path.mkdir(parents=True, exist_ok=True)
            try:
                self._store = ox.Store(str(self.path))
            except OSError as exc:
                # The usual cause: another govkg process has the store open for writing.
                raise InputError(self.path, f"cannot open the store for writing: {exc}") from None

    @classmethod
    def open_read_only(cls, path: str | Path | None = None) -> "GraphStore":
        return cls(path, read_only=True)

    # -- context manager: drop the database handle (and its RocksDB lock) promptly
    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        store = self.__dict__.pop("_store", None)
        if store is not None and not self.read_only:
            store.flush()
        del store

    def __len__(self) -> int:
        return len(self._store)

    # -- writing
    def replace_issue(self, graph_iri: str | ox.NamedNode, quads: Iterable[ox.Quad | ox.Triple]) -> int:
        """Make the named graph `graph_iri` hold exactly `quads`, atomically; returns the count.

        Each quad's own graph name is ignored: everything goes into `graph_iri`, so one issue
        can never write into another issue's graph.
        """
        graph = graph_iri if isinstance(graph_iri, ox.NamedNode) else ox.NamedNode(graph_iri)
        quads = list(quads)
        if not self._store.contains_named_graph(graph):
            # A new issue: one `extend`, itself one transaction ("either the full operation
            # succeeds, or nothing is written"), and twice as fast as parsing INSERT DATA.
            fresh = {ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads}
            self._store.extend(fresh)
            return len(fresh)
        triples = sorted({f"{q.subject} {q.predicate} {q.object} ." for q in quads})
        # Terms are serialized by pyoxigraph itself (N-Triples syntax with escaping), which
        # SPARQL's INSERT DATA accepts as is; blank-node labels stay distinct per request.
        update = f"DROP SILENT GRAPH {graph} ;\n"
        if triples:
            update += f"INSERT DATA {{ GRAPH {graph} {{\n" + "\n".join(triples) + "\n} }"
        self._store.update(update)
        return len(triples)

    def remove_issue(self, graph_iri: str | ox.NamedNode) -> None:
        graph = graph_iri if isinstance(graph_iri, ox.NamedNode) else ox.NamedNode(graph_iri)
        self._store.update(f"DROP SILENT GRAPH {graph}")

    def flush(self) -> None:
        self._store.flush()

    def optimize(self) -> None:
        self._store.optimize()

    # -- reading
    def issues(self) -> list[str]:
        """The IRIs of the issue graphs held, sorted."""
        return [g for g in self.graphs() if g != DERIVED_GRAPH]

    def graphs(self) -> list[str]:
        """Every named graph held (the issues and the derived graph), sorted."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def refresh_derived(self) -> int:
        """Recompute the derived graph from all issues, each rule (ontology/derive/*.ru) one
        SPARQL Update, so one transaction; returns the derived graph's size."""
        from importlib import resources

        rules = resources.files("govkg.ontology").joinpath("derive")
        for rule in sorted(rules.iterdir(), key=lambda p: p.name):
            if rule.name.endswith(".ru"):
                self._store.update(rule.read_text("utf-8"))
        return self.graph_size(DERIVED_GRAPH)

    def graph_size(self, graph_iri: str) -> int:
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri)))

    def quads(self) -> list[ox.Quad]:
        return list(self._store)

    def query(self, sparql: str, params: Mapping[str, Any] | None = None, *, prefixes: dict[str, str] | None = None) -> QueryResult:
        """Run a SPARQL query over the union of all issue graphs.

        `params` maps variable names (without `?`) to values bound with `to_term` in a VALUES
        block at the head of the WHERE group (`bind_values`).
        """
        try:
            text = bind_values(sparql, params)
        except ValueError as exc:
            raise QueryError(str(exc)) from None
        try:
            result = self._store.query(
                text,
                use_default_graph_as_union=True,
                prefixes=prefixes or store_prefixes(),
            )
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except RuntimeError as exc:
            raise QueryError(str(exc)) from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(columns=["ask"], rows=[[ox.Literal(str(bool(result)).lower())]], boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            rows = [[t.subject, t.predicate, t.object] for t in result]
            return QueryResult(columns=["subject", "predicate", "object"], rows=rows)
        columns = [v.value for v in result.variables]
        rows = [[solution[c] for c in columns] for solution in result]
        return QueryResult(columns=columns, rows=rows)

    # -- export
    def export(self, fmt: str = "nquads") -> bytes:
        """The whole store serialized. N-Quads: blank nodes canonicalized (RDFC-1.0) and lines
        sorted, so the same content always gives the same bytes. Turtle has no named graphs:
        it holds the union of the issue graphs."""
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")
        quads = list(self._store)
        if fmt == "nquads":
            if any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object)):
                dataset = ox.Dataset(quads)
                dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
                quads = list(dataset)
            lines = sorted({str(q) + " ." for q in quads})
            return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
        if fmt == "turtle":
            triples = sorted({q.triple for q in quads}, key=str)
            return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=store_prefixes()) or b""
        quads.sort(key=str)
        if fmt == "trig":
            return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=store_prefixes()) or b""
        return ox.serialize(quads, format=ox.RdfFormat.JSON_LD) or b""


class QueryError(Exception):
    """A query the store refused: bad syntax, or a parameter it cannot bind."""


def is_store(path: str | Path) -> bool:
    """Does `path` hold an Oxigraph (RocksDB) database? RocksDB always writes CURRENT."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").is_file()
