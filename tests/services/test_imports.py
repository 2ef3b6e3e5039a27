"""The import service: storing, matching and applying a proposal (fake proposals keep it deterministic)."""

import datetime

import pytest

from companies.importer.proposal import CompanyRef, Document, PlaceRef, Proposal, ProposedClaim, ProposedEvent
from companies.models import Company, Event, Facility, FootprintClaim, Location, Release
from companies.services import imports
from companies.services.imports import (
    NEEDS_COMPANY_WARNING,
    NEEDS_DATE_WARNING,
    release_import,
    release_reextract,
)
from tests.factories import (
    CompanyFactory,
    EventFactory,
    FacilityFactory,
    LocationFactory,
    status_today,
    statuses_today,
)

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2009, 3, 24)
JEWETT = PlaceRef("Jewett City", "US-CT", "US", 41.6, -71.98, text="Jewett City, Connecticut")
LITTLETON = PlaceRef("Littleton", "US-NH", "US", 44.31, -71.77, text="Littleton, New Hampshire")
EVIDENCE = (
    "International Wire Group, Inc. (Pink Sheets: ITWG) today announced that it is idling production "
    "at the Jewett City, Connecticut and Littleton, New Hampshire plants."
)
BODY = f"CAMDEN, N.Y., Mar 24, 2009 (BUSINESS WIRE) -- {EVIDENCE} Customers will be served by our other 13 U.S. facilities."


def make_proposal(**overrides) -> Proposal:
    values = {
        "headline": "International Wire Announces the Idling of Two Plants",
        "published": PUBLISHED,
        "wire": "Business Wire",
        "dateline": PlaceRef("Camden", "US-NY", "US", 43.33, -75.74),
        "company": CompanyRef("International Wire Group, Inc.", "ITWG", "Pink Sheets"),
        "events": [
            ProposedEvent("idled", JEWETT, EVIDENCE, 0.95, kind="plant"),
            ProposedEvent("idled", LITTLETON, EVIDENCE, 0.95, kind="plant"),
        ],
        "claims": [
            ProposedClaim(13, ["US"], "other", "our other 13 U.S. facilities"),
            ProposedClaim(19, ["US", "BE", "FR", "IT"], None),
        ],
        "products": "copper wire",
        "markets": "aerospace, electronics",
    }
    values.update(overrides)
    return Proposal(**values)


def doc(text: str = BODY, name: str = "release.txt", **kwargs) -> Document:
    return Document(name=name, text=text, **kwargs)


def test_import_stores_release_company_facilities_events_and_claims():
    result = release_import(document=doc(), proposal=make_proposal())

    assert result.status == "imported" and result.created
    assert (result.events_proposed, result.events_accepted, result.claims) == (2, 0, 2)
    release = Release.objects.get()
    assert release.body == BODY
    assert release.headline == "International Wire Announces the Idling of Two Plants"
    assert release.published == PUBLISHED
    assert release.wire == "Business Wire"
    assert release.dateline.locality == "Camden" and release.dateline.region == "US-NY"
    assert release.import_state == "extracted"
    assert release.extraction["company"]["ticker"] == "ITWG"
    assert len(release.extraction["events"]) == 2
    assert "event 1: idled at Jewett City" in release.import_log
    assert "result: extracted" in release.import_log

    company = release.company
    assert company.name == "International Wire Group"
    assert (company.ticker, company.exchange) == ("ITWG", "Pink Sheets")
    assert company.products == "copper wire" and company.markets == "aerospace, electronics"

    events = Event.objects.order_by("facility__location__locality")
    assert [(e.facility.location.locality, e.type, e.review_state) for e in events] == [
        ("Jewett City", "idled", "proposed"),
        ("Littleton", "idled", "proposed"),
    ]
    assert all(
        e.announced_date == PUBLISHED and e.evidence == EVIDENCE and e.confidence == 0.95 for e in events
    )
    assert statuses_today() == {None}
    assert FootprintClaim.objects.filter(release=release).count() == 2


