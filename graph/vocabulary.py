"""The vocabulary said once in ontology/govkg.ttl, read once: record codes, edges and node kinds.

In: ontology/govkg.ttl (its class tree, `rdfs:label`s and the annotations `gkg:recordCode`,
`gkg:tenureEffect`, `gkg:edgeLabel`, `gkg:edgeColour`, `gkg:nodeKind`, `gkg:nodeColour`,
`gkg:nodeShape`, `gkg:legendOrder`). Out: `vocabulary()`, one `Vocabulary` per process:
- `class_for(parent, code)`: the subclass of `parent` whose record code is `code` (the mapping
  turns an act's "appoint" into `gkg:Appointment`), `codes(parent)` the other way round, and
  `tenure_codes(effect)` the act codes that open or close a tenure;
- `edges`: the network's edge kinds in legend order, each with the RDF term it is drawn from
  (a fact class, or a property such as `org:postIn`), its zh/en label and colour;
  `edge_classes(term)` the fact classes drawn as that edge (the term and its subclasses);
- `nodes`: the network's node kinds in legend order, each with its class, zh/en caption (the
  class's `rdfs:label`), colour and shape;
- `label(term, lang)`: a term's `rdfs:label`;
- `store_triples()`: the triples the store keeps in its vocabulary graph (class tree and record
  codes), which the stored queries read an act's kind from.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import pyoxigraph as ox

from .vocab import GKG, RDFS, ontology_text


@dataclass(frozen=True)
class Edge:
    term: str                 # the IRI of the class (or property) the edge is drawn from
    label: str                # the edge's relation as drawn (Chinese)
    english: str              # what it means
    colour: str


@dataclass(frozen=True)
class NodeKind:
    kind: str
    cls: str                  # the IRI of the class whose entities are nodes of this kind
    caption: str              # the class's Chinese label
    english: str
    colour: str
    shape: str


class Vocabulary:
    def __init__(self, triples: list[ox.Triple]):
        self.triples = triples
        self._objects: dict[tuple[str, str], list[ox.Literal | ox.NamedNode]] = {}
        self._subjects: dict[tuple[str, str], list[str]] = {}
        self._codes: dict[str, dict[str, str]] = {}
        for t in triples:
            if isinstance(t.subject, ox.NamedNode) and isinstance(t.object, (ox.Literal, ox.NamedNode)):
                self._objects.setdefault((t.subject.value, t.predicate.value), []).append(t.object)
                if isinstance(t.object, ox.NamedNode):
                    self._subjects.setdefault((t.predicate.value, t.object.value), []).append(t.subject.value)
        order = self._order
        self.edges: tuple[Edge, ...] = tuple(
            Edge(term, self._text(term, GKG.edgeLabel, "zh"), self._text(term, GKG.edgeLabel, "en"),
                 self.value(term, GKG.edgeColour) or "")
            for term in sorted(self._with(GKG.edgeLabel), key=order))
        self.nodes: tuple[NodeKind, ...] = tuple(
            NodeKind(self.value(c, GKG.nodeKind) or "", c, self.label(c, "zh"), self.label(c, "en"),
                     self.value(c, GKG.nodeColour) or "", self.value(c, GKG.nodeShape) or "")
            for c in sorted(self._with(GKG.nodeKind), key=order))

    # -- reading triples
    def _with(self, prop: ox.NamedNode) -> set[str]:
        return {s for (s, p) in self._objects if p == prop.value}

    def _order(self, term: str) -> tuple[int, str]:
        value = self.value(term, GKG.legendOrder)
        return (int(value) if value else 1 << 30, term)

    def value(self, term: str | ox.NamedNode, prop: ox.NamedNode) -> str | None:
        """The (first) value of `prop` on `term`, as a string."""
        values = self._objects.get((_iri(term), prop.value), [])
        return values[0].value if values else None

    def _text(self, term: str, prop: ox.NamedNode, lang: str) -> str:
        for o in self._objects.get((term, prop.value), []):
            if isinstance(o, ox.Literal) and o.language == lang:
                return o.value
        return ""

    def label(self, term: str | ox.NamedNode, lang: str = "zh") -> str:
        """The term's `rdfs:label` in `lang` ("" when it has none)."""
        return self._text(_iri(term), RDFS.label, lang)

    def subclasses(self, parent: str | ox.NamedNode) -> list[str]:
        """The direct subclasses of `parent`, sorted by IRI."""
        return sorted(self._subjects.get((RDFS.subClassOf.value, _iri(parent)), []))

    # -- record codes
    def codes(self, parent: str | ox.NamedNode) -> dict[str, str]:
        """Record code -> class IRI, over the subclasses of `parent` that carry a code."""
        key = _iri(parent)
        if key not in self._codes:
            self._codes[key] = {code: c for c in self.subclasses(key) if (code := self.value(c, GKG.recordCode)) is not None}
        return self._codes[key]

    def class_for(self, parent: ox.NamedNode, code: str, default: ox.NamedNode) -> ox.NamedNode:
        """The subclass of `parent` whose record code is `code`, else `default`."""
        found = self.codes(parent).get(code)
        return ox.NamedNode(found) if found else default

    def tenure_codes(self, effect: str) -> tuple[str, ...]:
        """The act codes whose class opens (`"opens"`) or closes (`"closes"`) a tenure."""
        acts = sorted(self.codes(GKG.PersonnelAct).items(), key=lambda kv: self._order(kv[1]))
        return tuple(code for code, c in acts if self.value(c, GKG.tenureEffect) == effect)

    # -- the network
    def edge(self, term: str | ox.NamedNode) -> Edge:
        """The edge kind drawn from `term` (a class or property carrying `gkg:edgeLabel`)."""
        iri = _iri(term)
        for e in self.edges:
            if e.term == iri:
                return e
        raise KeyError(iri)

    def edge_classes(self, term: str | ox.NamedNode) -> list[str]:
        """The fact classes drawn as the edge of `term`: the class itself, or when it has
        subclasses (gkg:Pairing), the most specific ones that carry no edge of their own."""
        own = {e.term for e in self.edges}
        below = [c for c in self.subclasses(term) if c not in own]
        if not below:
            return [_iri(term)]
        return [leaf for c in below for leaf in self.edge_classes(c)]

    # -- the store's vocabulary graph
    def store_triples(self) -> list[ox.Triple]:
        """The class tree under the fact classes that carry record codes, and those codes: what
        a stored query needs to read an act's kind from its class."""
        keep = {RDFS.subClassOf.value, GKG.recordCode.value, GKG.tenureEffect.value}
        coded = {s for (s, p) in self._objects if p == GKG.recordCode.value}
        return sorted((t for t in self.triples if isinstance(t.subject, ox.NamedNode)
                       and t.subject.value in coded and t.predicate.value in keep), key=str)


def _iri(term: str | ox.NamedNode) -> str:
    return term.value if isinstance(term, ox.NamedNode) else term


@functools.cache
def vocabulary() -> Vocabulary:
    """The vocabulary of ontology/govkg.ttl, parsed once per process."""
    return Vocabulary(list(ox.parse(ontology_text(), format=ox.RdfFormat.TURTLE)))
