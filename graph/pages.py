"""A page for every entity: a person, body, document (or any node) of the store as HTML for
a reader and as Turtle or JSON-LD for machines.

In: a `GraphStore`, an entity IRI (`https://w3id.org/govkg/id/<kind>/<hex>`) and the request's
Accept header. Out: `render_entity(store, iri, accept, link)` -> `(content type, bytes)`, or
None when the store holds nothing about the IRI. `govkg serve` routes its `/id/...` paths here
(`iri_of_path`); `govkg site` writes every page to a folder (`write_site`).

What a page shows (every fact with its date, its quote and its source: issue, line):
- a person: jurisdiction and the same person in other governments (owl:sameAs); the career
  timeline picture (graph/timeline.py); posts held (tenures from acts, tenures inferred from
  sightings); bodies and areas supervised (divisions of work); personnel acts; sightings;
  events attended; the people most often at the same events;
- a body: its names (preferred and as printed), kind, jurisdiction, predecessors and
  successors; its leaders over time (acts naming it, posts seen in it, who supervises it); the
  documents it issued (quoting the signature) and those addressed to it;
- a document: number, title, date, issuers, addressees, citations both ways, where printed;
- any other node: the facts that name it.
Below every page: the facts naming the entity, generically (class, what else each names).
Machines get the entity's own triples, the facts naming it, and their sources (CONSTRUCT).

Untrusted text: names, titles and quotes come from gazettes; everything put in the HTML goes
through `html.escape`. The page's words are data (graph/templates/page_text.json), the page
around them a template (graph/templates/entity.html).
"""
from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox

from . import assets
from .careers import career as person_career
from .store import GraphStore, QueryResult, store_prefixes
from .vocab import ID_BASE, sparql_prologue
from .vocabulary import vocabulary

#: Content types offered, the first the default (a browser's "*/*" gets HTML).
HTML, TURTLE, JSONLD = "text/html; charset=utf-8", "text/turtle; charset=utf-8", "application/ld+json"
OFFERED = {"text/html": HTML, "application/xhtml+xml": HTML, "text/turtle": TURTLE, "application/x-turtle": TURTLE,
           "application/ld+json": JSONLD, "application/json": JSONLD}

#: A link from one page to another entity's: IRI -> href.
Link = Callable[[str], str]

#: PREFIX lines for every namespace of the ontology (graph/vocab.py), said once.
_PREFIXES = sparql_prologue()

#: The entity's own triples, the facts naming it with theirs, and the facts' sources. ENTITY
#: is replaced by the IRI as pyoxigraph writes it (a CONSTRUCT's template has braces of its
#: own, so the VALUES binding of `store.query` is not used here).
_DESCRIBE = _PREFIXES + """
CONSTRUCT { ?s ?p ?o } WHERE {
  { ENTITY ?p ?o . BIND (ENTITY AS ?s) }
  UNION { ?s ?q ENTITY . ?s ?p ?o . FILTER (?q != rdf:type) }
  UNION { ?f ?q ENTITY . FILTER (?q != rdf:type) ?f prov:wasDerivedFrom ?s . ?s ?p ?o }
  UNION { ?f ?q ENTITY . FILTER (?q != rdf:type) ?f prov:wasDerivedFrom ?src . ?src oa:hasSelector ?s . ?s ?p ?o }
  UNION { ENTITY prov:wasDerivedFrom ?s . ?s ?p ?o }
  UNION { ENTITY prov:wasDerivedFrom ?src . ?src oa:hasSelector ?s . ?s ?p ?o }
}
"""

_LABEL = _PREFIXES + """
SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?title) (SAMPLE(?n) AS ?number) (SAMPLE(?x) AS ?text)
WHERE { OPTIONAL { ?e rdfs:label ?l } OPTIONAL { ?e dcterms:title ?t } OPTIONAL { ?e eli:id_local ?n }
        OPTIONAL { ?e gkg:text ?x } }
GROUP BY ?e
"""

