"""Rewrite every facility's status spans from its accepted events (a repair, never a routine).

Spans are rewritten whenever events change, in the same transaction, and an announced change
takes effect on its date by itself (a span starts that day), so nothing needs to run daily.
This command is for after a repair that went around the models (raw SQL, a restored table).
``--all`` is accepted for old scripts: every facility is rewritten either way.
"""

from django.core.management.base import BaseCommand

from companies.models import Facility
from companies.services.facilities import facilities_refresh


class Command(BaseCommand):
    help = "Rewrite every facility's status spans from its accepted events (a repair; not needed daily)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Accepted for old scripts; the default.")

    def handle(self, *args, **options):
        count = facilities_refresh(facility_ids=Facility.objects.values_list("pk", flat=True))
        self.stdout.write(f"refreshed {count} facilities")
