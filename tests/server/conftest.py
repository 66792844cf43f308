"""Server fixtures: the govkg SPARQL endpoint over the session's built store, and throw-away
Oxigraph and Virtuoso servers on loopback for the push tests.

Every server listens on a port the OS picked free (bind to port 0), waits for readiness in a
loop bounded in time, and is stopped in teardown by its process id (the endpoint by
`server_close()`, which kills its query workers by pid).

Pytest replaces the module named `conftest` when it loads this file, so the helpers of the
top-level tests/conftest.py are re-exported here for tests that `from conftest import ...`.
"""
from __future__ import annotations

import contextlib
import importlib.util
import sys
import threading
from pathlib import Path

import pytest

from govkg.graph.push import OxigraphServer, VirtuosoServer
from govkg.graph.server import make_server


def _root_conftest():
    path = Path(__file__).resolve().parents[1] / "conftest.py"
    for module in list(sys.modules.values()):
        if getattr(module, "__file__", None) and Path(module.__file__).resolve() == path:
            return module
    spec = importlib.util.spec_from_file_location("govkg_tests_root_conftest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_root = _root_conftest()
SEEDS, SHARED = _root.SEEDS, _root.SHARED
seed_file, load_seed, extracted, gold_scores = _root.seed_file, _root.load_seed, _root.extracted, _root.gold_scores


@contextlib.contextmanager
def running_endpoint(store_dir, **options):
    """`govkg serve` in this process on a free port; yields the server (its `.url`)."""
    server = make_server(store_dir, port=0, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@pytest.fixture(scope="session")
def endpoint(built_store):
    """The SPARQL endpoint URL over the session's built store (generous limits)."""
    with running_endpoint(built_store, timeout=60, max_results=100000, workers=2) as server:
        yield server.url + "/sparql"


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "db") as server:
        yield server


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    with VirtuosoServer(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server
