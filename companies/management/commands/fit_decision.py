"""Fit the importer's keep-or-set-aside decision (``companies/importer/data/decision.json``).

    manage.py fit_decision tests/data/releases ... ~/footprint-corpus/real ~/footprint-corpus/fresh2-a ... \
        --labels-root ../shared/corpus --labels-root docs/fresh-corpus --holdout docs/real-corpus-holdout.txt \
        --ours-weight 0.1

``make fit-decision`` runs it on our corpora and every labelled real folder we develop on. Every
release is extracted with nothing set aside; each proposed event becomes one example
(``decision.features``) labelled right or wrong the way its corpus is scored. A logistic
regression (scikit-learn, a development dependency: the product only reads the weights) is
fitted on them, proposals from our own corpora weighted ``--ours-weight`` against real ones:
ours are many and nearly all right, and would teach the model that everything is. The keep
threshold is chosen on out-of-fold probabilities (folds by release, so no release is judged by
a model that saw it) of the real releases, the measure: the one with the best event F1,
counting every labelled event the rules never proposed as a miss whatever the threshold; unless
one beats keeping everything by ``MIN_GAIN``, the threshold is 0 and nothing is set aside.
Releases named in ``--holdout`` are left out, so the held-out line of ``make evaluate-real``
stays an honest measure. Ties in the extraction are broken by order, not by hash, so the file is
the same run to run. It holds feature names, weights and counts: no text of any release.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.management.base import CommandError

from companies.importer import corpus_scoring, decision
from companies.importer.evaluation import correct_flags
from companies.importer.proposal import Proposal

from .evaluate_extraction import Command as EvaluateCommand

THRESHOLDS = [round(0.05 * i, 2) for i in range(0, 16)]
# a threshold must beat keeping every proposal by this much out-of-fold F1 to be used: a smaller
# gain is one release's luck, and every proposal set aside is work for the editor
MIN_GAIN = 0.005


class Command(EvaluateCommand):
    help = "Fit the keep-or-set-aside decision on labelled folders and write it as JSON."

    def add_arguments(self, parser):
        self.add_labelled_arguments(parser)
        parser.add_argument("--folds", type=int, default=5, help="Folds for choosing the threshold (5).")
        parser.add_argument("--strength", type=float, default=1.0, help="Inverse L2 strength C (1.0).")
        parser.add_argument(
            "--ours-weight",
            type=float,
            default=1.0,
            help="Weight of proposals from our own corpora (their label format) against real ones (1.0).",
        )
        parser.add_argument(
            "--out", metavar="FILE", default=str(decision.DATA_FILE), help="Where to write the model."
        )

    def handle(self, *args, **options):
        try:
            import numpy as np
            from sklearn.linear_model import LogisticRegression
            from sklearn.model_selection import GroupKFold
        except ImportError:
            raise CommandError(
                "fit_decision needs scikit-learn, a development dependency: pip install -r requirements-dev.txt"
            ) from None
        holdout = self._holdout(options["holdout"])
        rows: list[list[float]] = []
        right: list[int] = []
        groups: list[int] = []
        real: list[bool] = []  # from a real-release corpus (its label list), not one of ours
        gold_total = gold_real = 0
        sources: list[str] = []
        release = 0
        for folder in map(Path, options["dirs"]):
            is_real, keyed = self._labelled(folder, options["labels_root"], holdout)
            proposals: dict[str, Proposal] = {}
            predictions, _ = self._extract(
                folder, keyed, calibrated=False, decided=False, proposals=proposals
            )
            made = 0
            for file, label in keyed.items():
                gold_total += len(label.get("events") or [])
                gold_real += len(label.get("events") or []) if is_real else 0
                if file not in predictions:
                    continue
                predicted = predictions[file]
                flags = (
                    corpus_scoring.correct_flags(label, predicted)
                    if is_real
                    else correct_flags(list(label.get("events") or []), predicted.get("events") or [])
                )
                proposal = proposals[file]
                for event, ok in zip(proposal.events, flags, strict=True):
                    values = decision.features(event, proposal)
                    rows.append([values[name] for name in decision.FEATURES])
                    right.append(int(ok))
                    groups.append(release)
                    real.append(is_real)
                    made += 1
                release += 1
            sources.append(f"{folder.name}: {len(keyed)} releases, {made} proposals")
            self.stdout.write(sources[-1])
        if len(set(right)) < 2:
            raise CommandError("the proposals are all right or all wrong: nothing to fit")
        X, y = np.array(rows), np.array(right)
        weights = np.array([1.0 if r else options["ours_weight"] for r in real])

        def model():
            return LogisticRegression(C=options["strength"], max_iter=5000)

        folds = min(options["folds"], len(set(groups)))
        out_of_fold = np.zeros(len(y))
        for train, test in GroupKFold(n_splits=folds).split(X, y, groups):
            if len(set(y[train])) < 2:  # a fold with one kind only: its share is all it knows
                out_of_fold[test] = float(y[train].mean())
                continue
            fold_model = model().fit(X[train], y[train], sample_weight=weights[train])
            out_of_fold[test] = fold_model.predict_proba(X[test])[:, 1]
        # as in extraction, an event its headline names is always kept
        out_of_fold[X[:, decision.FEATURES.index("headline_confirms")] == 1] = 1.0
        # the threshold is chosen on real releases when there are any: they are the measure
        on_real = np.array(real) if any(real) else np.ones(len(y), dtype=bool)
        table = [
            _f1_at(t, out_of_fold[on_real], y[on_real], gold_real if any(real) else gold_total)
            for t in THRESHOLDS
        ]
        best = max(table, key=lambda row: (row["f1"], -row["threshold"]))
        if best["f1"] < table[0]["f1"] + MIN_GAIN:
            best = table[0]  # no threshold earns its keep: set nothing aside
        fitted = model().fit(X, y, sample_weight=weights)
        payload = {
            "fitted": date.today().isoformat(),
            "sources": sources,
            "held_out": len(holdout),
            "examples": len(y),
            "right": int(y.sum()),
            "labelled_events": gold_total,
            "strength": options["strength"],
            "ours_weight": options["ours_weight"],
            "features": list(decision.FEATURES),
            "weights": {
                name: round(float(w), 4) for name, w in zip(decision.FEATURES, fitted.coef_[0], strict=True)
            },
            "intercept": round(float(fitted.intercept_[0]), 4),
            "threshold": best["threshold"],
            "out_of_fold": table,
        }
        out = Path(options["out"])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        self.stdout.write(
            f"{len(y)} proposals, {int(y.sum())} right, {gold_total} labelled events; wrote {out}"
        )
        for row in table:
            mark = "  <- chosen" if row is best else ""
            self.stdout.write(
                f"  keep at p >= {row['threshold']:.2f}: P {row['precision']:.3f} R {row['recall']:.3f} "
                f"F1 {row['f1']:.3f}{mark}"
            )


def _f1_at(threshold: float, probability, right, gold_total: int) -> dict:
    kept = probability >= threshold
    tp = int((kept & (right == 1)).sum())
    fp = int((kept & (right == 0)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "threshold": threshold,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }
