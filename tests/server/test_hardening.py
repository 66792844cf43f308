"""The endpoint and the store used by strangers (issue 18): each finding as a test.

- No outbound requests from queries: SERVICE refused (serve: 400; query: one line, exit 1),
  with a loopback listener that records whether anything reached it; an operator's allowlist.
- A nesting limit checked before the parser (10,000 nested braces crashed it).
- HTTP from a maintained library: Content-Length -1 / abc, chunked bodies, idle connections,
  a burst of clients, no Nagle delay on keep-alive, the Host header kept out of the Turtle.
- Inputs: only regular files (/dev/zero, a FIFO), the size cap on the bytes actually read.
- Exports: formula cells neutralised in CSV, control characters kept out of every format.
- Building a store while it is served is refused; faults are one line and exit 1.
"""
from __future__ import annotations

import csv
import io
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
import pytest
import requests
from click.testing import CliRunner

from govkg.cli import main
from govkg.extractors import reading
from govkg.graph.push import free_port
from govkg.graph.store import MAX_NESTING, QueryError, check_query
from govkg.graph.tables import csv_safe, render
from tests.endpoint import running_endpoint

JSON = {"Accept": "application/sparql-results+json"}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
DEEP = "SELECT * WHERE " + "{" * 10_000 + " ?s ?p ?o " + "}" * 10_000


