"""Server-side SVG charts: the data series, and builders that turn them into inline SVG.

Pure Python, no database and no JavaScript. Every text that reaches the SVG (titles, labels,
company names) is escaped, so the output is well-formed XML and safe to insert with
``{{ chart.svg }}``. Charts are accessible images (``role="img"`` labelled by their
``<title>`` and ``<desc>``), with labelled axes, ticks and a legend, and scale with the page
through their ``viewBox``; each template also offers the numbers as a table.

* :func:`status_series` — a company's open/idled/closed counts at each month end, read off
  its facilities' status spans (the same table as the page; never a second implementation).
* :func:`event_series` — events per month by type from ``EventQuerySet.monthly_counts()``.
* :func:`line_chart` (stepped lines) and :func:`stacked_bar_chart` build the SVG.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models.facility import FacilityStatus
from .status import BEGINNING, CLOSED, IDLED, OPEN

MAX_PERIODS = 240
"""At most this many points per chart: months, else quarters, else years."""

CONTEXT_MONTHS = 12
"""The status chart starts this long before the first event, to show what came before it."""

EVENT_MONTHS = 120
"""The home page's events chart covers the last ten years that have events."""

# Chart colours. Statuses use the stylesheet's tokens (with the same values as fallbacks so a
# chart read outside the page still has colour); event types get distinct hues, each at least
# 3:1 against white. They go in presentation attributes (fill=, stroke=; var() works there), never
# style attributes, which the Content-Security-Policy refuses.
STATUS_COLOURS = {
    OPEN: "var(--status-open, #1a7f37)",
    IDLED: "var(--status-idled, #8a5300)",
    CLOSED: "var(--status-closed, #b3261e)",
}
STATUS_DASHES = {OPEN: "", IDLED: "7 4", CLOSED: "2 3"}
EVENT_COLOURS = {
    "opened": "#1a7f37",
    "reopened": "#0a7ea4",
    "expanded": "#6f42c1",
    "acquired": "#0b57d0",
    "idled": "#b35900",
    "closed": "#b3261e",
    "sold": "#57606a",
}

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_BOTTOM = 56, 18, 56
LEGEND_TOP, LEGEND_ROW = 10, 22


@dataclass(frozen=True)
class Size:
    """A chart's viewBox and type size. Pages draw a wide and a narrow version and show one
    by screen width (footprint.css), so labels stay readable on laptops and phones."""

    width: int
    height: int
    font_size: int
    max_labels: int

    @property
    def char_width(self) -> float:
        """Rough average glyph width, for laying out the legend."""
        return self.font_size * 0.6


WIDE = Size(880, 320, 12, 10)
NARROW = Size(440, 300, 13, 5)


# ---------------------------------------------------------------------------------------------
# Periods


def month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


@dataclass(frozen=True)
class Period:
    """A month, quarter or year on a chart's x axis; statuses are read at ``end``."""

    start: date
    end: date
    unit: str  # "month", "quarter" or "year"

    @property
    def label(self) -> str:
        if self.unit == "year":
            return str(self.start.year)
        if self.unit == "quarter":
            return f"{self.start.year} Q{(self.start.month - 1) // 3 + 1}"
        return self.start.strftime("%Y-%m")


