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


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FootprintClaim

    release = factory.SubFactory(ReleaseFactory)
    company = factory.SelfAttribute("release.company")
    count = 19
    countries = factory.LazyFunction(lambda: ["US", "BE", "FR", "IT"])
