"""Commands over the embedded store: `build`, `query`, `career` and the `export` group.

In: gazette files (build), SPARQL text or a stored query's name (query), a person's name
(career), a table or graph name (export), and `--store DIR` (default `$GOVKG_STORE`, else
`./.govkg/store`). Out: the store written (build), or results on stdout as `table`, `csv` or
`json`; RDF in N-Quads, Turtle, TriG or JSON-LD (export graph).

`export` is a click group so other command modules can add to it:
`from govkg.commands.store import export; export.add_command(my_command)`.
"""
from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from govkg.commands.lazy import LazyGroup
from govkg.extractors.reading import read_text
from govkg.graph.careers import ALL_TENURE_COLUMNS, CAREER_COLUMNS, EVIDENCE, all_tenure_rows
from govkg.graph.careers import career as person_career
from govkg.graph.queries import check_params, paged, parse_stored_query, stored_queries
from govkg.graph.store import EXPORT_FORMATS, STORE_ENV, GraphStore, QueryError, default_store_dir, one_line
from govkg.graph.tables import APPOINTMENT_COLUMNS, FORMATS, appointment_rows, json_safe, render

STORE_HELP = f"store directory [default: ${STORE_ENV}, else ./.govkg/store]"


def store_option(f):
    """`--store DIR`, and storage faults as one line and exit 1 (see `storage_errors`)."""
    return click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None, help=STORE_HELP)(
        storage_errors(f))


def storage_errors(f):
    """Storage and disk faults (a full disk, a corrupted store, a lost file: OSError, or
    RuntimeError as RocksDB reports them) as one line on stderr and exit status 1."""
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            sys.exit(1)   # the reader of stdout went away (| head): nothing to say
        except (OSError, RuntimeError) as exc:
            fail(f"storage: {one_line(exc)}")
    return wrapper


def format_option(f):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="output format")(f)


def open_for_reading(store_dir: Path | None) -> GraphStore:
    return GraphStore.open_read_only(store_dir or default_store_dir())


def fail(message: str) -> None:
    """A usage problem that is not a bad input file: one line, exit 1."""
    click.echo(f"govkg: error: {message}", err=True)
    sys.exit(1)


def _expand(files: tuple[Path, ...]) -> list[Path]:
    """FILE arguments with each folder replaced by the files in it (not hidden ones), in name
    order: `govkg build gazettes/` builds every text, PDF and web page the folder holds."""
    out: list[Path] = []
    for f in files:
        if f.is_dir():
            out.extend(sorted(p for p in f.iterdir() if p.is_file() and not p.name.startswith(".")))
        else:
            out.append(f)
    return out


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="extract in this many processes")
def build(files: tuple[Path, ...], store_dir: Path | None, workers: int):
    """Extract gazette issues and load them into the store, one named graph per issue.

    A FILE may be a gazette issue, a single notice, a web page (HTML) or a PDF, of any
    government. Every FILE is checked first: if one is missing, empty, binary or holds no
    Chinese text, nothing is written. Loading a text again replaces its graph (atomically).
    With no FILE, the bundled sample issues are built.

    \b
    Example:
      govkg build                                  # the bundled samples
      govkg build issues/*.txt notice.pdf page.html --store ./kg --workers 2
      govkg build gazettes/                        # every file in a folder
    """
    # The extractors (and spaCy under them) load here, not for every command of this module.
    from govkg.graph.build import build as build_store
    from govkg.graph.build import bundled_issue_files

    paths = _expand(files) or bundled_issue_files()
    # The bar starts with the first loaded issue, i.e. after every file has been validated, so
    # a refused file gives one error line and nothing else.
    bars: list = []

    def progress(_issue) -> None:
        if not bars and len(paths) > 1:
            bars.append(click.progressbar(length=len(paths), label="building", file=sys.stderr).__enter__())
        for bar in bars:
            bar.update(1)

    try:
        summary = build_store(paths, store_dir or default_store_dir(), workers=workers, progress=progress)
    finally:
        for bar in bars:
            bar.__exit__(None, None, None)
    if summary.recovered:
        click.echo(f"recovered: dropped {len(summary.recovered)} issue graph(s) an interrupted build had "
                   "left half-loaded; they are rebuilt if among the files given", err=True)
    click.echo(summary.line())


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            fail(f"--param wants key=value, got {pair!r}")
        params[key.strip()] = value
    return params


