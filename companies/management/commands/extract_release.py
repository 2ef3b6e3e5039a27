"""Print what the importer would propose for release files, as JSON Lines; no database.

One object per release (a feed file gives one per entry, named ``feed.xml#N``) in the shape of
``Proposal.to_json``. A file that cannot be read prints ``{"file": ..., "error": ...}``; the
command carries on and exits non-zero at the end, so scripts see both the output and the failure.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from companies.importer.extract import extract
from companies.importer.inputs import InputError, iter_paths, read_path


class Command(BaseCommand):
    help = "Extract facility events from release files (text, HTML, .eml, RSS/Atom) and print JSON Lines."
    # Pure extraction: no models are read, so neither system nor migration checks are needed.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="Release files or folders of them.")

    def handle(self, *args, **options):
        failed: list[str] = []
        for path in iter_paths(options["files"]):
            try:
                documents = read_path(path)
            except InputError as error:
                self._emit({"file": str(path), "error": str(error)})
                failed.append(str(path))
                continue
            for document in documents:
                try:
                    proposal = extract(
                        document.text, headline=document.headline, published=document.published
                    )
                except Exception as error:  # one bad release must not stop the rest
                    self._emit({"file": document.name, "error": f"extraction failed: {error!r}"})
                    failed.append(document.name)
                    continue
                self._emit(proposal.to_json(file=document.name))
        if failed:
            noun = "file or entry" if len(failed) == 1 else "files or entries"
            raise CommandError(f"{len(failed)} {noun} could not be read or extracted: {', '.join(failed)}")

    def _emit(self, obj: dict) -> None:
        self.stdout.write(json.dumps(obj))
