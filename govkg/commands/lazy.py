"""A click group whose commands are imported when they are asked for.

In: a table {command name: "module:attribute"}. Out: `LazyGroup`, a `click.Group` that lists
those names and imports a command's module only when that command runs or `--help` lists it,
so starting one command does not load every other command's libraries (spaCy, networkx).
"""
from __future__ import annotations

import importlib

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
