"""The `govkg` command line: one group of verb commands.

In: command-line arguments. Out: text, tables or files; exit status 0 on success, 1 with a
one-line message naming the file and the problem on bad input.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from govkg.extractors.layout import load_issue
from govkg.extractors.reading import InputError
from govkg.extractors.registry import extract_all, schema_json


class GovkgGroup(click.Group):
    """Turns bad input into one line on stderr and exit status 1, not a traceback."""

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
    """Extract one issue's facts as JSON (the shape of shared/eval/SCHEMA.md).

    \b
    Example:
      govkg extract gazette.txt --format json > facts.json
    """
    issue = load_issue(file)
    data = schema_json(issue, extract_all(issue))
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _register_command_modules() -> None:
    import importlib
    import pkgutil

    import govkg.commands

    for mod in sorted(pkgutil.iter_modules(govkg.commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"govkg.commands.{mod.name}")
        for command in getattr(module, "COMMANDS", ()):
            main.add_command(command)


_register_command_modules()

if __name__ == "__main__":
    main()
