"""No 500 from a query string: every analyst URL, walked with every parameter the pages read set
to hostile values (dates out of range, NUL, negative and huge numbers, unknown choices, very
long strings), answers 200, 400 or 404 and never 500, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tests.security.test_read_only import PUBLIC, sample_path, values  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

# every parameter a page or the API reads (views, filters, changes, paging)
PARAMETERS = (
    "q", "page", "as_of", "format", "sort", "from", "to", "status", "company", "parent", "country",
    "region", "kind", "event_type", "changed_after", "changed_before", "type", "date_after",
    "date_before",
)  # fmt: skip
BAD_VALUES = (
    "0001-01-01", "9999-12-31", "2009-02-31", "-1", "0", "99999999999999999999", "abc", "\x00",
    "a\x00b", "' OR 1=1 --", "%", "x" * 3000, "1e309", "NaN", "[]",
)  # fmt: skip


@pytest.mark.parametrize("route", PUBLIC, ids=lambda r: r.name)
def test_no_parameter_value_makes_a_page_fail(client, values, route):  # noqa: F811
    path = sample_path(route, values)
    failures = []
    for name in PARAMETERS:
        for value in BAD_VALUES:
            response = client.get(path, {name: value})
            if response.status_code >= 500:
                failures.append((name, value[:20], response.status_code))
    assert not failures, (path, failures)
