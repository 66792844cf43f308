"""A read-only SPARQL 1.1 Protocol endpoint over the embedded store, and its query page.

In: a built store directory, a host and port, a time limit per query and a result-size limit.
Out: an HTTP server (`make_server(...)`, run by `govkg serve`) answering

- `GET/POST /sparql` per the SPARQL 1.1 Protocol: `query=` in the URL or in a form body, or the
  query itself as an `application/sparql-query` body; `default-graph-uri` / `named-graph-uri`
  honoured (without them the default graph is the union of all issue graphs, as in
  `govkg query`). Results by content negotiation (`Accept`, or `format=json|xml|csv|tsv|turtle|
  ntriples|jsonld|rdfxml` to override): SELECT/ASK as SPARQL results JSON, XML, CSV or TSV;
  CONSTRUCT/DESCRIBE as Turtle, N-Triples, JSON-LD or RDF/XML. `GET /sparql` without a query
  answers a SPARQL service description (Turtle).
- `GET /`: a query page that works offline (one HTML file, inline JS, no external resource),
  with every stored query (ontology/queries/*.rq) as a one-click example. The page is
  graph/templates/sparql.html with graph/static/sparql.js inlined into it.

Status codes: 400 bad query or request (also: a SERVICE call to an endpoint the operator did
not allow, since the endpoint must not send requests for strangers; brackets nested deeper
than store.MAX_NESTING, which would crash the parser); 403 SPARQL Update (in any form:
`update=`, `application/sparql-update`, or an update sent as a query) since the endpoint is
read-only; 406 no acceptable result format; 413 request body over 1 MB (chunked or not);
415 unknown body type; 422 result larger than the result-size limit (ask with LIMIT); 429 the
client already has its share of queries running; 503 the query passed the time or memory
limit and was stopped, or every worker stayed busy for the whole time limit. Every answer
allows any origin to read it (CORS `*`: no credentials are involved, as on WDQS).

HTTP itself is uvicorn's (httptools' llhttp parser, or h11 where httptools is missing:
Content-Length and chunked bodies, request heads capped at 64 KB, keep-alive with idle
connections closed after a few seconds, a 2048-deep listen backlog, TCP_NODELAY), with the
routes as a Starlette app; `make_server` returns a `SparqlServer` with `serve_forever()`,
`shutdown()` and `server_close()`. While it runs, the server holds the store's serving lock,
so `govkg build` refuses to write the store under it.

Why worker processes: pyoxigraph cannot cancel a running query, so a thread cannot stop one.
Each query runs in a worker process (spawned, holding the store open read-only, its heap capped
when `max_memory_mb` is set); when the time limit passes, the server kills that worker by its
pid and starts a fresh one, and goes on answering. The event loop hands a query to an idle
worker (first come, first served) through a pipe and reads the answer as it arrives, with no
thread in between. Workers serialize the results themselves,
counting rows as they go, so a huge result is cut at the limit instead of being built in
memory. Results are safe to open: CSV cells that look like formulas get a leading `'`, and
control characters are dropped (CSV), escaped (JSON) or replaced (XML, which cannot hold them).

Also here: `self_contained(sparql, params)`, which turns a stored query plus parameter values
into plain SPARQL any server accepts (the missing PREFIX lines added; the values bound by an
inline VALUES block at the head of the WHERE group, which is what Oxigraph's substitution
does for the embedded store).
"""
from __future__ import annotations

import asyncio
import collections
import csv
import io
import json
import os
import pickle
import re
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox

from govkg.graph import assets
from govkg.graph.store import (  # noqa: F401 (re-exported)
    XSD,
    GraphStore,
    QueryError,
    bind_values,
    check_query,
    lock_for_serving,
    store_prefixes,
    to_term,
    visible_dataset,
    where_group_start,
)
from govkg.graph.tables import csv_safe, json_safe

MAX_BODY = 1 << 20
XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

