"""Time the analyst pages on whatever database ``DATABASE_URL`` points to (``make bench-pages``).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/footprint_bench manage.py bench_pages --runs 20

Fill the database first with ``generate_synthetic``. Each page is requested once to warm up and
count its queries, then ``--runs`` times through Django's test client in this process with
``DEBUG`` off; the table gives the median and p95 of those server times (``companies.page_bench``).
"""

from __future__ import annotations

import platform
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import override_settings

from companies.page_bench import measure, peak_rss_mb, pick_subjects, table, targets


class Command(BaseCommand):
    help = "Median, p95 and query count of every analyst page, in-process, on the configured database."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=10, help="Timed requests per page (default 10).")
        parser.add_argument(
            "--only", default="", help="Time only the pages whose name contains this text (e.g. 'company')."
        )

    def handle(self, *args, **options):
        runs = options["runs"]
        if runs < 1:
            raise CommandError("--runs must be at least 1")
        try:
            subjects = pick_subjects()
        except ValueError as error:
            raise CommandError(str(error)) from error
        chosen = [t for t in targets(subjects) if options["only"].lower() in t.name.lower()]
        vendor = connection.vendor
        self.stdout.write(
            f"{vendor} ({connection.settings_dict['NAME']}), {runs} runs per page, DEBUG off; "
            f"{platform.python_implementation()} {platform.python_version()}"
        )
        self.stdout.write(
            f"biggest company: {subjects.company_slug}, {subjects.own_facilities:,} own facilities, "
            f"{subjects.family_facilities:,} with its {subjects.subsidiaries} subsidiaries; "
            f"as_of {subjects.as_of.isoformat()}; changes over {subjects.year}"
        )
        results = []
        started = time.perf_counter()
        # Collected static files are not needed to time the pages: hashed names only change URLs.
        storages = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        with override_settings(
            DEBUG=False, ALLOWED_HOSTS=["testserver", *settings.ALLOWED_HOSTS], STORAGES=storages
        ):
            client = Client()
            for target in chosen:
                result = measure(client, target, runs)
                results.append(result)
                self.stderr.write(f"  {target.name}: median {result.median_ms:,.0f} ms")
        self.stdout.write(table(results))
        self.stdout.write(
            f"peak memory of this process: {peak_rss_mb():,.0f} MB; {time.perf_counter() - started:,.0f} s in all"
        )
