import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from companies.models import Facility
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_refresh_all_repairs_a_tampered_cache():
    event = EventFactory(type="idled", announced_date=datetime.date(2009, 3, 24))
    Facility.objects.filter(pk=event.facility_id).update(status="open")  # simulate a stale cache
    out = StringIO()
    call_command("refresh_statuses", "--all", stdout=out)
    assert "refreshed 1 facilities" in out.getvalue()
    assert Facility.objects.get(pk=event.facility_id).status == "idled"


def test_refresh_due_leaves_current_facilities_alone():
    EventFactory(type="idled")
    out = StringIO()
    call_command("refresh_statuses", stdout=out)
    assert "refreshed 0 facilities" in out.getvalue()