#: (media type, format name) in the order of preference when the client accepts anything.
RESULT_TYPES = [
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
    ("application/json", "json"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
]
GRAPH_TYPES = [
    ("text/turtle", "turtle"),
    ("application/n-triples", "ntriples"),
    ("application/ld+json", "jsonld"),
    ("application/rdf+xml", "rdfxml"),
    ("application/x-turtle", "turtle"),
    ("text/plain", "ntriples"),
    ("application/json", "jsonld"),
    ("application/xml", "rdfxml"),
]
MEDIA_TYPE = {name: mime for mime, name in reversed(RESULT_TYPES + GRAPH_TYPES)}
MEDIA_TYPE.update(json="application/sparql-results+json", xml="application/sparql-results+xml")
RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
               "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}

# -- reading SPARQL text ------------------------------------------------------------------------

PROLOGUE = re.compile(r"\s*(?:#[^\n]*\n|(?i:PREFIX)\s+[\w.-]*:\s*<[^>]*>|(?i:BASE)\s*<[^>]*>)", re.S)
UPDATE_START = re.compile(r"(?i:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b")
DECLARED_PREFIX = re.compile(r"(?i:PREFIX)\s+([\w.-]*):")


def is_update(sparql: str) -> bool:
    """Does the text start (after its PREFIX/BASE prologue) with a SPARQL Update operation?"""
    pos = 0
    while (m := PROLOGUE.match(sparql, pos)) and m.end() > pos:
        pos = m.end()
    return bool(UPDATE_START.match(sparql[pos:].lstrip()))


def self_contained(sparql: str, params: Mapping[str, Any] | None = None) -> str:
    """The stored query as plain SPARQL for any server: PREFIX lines for the prefixes it uses
    without declaring (the embedded store supplies them), and each parameter bound by an
    inline `VALUES` at the head of the WHERE group, so FILTERs and projections see it exactly
    as with Oxigraph's substitution. Values become RDF terms with `store.to_term` (never pasted
    as text)."""
    declared = {p.lower() for p in DECLARED_PREFIX.findall(sparql)}
    missing = [f"PREFIX {p}: <{iri}>" for p, iri in store_prefixes().items()
               if p.lower() not in declared and re.search(rf"(?<![\w:<]){re.escape(p)}:", sparql)]
    text = bind_values(sparql, params)
    if missing:
        lines = text.splitlines(keepends=True)
        head = 0   # after the comment header, so the page shows the title first
        while head < len(lines) and lines[head].lstrip().startswith("#"):
            head += 1
        text = "".join(lines[:head]) + "\n".join(missing) + "\n" + "".join(lines[head:])
    return text


# -- content negotiation ------------------------------------------------------------------------

def negotiate(accept: str | None, offered: list[tuple[str, str]], override: str | None = None) -> tuple[str, str] | None:
    """The (media type, format) to answer with: `override` (a format name or media type) if
    offered, else the best `Accept` match by q-value (exact type over type/* over */*), else the
    first offered when the client states nothing; None when nothing offered is acceptable."""
    if override:
        for mime, name in offered:
            if override.lower() in (mime, name):
                return mime, name
        return None
    if not accept or not accept.strip():
        return offered[0]
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    best, best_key = None, None
    for order, (mime, name) in enumerate(offered):
        major = mime.split("/")[0]
        matches = [(3 if r == mime else 2 if r == major + "/*" else 1, q) for r, q in ranges if r in (mime, major + "/*", "*/*")]
        if not matches:
            continue
        specificity, q = max(matches)
        if q <= 0:
            continue
        key = (q, specificity, -order)
        if best_key is None or key > best_key:
            best, best_key = (mime, name), key
    return best


# -- result serializers (rows are collected first, so their number can be capped) ----------------

def term_json(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {k: term_json(getattr(term, k)) for k in ("subject", "predicate", "object")}}
    return {"type": "literal", "value": str(term)}


#: Characters XML 1.0 forbids outright (a document holding one is malformed, and no escape is
#: allowed for them): shown as U+FFFD, the replacement character.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    return xml_escape(XML_FORBIDDEN.sub("\ufffd", text), {'"': "&quot;"})


def term_xml(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{xml_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{xml_text(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{xml_text(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(xml_text(term.datatype.value))}>{xml_text(term.value)}</literal>"
        return f"<literal>{xml_text(term.value)}</literal>"
    return f"<literal>{xml_text(str(term))}</literal>"


def term_csv(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)


def serialize_solutions(variables: list[str], rows: list[list], fmt: str) -> bytes:
    if fmt == "json":
        bindings = [{v: term_json(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json_safe(json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False)).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head>\n<results>")
        for row in rows:
            cells = "".join(f"<binding name={quoteattr(v)}>{term_xml(t)}</binding>" for v, t in zip(variables, row) if t is not None)
            out.append(f"<result>{cells}</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode("utf-8")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        # Formula-like cells neutralised and control characters dropped (graph.tables.csv_safe).
        writer.writerows([csv_safe(term_csv(t)) for t in row] for row in rows)
        return buffer.getvalue().encode("utf-8")
    # TSV: terms in their SPARQL/N-Triples form, which escapes tabs and newlines in literals
    lines = ["\t".join("?" + v for v in variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize_boolean(value: bool, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if fmt == "xml":
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{str(value).lower()}</boolean></sparql>\n").encode()
    return (str(value).lower() + "\n").encode("utf-8")   # CSV/TSV define no boolean form


# -- answering one query (runs inside a worker process) ----------------------------------------

@dataclass
class Answer:
    status: int
    content_type: str
    body: bytes

    @classmethod
    def error(cls, status: int, message: str) -> Answer:
        return cls(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


def answer(store: ox.Store, request: Mapping[str, Any], max_results: int, dataset: Mapping[str, Any] | None = None) -> Answer:
    """Run one protocol request on an open store: parse, evaluate, negotiate, serialize.
    `dataset`: `visible_dataset(store)` when the caller has it (a worker reads it once: its
    read-only store cannot change under it), else it is read here."""
    # By default, the union of the graphs with data (an interrupted load's graphs hidden).
    kwargs: dict[str, Any] = {"prefixes": store_prefixes(), **(visible_dataset(store) if dataset is None else dataset)}
    if request.get("default_graphs"):
        kwargs.pop("use_default_graph_as_union", None)
        kwargs["default_graph"] = [ox.NamedNode(g) for g in request["default_graphs"]]
    if request.get("named_graphs"):
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in request["named_graphs"]]
    try:
        # Here, next to the parser it protects; the HTTP process does not check it first, to
        # keep its event loop (which every client shares) free of per-query work.
        check_query(request["query"], request.get("allow_service", ()))
    except QueryError as exc:
        return Answer.error(400, str(exc))
    try:
        result = store.query(request["query"], **kwargs)
    except SyntaxError as exc:
        return Answer.error(400, f"SPARQL syntax error: {exc}")
    except (RuntimeError, ValueError, OSError) as exc:
        return Answer.error(400, f"query failed: {exc}")
    offered = GRAPH_TYPES if isinstance(result, ox.QueryTriples) else RESULT_TYPES
    chosen = negotiate(request.get("accept"), offered, request.get("format"))
    if chosen is None:
        kinds = ", ".join(dict.fromkeys(m for m, _ in offered))
        return Answer.error(406, f"no acceptable result format; this query can answer in: {kinds}")
    mime, fmt = chosen
    too_many = Answer.error(422, f"the result has more than {max_results} rows, the server's limit; "
                                 "narrow the query or add LIMIT")
    try:
        if isinstance(result, ox.QueryBoolean):
            return Answer(200, _typed(mime), serialize_boolean(bool(result), fmt))
        if isinstance(result, ox.QueryTriples):
            triples: list[ox.Triple] = []
            for triple in result:
                if len(triples) >= max_results:
                    return too_many
                triples.append(triple)
            if fmt in ("turtle", "rdfxml"):
                body = ox.serialize(triples, format=RDF_FORMATS[fmt], prefixes=store_prefixes())
            else:
                body = ox.serialize(triples, format=RDF_FORMATS[fmt])
            return Answer(200, _typed(mime), body or b"")
        variables = [v.value for v in result.variables]
        rows: list[Any] = []
        for solution in result:
            if len(rows) >= max_results:
                return too_many
            rows.append([solution[v] for v in variables])
        return Answer(200, _typed(mime), serialize_solutions(variables, rows, fmt))
    except (RuntimeError, ValueError, OSError) as exc:
        return Answer.error(400, f"query failed: {exc}")


def _typed(mime: str) -> str:
    return mime + "; charset=utf-8"


WORKER_BOOT = ("import sys; from govkg.graph.server import _worker_main; "
               "_worker_main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))")

#: A message on a worker's pipes: its length (8 bytes, big-endian), then a pickle.
FRAME_HEAD = struct.Struct("!Q")


def _write_frame(fd: int, payload: bytes) -> None:
    """Write one message to a blocking pipe (the reader is an idle worker or the server)."""
    data = memoryview(FRAME_HEAD.pack(len(payload)) + payload)
    while data:
        data = data[os.write(fd, data):]


def _read_exactly(fd: int, size: int) -> bytes:
    out = bytearray()
    while len(out) < size:
        chunk = os.read(fd, size - len(out))
        if not chunk:
            raise EOFError("the pipe was closed")
        out += chunk
    return bytes(out)


def _read_frame(fd: int) -> bytes:
    (size,) = FRAME_HEAD.unpack(_read_exactly(fd, FRAME_HEAD.size))
    return _read_exactly(fd, size)


def _worker_main(request_fd: int, reply_fd: int, store_dir: str, max_results: int, max_memory_mb: int = 0) -> None:
    """A worker process: open the store read-only, then answer requests until told to stop.
    With `max_memory_mb`, the process's heap (RLIMIT_DATA: private writable memory, not the
    store's mapped files) is capped: a query that needs more aborts the worker, which the pool
    reports and replaces, instead of the machine running out of memory."""
    if max_memory_mb > 0:
        import resource

        limit = max_memory_mb << 20
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    try:
        store = ox.Store.read_only(store_dir)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which refuses to start
        _write_frame(reply_fd, pickle.dumps(("error", f"{type(exc).__name__}: {exc}")))
        return
    # A read-only store is a snapshot: the graphs it shows cannot change while it is open
    # (and `govkg build` refuses to write a store being served).
    dataset = visible_dataset(store)
    _write_frame(reply_fd, pickle.dumps(("ready", None)))
    while True:
        try:
            request = pickle.loads(_read_frame(request_fd))
        except (EOFError, OSError):
            return
        if request is None:
            return
        try:
            reply = answer(store, request, max_results, dataset)
        except Exception as exc:  # noqa: BLE001 - one bad request must not kill the worker
            reply = Answer.error(500, f"internal error: {type(exc).__name__}: {exc}")
        _write_frame(reply_fd, pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL))


# -- the pool of killable workers ----------------------------------------------------------------

@dataclass(eq=False)   # hashed by identity: the pool keeps a set of them
class Worker:
    process: subprocess.Popen
    outbox: int   # the pipe for requests to the worker (blocking; the worker reads at once)
    inbox: int    # the pipe for its answers (non-blocking once serving: read by the event loop)


class QueryPool:
    """`workers` processes, each holding the store open read-only. `await run(request)` (on
    the server's event loop) hands the request to an idle worker, first come first served,
    and waits at most `timeout` seconds for its answer; past that the worker is killed (by
    pid) and replaced in the background, and the caller gets a 503.

    No thread between the event loop and the workers: the loop writes the request to the
    worker's pipe and reads the answer as it arrives (`loop.add_reader`), so a request costs
    one pipe round trip and two pickles. When a worker's answer is complete, the next waiting
    request is written to it at once, before the finished answer goes out over HTTP, so a busy
    pool's workers do not wait on the event loop between queries."""

    def __init__(self, store_dir: str | Path, *, workers: int = 2, timeout: float = 30.0, max_results: int = 10000,
                 startup_s: float = 60.0, max_memory_mb: int = 0):
        self.store_dir, self.timeout, self.max_results, self.startup_s = str(store_dir), timeout, max_results, startup_s
        self.max_memory_mb = max_memory_mb
        self.idle: list[Worker] = []
        # Requests waiting for a worker, first come first served: (pickled request, the future
        # that receives the worker once the request has been written to it). Touched on the
        # event loop only.
        self.waiting: collections.deque[tuple[bytes, asyncio.Future[Worker]]] = collections.deque()
        self.all: set[Worker] = set()
        self.lock = threading.Lock()
        self.closed = False
        self.replaced = 0
        try:
            for _ in range(workers):
                self.idle.append(self._start_worker())
        except Exception:
            self.close()
            raise

    def _start_worker(self) -> Worker:
        # A plain subprocess rather than multiprocessing: no fork of a threaded server, and no
        # re-import of the caller's __main__ (which spawn would do).
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        process = subprocess.Popen([sys.executable, "-c", WORKER_BOOT, str(to_child_r), str(from_child_w),
                                    self.store_dir, str(self.max_results), str(self.max_memory_mb)],
                                   pass_fds=(to_child_r, from_child_w))
        os.close(to_child_r)
        os.close(from_child_w)
        worker = Worker(process, to_child_w, from_child_r)
        with self.lock:
            self.all.add(worker)
        ready, _, _ = select.select([worker.inbox], [], [], self.startup_s)
        if not ready:
            self._kill(worker)
            raise RuntimeError(f"a query worker did not open the store within {self.startup_s:.0f} s")
        try:
            status, detail = pickle.loads(_read_frame(worker.inbox))
        except EOFError:
            status, detail = "error", f"the worker exited with status {process.wait()}"
        if status != "ready":
            self._kill(worker)
            raise RuntimeError(f"a query worker could not open the store {self.store_dir}: {detail}")
        os.set_blocking(worker.inbox, False)
        return worker

    def _kill(self, worker: Worker) -> None:
        with self.lock:
            if worker not in self.all:
                return
            self.all.discard(worker)
        if worker.process.poll() is None:
            worker.process.kill()   # by its pid: the only way to stop a running pyoxigraph query
        worker.process.wait(10)
        os.close(worker.outbox)
        os.close(worker.inbox)

    def _hand_over(self, worker: Worker) -> None:
        """A free worker takes the first waiting request (written to its pipe here and now),
        or joins the idle ones."""
        while self.waiting:
            payload, claimed = self.waiting.popleft()
            if claimed.done():   # its client stopped waiting (the time limit for a worker passed)
                continue
            try:
                _write_frame(worker.outbox, payload)
            except OSError:   # the worker died while idle: the request learns it when reading
                pass
            claimed.set_result(worker)
            return
        self.idle.append(worker)

    def _replace(self, worker: Worker) -> None:
        self._kill(worker)
        self.replaced += 1
        if self.closed:
            return
        loop = asyncio.get_running_loop()

        def start():   # on a thread: a worker takes a while to open the store
            try:
                fresh = self._start_worker()
            except Exception as exc:  # noqa: BLE001 - the pool runs one short; say so
                print(f"govkg serve: could not replace a query worker: {exc}", file=sys.stderr)
                return
            if self.closed:
                self._kill(fresh)
                return
            try:
                loop.call_soon_threadsafe(self._hand_over, fresh)
            except RuntimeError:   # the loop has closed: the server is stopping
                self._kill(fresh)

        threading.Thread(target=start, daemon=True).start()

    def _answer_of(self, worker: Worker) -> asyncio.Future[bytes]:
        """The worker's next message, read as it arrives without blocking the loop; once it
        is whole, the worker is handed the next waiting request (so the caller must not kill
        it after the future has its result)."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[bytes] = loop.create_future()
        buffer = bytearray()

        def finish(result: bytes = b"", error: BaseException | None = None) -> None:
            loop.remove_reader(worker.inbox)
            if done.done():   # cancelled: the caller deals with the worker
                return
            if error is not None:
                done.set_exception(error)
                return
            done.set_result(result)
            self._hand_over(worker)

        def readable() -> None:
            try:
                chunk = os.read(worker.inbox, 1 << 20)
            except BlockingIOError:
                return
            except OSError as exc:
                finish(error=exc)
                return
            if not chunk:
                finish(error=EOFError("the worker closed its pipe"))
                return
            buffer.extend(chunk)
            if len(buffer) >= FRAME_HEAD.size:
                (size,) = FRAME_HEAD.unpack_from(buffer)
                if len(buffer) >= FRAME_HEAD.size + size:
                    finish(bytes(buffer[FRAME_HEAD.size:]))

        loop.add_reader(worker.inbox, readable)
        return done

    async def _worker_for(self, payload: bytes) -> Worker | None:
        """A worker that has been given `payload`, or None when none was free for `timeout`."""
        if self.idle and not self.waiting:
            worker = self.idle.pop()
            try:
                _write_frame(worker.outbox, payload)
            except OSError:   # died while idle: reading its answer says so
                pass
            return worker
        claimed: asyncio.Future[Worker] = asyncio.get_running_loop().create_future()
        self.waiting.append((payload, claimed))
        try:
            async with asyncio.timeout(self.timeout):
                return await claimed
        except TimeoutError:
            if claimed.done() and not claimed.cancelled():
                return claimed.result()   # handed over just as the time ran out: it is running ours
            return None

    async def run(self, request: Mapping[str, Any]) -> Answer:
        worker = await self._worker_for(pickle.dumps(dict(request), protocol=pickle.HIGHEST_PROTOCOL))
        if worker is None:
            return Answer.error(503, f"every query worker stayed busy for {self.timeout:g} s; try again later")
        answered = self._answer_of(worker)
        try:
            async with asyncio.timeout(self.timeout):
                reply = pickle.loads(await answered)
        except BaseException as exc:
            if answered.done() and not answered.cancelled() and answered.exception() is None:
                # The answer was whole (and the worker handed on) just as the time ran out or
                # the task was cancelled: the worker is fine.
                if isinstance(exc, TimeoutError):
                    return pickle.loads(answered.result())
                raise
            if not answered.done() or answered.cancelled():
                asyncio.get_running_loop().remove_reader(worker.inbox)
            self._replace(worker)   # stopped by its pid if it still runs our query
            if isinstance(exc, TimeoutError):   # (before OSError: TimeoutError is one)
                return Answer.error(503, f"the query ran past the time limit of {self.timeout:g} s and was stopped; "
                                         "narrow it or add LIMIT")
            if isinstance(exc, (EOFError, OSError)):   # the worker died while answering
                if self.max_memory_mb and worker.process.returncode in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV):
                    return Answer.error(503, f"the query needed more than {self.max_memory_mb} MB, the memory limit of one "
                                             "query, and was stopped; narrow it or add LIMIT")
                return Answer.error(500, "the query worker died while answering; it has been replaced")
            raise   # cancelled: the server is stopping
        return reply

    def close(self) -> None:
        self.closed = True
        with self.lock:
            workers = list(self.all)
        for worker in workers:
            self._kill(worker)


# -- HTTP ----------------------------------------------------------------------------------------
#
# HTTP itself (parsing, Content-Length and chunked bodies, keep-alive, idle timeouts, the listen
# backlog, TCP_NODELAY) is uvicorn's, with httptools (else h11) as the parser; the routes are a
# Starlette app. Only the SPARQL protocol is ours. Queries run in the killable worker processes
# above, awaited on uvicorn's event loop (QueryPool.run).

SERVICE_DESCRIPTION = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
[] a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:feature sd:UnionDefaultGraph ;
  sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
    formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples, formats:JSON-LD, formats:RDF_XML .
"""

READ_ONLY = "this endpoint is read-only: SPARQL Update is refused (rebuild the store with `govkg build`)"
#: A Host header that is a host name or address with an optional port; anything else is not
#: pasted into the service description (the bound address is used instead).
HOST_HEADER = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?")

#: Bytes a request's head (request line and headers) may take; past it the answer is 431 and
#: the connection is closed. h11 enforces its own 16 KB; llhttp has no limit, so one is set here.
MAX_HEAD = 64 * 1024


def http_protocol() -> Any:
    """uvicorn's HTTP/1.1 protocol: httptools (llhttp, Node.js's parser, in C) when installed,
    as pyproject.toml asks, with the request head capped at MAX_HEAD bytes; else h11 (pure
    Python: some 100 µs more per request). Both read Content-Length and chunked bodies strictly
    (the smuggling tests run on the one in use)."""
    try:
        from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol
    except ImportError:
        return "h11"

    class BoundedHead(HttpToolsProtocol):
        """HttpToolsProtocol that stops reading a request whose head passes MAX_HEAD bytes
        (llhttp would buffer a header of any length: memory for anyone who asks)."""
        head_bytes = 0      # bytes received since the last head or message was complete
        in_head = True      # between messages, and in a head

        def data_received(self, data: bytes) -> None:
            self.head_bytes += len(data)
            super().data_received(data)   # its callbacks below reset the count
            if self.in_head and self.head_bytes > MAX_HEAD and not self.transport.is_closing():
                message = b"request head (request line and headers) over the server's limit"
                self.transport.write(STATUS_LINE[431] + b"content-type: text/plain; charset=utf-8\r\n"
                                     + b"content-length: %d\r\nconnection: close\r\n\r\n" % len(message) + message)
                self.transport.close()

        def on_headers_complete(self) -> None:
            self.in_head, self.head_bytes = False, 0
            super().on_headers_complete()

        def on_message_complete(self) -> None:
            self.in_head, self.head_bytes = True, 0
            super().on_message_complete()

    return BoundedHead


#: Seconds an idle keep-alive connection is held before uvicorn closes it.
KEEP_ALIVE_S = 5
#: Pending connections the kernel queues before accept (uvicorn's default; Python's was 5).
BACKLOG = 2048
#: Open connections at most; past it uvicorn answers 503 at once instead of running out of
#: file descriptors.
MAX_CONNECTIONS = 1000


@dataclass
class Settings:
    pool: QueryPool
    page: bytes
    bound: str                        # host:port the server listens on
    allow_service: tuple[str, ...] = ()
    per_client: int = 0               # queries one client address may have running at once (0: any)
    store_dir: str = ""               # for entity pages (/id/…), read in this process


def _response(answer: Answer, head_only: bool = False, close: bool = False):
    """The Starlette response for an answer; for HEAD, the headers GET would send."""
    from starlette.responses import Response

    headers = {"Vary": "Accept", "Access-Control-Allow-Origin": "*"}
    if answer.status in (429, 503):
        headers["Retry-After"] = "5"
    if close:
        headers["Connection"] = "close"
    response = Response(answer.body, status_code=answer.status, headers=headers, media_type=answer.content_type)
    if head_only:
        response.body = b""   # uvicorn sends no body for HEAD anyway; the length stays GET's
    return response


def make_app(settings: Settings):
    """The Starlette app: `/` the query page, `/sparql` the SPARQL 1.1 Protocol."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import ClientDisconnect, Request
    from starlette.responses import Response
    from starlette.routing import Route

    running: dict[str, int] = {}   # client address -> its queries running (touched on the event loop only)

    async def page(request: Request):
        return _response(Answer(200, "text/html; charset=utf-8", settings.page), request.method == "HEAD")

    def params_of(request: Request) -> dict[str, list[str]] | Answer:
        try:
            return parse_qs(request.scope["query_string"].decode("utf-8"), keep_blank_values=True, errors="strict")
        except UnicodeDecodeError:
            return Answer.error(400, "the query string is not UTF-8")

    async def run(params: dict[str, list[str]], request: Request) -> Answer:
        if len(params["query"]) != 1:
            return Answer.error(400, "send exactly one query")
        text = params["query"][0]
        if not text.strip():
            return Answer.error(400, "the query is empty")
        if is_update(text):
            return Answer.error(403, READ_ONLY)
        # Fairness: one client's heavy queries may not hold every worker while others wait.
        client = request.client.host if request.client else ""
        if settings.per_client and running.get(client, 0) >= settings.per_client:
            return Answer.error(429, f"you already have {settings.per_client} quer{'y' if settings.per_client == 1 else 'ies'} "
                                     "running, this server's limit per client; wait for an answer first")
        running[client] = running.get(client, 0) + 1
        try:
            return await settings.pool.run(job_of(text, params, request))
        finally:
            running[client] -= 1
            if not running[client]:
                del running[client]

    def job_of(text: str, params: dict[str, list[str]], request: Request) -> dict[str, Any]:
        formats: list[str | None] = list(params.get("format") or []) or [None]
        return {"query": text, "accept": request.headers.get("accept"), "format": formats[0],
               "default_graphs": params.get("default-graph-uri", []), "named_graphs": params.get("named-graph-uri", []),
               "allow_service": list(settings.allow_service)}

    async def get(request: Request):
        head_only = request.method == "HEAD"
        params = params_of(request)
        if isinstance(params, Answer):
            return _response(params, head_only)
        if "update" in params:
            return _response(Answer.error(403, READ_ONLY), head_only)
        if "query" not in params:
            host = request.headers.get("host") or ""
            endpoint = f"http://{host if HOST_HEADER.fullmatch(host) else settings.bound}/sparql"
            body = SERVICE_DESCRIPTION.format(endpoint=endpoint).encode()
            return _response(Answer(200, "text/turtle; charset=utf-8", body), head_only)
        return _response(await run(params, request), head_only)

    async def post(request: Request):
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > MAX_BODY:
            return _response(Answer.error(413, f"request body over {MAX_BODY} bytes"), close=True)
        chunks, size = [], 0
        try:
            async for chunk in request.stream():   # chunked or not: counted as it arrives
                size += len(chunk)
                if size > MAX_BODY:
                    return _response(Answer.error(413, f"request body over {MAX_BODY} bytes"), close=True)
                chunks.append(chunk)
        except ClientDisconnect:
            return Response(status_code=400)
        params = params_of(request)
        if isinstance(params, Answer):
            return _response(params)
        content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
        try:
            text = b"".join(chunks).decode("utf-8")
        except UnicodeDecodeError:
            return _response(Answer.error(400, "the request body is not UTF-8"))
        if content_type == "application/x-www-form-urlencoded":
            for key, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif content_type == "application/sparql-query":
            params["query"] = [text]
        elif content_type == "application/sparql-update":
            return _response(Answer.error(403, READ_ONLY))
        else:
            return _response(Answer.error(415, "POST a form (application/x-www-form-urlencoded) or application/sparql-query"))
        if "update" in params:
            return _response(Answer.error(403, READ_ONLY))
        if "query" not in params:
            return _response(Answer.error(400, "no query: send query=… or an application/sparql-query body"))
        return _response(await run(params, request))

    async def preflight(request: Request):
        # CORS: any origin may read results (no credentials are ever involved), as WDQS allows.
        return Response(status_code=204, headers={"Access-Control-Allow-Origin": "*",
                                                  "Access-Control-Allow-Methods": "GET, POST, HEAD, OPTIONS",
                                                  "Access-Control-Allow-Headers": "Accept, Content-Type",
                                                  "Access-Control-Max-Age": "86400"})

    pages_store: list[GraphStore] = []
    pages_lock = threading.Lock()

    def entity(path: str, accept: str | None) -> tuple[int, str, bytes]:
        """An entity's page (graph/pages.py), for a browser or, by content negotiation, Turtle
        or JSON-LD; the store is opened read-only once, in this process."""
        from .pages import iri_of_path, negotiate, render_entity

        iri = iri_of_path(path)
        if iri is None:
            return 404, "text/plain; charset=utf-8", f"nothing at {path}".encode()
        if negotiate(accept) is None:
            return 406, "text/plain; charset=utf-8", b"pages are offered as text/html, text/turtle or application/ld+json"
        with pages_lock:
            if not pages_store:
                pages_store.append(GraphStore.open_read_only(settings.store_dir))
            found = render_entity(pages_store[0], iri, accept)
        if found is None:
            return 404, "text/plain; charset=utf-8", f"the graph says nothing about {iri}".encode()
        return 200, found[0], found[1]

    async def entity_page(request: Request):
        status, content_type, body = await run_in_threadpool(entity, request.url.path, request.headers.get("accept"))
        headers = {"Access-Control-Allow-Origin": "*", "Vary": "Accept"}
        return Response(b"" if request.method == "HEAD" else body, status_code=status, media_type=content_type, headers=headers)

    async def not_found(request: Request, exc):
        where = request.url.path
        return _response(Answer.error(404, f"nothing at {where}; the SPARQL endpoint is /sparql, the query page /"),
                         request.method == "HEAD")

    async def not_allowed(request: Request, exc):
        return _response(Answer.error(405, f"{request.method} is not answered here; use GET or POST"))

    routes = [Route("/", page, methods=["GET", "HEAD"]), Route("/index.html", page, methods=["GET", "HEAD"]),
              Route("/sparql", get, methods=["GET", "HEAD"]), Route("/sparql", post, methods=["POST"]),
              Route("/sparql", preflight, methods=["OPTIONS"]),
              Route("/id/{kind}/{key}", entity_page, methods=["GET", "HEAD"])]
    return Starlette(routes=routes, exception_handlers={404: not_found, 405: not_allowed})


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound and listening (so clients that connect before uvicorn's loop runs wait
    in the backlog instead of being refused).

    Made here rather than by uvicorn's `bind_socket`: that one leaves the protocol number 0, and
    asyncio turns Nagle's algorithm off (TCP_NODELAY) only on sockets whose protocol is
    IPPROTO_TCP, so every keep-alive answer waited 40 ms for the client's delayed ACK."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind(address)
        sock.listen(BACKLOG)
    except BaseException:
        sock.close()
        raise
    return sock


class SparqlServer:
    """uvicorn serving the app on a socket bound at construction (so `url` is known, port 0
    included). `serve_forever()` answers until `shutdown()`; `server_close()` stops the workers."""

    def __init__(self, host: str, port: int, pool: QueryPool, page: bytes, *, verbose: bool = False,
                 allow_service: tuple[str, ...] = (), per_client: int = 0):
        import uvicorn

        self.pool = pool
        self.lock: Any = None   # the store's serving lock, set by make_server
        self.socket = listening_socket(host, port)   # OSError (port busy, no permission) here, before serving
        self.server_address = self.socket.getsockname()[:2]
        bound = f"{host}:{self.server_address[1]}" if ":" not in host else f"[{host}]:{self.server_address[1]}"
        app = make_app(Settings(pool, page, bound, tuple(allow_service), per_client, pool.store_dir))
        self.config = uvicorn.Config(app, host=host, port=port, http=http_protocol(), lifespan="off", backlog=BACKLOG,
                                     timeout_keep_alive=KEEP_ALIVE_S, limit_concurrency=MAX_CONNECTIONS,
                                     log_level="info" if verbose else "warning", access_log=verbose,
                                     server_header=False, proxy_headers=False)
        self.server = uvicorn.Server(self.config)
        self.stopped = threading.Event()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}" if ":" not in host else f"http://[{host}]:{port}"

    def serve_forever(self) -> None:
        try:
            self.server.run(sockets=[self.socket])
        finally:
            self.stopped.set()

    def shutdown(self) -> None:
        self.server.should_exit = True
        self.stopped.wait(15)

    def server_close(self) -> None:
        self.socket.close()
        self.pool.close()
        if self.lock is not None:
            self.lock.close()
            self.lock = None


def make_server(store_dir: str | Path, *, host: str = "127.0.0.1", port: int = 7879, timeout: float = 30.0,
                max_results: int = 10000, workers: int = 2, verbose: bool = False, max_memory_mb: int = 0,
                allow_service: tuple[str, ...] = (), per_client: int = 0) -> SparqlServer:
    """Check the store, start the workers and bind the port; `serve_forever()` then answers.
    Raises InputError when the directory holds no store, OSError when the port cannot be bound."""
    GraphStore.open_read_only(store_dir).close()   # a clear error before any worker starts
    # Held while serving: `govkg build` on this store refuses instead of pulling files from
    # under the workers (graph.store.SERVE_LOCK).
    lock = lock_for_serving(store_dir)
    pool = None
    try:
        pool = QueryPool(store_dir, workers=workers, timeout=timeout, max_results=max_results, max_memory_mb=max_memory_mb)
        server = SparqlServer(host, port, pool, query_page(), verbose=verbose, allow_service=tuple(allow_service),
                              per_client=per_client)
    except BaseException:
        if pool is not None:
            pool.close()
        if lock is not None:
            lock.close()
        raise
    server.lock = lock
    return server


def query_examples() -> list[dict[str, str]]:
    """Each stored query with its example parameters bound, as the page offers them."""
    from govkg.graph.queries import stored_queries

    out = []
    for q in stored_queries().values():
        params = {p.name: p.example for p in q.params if p.example}
        out.append({"name": q.name, "title": q.title, "description": q.description, "query": self_contained(q.sparql, params)})
    return out


def query_page() -> bytes:
    """The query page (graph/templates/sparql.html with graph/static/sparql.js inlined) with
    the stored queries as its examples."""
    examples = json.dumps(query_examples(), ensure_ascii=False).replace("</", "<\\/")
    page = assets.text("templates", "sparql.html").replace("__SCRIPT__", assets.text("static", "sparql.js"))
    return page.replace("__EXAMPLES__", examples).encode("utf-8")





def serve(store_dir: str | Path, **options) -> None:
    """Run the endpoint until interrupted (Ctrl-C), then stop the workers."""
    server = make_server(store_dir, **options)
    print(f"govkg: SPARQL endpoint {server.url}/sparql, query page {server.url}/ (Ctrl-C stops)", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
