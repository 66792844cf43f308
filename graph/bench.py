"""Benchmarks: how fast govkg extracts, maps, loads and answers, printed beside the targets.

In: the bundled issues (and synthetic issues made from them). Out: a table of figures, each
with its target, printed by `govkg bench`; nothing is asserted (the test suite does not time
things).

What is measured, and how:
- extraction, end to end and per stage (normalization, each extractor), in characters of
  input per second on one core, with spaCy's own blank-`zh` tokenizer on the same text as the
  reference speed of "reading every character once with spaCy";
- mapping records to quads and loading quads into the embedded store, in triples per second;
- the CPU of a whole build of many synthetic issues (a child process) beside the CPU of
  `oxigraph load` of the same quads exported as N-Quads (another child), and their ratio;
- stored-query latency (p50/p95) on the embedded Oxigraph store and on rdflib's in-memory
  store holding the same graph, with their ratio;
- each stored query on a large synthetic store (default 10 million triples, made by relabelling
  copies of the bundled graph: labelled synthetic): a lookup's p50, a whole-graph report's
  first page (`govkg query NAME --limit 100`);
- scaling: 1x, 10x, 100x the corpus as synthetic issues (the bundled text recombined, with
  people renamed and the issue renumbered), each built in its own process whose peak memory
  it reads itself (VmHWM); the issues stream through one at a time, so memory must stay flat;
- the `--workers` speed-up of a build on this machine.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from govkg.extractors.layout import RUNNING_HEAD_ISSUE, RUNNING_HEAD_NAME, normalize
from govkg.extractors.reading import read_text
from govkg.extractors.registry import EXTRACTORS, extract_all
from govkg.extractors.textforms import given_name_chars, renumber_total, running_head

from .build import build, bundled_issue_files

TARGET_EXTRACT = 1_000_000      # characters per second per core, end to end
TARGET_LOAD = 200_000           # triples per second
TARGET_QUERY_P50_MS = 50.0      # at 10 million triples
TARGET_STARTUP_S = 0.2          # a command's start-up (help, query, career, export)


@dataclass
class Row:
    figure: str
    value: str
    target: str = ""
    verdict: str = ""


def _verdict(ok: bool | None) -> str:
    return "" if ok is None else ("meets" if ok else "BELOW TARGET")


def _run_extractor(fn, issues) -> list:
    """One extractor over issues read before, each as a fresh issue would be: what another
    extractor's run left on the issue for it (`Issue.derived`) is dropped first, so each
    extractor's figure is its own cost."""
    out = []
    for issue in issues:
        issue.derived.clear()
        out.append(list(fn(issue)))
    return out


def _best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


# --- synthetic issues --------------------------------------------------------------------



def _people(found: dict) -> set[str]:
    names: set[str] = set()
    for r in found.get("appointments", []):
        names.add(r.person)
    for r in found.get("person_posts", []):
        names.add(r.person)
    for r in found.get("responsibilities", []):
        names.add(r.person)
    for r in found.get("events", []):
        names.update(r.attendees)
    return {n for n in names if 2 <= len(n) <= 4}


def synthetic_issues(count: int) -> Iterator[tuple[str, str]]:
    """(name, text) of `count` synthetic issues, one at a time.

    Issue k is bundled issue k mod 4 with every person it names renamed (surname kept, given
    name drawn from k and the name) and its running heads renumbered, so each is a distinct
    issue with distinct people yet reads exactly like a real one.
    """
    given_chars = given_name_chars()
    bases = []
    for path in bundled_issue_files():
        text = read_text(path)
        issue = normalize(text, str(path))
        # Longest first, then by name: a set's order changes with the hash seed, and renaming
        # one name can touch another's occurrences, so the order must not (the synthetic
        # corpus differed by ~70 quads in 480k from one process to the next).
        people = sorted(_people(extract_all(issue)), key=lambda n: (-len(n), n))
        bases.append((path.stem, text, people))
    for k in range(count):
        stem, text, people = bases[k % len(bases)]
        for name in people:
            h = hashlib.sha1(f"{k}:{name}".encode()).digest()
            given = "".join(given_chars[b % len(given_chars)] for b in h[: len(name) - 1])
            text = text.replace(name, name[0] + given)
        year, number = 2100 + k // 12, k % 12 + 1
        lines = []
        for line in text.split("\n"):
            stripped = line.strip()
            if RUNNING_HEAD_ISSUE.match(stripped):
                line = running_head(year, number)
            elif RUNNING_HEAD_NAME.match(stripped):
                line = renumber_total(line, 10000 + k)
            lines.append(line)
        text = "\n".join(lines)
        if not any(RUNNING_HEAD_ISSUE.match(x.strip()) for x in lines):
            text = running_head(year, number) + "\n" + text
        yield f"synthetic-{k:05d}-{stem}", text


# --- the figures ---------------------------------------------------------------------------