def periods_between(first: date, last: date, *, max_periods: int = MAX_PERIODS) -> list[Period]:
    """Months from ``first``'s month to ``last``'s month; quarters or years when there would
    be more than ``max_periods`` months. The last period ends at ``last`` (e.g. today)."""
    months = months_between(first, last) + 1
    if months <= max_periods:
        unit, step, start = "month", 1, date(first.year, first.month, 1)
    elif months <= max_periods * 3:
        unit, step, start = "quarter", 3, date(first.year, (first.month - 1) // 3 * 3 + 1, 1)
    else:
        unit, step, start = "year", 12, date(first.year, 1, 1)
    periods = []
    while start <= last:
        following = add_months(start, step)
        periods.append(Period(start, min(following - timedelta(days=1), last), unit))
        start = following
    return periods


# ---------------------------------------------------------------------------------------------
# Data series


@dataclass
class Series:
    key: str
    label: str
    values: list[int]
    colour: str
    dash: str = ""


@dataclass
class ChartData:
    periods: list[Period]
    series: list[Series] = field(default_factory=list)

    @property
    def unit(self) -> str:
        return self.periods[0].unit if self.periods else "month"

    @property
    def first_label(self) -> str:
        return self.periods[0].label if self.periods else ""

    @property
    def last_label(self) -> str:
        return self.periods[-1].label if self.periods else ""

    @property
    def changes(self) -> list[tuple[Period, list[int]]]:
        return self.rows(changes_only=True)

    @property
    def is_empty(self) -> bool:
        return not self.periods or not any(any(s.values) for s in self.series)

    def rows(self, *, changes_only: bool = False) -> list[tuple[Period, list[int]]]:
        """``(period, [value per series])`` for the table alternative; ``changes_only`` keeps
        the first and last periods and those where a value changed."""
        rows = []
        previous = None
        for index, period in enumerate(self.periods):
            values = [s.values[index] for s in self.series]
            last = index == len(self.periods) - 1
            if not changes_only or values != previous or last:
                rows.append((period, values))
            previous = values
        return rows

    def nonzero_rows(self) -> list[tuple[Period, list[int], int]]:
        """Periods with any value, with their total (the events table)."""
        rows = []
        for index, period in enumerate(self.periods):
            values = [s.values[index] for s in self.series]
            if any(values):
                rows.append((period, values, sum(values)))
        return rows


STATUS_SERIES = tuple((status, FacilityStatus(status).label) for status in (OPEN, IDLED, CLOSED))


def status_series(
    spans: Iterable[tuple[str, date, date | None]], *, today: date, max_periods: int = MAX_PERIODS
) -> ChartData:
    """Open, idled and closed facilities at each period end, from a year before the first change
    of status (what the first event implies came before it) up to ``today``.

    ``spans`` are ``(status, valid_from, valid_to)`` of the company's facilities' status spans
    (``StatusSpanQuerySet.for_chart``): a facility counts at a period end when one of its spans
    holds then (``valid_from <= end < valid_to``), as on the page itself.
    """
    spans = list(spans)
    changes = [day for _, start, end in spans for day in (start, end) if day is not None and day != BEGINNING]
    first = min((day for day in changes if day <= today), default=None)
    if first is None:
        return ChartData(periods=[])
    periods = periods_between(add_months(first, -CONTEXT_MONTHS), today, max_periods=max_periods)
    ends = [period.end for period in periods]
    deltas = {key: [0] * (len(periods) + 1) for key, _ in STATUS_SERIES}
    for status, start, end in spans:
        if status not in deltas:
            continue
        # The periods whose end falls in [start, end): a run of indexes, added as +1/-1.
        deltas[status][bisect_left(ends, start)] += 1
        deltas[status][bisect_left(ends, end) if end is not None else len(periods)] -= 1
    series = []
    for key, label in STATUS_SERIES:
        values, running = [], 0
        for delta in deltas[key][:-1]:
            running += delta
            values.append(running)
        series.append(Series(key, label, values, STATUS_COLOURS[key], STATUS_DASHES[key]))
    return ChartData(periods=periods, series=series)


def events_chart_start(last: date, *, months: int = EVENT_MONTHS) -> date:
    """The first day of the events chart ending in ``last``'s month (``event_series`` shows
    ``months`` months back from the latest month with events)."""
    return add_months(date(last.year, last.month, 1), -(months - 1))


def event_series(
    rows: Iterable[dict], *, types: Sequence[tuple[str, str]], months: int = EVENT_MONTHS
) -> ChartData:
    """Events per month by type over the last ``months`` months that end with the latest month
    with events. ``rows`` are ``{"month": date, "type": str, "n": int}`` from
    ``EventQuerySet.monthly_counts()``; ``types`` are ``(value, label)`` pairs in stack order."""
    counts: dict[tuple[date, str], int] = {}
    for row in rows:
        month = row["month"]
        month = date(month.year, month.month, 1)
        counts[(month, row["type"])] = counts.get((month, row["type"]), 0) + row["n"]
    if not counts:
        return ChartData(periods=[])
    last = max(m for m, _ in counts)
    first = max(min(m for m, _ in counts), add_months(last, -(months - 1)))
    if months_between(first, last) < 11:
        first = add_months(last, -11)
    periods = periods_between(first, month_end(last.year, last.month), max_periods=months)
    series = []
    for value, label in types:
        values = [counts.get((p.start, value), 0) for p in periods]
        if any(values):
            series.append(Series(value, label, values, EVENT_COLOURS.get(value, "#57606a")))
    return ChartData(periods=periods, series=series)


# ---------------------------------------------------------------------------------------------
# Axes


def nice_ticks(maximum: float, *, count: int = 5) -> list[int]:
    """Whole-number ticks from 0 to at least ``maximum``, about ``count`` of them."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    top = int(math.ceil(maximum / step) * step)
    return list(range(0, top + 1, step))


def time_ticks(periods: Sequence[Period], *, max_labels: int = 8) -> list[tuple[int, str]]:
    """``(index, label)`` of the periods to label on the x axis: years where the chart spans
    more than two years, else every few months."""
    if not periods:
        return []
    unit = periods[0].unit
    if unit == "month" and len(periods) <= 24:
        step = max(1, math.ceil(len(periods) / max_labels))
        return [(i, p.label) for i, p in enumerate(periods) if i % step == 0]
    year_starts = [
        (i, str(p.start.year))
        for i, p in enumerate(periods)
        if p.start.month == 1 or (i == 0 and unit == "year")
    ]
    if not year_starts:
        return [(0, periods[0].label)]
    step = max(1, math.ceil(len(year_starts) / max_labels))
    years = [t for t in year_starts if int(t[1]) % step == 0] if step > 1 else year_starts
    return years or year_starts[:1]


# ---------------------------------------------------------------------------------------------
# SVG


def _attrs(**attributes) -> str:
    parts = []
    for name, value in attributes.items():
        if value is None or value == "":
            continue
        parts.append(f'{name.rstrip("_").replace("_", "-")}="{escape(str(value))}"')
    return " ".join(parts)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass
class _Frame:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top


def _legend(series: Sequence[Series], *, kind: str, size: Size) -> tuple[list[str], float]:
    """The legend's SVG and the height it takes; items wrap onto further rows."""
    parts = ['<g class="chart-legend">']
    x, y = MARGIN_LEFT, LEGEND_TOP
    for item in series:
        width = 28 + len(item.label) * size.char_width + 14
        if x + width > size.width - MARGIN_RIGHT and x > MARGIN_LEFT:
            x, y = MARGIN_LEFT, y + LEGEND_ROW
        if kind == "line":
            swatch = "<line " + _attrs(
                x1=_num(x),
                y1=_num(y + 8),
                x2=_num(x + 22),
                y2=_num(y + 8),
                stroke=item.colour,
                stroke_width="3",
                stroke_dasharray=item.dash,
            )
        else:
            swatch = "<rect " + _attrs(
                x=_num(x + 4), y=_num(y + 1), width="14", height="14", fill=item.colour
            )
        parts.append(swatch + "/>")
        parts.append(f"<text {_attrs(x=_num(x + 28), y=_num(y + 13))}>{escape(item.label)}</text>")
        x += width
    parts.append("</g>")
    return parts, y + LEGEND_ROW - LEGEND_TOP


def _open_svg(dom_id: str, title: str, description: str, size: Size) -> list[str]:
    return [
        "<svg "
        + _attrs(
            xmlns="http://www.w3.org/2000/svg",
            viewBox=f"0 0 {size.width} {size.height}",
            class_="chart-svg",
            role="img",
            aria_labelledby=f"{dom_id}-title {dom_id}-desc",
            font_size=str(size.font_size),
        )
        + ">",
        f'<title id="{escape(dom_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(dom_id)}-desc">{escape(description)}</desc>',
    ]


def _axes(
    frame: _Frame, ticks: list[int], scale_y, x_ticks, x_of, *, x_label: str, y_label: str, size: Size
) -> list[str]:
    parts = ['<g class="chart-axes">']
    for value in ticks:
        y = scale_y(value)
        parts.append(
            "<line "
            + _attrs(x1=_num(frame.left), x2=_num(frame.right), y1=_num(y), y2=_num(y), class_="chart-grid")
            + "/>"
        )
        parts.append(
            f"<text {_attrs(x=_num(frame.left - 8), y=_num(y + 4), text_anchor='end')}>{value}</text>"
        )
    parts.append(
        "<line "
        + _attrs(
            x1=_num(frame.left),
            x2=_num(frame.right),
            y1=_num(frame.bottom),
            y2=_num(frame.bottom),
            class_="chart-axis",
        )
        + "/>"
    )
    parts.append(
        "<line "
        + _attrs(
            x1=_num(frame.left),
            x2=_num(frame.left),
            y1=_num(frame.top),
            y2=_num(frame.bottom),
            class_="chart-axis",
        )
        + "/>"
    )
    for index, label in x_ticks:
        x = x_of(index)
        parts.append(
            "<line "
            + _attrs(
                x1=_num(x), x2=_num(x), y1=_num(frame.bottom), y2=_num(frame.bottom + 5), class_="chart-axis"
            )
            + "/>"
        )
        parts.append(
            f"<text {_attrs(x=_num(x), y=_num(frame.bottom + 19), text_anchor='middle')}>{escape(label)}</text>"
        )
    parts.append(
        f"<text {_attrs(x=_num(frame.left + frame.width / 2), y=_num(size.height - 8), text_anchor='middle', class_='chart-axis-label')}>"
        f"{escape(x_label)}</text>"
    )
    mid = frame.top + frame.height / 2
    parts.append(
        f"<text {_attrs(x='16', y=_num(mid), text_anchor='middle', transform=f'rotate(-90 16 {_num(mid)})', class_='chart-axis-label')}>"
        f"{escape(y_label)}</text>"
    )
    parts.append("</g>")
    return parts


def _frame(legend_height: float, size: Size) -> _Frame:
    return _Frame(
        left=MARGIN_LEFT,
        top=LEGEND_TOP + legend_height + 12,
        right=size.width - MARGIN_RIGHT,
        bottom=size.height - MARGIN_BOTTOM,
    )


def line_chart(
    data: ChartData,
    *,
    dom_id: str,
    title: str,
    description: str,
    x_label: str,
    y_label: str,
    size: Size = WIDE,
) -> SafeString:
    """Stepped lines, one per series: a count holds until the next period changes it."""
    parts = _open_svg(dom_id, title, description, size)
    legend, legend_height = _legend(data.series, kind="line", size=size)
    parts += legend
    frame = _frame(legend_height, size)
    n = len(data.periods)
    ticks = nice_ticks(max((max(s.values, default=0) for s in data.series), default=0))
    top = ticks[-1] or 1

    def x_of(index: float) -> float:
        return frame.left + frame.width * index / max(n, 1)

    def y_of(value: float) -> float:
        return frame.bottom - frame.height * value / top

    x_ticks = time_ticks(data.periods, max_labels=size.max_labels)
    parts += _axes(frame, ticks, y_of, x_ticks, x_of, x_label=x_label, y_label=y_label, size=size)
    parts.append('<g class="chart-lines">')
    for item in data.series:
        if not item.values:
            continue
        d = [f"M{_num(x_of(0))} {_num(y_of(item.values[0]))}"]
        for index, value in enumerate(item.values):
            if index:
                d.append(f"V{_num(y_of(value))}")
            d.append(f"H{_num(x_of(index + 1))}")
        parts.append(
            "<path "
            + _attrs(
                d="".join(d),
                fill="none",
                stroke=item.colour,
                stroke_width="2.5",
                stroke_dasharray=item.dash,
                stroke_linejoin="round",
                class_=f"chart-line chart-line--{item.key}",
            )
            + "/>"
        )
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text and attribute above is escaped


def stacked_bar_chart(
    data: ChartData,
    *,
    dom_id: str,
    title: str,
    description: str,
    x_label: str,
    y_label: str,
    size: Size = WIDE,
) -> SafeString:
    """One bar per period, its series stacked in order."""
    parts = _open_svg(dom_id, title, description, size)
    legend, legend_height = _legend(data.series, kind="bar", size=size)
    parts += legend
    frame = _frame(legend_height, size)
    n = len(data.periods)
    totals = [sum(s.values[i] for s in data.series) for i in range(n)]
    ticks = nice_ticks(max(totals, default=0))
    top = ticks[-1] or 1
    slot = frame.width / max(n, 1)
    bar = max(1.0, slot * 0.8)

    def x_of(index: float) -> float:
        return frame.left + slot * index + slot / 2

    def y_of(value: float) -> float:
        return frame.bottom - frame.height * value / top

    x_ticks = time_ticks(data.periods, max_labels=size.max_labels)
    parts += _axes(frame, ticks, y_of, x_ticks, x_of, x_label=x_label, y_label=y_label, size=size)
    parts.append('<g class="chart-bars">')
    for index, period in enumerate(data.periods):
        base = 0
        for item in data.series:
            value = item.values[index]
            if not value:
                continue
            y_top, y_bottom = y_of(base + value), y_of(base)
            parts.append(
                "<rect "
                + _attrs(
                    x=_num(x_of(index) - bar / 2),
                    y=_num(y_top),
                    width=_num(bar),
                    height=_num(max(y_bottom - y_top, 0.5)),
                    fill=item.colour,
                )
                + f"><title>{escape(period.label)}: {value} {escape(item.label.lower())}</title></rect>"
            )
            base += value
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text and attribute above is escaped


# ---------------------------------------------------------------------------------------------
# The pages' charts


@dataclass
class Chart:
    """What ``includes/_chart_*.html`` displays: the SVG, wide and narrow, and the numbers."""

    dom_id: str
    title: str
    data: ChartData
    svg: SafeString = mark_safe("")  # noqa: S308 - empty
    svg_narrow: SafeString = mark_safe("")  # noqa: S308 - empty

    def draw(self, builder, **options) -> None:
        self.svg = builder(self.data, dom_id=self.dom_id, title=self.title, size=WIDE, **options)
        self.svg_narrow = builder(
            self.data, dom_id=f"{self.dom_id}-narrow", title=self.title, size=NARROW, **options
        )


UNIT_NAMES = {"month": "Month", "quarter": "Quarter", "year": "Year"}


def company_status_chart(company, spans: Iterable[tuple[str, date, date | None]], *, today: date) -> Chart:
    """Open, idled and closed facilities of ``company`` over time (stepped lines), from its
    facilities' status ``spans`` (``status_series``)."""
    data = status_series(spans, today=today)
    chart = Chart("status-chart", f"{company.name}: open, idled and closed facilities over time", data)
    if not data.is_empty:
        latest = ", ".join(f"{s.values[-1]} {s.label.lower()}" for s in data.series)
        description = (
            f"Facilities of {company.name} by status at the end of each {data.unit}, "
            f"{data.first_label} to {data.last_label}. Latest: {latest}."
        )
        chart.draw(line_chart, description=description, x_label=UNIT_NAMES[data.unit], y_label="Facilities")
    return chart


def events_chart(rows: Iterable[dict], *, types: Sequence[tuple[str, str]]) -> Chart:
    """Accepted events per month by type (stacked bars), for the home page."""
    data = event_series(rows, types=types)
    chart = Chart("events-chart", "Accepted events per month, by type", data)
    if not data.is_empty:
        total = sum(sum(s.values) for s in data.series)
        by_type = ", ".join(f"{sum(s.values)} {s.label.lower()}" for s in data.series)
        description = (
            f"{total} accepted events announced from {data.first_label} to {data.last_label}, "
            f"stacked by type: {by_type}."
        )
        chart.draw(
            stacked_bar_chart,
            description=description,
            x_label=f"{UNIT_NAMES[data.unit]} announced",
            y_label="Events",
        )
    return chart
