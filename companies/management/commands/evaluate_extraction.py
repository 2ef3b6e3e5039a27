"""Measure extraction against labelled folders: event precision/recall/F1 and field accuracy.

Two label formats are read, told apart by their shape:

- ours (``tests/data/*/labels.json``): an object mapping each file name (relative to DIR;
  ``feed.xml#N`` for feed entries) to what ``extract_release`` should print for it, scored by
  ``companies.importer.evaluation``;
- the shared real-release corpus's: a list of entries with ``file``, ``company``, ``date`` and
  ``events``, scored by ``companies.importer.corpus_scoring`` the way its own scorer does.

Several folders can be scored at once (``make evaluate-real``): each prints its line, then the
total. Files named in ``--holdout`` are scored apart and their misses are never printed.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from companies.importer import corpus_scoring
from companies.importer.evaluation import evaluate, format_report
from companies.importer.extract import extract
from companies.importer.inputs import InputError, iter_paths, read_path
from companies.importer.proposal import Proposal


class Command(BaseCommand):
    help = "Score extraction on labelled folders of releases (precision, recall, F1, accuracies)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("dirs", nargs="+", metavar="DIR", help="Folder(s) of release files.")
        parser.add_argument("--labels", metavar="FILE", help="Labels file (default DIR/labels.json).")
        parser.add_argument(
            "--labels-root",
            metavar="ROOT",
            help="Read each DIR's labels from ROOT/<DIR's name>/labels.json (texts kept apart from labels).",
        )
        parser.add_argument(
            "--holdout",
            metavar="FILE",
            help="Releases (one 'folder/file' a line) scored apart, whose misses are never printed.",
        )
        parser.add_argument("--verbose", action="store_true", help="List every miss and extra.")
        parser.add_argument(
            "--by-type",
            action="store_true",
            help="Also print event counts by type (real-corpus labels; counts only, held-out too).",
        )
        parser.add_argument(
            "--fail-under", type=float, metavar="F1", help="Exit non-zero if event F1 is below this (for CI)."
        )

    def handle(self, *args, **options):
        folders = [Path(d) for d in options["dirs"]]
        for folder in folders:
            if not folder.is_dir():
                raise CommandError(f"{folder} is not a folder")
        if options["labels"] and len(folders) > 1:
            raise CommandError("--labels names one folder's labels; use --labels-root for several")
        holdout = self._holdout(options["holdout"])
        corpus_results: list[tuple[str, list[corpus_scoring.FileResult]]] = []
        f1 = 1.0
        for folder in folders:
            labels_path = (
                Path(options["labels"])
                if options["labels"]
                else Path(options["labels_root"]) / folder.name / "labels.json"
                if options["labels_root"]
                else folder / "labels.json"
            )
            labels = self._labels(labels_path)
            if isinstance(labels, list):
                results = self._score_corpus(folder, labels)
                corpus_results.append((folder.name, results))
                f1 = min(f1, corpus_scoring.tally(results).events.f1)
                continue
            if len(folders) > 1:
                self.stdout.write(f"== {folder}")
            predictions, errors = self._extract(folder, labels)
            report = evaluate(labels, predictions, errors)
            for line in format_report(report, verbose=options["verbose"]):
                self.stdout.write(line)
            f1 = min(f1, report.events.f1)
        if corpus_results:
            f1 = self._print_corpus(
                corpus_results, holdout, verbose=options["verbose"], by_type=options["by_type"]
            )
        threshold = options["fail_under"]
        if threshold is not None and f1 < threshold:
            raise CommandError(f"event F1 {f1:.3f} is below {threshold}")

    def _print_corpus(self, corpora, holdout: set[str], *, verbose: bool, by_type: bool = False) -> float:
        everything, development, held = [], [], []
        for name, results in corpora:
            self.stdout.write(corpus_scoring.tally(results).line(name))
            for result in results:
                everything.append(result)
                hidden = f"{name}/{result.file}" in holdout
                (held if hidden else development).append(result)
                if verbose and not hidden:
                    for line in corpus_scoring.describe(result):
                        self.stdout.write(line)
        total = corpus_scoring.tally(everything)
        if len(corpora) > 1:
            self.stdout.write(total.line("all"))
        if by_type:
            self.stdout.write(total.types_line())
        if holdout:
            self.stdout.write(corpus_scoring.tally(development).line("development (misses listed with -v)"))
            held_tally = corpus_scoring.tally(held)
            self.stdout.write(held_tally.line("held out (score only)"))
            if by_type:
                self.stdout.write(held_tally.types_line())
        return total.events.f1

    @staticmethod
    def add_labelled_arguments(parser) -> None:
        """The arguments of a command that reads labelled folders to fit something on them."""
        parser.add_argument("dirs", nargs="+", metavar="DIR", help="Labelled folder(s) of release files.")
        parser.add_argument(
            "--labels-root",
            metavar="ROOT",
            action="append",
            default=[],
            help="Read each DIR's labels from ROOT/<DIR's name>/labels.json when DIR has none "
            "(repeatable: the first ROOT that has them).",
        )
        parser.add_argument("--holdout", metavar="FILE", help="Releases ('folder/file' a line) left out.")

    def _labelled(self, folder: Path, roots: list[str], holdout: set[str]) -> tuple[bool, dict]:
        """One labelled folder: whether its labels are the real corpus's list (else ours), and
        its labels keyed by file, held-out releases left out."""
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        candidates = [folder, *(Path(root) / folder.name for root in roots)]
        path = next(
            (c / "labels.json" for c in candidates if (c / "labels.json").exists()), folder / "labels.json"
        )
        labels = self._labels(path)
        keyed = {e["file"]: e for e in labels} if isinstance(labels, list) else labels
        return isinstance(labels, list), {
            f: v for f, v in keyed.items() if f"{folder.name}/{f}" not in holdout
        }

    def _holdout(self, path: str | None) -> set[str]:
        if not path:
            return set()
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise CommandError(f"cannot read holdout list {path}: {error.strerror or error}") from None
        return {line.strip() for line in lines if line.strip() and not line.startswith("#")}

    def _labels(self, path: Path) -> dict | list:
        try:
            labels = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"cannot read labels {path}: {error.strerror or error}") from None
        except ValueError as error:
            raise CommandError(f"labels {path} are not valid JSON: {error}") from None
        if isinstance(labels, list):
            if not all(isinstance(entry, dict) and entry.get("file") for entry in labels):
                raise CommandError(f"labels {path}: every entry of the list needs a 'file'")
            return labels
        if not isinstance(labels, dict):
            raise CommandError(f"labels {path} must be an object keyed by file name, or a list of entries")
        return labels

    def _score_corpus(self, folder: Path, labels: list[dict]) -> list[corpus_scoring.FileResult]:
        keyed = {entry["file"]: entry for entry in labels}
        predictions, errors = self._extract(folder, keyed)
        for file, why in sorted(errors.items()):
            self.stderr.write(f"{folder.name}/{file}: {why}")
        missing = [f for f in keyed if f not in predictions and f not in errors]
        if missing:
            self.stderr.write(
                f"{folder.name}: {len(missing)} labelled file(s) not in {folder}, scored as misses"
            )
        return [corpus_scoring.score_file(entry, predictions.get(entry["file"], {})) for entry in labels]

    def _extract(
        self,
        folder: Path,
        labels: dict,
        *,
        calibrated: bool = True,
        decided: bool = True,
        proposals: dict[str, Proposal] | None = None,
    ) -> tuple[dict[str, dict], dict[str, str]]:
        """Predictions and read errors keyed as the labels are: path relative to the folder
        (``calibrated=False``: the event finder's raw scores, for fit_confidence;
        ``decided=False``: every proposal, none set aside, for fit_decision). ``proposals``,
        when given, also receives each ``Proposal`` under its key."""
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
                        document.text,
                        headline=document.headline,
                        published=document.published,
                        calibrated=calibrated,
                        decided=decided,
                    )
                except Exception as error:  # score the rest; the failure shows as misses
                    errors[name] = f"extraction failed: {error!r}"
                    continue
                predictions[name] = proposal.to_json(file=name)
                if proposals is not None:
                    proposals[name] = proposal
        return predictions, errors
