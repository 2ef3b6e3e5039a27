"""The import service: storing, matching and applying a proposal (fake proposals keep it deterministic)."""

import datetime

import pytest

from companies.importer.proposal import CompanyRef, Document, PlaceRef, Proposal, ProposedClaim, ProposedEvent
from companies.models import Company, Event, Facility, FootprintClaim, Location, Release
from companies.services import imports
from companies.services.imports import release_import, release_reextract
from tests.factories import CompanyFactory, EventFactory, FacilityFactory, LocationFactory

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
    assert set(Facility.objects.values_list("status", flat=True)) == {"unknown"}
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
    assert jewett.status == "idled" and jewett.status_since == PUBLISHED
    assert littleton.status == "unknown"
    assert Release.objects.get().import_state == "extracted"


def test_everything_accepted_marks_release_reviewed():
    release_import(document=doc(), proposal=make_proposal(), accept_above=0.9)
    release = Release.objects.get()
    assert release.import_state == "reviewed"
    assert set(Facility.objects.values_list("status", flat=True)) == {"idled"}


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


def test_unknown_company_with_events_fails_with_a_clear_error():
    result = release_import(document=doc(), proposal=make_proposal(company=None))
    assert result.status == "failed"
    assert "issuing company" in result.error
    assert Release.objects.get().import_state == "failed"


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


def test_unknown_publication_date_never_auto_accepts():
    result = release_import(document=doc(), proposal=make_proposal(published=None), accept_above=0.5)
    assert result.events_accepted == 0 and result.events_proposed == 2
    assert any("publication date unknown" in w for w in result.warnings)


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
    assert (seller_facility.status, buyer_facility.status) == ("sold", "open")
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
