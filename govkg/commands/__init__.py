"""Command modules of the `govkg` CLI.

Each module here defines click commands and lists them in a module-level `COMMANDS`;
`govkg.cli` adds every listed command to the `govkg` group, so a new command needs no
edit to cli.py.
"""