@click.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False, path_type=Path), help="read the SPARQL from this .rq file")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="bind ?KEY to VALUE (a literal; <iri> for an IRI); repeatable")
@click.option("--list", "list_queries", is_flag=True, help="list the stored queries and their parameters")
@click.option("--allow-service", "allow_service", multiple=True, metavar="IRI",
              help="let the query call this SPARQL endpoint with SERVICE <IRI> (repeatable); any other SERVICE is refused")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help="one page of at most this many rows (a whole-graph report: of its acts, documents, …)")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
              help="the page starts after this many (with --limit: --offset 100 is the second page of 100)")
@store_option
@format_option
def query(query: str | None, query_file: Path | None, params: tuple[str, ...], list_queries: bool, allow_service: tuple[str, ...],
          limit: int | None, offset: int, store_dir: Path | None, fmt: str):
    """Run SPARQL over all issues in the store: text, a .rq file, or a stored query's NAME.

    Parameters are bound as RDF values (never pasted into the query), by a VALUES block at
    the head of the query's WHERE group.

    \b
    Example:
      govkg query --list
      govkg query person_acts --param person=郑章辉 --format csv
      govkg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
      govkg query -f my.rq --param body=市财政局 --format json
      govkg query appointments --limit 100 --offset 100    # the second page

    A page of a whole-graph report (appointments, pairings, …) is chosen before the rest is
    read, in the store's own order (stable while the store is unchanged), and sorted within
    itself; so the first page comes in well under a second on a large store.
    """
    stored = stored_queries()
    if list_queries:
        rows = [{"name": q.name, "title": q.title, "params": ", ".join(q.param_names), "example": " ".join(q.example_args()),
                 "description": q.description} for q in stored.values()]
        click.echo(render(["name", "title", "params", "example"] if fmt == "table" else ["name", "title", "description", "params", "example"], rows, fmt), nl=False)
        return
    bound = _parse_params(params)
    if query_file is not None:
        text = read_text(query_file)
        try:
            check_params(parse_stored_query(text, query_file.stem, str(query_file)), bound)
        except ValueError:
            pass   # a plain .rq without a header: nothing to check against
        except QueryError as exc:
            fail(str(exc))
    elif query is None:
        fail("give SPARQL text, -f FILE.rq or a stored query name (govkg query --list)")
    elif query in stored:
        try:
            check_params(stored[query], bound)
        except QueryError as exc:
            fail(str(exc))
        text = stored[query].sparql
    else:
        if query.replace("_", "").isalnum():
            fail(f"no stored query named {query!r}; `govkg query --list` shows them")
        text = query
    with open_for_reading(store_dir) as store:
        try:
            result = store.query(paged(text, limit, offset), bound, allow_service=allow_service)
        except QueryError as exc:
            fail(str(exc))
    if result.boolean is not None and fmt != "table":
        click.echo(json.dumps(result.boolean) if fmt == "json" else f"ask\n{str(result.boolean).lower()}")
        return
    click.echo(render(result.columns, result.values(), fmt), nl=False)


