"""Test helper: `govkg serve`'s SPARQL endpoint run in this process on a free port."""
from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from govkg.graph.server import make_server


@contextlib.contextmanager
def running_endpoint(store_dir: Path, **options: Any) -> Iterator[Any]:
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
