from io import StringIO

import pytest
from django.core.management import call_command

from companies.models import StatusSpan
from tests.factories import EventFactory, status_today

pytestmark = pytest.mark.django_db


def test_refresh_repairs_tampered_spans():
    event = EventFactory(type="idled")
    StatusSpan.objects.filter(facility_id=event.facility_id).update(status="closed")  # tampered
    out = StringIO()
    call_command("refresh_statuses", stdout=out)
    assert "refreshed 1 facilities" in out.getvalue()
    assert status_today(event.facility_id).status == "idled"


def test_all_is_accepted_for_old_scripts():
    EventFactory(type="idled")
    out = StringIO()
    call_command("refresh_statuses", "--all", stdout=out)
    assert "refreshed 1 facilities" in out.getvalue()
