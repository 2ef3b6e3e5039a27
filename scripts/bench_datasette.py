"""Time our explorer and Datasette's table view over loopback, one request at a time, the same
client for both (``scripts/bench_datasette.sh`` starts the servers and runs this).

Each URL is asked ``--warm`` times first, then ``--runs`` rounds ask every URL once in turn (so
a busy minute of the machine falls on all of them alike). Each figure is the wall time of one
complete response on a new connection (``http.client``: connect, request, read the whole body).
Prints, per URL, the median, nearest-rank p95, min and max in ms, the bytes and the status,
and the load average before and after.
"""

from __future__ import annotations

import argparse
import http.client
import math
import os
import statistics
import sys
import time
from urllib.parse import urlsplit


def fetch(url: str) -> tuple[float, int, bytes, dict]:
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    started = time.perf_counter()
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    connection.request("GET", path, headers={"Accept-Encoding": "identity"})
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    headers = {k.lower(): v for k, v in response.getheaders()}
    connection.close()
    return elapsed, response.status, body, headers


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("urls", nargs="+", help="label=url")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warm", type=int, default=3)
    args = parser.parse_args(argv)
    targets = [item.split("=", 1) for item in args.urls]

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for label, url in targets:
        for _ in range(args.warm):
            elapsed, status, body, headers = fetch(url)
        cache = headers.get("x-page-cache", "")
        print(
            f"{label}: {url}\n    HTTP {status}, {len(body):,} bytes{', page cache ' + cache if cache else ''}"
        )
    times: dict[str, list[float]] = {label: [] for label, _ in targets}
    for _ in range(args.runs):
        for label, url in targets:
            elapsed, status, _, _ = fetch(url)
            if status != 200:
                print(f"{label}: HTTP {status}", file=sys.stderr)
                return 1
            times[label].append(elapsed * 1000)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"\n| {'page':<40} | median ms | p95 ms | min ms | max ms | runs |")
    print(f"| {'-' * 40} | ---: | ---: | ---: | ---: | ---: |")
    for label, values in times.items():
        print(
            f"| {label:<40} | {statistics.median(values):.1f} | {p95(values):.1f} | "
            f"{min(values):.1f} | {max(values):.1f} | {len(values)} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
