"""companies.charts: periods, the status and events series, and the SVG builders."""

import datetime
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from companies import charts
from companies.models import Event, EventType
from companies.status import spans
from tests.factories import EventFactory, FacilityFactory

SVG = "{http://www.w3.org/2000/svg}"
D = datetime.date


def event(pk, type_, announced, effective=None, published=None):
    return SimpleNamespace(
        pk=pk,
        type=type_,
        announced_date=announced,
        effective_date=effective,
        review_state="accepted",
        release_published=published or announced,
    )


def facility(*events) -> list[tuple]:
    """A facility's status spans as ``StatusSpanQuerySet.for_chart`` reads them:
    ``(status, valid_from, valid_to)``, written by the one status function."""
    return [(s.status.status, s.valid_from, s.valid_to) for s in spans(events)]


def parse(svg) -> ET.Element:
    root = ET.fromstring(str(svg))
    assert root.tag == f"{SVG}svg"
    return root


def texts(root) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


# --- periods and ticks --------------------------------------------------------------------


def test_periods_are_months_up_to_the_limit_then_quarters_then_years():
    months = charts.periods_between(D(2009, 1, 15), D(2009, 12, 3))
    assert [p.label for p in months][:2] == ["2009-01", "2009-02"]
    assert len(months) == 12
    assert months[0].end == D(2009, 1, 31)
    assert months[1].end == D(2009, 2, 28)
    assert months[-1].end == D(2009, 12, 3)  # the last period ends today

    quarters = charts.periods_between(D(1990, 5, 1), D(2020, 6, 30), max_periods=240)
    assert quarters[0].unit == "quarter"
    assert quarters[0].label == "1990 Q2"
    assert len(quarters) <= 240 * 3

    years = charts.periods_between(D(1900, 1, 1), D(2020, 6, 30), max_periods=24)
    assert {p.unit for p in years} == {"year"}
    assert years[0].label == "1900"
    assert len(years) == 121


def test_nice_ticks_are_whole_numbers_covering_the_maximum():
    assert charts.nice_ticks(0) == [0, 1]
    assert charts.nice_ticks(3) == [0, 1, 2, 3]
    ticks = charts.nice_ticks(137)
    assert ticks[0] == 0 and ticks[-1] >= 137 and len(ticks) <= 8
    assert all(isinstance(t, int) for t in ticks)


def test_time_ticks_label_years_for_long_ranges():
    periods = charts.periods_between(D(2000, 3, 1), D(2020, 1, 1))
    ticks = charts.time_ticks(periods, max_labels=8)
    assert 1 < len(ticks) <= 8
    assert all(periods[i].start.month == 1 for i, _ in ticks)


# --- status series ----------------------------------------------------------------------


def test_status_series_idling_in_march_2009_moves_a_plant_from_open_to_idled():
    jewett = facility(event(1, "idled", D(2009, 3, 24)))
    camden = facility(event(2, "opened", D(2008, 6, 10)))
    data = charts.status_series([*jewett, *camden], today=D(2009, 6, 15))
    labels = [p.label for p in data.periods]
    assert labels[0] == "2007-06"  # a year before the first event
    assert labels[-1] == "2009-06"
    series = {s.key: dict(zip(labels, s.values, strict=True)) for s in data.series}

    # Before the idling, Jewett City was open (an idling implies it); Camden opened in June 2008.
    assert series["open"]["2008-05"] == 1
    assert series["open"]["2008-06"] == 2
    assert series["open"]["2009-02"] == 2
    assert series["idled"]["2009-02"] == 0
    # From March 2009 on: one open, one idled.
    for month in ("2009-03", "2009-04", "2009-06"):
        assert series["open"][month] == 1
        assert series["idled"][month] == 1
    assert set(series["closed"].values()) == {0}


def test_status_series_counts_a_future_closure_only_from_its_effective_date():
    mill = facility(event(1, "closed", D(2009, 1, 5), effective=D(2009, 4, 30)))
    data = charts.status_series(mill, today=D(2009, 8, 1))
    labels = [p.label for p in data.periods]
    by_key = {s.key: dict(zip(labels, s.values, strict=True)) for s in data.series}
    assert by_key["open"]["2009-03"] == 1 and by_key["closed"]["2009-03"] == 0
    assert by_key["open"]["2009-04"] == 0 and by_key["closed"]["2009-04"] == 1


def test_status_series_without_events_is_empty():
    data = charts.status_series(facility(), today=D(2020, 1, 1))
    assert data.is_empty
    chart = charts.company_status_chart(SimpleNamespace(name="Empty Co"), facility(), today=D(2020, 1, 1))
    assert chart.svg == ""


