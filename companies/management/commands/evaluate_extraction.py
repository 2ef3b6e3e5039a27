"""Measure extraction against a labelled folder: event precision/recall/F1 and field accuracy.

``DIR/labels.json`` maps each file name (relative to DIR; ``feed.xml#N`` for feed entries) to
what ``extract_release`` should print for it. The scoring is ``companies.importer.evaluation``;
this command only reads the folder, extracts and prints.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from companies.importer.evaluation import evaluate, format_report
from companies.importer.extract import extract
from companies.importer.inputs import InputError, iter_paths, read_path


class Command(BaseCommand):
    help = "Score extraction on a labelled folder of releases (precision, recall, F1, accuracies)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("dir", metavar="DIR", help="Folder of release files with a labels.json.")
        parser.add_argument("--labels", metavar="FILE", help="Labels file (default DIR/labels.json).")
        parser.add_argument("--verbose", action="store_true", help="List every false positive/negative.")
        parser.add_argument(
            "--fail-under", type=float, metavar="F1", help="Exit non-zero if event F1 is below this (for CI)."
        )

    def handle(self, *args, **options):
        folder = Path(options["dir"])
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        labels = self._labels(Path(options["labels"]) if options["labels"] else folder / "labels.json")
        predictions, errors = self._extract(folder, labels)
        report = evaluate(labels, predictions, errors)
        for line in format_report(report, verbose=options["verbose"]):
            self.stdout.write(line)
        threshold = options["fail_under"]
        if threshold is not None and report.events.f1 < threshold:
            raise CommandError(f"event F1 {report.events.f1:.3f} is below {threshold}")

    def _labels(self, path: Path) -> dict:
        try:
            labels = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"cannot read labels {path}: {error.strerror or error}") from None
        except ValueError as error:
            raise CommandError(f"labels {path} are not valid JSON: {error}") from None
        if not isinstance(labels, dict):
            raise CommandError(f"labels {path} must be an object keyed by file name")
        return labels

    def _extract(self, folder: Path, labels: dict) -> tuple[dict[str, dict], dict[str, str]]:
        """Predictions and read errors keyed as the labels are: path relative to the folder."""
        predictions: dict[str, dict] = {}
        errors: dict[str, str] = {}
        for path in iter_paths([folder]):
            relative = path.relative_to(folder).as_posix()
            # A label may name a file in a subfolder by its bare name.
            key = relative if relative in labels or path.name not in labels else path.name
            try:
                documents = read_path(path)
            except InputError as error:
                errors[key] = str(error)
                continue
            for n, document in enumerate(documents, start=1):
                name = f"{key}#{n}" if document.name != str(path) else key
                try:
                    proposal = extract(
                        document.text, headline=document.headline, published=document.published
                    )
                except Exception as error:  # score the rest; the failure shows as misses
                    errors[name] = f"extraction failed: {error!r}"
                    continue
                predictions[name] = proposal.to_json(file=name)
        return predictions, errors
