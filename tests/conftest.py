"""pytest fixtures shared by every layer: `seed` (a bundled issue by prefix) and `built_store`
(the bundled samples built once per session). Plain helpers live in tests/helpers.py: import
them from there, never from this file."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import load_seed


@pytest.fixture(scope="session")
def seed():
    return load_seed


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    """The bundled sample issues built once per session (real extractors and mapping) into a
    temporary store; returns the store directory. Open it with
    `GraphStore.open_read_only(built_store)` or pass `--store` to the commands."""
    from govkg.graph.build import build

    store_dir = tmp_path_factory.mktemp("govkg") / "store"
    build(None, store_dir)
    return store_dir