_OWN = _PREFIXES + "SELECT ?p ?o WHERE { ?e ?p ?o }"

#: The facts naming the entity, each with every source it has (a document has two: its first
#: line and its signature).
_FACTS = _PREFIXES + """
SELECT ?f ?q ?class (STR(?d) AS ?date) ?issue ?line ?quote ?extractor
WHERE {
  ?f ?q ?e .
  FILTER (?q NOT IN (rdf:type, owl:sameAs, org:hasPost, org:heldBy, prov:wasRevisionOf, gkg:attendee, gkg:jurisdiction,
                     org:postIn, org:member, rdf:subject, rdf:object))
  ?f a ?class .
  OPTIONAL { ?f gkg:date ?d0 } OPTIONAL { ?f eli:date_document ?d1 }
  OPTIONAL { ?f gkg:event ?ev . ?ev gkg:date ?d2 }
  BIND (COALESCE(?d0, ?d1, ?d2) AS ?d)
  OPTIONAL {
    ?f prov:wasDerivedFrom ?src .
    OPTIONAL { ?src gkg:issue ?iss . ?iss rdfs:label ?issue }
    OPTIONAL { ?src gkg:line ?line }
    OPTIONAL { ?src gkg:extractor ?extractor }
    OPTIONAL { ?src oa:hasSelector ?sel . ?sel oa:exact ?quote }
  }
}
"""

#: What else each fact names (its other IRI-valued properties).
_FACT_LINKS = _PREFIXES + """
SELECT ?f ?p ?o WHERE {
  ?f ?q ?e .
  FILTER (?q NOT IN (rdf:type, owl:sameAs, org:hasPost, org:heldBy, prov:wasRevisionOf, gkg:attendee, gkg:jurisdiction,
                     org:postIn, org:member, rdf:subject, rdf:object))
  ?f ?p ?o .
  FILTER (isIRI(?o) && ?o != ?e && ?p NOT IN (rdf:type, prov:wasDerivedFrom, gkg:tenure, gkg:division, gkg:jurisdiction,
                                             eli:published_in, gkg:datePrecision, org:memberDuring, gkg:startedBy,
                                             gkg:endedBy))
}
"""

_CO_ATTENDEES = _PREFIXES + """
SELECT ?other (COUNT(DISTINCT ?ev) AS ?n) WHERE {
  ?ev gkg:attendee ?e .
  ?ev gkg:attendee ?other .
  FILTER (?other != ?e)
}
GROUP BY ?other
ORDER BY DESC(?n)
LIMIT 15
"""

SIGNATURE_EXTRACTOR = "documents.signature"
PASSED_BY = "http://data.europa.eu/eli/ontology#passed_by"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _values(result: QueryResult) -> list[dict[str, Any]]:
    """A result's rows as plain dicts (typed loosely: a column may be unbound)."""
    return cast(list[dict[str, Any]], result.values())


def words() -> dict[str, str]:
    return assets.data("templates", "page_text.json")


def iri_of_path(path: str) -> str | None:
    """The entity IRI a served path names: "/id/person/ab12…" -> its IRI (None for other paths);
    a trailing ".html", ".ttl" or ".jsonld" is dropped (the static site's file names)."""
    m = re.fullmatch(r"/?id/([a-z]+)/([0-9a-f]{16})(?:\.(?:html|ttl|jsonld))?/?", path)
    return f"{ID_BASE}{m[1]}/{m[2]}" if m else None


def served_link(iri: str) -> str:
    """Links on served pages: the IRI's path on the same server (/id/person/…)."""
    return "/" + iri[len(ID_BASE) - len("id/"):] if iri.startswith(ID_BASE) else iri


def site_link(iri: str) -> str:
    """Links between the static site's pages, which all lie two folders deep (id/<kind>/)."""
    return "../../" + iri[len(ID_BASE) - len("id/"):] + ".html" if iri.startswith(ID_BASE) else iri


