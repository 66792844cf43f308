"""The `govkg` command line: one group of verb commands.

In: command-line arguments. Out: text, tables or files; exit status 0 on success, 1 with a
one-line message naming the file and the problem on bad input.
"""
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import click

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


#: Modules that add subcommands to a group defined elsewhere (`export network`).
COMMAND_EXTENSIONS = {"export": ("govkg.commands.network",)}


class GovkgGroup(click.Group):
    """Turns bad input into one line on stderr and exit status 1, not a traceback; imports a
    command's module only when the command is asked for (COMMAND_MODULES)."""

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(COMMAND_MODULES))

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        if command is None and name in COMMAND_MODULES:
            module, _, attr = COMMAND_MODULES[name].partition(":")
            command = getattr(importlib.import_module(module), attr)
            for extra in COMMAND_EXTENSIONS.get(name, ()):
                importlib.import_module(extra)   # adds its subcommands to the group
            self.add_command(command, name)
        return command

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            click.echo(f"govkg: error: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=GovkgGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
