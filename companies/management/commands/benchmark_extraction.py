"""Measure the importer: gazetteer load, extraction throughput, peak memory, database import.

Prints "name: value unit" lines. Extraction runs on one core over the labelled corpus, each
release padded with wire boilerplate to about ``--size`` bytes. ``--import N`` times N distinct
synthetic releases through ``release_import`` — by default inside one transaction rolled back
at the end (nothing is kept), or with ``--test-db`` on a throwaway test database with one
commit per release, as a real import does.
"""

from __future__ import annotations

import base64
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from companies.importer.extract import extract
from companies.importer.inputs import InputError, iter_paths, read_path
from companies.importer.proposal import Document

DEFAULT_CORPUS = Path(settings.BASE_DIR) / "tests" / "data" / "releases"

# Neutral tail that wires append to every release: pads a short release to a realistic size
# without adding facility events.
PADDING = """

Forward-Looking Statements

This press release contains forward-looking statements within the meaning of the Private \
Securities Litigation Reform Act of 1995. Words such as "anticipates," "believes," "expects," \
"intends," "plans," "will" and similar expressions identify forward-looking statements, which \
are subject to risks and uncertainties that could cause actual results to differ materially, \
including general economic conditions, demand for the Company's products, raw material and \
energy costs, currency exchange rates, competition, and the other risks described in the \
Company's filings with the Securities and Exchange Commission. The Company undertakes no \
obligation to update any forward-looking statement, whether as a result of new information, \
future events or otherwise."""


