"""The SPARQL 1.1 Protocol endpoint (graph/server.py) over the store built from the bundled
issues: request forms, content negotiation, refusal of updates, time and size limits (a
pathological query is cut and the server answers the next one), the offline query page,
and `govkg serve` as a real process.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
import pytest
import requests
from click.testing import CliRunner

from govkg.cli import main
from govkg.graph.push import free_port, wait_for_http
from govkg.graph.queries import stored_queries
from govkg.graph.server import (
    GRAPH_TYPES,
    RESULT_TYPES,
    is_update,
    negotiate,
    self_contained,
    where_group_start,
)
from govkg.graph.store import GraphStore
from tests.endpoint import running_endpoint

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
JSON = {"Accept": "application/sparql-results+json"}
#: A join of three full scans: ~10^13 rows on the bundled graph, so it never ends by itself.
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def store_size(built_store):
    with GraphStore.open_read_only(built_store) as store:
        return len(store), {g: store.graph_size(g) for g in store.graphs()}


def count_of(response) -> int:
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("application/sparql-results+json")
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


# -- the three ways to send a query

def test_get_post_form_and_direct_post_answer_the_same_count(endpoint, store_size):
    total, _ = store_size
    assert count_of(requests.get(endpoint, params={"query": COUNT}, headers=JSON)) == total
    assert count_of(requests.post(endpoint, data={"query": COUNT}, headers=JSON)) == total
    direct = requests.post(endpoint, data=COUNT.encode(), headers={**JSON, "Content-Type": "application/sparql-query"})
    assert count_of(direct) == total


def test_default_graph_uri_narrows_to_one_issue_graph(endpoint, store_size):
    _, sizes = store_size
    graph, size = sorted(sizes.items())[0]
    assert count_of(requests.get(endpoint, params={"query": COUNT, "default-graph-uri": graph}, headers=JSON)) == size


def test_named_graphs_are_visible_with_graph_patterns(endpoint, store_size):
    _, sizes = store_size
    r = requests.get(endpoint, params={"query": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"}, headers=JSON)
    got = {b["g"]["value"]: int(b["n"]["value"]) for b in r.json()["results"]["bindings"]}
    assert got == sizes


# -- content negotiation

def test_select_results_in_json_xml_csv_and_tsv(endpoint):
    query = "SELECT ?name WHERE { ?p a <https://w3id.org/govkg/ontology#Person> ; <http://xmlns.com/foaf/0.1/name> ?name } ORDER BY ?name LIMIT 5"
    as_json = requests.get(endpoint, params={"query": query}, headers=JSON).json()
    names = [b["name"]["value"] for b in as_json["results"]["bindings"]]
    assert len(names) == 5 and all(names)
    xml = requests.get(endpoint, params={"query": query}, headers={"Accept": "application/sparql-results+xml"})
    assert xml.headers["Content-Type"].startswith("application/sparql-results+xml")
    assert re.findall(r"<literal>([^<]*)</literal>", xml.text) == names
    table = requests.get(endpoint, params={"query": query}, headers={"Accept": "text/csv"})
    assert list(csv.reader(io.StringIO(table.text))) == [["name"]] + [[n] for n in names]
    tsv = requests.get(endpoint, params={"query": query}, headers={"Accept": "text/tab-separated-values"})
    assert tsv.text.splitlines() == ["?name"] + [json.dumps(n, ensure_ascii=False) for n in names]


def test_format_parameter_overrides_accept(endpoint):
    r = requests.get(endpoint, params={"query": COUNT, "format": "csv"}, headers=JSON)
    assert r.headers["Content-Type"].startswith("text/csv") and r.text.startswith("n\r\n")


@pytest.mark.parametrize("mime, rdf_format", [("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES),
                                              ("application/ld+json", ox.RdfFormat.JSON_LD), ("application/rdf+xml", ox.RdfFormat.RDF_XML)])
def test_construct_results_parse_back_as_the_triples_asked_for(endpoint, mime, rdf_format):
    # DISTINCT: a person named in several issues has the same name triple in each issue graph
    query = ("CONSTRUCT { ?p <http://xmlns.com/foaf/0.1/name> ?n } WHERE { "
             "SELECT DISTINCT ?p ?n WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n } ORDER BY ?n LIMIT 7 }")
    r = requests.get(endpoint, params={"query": query}, headers={"Accept": mime})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith(mime)
    triples = list(ox.parse(r.content, format=rdf_format))
    assert len(triples) == 7 and {t.predicate.value for t in triples} == {"http://xmlns.com/foaf/0.1/name"}


def test_ask_answers_a_boolean(endpoint):
    r = requests.get(endpoint, params={"query": "ASK { ?s a <https://w3id.org/govkg/ontology#Person> }"}, headers=JSON)
    assert r.json() == {"head": {}, "boolean": True}


def test_unacceptable_format_is_406(endpoint):
    r = requests.get(endpoint, params={"query": COUNT}, headers={"Accept": "image/png"})
    assert r.status_code == 406 and "application/sparql-results+json" in r.text


def test_negotiation_rules():
    assert negotiate(None, RESULT_TYPES) == ("application/sparql-results+json", "json")
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULT_TYPES)[1] == "xml"
    assert negotiate("text/*", RESULT_TYPES)[1] == "csv"
    assert negotiate("*/*;q=0.1, text/tab-separated-values", RESULT_TYPES)[1] == "tsv"
    assert negotiate("application/sparql-results+json;q=0, */*", RESULT_TYPES)[1] == "xml"
    assert negotiate("image/png", RESULT_TYPES) is None
    assert negotiate("application/json", GRAPH_TYPES)[1] == "jsonld"
    assert negotiate(None, GRAPH_TYPES, "ntriples")[0] == "application/n-triples"


# -- read-only

@pytest.mark.parametrize("how", ["form update=", "sparql-update body", "update sent as query", "GET update="])
def test_updates_are_refused_with_403_and_nothing_changes(endpoint, store_size, how):
    update = "PREFIX ex: <http://example.org/>\nINSERT DATA { GRAPH ex:g { ex:a ex:b ex:c } }"
    if how == "form update=":
        r = requests.post(endpoint, data={"update": update})
    elif how == "sparql-update body":
        r = requests.post(endpoint, data=update.encode(), headers={"Content-Type": "application/sparql-update"})
    elif how == "update sent as query":
        r = requests.post(endpoint, data={"query": update})
    else:
        r = requests.get(endpoint, params={"update": update})
    assert r.status_code == 403 and "read-only" in r.text
    assert count_of(requests.get(endpoint, params={"query": COUNT}, headers=JSON)) == store_size[0]


def test_is_update_reads_past_the_prologue():
    assert is_update("PREFIX a: <http://a/>\n# drop it\nDELETE WHERE { ?s ?p ?o }")
    assert is_update("  drop silent graph <http://g>")
    assert not is_update("PREFIX a: <http://a/>\nSELECT ?insert WHERE { ?insert ?p ?o }")
    assert not is_update("# INSERT DATA in a comment\nASK {}")


def test_bad_requests_get_clear_4xx(endpoint):
    syntax = requests.get(endpoint, params={"query": "SELEKT * WHERE { ?s ?p ?o }"})
    assert syntax.status_code == 400 and "syntax" in syntax.text.lower()
    assert requests.post(endpoint, data={"nothing": "x"}).status_code == 400
    assert requests.post(endpoint, data=b"x", headers={"Content-Type": "text/plain"}).status_code == 415
    assert requests.get(endpoint.replace("/sparql", "/elsewhere")).status_code == 404


def test_get_without_query_is_a_service_description(endpoint):
    r = requests.get(endpoint)
    triples = list(ox.parse(r.content, format=ox.RdfFormat.TURTLE))
    assert any(t.object.value == "http://www.w3.org/ns/sparql-service-description#SPARQL11Query" for t in triples)


# -- limits

def test_a_pathological_query_is_stopped_at_the_time_limit_and_the_server_answers_the_next(built_store, store_size):
    with running_endpoint(built_store, timeout=1.5, workers=1) as server:
        url = server.url + "/sparql"
        (worker,) = server.pool.all
        started = time.monotonic()
        r = requests.get(url, params={"query": CROSS_JOIN}, headers=JSON, timeout=30)
        elapsed = time.monotonic() - started
        assert r.status_code == 503 and "time limit" in r.text
        assert 1.4 < elapsed < 6, elapsed
        assert worker.process.poll() is not None        # the worker running it was killed
        assert count_of(requests.get(url, params={"query": COUNT}, headers=JSON, timeout=30)) == store_size[0]
        assert server.pool.replaced == 1


def test_answers_larger_than_a_pipe_buffer_arrive_whole_and_in_order(endpoint, built_store):
    """The event loop reads a worker's answer as it arrives (64 KB a pipe at a time): a result
    of megabytes, and concurrent ones, come back whole and each to its own client."""
    sparql = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 20000"
    with GraphStore.open_read_only(built_store) as store:
        expected = len(store.query(sparql).rows)
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda limit: requests.get(endpoint, params={"query": sparql.replace("20000", str(limit))},
                                                            headers=JSON, timeout=60), (20000, 19999, 20000, 19998)))
    sizes = [len(r.json()["results"]["bindings"]) for r in answers]
    assert sizes == [expected, min(expected, 19999), expected, min(expected, 19998)]
    assert len(answers[0].content) > 1 << 20


def test_a_worker_killed_while_idle_is_replaced_and_the_server_goes_on_answering(built_store, store_size):
    with running_endpoint(built_store, timeout=30, workers=1) as server:
        url = server.url + "/sparql"
        (worker,) = server.pool.all
        os.kill(worker.process.pid, signal.SIGKILL)
        worker.process.wait(10)
        first = requests.get(url, params={"query": COUNT}, headers=JSON, timeout=30)
        assert first.status_code in (200, 500), first.text     # 500 if the dead worker was handed the query
        deadline = time.monotonic() + 30
        while (r := requests.get(url, params={"query": COUNT}, headers=JSON, timeout=30)).status_code != 200:
            assert time.monotonic() < deadline, r.text
            time.sleep(0.2)
        assert count_of(r) == store_size[0] and server.pool.replaced == 1


def test_a_result_over_the_size_limit_is_422_and_at_the_limit_is_answered(built_store):
    with running_endpoint(built_store, timeout=30, max_results=10, workers=1) as server:
        url = server.url + "/sparql"
        over = requests.get(url, params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 11"}, headers=JSON)
        assert over.status_code == 422 and "10 rows" in over.text
        at = requests.get(url, params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 10"}, headers=JSON)
        assert len(at.json()["results"]["bindings"]) == 10
        graph = requests.get(url, params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "text/turtle"})
        assert graph.status_code == 422


# -- the query page

def test_query_page_offers_every_stored_query_and_loads_nothing_from_outside(endpoint):
    page = requests.get(endpoint.replace("/sparql", "/"))
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    text = page.text
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text), "the page must work offline"
    assert not re.search(r"@import|url\(", text)
    data = json.loads(re.search(r'<script id="example-data" type="application/json">(.*?)</script>', text, re.S)[1])
    assert [e["name"] for e in data] == list(stored_queries())
    assert all(e["title"] and "SELECT" in e["query"] for e in data)


# -- binding stored-query parameters into plain SPARQL

def test_self_contained_binds_params_by_values_at_the_head_of_the_where_group():
    text = "# title: t\n# a { in a comment\nSELECT ?name ?x WHERE { ?x foaf:name ?name . FILTER(?x != <http://a/#b>) }"
    out = self_contained(text, {"name": "郑章辉"})
    assert 'WHERE {\n  VALUES (?name) { ("郑章辉") }' in out
    assert "PREFIX foaf: <http://xmlns.com/foaf/0.1/>" in out
    assert out.index("PREFIX foaf") > out.index("# a {")    # after the comment header
    assert "PREFIX rdfs" not in out                          # only prefixes the query uses
    head = r"""BASE <http://x/#y> SELECT ?s ("{" AS ?b) ('''}{''' AS ?c) ('\'{' AS ?d) WHERE """
    assert where_group_start(head + "{ ?s ?p ?o }") == len(head)


