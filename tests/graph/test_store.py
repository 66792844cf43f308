"""The embedded store: atomic replacement of one issue's graph, bound parameters, exports."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pyoxigraph as ox
import pytest

from govkg.extractors.reading import InputError
from govkg.graph.store import JOURNAL_GRAPH, PENDING_LOAD, GraphStore, QueryError, default_store_dir, is_store

EX = "http://example.org/"
G1, G2 = EX + "issue/1", EX + "issue/2"
NAME = ox.NamedNode(EX + "name")


def person(i: str, name: str, graph: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(EX + "person/" + i), NAME, ox.Literal(name), ox.NamedNode(graph))


def test_replace_issue_replaces_only_that_graph(tmp_path):
    with GraphStore(tmp_path / "s") as store:
        store.replace_issue(G1, [person("a", "甲", G1), person("b", "乙", G1)])
        store.replace_issue(G2, [person("c", "丙", G2)])
        store.replace_issue(G1, [person("d", "丁", G1)])
        assert store.issues() == [G1, G2]
        names = store.query("SELECT ?n WHERE { ?p <%s> ?n } ORDER BY ?n" % NAME.value).column("n")
        assert sorted(names) == sorted(["丁", "丙"])
        assert store.graph_size(G1) == 1


def test_quads_are_forced_into_the_named_graph(tmp_path):
    with GraphStore(tmp_path / "s") as store:
        store.replace_issue(G1, [person("a", "甲", G2), ox.Quad(ox.NamedNode(EX + "x"), NAME, ox.Literal("x"))])
        assert store.issues() == [G1]
        assert store.graph_size(G1) == 2


def test_parameters_are_bound_values_not_text(tmp_path):
    tricky = ['王"五', "赵{六}", '李"} UNION { ?p ?q ?n } #', "周\\七\n"]
    with GraphStore(tmp_path / "s") as store:
        store.replace_issue(G1, [person(str(i), n, G1) for i, n in enumerate(tricky)] + [person("x", "钱八", G1)])
        for name in tricky:
            result = store.query("SELECT ?p ?name WHERE { ?p <%s> ?name }" % NAME.value, {"name": name})
            assert result.column("name") == [name]
            assert len(result.rows) == 1
        # A name that is nowhere gives nothing, even if it reads like SPARQL.
        assert store.query("SELECT ?p ?name WHERE { ?p <%s> ?name }" % NAME.value, {"name": "x } UNION { ?p ?q ?name"}).rows == []


def test_iri_parameter_and_unprojected_parameter(tmp_path):
    with GraphStore(tmp_path / "s") as store:
        store.replace_issue(G1, [person("a", "甲", G1)])
        r = store.query("SELECT ?p ?n WHERE { ?p <%s> ?n }" % NAME.value, {"p": f"<{EX}person/a>"})
        assert r.column("n") == ["甲"]
        # Parameters are bound by a VALUES block, so one need not be a result column.
        r = store.query("SELECT ?p WHERE { ?p <%s> ?n }" % NAME.value, {"n": "甲"})
        assert r.column("p") == [f"{EX}person/a"]
        with pytest.raises(QueryError, match="syntax"):
            store.query("SELECT WHERE {")


def test_nquads_export_is_sorted_and_deterministic(tmp_path):
    quads = [person("b", "乙", G1), person("a", "甲", G1), person("c", "丙", G2)]
    blank = ox.BlankNode()
    quads.append(ox.Quad(blank, NAME, ox.Literal("无名"), ox.NamedNode(G2)))
    with GraphStore(tmp_path / "one") as one:
        one.replace_issue(G1, quads[:2])
        one.replace_issue(G2, quads[2:])
        first = one.export("nquads")
    with GraphStore(tmp_path / "two") as two:
        two.replace_issue(G2, list(reversed(quads[2:])))
        two.replace_issue(G1, list(reversed(quads[:2])))
        second = two.export("nquads")
    assert first == second
    lines = first.decode().splitlines()
    assert lines == sorted(lines) and len(lines) == 4


@pytest.mark.parametrize("fmt,rdf_format", [("turtle", ox.RdfFormat.TURTLE), ("trig", ox.RdfFormat.TRIG), ("jsonld", ox.RdfFormat.JSON_LD)])
def test_other_exports_parse_back(tmp_path, fmt, rdf_format):
    with GraphStore(tmp_path / "s") as store:
        store.replace_issue(G1, [person("a", '甲"', G1), person("b", "乙", G1)])
        store.replace_issue(G2, [person("c", "丙", G2)])
        data = store.export(fmt)
    parsed = list(ox.parse(data, format=rdf_format))
    assert len(parsed) == 3
    if fmt != "turtle":   # Turtle has no graphs: it holds the union
        assert {q.graph_name.value for q in parsed} == {G1, G2}


def test_read_only_open_of_missing_store_says_build_first(tmp_path):
    with pytest.raises(InputError, match="govkg build"):
        GraphStore.open_read_only(tmp_path / "nothing")
    assert not (tmp_path / "nothing").exists()


def test_default_store_dir_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("GOVKG_STORE", str(tmp_path / "env"))
    assert default_store_dir() == tmp_path / "env"
    monkeypatch.delenv("GOVKG_STORE")
    assert str(default_store_dir()) == ".govkg/store"


def kill_once_it_says(script: str, ready: str, after: float) -> None:
    """Run `script` in a new Python process and SIGKILL it `after` seconds past its printing
    `ready` (the line it prints just before the write under test)."""
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == ready
        time.sleep(after)
        proc.kill()
    finally:
        proc.wait(timeout=30)


def test_killed_writer_leaves_issue_whole_or_absent(tmp_path):
    """SIGKILL a process in the middle of replacing a big graph: afterwards the graph holds the
    old 3 triples or all the new ones, never part."""
    path = tmp_path / "s"
    big = 60000
    script = textwrap.dedent(f"""
        import sys, pyoxigraph as ox
        from govkg.graph.store import GraphStore
        s = GraphStore({str(path)!r})
        g = ox.NamedNode({G1!r})
        s.replace_issue(g, [ox.Quad(ox.NamedNode("{EX}o%d" % i), ox.NamedNode("{EX}p"), ox.Literal("old"), g) for i in range(3)])
        s.flush()
        quads = [ox.Quad(ox.NamedNode("{EX}n%d" % i), ox.NamedNode("{EX}p"), ox.Literal("new"), g) for i in range({big})]
        print("replacing", flush=True)
        s.replace_issue(g, quads)
        print("done", flush=True)
        import time; time.sleep(30)
    """)
    kill_once_it_says(script, "replacing", after=0.15)
    assert is_store(path)
    with GraphStore(path) as store:
        assert store.graph_size(G1) in (3, big)


# -- the load journal: bulk-loaded issues are whole or absent --------------------------------

def nquads(graph: str, count: int, tag: str = "n") -> bytes:
    return "".join(f'<{EX}{tag}{i}> <{EX}p> "v{i}" <{graph}> .\n' for i in range(count)).encode()


def test_add_new_issues_loads_each_graph_and_leaves_no_journal(tmp_path):
    with GraphStore(tmp_path / "s") as store:
        store.add_new_issues([(G1, nquads(G1, 5)), (G2, nquads(G2, 7, "m"))])
        assert store.issues() == [G1, G2]
        assert store.graph_size(G1) == 5 and store.graph_size(G2) == 7
        assert len(store) == 12, "the journal must be empty once the load is confirmed"
        with pytest.raises(ValueError, match="not held yet"):
            store.add_new_issues([(G1, nquads(G1, 1))])
        assert store.graph_size(G1) == 5


def interrupted_store(path) -> None:
    """A store as a build killed mid-bulk-load leaves it: G1 complete, G2 in the journal with
    part of its quads."""
    with GraphStore(path) as store:
        store.add_new_issues([(G1, nquads(G1, 3))])
    raw = ox.Store(str(path))
    journal = ox.NamedNode(JOURNAL_GRAPH)
    raw.extend([ox.Quad(ox.NamedNode(G2), PENDING_LOAD, journal, journal)])
    raw.bulk_load(nquads(G2, 4), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    del raw


def test_a_read_only_open_hides_an_interrupted_load(tmp_path):
    interrupted_store(tmp_path / "s")
    with GraphStore.open_read_only(tmp_path / "s") as store:
        assert store.hidden == {G2}
        assert store.issues() == [G1] and len(store) == 3
        count = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").values()
        assert count == [{"n": "3"}]
        graphs = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").column("g")
        assert graphs == [G1]
        exported = store.export("nquads").decode()
        assert G2 not in exported and JOURNAL_GRAPH not in exported and exported.count("\n") == 3
    from govkg.graph.server import answer

    raw = ox.Store.read_only(str(tmp_path / "s"))
    reply = answer(raw, {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "format": "csv"}, 100)
    assert reply.status == 200 and reply.body.decode().split() == ["n", "3"]


def test_a_writable_open_drops_an_interrupted_load_whole(tmp_path):
    interrupted_store(tmp_path / "s")
    with GraphStore(tmp_path / "s") as store:
        assert store.recovered == [G2]
        assert store.issues() == [G1] and len(store) == 3
        store.add_new_issues([(G2, nquads(G2, 6))])      # a rerun completes it
        assert store.graph_size(G2) == 6
    with GraphStore(tmp_path / "s") as store:
        assert store.recovered == [] and len(store) == 9


def test_a_bulk_load_killed_midway_leaves_each_issue_whole_or_absent(tmp_path):
    """SIGKILL during a real bulk load of four big issues: afterwards each is whole or absent."""
    path = tmp_path / "s"
    big = 400_000
    script = textwrap.dedent(f"""
        import sys
        from govkg.graph.store import GraphStore
        sys.path.insert(0, {str(__import__('pathlib').Path(__file__).parent)!r})
        from test_store import nquads, G1
        s = GraphStore({str(path)!r})
        s.add_new_issues([(G1, nquads(G1, 3, "old"))])
        s.flush()
        batch = [(g, nquads(g, {big}, g[-1])) for g in ("{EX}a", "{EX}b", "{EX}c", "{EX}d")]
        print("loading", flush=True)
        s.add_new_issues(batch)
        print("done", flush=True)
        import time; time.sleep(30)
    """)
    kill_once_it_says(script, "loading", after=0.5)
    with GraphStore.open_read_only(path) as store:
        assert store.hidden, "the load finished before the kill; the test proved nothing"
        assert store.issues() == [G1] and len(store) == 3
    with GraphStore(path) as store:
        assert sorted(store.recovered) == [EX + g for g in "abcd"]
        assert store.issues() == [G1] and store.graph_size(G1) == 3
