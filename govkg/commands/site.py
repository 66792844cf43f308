"""`govkg site -o DIR`: every entity's page written as a static site that opens offline.

In: the store (`--store DIR`). Out: DIR/index.html (every entity by kind), DIR/network.html
(the network page, its nodes linking to the pages) and, per entity, DIR/id/<kind>/<hex>.html,
.ttl and .jsonld: the same pages `govkg serve` answers at /id/<kind>/<hex> (graph/pages.py).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from govkg.graph.pages import write_site

from .store import open_for_reading, store_option


@click.command()
@store_option
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="the folder to write the site into (made if missing)")
def site(store_dir: Path | None, output: Path):
    """Write a page for every person, body, document, post, place, event and area of work
    as a static site that opens offline (zip it, open index.html anywhere): HTML with each
    fact's quote and source, Turtle and JSON-LD beside it, and the network page linking to
    the pages.

    \b
    Example:
      govkg site -o site/ && (cd site && zip -qr ../govkg-site.zip .)
    """
    output.mkdir(parents=True, exist_ok=True)
    bars: list = []

    def progress(done: int, total: int) -> None:
        if not bars:
            bars.append(click.progressbar(length=total, label="writing pages", file=sys.stderr).__enter__())
        bars[0].update(1)

    with open_for_reading(store_dir) as store:
        try:
            n = write_site(store, output, progress)
        finally:
            for bar in bars:
                bar.__exit__(None, None, None)
    click.echo(f"wrote {n} entity pages, index.html and network.html into {output}", err=True)
