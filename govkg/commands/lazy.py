"""A click group whose commands are imported when they are asked for.

In: a table {command name: "module:attribute"}. Out: `LazyGroup`, a `click.Group` that lists
those names and imports a command's module only when that command runs, so starting one
command does not load every other command's libraries (spaCy, networkx, the store). `--help`
lists every command with its one-line help read from its module's source (the docstring of
the function the table names), without importing it: importing them all cost 0.1 s.
"""
from __future__ import annotations

import importlib
import importlib.util
import inspect
import re
from pathlib import Path

import click


class LazyGroup(click.Group):
    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        if command is None and name in self.lazy:
            module, _, attr = self.lazy[name].partition(":")
            command = getattr(importlib.import_module(module), attr)
            self.add_command(command, name)
        return command

    def lazy_docstring(self, name: str) -> str:
        """The docstring of a lazy command's function, read from its module's source."""
        module, _, attr = self.lazy[name].partition(":")
        spec = importlib.util.find_spec(module)
        if spec is None or spec.origin is None:
            return ""
        source = Path(spec.origin).read_text("utf-8")
        m = re.search(rf"^def {re.escape(attr)}\(.*?\)(?:\s*->[^:]+)?:\s*\n\s*r?\"\"\"(.*?)\"\"\"", source, re.S | re.M)
        return m[1] if m else ""

    def command_line_help(self, name: str, limit: int) -> str:
        """One command's line in the group's --help, as click would print it."""
        command = self.commands.get(name)
        if command is not None:
            return command.get_short_help_str(limit)
        return click.Command(name, help=inspect.cleandoc(self.lazy_docstring(name))).get_short_help_str(limit)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = [n for n in self.list_commands(ctx) if n in self.lazy or not self.commands[n].hidden]
        if not names:
            return
        limit = formatter.width - 6 - max(len(n) for n in names)
        with formatter.section("Commands"):
            formatter.write_dl([(n, self.command_line_help(n, limit)) for n in names])