@click.command()
@click.argument("name")
@store_option
@format_option
@click.option("--evidence", "kinds", multiple=True, type=click.Choice(EVIDENCE),
              help="only rows of this kind of evidence (repeatable) [default: all]")
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="also draw the timeline to this file: .svg, .png or .html")
def career(name: str, store_dir: Path | None, fmt: str, kinds: tuple[str, ...], plot: Path | None):
    """A person's timeline from every kind of evidence, each row citing its source (issue,
    document, line, quote): personnel acts (act) and the tenures they open or close, posts
    seen held in other texts (sighting) and the tenures they imply where no act names the
    post (inferred: first to last sighting), divisions of work (division: supervises a body
    since the notice, until a later notice drops it) and events attended (attendance).

    An appointment in one issue and the removal from the same post in a later issue are one
    tenure. The same name across issues is one person unless the graph keeps them apart;
    the jurisdiction column says whose government the person is known in.

    \b
    Example:
      govkg career 姚高员
      govkg career 姚高员 --evidence inferred --evidence division
      govkg career 郑章辉 --format csv > zheng.csv
      govkg career 郑章辉 --plot zheng.png
    """
    if plot is not None and plot.suffix.lower() not in (".svg", ".png", ".html"):
        fail(f"--plot wants a .svg, .png or .html file, got {plot.name!r}")
    with open_for_reading(store_dir) as store:
        result = person_career(store, name)
    if not result:
        click.echo(f"govkg: nothing in the store names {name!r} (no act, sighting, division of work or event)", err=True)
    rows = [r for r in result.rows() if not kinds or r["evidence"] in kinds]
    if fmt == "json":
        data = result.json()
        data["timeline"] = rows
        click.echo(json_safe(json.dumps(data, ensure_ascii=False, indent=1)))
    else:
        click.echo(render(CAREER_COLUMNS, rows, fmt), nl=False)
    if plot is not None:
        from govkg.graph.timeline import write_plot

        write_plot(result, plot)
        click.echo(f"timeline written to {plot}", err=True)


@click.group(cls=LazyGroup, lazy={"network": "govkg.commands.network:export_network"})
def export():
    """Write tables or the whole graph out of the store.

    \b
    Example:
      govkg export appointments --format csv > acts.csv
      govkg export graph --format nquads -o govkg.nq
    """


def _write(text: str | bytes, output: Path | None) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


TABLE_FORMATS = click.Choice(["csv", "json"])
OUTPUT = click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="write here instead of stdout")


@export.command("appointments")
@store_option
@click.option("--format", "fmt", type=TABLE_FORMATS, default="csv", show_default=True)
@OUTPUT
def export_appointments(store_dir: Path | None, fmt: str, output: Path | None):
    """One row per personnel act, with its source (issue, document, line, quote).

    \b
    Example:
      govkg export appointments --format csv -o acts.csv
    """
    with open_for_reading(store_dir) as store:
        rows = appointment_rows(store)
    _write(render(APPOINTMENT_COLUMNS, rows, fmt), output)


@export.command("tenures")
@store_option
@click.option("--format", "fmt", type=TABLE_FORMATS, default="csv", show_default=True)
@OUTPUT
def export_tenures(store_dir: Path | None, fmt: str, output: Path | None):
    """One row per tenure: person, jurisdiction, evidence (act: opened or closed by a
    personnel act; inferred: a post seen held in texts, from the first to the last
    sighting), post, organization, start, end, sightings and their sources.

    \b
    Example:
      govkg export tenures --format json -o tenures.json
    """
    with open_for_reading(store_dir) as store:
        rows = all_tenure_rows(store)
    _write(render(ALL_TENURE_COLUMNS, rows, fmt), output)


@export.command("graph")
@store_option
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default="nquads", show_default=True,
              help="nquads is sorted, so the same graph gives the same bytes; turtle merges the issue graphs")
@OUTPUT
def export_graph(store_dir: Path | None, fmt: str, output: Path | None):
    """The whole store as RDF.

    \b
    Example:
      govkg export graph --format nquads -o govkg.nq
      govkg export graph --format jsonld > govkg.jsonld
    """
    with open_for_reading(store_dir) as store:
        data = store.export(fmt)
    _write(data, output)
