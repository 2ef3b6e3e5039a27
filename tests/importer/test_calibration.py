"""Confidence calibration: the fitted table, its lookup and the dateline ceiling."""

import json

import pytest

from companies.importer import calibration
from companies.importer.calibration import DATELINE_CEILING, Observation, calibrate, fit
from companies.importer.proposal import PlaceRef, ProposedEvent


def _obs(raw, right, wrong=0, dateline=False):
    return [Observation(raw, dateline, True)] * right + [Observation(raw, dateline, False)] * wrong


def test_fit_counts_each_bin_and_smooths_it():
    table = fit(_obs(0.95, 8, 2))
    (only,) = table["elsewhere"]
    assert (only["raw"], only["proposed"], only["correct"]) == (0.95, 10, 8)
    assert only["precision"] == pytest.approx(9 / 12, abs=1e-3)  # add-one: never certainty
    assert table["dateline"] == []


def test_fitted_precision_never_falls_as_the_raw_score_rises():
    # the lower score measured better here: the two bins are pooled into one precision
    table = fit(_obs(0.6, 9, 1) + _obs(0.95, 5, 5))
    low, high = table["elsewhere"]
    assert low["precision"] == high["precision"] == pytest.approx((10 + 6) / (12 + 12), abs=1e-3)


def test_calibrate_takes_the_bin_at_or_below_the_raw_score():
    table = fit(_obs(0.6, 1, 3) + _obs(0.95, 18))
    assert calibrate(0.95, at_dateline=False, table=table) == pytest.approx(19 / 20, abs=1e-3)
    assert calibrate(0.98, at_dateline=False, table=table) == pytest.approx(19 / 20, abs=1e-3)
    assert calibrate(0.7, at_dateline=False, table=table) == pytest.approx(2 / 6, abs=1e-3)


def test_an_unmeasured_score_stays_as_it_was():
    assert calibrate(0.42, at_dateline=False, table={}) == 0.42


def test_a_dateline_town_never_reaches_the_ceiling_however_well_it_measured():
    table = fit(_obs(0.95, 500, dateline=True))
    assert calibrate(0.95, at_dateline=True, table=table) == DATELINE_CEILING < 0.95


@pytest.mark.parametrize(
    ("place", "dateline", "expected"),
    [
        (PlaceRef("Muncie", "US-IN", "US"), PlaceRef("MUNCIE", "US-IN", "US"), True),
        (PlaceRef("Muncie", "US-IN", "US"), PlaceRef("Dayton", "US-OH", "US"), False),
        (PlaceRef("Paris", None, "FR"), PlaceRef("Paris", "US-TX", "US"), False),
        (PlaceRef("Muncie", "US-IN", "US"), None, False),
    ],
)
def test_at_dateline(place, dateline, expected):
    assert calibration.at_dateline(place, dateline) is expected


def test_the_shipped_table_is_counts_only_and_monotonic():
    payload = json.loads(calibration.DATA_FILE.read_text(encoding="utf-8"))
    for bins in payload["bins"].values():
        assert all(set(b) == {"raw", "proposed", "correct", "precision"} for b in bins)
        assert all(0 <= b["correct"] <= b["proposed"] for b in bins)
        precisions = [b["precision"] for b in bins]
        assert precisions == sorted(precisions)


def test_apply_replaces_raw_scores_in_place():
    events = [
        ProposedEvent("closed", PlaceRef("Muncie", "US-IN", "US"), "x", 0.95),
        ProposedEvent("closed", PlaceRef("Erie", "US-PA", "US"), "y", 0.95),
    ]
    calibration.apply(events, PlaceRef("Muncie", "US-IN", "US"))
    assert events[0].confidence <= DATELINE_CEILING
    assert events[1].confidence == calibrate(0.95, at_dateline=False)