def test_same_document_twice_is_already_imported_and_changes_nothing():
    first = release_import(document=doc(), proposal=make_proposal())
    log = Release.objects.get().import_log
    # Re-wrapped whitespace is the same release.
    second = release_import(document=doc(BODY.replace(" ", "\n", 3)), proposal=make_proposal())

    assert first.status == "imported"
    assert second.status == "already imported" and not second.created
    assert second.release.pk == first.release.pk
    assert Release.objects.count() == 1
    assert Event.objects.count() == 2
    assert Release.objects.get().import_log == log


def test_accept_above_accepts_confident_events_and_sets_status():
    proposal = make_proposal(
        events=[
            ProposedEvent("idled", JEWETT, EVIDENCE, 0.95),
            ProposedEvent("idled", LITTLETON, EVIDENCE, 0.6),
        ]
    )
    result = release_import(document=doc(), proposal=proposal, accept_above=0.9)

    assert (result.events_proposed, result.events_accepted) == (1, 1)
    jewett = Facility.objects.get(location__locality="Jewett City")
    littleton = Facility.objects.get(location__locality="Littleton")
    jewett_status = status_today(jewett)
    assert jewett_status.status == "idled" and jewett_status.since == PUBLISHED
    assert status_today(littleton).status is None
    assert Release.objects.get().import_state == "extracted"


def test_everything_accepted_marks_release_reviewed():
    release_import(document=doc(), proposal=make_proposal(), accept_above=0.9)
    release = Release.objects.get()
    assert release.import_state == "reviewed"
    assert statuses_today() == {"idled"}


@pytest.mark.parametrize(
    ("existing", "ref"),
    [
        ({"name": "IWG", "ticker": "ITWG"}, CompanyRef("Totally Different Name", "ITWG", "Pink Sheets")),
        (
            {"name": "IWG", "aliases": "International Wire Group\nInt'l Wire"},
            CompanyRef("International Wire Group, Inc."),
        ),
        ({"name": "International Wire"}, CompanyRef("International Wire Group, Inc.")),
        ({"name": "International Wire Corp."}, CompanyRef("INTERNATIONAL WIRE GROUP INC")),
    ],
    ids=["ticker", "alias", "normalised-name", "suffixes-and-case"],
)
def test_company_matching(existing, ref):
    company = CompanyFactory(**existing)
    release_import(document=doc(), proposal=make_proposal(company=ref))
    assert Company.objects.count() == 1
    assert Release.objects.get().company == company
    assert Facility.objects.filter(company=company).count() == 2


def test_new_company_created_when_nothing_matches():
    CompanyFactory(name="Other Co", ticker="OTH")
    release_import(document=doc(), proposal=make_proposal())
    assert Company.objects.count() == 2
    assert Release.objects.get().company.ticker == "ITWG"


def test_facility_matched_by_company_and_place():
    company = CompanyFactory(name="International Wire", ticker="ITWG")
    location = LocationFactory(locality="Jewett City", region="US-CT", country="US")
    facility = FacilityFactory(company=company, location=location, name="Jewett City plant")
    other_company_same_place = FacilityFactory(location=location, name="Someone else's plant")

    release_import(document=doc(), proposal=make_proposal())

    assert Event.objects.get(facility__location=location).facility == facility
    assert not other_company_same_place.events.exists()
    assert Facility.objects.filter(company=company).count() == 2  # Jewett City matched, Littleton new
    assert Location.objects.filter(locality="Jewett City").count() == 1


def test_facility_name_given_is_kept_without_article():
    proposal = make_proposal(
        events=[ProposedEvent("closed", JEWETT, EVIDENCE, 0.9, facility="the Bowater mill", kind="mill")]
    )
    release_import(document=doc(), proposal=proposal)
    facility = Facility.objects.get()
    assert (facility.name, facility.kind) == ("Bowater mill", "mill")


def test_unresolved_place_is_kept_and_flagged():
    place = PlaceRef("Nowheresville", None, None, resolved=False, text="Nowheresville")
    proposal = make_proposal(events=[ProposedEvent("closed", place, EVIDENCE, 0.7)])
    result = release_import(document=doc(), proposal=proposal)

    location = Location.objects.get(locality="Nowheresville")
    assert location.resolved is False
    assert Event.objects.get().facility.location == location
    assert any("not resolved" in w for w in result.warnings)


