"""Load the demo data: the International Wire release that started Footprint, and a few
clearly fictional companies that show the other paths (opened, expanded, reopened, closed,
sold, a future closure).

The releases go through the same import service as every other release (``import_paths``),
with their events accepted, so the demo shows what the importer really produces. Running it
again changes nothing: releases are stored once by content hash.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from companies.services.imports import import_paths

DEMO_RELEASES = Path(__file__).resolve().parents[2] / "demo" / "releases"


class Command(BaseCommand):
    help = "Load the demo releases (International Wire and fictional companies), accepting their events."

    def handle(self, *args, **options):
        summary = import_paths(paths=[DEMO_RELEASES], accept_above=0.0)
        for result in summary.results:
            self.stdout.write(f"{result.name}: {result.status}")
        self.stdout.write(
            f"demo: {summary.imported} imported, {summary.already_imported} already imported, "
            f"{summary.failed} failed"
        )
        if summary.failed:
            raise CommandError("some demo releases failed to import")
