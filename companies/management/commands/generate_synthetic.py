"""Generate synthetic companies, facilities and events for benchmarks (``services.synthetic``).

    manage.py generate_synthetic --companies 5000 --facilities 200000 --events 854000 --seed 1

Deterministic for the same arguments. Run it on a fresh database (it refuses one that already
holds synthetic companies), e.g. ``DATABASE_URL=sqlite:////tmp/synthetic.sqlite3``.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from companies.services.synthetic import DEFAULT_UNTIL, SyntheticDataExists, synthetic_generate


class Command(BaseCommand):
    help = "Generate deterministic synthetic companies, facilities and events (Zipf sizes, families)."

    def add_arguments(self, parser):
        parser.add_argument("--companies", type=int, default=5000, help="Companies (default 5000).")
        parser.add_argument("--facilities", type=int, default=200_000, help="Facilities (default 200000).")
        parser.add_argument(
            "--events", type=int, default=854_000, help="Events, at least one per facility (default 854000)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--until",
            type=date.fromisoformat,
            default=DEFAULT_UNTIL,
            help=f"Last day of announcements, YYYY-MM-DD (default {DEFAULT_UNTIL.isoformat()}).",
        )
        parser.add_argument("--chunk-size", type=int, default=5000, help="Facilities per transaction.")

    def handle(self, *args, **options):
        for name in ("companies", "facilities", "events", "chunk_size"):
            if options[name] < 1:
                raise CommandError(f"--{name.replace('_', '-')} must be at least 1")
        try:
            result = synthetic_generate(
                companies=options["companies"],
                facilities=options["facilities"],
                events=options["events"],
                seed=options["seed"],
                until=options["until"],
                chunk_size=options["chunk_size"],
                progress=self.stdout.write,
            )
        except SyntheticDataExists as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"generated {result.companies} companies, {result.locations} locations, "
            f"{result.facilities} facilities, {result.releases} releases, {result.events} events, "
            f"{result.spans} status spans in {result.total_seconds:.1f} s"
        )
        self.stdout.write(
            "  " + ", ".join(f"{step} {seconds:.1f} s" for step, seconds in result.seconds.items())
        )
