"""How long `govkg push` takes to load the graph into real SPARQL servers (a figure to print,
not a test).

In: a store (`--store DIR`; default: the bundled issues built into a temporary store) and
`--runs N`. Out: printed seconds, per server (the Oxigraph server from PyPI `oxigraph`, and
Debian's Virtuoso 7, each started on loopback over a fresh database and stopped by pid
afterwards) and per write method (Graph Store Protocol PUT, SPARQL Update DROP + INSERT DATA):
the median of N pushes (each replaces every issue graph), plus the server's start time and a
check that its triple counts equal the store's.

Run: .venv/bin/python benchmarks/push.py [--store DIR] [--runs 3]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from govkg.graph.build import build
from govkg.graph.push import OxigraphServer, VirtuosoServer, push
from govkg.graph.store import GraphStore


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="a built store (default: build the bundled issues)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="govkg-push-bench-") as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            build(None, store)
        with GraphStore.open_read_only(store) as s:
            print(f"store: {len(s.issues())} issue graphs, {len(s)} triples")
        for server_class in (OxigraphServer, VirtuosoServer):
            started = time.perf_counter()
            with server_class(Path(tmp) / server_class.name) as server:
                print(f"{server.name}: started in {time.perf_counter() - started:.1f} s")
                for gsp in (True, False):
                    method = "GSP PUT" if gsp else "SPARQL Update"
                    times, summary = [], None
                    for _ in range(args.runs):
                        summary = push(store, server.target(gsp=gsp), verify=False)
                        times.append(summary.seconds)
                    verified = push(store, server.target(gsp=gsp), verify=True)
                    check = "counts match" if not verified.mismatches else f"{len(verified.mismatches)} graphs differ"
                    print(f"  {method:13s}: {statistics.median(times):.2f} s median of {args.runs} "
                          f"({summary.triples} triples, {summary.triples / statistics.median(times):,.0f} triples/s); {check}")


if __name__ == "__main__":
    main()
