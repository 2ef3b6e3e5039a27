"""Apply announced changes that have come due (run daily, e.g. from cron).

A closure announced for June 30 is cached as pending until then; on July 1 this command
recomputes those facilities with the same status function as everything else.
``--all`` recomputes every facility (after a bulk data repair, say).
"""

from django.core.management.base import BaseCommand

from companies.models import Facility
from companies.services.facilities import facilities_refresh, facilities_refresh_due


class Command(BaseCommand):
    help = "Recompute cached facility statuses whose announced change has come due (or all with --all)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Recompute every facility.")

    def handle(self, *args, **options):
        if options["all"]:
            count = facilities_refresh(facility_ids=Facility.objects.values_list("pk", flat=True))
        else:
            count = facilities_refresh_due()
        self.stdout.write(f"refreshed {count} facilities")
