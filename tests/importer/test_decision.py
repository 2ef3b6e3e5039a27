"""The fitted keep-or-set-aside decision: its features, its model file and what it sets aside."""

import json
from datetime import date

import pytest

from companies.importer import decision
from companies.importer.decision import FEATURES, Model, features
from companies.importer.extract import extract
from companies.importer.proposal import CompanyRef, PlaceRef, Proposal, ProposedEvent

BODY = (
    "Acme Mills closes Dayton plant\n\n"
    "DAYTON, Ohio, May 3, 2016 - Acme Mills Inc. will close its Dayton plant by June. "
    "The company opened its Erie, Pennsylvania warehouse in 2009, which may be reviewed."
)


def _event(
    type_="closed", town="Dayton", evidence="Acme Mills Inc. will close its Dayton plant by June.", **kw
):
    return ProposedEvent(
        type=type_,
        place=PlaceRef(town, "US-OH", "US"),
        evidence=evidence,
        confidence=kw.pop("confidence", 0.95),
        **kw,
    )


def _proposal(*events):
    return Proposal(
        headline="Acme Mills closes Dayton plant",
        published=date(2016, 5, 3),
        dateline=PlaceRef("Dayton", "US-OH", "US"),
        company=CompanyRef("Acme Mills Inc."),
        events=list(events),
        body=BODY,
    )


def test_every_feature_is_named_and_between_zero_and_one():
    event = _event(facility="Dayton plant", kind="plant")
    values = features(event, _proposal(event))
    assert set(values) == set(FEATURES)
    assert all(0.0 <= v <= 1.0 for v in values.values())


def test_the_headline_news_and_the_opening_sentence_are_read():
    event = _event()
    values = features(event, _proposal(event))
    assert values["headline_same_type"] == 1.0
    assert values["place_in_headline"] == 1.0
    assert values["at_dateline"] == 1.0
    assert values["opening"] == 1.0
    assert values["future"] == 1.0
    assert values["issuer_named"] == 1.0
    assert values["earlier_year"] == 0.0


def test_a_background_sentence_reads_as_background():
    past = "The company opened its Erie, Pennsylvania warehouse in 2009, which may be reviewed."
    event = _event("opened", "Erie", past, kind="warehouse")
    event.place = PlaceRef("Erie", "US-PA", "US")
    values = features(event, _proposal(_event(), event))
    assert values["earlier_year"] == 1.0
    assert values["hedge"] == 1.0
    assert values["self_named"] == 1.0
    assert values["headline_same_type"] == 0.0
    assert values["headline_other_type"] == 1.0
    assert values["at_dateline"] == 0.0
    assert values["share_of_events"] == 0.5


def test_the_model_is_a_logistic_of_its_weights():
    model = Model(weights={"raw": 2.0, "hedge": -3.0}, intercept=-1.0, threshold=0.5)
    assert model.probability({"raw": 1.0, "hedge": 0.0}) == pytest.approx(1 / (1 + 2.718281828**-1), abs=1e-6)
    assert model.probability({"raw": 1.0, "hedge": 1.0}) < 0.5


def test_apply_sets_unlikely_events_aside_as_warnings_and_keeps_the_rest():
    kept = _event()
    doubtful = _event("opened", "Erie", "The company opened its Erie warehouse in 2009.")
    proposal = _proposal(kept, doubtful)
    model = Model(weights={"earlier_year": -10.0}, intercept=2.0, threshold=0.5)
    decision.apply(proposal, model)
    assert proposal.events == [kept]
    (warning,) = proposal.warnings
    assert warning.startswith("Set aside as unlikely")
    assert "opened at Erie" in warning and "in 2009" in warning
    # kept for the editor with its probability, and in the JSON the release stores
    (aside,) = proposal.set_aside
    assert (aside.type, aside.place.locality) == ("opened", "Erie") and aside.confidence < 0.5
    assert [e["locality"] for e in proposal.to_json()["set_aside"]] == ["Erie"]


def test_without_a_model_every_event_is_kept(monkeypatch):
    monkeypatch.setattr(decision, "stored_model", lambda: None)
    proposal = _proposal(_event())
    decision.apply(proposal)
    assert len(proposal.events) == 1 and proposal.warnings == []


def test_the_stored_model_names_exactly_the_features_computed():
    payload = json.loads(decision.DATA_FILE.read_text(encoding="utf-8"))
    assert payload["features"] == list(FEATURES)
    assert set(payload["weights"]) == set(FEATURES)
    assert 0.0 <= payload["threshold"] < 1.0
    # counts only, never a release's words
    assert set(payload) == {
        "fitted", "sources", "held_out", "examples", "right", "labelled_events", "strength", "ours_weight",
        "features", "weights", "intercept", "threshold", "out_of_fold",
    }  # fmt: skip


def test_extraction_can_keep_every_proposal_for_fitting():
    text = (
        "Acme to idle Dayton plant\n\n"
        "DAYTON, Ohio, March 2, 2015 /PRNewswire/ -- Acme Corp. (NYSE: ACM) today said it will "
        "idle its Dayton, Ohio plant on April 1, 2015."
    )
    everything = extract(text, decided=False)
    decided = extract(text)
    assert len(everything.events) >= len(decided.events)
    assert [e.type for e in everything.events] == ["idled"]


def test_an_event_the_headline_names_is_never_set_aside():
    # the headline announces the closure at Dayton: whatever the model says, it stays
    kept = _event()
    proposal = _proposal(kept)
    assert features(kept, proposal)["headline_confirms"] == 1.0
    decision.apply(proposal, Model(weights={}, intercept=-20.0, threshold=0.5))
    assert proposal.events == [kept] and proposal.warnings == []


def test_an_event_without_a_town_is_set_aside_whatever_the_model_says():
    placed = _event()
    unplaced = _event(town=None, evidence="Acme Mills Inc. will close its Ohio operations.")
    proposal = _proposal(placed, unplaced)
    decision.apply(proposal, Model(weights={}, intercept=10.0, threshold=0.5))
    assert proposal.events == [placed]
    assert [(e.place.locality, e.place.region, e.confidence) for e in proposal.set_aside] == [
        (None, "US-OH", 0.0)
    ]
