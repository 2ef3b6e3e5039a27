"""Fit the confidence calibration (``companies/importer/data/confidence.json``) on labelled folders.

    manage.py fit_confidence tests/data/releases ... ~/footprint-corpus/real ~/footprint-corpus/na \
        ~/footprint-corpus/world --labels-root ../shared/corpus --holdout docs/real-corpus-holdout.txt

``make fit-confidence`` runs it on every labelled folder we have. Each folder's labels are
read as ``evaluate_extraction`` reads them (ours or the shared corpus's format; with
``--labels-root`` for folders whose labels live apart from their texts). Releases named in
``--holdout`` are left out, so the held-out line of ``make evaluate-real`` stays an honest
measure. The file written holds counts only (proposals made and proposals right, per raw
score and dateline flag): no text of any release.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from companies.importer import calibration, corpus_scoring
from companies.importer.evaluation import correct_flags

from .evaluate_extraction import Command as EvaluateCommand


class Command(EvaluateCommand):
    help = "Fit the event-confidence calibration on labelled folders and write it as JSON."

    def add_arguments(self, parser):
        self.add_labelled_arguments(parser)
        parser.add_argument(
            "--out", metavar="FILE", default=str(calibration.DATA_FILE), help="Where to write the table."
        )

    def handle(self, *args, **options):
        holdout = self._holdout(options["holdout"])
        observations: list[calibration.Observation] = []
        sources: list[str] = []
        for folder in map(Path, options["dirs"]):
            is_real, keyed = self._labelled(folder, options["labels_root"], holdout)
            predictions, _ = self._extract(folder, keyed, calibrated=False)
            made = 0
            for file, predicted in predictions.items():
                if file not in keyed:
                    continue
                label = keyed[file]
                events = predicted.get("events") or []
                flags = (
                    corpus_scoring.correct_flags(label, predicted)
                    if is_real
                    else correct_flags(list(label.get("events") or []), events)
                )
                dateline = predicted.get("dateline") or {}
                for event, ok in zip(events, flags, strict=True):
                    observations.append(
                        calibration.Observation(
                            raw=event["confidence"],
                            at_dateline=calibration.same_town(
                                event.get("locality"),
                                event.get("country"),
                                dateline.get("locality"),
                                dateline.get("country"),
                            ),
                            correct=ok,
                        )
                    )
                    made += 1
            sources.append(f"{folder.name}: {len(predictions)} releases, {made} proposals")
            self.stdout.write(sources[-1])
        table = calibration.fit(observations)
        payload = {
            "fitted": date.today().isoformat(),
            "sources": sources,
            "held_out": len(holdout),
            "bins": table,
        }
        out = Path(options["out"])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        right = sum(o.correct for o in observations)
        self.stdout.write(f"{len(observations)} proposals, {right} right; wrote {out}")
        for flag, bins in table.items():
            for b in bins:
                self.stdout.write(
                    f"  {flag:9} raw {b['raw']:.2f}: {b['correct']}/{b['proposed']} right -> {b['precision']:.3f}"
                )
