"""Push the built graph into any SPARQL 1.1 store, one named graph per gazette issue.

In: a govkg store directory and a target server: its SPARQL query endpoint, and either its
Graph Store HTTP Protocol URL (`graph_store`) or a SPARQL Update endpoint; optional HTTP basic
or digest credentials. Out: every issue graph of the store replaced on the server by the
store's copy (`push` -> PushSummary with per-graph triple counts and seconds), and, when asked,
the server's triple count per graph checked against the store's.

Replacing, never appending, is what makes a push resumable: each issue graph is written with
one GSP `PUT` (the server replaces the graph), or with SPARQL Update `DROP SILENT GRAPH <g>`
followed by `INSERT DATA` batches. A push that dies halfway leaves some graphs new and at
most one partly written; running it again rewrites each graph from scratch, so nothing is
ever duplicated.

Payloads are N-Triples, sent as `text/turtle` (N-Triples is a subset of Turtle, and Turtle is
the one type every GSP server reads, Virtuoso included).

Also here, for trying a push and for the tests: `OxigraphServer` and `VirtuosoServer` start a
throw-away local server on loopback as a child process (`with OxigraphServer(dir) as s:`) and
stop it by its process id.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import requests
import urllib3
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from govkg.extractors.reading import InputError
from govkg.graph.store import GraphStore

#: GSP servers that name the graph with `graph-uri=` instead of the standard `graph=`.
GRAPH_URI_PARAM_PATHS = re.compile(r"/sparql-graph-crud(-auth)?/?$")

#: Triples per INSERT DATA request: Virtuoso refuses an update whose generated SQL passes
#: 10,000 lines (about 2,000 triples here); 500 keeps well clear of it.
INSERT_BATCH = 500


class PushError(Exception):
    """The server refused or dropped a request; names the graph and how far the push got."""


class PushDeadline(PushError):
    """The whole push ran past its deadline."""


@dataclass
class GraphPushed:
    graph: str
    triples: int
    seconds: float


@dataclass
class PushSummary:
    graphs: list[GraphPushed] = field(default_factory=list)
    seconds: float = 0.0
    #: graph -> (store count, server count) where they differ, when verified
    mismatches: dict[str, tuple[int, int]] = field(default_factory=dict)
    verified: bool = False

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)

    def line(self) -> str:
        text = f"pushed {len(self.graphs)} graphs, {self.triples} triples in {self.seconds:.1f} s"
        if self.verified:
            text += "; server counts match the store" if not self.mismatches else f"; {len(self.mismatches)} graphs differ on the server"
        return text


def make_auth(user: str | None, password: str | None, scheme: str = "basic"):
    if user is None:
        return None
    if scheme == "digest":
        return HTTPDigestAuth(user, password or "")
    if scheme == "basic":
        return HTTPBasicAuth(user, password or "")
    raise ValueError(f"unknown auth scheme {scheme!r}: basic or digest")


def graph_ntriples(store: GraphStore, graph: str) -> list[str]:
    """The graph's triples as sorted N-Triples lines (sorted: the same graph, the same bytes)."""
    quads = store._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))  # noqa: SLF001
    return sorted({f"{q.subject} {q.predicate} {q.object} ." for q in quads})


