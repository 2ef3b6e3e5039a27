"""Streaming CSV, JSON and GeoJSON exports of the explorer and the events page.

Rows are read with ``values_list(..., named=True).iterator(chunk_size=CHUNK_ROWS)`` (a
server-side cursor on PostgreSQL, chunked reads on SQLite) and written into ~64 KB chunks for a
``StreamingHttpResponse``, so an export of every facility never holds the file, the rows or
model instances in memory. On PostgreSQL the facility CSV is PostgreSQL's own ``COPY ... TO
STDOUT`` over the same query, with every column computed in SQL from the same vocabulary
(``facilities_copy_sql``): it writes the rows faster than Python can format them.

One shape: the JSON and GeoJSON exports carry the API's dicts (``companies.serializers``); CSV
carries the same rows flat under readable column names. Text a spreadsheet would run as a
formula (release text is untrusted) gets a leading apostrophe, in Python and in SQL alike.
JSON is ``{"results": [...], "count": N}`` (the count last: it is known once the rows have
streamed); GeoJSON is a ``FeatureCollection`` of ``Point`` features, ``[lon, lat]``, for the
rows that have coordinates.
"""

from __future__ import annotations

import csv
import io
import json
from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, transaction
from django.http import StreamingHttpResponse
from django.utils import timezone

from .serializers import (
    EVENT_COLUMNS,
    EVENT_LABELS,
    EVENT_VALUES,
    FACILITY_COLUMNS,
    FACILITY_VALUES,
    KIND_LABELS,
    STATUS_LABELS,
    Links,
    event_csv_row,
    event_dict,
    facility_csv_row,
    facility_dict,
    site_root,
)

FORMATS = ("csv", "json", "geojson")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "geojson": "application/geo+json",
}
CHUNK_BYTES = 64 * 1024
CHUNK_ROWS = 2000
"""Rows per fetch from the server-side cursor: large enough to amortise round trips, small
enough that memory stays flat whatever the export's size."""

__all__ = [
    "EVENT_COLUMNS",
    "FACILITY_COLUMNS",
    "FORMATS",
    "csv_text",
    "events_export",
    "facilities_export",
    "write_csv",
    "write_geojson",
    "write_json",
]

# ---------------------------------------------------------------------------------------------
# Formula guard

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_PREFIXES)