class Listener:
    """A loopback TCP listener that records every connection made to it (an SSRF target)."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/internal-admin"
        self.hits = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(2)
        self.sock.close()


def govkg(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """The command line as a real process (a segfault shows as exit status -11/139)."""
    return subprocess.run([sys.executable, "-m", "govkg.cli", *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": os.getcwd()})


def raw(url: str, request: bytes, wait: float = 5.0) -> bytes:
    """Send raw bytes to the server of `url` and read what comes back until it closes or `wait` passes."""
    host, port = url.split("//")[1].split("/")[0].split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as s:
        s.sendall(request)
        out = b""
        try:
            while chunk := s.recv(65536):
                out += chunk
        except TimeoutError:
            pass
    return out


# -- no outbound requests from queries

def test_service_is_refused_by_the_endpoint_and_nothing_leaves_the_host(endpoint):
    with Listener() as target:
        query = f"SELECT ?x WHERE {{ SERVICE <{target.url}> {{ ?x ?p ?o }} }}"
        for r in (requests.get(endpoint, params={"query": query}, headers=JSON, timeout=30),
                  requests.post(endpoint, data={"query": "select * { service silent <%s> { ?s ?p ?o } }" % target.url}, timeout=30)):
            assert r.status_code == 400 and "SERVICE" in r.text and "refused" in r.text
        time.sleep(0.3)
        assert target.hits == 0


def test_service_with_a_variable_or_a_prefixed_name_is_refused_too():
    for query in ("SELECT * { SERVICE ?endpoint { ?s ?p ?o } }", "PREFIX e: <http://e/> SELECT * { SERVICE e:x { } }",
                  "SELECT * { SERVICE#comment\n<http://127.0.0.1:1/> { } }"):
        with pytest.raises(QueryError, match="SERVICE"):
            check_query(query)
    # the word in a string, an IRI, a comment or a variable is not a call
    check_query('SELECT ?service WHERE { ?service <http://x/SERVICE> "SERVICE <http://a/>" } # SERVICE <http://b/>')


def test_an_allowed_service_endpoint_is_called(built_store):
    with Listener() as target, running_endpoint(built_store, timeout=5, workers=1, allow_service=(target.url,)) as server:
        query = f"SELECT ?x WHERE {{ SERVICE <{target.url}> {{ ?x ?p ?o }} }}"
        requests.get(server.url + "/sparql", params={"query": query}, headers=JSON, timeout=30)
        time.sleep(0.3)
        assert target.hits >= 1
        other = requests.get(server.url + "/sparql", params={"query": query.replace("internal-admin", "other")}, timeout=30)
        assert other.status_code == 400


def test_govkg_query_refuses_service_with_one_line(built_store):
    with Listener() as target:
        out = govkg("query", f"SELECT ?x WHERE {{ SERVICE <{target.url}> {{ ?x ?p ?o }} }}", "--store", str(built_store))
        time.sleep(0.3)
        assert target.hits == 0
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "SERVICE" in out.stderr, out.stderr


def test_deep_nesting_is_a_clear_error_not_a_crash(endpoint, built_store):
    out = govkg("query", DEEP, "--store", str(built_store))
    assert out.returncode == 1 and "nests" in out.stderr and out.stderr.count("\n") == 1, (out.returncode, out.stderr[-300:])
    r = requests.post(endpoint, data=DEEP.encode(), headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert r.status_code == 400 and str(MAX_NESTING) in r.text
    check_query("SELECT * WHERE " + "{" * MAX_NESTING + "}" * MAX_NESTING)   # the limit itself is fine


# -- HTTP

def test_content_length_minus_one_and_abc_get_a_400_answer(endpoint):
    for length in (b"-1", b"abc"):
        head = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: " + length + b"\r\n\r\n"
        started = time.monotonic()
        reply = raw(endpoint, head + b"x" * 1000)
        assert reply.startswith(b"HTTP/1.1 400"), (length, reply[:200])
        assert time.monotonic() - started < 4


def test_a_chunked_body_is_read_as_the_body_not_as_the_next_request(endpoint):
    body = f"query={requests.utils.quote(COUNT)}".encode()
    smuggled = b"GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n"
    chunks = b"%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n" % (len(body), body, len(b"&x=" + smuggled), b"&x=" + smuggled)
    request = (b"POST /sparql HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\nConnection: close\r\n"
               b"Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks)
    reply = raw(endpoint, request)
    assert reply.count(b"HTTP/1.1 ") == 1 and reply.startswith(b"HTTP/1.1 200"), reply[:300]
    assert b'"n"' in reply and b"/smuggled" not in reply


def test_a_chunked_body_over_the_limit_is_413(endpoint):
    def chunks():
        for _ in range(40):
            yield b"query=" + b"x" * 65536
    r = requests.post(endpoint, data=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=30)
    assert r.status_code == 413


def test_the_host_header_is_not_pasted_into_the_service_description(endpoint):
    request = b"GET /sparql HTTP/1.1\r\nHost: a> . <http://evil/> <http://evil/p> <http://evil/o> . <x\r\nConnection: close\r\n\r\n"
    reply = raw(endpoint, request)
    body = reply.split(b"\r\n\r\n", 1)[1]
    triples = list(ox.parse(body, format=ox.RdfFormat.TURTLE))
    assert triples and not any("evil" in str(t) for t in triples)


def test_idle_connections_are_closed(endpoint):
    host, port = endpoint.split("//")[1].split("/")[0].split(":")
    with socket.create_connection((host, int(port)), timeout=20) as s:
        s.sendall(b"GET /sparql HTTP/1.1\r\nHost: x\r\n\r\n")
        started = time.monotonic()
        data = b""
        while chunk := s.recv(65536):    # the answer, then the server closes the idle connection
            data += chunk
        assert data.startswith(b"HTTP/1.1 200") and time.monotonic() - started < 15


def test_a_burst_of_300_clients_connecting_at_once_is_served(endpoint):
    """All connect within 0.9 s (a SYN dropped by a full backlog is resent only after 1 s),
    stay open together, then each asks and is answered."""
    host, port = endpoint.split("//")[1].split("/")[0].split(":")
    barrier = threading.Barrier(300)

    def one(_):
        barrier.wait()
        try:
            s = socket.create_connection((host, int(port)), timeout=0.9)
        except OSError:
            barrier_after.wait()
            return "connect failed"
        with s:
            barrier_after.wait()
            s.settimeout(30)
            s.sendall(b"GET /sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            reply = b""
            while chunk := s.recv(65536):
                reply += chunk
            return reply[:12].decode()

    barrier_after = threading.Barrier(300, timeout=60)
    with ThreadPoolExecutor(300) as pool:
        answers = list(pool.map(one, range(300)))
    assert answers == ["HTTP/1.1 200"] * 300, sorted(set(answers))


def test_keep_alive_answers_do_not_wait_for_nagle(endpoint):
    times = []
    with requests.Session() as session:
        session.get(endpoint, timeout=10)
        for _ in range(20):
            started = time.perf_counter()
            assert session.get(endpoint, params={"query": "ASK {}"}, headers=JSON, timeout=10).status_code == 200
            times.append(time.perf_counter() - started)
    assert statistics.median(times) < 0.03, times    # 44-48 ms each with Nagle + delayed ACK


def test_a_request_head_past_the_limit_is_refused_and_the_server_answers_the_next(endpoint):
    """llhttp (httptools) would buffer a header of any length; the head is capped (431, or h11's
    400) before it is read into memory."""
    from govkg.graph.server import MAX_HEAD

    host, port = endpoint.split("//")[1].split("/")[0].split(":")
    with socket.create_connection((host, int(port)), timeout=20) as s:
        s.sendall(b"GET /sparql HTTP/1.1\r\nHost: x\r\n")
        reply = b""
        try:
            for _ in range(4 * MAX_HEAD // 8000 + 1):
                s.sendall(b"X-Padding: " + b"a" * 8000 + b"\r\n")
        except OSError:   # the server closed the connection while we were still sending
            pass
        try:
            while chunk := s.recv(65536):
                reply += chunk
        except OSError:
            pass
    assert reply.startswith((b"HTTP/1.1 431", b"HTTP/1.1 400")), reply[:200]
    assert requests.get(endpoint, params={"query": "ASK {}"}, headers=JSON, timeout=10).status_code == 200


def test_thirty_two_clients_at_once_are_all_answered(endpoint):
    """32 keep-alive clients, each from its own loopback address (so the fair queue lets each
    have a query running), asking for 2 s: every request is answered with 200."""
    from govkg.graph.loadtest import run_load

    host, port = endpoint.split("//")[1].split("/")[0].split(":")
    load = run_load(host, int(port), "/sparql?query=" + requests.utils.quote(COUNT), 32, 2.0, JSON)
    assert load.errors == 0, load.first_error
    assert load.answers >= 32


def test_cors_allows_any_origin_to_read_results(endpoint):
    r = requests.get(endpoint, params={"query": "ASK {}"}, headers={**JSON, "Origin": "https://example.org"}, timeout=10)
    assert r.headers["Access-Control-Allow-Origin"] == "*"


# -- inputs

@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_build_reads_only_regular_files(tmp_path, kind):
    if kind == "device":
        path = "/dev/zero"
    else:
        path = str(tmp_path / "pipe")
        os.mkfifo(path)
    out = govkg("build", path, "--store", str(tmp_path / "store"), timeout=30)
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "not a regular file" in out.stderr, out.stderr


def test_the_size_cap_is_on_the_bytes_read(monkeypatch):
    # /proc files are regular but report size 0: only counting what is read catches them.
    monkeypatch.setattr(reading, "MAX_BYTES", 16)
    with pytest.raises(reading.InputError, match="limit"):
        reading.read_text("/proc/self/status")


def test_a_text_over_the_character_cap_is_one_line_and_exit_1_and_the_store_is_untouched(tmp_path):
    """The cap on characters of text (what extraction's memory grows with), checked on what
    was read, whatever the file's format; a build refuses before it writes anything."""
    small = tmp_path / "small.txt"
    small.write_text("温州市人民政府关于任命张三为温州市财政局局长的通知\n" * 3, encoding="utf-8")
    big = tmp_path / "big.txt"
    line = "温州市人民政府关于任命张三为温州市财政局局长的通知\n"
    big.write_text(line * (reading.MAX_TEXT_CHARS // len(line) + 1), encoding="utf-8")
    assert big.stat().st_size < reading.MAX_BYTES          # under the byte cap: the character cap refuses it
    out = govkg("extract", str(big), timeout=120)
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "character limit" in out.stderr and str(big) in out.stderr, out.stderr
    store = tmp_path / "store"
    assert govkg("build", str(small), "--store", str(store), timeout=120).returncode == 0
    before = sorted((p.name, p.stat().st_size) for p in store.iterdir())
    out = govkg("build", str(small), str(big), "--store", str(store), timeout=120)
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "character limit" in out.stderr, out.stderr
    assert sorted((p.name, p.stat().st_size) for p in store.iterdir()) == before


def test_the_character_cap_is_checked_for_every_format(monkeypatch, tmp_path):
    from govkg.extractors.sources import read_source

    monkeypatch.setattr(reading, "MAX_TEXT_CHARS", 10)
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>温州市人民政府关于任命张三为温州市财政局局长的通知</p></body></html>", encoding="utf-8")
    text = tmp_path / "text.txt"
    text.write_text("温州市人民政府关于任命张三为温州市财政局局长的通知", encoding="utf-8")
    for path in (page, text):
        with pytest.raises(reading.InputError, match="character limit"):
            read_source(path)


# -- exports

def test_csv_cells_that_look_like_formulas_are_neutralised():
    text = render(["a", "b"], [{"a": '=HYPERLINK("http://x")', "b": "-3"}, {"a": "@SUM(A1)", "b": "+1.5"}, {"a": "-x", "b": "\tx"}], "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1:] == [["'=HYPERLINK(\"http://x\")", "-3"], ["'@SUM(A1)", "+1.5"], ["'-x", " x"]]
    assert csv_safe("a\x1b[31mb\x85") == "a[31mb"


def test_endpoint_results_are_safe_in_csv_xml_and_json(endpoint):
    query = 'SELECT ?f ?c WHERE { BIND("=cmd|\' /C calc\'!A0" AS ?f) BIND("a\\u0001b\\u001Bc" AS ?c) }'
    table = requests.get(endpoint, params={"query": query}, headers={"Accept": "text/csv"}, timeout=10)
    assert list(csv.reader(io.StringIO(table.text)))[1] == ["'=cmd|' /C calc'!A0", "abc"]
    xml = requests.get(endpoint, params={"query": query}, headers={"Accept": "application/sparql-results+xml"}, timeout=10)
    ET.fromstring(xml.content)    # well-formed
    data = requests.get(endpoint, params={"query": query}, headers=JSON, timeout=10).json()
    assert data["results"]["bindings"][0]["c"]["value"] == "a\x01b\x1bc"   # JSON escapes them, the value is kept


# -- serving and building the same store; faults

@pytest.fixture
def small_store(tmp_path):
    from tests.helpers import seed_file

    store = tmp_path / "store"
    out = govkg("build", str(seed_file("003")), "--store", str(store), timeout=300)
    assert out.returncode == 0, out.stderr
    return store


def test_build_refuses_while_the_store_is_served_and_the_endpoint_keeps_answering(small_store):
    from tests.helpers import seed_file

    with running_endpoint(small_store, timeout=10, workers=2) as server:
        url = server.url + "/sparql"
        before = requests.get(url, params={"query": COUNT}, headers=JSON, timeout=10).json()
        out = govkg("build", str(seed_file("000")), "--store", str(small_store), timeout=300)
        assert out.returncode == 1 and "being served" in out.stderr and out.stderr.count("\n") == 1, out.stderr
        for _ in range(4):
            r = requests.get(url, params={"query": COUNT}, headers=JSON, timeout=10)
            assert r.status_code == 200 and r.json() == before
    out = govkg("build", str(seed_file("000")), "--store", str(small_store), timeout=300)
    assert out.returncode == 0, out.stderr


def test_a_busy_port_is_one_line_and_exit_1(small_store):
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        out = govkg("serve", "--store", str(small_store), "--port", str(port), timeout=60)
    assert out.returncode == 1 and "cannot listen" in out.stderr and out.stderr.count("\n") == 1, out.stderr


def test_a_corrupted_store_is_one_line_and_exit_1(small_store):
    for sst in small_store.glob("*.sst"):       # every table cut short, as by a failing disk
        sst.write_bytes(sst.read_bytes()[:100])
    for args in (["query", COUNT], ["export", "graph"], ["build"]):
        out = govkg(*args, "--store", str(small_store), timeout=120)
        assert out.returncode == 1 and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr, (args, out.stderr)
        assert "corrupt" in out.stderr.lower()


def test_a_full_disk_during_a_build_is_one_line_and_exit_1(tmp_path):
    """RLIMIT_FSIZE makes writes past 300 KB fail with EFBIG, as a full disk fails them with ENOSPC."""
    import resource
    import signal

    from tests.helpers import seed_file

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (300 * 1024, 300 * 1024))

    out = subprocess.run([sys.executable, "-m", "govkg.cli", "build", str(seed_file("000")), "--store", str(tmp_path / "store")],
                         capture_output=True, text=True, timeout=300, preexec_fn=small_disk, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr, out.stderr
    assert "File too large" in out.stderr


def test_serve_help_names_the_service_allowlist():
    assert "--allow-service" in CliRunner().invoke(main, ["serve", "--help"]).output
    assert free_port() > 0


# -- push

class FakeServer:
    """A loopback HTTP server answering every request with `reply(handler)`."""

    def __init__(self, reply):
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                reply(self)

            do_GET = do_POST = do_PUT = do_DELETE = _any

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_push_treats_a_redirect_to_a_login_page_as_a_failure(small_store):
    from govkg.graph.push import PushError, Target, push

    def reply(h):
        if h.path.startswith("/login"):
            body = b"<html>please log in</html>"
            h.send_response(200)
        else:
            body = b""
            h.send_response(302)
            h.send_header("Location", "/login")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    with FakeServer(reply) as server:
        with pytest.raises(PushError, match="302"):
            push(small_store, Target(server.url + "/sparql", graph_store=server.url + "/store"), verify=False)


def test_push_has_an_overall_deadline_against_a_trickling_server(small_store):
    from govkg.graph.push import PushError, Target, push

    def reply(h):
        h.send_response(200)
        h.send_header("Content-Length", "1000")
        h.end_headers()
        try:
            for _ in range(1000):     # a byte every 0.2 s: never a socket timeout, never done
                h.wfile.write(b" ")
                h.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass

    with FakeServer(reply) as server:
        started = time.monotonic()
        with pytest.raises(PushError):
            push(small_store, Target(server.url + "/sparql", graph_store=server.url + "/store", timeout=2), retries=1, deadline_s=5)
        assert time.monotonic() - started < 10


def test_push_retries_its_verification_queries(small_store, oxigraph_server):
    from govkg.graph.push import push

    target = oxigraph_server.target()
    real, calls = target.graph_size, []

    def flaky(graph):
        calls.append(graph)
        if len(calls) == 1:
            raise requests.ConnectionError("dropped")
        return real(graph)

    target.graph_size = flaky
    summary = push(small_store, target, verify=True)
    assert summary.verified and not summary.mismatches and len(calls) == len(summary.graphs) + 1


# -- a re-ingest killed between its replace and its prune

def test_an_interrupted_reingest_leaves_no_orphan_entities(tmp_path):
    """A build replaces an issue (one transaction) and prunes entities no issue names any more
    (another); a kill between the two used to leave the orphans for good, since the next run
    prunes only what it touched itself. The candidates now live in the store's journal."""
    from govkg.graph.store import ENTITIES_GRAPH, GraphStore

    ex = "http://example.org/"
    issue, entities = ox.NamedNode(ex + "issue/1"), ox.NamedNode(ENTITIES_GRAPH)
    name = ox.NamedNode("http://xmlns.com/foaf/0.1/name")

    def quads(*people):
        out = []
        for p in people:
            person = ox.NamedNode(ex + p)
            out += [ox.Quad(ox.NamedNode(ex + "act/" + p), ox.NamedNode(ex + "person"), person, issue),
                    ox.Quad(person, name, ox.Literal(p), entities)]
        return out

    store_dir = tmp_path / "store"
    with GraphStore(store_dir) as store:
        store.replace_issue(issue, quads("a", "b"))
    with GraphStore(store_dir) as store:
        store.replace_issue(issue, quads("a"))      # "b" is no longer named ...
        # ... and the process dies here, before store.prune_entities()
    with GraphStore.open_read_only(store_dir) as store:   # the journal's candidates are not data
        assert store.query(f"ASK {{ ?s <{ex}person> ?o . ?x ?p ?s . FILTER(?p != <{ex}person>) }}").boolean is False
        assert len(store) == 3
    with GraphStore(store_dir) as store:            # the rerun: same issue again, then its prune
        store.replace_issue(issue, quads("a"))
        store.prune_entities()
        names = sorted(q.object.value for q in store._store.quads_for_pattern(None, name, None, entities))
    assert names == ["a"]
    with GraphStore.open_read_only(store_dir) as store:
        assert len(store) == 2 and store.export("nquads").count(b"\n") == 2


def test_a_query_past_the_memory_limit_is_stopped_and_the_server_answers_the_next(built_store):
    sort_everything = "SELECT ?a ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"
    with running_endpoint(built_store, timeout=60, workers=1, max_memory_mb=300) as server:
        url = server.url + "/sparql"
        started = time.monotonic()
        r = requests.get(url, params={"query": sort_everything}, headers=JSON, timeout=90)
        assert r.status_code == 503 and "300 MB" in r.text, r.text
        assert time.monotonic() - started < 30
        ok = requests.get(url, params={"query": COUNT}, headers=JSON, timeout=90)
        assert ok.status_code == 200 and server.pool.replaced == 1


def test_one_clients_heavy_queries_cannot_starve_another_client(built_store):
    """Two workers; client 127.0.0.1 sends two never-ending queries, client 127.0.0.2 a count.
    The second heavy query is refused (429) at once, so the other client is answered."""
    cross_join = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with running_endpoint(built_store, timeout=4, workers=2, per_client=1) as server:
        url = server.url + "/sparql"
        with ThreadPoolExecutor(2) as pool:
            heavy = pool.submit(requests.get, url, params={"query": cross_join}, headers=JSON, timeout=30)
            time.sleep(0.5)
            second = requests.get(url, params={"query": cross_join}, headers=JSON, timeout=30)
            assert second.status_code == 429 and second.headers["Retry-After"]
            port = int(url.split(":")[2].split("/")[0])
            with socket.create_connection(("127.0.0.1", port), timeout=30, source_address=("127.0.0.2", 0)) as other:
                started = time.monotonic()
                query = requests.utils.quote(COUNT)
                other.sendall(f"GET /sparql?query={query} HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\n"
                              "Connection: close\r\n\r\n".encode())
                reply = b""
                while chunk := other.recv(65536):
                    reply += chunk
            assert reply.startswith(b"HTTP/1.1 200") and time.monotonic() - started < 3, reply[:200]
            assert heavy.result().status_code == 503
