"""The store commands end to end: build, query, career, export (click's CliRunner)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.graph.store import GraphStore
from tests.helpers import seed_file


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("command", [["build"], ["query"], ["career"], ["export"], ["export", "appointments"],
                                     ["export", "tenures"], ["export", "graph"]])
def test_every_command_has_help_with_an_example(command):
    out = run(*command, "--help")
    assert out.exit_code == 0 and "Example:" in out.output


def test_build_refuses_a_bad_file_with_one_line_and_leaves_no_store(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    out = run("build", seed_file("000"), bad, "--store", tmp_path / "s")
    assert out.exit_code == 1
    assert "empty.txt" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "s").exists()


def test_query_on_a_missing_store_says_to_build_first(tmp_path):
    out = run("query", "SELECT * WHERE { ?s ?p ?o }", "--store", tmp_path / "none")
    assert out.exit_code == 1 and "govkg build" in out.stderr


def test_query_list_names_every_stored_query():
    out = run("query", "--list", "--format", "json")
    assert out.exit_code == 0
    names = {q["name"] for q in json.loads(out.stdout)}
    assert len(names) >= 11 and {"person_acts", "appointments"} <= names


def test_unknown_stored_query_and_missing_param_are_one_line_errors(built_store):
    out = run("query", "no_such_query", "--store", built_store)
    assert out.exit_code == 1 and "--list" in out.stderr
    out = run("query", "person_acts", "--store", built_store)
    assert out.exit_code == 1 and "person" in out.stderr


def test_query_text_with_a_param_as_csv(built_store):
    out = run("query", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", "--store", built_store, "--format", "csv")
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    # The four issue graphs, the entity descriptions they share, and the vocabulary graph the
    # stored queries read.
    assert len(rows) == 6 and all(int(r["n"]) > 0 for r in rows)
    assert sum(r["g"].endswith("/graph/entities") for r in rows) == 1


def test_stored_query_by_name_with_param(built_store):
    out = run("query", "person_acts", "--param", "person=郑章辉", "--store", built_store, "--format", "json")
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert rows and all(r["person"] == "郑章辉" for r in rows)


def test_export_graph_nquads_is_sorted_and_stable(built_store, tmp_path):
    one, two = tmp_path / "1.nq", tmp_path / "2.nq"
    assert run("export", "graph", "--format", "nquads", "-o", one, "--store", built_store).exit_code == 0
    assert run("export", "graph", "--format", "nquads", "-o", two, "--store", built_store).exit_code == 0
    data = one.read_bytes()
    assert data == two.read_bytes()
    lines = data.decode().splitlines()
    assert lines == sorted(lines) and len(lines) > 100


def test_export_appointments_and_tenures(built_store):
    out = run("export", "appointments", "--format", "csv", "--store", built_store)
    assert out.exit_code == 0, out.output
    acts = list(csv.DictReader(io.StringIO(out.stdout)))
    assert {"person", "act", "post", "organization", "issue", "line", "quote"} <= set(acts[0])
    assert any(r["person"] == "郑章辉" and r["act"] == "remove" for r in acts)
    out = run("export", "tenures", "--format", "json", "--store", built_store)
    tenures = json.loads(out.stdout)
    zheng = [t for t in tenures if t["person"] == "郑章辉" and "禁毒" in (t["organization"] or "") + t["post"]]
    assert len(zheng) == 1 and zheng[0]["start"][:4] == "2018" and zheng[0]["end"][:4] == "2019"


def test_export_is_a_group_other_modules_can_extend():
    from govkg.commands.store import export

    assert {"appointments", "tenures", "graph"} <= set(export.commands)


def test_build_twice_keeps_four_issues(built_store, tmp_path):
    with GraphStore.open_read_only(built_store) as store:
        assert len(store.issues()) == 4


def test_build_takes_a_folder_of_texts_pdfs_and_pages(tmp_path):
    import shutil

    from tests.helpers import EXTERNAL, FIXTURES

    folder = tmp_path / "inputs"
    folder.mkdir()
    shutil.copy(FIXTURES / "inputs" / "397.pdf", folder)
    shutil.copy(EXTERNAL / "texts" / "05_shanghai-2020-leading-group.txt", folder)
    (folder / ".hidden").write_text("not read", "utf-8")
    out = run("build", folder, "--store", tmp_path / "store")
    assert out.exit_code == 0, out.output
    assert "built 2 issues" in out.stdout + out.stderr


def test_query_pages_a_report_with_limit_and_offset(built_store):
    import csv
    import io

    def acts(*extra):
        out = run("query", "appointments", "--store", built_store, "--format", "csv", *extra)
        assert out.exit_code == 0, out.output
        return list(csv.DictReader(io.StringIO(out.output)))

    whole = acts()
    first, second = acts("--limit", "5"), acts("--limit", "5", "--offset", "5")
    assert len(first) == len(second) == 5
    keys = {(r["person_iri"], r["act"], r["line"]) for r in whole}
    assert {(r["person_iri"], r["act"], r["line"]) for r in first + second} <= keys
    assert not {tuple(r.values()) for r in first} & {tuple(r.values()) for r in second}
    bad = run("query", "appointments", "--store", built_store, "--limit", "-1")
    assert bad.exit_code != 0
