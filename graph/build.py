"""The build pipeline: gazette text files in, one named graph per issue in the store out.

In: paths of gazette issue files (none = the bundled sample issues), a store directory, a
number of worker processes. Out: the store holds each issue's graph, each written whole or not
at all, and a `BuildSummary` (issues, triples, seconds, graphs recovered from a killed build).

Order of work, and why:
1. Every file is read and checked (`load_issue`) BEFORE the store is opened, so one bad file
   (missing, empty, binary, not a gazette) stops the build with an `InputError` naming it and
   the store is left exactly as it was. Nothing of this pass is kept: a corpus of 10^5 issues
   streams through in the second pass instead of sitting in memory.
2. Each issue is then loaded again, extracted and mapped to quads (`map_issue`), in worker
   processes when workers > 1, with a bounded number of issues in flight; its quads come back
   as N-Quads, every one in the issue's own named graph.
3. The parent writes: new issues in batches of about `BATCH_TRIPLES` through the journaled bulk
   loader (`GraphStore.add_new_issues`), issues already held one by one by an atomic replace
   (`GraphStore.replace_issue`). Oxigraph allows one writer, so all writes stay in this process.
4. Facts that span issues (the derived graph) are recomputed once everything is in.
"""
from __future__ import annotations

import gc
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from govkg.extractors.layout import Issue, check_input, load_issue
from govkg.extractors.reading import InputError
from govkg.extractors.registry import extract_all

from .ids import ENTITIES_GRAPH
from .store import GraphStore

#: issue, extracted records -> quads: a stand-in for the real mapping (graph.mapping.issue_nquads,
#: which `map_issue` runs when no mapper is given).
Mapper = Callable[[Issue, dict[str, list[Any]]], Iterable[ox.Quad]]


def bundled_issue_files() -> list[Path]:
    """The sample issues shipped in the package (govkg/data/seeds/*.txt), sorted."""
    seeds = resources.files("govkg.data") / "seeds"
    return sorted(Path(str(p)) for p in seeds.iterdir() if p.name.endswith(".txt"))


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
    #: Issue graphs an earlier, killed build left half-loaded, dropped before this one began.
    recovered: list[str] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return sum(i.triples for i in self.issues)

    def line(self) -> str:
        # Triples written: an entity described by several issues is counted once per issue
        # here and stored once (graph/mapping.py), so the store may hold fewer.
        return f"built {len(self.issues)} issues ({self.triples} triples written) in {self.seconds:.1f} s into {self.store}"


def check_inputs(paths: Sequence[str | Path]) -> None:
    """Read and check every file; the first bad one raises `InputError` naming it. Nothing is
    written, and nothing is kept."""
    if not paths:
        raise InputError("<no files>", "no gazette files given and none bundled")
    for path in paths:
        check_input(path)


@dataclass
class MappedIssue:
    """One issue extracted and mapped: its named graph and its quads as N-Quads, the lines of
    the shared entities graph apart (`entities`, graph/mapping.py) when the mapping gives them
    apart; `triples` counts both."""

    path: str
    graph: str
    triples: int
    facts: bytes
    entities: tuple[str, ...] = ()

    @property
    def nquads(self) -> bytes:
        return self.facts + "".join(self.entities).encode("utf-8")


def map_issue(path: str | Path, mapper: Mapper | None = None) -> MappedIssue:
    """Load, extract and map one issue (module-level, so worker processes can run it)."""
    issue = load_issue(path)
    found = extract_all(issue)
    if mapper is None:
        # The mapping writes N-Quads itself, deduplicated, confined to the issue's graph and
        # the shared entities graph by construction (graph/mapping.py).
        from govkg.graph.mapping import issue_nquads  # imported late: mapping is a separate room

        mapped = issue_nquads(issue, found)
        return MappedIssue(str(path), mapped.graph, mapped.triples, mapped.facts, mapped.entities)
    # Deduplicated (a mapper may state a triple twice: a person named by two records), in the
    # mapper's order: the store does not care about order, and the export sorts.
    quads = list(dict.fromkeys(mapper(issue, found)))
    # Confined: `issue_graph_name` refuses quads outside the issue's one graph and the shared
    # entity descriptions, so the quads are written as they are (no copy into the graph).
    graph = issue_graph_name(quads)
    return MappedIssue(str(path), graph, len(quads), ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")


#: Garbage-collector thresholds while a build runs (Python's defaults: 700, 10, 10). An issue's
#: records and quads are ~10^5 container objects, all alive until the issue is written, so
#: with the defaults the collector re-walks them every 700 allocations and took 14% of a
#: build's CPU without finding garbage; cycles are still collected, ~100x less often.
BUILD_GC_THRESHOLDS = (100_000, 50, 100)


def _quiet_gc() -> None:
    """Objects alive before the work (modules, lexicons, the gazetteer) are never garbage:
    `gc.freeze` takes them out of every later collection; then the build's thresholds."""
    gc.freeze()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)