def _repeat(text: str, size: int) -> str:
    return (text * (size // max(len(text), 1) + 1))[:size]


# Child process for the gazetteer timings, so this process's cache does not hide the cost.
GAZETTEER_PROBE = """
import json, os, resource, sys, time
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footprint.settings")
django.setup()
started = time.perf_counter()
try:
    from companies.importer.places import get_gazetteer
except ImportError:
    from companies.importer.gazetteer import get_gazetteer
gazetteer = get_gazetteer()
cold = time.perf_counter() - started
started = time.perf_counter()
get_gazetteer()
warm = time.perf_counter() - started
print(json.dumps({"cold": cold, "warm": warm, "own": getattr(gazetteer, "load_seconds", None),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

# Prefixed to company names (two at a time) so each synthetic release names a new company.
_PREFIXES = (
    "Northwind",
    "Ashford",
    "Bellmont",
    "Carrow",
    "Dunmore",
    "Eastlake",
    "Fairhaven",
    "Glenrock",
    "Harwood",
    "Ironbridge",
    "Juniper",
    "Kestrel",
    "Larkspur",
    "Millbrook",
    "Newbury",
    "Oakhurst",
    "Pinecrest",
    "Quarry",
    "Ridgeway",
    "Stonefield",
    "Thornbury",
    "Upland",
    "Valemont",
    "Westbrook",
    "Yarrow",
    "Zenith",
    "Alder",
    "Birch",
    "Cedar",
    "Driftwood",
)


@dataclass
class Sample:
    """One corpus release, padded, with the hints its container gave."""

    text: str
    headline: str | None
    published: object


def _peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def _pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "single-threaded (no CPU pinning on this platform)"


def pad(text: str, size: int) -> str:
    """The text with boilerplate appended until it is at least ``size`` bytes (UTF-8)."""
    while len(text.encode("utf-8")) < size:
        text += PADDING
    return text


class Command(BaseCommand):
    help = "Benchmark the importer: gazetteer load, extraction releases/s, peak memory, import time."

    def add_arguments(self, parser):
        parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="Folder of release files.")
        parser.add_argument(
            "-n", "--releases", type=int, default=2000, help="Releases to extract (default 2000)."
        )
        parser.add_argument(
            "--size", type=int, default=4096, help="Pad releases to this many bytes (default 4096)."
        )
        parser.add_argument(
            "--import",
            dest="import_n",
            type=int,
            default=1000,
            help="Releases to import (default 1000; 0 skips).",
        )
        parser.add_argument("--accept-above", type=float, default=None, help="Passed to release_import.")
        parser.add_argument(
            "--test-db",
            action="store_true",
            help="Import into a throwaway test database, committing each release, instead of rolling back.",
        )
        parser.add_argument(
            "--skip-gazetteer", action="store_true", help="Skip the subprocess gazetteer timing."
        )
        parser.add_argument(
            "--background",
            type=int,
            metavar="N",
            default=0,
            help="Only time an admin-sized import of N releases on a throwaway database: the request's "
            "work (store and queue) and the worker's (import_batch_run until done).",
        )
        parser.add_argument(
            "--long-text",
            action="store_true",
            help="Only time extraction of 64 KB to 1 MB texts of four shapes (linear growth, any input).",
        )
        parser.add_argument(
            "--gazetteer-build",
            action="store_true",
            help="Also time building the gazetteer index from the package with no cache (a new machine; slow).",
        )

    def handle(self, *args, **options):
        corpus = self._corpus(Path(options["corpus"]), options["size"])
        if options["long_text"]:
            self._long_text(corpus)
            return
        if options["background"] > 0:
            documents = self.synthetic(corpus, options["background"])
            where = self._with_test_database(lambda: self._time_background(documents))
            self._line("background import database", f"{connection.vendor} ({where})")
            return
        if not options["skip_gazetteer"]:
            self._gazetteer(build=options["gazetteer_build"])
        self._throughput(corpus, options["releases"])
        if options["import_n"] > 0:
            self._import(corpus, options["import_n"], options["accept_above"], options["test_db"])
        self._line("peak memory (ru_maxrss, this process)", f"{_peak_rss_mb():.1f}", "MB")

    def _line(self, name: str, value: object, unit: str = "") -> None:
        self.stdout.write(f"{name}: {value}{' ' + unit if unit else ''}")

    # --- inputs ---------------------------------------------------------------------------

    def _corpus(self, folder: Path, size: int) -> list[Sample]:
        releases = []
        for path in iter_paths([folder]):
            try:
                documents = read_path(path)
            except InputError:
                continue  # a benchmark measures speed, not the corpus; the tests check the files
            releases += [Sample(pad(d.text, size), d.headline, d.published) for d in documents]
        if not releases:
            raise CommandError(f"no releases found in {folder}")
        return releases

    # --- long texts -----------------------------------------------------------------------

    def _long_text(self, corpus: list[Sample]) -> None:
        """CPU seconds to extract texts of growing size in shapes no release has: time must
        grow linearly, and a 1 MB text of any shape must take under 2 s."""
        sample = "\n\n".join(s.text for s in corpus[:20])
        rng = random.Random(7)
        dense = (
            "the",
            "company",
            "will",
            "close",
            "its",
            "plant",
            "in",
            "Dayton",
            "and",
            "idle",
            "mill",
            "sold",
        )
        shapes = {
            "release text without full stops": lambda n: _repeat(sample.replace(".", " "), n),
            "release text on one line": lambda n: _repeat(sample.replace("\n", " "), n),
            "random bytes as base64": lambda n: base64.b64encode(rng.randbytes(n)).decode()[:n],
            "event words only, no full stops": lambda n: " ".join(rng.choice(dense) for _ in range(n // 5))[
                :n
            ],
        }
        for shape, make in shapes.items():
            for kb in (64, 128, 256, 512, 1024):
                text = make(kb * 1024)
                started = time.process_time()
                extract(text)
                self._line(f"long text, {shape}, {kb} KB", f"{time.process_time() - started:.2f}", "s CPU")

    # --- gazetteer ------------------------------------------------------------------------

    def _probe(self, env: dict[str, str]) -> dict:
        completed = subprocess.run(
            [sys.executable, "-c", GAZETTEER_PROBE],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if completed.returncode != 0:
            raise CommandError(f"gazetteer probe failed:\n{completed.stderr[-2000:]}")
        return json.loads(completed.stdout.strip().splitlines()[-1])

    def _gazetteer(self, *, build: bool) -> None:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "footprint.settings"),
        }
        if build:
            with tempfile.TemporaryDirectory() as empty:
                # An empty cache folder: the first run on a new machine builds the index from the package.
                built = self._probe({**env, "FOOTPRINT_CACHE_DIR": empty})
            self._line(
                "gazetteer build from package, no index cache (fresh process)", f"{built['cold']:.3f}", "s"
            )
        cold = self._probe(env)
        self._line("gazetteer cold load (fresh process, index cached on disk)", f"{cold['cold']:.3f}", "s")
        if cold["own"] is not None:
            self._line("gazetteer load_seconds (its own measure)", f"{cold['own']:.3f}", "s")
        self._line("gazetteer warm call (already loaded)", f"{cold['warm'] * 1e6:.1f}", "µs")
        self._line("gazetteer process peak memory (Django + gazetteer)", f"{cold['rss_mb']:.1f}", "MB")

    # --- extraction -----------------------------------------------------------------------

    def _throughput(self, corpus: list[Sample], n: int) -> None:
        self._line("extraction core", _pin_to_one_core())
        self._line("load average (1 min) / CPUs", f"{os.getloadavg()[0]:.1f} / {os.cpu_count()}")
        extract(corpus[0].text, headline=corpus[0].headline, published=corpus[0].published)  # warm-up
        batch = [corpus[i % len(corpus)] for i in range(n)]
        sizes = [len(r.text.encode("utf-8")) for r in batch]
        timings = []
        started, cpu_started = time.perf_counter(), time.process_time()
        for release in batch:
            t = time.perf_counter()
            extract(release.text, headline=release.headline, published=release.published)
            timings.append(time.perf_counter() - t)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        timings.sort()
        self._line("corpus", f"{len(corpus)} distinct releases, {n} extracted")
        self._line("mean release size", f"{statistics.fmean(sizes):.0f}", "bytes")
        self._line("extraction throughput (wall clock)", f"{n / elapsed:.1f}", "releases/s")
        # CPU time is what one core can do; it differs from wall clock when the machine is busy.
        self._line("extraction throughput (CPU time)", f"{n / cpu:.1f}", "releases/s")
        self._line("extraction time per release (mean)", f"{statistics.fmean(timings) * 1000:.2f}", "ms")
        self._line(
            "extraction time per release (p95)", f"{timings[int(0.95 * (len(timings) - 1))] * 1000:.2f}", "ms"
        )
        self._line("peak memory after extraction (ru_maxrss)", f"{_peak_rss_mb():.1f}", "MB")
        tracemalloc.start()
        for release in corpus:
            extract(release.text, headline=release.headline, published=release.published)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        self._line(
            "extraction peak Python allocations (tracemalloc, one pass)", f"{peak / 1_048_576:.2f}", "MB"
        )

    # --- database import ------------------------------------------------------------------

    def synthetic(self, corpus: list[Sample], n: int) -> list[Document]:
        """N distinct releases: each corpus text with a new company name and a shifted year."""
        base = [(r, extract(r.text, headline=r.headline, published=r.published)) for r in corpus]
        documents = []
        for i in range(n):
            release, proposal = base[i % len(base)]
            round_ = i // len(base)
            text, headline = release.text, release.headline or ""
            name = proposal.company.name if proposal.company else None
            if name and name in text:
                prefix = f"{_PREFIXES[round_ % len(_PREFIXES)]} {_PREFIXES[(round_ // len(_PREFIXES)) % len(_PREFIXES)]}"
                new = f"{prefix} {name}"
                text, headline = text.replace(name, new), headline.replace(name, new)
            if proposal.published:  # the extractor reads the shifted date back from the text
                year = str(proposal.published.year - round_ % 12)
                text = re.sub(rf"\b{proposal.published.year}\b", year, text)
            # Whatever the rewriting managed, the reference line keeps every content hash distinct.
            text += f"\n\nRef. BENCH-{i:06d}"
            documents.append(
                Document(name=f"benchmark-{i:06d}.txt", text=text, headline=headline or None, published=None)
            )
        return documents

    def _import(self, corpus: list[Sample], n: int, accept_above: float | None, test_db: bool) -> None:
        from companies.models import Release
        from companies.services.imports import release_import

        documents = self.synthetic(corpus, n)
        if not test_db and Release._meta.db_table not in connection.introspection.table_names():
            raise CommandError("the database is not migrated: run migrate first, or use --test-db")
        if test_db:
            where = self._with_test_database(
                lambda: self._time_imports(documents, accept_above, release_import)
            )
        else:
            with transaction.atomic():
                self._time_imports(documents, accept_above, release_import)
                transaction.set_rollback(True)
            where = "current database, inside one transaction rolled back at the end (nothing kept)"
        self._line("import database", f"{connection.vendor} ({where})")

    def _time_imports(self, documents: list[Document], accept_above: float | None, release_import) -> None:
        statuses: dict[str, int] = {}
        reasons: Counter[str] = Counter()
        events = 0
        started, cpu_started = time.perf_counter(), time.process_time()
        for document in documents:
            result = release_import(document=document, accept_above=accept_above)
            statuses[result.status] = statuses.get(result.status, 0) + 1
            if getattr(result, "error", None):
                reasons[str(result.error)[:120]] += 1
            events += getattr(result, "events_proposed", None) or len(getattr(result, "events", None) or [])
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        self._line(f"import of {len(documents)} releases (wall clock)", f"{elapsed:.2f}", "s")
        self._line(f"import of {len(documents)} releases (CPU time of this process)", f"{cpu:.2f}", "s")
        self._line("import throughput", f"{len(documents) / elapsed:.1f}", "releases/s")
        self._line(
            "import results", ", ".join(f"{count} {status}" for status, count in sorted(statuses.items()))
        )
        self._line("events stored", events)
        for reason, count in reasons.most_common(3):
            self._line("import failure", f"{count} x {reason}")

    def _time_background(self, documents: list[Document]) -> None:
        """What the admin's import page does with N files (store and queue), then what the worker
        does with them: ``db_worker --batch`` runs the queue until it is empty."""
        from django.core.management import call_command

        from companies.models import ImportBatch
        from companies.services.import_batches import RawInput, releases_submit

        inputs = [RawInput(name=f"release-{i}.txt", data=d.text.encode()) for i, d in enumerate(documents)]
        started = time.perf_counter()
        batch = releases_submit(inputs=inputs).batch
        self._line(
            f"request: store and queue {len(inputs)} releases", f"{time.perf_counter() - started:.2f}", "s"
        )
        if batch is None:
            raise CommandError(f"{len(inputs)} releases import at once, not in the background: ask for more")
        started = time.perf_counter()
        call_command(
            "db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", verbosity=0
        )
        self._line(f"worker: import {len(inputs)} releases", f"{time.perf_counter() - started:.2f}", "s")
        self._line("background import state", ImportBatch.objects.get(pk=batch.pk).state)

    def _with_test_database(self, run) -> str:
        """Run on a fresh test database (migrated, destroyed afterwards) with real commits."""
        creation = connection.creation
        old_name = connection.settings_dict["NAME"]
        tmp: Path | None = None
        test_settings = connection.settings_dict.setdefault("TEST", {})
        if connection.vendor == "sqlite":
            # Django's SQLite test database is in memory by default; a file measures real commits.
            fd, name = tempfile.mkstemp(suffix=".sqlite3")
            os.close(fd)
            tmp = Path(name)
            test_settings["NAME"] = name
        else:
            # A name of our own: the usual test database may be in use by a test run right now,
            # and creating it with autoclobber would drop it.
            test_settings["NAME"] = f"test_{old_name}_benchmark_{os.getpid()}"
        test_name = creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            run()
        finally:
            creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
            if tmp is not None:
                tmp.unlink(missing_ok=True)
        return f"throwaway test database {test_name}, one commit per release, destroyed afterwards"
