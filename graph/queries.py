"""Stored SPARQL queries: `ontology/queries/*.rq` files, each with a header of comments.

In: the query files (package data of `govkg.ontology`). Out: `stored_queries()` -> {name:
StoredQuery} with title, description and parameters read from the header, and
`run_stored(store, name, params, limit=, offset=)` which checks the parameters and runs the
query with them bound as RDF terms (never pasted into the text), whole or one page of it
(`paged`: whole-graph reports choose their page before they read the rest).

Header format (comment lines before the query):

    # title: Career of a person
    # description: Every personnel act naming the person, oldest first.
    # param: name — the person's name as printed — 郑章辉

A parameter named `name` binds the query variable `?name` (a VALUES block at the head of the
WHERE group, see `store.bind_values`); stored queries also project it, so the results show
what was asked.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .store import VOCABULARY_GRAPH, GraphStore, QueryError, QueryResult

#: The parts of a fact's source ?src that a table or a tooltip cites: the issue's label, the
#: line, the quote and the document's number or title (SPARQL, inside the OPTIONAL that binds
#: ?src; prefixes from vocab.sparql_prologue). Said once for careers and the network.
SOURCE_FIELDS = """
    OPTIONAL { ?src gkg:issue ?iss . ?iss rdfs:label ?issueLabel }
    OPTIONAL { ?src gkg:line ?l }
    OPTIONAL { ?src oa:hasSelector ?sel . ?sel oa:exact ?exact }
    OPTIONAL { ?src gkg:document ?doc . OPTIONAL { ?doc eli:id_local ?docNumber } OPTIONAL { ?doc dcterms:title ?docTitle } }"""

HEADER_LINE = re.compile(r"#\s*(?P<key>title|description|param)\s*:\s*(?P<value>.*\S)\s*$")
#: "name — meaning — example": em dash, en dash or a spaced hyphen separate the parts.
PARAM_PARTS = re.compile(r"\s+(?:—|–|--|-)\s+")


@dataclass(frozen=True)
class QueryParam:
    name: str
    meaning: str = ""
    example: str = ""


@dataclass(frozen=True)
class StoredQuery:
    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    sparql: str
    path: str = ""

    @property
    def param_names(self) -> list[str]:
        return [p.name for p in self.params]

    def example_args(self) -> list[str]:
        return [f"--param {p.name}={p.example}" for p in self.params if p.example]


def parse_stored_query(text: str, name: str, path: str = "") -> StoredQuery:
    title = ""
    description: list[str] = []
    params: list[QueryParam] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break   # the header ends where the query begins
            continue
        m = HEADER_LINE.match(stripped)
        if not m:
            continue
        key, value = m["key"], m["value"]
        if key == "title":
            title = value
        elif key == "description":
            description.append(value)
        else:
            parts = PARAM_PARTS.split(value, maxsplit=2) + ["", ""]
            params.append(QueryParam(name=parts[0].lstrip("?$"), meaning=parts[1], example=parts[2]))
    if not title:
        raise ValueError(f"stored query {name} ({path}) has no '# title:' line")
    return StoredQuery(name=name, title=title, description=" ".join(description), params=tuple(params), sparql=text, path=path)


def queries_dir() -> Path:
    return Path(str(resources.files("govkg.ontology") / "queries"))


def stored_queries(directory: str | Path | None = None) -> dict[str, StoredQuery]:
    """name (file stem) -> StoredQuery, sorted by name."""
    folder = Path(directory) if directory else queries_dir()
    out: dict[str, StoredQuery] = {}
    for path in sorted(folder.glob("*.rq")):
        out[path.stem] = parse_stored_query(path.read_text("utf-8"), path.stem, str(path))
    return out


def check_params(query: StoredQuery, params: Mapping[str, Any]) -> None:
    unknown = sorted(set(params) - set(query.param_names))
    if unknown:
        raise QueryError(f"query {query.name} has no parameter {', '.join(unknown)}; it takes: {', '.join(query.param_names) or 'none'}")
    missing = [p for p in query.params if p.name not in params]
    if missing:
        hint = " ".join(f"--param {p.name}={p.example or '…'}" for p in missing)
        raise QueryError(f"query {query.name} needs {', '.join(p.name for p in missing)} ({hint})")


#: The line of a stored report where a page's LIMIT/OFFSET goes: a comment line `# page` inside
#: the subquery that picks the report's rows (acts, documents, ...), so a page is evaluated for
#: its own rows only. A query without one is paged at its end.
PAGE_LINE = re.compile(r"^[ \t]*# page\b.*$", re.M)


def paged(sparql: str, limit: int | None = None, offset: int = 0) -> str:
    """The query restricted to one page: `limit` rows from row `offset` (0-based).

    A stored report marks where its page is chosen (`PAGE_LINE`): the page is a page of the
    subquery's rows in the store's own order (stable while the store is unchanged), each page
    then sorted by the report's ORDER BY; with no mark, LIMIT/OFFSET close the query. No page
    asked (limit None, offset 0): the query unchanged."""
    if limit is None and not offset:
        return sparql
    if (limit is not None and limit < 0) or offset < 0:
        raise QueryError("a page's limit and offset must be 0 or more")
    clause = " ".join(part for part in (f"LIMIT {limit}" if limit is not None else "",
                                        f"OFFSET {offset}" if offset else "") if part)
    if PAGE_LINE.search(sparql):
        return PAGE_LINE.sub(lambda m: m.group().split("#")[0] + clause, sparql, count=1)
    return sparql.rstrip() + "\n" + clause + "\n"


def run_stored(store: GraphStore, name: str, params: Mapping[str, Any] | None = None, *,
               limit: int | None = None, offset: int = 0) -> QueryResult:
    queries = stored_queries()
    if name not in queries:
        raise QueryError(f"no stored query named {name!r}; `govkg query --list` shows them")
    query = queries[name]
    params = dict(params or {})
    check_params(query, params)
    if store.issues() and not store.has_graph(VOCABULARY_GRAPH):
        # Stored queries read kinds of facts from the vocabulary graph; without it they would
        # answer nothing rather than fail.
        raise QueryError("this store has no vocabulary graph (built by an older govkg): run `govkg build` on it again")
    return store.query(paged(query.sparql, limit, offset), params)