def extraction_rows(repeat: int) -> list[Row]:
    texts = [read_text(p) for p in bundled_issue_files()]
    chars = sum(len(t) for t in texts)
    issues = [normalize(t) for t in texts]
    for issue in issues:      # warm up: lexicons read, spaCy pipeline built
        extract_all(issue)
    rows = []
    layout_s = _best_of(lambda: [normalize(t) for t in texts], repeat)
    rows.append(Row("  normalization (layout)", f"{chars / layout_s:,.0f} chars/s"))
    for name, fn in EXTRACTORS.items():
        s = _best_of(partial(_run_extractor, fn, issues), repeat)
        rows.append(Row(f"  extractor {name}", f"{chars / s:,.0f} chars/s"))
    total = _best_of(lambda: [extract_all(normalize(t)) for t in texts], repeat)
    rate = chars / total
    rows.insert(0, Row("extraction end to end, one core", f"{rate:,.0f} chars/s",
                       f">= {TARGET_EXTRACT:,} chars/s", _verdict(rate >= TARGET_EXTRACT)))
    import spacy

    nlp = spacy.blank("zh")
    spacy_s = _best_of(lambda: [nlp.tokenizer(t) for t in texts], repeat)
    rows.append(Row("  reference: spaCy blank-zh tokenizer alone", f"{chars / spacy_s:,.0f} chars/s"))
    rows.append(Row("  corpus", f"{len(texts)} issues, {chars:,} chars"))
    return rows


def mapping_and_loading_rows(repeat: int, factor: int = 10) -> list[Row]:
    """Mapping on the bundled issues; loading on `factor` x the corpus (synthetic issues), the
    size of one build batch, written exactly as `govkg build` writes it."""
    import pyoxigraph as ox

    from .build import NewIssueWriter, map_issue
    from .mapping import issue_nquads
    from .store import GraphStore

    issues = [normalize(read_text(p), str(p)) for p in bundled_issue_files()]
    found = [extract_all(i) for i in issues]
    triples = sum(issue_nquads(i, f).triples for i, f in zip(issues, found))
    # What a build runs: records to the N-Quads bytes it bulk-loads.
    map_s = _best_of(lambda: [issue_nquads(i, f) for i, f in zip(issues, found)], repeat)

    with tempfile.TemporaryDirectory() as d:
        mapped = []
        for name, text in synthetic_issues(4 * factor):
            path = Path(d) / f"{name}.txt"
            path.write_text(text, "utf-8")
            mapped.append(map_issue(path))
    corpus = sum(m.triples for m in mapped)
    batches = 0

    def timed_writes(write: Callable[[GraphStore], None]) -> float:
        # Only the writes are timed: opening and closing a RocksDB database costs a fixed
        # few hundred milliseconds that says nothing about the loading rate.
        with tempfile.TemporaryDirectory() as d, GraphStore(Path(d) / "s") as store:
            t = time.perf_counter()
            write(store)
            store.flush()
            return time.perf_counter() - t

    def bulk(store: GraphStore) -> None:
        nonlocal batches
        writer = NewIssueWriter(store)        # as build writes new issues
        for m in mapped:
            writer.add(m.graph, m.nquads, m.triples)
        writer.flush()
        batches = writer.batches

    def transactions(store: GraphStore) -> None:
        for m in mapped:
            store.replace_issue(m.graph, ox.parse(m.nquads, format=ox.RdfFormat.N_QUADS))

    load_s = min(timed_writes(bulk) for _ in range(repeat))
    tx_s = min(timed_writes(transactions) for _ in range(repeat))
    return [
        Row("mapping records to RDF (N-Quads, as a build writes them)", f"{triples / map_s:,.0f} triples/s"),
        Row(f"loading new issues (journaled bulk load; {len(mapped)} synthetic issues, {corpus:,} triples, "
            f"{batches} batch(es))", f"{corpus / load_s:,.0f} triples/s",
            f">= {TARGET_LOAD:,} triples/s", _verdict(corpus / load_s >= TARGET_LOAD)),
        Row("  re-ingesting issues already held (one transaction per issue)", f"{corpus / tx_s:,.0f} triples/s"),
    ]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    p50 = statistics.median(samples)
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return p50 * 1000, p95 * 1000


def _query_samples(run: Callable[[str, dict], object], repeat: int, warm_up: bool = True,
                   lookups: bool | None = None) -> dict[str, list[float]]:
    """Latencies of the stored queries, by name, each run `repeat` times with its example
    parameters. lookups=True: only those with a parameter (a question about one person, body,
    date); False: only whole-graph reports (no parameter: their output grows with the graph)."""
    from .queries import stored_queries

    samples: dict[str, list[float]] = {}
    for name, q in sorted(stored_queries().items()):
        if lookups is not None and bool(q.params) != lookups:
            continue
        params = {p.name: p.example for p in q.params}
        if warm_up:
            run(q.sparql, params)
        for _ in range(repeat):
            t = time.perf_counter()
            run(q.sparql, params)
            samples.setdefault(name, []).append(time.perf_counter() - t)
    return samples


def _pooled(samples: dict[str, list[float]]) -> list[float]:
    return [x for xs in samples.values() for x in xs]


def query_rows(store_dir: Path, repeat: int) -> list[Row]:
    import rdflib

    from .store import GraphStore

    with GraphStore.open_read_only(store_dir) as store:
        nquads = store.export("nquads")
        triples = len(store)
        ox_samples = _query_samples(lambda q, p: store.query(q, p), repeat)
    # Our stored queries read the union of the issues' named graphs, as Oxigraph's default
    # graph does when queried through the store; rdflib does that with default_union.
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=nquads, format="nquads")

    def rdflib_run(q, params):
        return list(dataset.query(q, initBindings={k: rdflib.Literal(v) for k, v in params.items()}))

    # rdflib takes seconds on the join-heavy queries: fewer runs, no warm-up.
    rl_samples = _query_samples(rdflib_run, 2, warm_up=False)
    o50, o95 = _percentiles(_pooled(ox_samples))
    r50, r95 = _percentiles(_pooled(rl_samples))
    return [
        Row(f"stored queries, embedded Oxigraph ({triples:,} triples)", f"p50 {o50:.2f} ms, p95 {o95:.2f} ms"),
        Row("stored queries, rdflib in-memory (same graph)", f"p50 {r50:.2f} ms, p95 {r95:.2f} ms"),
        Row("  rdflib / Oxigraph (p50)", f"{r50 / o50:.1f}x"),
    ]


