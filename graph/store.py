"""The embedded RDF store: one persistent Oxigraph database in a directory.

In: a store directory, and for writing, one issue's named-graph IRI with its quads (from
`govkg.graph.mapping.issue_quads`). Out: the issues held (`issues()`), SPARQL results as plain
tables (`query(sparql, params)`), and whole-store serializations (`export(fmt)`: N-Quads sorted
to deterministic bytes, Turtle, TriG, JSON-LD).

Where the store lives: `--store DIR`, else `$GOVKG_STORE`, else `./.govkg/store`
(`default_store_dir()`).

Writing an issue is all-or-nothing, by one of two roads:
- An issue the store does not hold yet goes in by Oxigraph's bulk loader (`add_new_issues`),
  several issues per call: it writes sorted SST files straight into RocksDB, 3-4x faster than a
  transaction, but it is not atomic. So a load journal guards it: before the load, one
  transaction writes each new issue graph into the journal graph (`JOURNAL_GRAPH`); after it, one
  transaction empties the journal. A process killed in between leaves journal entries behind;
  the next writable open drops those issue graphs, whole, in one transaction (`recovered`), and
  a read-only open hides them from every query and export (`hidden`) until then.
- An issue already held is replaced by dropping its graph and inserting its new quads in ONE
  SPARQL Update request (`replace_issue`). Oxigraph runs a whole update request inside one
  RocksDB transaction ("either the full operation succeeds, or nothing is written"), and the
  write-ahead log makes a committed transaction durable and an uncommitted one invisible, so a
  killed re-ingest leaves the issue's old graph or its new one, never a mix, and never neither.

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
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from govkg.extractors.reading import InputError
from govkg.graph.ids import ENTITIES_GRAPH as ENTITIES_GRAPH_NODE
from govkg.graph.vocab import GKG

STORE_ENV = "GOVKG_STORE"

#: The named graph of facts that follow from several issues together (a later 领导分工 notice
#: ending an earlier one's assignments), recomputed by `refresh_derived` after every build.
#: It is not an issue: `issues()` leaves it out, `graphs()` includes it.
DERIVED_GRAPH = "https://w3id.org/govkg/id/graph/derived"
#: The load journal: issue graphs whose bulk load has begun and not been confirmed (see the
#: module docstring). Empty except while a build is writing, or after one was killed.
JOURNAL_GRAPH = "https://w3id.org/govkg/id/graph/journal"
#: The entity descriptions all issues share (graph/mapping.py).
ENTITIES_GRAPH = ENTITIES_GRAPH_NODE.value
#: The vocabulary the stored queries read: the ontology's fact and body classes with their
#: superclass and record code ("appoint", "supervises", ...), from graph/vocabulary.py. So a
#: query asks `?class rdfs:subClassOf gkg:PersonnelAct ; gkg:recordCode ?act` instead of
#: spelling the table of classes again, here and on any server the store is pushed to.
#: Rewritten (when the ontology changed) by `refresh_derived` after every build.
VOCABULARY_GRAPH = "https://w3id.org/govkg/id/graph/vocabulary"
#: Graphs held in the store that are not issues.
BOOKKEEPING_GRAPHS = frozenset({DERIVED_GRAPH, JOURNAL_GRAPH, ENTITIES_GRAPH, VOCABULARY_GRAPH})
#: Parallel bulk loads per batch of new issues (`add_new_issues`).
LOAD_THREADS = min(4, os.cpu_count() or 1)
#: A journal entry: <issue graph> PENDING_LOAD <journal graph>.
PENDING_LOAD = GKG.pendingLoad
#: A journal entry: <entity> PRUNE_CANDIDATE <journal graph>: an IRI a replaced or dropped issue
#: graph named, written in the same transaction as the replace or drop, removed in the same
#: transaction as the prune. So a process killed in between leaves the candidates on disk and
#: the next writable open prunes them: no orphan entity outlives an interrupted re-ingest.
PRUNE_CANDIDATE = ox.NamedNode(GKG.NS + "pruneCandidate")
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
    values = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(terms)}) }}"
    # A subquery marked `# bind parameters here` (the one that picks a report's page) is
    # evaluated on its own, before the outer join: it gets the values too, or it would page
    # through every row of the graph instead of the bound ones.
    sparql = BIND_HERE.sub(lambda m: m.group().split("#")[0] + values, sparql)
    at = where_group_start(sparql) + 1
    return sparql[:at] + "\n  " + values + sparql[at:]


#: A line in a subquery of a stored query where the parameters are bound as well (see bind_values).
BIND_HERE = re.compile(r"^[ \t]*# bind parameters here\b.*$", re.M)


#: Deepest nesting of `{`, `(` and `[` a query may have. Oxigraph's parser recurses once per
#: level and overflows the stack (a segfault, not an error) near 10,000 levels; no real query
#: comes near 100. Checked by `check_query` before the parser sees the text.
MAX_NESTING = 200
#: Tokens that matter to `check_query`: comments, strings and IRIs are skipped whole (a brace or
#: the word SERVICE inside them is text), brackets counted, SERVICE and its target read.
QUERY_TOKENS = re.compile(
    r"#[^\n]*"
    r'|"""(?:[^\\]|\\.)*?"""' r"|'''(?:[^\\]|\\.)*?'''"
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|[{(\[]|[})\]]"
    r"|(?<![\w:?$-])(?i:SERVICE)\b(?:\s+(?i:SILENT)\b)?\s*(?P<target><[^<>\s]*>|[?$]?[\w.:-]*)",
    re.S)


def check_query(sparql: str, allow_service: Iterable[str] = ()) -> None:
    """Refuse, with `QueryError`, a query that would make this process send requests
    elsewhere (SPARQL 1.1 Federated Query's SERVICE: a query from the public would turn the
    endpoint into a proxy and port scanner for addresses only it can reach) unless its target
    IRI is in `allow_service`, or whose brackets nest deeper than `MAX_NESTING` (the parser
    would crash the process). One linear scan; runs before the parser."""
    if "service" not in sparql.lower() and sum(sparql.count(c) for c in "{([") <= MAX_NESTING:
        # Nothing the scan could refuse: no SERVICE anywhere, and fewer opening brackets in
        # all than the depth limit. Four C-speed passes instead of a tokenizing regex (the
        # endpoint checks every query).
        return
    allowed = {a.strip().strip("<>") for a in allow_service}
    depth = 0
    for m in QUERY_TOKENS.finditer(sparql):
        c = m.group()[0]
        if c in "{([":
            depth += 1
            if depth > MAX_NESTING:
                raise QueryError(f"the query nests brackets more than {MAX_NESTING} deep, this server's limit")
        elif c in "})]":
            depth -= 1
        elif (target := m.group("target")) is not None:
            iri = target[1:-1] if target.startswith("<") else None
            if iri is None or iri not in allowed:
                raise QueryError(f"SERVICE {target or '…'} refused: queries here may not call other endpoints "
                                 "(federated query is off unless the operator allows an endpoint by its full IRI)")


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
        #: Issue graphs of an interrupted bulk load: dropped by this writable open (`recovered`),
        #: or left in place by a read-only open but hidden from its queries and exports (`hidden`).
        self.recovered: list[str] = []
        self.hidden: frozenset[str] = frozenset()
        self._touched: set[str] = set()     # IRIs named by graphs dropped since open
        if read_only:
            if not is_store(self.path):
                raise InputError(self.path, "no govkg store here; run `govkg build` first (or pass --store DIR)")
            try:
                self._store = ox.Store.read_only(str(self.path))
            except (OSError, RuntimeError) as exc:   # RocksDB reports corruption as RuntimeError
                raise InputError(self.path, f"cannot open the store: {one_line(exc)}") from None
            self.hidden = frozenset(pending_loads(self._store))
        else:
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError(self.path, f"cannot create the store directory: {exc.strerror or exc}") from None
            # Before RocksDB opens (its open may already rewrite files a server's readers use).
            self._lock = lock_for_writing(self.path)
            try:
                self._store = ox.Store(str(self.path))
            except (OSError, RuntimeError) as exc:
                self._release()
                # The usual causes: another govkg process has the store open for writing; a
                # corrupted store (RocksDB reports corruption as RuntimeError).
                raise InputError(self.path, f"cannot open the store for writing: {one_line(exc)}") from None
            self.recovered = self._recover()
            if self._persisted_candidates():
                self.prune_entities()   # a re-ingest was killed before its prune: finish it

    def _recover(self) -> list[str]:
        """Drop, in one transaction, every issue graph the journal says was being bulk-loaded
        when a process died, and their journal entries; returns the graphs dropped."""
        pending = pending_loads(self._store)
        touched: set[str] = set()
        for g in pending:
            touched |= self._touch(ox.NamedNode(g))
        if pending:
            drops = "".join(f"DROP SILENT GRAPH <{g}> ;\n" for g in pending)
            self._store.update(drops + _remember_candidates(touched) + CONFIRM_LOADS)
        return pending

    def _persisted_candidates(self) -> set[ox.NamedNode]:
        journal = ox.NamedNode(JOURNAL_GRAPH)
        return {q.subject for q in self._store.quads_for_pattern(None, PRUNE_CANDIDATE, None, journal)
                if isinstance(q.subject, ox.NamedNode)}

    @classmethod
    def open_read_only(cls, path: str | Path | None = None) -> GraphStore:
        return cls(path, read_only=True)

    # -- context manager: drop the database handle (and its RocksDB lock) promptly
    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        store = self.__dict__.pop("_store", None)
        try:
            if store is not None and not self.read_only:
                store.flush()
        finally:
            del store
            self._release()

    def _release(self) -> None:
        lock = self.__dict__.pop("_lock", None)
        if lock is not None:
            lock.close()   # closing the file drops its flock

    def __len__(self) -> int:
        """Quads in the graphs with data (see `graphs`)."""
        return len(self._store) - sum(self.graph_size(g) for g in self.hidden | {JOURNAL_GRAPH})

    # -- writing
    def replace_issue(self, graph_iri: str | ox.NamedNode, quads: Iterable[ox.Quad | ox.Triple]) -> int:
        """Make the named graph `graph_iri` hold exactly `quads`, atomically; returns the count.

        Quads in the shared entities graph (entity descriptions) are added to it; every other
        quad goes into `graph_iri`, whatever graph it names, so one issue can never write into
        another issue's graph.
        """
        graph = graph_iri if isinstance(graph_iri, ox.NamedNode) else ox.NamedNode(graph_iri)
        if graph.value in BOOKKEEPING_GRAPHS:
            raise ValueError(f"{graph.value} is not an issue graph")
        own: set[str] = set()
        shared: set[str] = set()
        for q in quads:
            is_shared = isinstance(q, ox.Quad) and q.graph_name == ENTITIES_GRAPH_NODE
            (shared if is_shared else own).add(f"{q.subject} {q.predicate} {q.object} .")
        # Terms are serialized by pyoxigraph itself (N-Triples syntax with escaping), which
        # SPARQL's INSERT DATA accepts as is. One update request is one transaction.
        update = _remember_candidates(self._touch(graph)) + f"DROP SILENT GRAPH {graph} ;\n"
        blocks = [f"GRAPH {g} {{\n" + "\n".join(sorted(t)) + "\n}" for g, t in ((graph, own), (ENTITIES_GRAPH_NODE, shared)) if t]
        if blocks:
            update += "INSERT DATA {\n" + "\n".join(blocks) + "\n}"
        self._store.update(update)
        return len(own) + len(shared)

    def prune_entities(self, everything: bool = False) -> int:
        """Drop the descriptions of entities no issue names any more, in one transaction;
        returns how many quads went. Only entities the replaced or dropped issue graphs named
        since this store was opened are looked at (`everything`: all of them), so pruning
        after re-ingesting one issue costs that issue, not the store.

        An entity is kept if an issue graph names it, or if the description of an entity an
        issue names points at it (a post's body, a tenure's interval, a reformed body's
        predecessor)."""
        entities = ENTITIES_GRAPH_NODE
        if everything:
            candidates = {q.subject for q in self._store.quads_for_pattern(None, None, None, entities)}
        else:
            candidates = {ox.NamedNode(iri) for iri in self._touched}
        persisted = self._persisted_candidates()
        candidates |= persisted
        self._touched.clear()

        def named_by_an_issue(node: ox.NamedNode | ox.BlankNode | ox.Triple) -> bool:
            for pattern in ((node, None, None, None), (None, None, node, None)):
                for q in self._store.quads_for_pattern(*pattern):
                    if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value not in BOOKKEEPING_GRAPHS:
                        return True
            return False

        def describers(node: ox.NamedNode | ox.BlankNode | ox.Triple):
            # Entities whose description points at this one (a post at its body, a tenure at
            # its interval, a body at its predecessor): kept, they keep it.
            for q in self._store.quads_for_pattern(None, None, node, entities):
                yield q.subject

        described = [c for c in candidates if next(iter(self._store.quads_for_pattern(c, None, None, entities)), None)]
        orphans = [c for c in described if not named_by_an_issue(c)
                   and not any(named_by_an_issue(n) for n in describers(c) if isinstance(n, ox.NamedNode))]
        doomed = sorted({f"{q.subject} {q.predicate} {q.object} ." for c in orphans
                         for q in self._store.quads_for_pattern(c, None, None, entities)})
        # One transaction: the orphans go and so do the journal's candidates.
        update = [f"DELETE DATA {{ GRAPH {entities} {{\n" + "\n".join(doomed) + "\n} }"] if doomed else []
        if persisted:
            update.append(f"DELETE WHERE {{ GRAPH <{JOURNAL_GRAPH}> {{ ?c {PRUNE_CANDIDATE} ?j }} }}")
        if update:
            self._store.update(" ;\n".join(update))
        return len(doomed)

    def _touch(self, graph: ox.NamedNode) -> set[str]:
        """Remember the IRIs a graph about to be dropped names: prune candidates. Returns them
        (the caller writes them to the journal in the transaction that drops the graph)."""
        named: set[str] = set()
        for q in self._store.quads_for_pattern(None, None, None, graph):
            for term in (q.subject, q.object):
                if isinstance(term, ox.NamedNode):
                    named.add(term.value)
        self._touched |= named
        return named

    def has_graph(self, graph_iri: str | ox.NamedNode) -> bool:
        graph = graph_iri if isinstance(graph_iri, ox.NamedNode) else ox.NamedNode(graph_iri)
        return self._store.contains_named_graph(graph)

    def add_new_issues(self, issues: Sequence[tuple[str, bytes]]) -> None:
        """Bulk-load issues the store does not hold yet, all or none of each: `(graph IRI,
        N-Quads)` pairs whose quads all lie in that graph (as `build` serializes them).

        The issues are split into one part per core, bulk-loaded side by side. The load
        journal makes this safe (module docstring); an error part-way drops what was loaded
        and re-raises.
        """
        if not issues:
            return
        graphs = [g for g, _ in issues]
        held = [g for g in graphs if self.has_graph(g)]
        if held or len(set(graphs)) != len(graphs):
            raise ValueError(f"add_new_issues takes only issues not held yet, once each: {held or graphs}")
        journal = ox.NamedNode(JOURNAL_GRAPH)
        self._store.extend([ox.Quad(ox.NamedNode(g), PENDING_LOAD, journal, journal) for g in graphs])
        # One bulk load per core, side by side: each call sorts and writes its own SST files on
        # its own thread (pyoxigraph releases the GIL), and RocksDB ingests them independently.
        lanes = max(1, min(LOAD_THREADS, len(issues)))
        parts = [b"".join(data for _, data in issues[i::lanes]) for i in range(lanes)]
        try:
            with ThreadPoolExecutor(lanes) as pool:
                for done in [pool.submit(self._store.bulk_load, part, format=ox.RdfFormat.N_QUADS) for part in parts]:
                    done.result()
        except BaseException:
            self._recover()
            raise
        # The loaded issues are confirmed: removing their entries is one transaction.
        self._store.update(CONFIRM_LOADS)

    def remove_issue(self, graph_iri: str | ox.NamedNode) -> None:
        graph = graph_iri if isinstance(graph_iri, ox.NamedNode) else ox.NamedNode(graph_iri)
        self._store.update(_remember_candidates(self._touch(graph)) + f"DROP SILENT GRAPH {graph}")

    def flush(self) -> None:
        self._store.flush()

    def optimize(self) -> None:
        self._store.optimize()

    # -- reading
    def issues(self) -> list[str]:
        """The IRIs of the issue graphs held, sorted."""
        return [g for g in self.graphs() if g not in BOOKKEEPING_GRAPHS]

    def graphs(self) -> list[str]:
        """Every named graph with data (the issues, the shared entities, the derived graph),
        sorted; not the load journal, nor an interrupted load's graphs."""
        return sorted(g.value for g in self._store.named_graphs()
                      if isinstance(g, ox.NamedNode) and g.value != JOURNAL_GRAPH and g.value not in self.hidden)

    def refresh_derived(self) -> int:
        """Recompute the derived graph from all issues, each rule (ontology/derive/*.ru) one
        SPARQL Update, so one transaction; returns the derived graph's size. The vocabulary
        graph is brought up to date first (`refresh_vocabulary`)."""
        from importlib import resources

        self.refresh_vocabulary()
        rules = resources.files("govkg.ontology").joinpath("derive")
        for rule in sorted(rules.iterdir(), key=lambda p: p.name):
            if rule.name.endswith(".ru"):
                self._store.update(rule.read_text("utf-8"))
        return self.graph_size(DERIVED_GRAPH)

    def refresh_vocabulary(self) -> bool:
        """Write the vocabulary graph (`VOCABULARY_GRAPH`) from the ontology when it differs, in
        one SPARQL Update (one transaction); True if it was rewritten."""
        from .vocabulary import vocabulary

        graph = ox.NamedNode(VOCABULARY_GRAPH)
        want = {ox.Quad(t.subject, t.predicate, t.object, graph) for t in vocabulary().store_triples()}
        if set(self._store.quads_for_pattern(None, None, None, graph)) == want:
            return False
        data = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in sorted(want, key=str))
        self._store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{data}\n}} }}")
        return True

    def graph_size(self, graph_iri: str) -> int:
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri)))

    def quads(self) -> list[ox.Quad]:
        """Every quad of the graphs with data (see `graphs`)."""
        skip = self.hidden | {JOURNAL_GRAPH}
        return [q for q in self._store if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in skip)]

    def query(self, sparql: str, params: Mapping[str, Any] | None = None, *, prefixes: dict[str, str] | None = None,
              allow_service: Iterable[str] = ()) -> QueryResult:
        """Run a SPARQL query over the union of all issue graphs.

        `params` maps variable names (without `?`) to values bound with `to_term` in a VALUES
        block at the head of the WHERE group (`bind_values`). SERVICE calls are refused unless
        their endpoint is in `allow_service`, and deep nesting is refused (`check_query`).
        """
        check_query(sparql, allow_service)
        try:
            text = bind_values(sparql, params)
        except ValueError as exc:
            raise QueryError(str(exc)) from None
        try:
            result = self._store.query(text, prefixes=prefixes or store_prefixes(),
                                       **visible_dataset(self._store, self.hidden))
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
        quads = self.quads()
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


