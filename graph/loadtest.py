"""A concurrent HTTP load client, for the endpoint benchmark (`govkg bench --only endpoint`).

In: a server's host and port, a request path, a number of clients and a duration. Out: a `Load`
(answers, errors, seconds, every answer's latency) with requests/s and percentiles.

Each client is a thread with its own keep-alive connection (`http.client`), sending the next
request as soon as the previous answer is read (a closed loop, as a user's script does). Client
k connects from its own loopback address 127.0.0.(k+1), so a server that limits queries per
client address (govkg serve's fair queue) sees k distinct clients, as it would on the internet.
A non-2xx answer or a broken connection counts as an error (the connection is then remade).

The client is Python: it costs some 50-100 µs of CPU per request on the machine under test. The
benchmark also measures what it can drive at most (a trivial query on Oxigraph's server) so a
figure near that ceiling is read as the client's limit, not the server's.
"""
from __future__ import annotations

import http.client
import statistics
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Load:
    clients: int
    seconds: float = 0.0
    answers: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)   # seconds, answered requests only
    first_error: str = ""

    @property
    def rate(self) -> float:
        return self.answers / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        """The p-th percentile latency in milliseconds (nearest rank)."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))] * 1000

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) * 1000 if self.latencies else float("nan")

    @property
    def p99(self) -> float:
        return self.percentile(99)

    def merged(self, other: Load) -> Load:
        return Load(self.clients, self.seconds + other.seconds, self.answers + other.answers, self.errors + other.errors,
                    self.latencies + other.latencies, self.first_error or other.first_error)


def run_load(host: str, port: int, path: str, clients: int, seconds: float,
             headers: dict[str, str] | None = None, timeout: float = 60.0) -> Load:
    """`clients` concurrent keep-alive clients sending GET `path` for `seconds`."""
    headers = headers or {}
    result = Load(clients)
    lock = threading.Lock()
    start_line = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def connect(k: int) -> http.client.HTTPConnection:
        source = (f"127.0.0.{k % 250 + 1}", 0) if host.startswith("127.") else None
        return http.client.HTTPConnection(host, port, timeout=timeout, source_address=source)

    def client(k: int) -> None:
        conn = connect(k)
        mine: list[float] = []
        errors, first_error = 0, ""
        start_line.wait()
        while (now := time.perf_counter()) < stop_at[0]:
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                if not 200 <= response.status < 300:
                    errors += 1
                    first_error = first_error or f"HTTP {response.status}"
                    continue
            except (OSError, http.client.HTTPException) as exc:
                errors += 1
                first_error = first_error or f"{type(exc).__name__}: {exc}"
                conn.close()
                conn = connect(k)
                continue
            mine.append(time.perf_counter() - now)
        conn.close()
        with lock:
            result.latencies.extend(mine)
            result.errors += errors
            result.first_error = result.first_error or first_error

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    began = time.perf_counter()
    stop_at[0] = began + seconds
    start_line.wait()
    for t in threads:
        t.join(seconds + timeout + 5)
    result.seconds = time.perf_counter() - began
    result.answers = len(result.latencies)
    return result
