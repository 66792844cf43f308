"""Commands `serve` (a read-only SPARQL 1.1 endpoint over the store) and `push` (copy the
store's issue graphs into another SPARQL server).

In: `--store DIR` (default `$GOVKG_STORE`, else `./.govkg/store`) and, for push, the target
server's URLs and credentials. Out: serve runs until Ctrl-C; push prints one summary line and
exits 1 if the server refused a request or its triple counts differ from the store's.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from govkg.extractors.reading import InputError
from govkg.graph.store import STORE_ENV, default_store_dir, is_store

STORE_HELP = f"store directory [default: ${STORE_ENV}, else ./.govkg/store]"


def _store(store_dir: Path | None) -> Path:
    path = store_dir or default_store_dir()
    if not is_store(path):
        raise InputError(path, "no govkg store here; run `govkg build` first (or pass --store DIR)")
    return path


@click.command()
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None, help=STORE_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on (0.0.0.0 exposes it to the network)")
@click.option("--port", type=click.IntRange(0, 65535), default=7879, show_default=True, help="TCP port (0: any free port)")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="seconds a query may run; past it the query is stopped and the answer is HTTP 503")
@click.option("--max-results", type=click.IntRange(min=1), default=10000, show_default=True,
              help="rows (or triples) a result may hold; past it the answer is HTTP 422")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True, help="queries run at once, each in its own process")
@click.option("--max-memory", "max_memory_mb", type=click.IntRange(min=0), default=2048, show_default=True,
              help="MB of memory one query may use (its worker's heap); past it the query is stopped "
                   "and the answer is HTTP 503 (0: no limit)")
@click.option("--per-client", type=click.IntRange(min=0), default=None,
              help="queries one client address may have running at once; more get HTTP 429 [default: workers - 1, at least 1; 0: no limit]")
@click.option("--allow-service", "allow_service", multiple=True, metavar="IRI",
              help="let queries call this SPARQL endpoint with SERVICE <IRI> (repeatable); every other SERVICE is refused with 400")
@click.option("-v", "--verbose", is_flag=True, help="log every request on stderr")
def serve(store_dir: Path | None, host: str, port: int, timeout: float, max_results: int, workers: int, max_memory_mb: int,
          per_client: int | None, allow_service: tuple[str, ...], verbose: bool):
    """Serve the store as a read-only SPARQL 1.1 endpoint at /sparql, with a query page at /.

    GET or POST (form `query=` or an application/sparql-query body). Results as SPARQL JSON,
    XML, CSV or TSV, and Turtle, N-Triples, JSON-LD or RDF/XML for CONSTRUCT/DESCRIBE, by the
    Accept header. SPARQL Update is refused with HTTP 403. The default graph is the union of
    all issue graphs. Queries cannot reach other servers: SERVICE is refused with HTTP 400
    unless its endpoint is named by --allow-service.

    \b
    Example:
      govkg serve --store ./kg --port 7879 --timeout 10
      curl -H 'Accept: application/sparql-results+json' \\
           --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' \\
           http://127.0.0.1:7879/sparql
    """
    from govkg.graph.server import serve as run_server  # here: every govkg command need not load it

    path = _store(store_dir)
    try:
        run_server(path, host=host, port=port, timeout=timeout, max_results=max_results, workers=workers, verbose=verbose,
                   allow_service=allow_service, max_memory_mb=max_memory_mb,
                   per_client=max(1, workers - 1) if per_client is None else per_client)
    except OSError as exc:
        # A busy port, an address this host does not have, no permission for a low port.
        click.echo(f"govkg: error: cannot listen on {host}:{port}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    except RuntimeError as exc:   # a query worker could not open the store
        click.echo(f"govkg: error: {exc}", err=True)
        sys.exit(1)


@click.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="the server's SPARQL query endpoint (used to check triple counts; and for SPARQL Update without --graph-store)")
@click.option("--graph-store", metavar="URL", help="the server's Graph Store Protocol URL: each issue graph is replaced with one PUT")
@click.option("--update-endpoint", metavar="URL", help="the SPARQL Update endpoint, when it is not --endpoint (Oxigraph: /update)")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None, help=STORE_HELP)
@click.option("--user", help="user name for HTTP authentication")
@click.option("--password", help="password (or set $GOVKG_PUSH_PASSWORD, which keeps it out of the process list)")
@click.option("--auth", "scheme", type=click.Choice(["basic", "digest"]), default="basic", show_default=True,
              help="HTTP authentication scheme")
@click.option("--verify/--no-verify", default=True, show_default=True,
              help="compare each graph's triple count on the server with the store's")
@click.option("--deadline", type=click.FloatRange(min=1), default=3600, show_default=True,
              help="seconds the whole push may take; past it the push stops (run it again to finish)")
@click.option("--timeout", type=click.FloatRange(min=1), default=120, show_default=True,
              help="seconds one request may take, to its last byte")
def push(endpoint: str, graph_store: str | None, update_endpoint: str | None, store_dir: Path | None, user: str | None,
         password: str | None, scheme: str, verify: bool, deadline: float, timeout: float):
    """Load the store into a SPARQL 1.1 server, one named graph per gazette issue.

    Each issue graph is REPLACED on the server (GSP PUT, or DROP SILENT GRAPH then INSERT
    DATA), so running the push again after a failure finishes it without duplicating a triple.

    \b
    Example:
      # Oxigraph server (oxigraph serve --location db --union-default-graph)
      govkg push --endpoint http://127.0.0.1:7878/query --graph-store http://127.0.0.1:7878/store
      # Virtuoso, Graph Store Protocol with digest auth
      govkg push --endpoint http://127.0.0.1:8890/sparql \\
                 --graph-store http://127.0.0.1:8890/sparql-graph-crud-auth --user dba --auth digest
      # any server, by SPARQL Update only
      govkg push --endpoint http://host/sparql --update-endpoint http://host/update
    """
    from govkg.graph.push import PushError, Target, make_auth  # requests loads only here
    from govkg.graph.push import push as push_graphs

    path = _store(store_dir)
    password = password if password is not None else os.environ.get("GOVKG_PUSH_PASSWORD")
    target = Target(endpoint, graph_store=graph_store, update_endpoint=update_endpoint, auth=make_auth(user, password, scheme),
                    timeout=timeout)

    def progress(pushed):
        click.echo(f"  {pushed.graph}: {pushed.triples} triples, {pushed.seconds:.2f} s", err=True)

    try:
        summary = push_graphs(path, target, verify=verify, deadline_s=deadline, progress=progress)
    except PushError as exc:
        click.echo(f"govkg: error: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - network failures as one line, not a traceback
        click.echo(f"govkg: error: push to {endpoint} failed: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
    click.echo(summary.line())
    for graph, (local, remote) in summary.mismatches.items():
        click.echo(f"govkg: error: {graph}: {local} triples in the store, {remote} on the server", err=True)
    if summary.mismatches:
        sys.exit(1)