class Target:
    """One SPARQL server: where to query, where to write, and with which credentials."""

    def __init__(self, endpoint: str, graph_store: str | None = None, update_endpoint: str | None = None,
                 auth=None, timeout: float = 120.0):
        self.endpoint = endpoint
        self.graph_store = graph_store
        self.update_endpoint = update_endpoint or endpoint
        self.auth = auth
        #: Seconds one request may take from sending to its last byte (not only between bytes:
        #: a server that trickles a byte every few seconds never trips a socket timeout).
        self.timeout = timeout
        #: `time.monotonic()` past which no request may run (set by `push` from its deadline).
        self.deadline: float | None = None
        self.session = requests.Session()

    def _request(self, method: str, url: str, **kwargs) -> requests.Response:
        """One request, never following a redirect (a 302 to a login page is not success), its
        body read within the request's overall time limit and the push's deadline."""
        now = time.monotonic()
        until = now + self.timeout if self.deadline is None else min(now + self.timeout, self.deadline)
        if until <= now:
            raise PushDeadline("the push ran past its deadline")
        r = self.session.request(method, url, auth=self.auth, allow_redirects=False, stream=True,
                                 timeout=(min(10.0, until - now), until - now), **kwargs)
        body = bytearray()
        try:
            # read1: whatever has arrived, so the clock is checked between a trickling server's
            # bytes (read(n) would wait for all n); the socket timeout bounds each wait.
            while chunk := r.raw.read1(65536, decode_content=True):
                body += chunk
                if time.monotonic() > until:
                    raise requests.Timeout(f"{method} {url}: the answer took longer than {self.timeout:g} s "
                                           "(or passed the push's deadline)")
        except urllib3.exceptions.HTTPError as exc:
            raise requests.ConnectionError(f"{method} {url}: {exc}") from None
        finally:
            r.close()
        r._content = bytes(body)
        return r

    def _graph_param(self) -> str:
        path = requests.utils.urlparse(self.graph_store or "").path
        return "graph-uri" if GRAPH_URI_PARAM_PATHS.search(path) else "graph"

    def replace_graph(self, graph: str, lines: list[str]) -> None:
        if self.graph_store:
            body = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
            if lines:
                r = self._request("PUT", self.graph_store, params={self._graph_param(): graph}, data=body,
                                  headers={"Content-Type": "text/turtle; charset=utf-8"})
            else:  # an empty issue: the graph must simply go
                r = self._request("DELETE", self.graph_store, params={self._graph_param(): graph})
                if r.status_code == 404:
                    return
            _check(r, f"PUT graph {graph}")
            return
        g = f"<{graph}>"
        has_blank_nodes = any("_:" in line for line in lines)
        # Blank nodes are scoped to one request, so a graph holding any goes in one batch.
        size = len(lines) if has_blank_nodes else INSERT_BATCH
        batches = [lines[i:i + size] for i in range(0, len(lines), size or 1)] or [[]]
        for n, batch in enumerate(batches):
            update = f"DROP SILENT GRAPH {g} ;\n" if n == 0 else ""
            if batch:
                update += f"INSERT DATA {{ GRAPH {g} {{\n" + "\n".join(batch) + "\n} }"
            r = self._request("POST", self.update_endpoint, data={"update": update})
            _check(r, f"SPARQL Update of graph {graph} (batch {n + 1}/{len(batches)})")

    def select(self, sparql: str) -> dict:
        """A SELECT/ASK sent to the query endpoint; the SPARQL JSON results."""
        r = self._request("POST", self.endpoint, data={"query": sparql}, headers={"Accept": "application/sparql-results+json"})
        _check(r, "query")
        return r.json()

    def graph_size(self, graph: str) -> int:
        data = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        bindings = data["results"]["bindings"]
        return int(bindings[0]["n"]["value"]) if bindings else 0


def _check(response: requests.Response, what: str) -> None:
    if response.is_redirect or 300 <= response.status_code < 400:
        raise PushError(f"{what}: HTTP {response.status_code} {response.reason}, a redirect to "
                        f"{response.headers.get('Location', '?')}: not followed (a login page is not success); "
                        "give the server's own URL, and credentials if it wants them")
    if response.status_code >= 300:
        raise PushError(f"{what}: HTTP {response.status_code} {response.reason}: {response.text[:300].strip()}")


