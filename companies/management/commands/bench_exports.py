"""Time the explorer's and the events page's downloads: rows/s and the process's memory.

Each export is requested through the real view (URL resolver, filters, streaming response) in
this process, with ``DEBUG`` off, and read to the end the way a WSGI server would, chunk by
chunk. Memory is the resident set size read from ``/proc/self/statm`` before the request and
after every chunk: a streamed export keeps it flat whatever its size.

    python manage.py bench_exports                       # every facility as CSV, JSON, GeoJSON
    python manage.py bench_exports --what facilities --format csv --repeat 3
    python manage.py bench_exports --query status=idled --query country=US
"""

from __future__ import annotations

import os
import statistics
import time
from urllib.parse import urlencode

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from companies.exports import FORMATS

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    """This process's resident set size now, in MB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE_SIZE / 1e6


class Command(BaseCommand):
    help = "Benchmark the CSV, JSON and GeoJSON exports: rows/s and peak memory while streaming."

    def add_arguments(self, parser):
        parser.add_argument("--what", choices=("facilities", "events"), default="facilities")
        parser.add_argument("--format", dest="formats", action="append", choices=FORMATS)
        parser.add_argument("--repeat", type=int, default=1, help="Runs per format (the median is shown).")
        parser.add_argument("--query", action="append", default=[], help="A filter, e.g. status=idled.")

    @override_settings(DEBUG=False)  # as in production: no debug cursor, no query log
    def handle(self, *args, what, formats, repeat, query, **options):
        url = reverse("companies:facility_list" if what == "facilities" else "companies:event_list")
        params = [tuple(q.split("=", 1)) for q in query]
        client = Client(SERVER_NAME="localhost")  # an ALLOWED_HOSTS name
        self.stdout.write(
            f"{what} on {connection.vendor} ({connection.settings_dict['NAME']}), "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}"
        )
        self.stdout.write(
            "| format | rows | MB | seconds | rows/s | worker CPU s | RSS before | peak RSS | growth |"
        )
        self.stdout.write("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for fmt in formats or FORMATS:
            runs = [
                self._run(client, url + "?" + urlencode([*params, ("format", fmt)]), fmt)
                for _ in range(repeat)
            ]
            seconds = statistics.median(r["seconds"] for r in runs)
            last = runs[-1]
            self.stdout.write(
                f"| {fmt} | {last['rows']:,} | {last['bytes'] / 1e6:,.1f} | {seconds:.2f} | "
                f"{last['rows'] / seconds:,.0f} | {statistics.median(r['cpu'] for r in runs):.2f} | {last['before']:.0f} MB | {max(r['peak'] for r in runs):.0f} MB | "
                f"{max(r['peak'] - r['before'] for r in runs):+.0f} MB |"
            )

    def _run(self, client, url: str, fmt: str) -> dict:
        before = peak = rss_mb()
        size = lines = 0
        start, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        for index, chunk in enumerate(response.streaming_content):
            size += len(chunk)
            lines += chunk.count(b"\n")
            if index % 16 == 0:
                peak = max(peak, rss_mb())
        # Reading to the end closed the response (the test client's iterator does, as a WSGI
        # server would); closing it again would send request_finished a second time.
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu  # this process only; the database's work is not in it
        peak = max(peak, rss_mb())
        # CSV: one line a row after the header (a value with a line break in it would count
        # twice; synthetic data has none); JSON and GeoJSON: one line a record, plus the
        # opening and closing lines.
        rows = lines - 1 if fmt == "csv" else max(lines - 2, 0)
        return {"rows": rows, "bytes": size, "seconds": seconds, "cpu": cpu, "before": before, "peak": peak}