def test_place_without_locality_is_kept_by_its_words():
    place = PlaceRef(None, "CA-ON", "CA", text="Ontario")
    release_import(
        document=doc(), proposal=make_proposal(events=[ProposedEvent("opened", place, EVIDENCE, 0.7)])
    )
    location = Event.objects.get().facility.location
    assert (location.locality, location.region, location.resolved) == ("Ontario", "CA-ON", False)


def test_failing_extraction_keeps_the_release_as_failed(monkeypatch):
    def broken(document):
        raise RuntimeError("the extractor tripped")

    monkeypatch.setattr(imports, "document_extract", broken)
    result = release_import(document=doc(raw="<p>raw html</p>"))

    assert result.status == "failed" and "the extractor tripped" in result.error
    release = Release.objects.get()
    assert release.body == BODY and release.raw == "<p>raw html</p>"
    assert release.import_state == "failed"
    assert "extract: ERROR" in release.import_log and "the extractor tripped" in release.import_log
    assert not Event.objects.exists()


def test_failing_apply_rolls_back_partial_writes_but_keeps_the_release(monkeypatch):
    calls = []

    def event_create_then_fail(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("database said no")
        return real(**kwargs)

    real = imports.event_create
    monkeypatch.setattr(imports, "event_create", event_create_then_fail)
    result = release_import(document=doc(), proposal=make_proposal())

    assert result.status == "failed" and "database said no" in result.error
    release = Release.objects.get()
    assert release.import_state == "failed"
    assert release.company is None  # rolled back with the rest of the apply step
    assert release.extraction["headline"]  # the proposal is kept for the editor
    assert not Event.objects.exists() and not Company.objects.exists()
    assert "apply: ERROR" in release.import_log


def test_empty_document_fails_without_storing():
    result = release_import(document=doc("   \n"), proposal=make_proposal())
    assert result.status == "failed" and not Release.objects.exists()


def test_no_events_release_is_extracted():
    result = release_import(document=doc(), proposal=make_proposal(events=[], claims=[]))
    assert result.status == "imported" and result.events_proposed == 0
    assert Release.objects.get().import_state == "extracted"


def test_identical_event_in_one_release_is_skipped():
    proposal = make_proposal(events=[ProposedEvent("idled", JEWETT, EVIDENCE, 0.9)] * 2)
    result = release_import(document=doc(), proposal=proposal)
    assert result.events_proposed == 1
    assert Event.objects.count() == 1
    assert "already stored for this release" in Release.objects.get().import_log


def test_sale_with_named_buyer_records_both_sides_accepted():
    seller = CompanyFactory(name="International Wire", ticker="ITWG")
    buyer = CompanyFactory(name="Copperco")
    proposal = make_proposal(
        events=[
            ProposedEvent(
                "sold",
                JEWETT,
                "It sold the Jewett City plant to Copperco.",
                0.95,
                counterparty="Copperco Inc.",
            )
        ],
        claims=[],
    )
    result = release_import(document=doc(), proposal=proposal, accept_above=0.9)

    assert result.events_accepted == 2
    seller_facility = Facility.objects.get(company=seller)
    buyer_facility = Facility.objects.get(company=buyer)
    assert seller_facility.successor == buyer_facility
    assert (status_today(seller_facility).status, status_today(buyer_facility).status) == ("sold", "open")
    assert set(Event.objects.values_list("confidence", flat=True)) == {0.95}


def test_sale_proposed_creates_buyer_and_proposes_both_sides():
    proposal = make_proposal(
        events=[
            ProposedEvent(
                "sold", JEWETT, "It sold the Jewett City plant to Copperco.", 0.8, counterparty="Copperco"
            )
        ],
        claims=[],
    )
    result = release_import(document=doc(), proposal=proposal)

    assert result.events_proposed == 2
    buyer = Company.objects.get(name="Copperco")
    assert Event.objects.get(type="acquired").facility.company == buyer
    assert set(Event.objects.values_list("review_state", flat=True)) == {"proposed"}


def test_acquisition_from_a_named_seller_records_the_sellers_side():
    seller = CompanyFactory(name="Bowater")
    proposal = make_proposal(
        events=[
            ProposedEvent(
                "acquired",
                JEWETT,
                "It acquired the Bowater mill.",
                0.95,
                kind="mill",
                counterparty="Bowater Inc.",
            )
        ],
        claims=[],
    )
    release_import(document=doc(), proposal=proposal, accept_above=0.9)
    sold = Event.objects.get(type="sold")
    acquired = Event.objects.get(type="acquired")
    assert sold.facility.company == seller
    assert acquired.facility.company == Release.objects.get().company
    assert sold.facility.successor == acquired.facility


def test_reextract_replaces_proposed_events_and_keeps_reviewed_ones(monkeypatch):
    release_import(document=doc(), proposal=make_proposal())
    release = Release.objects.get()
    jewett_event = Event.objects.get(facility__location__locality="Jewett City")
    jewett_event.review_state = "accepted"
    jewett_event.save()

    new = make_proposal(
        events=[
            ProposedEvent("idled", JEWETT, EVIDENCE, 0.99),
            ProposedEvent("closed", LITTLETON, EVIDENCE, 0.8),
        ]
    )
    monkeypatch.setattr(imports, "document_extract", lambda document: new)
    result = release_reextract(release=release)

    assert result.status == "imported"
    assert result.events_proposed == 1  # Jewett City's idling is already accepted
    states = sorted(Event.objects.values_list("facility__location__locality", "type", "review_state"))
    assert states == [("Jewett City", "idled", "accepted"), ("Littleton", "closed", "proposed")]
    release.refresh_from_db()
    assert release.import_log.count("--- ") == 2 and "re-extract" in release.import_log
    assert FootprintClaim.objects.filter(release=release).count() == 2


def test_reextract_drops_facilities_left_without_events(monkeypatch):
    release_import(document=doc(), proposal=make_proposal())
    monkeypatch.setattr(imports, "document_extract", lambda document: make_proposal(events=[]))
    release_reextract(release=Release.objects.get())
    assert not Event.objects.exists()
    assert not Facility.objects.exists()


def test_reextract_keeps_facilities_with_other_events(monkeypatch):
    release_import(document=doc(), proposal=make_proposal())
    facility = Facility.objects.get(location__locality="Jewett City")
    EventFactory(facility=facility)
    monkeypatch.setattr(imports, "document_extract", lambda document: make_proposal(events=[]))
    release_reextract(release=Release.objects.get(body=BODY))
    assert Facility.objects.filter(pk=facility.pk).exists()


def test_invalid_url_is_dropped_with_a_warning():
    result = release_import(document=doc(url="not a url"), proposal=make_proposal())
    assert result.status == "imported"
    assert Release.objects.get().url == ""
    assert any("URL" in w for w in result.warnings)


def test_what_reading_the_file_changed_is_told_in_the_result_and_the_import_log():
    warning = "2 control characters were removed from the text"
    result = release_import(document=doc(warnings=[warning]), proposal=make_proposal())
    assert warning in result.warnings
    assert warning in Release.objects.get().import_log


def test_seed_through_the_real_extractor_matches_an_existing_company():
    pytest.importorskip("companies.importer.extract")
    from pathlib import Path

    from companies.importer.inputs import read_path

    seed = Path(__file__).resolve().parents[1] / "data" / "releases" / "international-wire-2009-03-24.txt"
    existing = CompanyFactory(name="IWG", aliases="International Wire Group")
    [document] = read_path(seed)
    result = release_import(document=document)

    assert result.status == "imported"
    release = Release.objects.get()
    assert release.company == existing  # by alias; the ticker is filled in
    existing.refresh_from_db()
    assert (existing.ticker, existing.exchange) == ("ITWG", "Pink Sheets")
    assert (release.published, release.wire) == (PUBLISHED, "Business Wire")
    assert (release.dateline.locality, release.dateline.region) == ("Camden", "US-NY")
    assert release.claims.count() == 2
    assert sorted(Event.objects.values_list("facility__location__locality", "type", "review_state")) == [
        ("Jewett City", "idled", "proposed"),
        ("Littleton", "idled", "proposed"),
    ]


# --- nothing is invented: a release without a date, an issuer nobody could identify ----------
# A fictional release written for these tests; its text gives neither a date nor, for the
# tests that say so, an issuer the extractor could name.

BRINDLEMOOR_IDLING = "Brindlemoor Textiles will idle its Quarry Falls weaving mill for the winter."
BRINDLEMOOR_CLOSURE = "The Ashgrove dye house will close once its last orders have shipped."
BRINDLEMOOR_BODY = (
    f"{BRINDLEMOOR_IDLING} {BRINDLEMOOR_CLOSURE} "
    "The company runs six mills across New England and expects demand to return by spring."
)
QUARRY_FALLS = PlaceRef("Quarry Falls", "US-VT", "US", 44.12, -72.91, text="Quarry Falls, Vermont")
ASHGROVE = PlaceRef("Ashgrove", "US-VT", "US", 44.31, -72.64, text="Ashgrove")
EDITORS_DATE = datetime.date(2024, 11, 5)


def brindlemoor_proposal(**overrides) -> Proposal:
    """What the extractor would propose for the fictional Brindlemoor release: no date."""
    values = {
        "headline": "Brindlemoor Textiles to idle a mill and close a dye house",
        "published": None,
        "company": CompanyRef("Brindlemoor Textiles Inc."),
        "events": [
            ProposedEvent("idled", QUARRY_FALLS, BRINDLEMOOR_IDLING, 0.95, kind="mill"),
            ProposedEvent("closed", ASHGROVE, BRINDLEMOOR_CLOSURE, 0.95),
        ],
        "claims": [ProposedClaim(6, ["US"], None, "six mills across New England")],
    }
    values.update(overrides)
    return Proposal(**values)


def brindlemoor_doc(**kwargs) -> Document:
    return doc(BRINDLEMOOR_BODY, name="brindlemoor.txt", **kwargs)


def test_undated_release_proposes_its_events_without_a_date_never_the_import_day():
    result = release_import(document=brindlemoor_doc(), proposal=brindlemoor_proposal())

    assert result.status == "imported" and not result.failed
    assert (result.events_proposed, result.events_accepted, result.claims) == (2, 0, 1)
    assert result.needs_date and not result.needs_company
    assert result.warnings == [NEEDS_DATE_WARNING]
    assert result.summary() == "imported: 2 events proposed, 0 accepted; publication date unknown"
    release = Release.objects.get()
    assert release.published is None and release.import_state == "extracted"
    assert sorted(Event.objects.values_list("type", "announced_date", "review_state")) == [
        ("closed", None, "proposed"),
        ("idled", None, "proposed"),
    ]
    assert statuses_today() == {None}
    assert "events: publication date unknown: events proposed without a date" in release.import_log
    assert f"warning: {NEEDS_DATE_WARNING}" in release.import_log


def test_undated_release_accepts_nothing_even_above_the_threshold():
    result = release_import(document=brindlemoor_doc(), proposal=brindlemoor_proposal(), accept_above=0.5)

    assert (result.events_proposed, result.events_accepted) == (2, 0)
    assert set(Event.objects.values_list("review_state", flat=True)) == {"proposed"}
    assert statuses_today() == {None}
    assert Release.objects.get().import_state == "extracted"


def test_a_date_from_the_container_is_not_invented_and_is_used():
    result = release_import(
        document=brindlemoor_doc(published=EDITORS_DATE), proposal=brindlemoor_proposal(), accept_above=0.9
    )
    assert not result.needs_date and result.events_accepted == 2
    assert set(Event.objects.values_list("announced_date", flat=True)) == {EDITORS_DATE}


def test_undated_sale_proposes_both_sides_undated():
    proposal = brindlemoor_proposal(
        events=[
            ProposedEvent(
                "sold",
                QUARRY_FALLS,
                "It sold the Quarry Falls mill to Fenwick Looms.",
                0.95,
                counterparty="Fenwick Looms",
            )
        ],
        claims=[],
    )
    result = release_import(document=brindlemoor_doc(), proposal=proposal, accept_above=0.5)

    assert (result.events_proposed, result.events_accepted) == (2, 0)
    assert sorted(Event.objects.values_list("type", "announced_date", "review_state")) == [
        ("acquired", None, "proposed"),
        ("sold", None, "proposed"),
    ]


def test_unidentified_issuer_is_asked_for_and_does_not_fail_the_import():
    proposal = brindlemoor_proposal(company=None, published=EDITORS_DATE)
    result = release_import(document=brindlemoor_doc(), proposal=proposal, accept_above=0.5)

    assert result.status == "imported" and not result.failed and result.error is None
    assert result.needs_company and result.events_waiting == 2
    assert (result.events_proposed, result.events_accepted, result.claims) == (0, 0, 0)
    assert result.summary() == "imported: issuing company unknown, 2 events waiting for it"
    assert result.warnings == [f"{NEEDS_COMPANY_WARNING} to propose its 2 events and 1 claim"]
    release = Release.objects.get()
    assert release.body == BRINDLEMOOR_BODY and release.company is None
    assert release.published == EDITORS_DATE
    assert release.import_state == "needs_company"
    assert len(release.extraction["events"]) == 2  # the proposal is kept for the re-extraction
    assert "company: no issuing company found in the release" in release.import_log
    assert "result: needs_company: 2 events waiting for the company" in release.import_log
    assert not (
        Event.objects.exists()
        or Facility.objects.exists()
        or FootprintClaim.objects.exists()
        or Company.objects.exists()
    )


def test_unidentified_issuer_without_events_is_asked_for_too():
    result = release_import(
        document=brindlemoor_doc(), proposal=brindlemoor_proposal(company=None, events=[], claims=[])
    )
    assert result.needs_company and result.events_waiting == 0
    assert result.warnings == [NEEDS_COMPANY_WARNING]
    assert Release.objects.get().import_state == "needs_company"


def test_once_an_editor_sets_the_company_reextract_proposes_the_events(monkeypatch):
    proposal = brindlemoor_proposal(company=None, published=EDITORS_DATE)
    release_import(document=brindlemoor_doc(), proposal=proposal)
    release = Release.objects.get()
    company = CompanyFactory(name="Brindlemoor Textiles")
    release.company = company
    release.save()

    monkeypatch.setattr(imports, "document_extract", lambda document: proposal)
    result = release_reextract(release=release)

    assert result.status == "imported" and not result.needs_company and result.warnings == []
    assert (result.events_proposed, result.claims) == (2, 1)
    release.refresh_from_db()
    assert release.import_state == "extracted" and release.company == company
    events = Event.objects.all()
    assert {(e.facility.company, e.announced_date, e.review_state) for e in events} == {
        (company, EDITORS_DATE, "proposed")
    }
    assert release.claims.get().company == company
    assert "kept Brindlemoor Textiles" in release.import_log


def test_reextract_before_the_company_is_set_still_asks_for_it(monkeypatch):
    proposal = brindlemoor_proposal(company=None)
    release_import(document=brindlemoor_doc(), proposal=proposal)
    monkeypatch.setattr(imports, "document_extract", lambda document: proposal)

    result = release_reextract(release=Release.objects.get())

    assert result.status == "imported" and result.needs_company
    assert Release.objects.get().import_state == "needs_company"
    assert not Event.objects.exists()


def test_importing_a_release_waiting_for_its_company_again_says_so():
    release_import(document=brindlemoor_doc(), proposal=brindlemoor_proposal(company=None))
    again = release_import(document=brindlemoor_doc(), proposal=brindlemoor_proposal(company=None))
    assert again.status == "already imported" and again.warnings == [NEEDS_COMPANY_WARNING]


def test_importing_an_undated_release_again_says_it_waits_for_its_date():
    release_import(document=brindlemoor_doc(), proposal=brindlemoor_proposal())
    again = release_import(document=brindlemoor_doc(), proposal=brindlemoor_proposal())
    assert again.status == "already imported" and again.warnings == [NEEDS_DATE_WARNING]
