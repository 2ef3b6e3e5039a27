"""``manage.py import_releases PATH [PATH ...]``: import releases from files, folders and feeds.

Thin: the work is ``companies.services.imports.import_paths``, the same service the admin
"Import releases" page uses. Prints one line per file (per entry for feeds) and a total; exits
non-zero at the end, naming the files, if any could not be read or imported.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from companies.services.imports import FileResult, import_paths


def _confidence(value: str) -> float:
    number = float(value)
    if not 0 <= number <= 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = "Import press releases (text, HTML, e-mail, RSS/Atom feeds; folders recursively)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Files or folders to import.")
        parser.add_argument(
            "--accept-above",
            type=_confidence,
            default=None,
            metavar="CONFIDENCE",
            help="Accept events whose confidence is at least this (0–1) at once; others stay proposed.",
        )

    def handle(self, *args, paths: list[str], accept_above: float | None, **options) -> None:
        summary = import_paths(paths=paths, accept_above=accept_above, on_file=self.report)
        self.stdout.write(summary.total_line())
        if summary.failed_paths:
            raise CommandError("could not import: " + ", ".join(summary.failed_paths))

    def report(self, file: FileResult) -> None:
        if file.error is not None:
            self.stderr.write(f"{file.path}: error: {file.error}")
            return
        for result in file.results:
            line = f"{result.name}: {result.summary()}"
            if result.failed:
                self.stderr.write(line)
            else:
                self.stdout.write(line)
            for warning in result.warnings:
                self.stdout.write(f"  warning: {warning}")
