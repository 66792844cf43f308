"""Paged stored queries: `queries.paged`, the `# page` line of the whole-graph reports, and
`govkg query NAME --limit N --offset K`.

The reports were rewritten so that a page is chosen before the rest is read (fast on a large
store); unpaged, each must answer exactly what its old form (tests/fixtures/queries_before/)
answered, and its pages together must be the whole report.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from govkg.graph.queries import PAGE_LINE, paged, parse_stored_query, run_stored, stored_queries
from govkg.graph.store import GraphStore, QueryError

BEFORE = Path(__file__).resolve().parents[1] / "fixtures" / "queries_before"
#: GROUP_CONCAT lists its values in the order the plan meets them: compared as sets.
SEP = "；"
#: Reports whose page items (acts, pairs of parties, bodies, assignments) give one row each.
ONE_ROW_PER_ITEM = {"appointments", "pairings", "body_aliases", "leader_bodies"}


@pytest.fixture(scope="module")
def store(built_store):
    with GraphStore.open_read_only(built_store) as s:
        yield s


def bag(values: list[dict]) -> Counter:
    """Rows as a multiset, each concatenated list read as a set."""
    def cell(v):
        return SEP.join(sorted(set(v.split(SEP)))) if v and SEP in v else v
    return Counter(tuple(sorted((k, cell(v)) for k, v in row.items())) for row in values)


def paged_reports() -> list[str]:
    return [name for name, q in stored_queries().items() if PAGE_LINE.search(q.sparql)]


def example(name: str) -> dict:
    """The example values of a stored query's parameters (a paged lookup such as acts_in_month)."""
    return {p.name: p.example for p in stored_queries()[name].params}


def test_paged_puts_the_page_on_the_marked_line_or_at_the_end():
    marked = "SELECT * WHERE {\n  { SELECT ?a WHERE { ?a ?p ?o }\n    # page: here\n  }\n}\nORDER BY ?a\n"
    out = paged(marked, 10, 20)
    assert "    LIMIT 10 OFFSET 20\n  }\n}\nORDER BY ?a" in out and "# page" not in out
    assert paged("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s", 5).endswith("ORDER BY ?s\nLIMIT 5\n")
    assert paged("SELECT * WHERE { ?s ?p ?o }", None, 7).endswith("\nOFFSET 7\n")
    assert paged(marked) == marked and paged(marked, None, 0) == marked
    with pytest.raises(QueryError):
        paged(marked, -1)


def test_every_whole_graph_report_is_paged_before_it_reads_the_rest():
    reports = {name for name, q in stored_queries().items() if not q.params}
    # A report without a mark would be paged only after it had read (and sorted) everything.
    assert reports - set(paged_reports()) <= {"concurrent_posts"}
    assert {"appointments", "pairings", "co_attendance_pairs", "leader_bodies"} <= set(paged_reports())


@pytest.mark.parametrize("name", sorted(p.stem for p in BEFORE.glob("*.rq")))
def test_rewritten_report_returns_the_rows_of_its_old_form(store, name):
    old = parse_stored_query((BEFORE / f"{name}.rq").read_text("utf-8"), name)
    new = run_stored(store, name, example(name)).values()
    assert new, f"{name} answers nothing on the bundled store: the comparison would prove nothing"
    before = store.query(old.sparql, example(name)).values()
    # Columns added since (co_attendance_pairs' person IRIs) are left out of the comparison.
    kept = set(before[0]) if before else set()
    assert bag([{k: v for k, v in row.items() if k in kept} for row in new]) == bag(before)


@pytest.mark.parametrize("name", paged_reports())
def test_pages_of_a_report_together_are_the_whole_report(store, name):
    params = example(name)
    whole = run_stored(store, name, params).values()
    size = max(1, len(whole) // 4)      # about four pages and a remainder
    pages, offset = [], 0
    while True:
        page = run_stored(store, name, params, limit=size, offset=offset).values()
        if not page:
            break
        if name in ONE_ROW_PER_ITEM:
            assert len(page) <= size
        pages.extend(page)
        offset += size
    assert bag(pages) == bag(whole)
    # The same page twice is the same rows (the store's order is stable while it is unchanged).
    assert run_stored(store, name, params, limit=size, offset=size).values() == run_stored(store, name, params, limit=size, offset=size).values()


def test_a_lookup_pages_at_its_end(store):
    whole = run_stored(store, "person_acts", {"person": "郑章辉"}).values()
    assert len(whole) >= 2
    assert run_stored(store, "person_acts", {"person": "郑章辉"}, limit=1, offset=1).values() == whole[1:2]


def test_a_paged_lookup_chooses_its_page_among_the_bound_rows(store):
    # acts_in_month's page is picked in a subquery, evaluated before the outer join: the month
    # is bound there too ("# bind parameters here"), or a page would be any month's acts.
    month = example("acts_in_month")["month"]
    whole = run_stored(store, "acts_in_month", {"month": month}).values()
    assert whole and {row["month"] for row in whole} == {month}
    assert all(row["date"].startswith(month) for row in whole)
    page = run_stored(store, "acts_in_month", {"month": month}, limit=3).values()
    assert len(page) == 3 and all(row["date"].startswith(month) for row in page)


def test_parameters_are_bound_in_the_marked_subquery_and_at_the_head():
    from govkg.graph.store import bind_values

    q = "SELECT * WHERE {\n  { SELECT ?a WHERE {\n      # bind parameters here\n      ?a ?p ?m }\n  }\n  ?a ?q ?m .\n}"
    out = bind_values(q, {"m": "2019-12"})
    assert out.count('VALUES (?m) { ("2019-12") }') == 2 and "# bind parameters" not in out
    assert bind_values("SELECT * WHERE { ?s ?p ?m }", {"m": 1}).count("VALUES") == 1


def test_persons_of_one_name_are_two_persons_in_co_attendance(tmp_path):
    # Two officials named 王伟 (two governments' persons) and 李明: each pair is its own row,
    # told apart by the persons' IRIs, with its own count; paged or whole, the same rows.
    gkg, foaf, g = "https://w3id.org/govkg/ontology#", "http://xmlns.com/foaf/0.1/", "<http://example.org/g>"
    people = {"p1": "王伟", "p2": "王伟", "p3": "李明"}
    events = {"e1": ("p1", "p3"), "e2": ("p2", "p3"), "e3": ("p1", "p2"), "e4": ("p1", "p3")}
    lines = [f'<http://example.org/{p}> <{foaf}name> "{n}" {g} .\n' for p, n in people.items()]
    lines += [f"<http://example.org/{e}> <{gkg}attendee> <http://example.org/{p}> {g} .\n"
              for e, ps in events.items() for p in ps]
    with GraphStore(tmp_path / "s") as s:
        s.add_new_issues([("http://example.org/g", "".join(lines).encode("utf-8"))])
        s.refresh_vocabulary()
        rows = {(r["a"], r["b"], r["events"], r["person_a"][-2:], r["person_b"][-2:])
                for r in run_stored(s, "co_attendance_pairs").values()}
        assert rows == {("李明", "王伟", "2", "p3", "p1"), ("李明", "王伟", "1", "p3", "p2"), ("王伟", "王伟", "1", "p1", "p2")}
        pages = [r for k in range(3) for r in run_stored(s, "co_attendance_pairs", limit=1, offset=k).values()]
        assert {(r["a"], r["b"], r["events"], r["person_a"][-2:], r["person_b"][-2:]) for r in pages} == rows
