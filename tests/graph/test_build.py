"""The build pipeline: validate every input first, one graph per issue, rebuild replaces,
parallel extraction gives the same store as serial. A small stand-in mapper keeps these tests
about the pipeline, not the ontology (the real mapping is exercised by the built_store tests)."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from govkg.extractors.reading import InputError
from govkg.graph.build import WrittenEntities, build, bundled_issue_files, issue_graph_name
from govkg.graph.store import VOCABULARY_GRAPH, GraphStore
from govkg.graph.vocabulary import vocabulary
from tests.helpers import seed_file

EX = "http://example.org/"


def stand_in_mapper(issue, found):
    graph = ox.NamedNode(EX + "issue/" + issue.key)
    quads = [ox.Quad(graph, ox.NamedNode(EX + "name"), ox.Literal(issue.name), graph)]
    for i, record in enumerate(found.get("documents", [])):
        quads.append(ox.Quad(ox.NamedNode(f"{EX}doc/{issue.key}/{i}"), ox.NamedNode(EX + "title"), ox.Literal(record.title), graph))
    return quads


def test_bundled_issue_files_are_the_four_samples():
    assert [p.name[:3] for p in bundled_issue_files()] == ["000", "002", "003", "004"]


def test_build_loads_one_graph_per_issue_and_rebuild_replaces(tmp_path):
    store_dir = tmp_path / "s"
    files = [seed_file("000"), seed_file("002")]
    first = build(files, store_dir, mapper=stand_in_mapper)
    assert len(first.issues) == 2 and first.triples >= 2
    again = build(files[:1], store_dir, mapper=stand_in_mapper)
    with GraphStore.open_read_only(store_dir) as store:
        assert len(store.issues()) == 2
        # Rebuilding 000 replaced its graph, nothing doubled; beside the issues the store holds
        # only the vocabulary graph the stored queries read.
        assert len(store) == first.triples + store.graph_size(VOCABULARY_GRAPH)
        assert store.graph_size(VOCABULARY_GRAPH) == len(vocabulary().store_triples())
    assert again.issues[0].graph == first.issues[0].graph


@pytest.mark.parametrize("content,problem", [(b"", "empty"), (b"\x00\x01binary\x00", "binary"), (b"hello, not a gazette\n" * 3, "no Chinese text")])
def test_a_bad_file_stops_the_build_before_anything_is_written(tmp_path, content, problem):
    store_dir = tmp_path / "s"
    build([seed_file("000")], store_dir, mapper=stand_in_mapper)
    with GraphStore.open_read_only(store_dir) as store:
        before = store.export("nquads")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(InputError) as err:
        build([seed_file("002"), bad], store_dir, mapper=stand_in_mapper)
    assert "bad.txt" in str(err.value) and problem in str(err.value)
    with GraphStore.open_read_only(store_dir) as store:
        assert store.export("nquads") == before


def test_missing_file_is_refused_and_no_store_is_created(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        build([tmp_path / "absent.txt"], tmp_path / "s", mapper=stand_in_mapper)
    assert not (tmp_path / "s").exists()


def test_workers_give_the_same_store_as_serial(tmp_path):
    files = [seed_file("000"), seed_file("003")]
    build(files, tmp_path / "serial", mapper=stand_in_mapper, workers=1)
    build(files, tmp_path / "parallel", mapper=stand_in_mapper, workers=2)
    with GraphStore.open_read_only(tmp_path / "serial") as a, GraphStore.open_read_only(tmp_path / "parallel") as b:
        assert a.export("nquads") == b.export("nquads")


def test_quads_of_an_issue_must_share_one_graph():
    def q(g):
        return ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.Literal("o"), ox.NamedNode(EX + g))
    assert issue_graph_name([q("a"), q("a")]) == EX + "a"
    with pytest.raises(ValueError, match="one named graph"):
        issue_graph_name([q("a"), q("b")])


def test_entity_lines_are_written_once_per_build_and_forgotten_past_the_limit():
    written = WrittenEntities(limit=2)
    assert written.new(["a\n", "b\n"]) == ["a\n", "b\n"]
    assert written.new(["b\n", "c\n"]) == ["c\n"]          # b is in the store (or its batch) already
    assert written.new(["a\n", "d\n"]) == ["a\n", "d\n"]   # past the limit: forgotten, written again


def test_a_build_of_issues_naming_the_same_entities_holds_what_separate_builds_hold(tmp_path):
    # Entity descriptions shared by the issues are loaded once per build: the store must
    # still hold every one of them, exactly as building the issues one at a time does.
    files = [seed_file("000"), seed_file("002"), seed_file("004")]
    build(files, tmp_path / "together")
    for f in files:
        build([f], tmp_path / "one_by_one")
    with GraphStore.open_read_only(tmp_path / "together") as a, GraphStore.open_read_only(tmp_path / "one_by_one") as b:
        assert a.export("nquads") == b.export("nquads") and len(a) > 10_000


def test_a_file_the_checks_pass_is_never_refused_half_way(tmp_path):
    # The up-front check and the reading apply one test to one text: a diary page whose
    # heading lines the layout lifts out (山东省人民政府大事记 / (2011年6月)) once passed the
    # check and then failed mid-build, after earlier issues had been written.
    short = tmp_path / "diary.txt"
    short.write_text("山东省人民政府大事记\n(2011年6月)\n1日\n", "utf-8")
    summary = build([seed_file("000"), short], tmp_path / "s")
    assert len(summary.issues) == 2
