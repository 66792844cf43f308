"""A page for every entity (graph/pages.py): content negotiation, a person's, a body's and a
document's page from the bundled store with each fact's quote, Turtle and JSON-LD that parse
and describe the entity, hostile text escaped, and `govkg site` writing pages whose links all
resolve."""
from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest
import rdflib

from govkg.graph import ids
from govkg.graph.pages import (
    HTML,
    JSONLD,
    TURTLE,
    iri_of_path,
    negotiate,
    render_entity,
    served_link,
    site_link,
)
from govkg.graph.store import GraphStore

FOAF_NAME = "http://xmlns.com/foaf/0.1/name"


@pytest.mark.parametrize("accept, wanted", [
    (None, HTML), ("*/*", HTML), ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", HTML),
    ("text/turtle", TURTLE), ("application/ld+json", JSONLD), ("application/json", JSONLD),
    ("text/html;q=0.5, text/turtle", TURTLE), ("text/turtle;q=0, text/html", HTML), ("image/png", None),
])
def test_negotiate(accept, wanted):
    assert negotiate(accept) == wanted


def test_paths_and_links_round_trip():
    iri = ids.make_iri("person", "330300", "某人")
    path = served_link(iri)
    assert path.startswith("/id/person/") and iri_of_path(path) == iri
    assert iri_of_path(path + ".html") == iri
    assert iri_of_path("/sparql") is None and iri_of_path("/id/person/../../etc") is None
    assert site_link(iri) == "../.." + path + ".html"


@pytest.fixture(scope="module")
def store(built_store):
    with GraphStore.open_read_only(built_store) as s:
        yield s


def person_iri(store, name):
    rows = store.query(f"SELECT ?p WHERE {{ ?p <{FOAF_NAME}> ?name }}", {"name": name}).values()
    assert rows, name
    return rows[0]["p"]


def central_person(store):
    from govkg.graph.analysis import stats
    from govkg.graph.network import load_network

    return stats(load_network(store), top=1)["people_by_degree"][0]["name"]


def test_person_page_shows_career_posts_divisions_and_quotes(store):
    name = central_person(store)
    iri = person_iri(store, name)
    content_type, body = render_entity(store, iri, "text/html")
    assert content_type == HTML
    page = body.decode("utf-8")
    assert f"<h1>{name}</h1>" in page
    assert "<svg" in page                          # the career timeline
    assert "<blockquote>" in page and name in page.split("<blockquote>", 1)[1]
    assert re.search(r'href="/id/org/[0-9a-f]{16}"', page)    # bodies supervised or held, linked


def test_body_page_lists_leaders_and_signed_documents(store):
    iri = ids.make_iri("org", "温州市财政局")
    _, body = render_entity(store, iri, "text/html")
    page = body.decode("utf-8")
    assert "<h1>温州市财政局</h1>" in page
    assert re.search(r'href="/id/person/[0-9a-f]{16}"', page)
    # Its documents quote the signature naming it, never only an addressee line.
    assert re.search(r"<blockquote>[^<]*温\s*州\s*市\s*财\s*政\s*局[^<]*\d{4}年\s*\d+月\d+日", page)


def test_turtle_and_json_ld_describe_the_entity_with_sources(store):
    iri = ids.make_iri("org", "温州市财政局")
    content_type, body = render_entity(store, iri, "text/turtle")
    assert content_type == TURTLE
    g = rdflib.Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert (rdflib.URIRef(iri), None, None) in g
    assert any(str(p).endswith("#exact") for p in g.predicates())      # the facts' quotes
    content_type, body = render_entity(store, iri, "application/ld+json")
    assert content_type == JSONLD
    assert any(node.get("@id") == iri for node in json.loads(body))


def test_unknown_iri_and_unoffered_type_give_none(store):
    assert render_entity(store, ids.make_iri("person", "nobody"), "text/html") is None
    assert render_entity(store, ids.make_iri("org", "温州市财政局"), "image/png") is None


HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>'


def test_hostile_text_is_escaped(tmp_path):
    doc = ox.NamedNode(ids.make_iri("doc", "title", HOSTILE))
    with GraphStore(tmp_path / "s") as s:
        s.replace_issue(ids.graph_node("x").value, [
            ox.Quad(doc, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    ox.NamedNode("https://w3id.org/govkg/ontology#Document"), ids.graph_node("x")),
            ox.Quad(doc, ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal(HOSTILE), ids.graph_node("x")),
        ])
        _, body = render_entity(s, doc.value, "text/html")
    page = body.decode("utf-8")
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_site_writes_every_page_with_links_that_resolve(tmp_path):
    from click.testing import CliRunner

    from govkg.commands.site import site
    from govkg.graph.build import build
    from tests.helpers import seed_file

    store_dir = tmp_path / "store"
    build([seed_file("003")], store_dir)
    out = tmp_path / "site"
    # The command itself (govkg.cli lists it as "site": "govkg.commands.site:site").
    result = CliRunner().invoke(site, ["--store", str(store_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    pages = sorted(out.glob("id/*/*.html"))
    assert pages and (out / "index.html").exists() and (out / "network.html").exists()
    assert {p.parent.name for p in pages} >= {"person", "org"}
    for page in pages[:200] + [out / "index.html"]:
        for href in re.findall(r'href="([^"#][^"]*)"', page.read_text("utf-8")):
            assert (page.parent / href).resolve().exists(), (page, href)
    one = pages[0]
    assert one.with_suffix(".ttl").exists() and one.with_suffix(".jsonld").exists()
    rdflib.Graph().parse(data=one.with_suffix(".ttl").read_text("utf-8"), format="turtle")
    # The network page links its nodes to the pages.
    network = (out / "network.html").read_text("utf-8")
    assert re.search(r'"link":"id/person/[0-9a-f]{16}\.html"', network)


