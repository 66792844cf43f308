"""Network commands: `viz` (an offline HTML page), `stats`, `path`, and `export network`.

In: the store (`--store DIR`, default `$GOVKG_STORE`, else `./.govkg/store`), names of persons
or bodies. Out: an HTML file (viz), tables or JSON on stdout (stats, path), GraphML / GEXF /
CSV files (export network).

`export network --format csv` writes a zip holding `nodes.csv` and `edges.csv` (two tables a
spreadsheet opens; one file so `-o` names one thing); without `-o` the zip goes to stdout.
"""
from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import click

from govkg.extractors.reading import InputError
from govkg.graph.tables import render

from .store import fail, open_for_reading, store_option

if TYPE_CHECKING:
    import networkx as nx

# networkx, pyvis and the layout load inside the commands that draw or walk the network, so that
# `govkg --help` and the store's commands start without them.


def _network(store_dir: Path | None) -> nx.MultiDiGraph:
    from govkg.graph.network import load_network

    with open_for_reading(store_dir) as store:
        return load_network(store)


@click.command()
@store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="the HTML file to write")
@click.option("--focus", metavar="NAME", help="draw only the neighbourhood of this person or body")
@click.option("--hops", type=click.IntRange(min=1, max=6), default=2, show_default=True, help="how far from --focus to draw")
@click.option("--title", default=None, help="the page's heading")
@click.option("--events", type=click.Choice(["auto", "fold", "show"]), default="auto", show_default=True,
              help="diary events: fold into co-attendance edges (events off until ticked), show, or fold when many")
@click.option("--pages", "page_base", metavar="URL", default=None,
              help="link each node to its page under this server (govkg serve's /id/… paths) [default: the entity's IRI]")
def viz(store_dir: Path | None, output: Path, focus: str | None, hops: int, title: str | None, events: str,
        page_base: str | None):
    """Write the network as ONE self-contained HTML page (no internet needed): node kinds in
    colours and shapes with a legend, edges labelled 任/免/分管/出席…, hover an edge for its
    date, document number and quote; click a node for its facts with their quotes and a
    link to its page; search box, kind, relation and year filters. A whole store's many
    diary events start folded into co-attendance edges (tick 事件 to see them).

    \b
    Example:
      govkg viz -o network.html
      govkg viz --focus 陈建明 --hops 2 -o chen.html
      govkg viz --pages http://127.0.0.1:7879 -o network.html   # node links to govkg serve's pages
    """
    from govkg.graph.network import find_nodes, neighbourhood
    from govkg.graph.viz import write_page

    click.echo("reading the store…", err=True)
    g = _network(store_dir)
    if focus:
        found = find_nodes(g, focus)
        if not found:
            fail(f"no node named {focus!r} in the network")
        g = neighbourhood(g, found[0], hops)
        title = title or f"{g.nodes[found[0]]['label']} · {hops} 步"
    if output.parent and not output.parent.exists():
        raise InputError(output.parent, "no such directory")
    click.echo(f"laying out {g.number_of_nodes()} nodes and {g.number_of_edges()} edges…", err=True)
    link = None
    if page_base:
        from govkg.graph.pages import served_link

        def link(iri: str) -> str:
            return page_base.rstrip("/") + served_link(iri)

    write_page(g, output, title or "govkg 政府关系网络", link=link, fold={"auto": None, "fold": True, "show": False}[events])
    click.echo(f"wrote {output} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)", err=True)


FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="output format")


@click.command()
@store_option
@FORMAT
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="how many names per ranking")
def stats(store_dir: Path | None, fmt: str, top: int):
    """The network in numbers: nodes by kind, edges by relation and year, connected
    components, and the most central people and bodies (degree = distinct ties; betweenness =
    how often one lies on the shortest chains between others).

    \b
    Example:
      govkg stats
      govkg stats --top 20 --format json > stats.json
    """
    from govkg.graph.analysis import stats as network_stats

    result = network_stats(_network(store_dir), top)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    out = [f"{result['nodes']} nodes, {result['edges']} edges, {result['components']['count']} connected components "
           f"(largest: {', '.join(map(str, result['components']['largest']))})", ""]
    for caption, key, columns in (("nodes by kind", "nodes_by_kind", ("kind", "count")),
                                  ("edges by relation", "edges_by_relation", ("relation", "count")),
                                  ("edges by year", "edges_by_year", ("year", "count"))):
        out += [caption, render(columns, [dict(zip(columns, kv)) for kv in result[key].items()], "table")]
    for key in ("people_by_degree", "people_by_betweenness", "bodies_by_degree", "bodies_by_betweenness"):
        out += [key.replace("_", " "), render(("name", "kind", "score"), result[key], "table")]
    click.echo("\n".join(out), nl=False)


PATH_COLUMNS = ("source_name", "relation", "target_name", "date", "issue", "document", "line", "quote")


@click.command()
@click.argument("name1")
@click.argument("name2")
@store_option
@FORMAT
def path(name1: str, name2: str, store_dir: Path | None, fmt: str):
    """How two officials (or bodies) are connected: the shortest chain of facts, each step with
    its relation, date and source (issue, document, line, quote). Meetings attended together
    do not count as a connection.

    \b
    Example:
      govkg path 陈建明 姚高员
      govkg path 陈建明 温州市财政局 --format json
    """
    from govkg.graph.analysis import NotFound, connection

    try:
        steps = connection(_network(store_dir), name1, name2)
    except NotFound as exc:
        fail(str(exc))
    rows = [s.row() for s in steps]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        click.echo(render(PATH_COLUMNS, rows, "table"), nl=False)


def _csv(columns, rows) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def network_bytes(g: nx.MultiDiGraph, fmt: str) -> bytes:
    """The network in an exchange format: GraphML (Cytoscape, Gephi, yEd), GEXF (Gephi), or a
    zip of nodes.csv + edges.csv (spreadsheets; `source`/`target` are node ids)."""
    import networkx as nx

    from govkg.graph.network import EDGE_COLUMNS, NODE_COLUMNS, edge_rows, flat_graph, node_rows

    if fmt == "csv":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            # A fixed timestamp keeps the same graph's zip byte-identical.
            for name, text in (("nodes.csv", _csv(NODE_COLUMNS, node_rows(g))), ("edges.csv", _csv(EDGE_COLUMNS, edge_rows(g)))):
                z.writestr(zipfile.ZipInfo(name, (2000, 1, 1, 0, 0, 0)), "\ufeff" + text)   # BOM: Excel reads UTF-8
        return buf.getvalue()
    flat = flat_graph(g)
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(flat)).encode("utf-8")
    if fmt == "gexf":
        return "\n".join(nx.generate_gexf(flat)).encode("utf-8")
    raise ValueError(f"unknown network format {fmt!r}")


@click.command("network")
@store_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "csv"]), default="graphml", show_default=True,
              help="graphml (Cytoscape, Gephi), gexf (Gephi), csv (a zip of nodes.csv and edges.csv)")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="write here instead of stdout")
def export_network(store_dir: Path | None, fmt: str, output: Path | None):
    """The network (persons, bodies, posts, documents, places, events and the facts tying
    them, each edge with relation, date, document, issue, line and quote) for Gephi,
    Cytoscape or a spreadsheet. csv writes a zip of nodes.csv and edges.csv.

    \b
    Example:
      govkg export network --format graphml -o govkg.graphml
      govkg export network --format csv -o govkg-network.zip
    """
    data = network_bytes(_network(store_dir), fmt)
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
