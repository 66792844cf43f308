"""How fast the `govkg viz` page becomes usable in headless Chromium (a figure to print, not a test).

In: a store (`--store DIR`; default: the bundled issues built into a temporary store), a
`--focus NAME` (default: the person with the most ties). Out: printed timings, for the whole
graph's page (target < 2 s) and the focused page (target < 0.5 s): from navigation start to the
page being drawn and still (`govkgReadyAt`: physics off after stabilisation, or the first
drawing when physics is off), and to the first successful interaction (a search that selects
the node), each the median of `--runs` loads. Networking is cut off as in the tests.

Run: .venv/bin/python benchmarks/viz.py [--store DIR] [--focus NAME] [--runs 3]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from govkg.graph.build import build
from govkg.graph.network import find_nodes, load_network, neighbourhood
from govkg.graph.viz import write_page

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]


def measure(browser, path: Path, name: str) -> tuple[float, float]:
    """(ms to drawn-and-still, ms to the first search selecting `name`), from navigation start."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page = context.new_page()
    page.goto(path.as_uri(), wait_until="commit")
    page.wait_for_function("window.govkgReady === true", timeout=60_000, polling=10)
    ready = page.evaluate("window.govkgReadyAt")
    interactive = page.evaluate("(name) => { const id = window.govkgSearch(name);"
                                " if (id === null || network.getSelectedNodes()[0] !== id) throw new Error('search failed');"
                                " return performance.now(); }", name)
    context.close()
    return ready, interactive


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path)
    ap.add_argument("--focus")
    ap.add_argument("--hops", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        store = args.store
        if store is None:
            store = tmp / "store"
            build(None, store)
        g = load_network(store)
        person = (find_nodes(g, args.focus) if args.focus else
                  [max((n for n, d in g.nodes(data=True) if d["kind"] == "person"), key=g.degree)])[0]
        name = g.nodes[person]["label"]
        t = time.perf_counter()
        whole = write_page(g, tmp / "whole.html")
        t_whole = time.perf_counter() - t
        sub = neighbourhood(g, person, args.hops)
        t = time.perf_counter()
        focus = write_page(sub, tmp / "focus.html")
        t_focus = time.perf_counter() - t
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS, headless=True)
            for label, path, graph, target, written in (("whole graph", whole, g, 2000, t_whole),
                                                        (f"--focus {name} --hops {args.hops}", focus, sub, 500, t_focus)):
                runs = [measure(browser, path, name) for _ in range(args.runs)]
                ready = statistics.median(r[0] for r in runs)
                inter = statistics.median(r[1] for r in runs)
                print(f"{label}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, "
                      f"{path.stat().st_size / 1e6:.2f} MB page written in {written:.2f} s")
                print(f"  drawn and still: {ready:.0f} ms; first search selected: {inter:.0f} ms "
                      f"(target < {target} ms: {'ok' if inter < target else 'MISSED'})")
            browser.close()


if __name__ == "__main__":
    main()