def negotiate(accept: str | None) -> str | None:
    """The content type to answer with for an Accept header (None: nothing offered fits)."""
    if not accept:
        return HTML
    best: tuple[float, int, str] | None = None
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mime = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        offer: str | None
        if mime in ("*/*", "text/*"):
            offer = HTML
        else:
            offer = OFFERED.get(mime)
        if offer and (best is None or (q, -i) > (best[0], best[1])):
            best = (q, -i, offer)
    return best[2] if best else None


def describe(store: GraphStore, iri: str) -> list[ox.Triple]:
    result = store.query(_DESCRIBE.replace("ENTITY", str(ox.NamedNode(iri))))
    return sorted({ox.Triple(s, p, o) for s, p, o in result.rows}, key=str)


def machine(store: GraphStore, iri: str, content_type: str) -> bytes:
    triples = describe(store, iri)
    fmt = ox.RdfFormat.TURTLE if content_type == TURTLE else ox.RdfFormat.JSON_LD
    return ox.serialize(triples, format=fmt, prefixes=store_prefixes() if fmt == ox.RdfFormat.TURTLE else None) or b""


def render_entity(store: GraphStore, iri: str, accept: str | None = None, link: Link | None = None) -> tuple[str, bytes] | None:
    """The entity's page as (content type, body): HTML, Turtle or JSON-LD as `accept` asks;
    None when the store says nothing about `iri` (or `accept` wants none of these: the
    caller answers 404 / 406). `link` makes the links between pages (default: served paths)."""
    own = _values(store.query(_OWN, {"e": ox.NamedNode(iri)}))
    if not own:
        return None
    content_type = negotiate(accept)
    if content_type is None:
        return None
    if content_type != HTML:
        return content_type, machine(store, iri, content_type)
    return HTML, entity_html(store, iri, link or served_link, own).encode("utf-8")


# -- HTML -----------------------------------------------------------------------------------

def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


class _Labels:
    """Labels of entities, fetched once each."""

    def __init__(self, store: GraphStore):
        self.store = store
        self.cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        if iri not in self.cache:
            rows = _values(self.store.query(_LABEL, {"e": ox.NamedNode(iri)}))
            r = rows[0] if rows else {}
            self.cache[iri] = (r.get("label") or r.get("title") or r.get("number") or r.get("text")
                               or iri.rsplit("/", 1)[-1])
        return self.cache[iri]


def _a(iri: str, text: str | None, link: Link) -> str:
    """A link to the entity's page; plain text when it has none (`link` returns "")."""
    href = link(iri)
    return f'<a href="{esc(href)}">{esc(text)}</a>' if href else esc(text)


def _source(issue: Any, line: Any, quote: Any) -> str:
    w = words()
    where = " · ".join(x for x in (esc(issue), w["line"].format(line=esc(line)) if line else "") if x)
    q = f'<blockquote>{esc(quote)}</blockquote>' if quote else ""
    return f'<div class="src">{where}</div>{q}'


def _table(columns: list[str], rows: Iterable[list[str]]) -> str:
    rows = list(rows)
    if not rows:
        return f'<p class="none">{esc(words()["none"])}</p>'
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _kind(iri: str) -> str:
    return iri[len(ID_BASE):].split("/", 1)[0] if iri.startswith(ID_BASE) else ""


def _org_iri(store: GraphStore, label: str | None, labels: _Labels) -> str | None:
    """A body's node from its canonical name (the mapping keys bodies by it)."""
    if not label:
        return None
    from .ids import make_iri

    iri = make_iri("org", label)
    return iri if store.query(_OWN, {"e": ox.NamedNode(iri)}).rows else None


