"""The package's web files: page templates (graph/templates) and scripts (graph/static).

In: a folder and a file name. Out: the file's text (`text`), read once per process through
importlib.resources, so it works from a source tree and from an installed wheel alike.
"""
from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def text(folder: str, name: str) -> str:
    return resources.files("govkg.graph").joinpath(folder, name).read_text("utf-8")


@functools.cache
def data(folder: str, name: str) -> Any:
    """A JSON file of the package, parsed."""
    return json.loads(text(folder, name))
