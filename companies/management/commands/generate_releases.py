"""``manage.py generate_releases DIR [-n 500] [--seed 1]``: write plausible press releases as .txt files.

The texts are ``companies.release_writer.release_texts``: deterministic, in our own words, one
change at one plant of an invented company each. ``make load-under-import`` imports them while the
load test runs. The folder must be empty or new (files of an earlier run are not mixed in).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from companies.release_writer import release_texts


class Command(BaseCommand):
    help = "Write deterministic, plausible press releases (.txt) into a folder, for import benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="DIR", help="An empty or new folder.")
        parser.add_argument("-n", "--count", type=int, default=500, help="Releases (default 500).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")

    def handle(self, *args, folder: str, count: int, seed: int, **options):
        if count < 1:
            raise CommandError("--count must be at least 1")
        path = Path(folder)
        if path.exists() and any(path.iterdir()):
            raise CommandError(f"{path} is not empty")
        path.mkdir(parents=True, exist_ok=True)
        releases = release_texts(count, seed)
        for release in releases:
            (path / release.name).write_text(release.text, encoding="utf-8")
        companies = len({release.company for release in releases})
        self.stdout.write(f"{len(releases)} releases ({companies} companies) written to {path}")