def push(store_dir: str | Path, target: Target, *, verify: bool = True, retries: int = 2, deadline_s: float | None = 3600.0,
         progress: Callable[[GraphPushed], None] | None = None) -> PushSummary:
    """Replace every issue graph of the store on the target server; see the module docstring.

    A request that fails on the network is retried `retries` times (replacing is idempotent,
    so a retry cannot duplicate), and so is a verification query; a refusal by the server
    (HTTP 4xx/5xx, or a redirect) is not. The whole push stops with `PushDeadline` after
    `deadline_s` seconds (None: no deadline).
    """
    summary = PushSummary()
    start = time.perf_counter()
    target.deadline = None if deadline_s is None else time.monotonic() + deadline_s

    def retried(what: str, call: Callable[[], Any], done: int, total: int) -> Any:
        for attempt in range(retries + 1):
            try:
                return call()
            except (requests.ConnectionError, requests.Timeout) as exc:
                if attempt == retries or (target.deadline is not None and time.monotonic() >= target.deadline):
                    raise PushError(f"{what}: {type(exc).__name__}: {exc}; {done} of {total} graphs "
                                    "were pushed; run the push again to finish (it replaces, never duplicates)") from None
                time.sleep(0.5 * (attempt + 1))
        raise AssertionError("unreachable")

    try:
        with GraphStore.open_read_only(store_dir) as store:
            graphs = store.graphs()   # the issues and the derived graph
            if not graphs:
                raise InputError(Path(store_dir), "the store holds no issue graphs; run `govkg build` first")
            for graph in graphs:
                lines = graph_ntriples(store, graph)
                t0 = time.perf_counter()
                retried(f"graph {graph}", lambda: target.replace_graph(graph, lines), len(summary.graphs), len(graphs))  # noqa: B023
                pushed = GraphPushed(graph, len(lines), time.perf_counter() - t0)
                summary.graphs.append(pushed)
                if progress:
                    progress(pushed)
            summary.seconds = time.perf_counter() - start
            if verify:
                for graph in graphs:
                    local = store.graph_size(graph)
                    remote = retried(f"verifying graph {graph}", lambda: target.graph_size(graph), len(graphs), len(graphs))  # noqa: B023
                    if local != remote:
                        summary.mismatches[graph] = (local, remote)
                summary.verified = True
    except PushDeadline:
        raise PushDeadline(f"the push passed its deadline of {deadline_s:g} s after {len(summary.graphs)} graphs; "
                           "run it again to finish (it replaces, never duplicates)") from None
    finally:
        target.deadline = None
    return summary


# --- Local servers for trying a push and for the tests ---------------------------------------

