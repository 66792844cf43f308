"""Deterministic IRIs for the graph's nodes, like zavod's `make_id`.

In: a kind ("person", "org", "act", "source", ...) and the parts that identify one node.
Out: an IRI string `https://w3id.org/govkg/id/<kind>/<16 hex>` (or a `NamedNode`), where the
hex is the SHA-1 of the NFKC-normalised, whitespace-stripped parts joined by a separator
that cannot occur in them. The same parts always give the same IRI, whatever the order in
which issues are read, so the sorted N-Quads of a build are byte-identical across runs; the
graph has no blank nodes (selectors, intervals and instants get IRIs derived from their owner).
"""
from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from pyoxigraph import NamedNode, Quad

from .vocab import ID_BASE

_SEP = "\x1f"   # unit separator: never printed in a gazette


def normalise(part: object) -> str:
    """One part as hashed: None -> "", text NFKC-folded (full-width digits and brackets become
    half-width) and stripped of all whitespace (the PDF tool scatters spaces in CJK text)."""
    if part is None:
        return ""
    text = unicodedata.normalize("NFKC", str(part))
    return "".join(text.split())


def make_hash(*parts: object) -> str:
    joined = _SEP.join(normalise(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1 << 16)
def make_iri(kind: str, *parts: object) -> str:
    # Cached: an issue names the same person, body, post and place in fact after fact (a
    # cache hit is ~30x cheaper than NFKC-folding and hashing the parts again).
    return f"{ID_BASE}{kind}/{make_hash(kind, *parts)}"


@lru_cache(maxsize=1 << 16)
def make_node(kind: str, *parts: object) -> NamedNode:
    return NamedNode(make_iri(kind, *parts))


def child_node(owner: NamedNode, suffix: str) -> NamedNode:
    """A node that exists only as part of its owner (a source's quote selector, a tenure's
    interval): the owner's IRI plus a suffix, so it is as deterministic as its owner."""
    return NamedNode(f"{owner.value}/{suffix}")


#: The one named graph of entity descriptions (see graph/mapping.py): shared by all issues.
ENTITIES_GRAPH = NamedNode(f"{ID_BASE}graph/entities")


def graph_node(issue_key: str) -> NamedNode:
    """The named graph holding one issue's facts (readable: the issue key is already stable)."""
    return NamedNode(f"{ID_BASE}graph/{issue_key}")


def issue_node(issue_key: str) -> NamedNode:
    return NamedNode(f"{ID_BASE}issue/{issue_key}")


def sorted_nquads(quads: Iterable[Quad]) -> str:
    """The N-Quads of `quads`, one per line, deduplicated and sorted: byte-identical for the
    same facts whatever order they were produced in."""
    return "".join(f"{line}\n" for line in sorted({str(q) + " ." for q in quads}))