def test_status_series_aggregates_long_histories():
    old = facility(event(1, "opened", D(1950, 1, 1)), event(2, "closed", D(2001, 6, 1)))
    data = charts.status_series(old, today=D(2020, 1, 1))
    assert len(data.periods) <= charts.MAX_PERIODS
    assert data.unit == "year"
    closed = dict(zip([p.label for p in data.periods], data.series[2].values, strict=True))
    assert closed["2000"] == 0 and closed["2001"] == 1


def test_changes_table_keeps_only_periods_where_a_count_changed():
    jewett = facility(event(1, "idled", D(2009, 3, 24)))
    data = charts.status_series(jewett, today=D(2010, 12, 1))
    rows = data.changes
    assert [p.label for p, _ in rows] == ["2008-03", "2009-03", "2010-12"]
    assert rows[1][1] == [0, 1, 0]


# --- SVG -----------------------------------------------------------------------------------


def test_status_chart_is_well_formed_accessible_and_escaped():
    company = SimpleNamespace(name='<script>alert("x")</script> & Sons')
    jewett = facility(event(1, "idled", D(2009, 3, 24)))
    chart = charts.company_status_chart(company, jewett, today=D(2012, 1, 1))
    svg = str(chart.svg)
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    for markup in (chart.svg, chart.svg_narrow):
        root = parse(markup)
        assert root.get("role") == "img"
        assert root.get("viewBox").startswith("0 0 ")
        ids = root.get("aria-labelledby").split()
        found = {node.get("id"): "".join(node.itertext()) for node in root.iter() if node.get("id")}
        assert set(ids) <= set(found)
        assert found[ids[0]].startswith('<script>alert("x")</script> & Sons')
        labels = texts(root)
        assert "Facilities" in labels  # y axis
        assert "Month" in labels  # x axis
        assert {"Open", "Idled", "Closed"} <= set(labels)  # legend
        assert "2010" in labels  # a year tick
        assert len(list(root.iter(f"{SVG}path"))) == 3


def test_stacked_bars_are_well_formed_with_legend_axes_and_titles():
    rows = [
        {"month": D(2009, 3, 1), "type": "idled", "n": 2},
        {"month": D(2009, 3, 1), "type": "closed", "n": 1},
        {"month": D(2010, 7, 1), "type": "opened", "n": 4},
    ]
    chart = charts.events_chart(rows, types=EventType.choices)
    root = parse(chart.svg)
    parse(chart.svg_narrow)
    labels = texts(root)
    assert {"Opened", "Idled", "Closed"} <= set(labels)
    assert "Expanded" not in labels  # only types with events get a legend entry
    assert "Events" in labels and "Month announced" in labels
    bars = list(root.iter(f"{SVG}rect"))
    titles = ["".join(r.itertext()) for r in bars if r.find(f"{SVG}title") is not None]
    assert "2009-03: 2 idled" in titles
    assert "2010-07: 4 opened" in titles
    assert "7 accepted events" in "".join(root.find(f"{SVG}desc").itertext())


def test_event_series_keeps_the_last_ten_years_with_data():
    rows = [
        {"month": D(1990, 1, 1), "type": "opened", "n": 1},
        {"month": D(2015, 5, 1), "type": "closed", "n": 3},
    ]
    data = charts.event_series(rows, types=EventType.choices)
    assert len(data.periods) == 120
    assert data.periods[-1].label == "2015-05"
    assert data.periods[0].label == "2005-06"
    assert [s.key for s in data.series] == ["closed"]
    assert data.nonzero_rows()[0][2] == 3


def test_event_series_without_rows_is_empty():
    assert charts.event_series([], types=EventType.choices).is_empty
    assert charts.events_chart([], types=EventType.choices).svg == ""


@pytest.mark.django_db
def test_monthly_counts_is_one_group_by_over_accepted_events():
    plant = FacilityFactory()
    EventFactory(facility=plant, type="opened", announced_date=D(2008, 6, 2))
    EventFactory(facility=plant, type="idled", announced_date=D(2009, 3, 24))
    EventFactory(facility=FacilityFactory(), type="idled", announced_date=D(2009, 3, 2))
    EventFactory(
        facility=FacilityFactory(), type="closed", announced_date=D(2009, 3, 5), review_state="proposed"
    )
    with CaptureQueriesContext(connection) as ctx:
        rows = list(Event.objects.monthly_counts())
    assert len(ctx.captured_queries) == 1
    assert [(r["month"], r["type"], r["n"]) for r in rows] == [
        (D(2008, 6, 1), "opened", 1),
        (D(2009, 3, 1), "idled", 2),
    ]


def test_events_chart_start_is_ten_years_of_months_back_from_the_last():
    D = datetime.date
    assert charts.EVENT_MONTHS == 120
    assert charts.events_chart_start(D(2026, 12, 31)) == D(2017, 1, 1)
    assert charts.events_chart_start(D(2009, 3, 24), months=12) == D(2008, 4, 1)