def one_line(exc: BaseException) -> str:
    """An exception's message on one line (RocksDB's can span several)."""
    return " ".join(str(exc).split()) or type(exc).__name__


#: Removes the load journal's entries (and nothing else of the journal), as one update operation.
CONFIRM_LOADS = f"DELETE WHERE {{ GRAPH <{JOURNAL_GRAPH}> {{ ?g {PENDING_LOAD} ?j }} }}"


def _remember_candidates(iris: Iterable[str]) -> str:
    """An update operation (with its trailing ` ;`) writing prune candidates to the journal,
    or nothing."""
    journal = ox.NamedNode(JOURNAL_GRAPH)
    lines = [f"{ox.NamedNode(i)} {PRUNE_CANDIDATE} {journal} ." for i in sorted(iris)]
    return f"INSERT DATA {{ GRAPH {journal} {{\n" + "\n".join(lines) + "\n} } ;\n" if lines else ""


class QueryError(Exception):
    """A query the store refused: bad syntax, or a parameter it cannot bind."""


def pending_loads(store: ox.Store) -> list[str]:
    """Issue graphs named in the load journal: a bulk load began and was never confirmed."""
    journal = ox.NamedNode(JOURNAL_GRAPH)
    return sorted({q.subject.value for q in store.quads_for_pattern(None, PENDING_LOAD, None, journal)
                   if isinstance(q.subject, ox.NamedNode)})