def person_sections(store: GraphStore, iri: str, own: list[dict], link: Link, labels: _Labels) -> list[str]:
    w = words()
    name = next((r["o"] for r in own if r["p"].endswith("/name")), labels(iri))
    c = person_career(store, name)
    mine = {iri} | {r["o"] for r in own if r["p"].endswith("#sameAs")}
    out = []
    same = [r["o"] for r in own if r["p"].endswith("#sameAs")]
    where = [r["o"] for r in own if r["p"].endswith("ontology#jurisdiction")]
    facts = [f'{esc(w["jurisdiction"])}: ' + ", ".join(_a(j, labels(j), link) for j in where)] if where else []
    if same:
        facts.append(f'{esc(w["same_as"])}: ' + ", ".join(_a(s, labels(s) + " · " + _jur(store, s, labels), link) for s in same))
    if facts:
        out.append("<p>" + "<br>".join(facts) + "</p>")
    if c.tenures or c.inferred or c.divisions:
        from .timeline import svg_text, timeline_figure

        svg = svg_text(timeline_figure(c))
        out.append(f'<h2>{esc(w["timeline"])}</h2><div class="timeline">{svg[svg.index("<svg"):]}</div>')
    post_rows = []
    for t in c.tenures:
        if not any((a.person_iri or "") in mine for a in t.acts):
            continue
        first = t.acts[0]
        org = _org_iri(store, t.organization, labels)
        post_rows.append([esc(w["evidence_act"]), _a(org, t.organization, link) if org else esc(t.organization), esc(t.post),
                          esc(t.start or "?"), esc(t.end or ""), _source(first.issue, first.line, first.quote)])
    for it in c.inferred:
        if (it.sightings[0].person_iri or "") not in mine:
            continue
        org = _org_iri(store, it.organization, labels)
        s = it.sightings[0]
        post_rows.append([esc(w["evidence_inferred"]) + f'<div class="src">{esc(it.dates())}</div>',
                          _a(org, it.organization, link) if org else esc(it.organization), esc(it.post), esc(it.first),
                          esc(it.last), _source(s.issue, s.line, s.quote)])
    out.append(f'<h2>{esc(w["posts"])}</h2>' + _table(w["post_columns"].split("|"), post_rows))
    div_rows = []
    for e in c.divisions:
        if (e.person_iri or "") not in mine:
            continue
        org = _org_iri(store, e.organization, labels)
        div_rows.append([esc(e.what), _a(org, e.organization, link) if org else esc(e.organization), esc(e.date),
                         esc(e.until or ""), _source(e.issue, e.line, e.quote)])
    out.append(f'<h2>{esc(w["divisions"])}</h2>' + _table(w["division_columns"].split("|"), div_rows))
    co = _values(store.query(_CO_ATTENDEES, {"e": ox.NamedNode(iri)}))
    if co:
        items = "".join(f"<li>{_a(r['other'], labels(r['other']), link)} ({esc(r['n'])})</li>" for r in co)
        out.append(f'<h2>{esc(w["co_attendees"])}</h2><ul class="cols">{items}</ul>')
    return out


def _jur(store: GraphStore, iri: str, labels: _Labels) -> str:
    rows = _values(store.query(_OWN, {"e": ox.NamedNode(iri)}))
    return ", ".join(labels(r["o"]) for r in rows if r["p"].endswith("ontology#jurisdiction"))


def body_sections(store: GraphStore, iri: str, own: list[dict], link: Link, labels: _Labels) -> list[str]:
    w = words()
    out = []
    names = sorted({r["o"] for r in own if r["p"].endswith("#altLabel")})
    kinds = sorted({vocabulary().label(r["o"]) for r in own if r["p"] == RDF_TYPE})
    lines = [f'{esc(w["kind"])}: {esc(", ".join(k for k in kinds if k))}']
    if names:
        lines.append(f'{esc(w["aliases"])}: {esc(", ".join(names))}')
    where = [r["o"] for r in own if r["p"].endswith("ontology#jurisdiction")]
    if where:
        lines.append(f'{esc(w["jurisdiction"])}: ' + ", ".join(_a(j, labels(j), link) for j in where))
    before = [r["o"] for r in own if r["p"].endswith("#wasRevisionOf")]
    if before:
        lines.append(f'{esc(w["predecessors"])}: ' + ", ".join(_a(b, labels(b), link) for b in before))
    after = [r["s"] for r in _values(store.query(_PREFIXES + "SELECT ?s WHERE { ?s prov:wasRevisionOf ?e }",
                                          {"e": ox.NamedNode(iri)}))]
    if after:
        lines.append(f'{esc(w["successors"])}: ' + ", ".join(_a(a, labels(a), link) for a in after))
    out.append("<p>" + "<br>".join(lines) + "</p>")
    leaders = _values(store.query(_LEADERS, {"e": ox.NamedNode(iri)}))
    rows = [[_a(r["person"], labels(r["person"]), link), esc(r["what"]), esc(r["post"] or ""), esc(r["date"] or ""),
             _source(r["issue"], r["line"], r["quote"])]
            for r in sorted(leaders, key=lambda r: (r["date"] or "", labels(r["person"])))]
    out.append(f'<h2>{esc(w["leaders"])}</h2>' + _table(w["leader_columns"].split("|"), rows))
    return out