#: Kinds of node that are one thing across a city's issues (persons, bodies, posts, tenures,
#: areas, places); every other node (issue, act, source, document, division, event, ...)
#: belongs to one issue.
CITY_SCOPED = ("person", "org", "post", "tenure", "area", "place")
YEARLY = re.compile(r"^(\d{4})(-\d\d(?:-\d\d)?)?$")


def synthetic_store(store_dir: Path, target_triples: int, issues_per_city: int = 48) -> int:
    """A store of about `target_triples` shaped like a national corpus (synthetic: only for
    measuring queries at scale): cities, each with `issues_per_city` issues, made from the
    bundled graph quad by quad (issue j of a city is bundled issue j mod 4, its dates moved
    j // 4 years on).

    Within a city, persons, bodies, posts, tenures, areas and places are shared by all its
    issues, as in a real gazette, so a lookup through a body meets every issue that names
    it; everything else (issues, acts, sources, documents, divisions, events) is the issue's
    own. Across cities nothing is shared. City 0's first four issues are the bundled ones
    unchanged, so the stored queries' example parameters find what they find on the bundled
    store. Loaded the way `govkg build` loads: journaled bulk loads of ~200k triples.
    """
    import pyoxigraph as ox

    from .build import NewIssueWriter
    from .ids import ENTITIES_GRAPH
    from .mapping import issue_quads
    from .store import GraphStore
    from .vocab import GKG, ID_BASE

    issues = [normalize(read_text(p), str(p)) for p in bundled_issue_files()]
    per_issue = [issue_quads(i, extract_all(i)) for i in issues]
    xsd = "http://www.w3.org/2001/XMLSchema#"
    dated = {xsd + "date", xsd + "gYearMonth", xsd + "gYear"}
    string = xsd + "string"

    def scope(iri: str) -> str | None:
        if not iri.startswith(ID_BASE):
            return None
        kind = iri[len(ID_BASE):].split("/", 1)[0]
        return "city" if kind in CITY_SCOPED else "issue"

    def copy(quads, city: int, j: int) -> bytes:
        years = j // len(per_issue)
        city_tag, issue_tag = f"~{city}" if city else "", f"~{city}.{j}" if city or years else ""

        def iri(term):
            if isinstance(term, ox.NamedNode) and (where := scope(term.value)):
                return ox.NamedNode(term.value + (city_tag if where == "city" else issue_tag))
            return term

        def literal(term, subject_scope, predicate):
            if not isinstance(term, ox.Literal):
                return term
            dt = term.datatype.value
            if dt in dated or (dt == string and YEARLY.match(term.value)):
                m = YEARLY.match(term.value)
                if m and years:
                    return ox.Literal(f"{int(m[1]) + years}{m[2] or ''}", datatype=term.datatype)
                return term
            if dt == string:
                tag = city_tag if subject_scope == "city" or predicate == GKG.city else issue_tag
                return ox.Literal(term.value + tag) if tag else term
            return term

        out = []
        for q in quads:
            where = scope(q.subject.value) if isinstance(q.subject, ox.NamedNode) else None
            # The shared entities graph stays the one shared graph (its IRIs carry the city).
            graph = q.graph_name if q.graph_name == ENTITIES_GRAPH else iri(q.graph_name)
            out.append(ox.Quad(iri(q.subject), q.predicate, literal(iri(q.object), where, q.predicate), graph))
        return ox.serialize(out, format=ox.RdfFormat.N_QUADS) or b""

    with GraphStore(store_dir) as store:
        writer = NewIssueWriter(store)        # as build writes new issues
        k, cities = 0, None
        while cities is None or k < cities * issues_per_city:
            city, j = divmod(k, issues_per_city)
            if cities is None and city == 1:
                # A city's issues share its entities, so the store grows by less than the sum
                # of its issues: size the corpus by what the first city came to.
                writer.flush()
                cities = max(1, -(-target_triples // len(store)))
                if cities == 1:
                    break
            quads = per_issue[j % len(per_issue)]
            graph = next(q.graph_name for q in quads if isinstance(q.graph_name, ox.NamedNode) and q.graph_name != ENTITIES_GRAPH)
            name = f"{graph.value}~{city}.{j}" if city or j >= len(per_issue) else graph.value
            writer.add(name, copy(quads, city, j), len(quads))
            k += 1
        writer.flush()
        store.refresh_derived()
        return len(store)


#: Rows in the first page of a whole-graph report (`govkg query NAME --limit N`).
FIRST_PAGE_ROWS = 100
TARGET_FIRST_PAGE_S = 1.0       # first page of every whole-graph report, at 10 million triples


def stored_query_figures(store, repeat: int) -> dict[str, dict]:
    """For each stored query on an open store: the latencies of its whole answer (lookups:
    queries with a parameter, `repeat` runs after a warm-up; whole-graph reports are not run
    whole here: at 10M triples some take minutes, which is why they are paged) and of its
    first page (`FIRST_PAGE_ROWS` rows, `queries.paged`), with the rows each returned."""
    from .queries import PAGE_LINE, paged, stored_queries

    out: dict[str, dict] = {}
    for name, q in stored_queries().items():
        params = {p.name: p.example for p in q.params}
        # A lookup whose answer grows with the graph (a month's acts across every government)
        # is paged as a report is, and judged by its first page.
        figures: dict = {"lookup": bool(q.params), "grows": bool(q.params) and bool(PAGE_LINE.search(q.sparql))}
        runs = [("whole", q.sparql)] if q.params else []
        runs.append(("page", paged(q.sparql, FIRST_PAGE_ROWS)))
        for kind, text in runs:
            rows = len(store.query(text, params).rows)     # warm-up, and the answer's size
            samples = []
            for _ in range(repeat):
                t = time.perf_counter()
                store.query(text, params)
                samples.append(time.perf_counter() - t)
            figures[kind] = {"p50_ms": statistics.median(samples) * 1000, "rows": rows}
        out[name] = figures
    return out


def stored_query_rows(figures: dict[str, dict], triples: int) -> list[Row]:
    """One row per stored query: lookups by the p50 of their whole answer (target <
    TARGET_QUERY_P50_MS), reports by the p50 of their first page (target < TARGET_FIRST_PAGE_S);
    verdicts only at 10 million triples or more, where the targets are set."""
    at_scale = triples >= 10_000_000
    rows = []
    for name, f in sorted(figures.items(), key=lambda kv: (not kv[1]["lookup"], kv[0])):
        page = f["page"]
        if f["lookup"] and f.get("grows"):
            whole = f["whole"]
            rows.append(Row(f"    lookup {name}, paged: first page of {FIRST_PAGE_ROWS} (whole answer "
                            f"{whole['rows']:,} rows, p50 {whole['p50_ms']:.1f} ms)",
                            f"p50 {page['p50_ms']:.1f} ms", f"p50 < {TARGET_QUERY_P50_MS:.0f} ms",
                            _verdict(page["p50_ms"] < TARGET_QUERY_P50_MS if at_scale else None)))
        elif f["lookup"]:
            whole = f["whole"]
            rows.append(Row(f"    lookup {name} ({whole['rows']:,} rows; first page of {FIRST_PAGE_ROWS}: "
                            f"{page['p50_ms']:.1f} ms)",
                            f"p50 {whole['p50_ms']:.1f} ms", f"p50 < {TARGET_QUERY_P50_MS:.0f} ms",
                            _verdict(whole["p50_ms"] < TARGET_QUERY_P50_MS if at_scale else None)))
        else:
            rows.append(Row(f"    report {name}: first page ({page['rows']:,} rows)",
                            f"p50 {page['p50_ms']:.1f} ms", f"< {TARGET_FIRST_PAGE_S * 1000:.0f} ms",
                            _verdict(page["p50_ms"] < TARGET_FIRST_PAGE_S * 1000 if at_scale else None)))
    return rows


def query_at_scale_rows(triples: int, repeat: int, store_dir: Path | None = None) -> list[Row]:
    """Each stored query on a synthetic store of about `triples` triples (built here, or an
    existing one at `store_dir`, e.g. one kept under /tmp while iterating)."""
    from .store import GraphStore

    with tempfile.TemporaryDirectory() as d:
        made = None
        if store_dir is None:
            store_dir = Path(d) / "s"
            t = time.perf_counter()
            synthetic_store(store_dir, triples)
            made = time.perf_counter() - t
        with GraphStore.open_read_only(store_dir) as store:
            n = len(store)
            figures = stored_query_figures(store, repeat)
    lookups = [f["page" if f["grows"] else "whole"]["p50_ms"] for f in figures.values() if f["lookup"]]
    pages = [f["page"]["p50_ms"] for f in figures.values() if not f["lookup"]]
    at_scale = n >= 10_000_000
    loaded = f", loaded in {made:.0f} s" if made is not None else ""
    return [
        Row(f"stored queries at {n:,} triples (synthetic{loaded}): slowest lookup p50",
            f"{max(lookups):.1f} ms", f"p50 < {TARGET_QUERY_P50_MS:.0f} ms at 10,000,000",
            _verdict(max(lookups) < TARGET_QUERY_P50_MS if at_scale else None)),
        Row(f"  slowest first page of a whole-graph report ({FIRST_PAGE_ROWS} rows)",
            f"{max(pages):.1f} ms", f"< {TARGET_FIRST_PAGE_S * 1000:.0f} ms at 10,000,000",
            _verdict(max(pages) < TARGET_FIRST_PAGE_S * 1000 if at_scale else None)),
        *stored_query_rows(figures, n),
    ]


def _hwm_mb(pid: int | str) -> float | None:
    """VmHWM (peak resident memory) of a process in MB, read from /proc/PID/status ("self":
    this one); None where /proc has no such process (it is gone, or this is not Linux)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def peak_memory_mb() -> float:
    """This process's own peak resident memory in MB: VmHWM from /proc/self/status (Linux).
    Why not ru_maxrss: a forked child starts with its parent's peak, so a child forked from a
    big parent reports the parent's figure; VmHWM is reset by exec, so a child started with
    `python -m …` reports only its own. ru_maxrss is the fallback where /proc is absent."""
    own = _hwm_mb("self")
    if own is not None:
        return own
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """User + system CPU of this process so far, all its threads (the bulk loader's too)."""
    import resource

    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def build_cpu_child(count: int, out_dir: str) -> dict:
    """Build `count` synthetic issues into `out_dir`/store as `govkg build FILES…` does and
    measure the build's own CPU (user + sys of this process, all threads, around `build`
    only: writing the synthetic files is not counted), then the CPU of extraction alone
    (load + normalize + extract every file, no mapping, no store) on the same files, and
    export the store as N-Quads to `out_dir`/store.nq for the anchor. Runs in its own process
    (`--build-cpu-child`), so nothing else is counted and its peak memory is its own."""
    from govkg.extractors.layout import load_issue

    from .store import GraphStore

    d = Path(out_dir)
    files, chars = [], 0
    for name, text in synthetic_issues(count):
        path = d / f"{name}.txt"
        path.write_text(text, "utf-8")
        files.append(path)
        chars += len(text)
    cpu, t = _cpu_seconds(), time.perf_counter()
    summary = build(files, d / "store")
    build_cpu, build_wall = _cpu_seconds() - cpu, time.perf_counter() - t
    peak = peak_memory_mb()
    cpu = _cpu_seconds()
    for path in files:
        extract_all(load_issue(path))
    extract_cpu = _cpu_seconds() - cpu
    with GraphStore.open_read_only(d / "store") as store:
        (d / "store.nq").write_bytes(store.export("nquads"))
        quads = len(store)
    return {"issues": count, "chars": chars, "triples": summary.triples, "quads": quads,
            "build_cpu": build_cpu, "build_wall": build_wall, "extract_cpu": extract_cpu, "peak_mb": peak}


def _child_cpu(argv: list[str]) -> tuple[float, float]:
    """Run a command to its end; (user + sys CPU of that process alone, wall seconds)."""
    t = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode:
        raise RuntimeError(f"{argv[0]} failed ({proc.returncode}): {err.strip()[-500:]}")
    return usage.ru_utime + usage.ru_stime, wall


def oxigraph_cli() -> str | None:
    """The `oxigraph` command (PyPI package `oxigraph`): beside this interpreter, else on PATH."""
    import shutil

    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


#: A build may take at most this many times the CPU of `oxigraph load` of the same quads.
TARGET_BUILD_CPU_RATIO = 2.0
#: Builds measured for that figure (each in a fresh child and store; the least CPU counts).
BUILD_RUNS = 2


def build_cpu_rows(count: int = 40) -> list[Row]:
    """Build CPU beside its anchor, measured in the same run: `govkg build` of `count`
    synthetic issues in a child process, and the anchor, `oxigraph load` (the Oxigraph CLI's
    bulk loader) of the same store exported as N-Quads, in a child process of its own; each
    child's CPU is user + sys of that child alone. Where the CLI is missing, the anchor is
    pyoxigraph's `Store.bulk_load` of the same file in a child (said in the row).

    Each side is its best of several runs (the build of two, each into a fresh store; the
    load, which is shorter, of three): on a shared machine noise only ever adds CPU, so the
    least is the measure of either, and both are measured alike."""
    with tempfile.TemporaryDirectory() as d:
        builds = []
        for k in range(BUILD_RUNS):
            build_dir = Path(d) / f"build{k}"
            build_dir.mkdir()
            out = subprocess.run([sys.executable, "-m", "govkg.graph.bench", "--build-cpu-child", str(count), str(build_dir)],
                                 check=True, capture_output=True, text=True)
            builds.append((json.loads(out.stdout.strip().splitlines()[-1]), build_dir))
        r, built = min(builds, key=lambda b: b[0]["build_cpu"])
        nq = str(built / "store.nq")
        cli = oxigraph_cli()
        loads = []
        for k in range(3):
            where = str(Path(d) / f"anchor{k}")
            if cli:
                loads.append(_child_cpu([cli, "load", "--location", where, "--file", nq]))
            else:
                loads.append(_child_cpu([sys.executable, "-c", "import sys, pyoxigraph as ox; "
                                         "ox.Store(sys.argv[1]).bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS)",
                                         where, nq]))
    anchor = "oxigraph load (CLI)" if cli else "pyoxigraph Store.bulk_load"
    load_cpu, load_wall = min(loads)
    ratio = r["build_cpu"] / load_cpu
    rest = r["build_cpu"] - r["extract_cpu"]
    return [
        Row(f"build CPU: govkg build of {r['issues']} synthetic issues ({r['chars']:,} chars, {r['quads']:,} quads held), "
            f"child, best of {BUILD_RUNS}",
            f"{r['build_cpu']:.2f} s CPU ({r['build_wall']:.2f} s wall), peak {r['peak_mb']:.0f} MB"),
        Row(f"  anchor: {anchor} of the same quads exported as N-Quads, child, best of {len(loads)}",
            f"{load_cpu:.2f} s CPU ({load_wall:.2f} s wall)"),
        Row("  build CPU / anchor CPU", f"{ratio:.2f}x", f"<= {TARGET_BUILD_CPU_RATIO:g}x",
            _verdict(ratio <= TARGET_BUILD_CPU_RATIO)),
        Row("    of the build: extraction (read, normalize, extract)",
            f"{r['extract_cpu']:.2f} s CPU ({r['extract_cpu'] / r['build_cpu']:.0%}), {r['extract_cpu'] / load_cpu:.2f}x the anchor"),
        Row("    of the build: the rest (map, serialize, load, derive)",
            f"{rest:.2f} s CPU ({rest / r['build_cpu']:.0%}), {rest / load_cpu:.2f}x the anchor"),
    ]


def scale_child(count: int) -> dict:
    """Build `count` synthetic issues into a fresh store exactly as `govkg build FILES…` does
    (check every file, then stream them through); run in its own process so its peak memory
    is its own (read by the child itself: `peak_memory_mb`). Only the build is timed, not
    writing the synthetic files."""
    with tempfile.TemporaryDirectory() as d:
        files, chars = [], 0
        for name, text in synthetic_issues(count):
            path = Path(d) / f"{name}.txt"
            path.write_text(text, "utf-8")
            files.append(path)
            chars += len(text)
        summary = build(files, Path(d) / "store")
    return {"issues": count, "chars": chars, "triples": summary.triples, "seconds": summary.seconds,
            "peak_mb": peak_memory_mb()}


def scaling_rows(factors: list[int]) -> list[Row]:
    rows = []
    base_rate = None
    for f in factors:
        out = subprocess.run(
            [sys.executable, "-m", "govkg.graph.bench", "--scale-child", str(4 * f)],
            check=True, capture_output=True, text=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        rate = r["chars"] / r["seconds"]
        base_rate = base_rate or rate
        rows.append(Row(
            f"scaling {f}x (synthetic: {r['issues']} issues, {r['chars']:,} chars, {r['triples']:,} triples)",
            f"{r['seconds']:.1f} s, {rate:,.0f} chars/s ({rate / base_rate:.2f} of 1x), peak {r['peak_mb']:.0f} MB",
            "linear time, flat memory",
        ))
    return rows


def workers_rows(factor: int, workers: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as d:
        files = []
        for name, text in synthetic_issues(4 * factor):
            p = Path(d) / f"{name}.txt"
            p.write_text(text, "utf-8")
            files.append(p)
        times = {}
        for w in (1, workers):
            store = Path(d) / f"store{w}"
            t = time.perf_counter()
            build(files, store, workers=w)
            times[w] = time.perf_counter() - t
    return [Row(f"build --workers {workers} vs 1 ({len(files)} synthetic issues, {os.cpu_count()} cores)",
                f"{times[1]:.1f} s -> {times[workers]:.1f} s, speed-up {times[1] / times[workers]:.2f}x")]


def _wall(argv: list[str], repeat: int) -> float:
    """Best wall time of a whole process (start-up included), in seconds."""
    best = float("inf")
    for _ in range(max(repeat, 3)):
        t = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - t)
    return best


def startup_rows(repeat: int) -> list[Row]:
    """Start-up of the commands users feel, beside the interpreter's own (`python -c pass`)."""
    py = sys.executable
    anchor = _wall([py, "-c", "pass"], repeat)
    rows = [Row("start-up: python -c pass (anchor)", f"{anchor:.3f} s")]
    for args in (["--help"], ["query", "--list"], ["career", "--help"], ["export", "--help"], ["serve", "--help"]):
        s = _wall([py, "-m", "govkg.cli", *args], repeat)
        rows.append(Row(f"start-up: govkg {' '.join(args)}", f"{s:.3f} s ({s / anchor:.1f}x the anchor)",
                        f"<= {TARGET_STARTUP_S} s", _verdict(s <= TARGET_STARTUP_S)))
    return rows


def conversion_rows(repeat: int) -> list[Row]:
    """PDF to text (pages/s) on the bundled PDF fixture, when the repository's tests are here."""
    from govkg.extractors.sources import read_source

    pdfs = sorted((Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "inputs").glob("*.pdf"))
    if not pdfs:
        return []
    import pypdfium2

    pages = sum(len(pypdfium2.PdfDocument(str(p))) for p in pdfs)
    s = _best_of(lambda: [read_source(p) for p in pdfs], repeat)
    return [Row("PDF conversion (pypdfium2, reading order, mojibake repair)", f"{pages / s:,.0f} pages/s ({pages} pages)")]


#: The groups `govkg bench --only NAME` runs alone.
GROUPS = ("endpoint", "inputs", "build", "queries")


def run(repeat: int = 3, scales: list[int] | None = None, query_triples: int = 10_000_000,
        workers: int = 2, emit: Callable[[Row], None] | None = None, build_issues: int = 100,
        query_store: Path | None = None, quick: bool = False, only: str | None = None) -> list[Row]:
    """Every group of figures in turn (`only`: one group alone, a key of `GROUPS`)."""
    emit = emit or (lambda row: None)
    rows: list[Row] = []

    def add(new: list[Row]):
        for r in new:
            rows.append(r)
            emit(r)

    if only:
        groups = {
            "endpoint": lambda: endpoint_rows(quick),
            "inputs": input_memory_rows,
            "build": lambda: build_cpu_rows(build_issues or 100),
            "queries": lambda: query_at_scale_rows(query_triples or 10_000_000, repeat, query_store),
        }
        add(groups[only]())
        return rows

    add(startup_rows(repeat))
    add(extraction_rows(repeat))
    add(conversion_rows(repeat))
    add(mapping_and_loading_rows(repeat))
    if build_issues:
        add(build_cpu_rows(build_issues))
    with tempfile.TemporaryDirectory() as d:
        build(None, Path(d) / "s")
        add(query_rows(Path(d) / "s", repeat * 5))
    if query_triples:
        add(query_at_scale_rows(query_triples, repeat, query_store))
    if scales:
        add(scaling_rows(scales))
    if workers > 1:
        add(workers_rows(5, workers))
    add(input_memory_rows())
    add(endpoint_rows(quick))
    return rows


# --- memory for the largest accepted input ----------------------------------------------------

TARGET_INPUT_PEAK_MB = 1024     # peak memory of one command on the largest input it accepts


def _peak_of(argv: list[str]) -> tuple[float, float, int]:
    """(peak resident MB, seconds, exit status) of one fresh process: its own high-water mark,
    VmHWM read from /proc while it runs (exec resets it). Not wait4's ru_maxrss: Linux keeps
    in it the RSS the child had before exec, a copy of this (large, late in a bench run)
    process's, so every command read the parent's 1.2 GB. VmHWM only grows: its last reading
    before the exit is the peak."""
    t = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0.0
    while proc.poll() is None:
        got = _hwm_mb(proc.pid)
        if got is not None:
            peak = max(peak, got)
        time.sleep(0.02)
    return peak, time.perf_counter() - t, proc.returncode


def largest_input(path: Path) -> tuple[int, int]:
    """Write the largest text file one command accepts: the bundled issues, whole, repeated
    until the next copy would pass the input caps (reading.MAX_BYTES, reading.MAX_TEXT_CHARS).
    Returns (bytes, characters)."""
    from govkg.extractors.reading import MAX_BYTES, MAX_TEXT_CHARS

    texts = [read_text(p) for p in bundled_issue_files()]
    nbytes = nchars = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        while True:
            for text in texts:
                size = len(text.encode("utf-8")) + 1
                if nbytes + size > MAX_BYTES or nchars + len(text) + 1 > MAX_TEXT_CHARS:
                    return nbytes, nchars
                out.write(text + "\n")
                nbytes, nchars = nbytes + size, nchars + len(text) + 1


def input_memory_rows() -> list[Row]:
    """Peak memory of `govkg extract` and `govkg build` on the largest input they accept (the
    bundled issues repeated up to the caps), each in a fresh process, beside the same commands
    on one bundled issue (the fixed cost: interpreter, spaCy, lexicons, the store)."""
    cli = [sys.executable, "-m", "govkg.cli"]
    one = bundled_issue_files()[0]
    rows = []
    with tempfile.TemporaryDirectory() as d:
        big = Path(d) / "largest.txt"
        nbytes, nchars = largest_input(big)
        for command in ("extract", "build"):
            store = {"one": ["--store", str(Path(d) / "store-one")], "big": ["--store", str(Path(d) / "store-big")]} \
                if command == "build" else {"one": [], "big": []}
            base_mb, _, _ = _peak_of([*cli, command, str(one), *store["one"]])
            peak_mb, seconds, status = _peak_of([*cli, command, str(big), *store["big"]])
            failed = f", EXIT STATUS {status}" if status else ""
            rows.append(Row(f"govkg {command} on the largest accepted input ({nbytes / 2**20:.1f} MB, {nchars:,} chars; "
                            f"one bundled issue: {base_mb:.0f} MB)",
                            f"peak {peak_mb:,.0f} MB, {seconds:.0f} s{failed}", f"<= {TARGET_INPUT_PEAK_MB:,} MB",
                            _verdict(peak_mb <= TARGET_INPUT_PEAK_MB and not status)))
    return rows


# --- the endpoint under load (govkg serve beside oxigraph serve-read-only) ------------------

TARGET_ENDPOINT_RATIO = 0.5     # govkg serve's requests/s over Oxigraph's server's, same store and run
TARGET_SOAK_TAIL = 3.0          # p99 / p50 under 32 clients for 30 s
ENDPOINT_CLIENTS = (1, 8, 32)
JSON_RESULTS = {"Accept": "application/sparql-results+json"}


def _lookup_query() -> tuple[str, str]:
    """The bundled-store lookup the load runs: a person's career (stored query person_acts,
    its example person), as plain SPARQL both servers accept."""
    from .queries import stored_queries
    from .server import self_contained

    q = stored_queries()["person_acts"]
    return "person_acts (a person's posts)", self_contained(q.sparql, {p.name: p.example for p in q.params})


SMALL_SELECT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 5"


class _Servers:
    """`govkg serve` (its defaults: 2 workers, the fair queue of one query per client address)
    and `oxigraph serve-read-only --union-default-graph` on one store, each in its own process,
    on free loopback ports; stopped by pid."""

    def __init__(self, store_dir: Path):
        from .push import free_port, oxigraph_binary, wait_for_http

        self.procs: list[subprocess.Popen] = []
        self.gov_port, self.ox_port = free_port(), free_port()
        try:
            self.procs.append(subprocess.Popen([sys.executable, "-m", "govkg.cli", "serve", "--store", str(store_dir),
                                                "--port", str(self.gov_port)], stderr=subprocess.DEVNULL))
            wait_for_http(f"http://127.0.0.1:{self.gov_port}/sparql", 60, self.procs[-1])
            self.procs.append(subprocess.Popen([oxigraph_binary(), "serve-read-only", "--location", str(store_dir),
                                                "--bind", f"127.0.0.1:{self.ox_port}", "--union-default-graph"],
                                               stderr=subprocess.DEVNULL))
            wait_for_http(f"http://127.0.0.1:{self.ox_port}/query?query=ASK%7B%7D", 60, self.procs[-1])
        except BaseException:
            self.close()
            raise

    def path(self, server: str, sparql: str) -> tuple[int, str]:
        from urllib.parse import quote

        if server == "govkg":
            return self.gov_port, "/sparql?query=" + quote(sparql)
        return self.ox_port, "/query?query=" + quote(sparql)

    def close(self) -> None:
        for proc in self.procs:
            proc.kill()
            proc.wait(10)


def _interleaved(servers: _Servers, sparql: str, clients: int, seconds: float, rounds: int):
    """Each server's load at `clients`, `seconds` in all, in alternating short rounds (the
    machine's other work, which comes and goes, then weighs on both alike)."""
    from .loadtest import Load, run_load

    totals = {name: Load(clients) for name in ("govkg", "oxigraph")}
    for name in totals:   # warm-up: the query parsed once, the store's pages cached
        port, path = servers.path(name, sparql)
        run_load("127.0.0.1", port, path, clients, 0.3, JSON_RESULTS)
    for _ in range(rounds):
        for name in totals:
            port, path = servers.path(name, sparql)
            totals[name] = totals[name].merged(run_load("127.0.0.1", port, path, clients, seconds / rounds, JSON_RESULTS))
    return totals["govkg"], totals["oxigraph"]


def endpoint_rows(quick: bool = False) -> list[Row]:
    """Requests/s and p50/p99 of `govkg serve` beside `oxigraph serve-read-only` on the bundled
    store, at 1, 8 and 32 concurrent clients, same run; then a soak: 32 clients for 30 s
    (`quick`: 10 s) on the lookup, with its errors and p99/p50."""
    from .loadtest import run_load

    seconds, rounds, soak_s = (2.0, 2, 10.0) if quick else (6.0, 5, 30.0)
    label, lookup = _lookup_query()
    rows = []
    with tempfile.TemporaryDirectory() as d:
        build(None, Path(d) / "s")
        servers = _Servers(Path(d) / "s")
        try:
            port, path = servers.path("oxigraph", "ASK {}")
            ceiling = run_load("127.0.0.1", port, path, 32, seconds / rounds, JSON_RESULTS)
            rows.append(Row("endpoint load client's ceiling (ASK {} on oxigraph serve-read-only, 32 clients)",
                            f"{ceiling.rate:,.0f} req/s"))
            # The small SELECT has no target: its answer takes Oxigraph ~0.1 ms, so the ratio
            # shows the fixed cost of a request here (HTTP in Python, a hop to a killable
            # worker process and back), not the query engine's speed.
            for what, sparql, judged in ((label, lookup, True), (f"small SELECT, fixed cost per request ({SMALL_SELECT})", SMALL_SELECT, False)):
                rows.append(Row(f"endpoint: {what}; govkg serve vs oxigraph serve-read-only, same store", ""))
                for clients in ENDPOINT_CLIENTS:
                    gov, ox = _interleaved(servers, sparql, clients, seconds, rounds)
                    ratio = gov.rate / ox.rate if ox.rate else float("nan")
                    errors = f", ERRORS {gov.errors} ({gov.first_error})" if gov.errors else ""
                    rows.append(Row(
                        f"  {clients:>2} client{'s' if clients > 1 else ' '}: govkg {gov.rate:,.0f} req/s (p50 {gov.p50:.1f} ms, "
                        f"p99 {gov.p99:.1f} ms); oxigraph {ox.rate:,.0f} (p50 {ox.p50:.1f}, p99 {ox.p99:.1f}){errors}",
                        f"{ratio:.2f}x", f">= {TARGET_ENDPOINT_RATIO}x" if judged else "",
                        _verdict(ratio >= TARGET_ENDPOINT_RATIO and not gov.errors) if judged else ""))
            port, path = servers.path("govkg", lookup)
            soak = run_load("127.0.0.1", port, path, 32, soak_s, JSON_RESULTS)
            tail = soak.p99 / soak.p50
            rows.append(Row(f"endpoint soak: 32 clients for {soak_s:.0f} s on {label}: {soak.answers:,} answers, "
                            f"{soak.rate:,.0f} req/s, p50 {soak.p50:.1f} ms, p99 {soak.p99:.1f} ms",
                            f"{soak.errors} errors, p99/p50 {tail:.1f}", f"0 errors, p99/p50 <= {TARGET_SOAK_TAIL:g}",
                            _verdict(soak.errors == 0 and tail <= TARGET_SOAK_TAIL)))
        finally:
            servers.close()
    return rows


def format_row(row: Row, width: int = 78) -> str:
    line = f"{row.figure:<{width}} {row.value}"
    if row.target:
        line += f"   [target {row.target}]"
    if row.verdict:
        line += f" {row.verdict}"
    return line


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--build-cpu-child":
        print(json.dumps(build_cpu_child(int(sys.argv[2]), sys.argv[3])))
    elif len(sys.argv) == 3 and sys.argv[1] == "--scale-child":
        print(json.dumps(scale_child(int(sys.argv[2]))))
    else:
        for _r in run(emit=lambda r: print(format_row(r), flush=True)):
            pass