def visible_dataset(store: ox.Store, hidden: Iterable[str] | None = None) -> dict[str, Any]:
    """Query arguments for the dataset users see: the union of all graphs with data as the
    default graph. Normally that is Oxigraph's union default graph; after an interrupted bulk
    load it is the explicit list of graphs, without the half-loaded ones and the journal.
    `hidden`: those graphs when the caller already knows them (`GraphStore.hidden`), else the
    journal is read."""
    hidden = set(pending_loads(store) if hidden is None else hidden)
    journal = ox.NamedNode(JOURNAL_GRAPH)
    if not hidden and next(iter(store.quads_for_pattern(None, None, None, journal)), None) is None:
        return {"use_default_graph_as_union": True}
    visible = [g for g in store.named_graphs()
               if isinstance(g, ox.NamedNode) and g.value != JOURNAL_GRAPH and g.value not in hidden]
    return {"default_graph": visible, "named_graphs": visible}


#: A file in the store directory that `govkg serve` holds a shared lock on and a writer an
#: exclusive one (flock: dropped by the kernel when the process dies, so never stale).
#: Why: a build compacts RocksDB files that the server's read-only workers still have open, and
#: they fail on every query after ("No such file or directory") while others answer old data.
SERVE_LOCK = "govkg-serve.lock"
IN_USE = ("the store is being served by `govkg serve` (or written by another build); stop the server first, "
          "or build into another directory with --store and serve that")


def _lock_file(path: Path, mode: int, problem: str):
    import fcntl

    try:
        f = open(path / SERVE_LOCK, "a+b")   # noqa: SIM115 - held open as the lock
    except OSError:
        return None   # a read-only directory: nobody can build into it, nothing to guard
    try:
        fcntl.flock(f, mode | fcntl.LOCK_NB)
    except BlockingIOError:
        f.close()
        raise InputError(path, problem) from None
    return f


def lock_for_writing(path: str | Path):
    """Take the store's exclusive lock, or refuse with `InputError` while it is served; the
    returned file holds the lock until closed."""
    import fcntl

    return _lock_file(Path(path), fcntl.LOCK_EX, IN_USE)


def lock_for_serving(path: str | Path):
    """Take the store's shared lock (several servers may share a store), or refuse with
    `InputError` while a build writes it; the returned file holds the lock until closed."""
    import fcntl

    return _lock_file(Path(path), fcntl.LOCK_SH, "a build is writing this store; serve it when the build has finished")


def is_store(path: str | Path) -> bool:
    """Does `path` hold an Oxigraph (RocksDB) database? RocksDB always writes CURRENT."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").is_file()