#: Who held, was seen in, or supervises a body over time: acts naming it, sightings of its
#: posts, and divisions of work giving it to someone.
_LEADERS = _PREFIXES + """
SELECT ?f ?person ?what (SAMPLE(?postLabel) AS ?post) (SAMPLE(STR(?d)) AS ?date) (SAMPLE(?issueLabel) AS ?issue)
       (SAMPLE(?l) AS ?line) (SAMPLE(?exact) AS ?quote)
WHERE {
  {
    ?f gkg:organization ?e ; gkg:person ?person ; a ?class ; gkg:post ?postNode .
    ?class rdfs:subClassOf gkg:PersonnelAct ; gkg:recordCode ?what .
    ?postNode skos:prefLabel ?postLabel .
  } UNION {
    ?postNode org:postIn ?e ; skos:prefLabel ?postLabel .
    ?f a gkg:PersonPostObservation ; gkg:post ?postNode ; gkg:person ?person .
    BIND ("sighting" AS ?what)
  } UNION {
    ?f gkg:responsibilityObject ?e ; gkg:person ?person ; a ?class .
    ?class rdfs:subClassOf gkg:ResponsibilityAssignment ; gkg:recordCode ?what .
  }
  OPTIONAL { ?f gkg:date ?d }
  OPTIONAL {
    ?f prov:wasDerivedFrom ?src .
    OPTIONAL { ?src gkg:issue ?iss . ?iss rdfs:label ?issueLabel }
    OPTIONAL { ?src gkg:line ?l }
    OPTIONAL { ?src oa:hasSelector ?sel . ?sel oa:exact ?exact }
  }
}
GROUP BY ?f ?person ?what
"""


def document_sections(store: GraphStore, iri: str, own: list[dict], link: Link, labels: _Labels) -> list[str]:
    w = words()
    rows = []
    for key, pred in (("number", "#id_local"), ("title", "/title"), ("date", "#date_document")):
        values = sorted({r["o"] for r in own if r["p"].endswith(pred)})
        if values:
            rows.append([esc(w[key]), esc(", ".join(values))])
    for key, pred in (("issuers", "#passed_by"), ("addressees", "ontology#addressee"), ("cites", "#cites"),
                      ("published_in", "#published_in"), ("jurisdiction", "ontology#jurisdiction")):
        values = sorted({r["o"] for r in own if r["p"].endswith(pred)})
        if values:
            rows.append([esc(w[key]), ", ".join(_a(v, labels(v), link) for v in values)])
    cited_by = [r["s"] for r in _values(store.query(_PREFIXES + "SELECT DISTINCT ?s WHERE { ?s eli:cites ?e }",
                                            {"e": ox.NamedNode(iri)}))]
    if cited_by:
        rows.append([esc(w["cited_by"]), ", ".join(_a(v, labels(v), link) for v in cited_by)])
    attachments = sorted({r["o"] for r in own if r["p"].endswith("attachmentTitle")})
    if attachments:
        rows.append([esc(w["attachments"]), esc(", ".join(attachments))])
    sources = _values(store.query(_PREFIXES + """SELECT ?issue ?line ?quote ?extractor WHERE {
        ?e prov:wasDerivedFrom ?src . OPTIONAL { ?src gkg:issue ?i . ?i rdfs:label ?issue }
        OPTIONAL { ?src gkg:line ?line } OPTIONAL { ?src gkg:extractor ?extractor }
        OPTIONAL { ?src oa:hasSelector ?sel . ?sel oa:exact ?quote } }""", {"e": ox.NamedNode(iri)}))
    for s in sorted(sources, key=lambda s: (s["extractor"] or "", s["issue"] or "")):
        what = w["signature"] if s["extractor"] == SIGNATURE_EXTRACTOR else w["printed"]
        rows.append([esc(what), _source(s["issue"], s["line"], s["quote"])])
    return ["<table class=\"kv\">" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows) + "</table>"]


