"""The review page's writes (companies.services.review) and its places (review_places).

Every release text here is written for these tests about fictional companies.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError

from companies.importer.proposal import CompanyRef, PlaceRef, Proposal, ProposedEvent
from companies.models import Company, Event, Facility, ImportState, Location
from companies.services import imports
from companies.services.review import (
    event_add_from_text,
    event_move,
    facilities_drop_empty,
    proposal_accept,
    proposal_edit,
    proposal_reject,
    proposals_accept_all,
    proposals_reject_rest,
    release_complete,
    sale_partner,
)
from companies.services.review_places import (
    evidence_for_place,
    gazetteer_suggest,
    kind_in_sentence,
    place_choose,
)
from tests.factories import (
    CompanyFactory,
    EventFactory,
    FacilityFactory,
    LocationFactory,
    ReleaseFactory,
    status_today,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 5, 4)

PAPER_BODY = (
    "MEMPHIS, Tenn., May 4, 2026 -- Lakemoor Paper Co. said today it will idle the pulp line at its "
    "mill in Jay, Maine, for about eight weeks while demand is weak.\n\n"
    "Roughly 120 employees will be affected. The company is based in Memphis."
)

SALE_BODY = (
    "Northwind Timber Inc. has agreed to sell its sawmills in Chapleau, Ontario and Troy, Ohio to "
    "Harrow Lumber Ltd.\n\nThe deal is expected to close in the third quarter."
)


def jay():
    return place_choose(text="Jay, Maine")


def memphis_idling(**release_kwargs):
    """What the importer gave for the paper release: the idling put in the dateline city."""
    company = CompanyFactory(name="Lakemoor Paper")
    release = ReleaseFactory(company=company, body=PAPER_BODY, published=DAY, **release_kwargs)
    memphis = LocationFactory(locality="Memphis", region="US-TN", country="US")
    facility = FacilityFactory(company=company, location=memphis, name="Memphis mill", kind="mill")
    event = EventFactory(
        facility=facility,
        release=release,
        type="idled",
        announced_date=release.published,
        evidence="Lakemoor Paper Co. said today it will idle the pulp line at its mill in Jay, Maine, for "
        "about eight weeks while demand is weak.",
        review_state="proposed",
    )
    return event


# --- places -----------------------------------------------------------------------------------


def test_gazetteer_suggests_places_no_release_has_named():
    assert [p.label for p in gazetteer_suggest(query="Chapleau")][:1] == ["Chapleau, ON, CA"]
    assert gazetteer_suggest(query="jay, maine")[0].label == "Jay, ME, US"
    assert gazetteer_suggest(query="j") == []  # too short to mean anything


def test_an_ambiguous_place_names_its_candidates():
    with pytest.raises(ValidationError) as error:
        place_choose(text="Jay")
    assert "Jay, Maine, United States" in error.value.messages[0]
    picked = gazetteer_suggest(query="jay")[0]
    assert place_choose(text=picked.label, geonames_id=picked.geonames_id).region == "US-ME"


def test_a_place_not_in_the_gazetteer_is_refused_with_a_message():
    with pytest.raises(ValidationError, match="No place"):
        place_choose(text="Qqqxyzzy Falls")


def test_evidence_is_the_sentence_naming_the_place_and_its_kind():
    sentence = evidence_for_place(PAPER_BODY, jay(), "idled")
    assert sentence.startswith("MEMPHIS, Tenn., May 4, 2026 -- Lakemoor Paper Co. said today")
    assert kind_in_sentence(sentence, jay()) == "mill"
    assert evidence_for_place(PAPER_BODY, place_choose(text="Chapleau, Ontario"), "closed") == ""


# --- accept, reject, accept all, reject the rest ----------------------------------------------


def test_accept_all_leaves_undated_proposals_waiting_and_reject_the_rest_rejects_them():
    release = ReleaseFactory(published=None)
    facility = FacilityFactory(company=release.company)
    undated = EventFactory(facility=facility, release=release, announced_date=None, review_state="proposed")
    outcome = proposals_accept_all(release=release)
    assert (outcome.changed, outcome.waiting_for_date) == (0, 1)

    assert proposals_reject_rest(release=release) == 1
    undated.refresh_from_db()
    assert undated.review_state == "rejected"


def test_accept_all_accepts_and_sets_statuses():
    event = memphis_idling()
    outcome = proposals_accept_all(release=event.release)
    assert outcome.changed == 1
    assert status_today(event.facility).status == "idled"


def test_an_undated_proposal_cannot_be_accepted():
    release = ReleaseFactory(published=None)
    event = EventFactory(
        facility=FacilityFactory(company=release.company),
        release=release,
        announced_date=None,
        review_state="proposed",
    )
    with pytest.raises(ValidationError, match="no publication date"):
        proposal_accept(event=event)


# --- editing a row and moving it ------------------------------------------------------------


def test_a_wrong_place_moves_in_one_step_and_the_empty_facility_goes():
    event = memphis_idling()
    memphis_facility = event.facility

    proposal_edit(
        event=event,
        type="idled",
        announced_date=DAY,
        effective_date=None,
        employees=120,
        place=jay(),
        accept=True,
    )

    event.refresh_from_db()
    assert event.facility.location.label == "Jay, ME, US"
    location = event.facility.location
    assert (location.geonames_id, round(location.latitude, 2)) == (jay().geonames_id, 44.5)
    assert event.facility.company == memphis_facility.company
    assert event.facility.name == "Jay mill" and event.facility.kind == "mill"
    assert (event.review_state, event.employees) == ("accepted", 120)
    assert not Facility.objects.filter(pk=memphis_facility.pk).exists()
    assert status_today(event.facility).status == "idled"


def test_moving_keeps_a_facility_that_has_other_events():
    event = memphis_idling()
    EventFactory(facility=event.facility, type="opened", announced_date=datetime.date(2001, 1, 1))
    event_move(event=event, place=jay())
    assert Facility.objects.filter(location__locality="Memphis").exists()


def test_moving_to_a_stored_location_made_by_hand_gives_it_coordinates():
    by_hand = Location.objects.create(locality="Jay", region="US-ME", country="US", resolved=False)
    event = memphis_idling()
    event_move(event=event, place=jay())
    by_hand.refresh_from_db()
    assert by_hand.latitude is not None and by_hand.geonames_id == jay().geonames_id and by_hand.resolved
    assert Event.objects.get(pk=event.pk).facility.location == by_hand


def test_a_sale_row_changes_both_sides():
    seller, buyer = CompanyFactory(name="Northwind Timber"), CompanyFactory(name="Harrow Lumber")
    release = ReleaseFactory(company=seller, body=SALE_BODY, published=DAY)
    chapleau = place_choose(text="Chapleau, Ontario")
    sold, acquired = event_add_from_text(
        release=release, type="sold", places=[chapleau], counterparty="Harrow Lumber"
    )
    assert (sold.type, acquired.type) == ("sold", "acquired")
    assert acquired.facility.company == buyer and sale_partner(sold) == acquired

    proposal_reject(event=sold)
    assert set(Event.objects.values_list("review_state", flat=True)) == {"rejected"}
    proposal_accept(event=acquired)
    assert set(Event.objects.values_list("review_state", flat=True)) == {"accepted"}

    old_facilities = {sold.facility_id, acquired.facility_id}
    event_move(event=sold, place=place_choose(text="Troy, Ohio"))
    sold.refresh_from_db()
    acquired.refresh_from_db()
    assert sold.facility.location.locality == "Troy" == acquired.facility.location.locality
    assert sold.facility.successor_id == acquired.facility_id
    assert not Facility.objects.filter(pk__in=old_facilities).exists()

    with pytest.raises(ValidationError, match="both companies"):
        proposal_edit(event=sold, type="closed", announced_date=DAY, effective_date=None, employees=None)


def test_facilities_drop_empty_keeps_those_with_events():
    kept = EventFactory().facility
    empty = FacilityFactory()
    assert facilities_drop_empty(facility_ids=[kept.pk, empty.pk]) == 1
    assert Facility.objects.filter(pk=kept.pk).exists()


# --- what the release did not say --------------------------------------------------------------


def test_the_date_given_fills_every_row():
    release = ReleaseFactory(published=None)
    events = [
        EventFactory(
            facility=FacilityFactory(company=release.company),
            release=release,
            announced_date=None,
            review_state="proposed",
        )
        for _ in range(2)
    ]
    outcome = release_complete(release=release, published=DAY)
    assert outcome.dated == 2
    assert {e.announced_date for e in Event.objects.filter(pk__in=[e.pk for e in events])} == {DAY}


def test_the_issuer_given_is_created_and_the_release_re_extracted(monkeypatch):
    proposal = Proposal(
        company=CompanyRef(None),
        events=[
            ProposedEvent(
                "closed", PlaceRef("Troy", "US-OH", "US", 40.04, -84.2, 5174095), "It will close Troy.", 0.8
            )
        ],
    )
    monkeypatch.setattr(imports, "document_extract", lambda document: proposal)
    release = ReleaseFactory(
        company=None, published=DAY, import_state=ImportState.NEEDS_COMPANY, body="Text."
    )

    outcome = release_complete(release=release, company_name="Quillfeather Motors Inc.")

    release.refresh_from_db()
    assert outcome.company_created and release.company.name == "Quillfeather Motors"
    assert outcome.reextracted and outcome.proposed == 1
    assert release.import_state == ImportState.EXTRACTED
    assert Event.objects.get().facility.company == release.company


def test_an_issuer_already_stored_is_matched_not_duplicated():
    company = CompanyFactory(name="Kestrel Foods", legal_name="Kestrel Foods, Inc.")
    release = ReleaseFactory(company=None, published=DAY)
    outcome = release_complete(release=release, company_name="Kestrel Foods Inc.")
    assert outcome.company == company and not outcome.company_created
    assert Company.objects.filter(name__startswith="Kestrel").count() == 1


# --- adding an event from the text -------------------------------------------------------------


def test_an_event_added_from_the_text_gets_its_facility_place_and_sentence():
    company = CompanyFactory(name="Lakemoor Paper")
    release = ReleaseFactory(company=company, body=PAPER_BODY, published=DAY)

    (event,) = event_add_from_text(release=release, type="idled", places=[jay()], employees=120)

    assert event.review_state == "accepted" and event.confidence == 1.0
    assert event.facility.company == company and event.facility.kind == "mill"
    assert event.facility.display_name == "Jay mill"
    assert event.facility.location.geonames_id == jay().geonames_id
    assert event.evidence.endswith("for about eight weeks while demand is weak.")
    assert status_today(event.facility).status == "idled"


def test_an_event_added_to_an_undated_release_waits_proposed():
    release = ReleaseFactory(body=PAPER_BODY, published=None)
    (event,) = event_add_from_text(release=release, type="idled", places=[jay()])
    assert event.review_state == "proposed" and event.announced_date is None


def test_a_sale_of_several_places_names_the_buyer_and_creates_its_records():
    seller = CompanyFactory(name="Northwind Timber")
    release = ReleaseFactory(company=seller, body=SALE_BODY, published=DAY)
    places = [place_choose(text="Chapleau, Ontario"), place_choose(text="Troy, Ohio")]

    added = event_add_from_text(
        release=release, type="sold", places=places, counterparty="Harrow Lumber Ltd."
    )

    buyer = Company.objects.get(name="Harrow Lumber")
    assert sorted(e.type for e in added) == ["acquired", "acquired", "sold", "sold"]
    for facility in Facility.objects.filter(company=seller):
        assert facility.kind == "mill" and facility.successor.company == buyer
        assert status_today(facility).status == "sold"
        assert status_today(facility.successor).status == "open"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"type": "sold"}, "names its buyer"),
        ({"type": "closed", "places": []}, "at least one place"),
        ({"type": "closed", "places": "chapleau"}, "does not name Chapleau"),
        ({"type": "exploded"}, "Choose the event type"),
    ],
)
def test_adding_refuses_bad_input_with_a_message(kwargs, message):
    release = ReleaseFactory(body=PAPER_BODY, published=DAY)
    if kwargs.get("places") == "chapleau":
        kwargs["places"] = [place_choose(text="Chapleau, Ontario")]
    kwargs.setdefault("places", [jay()])
    with pytest.raises(ValidationError, match=message):
        event_add_from_text(release=release, **kwargs)
    assert not Event.objects.exists()


def test_adding_needs_the_issuer_first():
    release = ReleaseFactory(company=None, body=PAPER_BODY, published=DAY)
    with pytest.raises(ValidationError, match="issuing company first"):
        event_add_from_text(release=release, type="idled", places=[jay()])
