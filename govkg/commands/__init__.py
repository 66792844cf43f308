"""Command modules of the `govkg` CLI.

Each module here defines click commands; `govkg.cli.COMMAND_MODULES` names the module of
every command, which is imported only when that command runs (or `--help` lists it). A command
module imports what it needs (spaCy, networkx, the store) inside its commands or from light
modules, so that starting one command does not load every other's libraries.
"""