def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on now (the OS picks it when binding port 0)."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def wait_for_http(url: str, deadline_s: float, proc: subprocess.Popen | None = None, auth=None) -> None:
    """Poll `url` until it answers (any HTTP status below 500), for at most `deadline_s`."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server exited with status {proc.returncode} before answering {url}")
        try:
            if requests.get(url, timeout=2, auth=auth).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {deadline_s:.0f} s")


class LocalServer:
    """A server process on loopback; `stop()` (or leaving the `with`) kills it by its pid."""

    name = "server"
    proc: subprocess.Popen | None = None

    log = None
    startup_s = 30.0

    def start(self) -> LocalServer:
        raise NotImplementedError

    def _launch(self, argv: list[str], log_path: Path, ready_url: str, cwd: Path | None = None) -> None:
        """Start the process (output to log_path) and wait until ready_url answers; a server
        that does not come up in time is stopped before the error goes on."""
        self.log = open(log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(argv, cwd=cwd, stdout=self.log, stderr=subprocess.STDOUT)
        try:
            wait_for_http(ready_url, self.startup_s, self.proc)
        except Exception:
            self.stop()
            raise

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def stop(self) -> None:
        log, self.log = self.log, None
        try:
            self._kill()
        finally:
            if log:
                log.close()

    def _kill(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=15)

    def target(self) -> Target:
        raise NotImplementedError


def oxigraph_binary() -> str:
    """The `oxigraph` server binary shipped by the PyPI package `oxigraph`, next to this Python."""
    candidate = Path(sys.executable).parent / "oxigraph"
    found = str(candidate) if candidate.exists() else shutil.which("oxigraph")
    if not found:
        raise FileNotFoundError("the oxigraph server binary is missing: pip install oxigraph")
    return found


class OxigraphServer(LocalServer):
    """`oxigraph serve --location DIR --bind 127.0.0.1:PORT --union-default-graph`: queries see
    all issue graphs at once, as the embedded store's do. SPARQL at /query, updates at /update,
    the Graph Store Protocol at /store."""

    name = "oxigraph"

    def __init__(self, location: str | Path, port: int | None = None, startup_s: float = 30.0):
        self.location = Path(location)
        self.port = port or free_port()
        self.startup_s = startup_s
        self.base = f"http://127.0.0.1:{self.port}"

    def start(self) -> OxigraphServer:
        self.location.mkdir(parents=True, exist_ok=True)
        self._launch([oxigraph_binary(), "serve", "--location", str(self.location),
                      "--bind", f"127.0.0.1:{self.port}", "--union-default-graph"],
                     self.location.parent / f"oxigraph-{self.port}.log", f"{self.base}/query?query=ASK%7B%7D")
        return self

    def target(self, *, gsp: bool = True) -> Target:
        return Target(f"{self.base}/query", graph_store=f"{self.base}/store" if gsp else None,
                      update_endpoint=f"{self.base}/update")


VIRTUOSO_BINARY = "/usr/bin/virtuoso-t"
VIRTUOSO_INI = "/etc/virtuoso-opensource-7/virtuoso.ini"


def virtuoso_ini(template: str, directory: Path, sql_port: int, http_port: int) -> str:
    """Debian's virtuoso.ini with every file in `directory` and both ports on loopback."""
    files = {"Database": "virtuoso", "TempDatabase": "virtuoso-temp"}
    out, section = [], ""
    for line in template.splitlines():
        m = re.match(r"\s*\[(.+)\]\s*$", line)
        if m:
            section = m[1]
        key = line.split("=", 1)[0].strip() if "=" in line and not line.lstrip().startswith(";") else ""
        if section in files and key in ("DatabaseFile", "ErrorLogFile", "LockFile", "TransactionFile", "xa_persistent_file"):
            ext = {"DatabaseFile": "db", "ErrorLogFile": "log", "LockFile": "lck", "TransactionFile": "trx", "xa_persistent_file": "pxa"}[key]
            line = f"{key} = {directory / (files[section] + '.' + ext)}"
        elif section == "Parameters" and key == "ServerPort":
            line = f"ServerPort = 127.0.0.1:{sql_port}"
        elif section == "HTTPServer" and key == "ServerPort":
            line = f"ServerPort = 127.0.0.1:{http_port}"
        elif section == "Parameters" and key == "DirsAllowed":
            line = f"DirsAllowed = ., {directory}, /usr/share/virtuoso-opensource-7/vad"
        elif section == "Plugins" and key.startswith("Load"):
            line = ";" + line   # the wiki plugins are not needed and only slow the start
        out.append(line)
    return "\n".join(out) + "\n"


class VirtuosoServer(LocalServer):
    """Debian's Virtuoso 7 as a normal process over a fresh database in `directory`
    (`virtuoso-t +configfile virtuoso.ini +foreground`). SPARQL at /sparql; writes through the
    Graph Store Protocol at /sparql-graph-crud-auth with digest auth dba/dba (the account of a
    fresh database)."""

    name = "virtuoso"

    def __init__(self, directory: str | Path, startup_s: float = 90.0):
        self.directory = Path(directory)
        self.sql_port, self.port = free_port(), free_port()
        self.startup_s = startup_s
        self.base = f"http://127.0.0.1:{self.port}"

    def start(self) -> VirtuosoServer:
        if not Path(VIRTUOSO_BINARY).exists():
            raise FileNotFoundError(f"{VIRTUOSO_BINARY} is missing: apt-get install virtuoso-opensource")
        self.directory.mkdir(parents=True, exist_ok=True)
        ini = self.directory / "virtuoso.ini"
        ini.write_text(virtuoso_ini(Path(VIRTUOSO_INI).read_text("utf-8", errors="replace"), self.directory, self.sql_port, self.port))
        self._launch([VIRTUOSO_BINARY, "+configfile", str(ini), "+foreground"], self.directory / "stdout.log",
                     f"{self.base}/sparql?query=ASK%7B%7D", cwd=self.directory)
        return self

    def target(self, *, gsp: bool = True) -> Target:
        auth = HTTPDigestAuth("dba", "dba")
        return Target(f"{self.base}/sparql", graph_store=f"{self.base}/sparql-graph-crud-auth" if gsp else None,
                      update_endpoint=f"{self.base}/sparql-auth", auth=auth)
