"""Scoring math of companies.importer.evaluation (pure, no database)."""

from __future__ import annotations

import pytest

from companies.importer.evaluation import (
    Score,
    effective_matches,
    evaluate,
    event_key,
    format_report,
    match_multisets,
    score_events,
)


def ev(
    type_: str, locality: str | None, region: str | None = None, country: str | None = "US", **extra
) -> dict:
    return {"type": type_, "locality": locality, "region": region, "country": country, **extra}


JEWETT = ev("idled", "Jewett City", "US-CT")
LITTLETON = ev("idled", "Littleton", "US-NH")


class TestScore:
    def test_ratios(self):
        s = Score(tp=3, fp=1, fn=2)
        assert s.precision == pytest.approx(0.75)
        assert s.recall == pytest.approx(0.6)
        assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)

    def test_empty_cases(self):
        assert (Score().precision, Score().recall, Score().f1) == (1.0, 1.0, 1.0)
        nothing_found = Score(fn=2)
        assert (nothing_found.precision, nothing_found.recall, nothing_found.f1) == (1.0, 0.0, 0.0)
        only_wrong = Score(fp=2)
        assert (only_wrong.precision, only_wrong.recall, only_wrong.f1) == (0.0, 1.0, 0.0)


def test_event_key_ignores_case_accents_spacing_and_extra_fields():
    predicted = {**ev("Closed", " montreal ", "ca-qc", "ca"), "evidence": "...", "confidence": 0.9}
    assert event_key(predicted) == event_key(ev("closed", "Montréal", "CA-QC", "CA"))
    assert event_key(ev("closed", "Dayton", "US-OH")) != event_key(ev("closed", "Dayton", "US-TX"))


def test_multisets_count_duplicates():
    matched, fps, fns = match_multisets(["a", "a", "b"], ["a", "b", "b", "c"])
    assert matched == {"a": 1, "b": 1}
    assert fps == {"b": 1, "c": 1}
    assert fns == {"a": 1}


def test_score_events_per_release():
    gold = [JEWETT, LITTLETON]
    assert score_events(gold, [JEWETT, LITTLETON]) == Score(2, 0, 0)
    # The dateline wrongly made an event, and one plant missed: one of each error.
    assert score_events(gold, [JEWETT, ev("idled", "Camden", "US-NY")]) == Score(1, 1, 1)
    # Right place, wrong type is both a false positive and a false negative.
    assert score_events([JEWETT], [ev("closed", "Jewett City", "US-CT")]) == Score(0, 1, 1)


def test_evaluate_micro_averages_over_releases():
    labels = {
        "a.txt": {"company": "Acme  Corp.", "published": "2024-05-02", "events": [JEWETT, LITTLETON]},
        "b.txt": {"company": "Beta Inc.", "published": "2020-01-01", "events": []},
        "feed.xml#1": {"company": "Gamma", "events": [ev("opened", "Tulsa", "US-OK")]},
    }
    predictions = {
        "a.txt": {
            "company": {"name": "Acme Corp.", "ticker": None},
            "published": "2024-05-02",
            "events": [JEWETT],
        },
        "b.txt": {
            "company": {"name": "Beta"},
            "published": "2020-01-01",
            "events": [ev("closed", "Reno", "US-NV")],
        },
        "feed.xml#1": {
            "company": {"name": "Gamma"},
            "published": None,
            "events": [ev("opened", "Tulsa", "US-OK")],
        },
        "extra.txt": {"company": None, "events": []},
    }
    report = evaluate(labels, predictions)
    assert report.scored == 3
    assert report.events == Score(tp=2, fp=1, fn=1)
    assert report.events.precision == pytest.approx(2 / 3)
    assert report.events.recall == pytest.approx(2 / 3)
    assert report.by_type["idled"] == Score(1, 0, 1)
    assert report.by_type["closed"] == Score(0, 1, 0)
    assert report.by_type["opened"] == Score(1, 0, 0)
    company = report.fields["company"]
    assert (company.correct, company.total) == (2, 3)  # whitespace aside, "Beta" is not "Beta Inc."
    published = report.fields["published"]
    assert (published.correct, published.total) == (2, 2)  # only where the label states it
    assert report.unlabelled == ["extra.txt"]
    kinds = sorted((m.kind, m.file, m.key[1]) for m in report.mismatches)
    assert kinds == [("false negative", "a.txt", "littleton"), ("false positive", "b.txt", "reno")]


