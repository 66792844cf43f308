"""The `govkg explain` command: what the recognition pipeline saw around one source line.

In: a gazette text file, `--line N` (1-based line of the file), `--lines K` (how many lines
from N), optional `-o page.html`. Out: the passage with its entities bracketed
([郑邦良|PERSON]任[…|ORG][调研员|POST]) and the appointment acts read in it, on stdout; or,
with `-o`, a displaCy HTML page of the passage. Bad input (missing, empty, binary file, or a
line beyond the end) is one line on stderr and exit status 1.
"""
from __future__ import annotations

from pathlib import Path

import click

from govkg.extractors.reading import InputError


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--line", "line", type=click.IntRange(min=1), required=True, help="1-based source line of the file")
@click.option("--lines", "lines", type=click.IntRange(min=1), default=10, show_default=True,
              help="how many source lines from --line to show (widened to whole paragraphs)")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="write a displaCy HTML page here instead of text on stdout")
def explain(file: Path, line: int, lines: int, output: Path | None):
    """Show the persons, posts, bodies, places, dates and document numbers the pipeline
    recognised in the passage at a source line, and the appointment acts read there: audit a
    fact before citing it.

    \b
    Example:
      govkg explain gazette.txt --line 7356 --lines 6
      govkg explain gazette.txt --line 7356 -o passage.html
    """
    # spaCy loads here, for the one command that runs its pipeline on a passage.
    from govkg.extractors.explain import passage, render_html, render_text
    from govkg.extractors.layout import load_issue

    issue = load_issue(file)
    if line > len(issue.lines):
        raise InputError(file, f"line {line} is beyond the end of the file ({len(issue.lines)} lines)")
    p = passage(issue, line, lines)
    if output:
        output.write_text(render_html(p), encoding="utf-8")
        click.echo(f"wrote {output} ({len(p.entities)} entities, lines {p.first_line}-{p.last_line})")
    else:
        click.echo(render_text(p), nl=False)