def csv_text(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; everything
    else is left as it is (numbers stay numbers, dates are written ISO, None empty)."""
    if value.__class__ is str and value[:1] in _FORMULA_FIRST:
        return "'" + value
    return value


# ---------------------------------------------------------------------------------------------
# Writers: generators of text chunks


def _buffered(pieces: Iterable[str]) -> Iterator[str]:
    buffer: list[str] = []
    size = 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= CHUNK_BYTES:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)


def write_csv(columns: tuple[str, ...], rows: Iterable[tuple]) -> Iterator[str]:
    """A header and the rows (tuples in ``columns`` order), guarded, ``\\n``-terminated (as
    PostgreSQL's COPY writes them), in ~64 KB chunks."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    first = _FORMULA_FIRST
    for row in rows:
        # csv_text, inlined: this line runs for every cell of every row.
        writer.writerow([("'" + v) if v.__class__ is str and v[:1] in first else v for v in row])
        if buffer.tell() >= CHUNK_BYTES:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def _dumps(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


def write_json(records: Iterable[dict]) -> Iterator[str]:
    def pieces():
        yield '{"results": ['
        count = 0
        for record in records:
            yield ("," if count else "") + "\n" + _dumps(record)
            count += 1
        yield f'\n], "count": {count}}}\n'

    return _buffered(pieces())


def write_geojson(features: Iterable[tuple[float | None, float | None, dict]], **members) -> Iterator[str]:
    """A ``FeatureCollection`` of ``Point`` features from ``(longitude, latitude, properties)``;
    those without coordinates are left out. ``members`` are written after the features (GeoJSON
    allows foreign members), each a value or a callable asked once the features have streamed."""

    def pieces():
        yield '{"type": "FeatureCollection", "features": ['
        count = 0
        for lon, lat, properties in features:
            if lat is None or lon is None:
                continue
            feature = {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": properties,
            }
            yield ("," if count else "") + "\n" + _dumps(feature)
            count += 1
        tail = "".join(
            f", {_dumps(key)}: {_dumps(value() if callable(value) else value)}"
            for key, value in members.items()
        )
        yield f"\n]{tail}}}\n"

    return _buffered(pieces())


def export_filename(stem: str, fmt: str, as_of: date | None = None) -> str:
    """E.g. ``footprint-facilities-2025-01-31.csv`` or
    ``footprint-facilities-as-of-2009-03-01-2025-01-31.geojson``."""
    today = timezone.localdate().isoformat()
    middle = f"-as-of-{as_of.isoformat()}" if as_of else ""
    return f"footprint-{stem}{middle}-{today}.{fmt}"


def export_response(fmt: str, chunks: Iterable, *, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# ---------------------------------------------------------------------------------------------
# Facilities


def facility_rows(selection):
    """The explorer's current selection (filters, ordering, ``as_of``) as a ``FACILITY_VALUES``
    values_list (lazy)."""
    return selection.queryset().values_list(*FACILITY_VALUES, named=True)


FacilityValues = namedtuple("FacilityValues", FACILITY_VALUES)


def stream_rows(rows, row_class=FacilityValues, chunk_size: int = CHUNK_ROWS) -> Iterator:
    """A values_list's rows straight from a chunked cursor (server-side on PostgreSQL), as
    ``row_class`` tuples. Django's per-value converters are skipped: they would turn SQLite's
    ISO date strings into dates for the writers to turn back into the same strings, and they
    cost more than reading the row. Dates are therefore ``date`` on PostgreSQL and ISO strings on
    SQLite; every writer prints both alike. ``row_class``'s fields are the values_list's, in
    its order (``test_exports_copy`` holds them to what ``values_list`` returns)."""
    sql, params = rows.query.sql_with_params()
    make = row_class._make
    with connections[rows.db].chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(chunk_size):
            yield from map(make, batch)


def facilities_export(request, selection, fmt: str) -> StreamingHttpResponse:
    """The explorer's current selection as a download."""
    links = Links(site_root(request))
    rows = facility_rows(selection)
    filename = export_filename("facilities", fmt, selection.as_of)
    if fmt == "csv":
        if connections[rows.db].vendor == "postgresql":
            chunks = facilities_copy(rows, links)
        else:
            lines = (facility_csv_row(row, links) for row in stream_rows(rows))
            chunks = write_csv(FACILITY_COLUMNS, lines)
    elif fmt == "json":
        chunks = write_json(facility_dict(row, links) for row in stream_rows(rows))
    else:
        chunks = write_geojson(
            (row.location__longitude, row.location__latitude, facility_dict(row, links))
            for row in stream_rows(rows)
        )
    return export_response(fmt, chunks, filename=filename)


# PostgreSQL: COPY over the same query. Each column below is ``facility_csv_row`` in SQL; the
# subquery's columns are renamed c0, c1, ... by position (COPY_VALUES' order), since several
# are called "name". Empty text becomes NULL so that COPY writes it unquoted, as csv does.
# Only the columns the CSV prints: a narrower row sorts in memory where the full one spills.
COPY_VALUES = tuple(
    name
    for name in FACILITY_VALUES
    if name not in ("company__slug", "span__event__release__headline", "span__event__release__published")
)
_IDX = {name: f"c{i}" for i, name in enumerate(COPY_VALUES)}


def _guard_sql(expr: str) -> str:
    """``csv_text`` in SQL (and empty text as NULL)."""
    prefixes = ", ".join(f"chr({ord(p)})" for p in FORMULA_PREFIXES)
    return f"(CASE WHEN left({expr}, 1) IN ({prefixes}) THEN '''' || {expr} ELSE NULLIF({expr}, '') END)"


def _label_sql(expr: str, labels: dict[str, str], *, default: str | None = None, lower: bool = False) -> str:
    """``CASE expr WHEN 'value' THEN 'Label' ... END``, from the models' choices."""

    def quote(text: str) -> str:
        return "'" + text.replace("'", "''").replace("%", "%%") + "'"

    whens = " ".join(
        f"WHEN {quote(value)} THEN {quote(label.lower() if lower else label)}"
        for value, label in labels.items()
    )
    return f"(CASE {expr} {whens} ELSE {default if default is not None else expr} END)"


def facilities_copy_sql(rows) -> tuple[str, list]:
    """``COPY (...) TO STDOUT`` of ``rows`` (a ``FACILITY_VALUES`` values_list) as
    ``FACILITY_COLUMNS``, and its parameters (the link prefixes)."""
    inner, params = rows.values_list(*COPY_VALUES).query.sql_with_params()
    c = _IDX
    date_fmt = "'YYYY-MM-DD'"
    link = "%s || {pk} || %s"
    columns = [
        _guard_sql(c["company__name"]),
        _guard_sql(
            f"COALESCE(NULLIF({c['name']}, ''), {c['location__locality']} || ' ' || "
            f"{_label_sql(c['kind'], KIND_LABELS, lower=True)})"
        ),
        _guard_sql(_label_sql(c["kind"], KIND_LABELS)),
        _guard_sql(c["location__locality"]),
        _guard_sql(c["location__region"]),
        _guard_sql(c["location__country"]),
        c["location__latitude"],
        c["location__longitude"],
        _guard_sql(_label_sql(c["span__status"], STATUS_LABELS)),
        f"to_char({c['span__since']}, {date_fmt})",
        _label_sql(c["span__pending_type"], EVENT_LABELS, default="NULL"),
        f"to_char({c['span__pending_date']}, {date_fmt})",
        f"(CASE WHEN {c['span__event__release_id']} IS NULL THEN NULL ELSE "
        + link.format(pk=c["span__event__release_id"])
        + " END)",
        _guard_sql(c["span__event__release__url"]),
        link.format(pk=c["pk"]),
    ]
    names = ", ".join(_IDX.values())
    sql = f"COPY (SELECT {', '.join(columns)} FROM ({inner}) AS q({names})) TO STDOUT WITH (FORMAT csv)"
    return sql, params


def _copy_params(links: Links) -> tuple[list, list]:
    """``(release prefix, release suffix)`` and ``(facility prefix, suffix)``, absolute."""
    sentinel = "987654321"
    release = links.release(sentinel).split(sentinel, 1)
    facility = links.facility(sentinel).split(sentinel, 1)
    return release, facility


COPY_WORK_MEM = "32MB"
"""Sort memory of one COPY export; at most workers × threads of them run at once."""


def facilities_copy(rows, links: Links) -> Iterator[str | bytes]:
    """The facility CSV from PostgreSQL's COPY: the header, then COPY's output in ~64 KB
    chunks. The query's parameters are bound client-side (COPY takes none of its own)."""
    sql, params = facilities_copy_sql(rows)
    release, facility = _copy_params(links)
    # The parameters in textual order: the links' prefixes and suffixes in the SELECT list, then
    # the inner query's in FROM.
    all_params = [*release, *facility, *params]
    connection = connections[rows.db]

    def chunks():
        header = io.StringIO()
        csv.writer(header, lineterminator="\n").writerow(FACILITY_COLUMNS)
        yield header.getvalue().encode()
        with transaction.atomic(using=rows.db), connection.cursor() as cursor:
            # For this export's transaction only (EXPLAIN ANALYZE at 200k facilities): the sort
            # of every row fits in memory instead of spilling to disk, and JIT compiling the
            # expressions costs more than it saves on a query that runs once.
            cursor.execute(f"SET LOCAL work_mem = '{COPY_WORK_MEM}'")
            cursor.execute("SET LOCAL jit = off")
            statement = connection.ops.compose_sql(sql, all_params)
            buffer, size = [], 0
            with cursor.cursor.copy(statement) as copy:
                for block in copy:
                    buffer.append(bytes(block))
                    size += len(block)
                    if size >= CHUNK_BYTES:
                        yield b"".join(buffer)
                        buffer, size = [], 0
            if buffer:
                yield b"".join(buffer)

    return chunks()


# ---------------------------------------------------------------------------------------------
# Events


def events_export(request, queryset, fmt: str) -> StreamingHttpResponse:
    """The events page's filtered events (``EventQuerySet.for_event_list``) as a download."""
    links = Links(site_root(request))
    rows = queryset.values_list(*EVENT_VALUES, named=True).iterator(chunk_size=CHUNK_ROWS)
    if fmt == "csv":
        chunks = write_csv(EVENT_COLUMNS, (event_csv_row(row, links) for row in rows))
    elif fmt == "json":
        chunks = write_json(event_dict(row, links) for row in rows)
    else:
        chunks = write_geojson(
            (row.facility__location__longitude, row.facility__location__latitude, event_dict(row, links))
            for row in rows
        )
    return export_response(fmt, chunks, filename=export_filename("events", fmt))


WRITERS: dict[str, Callable] = {"csv": write_csv, "json": write_json, "geojson": write_geojson}
