"""The network projection: real facts of the bundled issues become labelled, sourced edges;
inline cases pin each rule of `build_network` (bare titles per holder, post -设于-> body,
years on nodes, unknown nodes dropped) and the exports' flattening."""
from __future__ import annotations

from collections import Counter

import pytest

from govkg.graph.network import (
    EDGE_COLUMNS,
    NODE_KINDS,
    RELATIONS,
    build_network,
    edge_rows,
    find_nodes,
    flat_graph,
    load_network,
    neighbourhood,
)


@pytest.fixture(scope="module")
def g(built_store):
    return load_network(built_store)


def test_store_projects_every_relation_family(g):
    relations = Counter(d["relation"] for *_, d in g.edges(data=True))
    for relation in ("任", "免", "分管", "联系", "负责", "签发", "出席", "结对", "设于"):
        assert relations[relation] > 0, relation
    assert set(relations) <= set(RELATIONS)
    assert {d["kind"] for _, d in g.nodes(data=True)} <= set(NODE_KINDS)


def test_edges_carry_their_source(g):
    acts = [d for *_, d in g.edges(data=True) if d["relation"] in ("任", "免")]
    assert all(d["issue"] and d["line"] and d["quote"] for d in acts)
    assert all(d["year"] in (2018, 2019, 2020) for d in acts)


def test_an_appointment_reads_person_to_post_to_body(g):
    # 郑章辉 is appointed in 002 and again in 004 (the seeds' cross-issue case).
    (person,) = find_nodes(g, "郑章辉", ["person"])
    posts = [v for _, v, d in g.out_edges(person, data=True) if d["relation"] in ("任", "兼任", "免")]
    assert posts and all(g.nodes[p]["kind"] == "post" for p in posts)
    bodies = {g.nodes[b]["kind"] for p in posts for _, b, d in g.out_edges(p, data=True) if d["relation"] == "设于"}
    assert bodies and bodies <= {"government", "party", "enterprise", "organization"}


def _nodes(**kinds):
    return {iri: {"label": label, "kind": kind, "title": label, "post_in": post_in}
            for iri, (label, kind, post_in) in kinds.items()}


def _fact(f, s, o, relation, date="2019-03-01"):
    return {"f": f, "s": s, "o": o, "relation": relation, "date": date, "issue": "某市公报2019年第3期",
            "document": "某政发〔2019〕1号", "line": "12", "quote": "任命张三为某市财政局局长"}


def test_a_bare_title_is_one_node_per_holder():
    nodes = _nodes(a=("张三", "person", None), b=("李四", "person", None), t=("副市长", "post", None))
    g = build_network(nodes, [_fact("f1", "a", "t", "任"), _fact("f2", "b", "t", "任")])
    posts = [n for n, d in g.nodes(data=True) if d["kind"] == "post"]
    assert len(posts) == 2          # no shared 副市长 node tying 张三 to 李四


def test_a_post_in_a_body_is_shared_and_tied_to_it():
    nodes = _nodes(a=("张三", "person", None), b=("李四", "person", None),
                   p=("某市财政局局长", "post", "org"), org=("某市财政局", "government", None))
    g = build_network(nodes, [_fact("f1", "a", "p", "任"), _fact("f2", "b", "p", "免", "2018-05")])
    assert g.has_edge("a", "p") and g.has_edge("b", "p")
    [(_, body, d)] = g.out_edges("p", data=True)
    assert body == "org" and d["relation"] == "设于"
    assert g.nodes["org"]["years"] == [2019]      # the body is tied once, by the first act (f1)
    assert g.nodes["p"]["years"] == [2018, 2019]


def test_a_fact_on_an_unknown_node_is_dropped():
    g = build_network(_nodes(a=("张三", "person", None)), [_fact("f1", "a", "nowhere", "任")])
    assert g.number_of_edges() == 0 and "nowhere" not in g


def test_find_ignores_spaces_and_prefers_exact():
    g = build_network(_nodes(a=("张三", "person", None), b=("张三丰", "person", None), o=("某局", "government", None)),
                      [_fact("f1", "a", "o", "分管"), _fact("f2", "b", "o", "联系")])
    assert find_nodes(g, "张 三") == ["a"]
    assert find_nodes(g, "三丰") == ["b"]


def test_neighbourhood_follows_both_directions():
    nodes = _nodes(a=("张三", "person", None), o=("某局", "government", None), d=("某文件", "document", None),
                   z=("王五", "person", None), y=("远处", "government", None))
    g = build_network(nodes, [_fact("f1", "a", "o", "分管"), _fact("f2", "o", "d", "签发"), _fact("f3", "z", "y", "分管")])
    assert set(neighbourhood(g, "d", 1)) == {"d", "o"}
    assert set(neighbourhood(g, "d", 2)) == {"d", "o", "a"}


def test_flat_graph_has_no_none_or_lists():
    nodes = _nodes(a=("张三", "person", None), o=("某局", "government", None))
    fact = {**_fact("f1", "a", "o", "分管"), "document": None}
    flat = flat_graph(build_network(nodes, [fact]))
    assert flat.nodes["a"]["years"] == "2019"
    (d,) = [d for *_, d in flat.edges(data=True)]
    assert "document" not in d and d["line"] == 12
    assert set(edge_rows(build_network(nodes, [fact]))[0]) == set(EDGE_COLUMNS)
