"""Quotes that prove the fact: every edge of the bundled store's network quotes the words that
state it -- the signature block for 签发 (never the addressee line), the act's clause with the
person's name for 任/免/兼任, the whole 分管/联系 clause with the body for supervision, the
diary item naming the person for 出席 -- and inline cases of where a signature's quote starts."""
from __future__ import annotations

import re

import pytest

from govkg.extractors import documents
from govkg.extractors.documents import find_signature, is_addressee_line
from govkg.extractors.layout import normalize
from govkg.graph.network import load_network
from govkg.graph.store import GraphStore

NAMES = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?n ?l WHERE { { ?n skos:altLabel ?l } UNION { ?n skos:prefLabel ?l } UNION { ?n foaf:name ?l } UNION { ?n rdfs:label ?l } }"""


def squeeze(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


@pytest.fixture(scope="module")
def network(built_store):
    with GraphStore.open_read_only(built_store) as store:
        names: dict[str, set[str]] = {}
        for row in store.query(NAMES).values():
            names.setdefault(row["n"], set()).add(squeeze(row["l"]))
        return load_network(store), names


def edges(network, *relations):
    g, names = network
    out = []
    for u, v, d in g.edges(data=True):
        if d["relation"] in relations:
            out.append((names.get(g.nodes[u]["iri"], set()), names.get(g.nodes[v]["iri"], set()), d))
    assert out, f"the bundled store has {relations} edges"
    return out


def names_one_of(quote: str | None, names: set[str]) -> bool:
    q = squeeze(quote)
    return any(n and n in q for n in names)


def test_issued_quotes_the_signature_naming_the_issuer_never_the_addressee_line(network):
    for issuer, _, d in edges(network, "签发"):
        assert names_one_of(d["quote"], issuer), d
        first = (d["quote"] or "").splitlines()[0] if d["quote"] else ""
        assert not is_addressee_line(first), d


def test_acts_quote_the_clause_naming_the_person(network):
    for person, _, d in edges(network, "任", "免", "兼任"):
        assert names_one_of(d["quote"], person), d


def test_supervision_quotes_the_whole_clause_naming_the_body(network):
    for _, body, d in edges(network, "分管", "联系"):
        assert d["relation"] in d["quote"], d          # the clause, from its verb
        assert names_one_of(d["quote"], body), d        # ... to the body it names
    # The whole clause, not the body's short name alone.
    clauses = [d["quote"] for _, _, d in edges(network, "分管")]
    assert max(len(squeeze(q)) for q in clauses) > 40


def test_attendance_quotes_the_diary_item_naming_the_person(network):
    for person, _, d in edges(network, "出席"):
        assert names_one_of(d["quote"], person), d


def test_signature_quote_runs_from_the_first_signing_body_to_the_date():
    # Real wording: the end of a joint notice of Wenzhou's finance and education bureaus.
    issue = normalize("请各地结合实际，认真贯彻执行。\n\n温州市财政局    温州市教育局\n\n2018年1月5日\n")
    issuers, date, _, span = find_signature(issue, 0, len(issue.text))
    assert issuers == ["温州市财政局", "温州市教育局"] and date == "2018-01-05"
    quote = issue.text[span[0]:span[1]]
    assert quote.startswith("温州市财政局") and quote.rstrip().endswith("2018年1月5日")


def test_signature_quote_stops_at_the_date_before_the_next_documents_addressees():
    # Real wording (温州市人民政府公报 2019年第12期): a signature printed far right, then the next
    # document's addressee line.
    issue = normalize("法规和重大政策变化，本意见也作相应调整。\n\n                        温州市人民政府办公室\n\n"
                      "                              2019年12月17日\n 各县（市、区）人民政府，市各有关单位：\n")
    issuers, date, _, span = find_signature(issue, 0, len(issue.text))
    assert issuers == ["温州市人民政府办公室"] and date == "2019-12-17"
    quote = issue.text[span[0]:span[1]]
    assert quote.startswith("温州市人民政府办公室") and quote.endswith("2019年12月17日")
    assert "各县" not in quote


def test_every_bundled_document_with_a_printed_signature_has_its_source(seed):
    for prefix in ("000", "002", "003", "004"):
        issue = seed(prefix)
        for d in documents.extract(issue):
            if d.signature is None:
                continue
            assert d.signature.quote == issue.text[d.signature.start:d.signature.end]
            assert all(squeeze(name) in squeeze(d.signature.quote) for name in d.issuers), (d.title, d.signature.quote)