def facts_section(store: GraphStore, iri: str, link: Link, labels: _Labels) -> str:
    """Every fact naming the entity: its kind, the other entities it names, date and source."""
    w = words()
    rows = _values(store.query(_FACTS, {"e": ox.NamedNode(iri)}))
    others: dict[str, list[tuple[str, str]]] = {}
    for r in _values(store.query(_FACT_LINKS, {"e": ox.NamedNode(iri)})):
        others.setdefault(r["f"], []).append((r["p"], r["o"]))
    facts: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        fact = facts.setdefault((r["f"], r["q"]), {"f": r["f"], "q": r["q"], "classes": set(), "date": r["date"],
                                                   "sources": set()})
        fact["classes"].add(r["class"])
        fact["date"] = fact["date"] or r["date"]
        if r["quote"] or r["issue"]:
            fact["sources"].add((r["extractor"] or "", r["issue"], r["line"], r["quote"]))
    out = []
    vocab = vocabulary()
    for fact in sorted(facts.values(), key=lambda f: (f["date"] or "", f["f"])):
        kind = ", ".join(sorted({vocab.label(c) for c in fact["classes"] if vocab.label(c)}))
        sources = sorted(fact["sources"])
        if fact["q"] == PASSED_BY:
            # The words naming the issuer (the signature), when the text prints them.
            signed = [s for s in sources if s[0] == SIGNATURE_EXTRACTOR]
            sources = signed or sources
        else:
            sources = [s for s in sources if s[0] != SIGNATURE_EXTRACTOR] or sources
        names = ", ".join(_a(o, labels(o), link) for _, o in sorted(set(others.get(fact["f"], ())))[:8])
        src = _source(*sources[0][1:]) if sources else ""
        out.append([_a(fact["f"], labels(fact["f"]), link) if _kind(fact["f"]) == "doc" else esc(kind),
                    names, esc(fact["date"] or ""), src])
    return f'<h2>{esc(w["facts"])} ({len(out)})</h2>' + _table(w["fact_columns"].split("|"), out)


def entity_html(store: GraphStore, iri: str, link: Link, own: list[dict] | None = None, static: bool = False) -> str:
    """The page's HTML. `static`: a page of the offline site (links to files beside it)."""
    w = words()
    own = own if own is not None else _values(store.query(_OWN, {"e": ox.NamedNode(iri)}))
    labels = _Labels(store)
    title = labels(iri)
    kind = _kind(iri)
    classes = sorted({vocabulary().label(r["o"]) for r in own if r["p"] == RDF_TYPE} - {""})
    sections: list[str] = []
    if kind == "person":
        sections = person_sections(store, iri, own, link, labels)
    elif kind == "org":
        sections = body_sections(store, iri, own, link, labels)
    elif kind == "doc":
        sections = document_sections(store, iri, own, link, labels)
    sections.append(facts_section(store, iri, link, labels))
    machine_links = (f'<a href="{esc(link(iri))}" data-accept="text/turtle">Turtle</a> · '
                     f'<a href="{esc(link(iri))}" data-accept="application/ld+json">JSON-LD</a>')
    if static:
        base = site_link(iri)[:-len(".html")]
        machine_links = f'<a href="{esc(base)}.ttl">Turtle</a> · <a href="{esc(base)}.jsonld">JSON-LD</a>'
    page = assets.text("templates", "entity.html")
    head = (f'<div class="kind">{esc(", ".join(classes))}</div><h1>{esc(title)}</h1>'
            f'<div class="iri"><code>{esc(iri)}</code> · {machine_links}</div>')
    for key, value in (("TITLE", esc(title)), ("HOME", esc(w["home"])), ("HEAD", head), ("BODY", "\n".join(sections)),
                       ("HOME_HREF", "../../index.html" if static else "/")):
        page = page.replace("{{" + key + "}}", value)
    return page


