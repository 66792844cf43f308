"""The build pipeline: gazette text files in, one named graph per issue in the store out.

In: paths of gazette issue files (none = the bundled sample issues), a store directory, a
number of worker processes. Out: the store holds each issue's graph, replaced atomically
(`GraphStore.replace_issue`), and a `BuildSummary` (issues, triples, seconds).

Order of work, and why:
1. Every file is read and normalized (`load_issue`) BEFORE the store is opened, so one bad
   file (missing, empty, binary, not a gazette) stops the build with an `InputError` naming it
   and the store is left exactly as it was.
2. Extraction (the slow, spaCy-bound part) runs in worker processes when workers > 1; each
   worker returns the issue and its records (plain picklable dataclasses).
3. The parent maps records to quads (`graph.mapping.issue_quads`) and writes, one issue per
   transaction: Oxigraph allows one writer, and keeping writes in one process keeps each
   issue's replacement a single transaction.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from govkg.extractors.layout import Issue, load_issue
from govkg.extractors.reading import InputError
from govkg.extractors.registry import extract_all

from .store import GraphStore

#: issue, extracted records -> quads (the real one is graph.mapping.issue_quads).
Mapper = Callable[[Issue, dict[str, list[Any]]], Iterable[ox.Quad]]


def bundled_issue_files() -> list[Path]:
    """The sample issues shipped in the package (govkg/data/seeds/*.txt), sorted."""
    seeds = resources.files("govkg.data") / "seeds"
    return sorted(Path(str(p)) for p in seeds.iterdir() if p.name.endswith(".txt"))


def default_mapper() -> Mapper:
    from govkg.graph.mapping import issue_quads  # imported late: mapping is a separate room

    return issue_quads


@dataclass
class IssueLoaded:
    path: str
    graph: str
    triples: int


@dataclass
class BuildSummary:
    issues: list[IssueLoaded] = field(default_factory=list)
    seconds: float = 0.0
    store: str = ""

    @property
    def triples(self) -> int:
        return sum(i.triples for i in self.issues)

    def line(self) -> str:
        return f"built {len(self.issues)} issues, {self.triples} triples in {self.seconds:.1f} s into {self.store}"


def validate_inputs(paths: Sequence[str | Path]) -> list[Issue]:
    """Load every file; the first bad one raises `InputError` naming it. Nothing is written."""
    if not paths:
        raise InputError("<no files>", "no gazette files given and none bundled")
    return [load_issue(p) for p in paths]


def _extract(path: str) -> tuple[Issue, dict[str, list[Any]]]:
    """Worker: load and extract one issue (module-level so worker processes can pickle it)."""
    issue = load_issue(path)
    return issue, extract_all(issue)


def extracted_issues(issues: Sequence[Issue], workers: int = 1) -> Iterator[tuple[Issue, dict[str, list[Any]]]]:
    """(issue, records) for each issue, in input order; in worker processes when workers > 1."""
    if workers <= 1 or len(issues) <= 1:
        for issue in issues:
            yield issue, extract_all(issue)
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(issues))) as pool:
        yield from pool.map(_extract, [issue.path for issue in issues])


def issue_graph_name(quads: Sequence[ox.Quad]) -> str:
    """The one named graph an issue's quads live in; the mapping promises exactly one."""
    names = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    if len(names) != 1:
        raise ValueError(f"an issue's quads must lie in one named graph, found {sorted(names) or 'none'}")
    return names.pop()


def build(
    paths: Sequence[str | Path] | None = None,
    store_dir: str | Path | None = None,
    *,
    workers: int = 1,
    mapper: Mapper | None = None,
    progress: Callable[[Issue], None] | None = None,
) -> BuildSummary:
    """Extract, map and load each issue file into the store; see the module docstring."""
    started = time.perf_counter()
    files = [Path(p) for p in paths] if paths else bundled_issue_files()
    issues = validate_inputs(files)
    mapper = mapper or default_mapper()
    summary = BuildSummary()
    with GraphStore(store_dir) as store:
        summary.store = str(store.path)
        for issue, found in extracted_issues(issues, workers):
            quads = list(mapper(issue, found))
            graph = issue_graph_name(quads)
            count = store.replace_issue(graph, quads)
            summary.issues.append(IssueLoaded(path=issue.path, graph=graph, triples=count))
            if progress:
                progress(issue)
        # Facts that span issues (a later division of work ending an earlier one) are
        # recomputed once all issues are in.
        store.refresh_derived()
    summary.seconds = time.perf_counter() - started
    return summary