@contextmanager
def quiet_gc() -> Iterator[None]:
    """`_quiet_gc` for the length of a build, then the collector as it was."""
    before = gc.get_threshold()
    _quiet_gc()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def mapped_issues(paths: Sequence[str | Path], workers: int = 1, mapper: Mapper | None = None) -> Iterator[MappedIssue]:
    """`map_issue` for each path, in input order; in worker processes when workers > 1, with at
    most two issues per worker in flight, so results never pile up in memory."""
    if workers <= 1 or len(paths) <= 1:
        for path in paths:
            yield map_issue(path, mapper)
        return
    work = partial(map_issue, mapper=mapper)
    todo = iter(paths)
    with ProcessPoolExecutor(max_workers=min(workers, len(paths)), initializer=_quiet_gc) as pool:
        in_flight = deque(pool.submit(work, p) for p in islice(todo, 2 * workers))
        while in_flight:
            done = in_flight.popleft().result()
            for p in islice(todo, 1):
                in_flight.append(pool.submit(work, p))
            yield done


def issue_graph_name(quads: Sequence[ox.Quad]) -> str:
    """The one issue graph an issue's quads live in (besides the shared entities graph); the
    mapping promises exactly one."""
    graphs = {q.graph_name for q in quads}
    graphs.discard(ENTITIES_GRAPH)
    only = next(iter(graphs)) if len(graphs) == 1 else None
    if not isinstance(only, ox.NamedNode):
        raise ValueError(f"an issue's quads must lie in one named graph, found {sorted(map(str, graphs)) or 'none'}")
    return only.value


#: New issues are bulk-loaded about this many triples at a time: the bulk loader's cost is
#: mostly per call, so bigger batches load faster; a batch's N-Quads (~30 MB) is what the
#: parent holds, and a killed build loses at most one batch (the journal drops it whole).
BATCH_TRIPLES = 200_000


#: Entity lines a build remembers having written (about 200 bytes each): past this many it
#: forgets them all and starts again, so memory stays bounded on any number of issues; a line
#: written twice is only loaded twice (the store keeps one).
WRITTEN_ENTITY_LINES = 500_000


class WrittenEntities:
    """The entity-description lines this build has already handed to the store. An entity is
    described the same way by every issue that names it (a function of its key alone), so a
    build of many issues would load each description once per issue: 13% of the quads of 100
    synthetic issues. Only lines already written (or in the batch being written) are dropped:
    a batch that fails stops the build, so nothing dropped is ever lost."""

    def __init__(self, limit: int = WRITTEN_ENTITY_LINES):
        self.limit = limit
        self.lines: set[str] = set()

    def new(self, lines: Iterable[str]) -> list[str]:
        """The lines not written yet, now remembered as written."""
        if len(self.lines) > self.limit:
            self.lines.clear()
        fresh = [ln for ln in lines if ln not in self.lines]
        self.lines.update(fresh)
        return fresh


class NewIssueWriter:
    """Collects issues the store does not hold yet and bulk-loads them about `limit` triples
    at a time (`GraphStore.add_new_issues`); `flush()` writes what is left. An issue already
    pending must be flushed before it comes again (then it is held: replace it instead).
    `batches` counts the loads."""

    def __init__(self, store: GraphStore, limit: int = BATCH_TRIPLES):
        self.store, self.limit = store, limit
        self.pending: dict[str, bytes] = {}
        self.size = 0
        self.batches = 0

    def __contains__(self, graph: str) -> bool:
        return graph in self.pending

    def add(self, graph: str, nquads: bytes, triples: int) -> None:
        self.pending[graph] = nquads
        self.size += triples
        if self.size >= self.limit:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.store.add_new_issues(list(self.pending.items()))
            self.batches += 1
        self.pending.clear()
        self.size = 0


def build(
    paths: Sequence[str | Path] | None = None,
    store_dir: str | Path | None = None,
    *,
    workers: int = 1,
    mapper: Mapper | None = None,
    progress: Callable[[MappedIssue], None] | None = None,
    batch_triples: int = BATCH_TRIPLES,
) -> BuildSummary:
    """Extract, map and load each issue file into the store; see the module docstring."""
    started = time.perf_counter()
    files = [Path(p) for p in paths] if paths else bundled_issue_files()
    check_inputs(files)
    summary = BuildSummary()
    with quiet_gc(), GraphStore(store_dir) as store:
        summary.store = str(store.path)
        summary.recovered = store.recovered
        writer = NewIssueWriter(store, batch_triples)
        written = WrittenEntities()
        replaced = False
        for issue in mapped_issues(files, workers, mapper):
            if issue.graph in writer:          # the same issue twice: the later one replaces
                writer.flush()
            if store.has_graph(issue.graph):
                store.replace_issue(issue.graph, ox.parse(issue.nquads, format=ox.RdfFormat.N_QUADS))
                replaced = True
            else:
                fresh = written.new(issue.entities)
                writer.add(issue.graph, issue.facts + "".join(fresh).encode("utf-8"), issue.triples)
            summary.issues.append(IssueLoaded(path=issue.path, graph=issue.graph, triples=issue.triples))
            if progress:
                progress(issue)
        writer.flush()
        if replaced or store.recovered:
            # Only a replaced or dropped issue can leave an entity no issue names any more.
            store.prune_entities()
        store.refresh_derived()
    summary.seconds = time.perf_counter() - started
    return summary