# -- the static site ------------------------------------------------------------------------

_ENTITIES = _PREFIXES + """
SELECT ?e ?class WHERE { VALUES ?class { CLASSES } ?e a ?class . FILTER (STRSTARTS(STR(?e), "BASE")) }
"""


def entities(store: GraphStore) -> dict[str, str]:
    """Every entity that gets a page: IRI -> its node kind (person, government, document …)."""
    kinds = {n.cls: n.kind for n in vocabulary().nodes}
    query = _ENTITIES.replace("CLASSES", " ".join(f"<{c}>" for c in kinds)).replace("BASE", ID_BASE)
    out: dict[str, str] = {}
    for r in _values(store.query(query)):
        out.setdefault(r["e"], kinds[r["class"]])
    return out


def index_html(store: GraphStore, found: dict[str, str], labels: _Labels) -> str:
    w = words()
    by_kind: dict[str, list[str]] = {}
    for iri, kind in found.items():
        by_kind.setdefault(kind, []).append(iri)
    captions = {n.kind: n.caption for n in vocabulary().nodes}
    counts = Counter(found.values())
    parts = [f'<p><a href="network.html">{esc(w["network"])}</a></p>']
    for node in vocabulary().nodes:
        iris = by_kind.get(node.kind)
        if not iris:
            continue
        items = "".join(f'<li><a href="{esc(site_link(i)[len("../../"):])}">{esc(labels(i))}</a></li>'
                        for i in sorted(iris, key=lambda i: labels(i)))
        parts.append(f'<h2>{esc(captions[node.kind])} ({counts[node.kind]})</h2><ul class="cols">{items}</ul>')
    page = assets.text("templates", "entity.html")
    for key, value in (("TITLE", esc(w["site_title"])), ("HOME", esc(w["home"])), ("HOME_HREF", "index.html"),
                       ("HEAD", f'<h1>{esc(w["site_title"])}</h1>'), ("BODY", "\n".join(parts))):
        page = page.replace("{{" + key + "}}", value)
    return page


def write_site(store: GraphStore, out_dir: str | Path, progress: Callable[[int, int], None] | None = None) -> int:
    """Every entity's page (HTML, Turtle, JSON-LD) under out_dir/id/<kind>/, an index and the
    network page linking to them. Returns the number of entities written."""
    from .network import load_network
    from .viz import write_page

    out = Path(out_dir)
    found = entities(store)
    labels = _Labels(store)

    def link(iri: str) -> str:
        return site_link(iri) if iri in found else ""

    for n, iri in enumerate(sorted(found)):
        base = out / iri[len(ID_BASE) - len("id/"):]
        base.parent.mkdir(parents=True, exist_ok=True)
        own = _values(store.query(_OWN, {"e": ox.NamedNode(iri)}))
        base.with_suffix(".html").write_text(entity_html(store, iri, link, own, static=True), encoding="utf-8")
        base.with_suffix(".ttl").write_bytes(machine(store, iri, TURTLE))
        base.with_suffix(".jsonld").write_bytes(machine(store, iri, JSONLD))
        if progress:
            progress(n + 1, len(found))
    (out / "index.html").write_text(index_html(store, found, labels), encoding="utf-8")
    write_page(load_network(store), out / "network.html", words()["site_title"],
               link=lambda iri: site_link(iri)[len("../../"):])
    return len(found)
