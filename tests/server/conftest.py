"""Server fixtures: the govkg SPARQL endpoint over the session's built store, and throw-away
Oxigraph and Virtuoso servers on loopback for the push tests.

Every server listens on a port the OS picked free (bind to port 0), waits for readiness in a
loop bounded in time, and is stopped in teardown by its process id (the endpoint by
`server_close()`, which kills its query workers by pid).
"""
from __future__ import annotations

import pytest

from govkg.graph.push import OxigraphServer, VirtuosoServer
from tests.endpoint import running_endpoint


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