def test_unreadable_labelled_file_counts_as_misses():
    labels = {"bad.html": {"events": [JEWETT, LITTLETON]}, "gone.txt": {"events": [JEWETT]}}
    report = evaluate(labels, {}, errors={"bad.html": "binary content", "other.bin": "binary content"})
    assert report.events == Score(0, 0, 3)
    assert report.errors == {
        "bad.html": "binary content",
        "gone.txt": "no such file in the folder",
        "other.bin": "binary content",
    }


def test_claims_and_event_details():
    labels = {
        "a.txt": {
            "events": [{**JEWETT, "employees": 120, "effective": None}, LITTLETON],
            "claims": [
                {"count": 13, "countries": ["US"], "qualifier": "other"},
                {"count": 19, "countries": ["US", "BE", "FR", "IT"], "qualifier": None},
            ],
            "dateline": {"locality": "Camden", "region": "US-NY", "country": "US"},
        }
    }
    predictions = {
        "a.txt": {
            "events": [{**JEWETT, "employees": 100, "effective": None}, LITTLETON],
            "claims": [{"count": 19, "countries": ["IT", "FR", "BE", "US"], "qualifier": None}],
            "dateline": {"locality": "Camden", "region": "US-NY", "country": "US"},
        }
    }
    report = evaluate(labels, predictions)
    assert report.claims == Score(1, 0, 1)
    assert (report.details["employees"].correct, report.details["employees"].total) == (0, 1)
    assert (report.details["effective"].correct, report.details["effective"].total) == (1, 1)
    assert report.fields["dateline"].correct == 1


def test_format_report_lines():
    labels = {"a.txt": {"company": "Acme", "published": "2024-05-02", "events": [JEWETT]}}
    predictions = {
        "a.txt": {
            "company": {"name": "Acme"},
            "published": "2024-05-03",
            "events": [{**ev("idled", "Camden", "US-NY"), "evidence": "CAMDEN, N.Y. --"}],
        }
    }
    lines = format_report(evaluate(labels, predictions), verbose=True)
    assert "event precision: 0.000" in lines
    assert "event recall: 0.000" in lines
    assert "event F1: 0.000" in lines
    assert "company-name accuracy: 1.000 (1/1)" in lines
    assert "publication-date accuracy: 0.000 (0/1)" in lines
    assert "false positive: a.txt: (idled, camden, US-NY, US) <- 'CAMDEN, N.Y. --'" in lines
    assert "false negative: a.txt: (idled, jewett city, US-CT, US)" in lines
    assert "wrong published: a.txt: expected '2024-05-02', got '2024-05-03'" in lines
    quiet = format_report(evaluate(labels, predictions))
    assert not any(line.startswith(("false", "wrong")) for line in quiet)


@pytest.mark.parametrize(
    ("label", "predicted", "same"),
    [
        ("2024-04", "2024-04-30", True),
        ("2024-04", "2024-05-01", False),
        ("2025", "2025-12-31", True),
        ("2025", "2026-01-01", False),
        ("2024-04-15", "2024-04-15", True),
        ("2024-04-15", "2024-04-30", False),
        (None, None, True),
        (None, "2024-04-30", False),
        ("2024-04", None, False),
    ],
)
def test_effective_compared_at_the_labels_precision(label, predicted, same):
    assert effective_matches(label, predicted) is same


def test_effective_accuracy_uses_the_labels_precision_and_says_so():
    event = {"type": "closed", "locality": "Erie", "region": "US-PA", "country": "US"}
    labels = {"a.txt": {"events": [{**event, "effective": "2024-06"}]}}
    predictions = {"a.txt": {"events": [{**event, "effective": "2024-06-30"}]}}
    report = evaluate(labels, predictions)
    assert (report.details["effective"].correct, report.details["effective"].total) == (1, 1)
    line = next(x for x in format_report(report) if x.startswith("effective accuracy"))
    assert "label's precision" in line


def test_remaining_and_other_qualifiers_score_alike():
    gold = [{"count": 7, "countries": ["US"], "qualifier": "other"}]
    predicted = [{"count": 7, "countries": ["US"], "qualifier": "remaining"}]
    labels = {"a.txt": {"events": [], "claims": gold}}
    report = evaluate(labels, {"a.txt": {"events": [], "claims": predicted}})
    assert (report.claims.tp, report.claims.fp, report.claims.fn) == (1, 0, 0)
