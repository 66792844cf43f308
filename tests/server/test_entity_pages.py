"""`govkg serve` dereferences the IRIs of its entities: /id/person/… answers a page for a
browser and Turtle or JSON-LD for a machine (content negotiation), 404 for what it does not hold."""
from __future__ import annotations

import requests


def _person_iri(endpoint: str, name: str) -> str:
    query = ("PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
             f'SELECT ?p WHERE {{ ?p foaf:name "{name}" }} LIMIT 1')
    r = requests.get(endpoint, params={"query": query}, headers={"Accept": "application/sparql-results+json"}, timeout=30)
    return r.json()["results"]["bindings"][0]["p"]["value"]


def test_a_person_iri_answers_a_page_or_turtle(endpoint):
    iri = _person_iri(endpoint, "姚高员")
    path = iri[iri.index("/id/"):]
    base = endpoint.removesuffix("/sparql")
    page = requests.get(base + path, headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert "姚高员" in page.text and "市长" in page.text
    turtle = requests.get(base + path, headers={"Accept": "text/turtle"}, timeout=30)
    assert turtle.status_code == 200 and turtle.headers["Content-Type"].startswith("text/turtle")
    assert iri in turtle.text or path.rsplit("/", 1)[-1] in turtle.text
    assert requests.get(base + "/id/person/0123456789abcdef", timeout=30).status_code == 404
    assert requests.get(base + path, headers={"Accept": "image/png"}, timeout=30).status_code == 406
