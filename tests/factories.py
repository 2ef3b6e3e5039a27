"""factory_boy factories for tests. Events go through Event.save, so caches stay true."""

import datetime

import factory

from companies.models import Company, Event, Facility, FootprintClaim, Location, Release


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location
        django_get_or_create = ("locality", "region", "country")

    locality = factory.Sequence(lambda n: f"Testville {n}")
    region = "US-CT"
    country = "US"
    latitude = 41.6
    longitude = -72.0


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Acme Widgets {n}")
    slug = factory.Sequence(lambda n: f"acme-widgets-{n}")
    legal_name = factory.LazyAttribute(lambda o: f"{o.name}, Inc.")


class ReleaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Release

    headline = factory.Sequence(lambda n: f"Acme announces change number {n}")
    body = factory.Sequence(lambda n: f"Release body {n}. Acme today announced it is idling a plant.")
    published = datetime.date(2009, 3, 24)
    wire = "Business Wire"
    company = factory.SubFactory(CompanyFactory)


class FacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facility

    company = factory.SubFactory(CompanyFactory)
    location = factory.SubFactory(LocationFactory)
    name = factory.Sequence(lambda n: f"Plant {n}")
    kind = "plant"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    facility = factory.SubFactory(FacilityFactory)
    type = "idled"
    announced_date = datetime.date(2009, 3, 24)
    release = factory.SubFactory(
        ReleaseFactory,
        company=factory.SelfAttribute("..facility.company"),
        published=factory.SelfAttribute("..announced_date"),
    )
    evidence = "The company today announced that it is idling production at the plant."
    confidence = 0.95
    review_state = "accepted"


def open_facility(opened=datetime.date(2000, 1, 1), **kwargs):
    """A facility in its company's footprint: one accepted "opened" event (a facility without
    accepted events is in no footprint and on no public page)."""
    facility = FacilityFactory(**kwargs)
    EventFactory(facility=facility, type="opened", announced_date=opened)
    return facility


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FootprintClaim

    release = factory.SubFactory(ReleaseFactory)
    company = factory.SelfAttribute("release.company")
    count = 19
    countries = factory.LazyFunction(lambda: ["US", "BE", "FR", "IT"])


def build_iwg_footprint():
    """An International Wire Group-like footprint (explorer, exports and API tests).

    Jewett City (US-CT) and Littleton (US-NH) plants idled by the 2009-03-24 release, and a
    Camden (US-NY) plant opened in 2005. Returns a namespace of the records.
    """
    from types import SimpleNamespace

    company = CompanyFactory(
        name="International Wire Group",
        slug="international-wire-group",
        legal_name="International Wire Group, Inc.",
        aliases="IWG\nInternational Wire",
        ticker="ITWG",
        exchange="Pink Sheets",
    )
    release = ReleaseFactory(
        company=company,
        headline="International Wire Announces the Idling of Two Plants",
        body="International Wire Group, Inc. today announced that it is idling production at the "
        "Jewett City, Connecticut and Littleton, New Hampshire plants.",
        published=datetime.date(2009, 3, 24),
        url="https://www.businesswire.com/news/home/20090324/en/International-Wire-Announces-Idling-Plants",
    )

    def plant(name, locality, region, lat, lon):
        location = LocationFactory(
            locality=locality, region=region, country="US", latitude=lat, longitude=lon
        )
        return FacilityFactory(company=company, location=location, name=name)

    jewett = plant("Jewett City plant", "Jewett City", "US-CT", 41.6065, -71.9806)
    littleton = plant("Littleton plant", "Littleton", "US-NH", 44.3062, -71.7701)
    camden = plant("Camden plant", "Camden", "US-NY", 43.3348, -75.7477)
    evidence = (
        "International Wire Group, Inc. today announced that it is idling production at the "
        "Jewett City, Connecticut and Littleton, New Hampshire plants."
    )
    for facility in (jewett, littleton):
        EventFactory(
            facility=facility,
            type="idled",
            release=release,
            announced_date=datetime.date(2009, 3, 24),
            evidence=evidence,
        )
    EventFactory(facility=camden, type="opened", announced_date=datetime.date(2005, 1, 10))
    return SimpleNamespace(
        company=company, release=release, jewett=jewett, littleton=littleton, camden=camden
    )


def status_today(facility):
    """The facility's ``companies.status.Status`` today, read from its status span."""
    from companies.models import StatusSpan

    return StatusSpan.objects.status_of(facility)


def statuses_today(facilities=None) -> set:
    """The set of today's statuses of ``facilities`` (all by default); None: no status today."""
    from django.utils import timezone

    from companies.models import Facility

    queryset = facilities if facilities is not None else Facility.objects.all()
    return set(queryset.on(timezone.localdate()).values_list("span__status", flat=True))
