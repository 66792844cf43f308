"""`govkg bench`: print speed and memory figures beside their targets (see graph/bench.py)."""
from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option("--repeat", default=3, show_default=True, help="timed runs per figure (the best is kept)")
@click.option("--scales", default="1,10,100", show_default=True,
              help="corpus multiples for the scaling runs (synthetic issues); '' to skip")
@click.option("--query-triples", default=10_000_000, show_default=True,
              help="size of the synthetic store for query latency at scale; 0 to skip")
@click.option("--workers", default=2, show_default=True, help="worker processes for the speed-up figure; 1 to skip")
@click.option("--build-issues", default=100, show_default=True,
              help="synthetic issues in the build-CPU figure (vs oxigraph load of the same quads); 0 to skip")
@click.option("--query-store", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="measure the stored queries on this existing (synthetic) store instead of building one")
@click.option("--quick", is_flag=True,
              help="a fast look: 1x and 10x only, 1M-triple query store, 20-issue build, a 10 s endpoint soak")
# The groups are graph.bench.GROUPS, written out so that `govkg --help` need not import the bench.
@click.option("--only", type=click.Choice(["endpoint", "inputs", "build", "queries"]), default=None,
              help="run one group alone: endpoint (govkg serve under load beside oxigraph serve-read-only), "
                   "inputs (peak memory of the largest accepted input), build (build CPU beside oxigraph load), "
                   "queries (stored queries at --query-triples, or on --query-store)")
def bench(repeat: int, scales: str, query_triples: int, workers: int, build_issues: int, query_store: Path | None,
          quick: bool, only: str | None):
    """Measure start-up, extraction, conversion, mapping, loading, build CPU, queries, scaling,
    workers, the endpoint under load and the largest input's memory; print each figure with its
    target and the anchor measured in the same run. Takes about ten minutes with the defaults
    (the 10-million-triple store and the 100x scaling run dominate).

    \b
    Example:
      govkg bench --quick
      govkg bench --scales 1,10,100 --query-triples 10000000
      govkg bench --only endpoint
      govkg bench --only queries --query-store /tmp/store10m
    """
    from govkg.graph import bench as benchmarks  # the extractors, spaCy and the store, for this command only

    if quick:
        scales, query_triples, build_issues = "1,10", min(query_triples, 1_000_000), min(build_issues, 20)
    factors = [int(x) for x in scales.split(",") if x.strip()]
    click.echo(f"{'figure':<78} value   [target]")
    benchmarks.run(repeat=repeat, scales=factors, query_triples=query_triples, workers=workers,
                   build_issues=build_issues, query_store=query_store,
                   emit=lambda row: click.echo(benchmarks.format_row(row)), quick=quick, only=only)
