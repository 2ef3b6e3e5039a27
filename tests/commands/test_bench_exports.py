"""manage.py bench_exports: rows/s and memory of each download, read to the end."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import build_iwg_footprint

pytestmark = pytest.mark.django_db


def test_bench_exports_reads_every_row_of_each_format():
    build_iwg_footprint()
    out = StringIO()
    call_command("bench_exports", stdout=out)
    text = out.getvalue()
    for fmt in ("csv", "json", "geojson"):
        assert f"| {fmt} | 3 |" in text
    assert "peak RSS" in text


def test_bench_exports_of_filtered_events():
    build_iwg_footprint()
    out = StringIO()
    call_command("bench_exports", what="events", formats=["csv"], query=["type=idled"], stdout=out)
    assert "| csv | 2 |" in out.getvalue()
