"""The `govkg` command line: one group of verb commands.

In: command-line arguments. Out: text, tables or files; exit status 0 on success, 1 with a
one-line message naming the file and the problem on bad input.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from govkg.commands.lazy import LazyGroup
from govkg.extractors.reading import InputError

#: Each command and where it lives. A command's module is imported only when that command
#: runs (or when --help lists it), so `govkg query` never pays for spaCy, networkx or pyvis:
#: the command modules import those inside the commands that use them.
COMMAND_MODULES = {
    "bench": "govkg.commands.bench:bench",
    "build": "govkg.commands.store:build",
    "career": "govkg.commands.store:career",
    "evaluate": "govkg.commands.evaluate:evaluate",
    "explain": "govkg.commands.explain:explain",
    "explain-entity": "govkg.commands.entities:explain_entity",
    "export": "govkg.commands.store:export",
    "path": "govkg.commands.network:path",
    "push": "govkg.commands.serve:push",
    "query": "govkg.commands.store:query",
    "serve": "govkg.commands.serve:serve",
    "site": "govkg.commands.site:site",
    "stats": "govkg.commands.network:stats",
    "viz": "govkg.commands.network:viz",
}


class GovkgGroup(LazyGroup):
    """Turns bad input into one line on stderr and exit status 1, not a traceback; imports a
    command's module only when the command is asked for (COMMAND_MODULES)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            click.echo(f"govkg: error: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=GovkgGroup, lazy=COMMAND_MODULES, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govkg")
def main():
    """govkg: a knowledge graph of government actors from Chinese government gazettes."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="write here instead of stdout")
def extract(file: Path, fmt: str, output: Path | None):
    """Extract one text's facts as JSON (the shape of docs/SCHEMA.md): a gazette issue, a notice, a web page or a PDF.

    \b
    Example:
      govkg extract gazette.txt --format json > facts.json
    """
    # The extractors (and spaCy under them) load only for the commands that extract.
    from govkg.extractors.layout import load_issue
    from govkg.extractors.registry import extract_all, schema_json

    issue = load_issue(file)
    data = schema_json(issue, extract_all(issue))
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
