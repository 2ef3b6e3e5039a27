"""Places as the importer files them: a release's short form of a name lands on the gazetteer's place."""

import pytest

from companies.importer.proposal import Document
from companies.models import Location
from companies.services.imports import release_import

pytestmark = pytest.mark.django_db


def _release(day: int, place: str) -> Document:
    text = (
        f"SPOKANE, Wash., April {day}, 2020 /PRNewswire/ -- Harrow Circuits Corporation (Nasdaq: HRWC) "
        f"today announced the temporary closure of its {place} production facilities."
    )
    return Document(name=f"harrow-{day}.txt", text=text)


def test_a_short_form_and_the_full_name_are_one_location():
    release_import(document=_release(3, "Juarez, Mexico"))
    release_import(document=_release(9, "Ciudad Juarez, Mexico"))
    juarez = Location.objects.filter(country="MX")
    assert [(loc.locality, loc.geonames_id is not None) for loc in juarez] == [("Ciudad Juárez", True)]
