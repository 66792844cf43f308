"""`govkg push` (graph/push.py) against two real, independent SPARQL servers started on
loopback by the fixtures: the Oxigraph server (PyPI `oxigraph`) and Debian's Virtuoso 7.

Checked: after a push each issue graph holds exactly the store's triples; pushing again (by
GSP PUT or by SPARQL Update) replaces and never duplicates; a push cut off by the server dying
midway finishes when rerun, with the exact count; every stored query answers the same on the
server as on the embedded store.

How answers are compared: rows as multisets of tuples of lexical values (datatypes and
language tags are not compared: the graph has no language-tagged literals, and both servers
return the store's datatypes). On the Oxigraph server the rows must be identical. On Virtuoso
two things are normalised, both named in `VIRTUOSO_NORMALISED`:
- SAMPLE(...) picks any value of its group (SPARQL 1.1 §18.5.1.8): its cell is compared only
  as bound/unbound (Virtuoso picks a different title for a document printed with two titles);
- GROUP_CONCAT's order is unspecified (§18.5.1.7): its cell is compared as a multiset of parts.
  Virtuoso also writes a non-ASCII separator (the stored queries use "；") as "?": a Virtuoso
  bug, so the parts are split on "?" there as well. Every other cell must be identical.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest
import requests
from click.testing import CliRunner

from govkg.cli import main
from govkg.graph.push import OxigraphServer, PushError, Target, push, virtuoso_ini
from govkg.graph.queries import run_stored, stored_queries
from govkg.graph.server import self_contained
from govkg.graph.store import GraphStore

QUERIES = stored_queries()
AGGREGATE = re.compile(r"\(\s*(SAMPLE|GROUP_CONCAT)\s*\((.*?)\)\s+AS\s+\?(\w+)\s*\)", re.S | re.I)
SEPARATOR = re.compile(r'separator\s*=\s*"([^"]*)"', re.I)
VIRTUOSO_NORMALISED = ("SAMPLE cells as bound/unbound", "GROUP_CONCAT cells as multisets, '?' also a separator")


@pytest.fixture(scope="module")
def local(built_store):
    with GraphStore.open_read_only(built_store) as store:
        sizes = {g: store.graph_size(g) for g in store.graphs()}
        answers = {}
        for q in QUERIES.values():
            result = run_stored(store, q.name, {p.name: p.example for p in q.params})
            answers[q.name] = (result.columns, result.values())
        return {"total": len(store), "sizes": sizes, "answers": answers}


def remote_sizes(target: Target, graphs) -> dict[str, int]:
    return {g: target.graph_size(g) for g in graphs}


def remote_rows(target: Target, name: str, columns: list[str]) -> list[dict]:
    q = QUERIES[name]
    data = target.select(self_contained(q.sparql, {p.name: p.example for p in q.params}))
    assert data["head"]["vars"] == columns, name
    return [{c: b[c]["value"] if c in b else None for c in columns} for b in data["results"]["bindings"]]


def normalised(name: str, rows: list[dict], extra_separators: tuple[str, ...] = ()) -> Counter:
    """Rows as a multiset, with SAMPLE and GROUP_CONCAT cells normalised (module docstring)."""
    kinds = {m[3]: (m[1].upper(), m[2]) for m in AGGREGATE.finditer(QUERIES[name].sparql)}

    def cell(column, value):
        kind = kinds.get(column)
        if value is None or kind is None:
            return value
        if kind[0] == "SAMPLE":
            return "<bound>"
        separators = [m[1] for m in SEPARATOR.finditer(kind[1])] or [" "]
        pattern = "|".join(re.escape(s) for s in [*separators, *extra_separators])
        return tuple(sorted(re.split(pattern, value)))

    return Counter(tuple(cell(c, v) for c, v in row.items()) for row in rows)


# -- Oxigraph server

@pytest.fixture(scope="module")
def oxigraph_pushed(oxigraph_server, built_store):
    return push(built_store, oxigraph_server.target())


def test_push_to_oxigraph_puts_each_issue_graph_exactly(oxigraph_server, oxigraph_pushed, local):
    assert oxigraph_pushed.verified and not oxigraph_pushed.mismatches
    assert [g.graph for g in oxigraph_pushed.graphs] == sorted(local["sizes"])
    assert remote_sizes(oxigraph_server.target(), local["sizes"]) == local["sizes"]


def test_pushing_again_by_gsp_or_by_update_replaces_and_never_duplicates(oxigraph_server, oxigraph_pushed, built_store, local):
    push(built_store, oxigraph_server.target(gsp=True))
    summary = push(built_store, oxigraph_server.target(gsp=False))      # DROP SILENT GRAPH + INSERT DATA batches
    assert not summary.mismatches and summary.triples == local["total"]
    count = oxigraph_server.target().select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(count["results"]["bindings"][0]["n"]["value"]) == local["total"]


@pytest.mark.parametrize("name", list(QUERIES))
def test_every_stored_query_answers_the_same_on_the_oxigraph_server(oxigraph_server, oxigraph_pushed, local, name):
    columns, rows = local["answers"][name]
    assert Counter(map(tuple, map(dict.items, remote_rows(oxigraph_server.target(), name, columns)))) == \
        Counter(map(tuple, map(dict.items, rows)))


def test_a_push_cut_off_by_the_server_dying_finishes_when_rerun_without_duplicates(tmp_path, built_store, local):
    server = OxigraphServer(tmp_path / "db").start()
    try:
        def die_after_first_graph(pushed):
            server.stop()           # killed by pid, mid-push

        with pytest.raises(PushError, match=f"1 of {len(local['sizes'])} graphs were pushed"):
            push(built_store, server.target(), progress=die_after_first_graph, retries=1)
        server.start()              # same directory, same port
        first = sorted(local["sizes"])[0]
        assert remote_sizes(server.target(), local["sizes"]) == {g: (n if g == first else 0) for g, n in local["sizes"].items()}
        summary = push(built_store, server.target())
        assert not summary.mismatches
        assert remote_sizes(server.target(), local["sizes"]) == local["sizes"]
    finally:
        server.stop()


def test_a_refused_request_is_a_push_error_naming_the_graph(oxigraph_server, built_store):
    wrong = Target(oxigraph_server.base + "/query", graph_store=oxigraph_server.base + "/no-such-path")
    with pytest.raises(PushError, match=r"PUT graph https://\S+: HTTP 404"):
        push(built_store, wrong)


def test_push_command_reports_matching_counts(oxigraph_server, built_store, local):
    base = oxigraph_server.base
    r = CliRunner().invoke(main, ["push", "--store", str(built_store), "--endpoint", base + "/query", "--graph-store", base + "/store"])
    assert r.exit_code == 0, r.output
    assert f"pushed {len(local['sizes'])} graphs, {local['total']} triples" in r.output and "server counts match the store" in r.output


def test_push_command_help_and_bad_store(tmp_path):
    runner = CliRunner()
    assert "Example:" in runner.invoke(main, ["push", "--help"]).output
    r = runner.invoke(main, ["push", "--endpoint", "http://127.0.0.1:9/sparql", "--store", str(tmp_path)])
    assert r.exit_code == 1 and "no govkg store" in r.output


# -- Virtuoso

@pytest.fixture(scope="module")
def virtuoso_pushed(virtuoso_server, built_store):
    return push(built_store, virtuoso_server.target())


def test_push_to_virtuoso_by_gsp_with_digest_auth_puts_each_graph_exactly(virtuoso_server, virtuoso_pushed, local):
    assert virtuoso_pushed.verified and not virtuoso_pushed.mismatches
    assert remote_sizes(virtuoso_server.target(), local["sizes"]) == local["sizes"]


def test_push_to_virtuoso_again_by_sparql_update_replaces(virtuoso_server, virtuoso_pushed, built_store, local):
    summary = push(built_store, virtuoso_server.target(gsp=False))
    assert not summary.mismatches
    assert remote_sizes(virtuoso_server.target(), local["sizes"]) == local["sizes"]


@pytest.mark.parametrize("name", list(QUERIES))
def test_every_stored_query_answers_the_same_on_virtuoso(virtuoso_server, virtuoso_pushed, local, name):
    columns, rows = local["answers"][name]
    got = remote_rows(virtuoso_server.target(), name, columns)
    assert normalised(name, got, extra_separators=("?",)) == normalised(name, rows)
    if not AGGREGATE.search(QUERIES[name].sparql):      # nothing to normalise: identical rows
        assert Counter(map(tuple, map(dict.items, got))) == Counter(map(tuple, map(dict.items, rows)))


def test_virtuoso_refuses_a_wrong_password(virtuoso_server, built_store):
    target = virtuoso_server.target()
    target.auth = requests.auth.HTTPDigestAuth("dba", "not-the-password")
    with pytest.raises(PushError, match="HTTP 401"):
        push(built_store, target)


# -- pieces

def test_normalising_sample_and_group_concat_cells():
    name = "concurrent_posts"   # GROUP_CONCAT(...; separator="；")
    a = [{"person": "甲", "tenures": "2", "posts": "x；y"}]
    b = [{"person": "甲", "tenures": "2", "posts": "y?x"}]
    assert normalised(name, a) != normalised(name, b)
    assert normalised(name, a) == normalised(name, b, extra_separators=("?",))
    assert normalised(name, a) != normalised(name, [{"person": "乙", "tenures": "2", "posts": "x；y"}])


def test_virtuoso_ini_moves_every_file_and_port(tmp_path):
    template = ("[Database]\nDatabaseFile = /var/lib/v/virtuoso.db\nErrorLogFile = /var/lib/v/virtuoso.log\n"
                "[TempDatabase]\nDatabaseFile = /var/lib/v/virtuoso-temp.db\n[Parameters]\nServerPort = 1111\n"
                "[HTTPServer]\nServerPort = 8890\n[Plugins]\nLoad1 = plain, wikiv\n")
    ini = virtuoso_ini(template, tmp_path, 4001, 4002)
    assert "/var/lib" not in ini
    assert f"DatabaseFile = {tmp_path / 'virtuoso-temp.db'}" in ini
    assert "ServerPort = 127.0.0.1:4001" in ini and "ServerPort = 127.0.0.1:4002" in ini
    assert ";Load1" in ini


def test_graph_store_parameter_name_follows_the_server():
    assert Target("http://h/sparql", graph_store="http://h/sparql-graph-crud-auth")._graph_param() == "graph-uri"
    assert Target("http://h/query", graph_store="http://h/store")._graph_param() == "graph"
