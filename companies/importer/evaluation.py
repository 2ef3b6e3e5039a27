"""Score extraction against hand labels: pure functions over plain dicts, no database.

Gold labels and predictions have the same shape — the ``extract_release`` JSON object (see
``Proposal.to_json``) — so a label file is what the command would print if it were perfect:

    {"acme.txt": {"company": "Acme Corp.", "published": "2024-05-02",
                  "events": [{"type": "closed", "locality": "Dayton", "region": "US-OH",
                              "country": "US", "effective": null, "employees": 200}],
                  "claims": [{"count": 3, "countries": ["US"], "qualifier": "other"}]}}

Events are compared as (type, locality, region, country) tuples, micro-averaged over
multisets: a release that names the same closure twice must be extracted twice to score two.
Effective dates are compared at the label's precision (``effective_matches``); claim
qualifiers "remaining" and "other" count as the same (see ``claim_key``).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

EventKey = tuple[str, str | None, str | None, str | None]
ClaimKey = tuple[int | None, tuple[str, ...], str | None]

# Fields compared release by release, when the label states them.
FIELDS = ("company", "ticker", "exchange", "published", "wire", "dateline")
# Details compared on events whose tuple matched, when the label states them.
EVENT_DETAILS = ("effective", "employees")


def _place_word(value: object) -> str | None:
    """Case, accents and spacing do not make a different place ("Montréal" is "Montreal")."""
    if value is None or value == "":
        return None
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.split()).casefold()


def _code(value: object) -> str | None:
    return (str(value).strip().upper() or None) if value is not None else None


def event_key(event: Mapping) -> EventKey:
    return (
        str(event.get("type") or "").strip().lower(),
        _place_word(event.get("locality")),
        _code(event.get("region")),
        _code(event.get("country")),
    )


# Label sets that know only "other" use it for the remaining footprint too ("following the
# closure, will operate 12 plants"); our "remaining" is that narrower reading of "other".
_QUALIFIER_EQUIVALENT = {"remaining": "other"}


def claim_key(claim: Mapping) -> ClaimKey:
    countries = tuple(sorted(c.upper() for c in claim.get("countries") or []))
    qualifier = claim.get("qualifier") or None
    return (claim.get("count"), countries, _QUALIFIER_EQUIVALENT.get(qualifier, qualifier))


def effective_matches(label: object, predicted: object) -> bool:
    """Effective dates compare at the label's precision: "2024-04" matches any day of April
    2024 and "2025" any date in 2025; a full "2024-04-15" must match exactly. A label of
    null expects null."""
    if label is None or label == "":
        return predicted is None or predicted == ""
    if predicted is None:
        return False
    want, got = str(label).strip(), str(predicted).strip()
    return got == want or (len(want) in (4, 7) and got.startswith(want + "-"))


def normalise_name(name: object) -> str | None:
    """Company names are compared exactly, spacing aside."""
    return (" ".join(str(name).split()) or None) if name is not None else None


@dataclass
class Score:
    """True/false positive counts with the usual ratios.

    With nothing predicted precision is 1 (no wrong answers); with nothing to find recall is 1.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0
    misses: list[tuple[str, object, object]] = field(default_factory=list)  # (file, expected, got)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def record(self, file: str, expected: object, got: object, *, same: bool | None = None) -> None:
        self.total += 1
        if same if same is not None else expected == got:
            self.correct += 1
        else:
            self.misses.append((file, expected, got))


@dataclass
class Mismatch:
    file: str
    kind: str  # "false positive" or "false negative"
    key: tuple
    evidence: str | None = None  # the extractor's sentence, for a false positive


@dataclass
class Report:
    events: Score = field(default_factory=Score)
    by_type: dict[str, Score] = field(default_factory=dict)
    claims: Score = field(default_factory=Score)
    fields: dict[str, Accuracy] = field(default_factory=dict)
    details: dict[str, Accuracy] = field(default_factory=dict)
    mismatches: list[Mismatch] = field(default_factory=list)
    scored: int = 0
    errors: dict[str, str] = field(default_factory=dict)  # labelled file -> why it has no prediction
    unlabelled: list[str] = field(default_factory=list)


def match_multisets(gold: Iterable, predicted: Iterable) -> tuple[Counter, Counter, Counter]:
    """(matched, false positives, false negatives) as multisets of keys."""
    gold_counts, predicted_counts = Counter(gold), Counter(predicted)
    matched = gold_counts & predicted_counts
    return matched, predicted_counts - matched, gold_counts - matched


def correct_flags(gold: list[Mapping], predicted: list[Mapping]) -> list[bool]:
    """For each predicted event, in order, whether a labelled event has its key (one to one)."""
    left = Counter(event_key(e) for e in gold)
    flags: list[bool] = []
    for event in predicted:
        key = event_key(event)
        flags.append(left[key] > 0)
        left[key] -= 1
    return flags


def score_events(gold: list[Mapping], predicted: list[Mapping]) -> Score:
    matched, fps, fns = match_multisets(map(event_key, gold), map(event_key, predicted))
    return Score(sum(matched.values()), sum(fps.values()), sum(fns.values()))


def _field_value(name: str, label: Mapping) -> object:
    if name == "company":
        company = label.get("company")
        return normalise_name(company.get("name") if isinstance(company, Mapping) else company)
    if name in ("ticker", "exchange"):
        company = label.get("company")
        value = company.get(name) if isinstance(company, Mapping) else label.get(name)
        return normalise_name(value)
    if name == "dateline":
        place = label.get("dateline") or {}
        return (_place_word(place.get("locality")), _code(place.get("region")), _code(place.get("country")))
    return label.get(name) or None