def test_self_contained_queries_answer_as_the_bound_stored_queries(built_store):
    """Oxigraph's substitution and the inline VALUES give the same rows, every stored query."""
    from govkg.graph.queries import run_stored

    with GraphStore.open_read_only(built_store) as store:
        for q in stored_queries().values():
            params = {p.name: p.example for p in q.params}
            bound = run_stored(store, q.name, params).values()
            inlined = store.query(self_contained(q.sparql, params), prefixes={"unused": "http://unused/"}).values()
            assert sorted(map(repr, inlined)) == sorted(map(repr, bound)), q.name
            assert bound or not params, f"{q.name}: the example finds nothing, so the comparison proves little"


# -- the command

def test_serve_command_help_and_missing_store(tmp_path):
    runner = CliRunner()
    help_text = runner.invoke(main, ["serve", "--help"]).output
    assert "Example:" in help_text and "--timeout" in help_text and "--max-results" in help_text
    r = runner.invoke(main, ["serve", "--store", str(tmp_path / "none")])
    assert r.exit_code == 1 and "no govkg store" in r.output


def test_govkg_serve_process_answers_a_select_and_refuses_an_update(built_store, store_size):
    port = free_port()
    govkg = os.path.join(os.path.dirname(sys.executable), "govkg")
    proc = subprocess.Popen([govkg, "serve", "--store", str(built_store), "--port", str(port), "--timeout", "10"],
                            stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/sparql"
        wait_for_http(url, 30, proc)
        assert count_of(requests.post(url, data={"query": COUNT}, headers=JSON)) == store_size[0]
        assert requests.post(url, data={"update": "INSERT DATA { <http://a> <http://b> <http://c> }"}).status_code == 403
    finally:
        os.kill(proc.pid, signal.SIGINT)        # Ctrl-C: the server stops its workers and exits
        assert proc.wait(timeout=20) == 0
        proc.stderr.close()


def test_query_page_runs_an_example_in_a_real_browser_with_nothing_loaded_from_outside(endpoint, built_store):
    """Headless Chromium (Debian's, via Playwright): every request not to this server is
    aborted and recorded; clicking an example fills the query, runs it and draws its rows."""
    from playwright.sync_api import sync_playwright

    from govkg.graph.queries import run_stored

    base = endpoint.removesuffix("/sparql")
    query = stored_queries()["person_acts"]
    with GraphStore.open_read_only(built_store) as store:
        expected = run_stored(store, query.name, {p.name: p.example for p in query.params}).values()
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-quic"]
    outside, errors = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args, headless=True)
        try:
            context = browser.new_context()
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else (outside.append(r.request.url), r.abort()))
            page = context.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(base + "/")
            page.get_by_role("button", name=query.title).click()
            page.wait_for_selector("#result table", timeout=30_000)
            headers = page.locator("#result th").all_inner_texts()
            cells = page.locator("#result tr").count() - 1
            status = page.locator("#status").inner_text()
        finally:
            browser.close()
    assert outside == [] and errors == []
    assert headers[:2] == ["person", "date"] and cells == len(expected) and status.startswith(f"{len(expected)} rows")
