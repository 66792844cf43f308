"""The synthetic corpus the benchmarks measure queries on must be shaped like a real one:
entities shared by the issues of a city, nothing shared between cities, one entities graph,
divisions of work superseding one another year by year."""
from __future__ import annotations

import pytest

from govkg.graph.bench import synthetic_store
from govkg.graph.queries import run_stored
from govkg.graph.store import DERIVED_GRAPH, ENTITIES_GRAPH, GraphStore


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("synthetic") / "store"
    synthetic_store(path, 120_000, issues_per_city=8)     # about 20 issues: three cities
    return path


def test_cities_share_entities_within_and_never_across(corpus):
    with GraphStore.open_read_only(corpus) as store:
        assert len(store.issues()) >= 16 and ENTITIES_GRAPH in store.graphs()
        # 郑章辉 is named in issues 002 and 004 of every city: one person per city, each
        # described once however many of its issues name him.
        people = store.query('SELECT ?p ?n WHERE { ?p foaf:name ?n FILTER(STRSTARTS(?n, "郑章辉")) }').values()
        assert sorted(r["n"] for r in people) == ["郑章辉", "郑章辉~1", "郑章辉~2"]
        acts = run_stored(store, "person_acts", {"person": "郑章辉"}).values()
        # City 0 holds two copies each of 002 (2018-01) and 004 (2019-12), the second of each
        # moved on a year; no other city's acts reach him.
        assert {r["date"] for r in acts} == {"2018-01", "2019-01", "2019-12", "2020-12"}


def test_divisions_of_a_city_supersede_one_another(corpus):
    with GraphStore.open_read_only(corpus) as store:
        assert store.graph_size(DERIVED_GRAPH) > 0
        for date, since in (("2020-07-01", "2020-06-24"), ("2021-07-01", "2021-06-24")):
            rows = run_stored(store, "division_on_date", {"city": "温州市", "date": date}).values()
            # a whole division (about 200 assignments): a bound, so better reading may change it
            assert 190 <= len(rows) <= 260 and {r["since"] for r in rows} == {since}
        assert run_stored(store, "division_on_date", {"city": "温州市~1", "date": "2020-07-01"}).values()


def test_bench_offers_each_group_it_can_run_alone():
    # `govkg bench --only` spells the groups out (its module must not import the bench).
    import click

    from govkg.commands.bench import bench
    from govkg.graph.bench import GROUPS

    only = next(p for p in bench.params if p.name == "only")
    assert isinstance(only.type, click.Choice) and tuple(only.type.choices) == GROUPS