def _gold_has(name: str, label: Mapping) -> bool:
    return name in label or (name in ("ticker", "exchange") and isinstance(label.get("company"), Mapping))


def _score_one(report: Report, file: str, label: Mapping, predicted: Mapping) -> None:
    gold_events = list(label.get("events") or [])
    predicted_events = list(predicted.get("events") or [])
    matched, fps, fns = match_multisets(map(event_key, gold_events), map(event_key, predicted_events))
    report.events.add(Score(sum(matched.values()), sum(fps.values()), sum(fns.values())))
    for counter, attr in ((matched, "tp"), (fps, "fp"), (fns, "fn")):
        for key, count in counter.items():
            score = report.by_type.setdefault(key[0], Score())
            setattr(score, attr, getattr(score, attr) + count)
    evidence = {event_key(e): e.get("evidence") for e in predicted_events}
    for key, count in fps.items():
        report.mismatches += [Mismatch(file, "false positive", key, evidence.get(key))] * count
    for key, count in fns.items():
        report.mismatches += [Mismatch(file, "false negative", key)] * count
    _score_details(report, file, gold_events, predicted_events)

    if "claims" in label:
        report.claims.add(_score_claims(label.get("claims") or [], predicted.get("claims") or []))
    for name in FIELDS:
        if _gold_has(name, label):
            accuracy = report.fields.setdefault(name, Accuracy())
            accuracy.record(file, _field_value(name, label), _field_value(name, predicted))


def _score_claims(gold: list[Mapping], predicted: list[Mapping]) -> Score:
    matched, fps, fns = match_multisets(map(claim_key, gold), map(claim_key, predicted))
    return Score(sum(matched.values()), sum(fps.values()), sum(fns.values()))


def _score_details(report: Report, file: str, gold: list[Mapping], predicted: list[Mapping]) -> None:
    """Effective date and head count, on events whose tuple matched (paired in order)."""
    unpaired: dict[EventKey, list[Mapping]] = {}
    for event in predicted:
        unpaired.setdefault(event_key(event), []).append(event)
    for event in gold:
        candidates = unpaired.get(event_key(event))
        if not candidates:
            continue
        match = candidates.pop(0)
        for name in EVENT_DETAILS:
            if name in event:
                same = effective_matches(event[name], match.get(name)) if name == "effective" else None
                report.details.setdefault(name, Accuracy()).record(
                    file, event[name], match.get(name), same=same
                )


def evaluate(
    labels: Mapping[str, Mapping],
    predictions: Mapping[str, Mapping],
    errors: Mapping[str, str] | None = None,
) -> Report:
    """Score ``predictions`` (file -> extract_release object) against ``labels`` (file -> label).

    A labelled file without a prediction (unreadable, extraction failed, or missing from the
    folder) scores all its events as false negatives: a broken input is a miss, not a pass.
    Predictions without a label are listed, not scored.
    """
    report = Report()
    errors = dict(errors or {})
    for file in sorted(labels):
        label = labels[file]
        predicted = predictions.get(file)
        if predicted is None:
            report.errors[file] = errors.get(file, "no such file in the folder")
            predicted = {}
        report.scored += 1
        _score_one(report, file, label, predicted)
    for file, why in errors.items():  # unreadable files that nobody labelled still get reported
        report.errors.setdefault(file, why)
    report.unlabelled = sorted(set(predictions) - set(labels))
    return report


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _show(key: tuple) -> str:
    return ", ".join("-" if part is None else str(part) for part in key)


def format_report(report: Report, *, verbose: bool = False) -> list[str]:
    """The lines the evaluate_extraction command prints ("name: value")."""
    e = report.events
    lines = [
        f"releases scored: {report.scored}",
        f"events: {e.tp + e.fn} labelled, {e.tp + e.fp} extracted, {e.tp} correct",
        f"event precision: {e.precision:.3f}",
        f"event recall: {e.recall:.3f}",
        f"event F1: {e.f1:.3f}",
    ]
    for kind in sorted(report.by_type):
        s = report.by_type[kind]
        lines.append(
            f"  {kind}: precision {s.precision:.3f}, recall {s.recall:.3f}, F1 {s.f1:.3f} "
            f"(tp {s.tp}, fp {s.fp}, fn {s.fn})"
        )
    if report.claims.tp + report.claims.fp + report.claims.fn:
        c = report.claims
        lines.append(f"claim precision: {c.precision:.3f}, recall: {c.recall:.3f}, F1: {c.f1:.3f}")
    names = {"company": "company-name accuracy", "published": "publication-date accuracy"}
    for name in FIELDS:
        if name in report.fields:
            a = report.fields[name]
            label = names.get(name, f"{name} accuracy")
            lines.append(f"{label}: {_ratio(a.value)} ({a.correct}/{a.total})")
    for name, a in report.details.items():
        how = (
            " (at the label's precision: a month or year label matches any day in it)"
            if name == "effective"
            else ""
        )
        lines.append(f"{name} accuracy on matched events: {_ratio(a.value)} ({a.correct}/{a.total}){how}")
    if report.errors:
        lines.append(f"files without a prediction: {len(report.errors)}")
        lines += [f"  {file}: {why}" for file, why in sorted(report.errors.items())]
    if report.unlabelled:
        lines.append(f"unlabelled, not scored: {', '.join(report.unlabelled)}")
    if verbose:
        for m in report.mismatches:
            line = f"{m.kind}: {m.file}: ({_show(m.key)})"
            lines.append(line + (f" <- {m.evidence!r}" if m.evidence else ""))
        for name, a in {**report.fields, **report.details}.items():
            for file, expected, got in a.misses:
                lines.append(f"wrong {name}: {file}: expected {expected!r}, got {got!r}")
    return lines
