"""``manage.py generate_synthetic``: a thin command over ``services.synthetic``."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from companies.models import Event, Facility, StatusSpan

pytestmark = pytest.mark.django_db
ARGS = ("--companies", "5", "--facilities", "40", "--events", "170", "--seed", "9", "--until", "2026-12-31")


def test_generates_and_reports_what_it_wrote():
    out = StringIO()
    call_command("generate_synthetic", *ARGS, "--chunk-size", "15", stdout=out)
    text = out.getvalue()
    assert "generated 5 companies" in text and "40 facilities" in text and "170 events" in text
    assert "status spans in" in text
    assert (Facility.objects.count(), Event.objects.count()) == (40, 170)
    assert StatusSpan.objects.exists()


def test_refuses_a_second_run_and_bad_numbers():
    call_command("generate_synthetic", *ARGS, stdout=StringIO())
    with pytest.raises(CommandError, match="fresh database"):
        call_command("generate_synthetic", *ARGS, stdout=StringIO())
    with pytest.raises(CommandError, match="at least 1"):
        call_command("generate_synthetic", "--facilities", "0", stdout=StringIO())
