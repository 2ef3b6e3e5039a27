"""Datelines and effective dates, in the styles of the main wires (our own sample lines)."""

from datetime import date

import pytest

from companies.importer.dates import date_mentions, find_dateline, parse_date

D = date


@pytest.mark.parametrize(
    ("line", "place", "published", "wire", "rest"),
    [
        (
            "CAMDEN, N.Y., Mar 24, 2009 (BUSINESS WIRE) -- Acme Inc. said",
            "CAMDEN, N.Y.",
            D(2009, 3, 24),
            "Business Wire",
            "Acme",
        ),
        (
            "DAYTON, Ohio, March 24, 2009 /PRNewswire/ -- Acme Corp. said",
            "DAYTON, Ohio",
            D(2009, 3, 24),
            "PR Newswire",
            "Acme",
        ),
        (
            "NEW YORK, May 2, 2011 /PRNewswire-FirstCall/ -- Acme said",
            "NEW YORK",
            D(2011, 5, 2),
            "PR Newswire",
            "Acme",
        ),
        (
            "ERIE, Pa., Sept. 3, 2010 (GLOBE NEWSWIRE) -- Acme said",
            "ERIE, Pa.",
            D(2010, 9, 3),
            "GlobeNewswire",
            "Acme",
        ),
        (
            "TORONTO, ONTARIO--(Marketwired - Jan. 5, 2012) - Acme Inc. said",
            "TORONTO, ONTARIO",
            D(2012, 1, 5),
            "Marketwired",
            "Acme",
        ),
        ("MONTREAL, June 1, 2016 /CNW/ - Acme Inc. said", "MONTREAL", D(2016, 6, 1), "CNW", "Acme"),
        ("MONTREAL, June 1, 2016 (CNW) - Acme Inc. said", "MONTREAL", D(2016, 6, 1), "CNW", "Acme"),
        (
            "PITTSBURGH--(BUSINESS WIRE)--Apr. 9, 2020-- Acme Steel said",
            "PITTSBURGH",
            D(2020, 4, 9),
            "Business Wire",
            "Acme",
        ),
        ("LYON, France, 24 March 2009 -- Acme SA said", "LYON, France", D(2009, 3, 24), None, "Acme"),
        ("HAMILTON, Ont. (2012-01-05) - Acme said", "HAMILTON, Ont.", D(2012, 1, 5), None, "Acme"),
        ("DAYTON, Ohio -- Acme Corp. said", "DAYTON, Ohio", None, None, "Acme"),
    ],
)
def test_datelines(line, place, published, wire, rest):
    d = find_dateline(line)
    assert d is not None
    assert (d.place, d.published, d.wire) == (place, published, wire)
    assert line[d.end :].startswith(rest)


@pytest.mark.parametrize(
    "line", ["Acme Corp. today announced results.", "About Acme: it makes things.", "The Company said: no."]
)
def test_no_dateline_in_prose(line):
    assert find_dateline(line) is None


def test_parse_date_forms():
    assert parse_date("on March 24, 2009")[0] == D(2009, 3, 24)
    assert parse_date("2009-03-24")[0] == D(2009, 3, 24)
    assert parse_date("24 March 2009")[0] == D(2009, 3, 24)
    assert parse_date("no date here") is None


PUB = D(2009, 3, 24)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("effective June 30, 2010", D(2010, 6, 30)),
        ("by June 30", D(2009, 6, 30)),
        ("on January 15", D(2010, 1, 15)),  # passed at publication: next occurrence
        ("by the end of the second quarter", D(2009, 6, 30)),
        ("by the end of the first quarter", D(2009, 3, 31)),  # not over on March 24
        ("in the third quarter of 2010", D(2010, 9, 30)),
        ("during Q4 2011", D(2011, 12, 31)),
        ("in the first half of 2010", D(2010, 6, 30)),
        ("in early 2027", D(2027, 3, 31)),
        ("by mid-2010", D(2010, 6, 30)),
        ("in late 2011", D(2011, 12, 31)),
        ("by year-end", D(2009, 12, 31)),
        ("by the end of the year", D(2009, 12, 31)),
        ("later this month", D(2009, 3, 31)),
        ("next month", D(2009, 4, 30)),
        ("within 60 days", D(2009, 5, 23)),
        ("over the next six months", D(2009, 9, 24)),
        ("in September 2009", D(2009, 9, 30)),
        ("effective immediately", PUB),
        ("30 June 2010", D(2010, 6, 30)),
        ("in the spring of 2010", D(2010, 5, 31)),
    ],
)
def test_effective_dates(phrase, expected):
    found = date_mentions(f"The plant will close {phrase}.", PUB)
    assert [m.value for m in found] == [expected]


def test_relative_dates_need_a_publication_date():
    assert date_mentions("The plant will close later this month.", None) == []
    assert [m.value for m in date_mentions("It will close on June 30, 2010.", None)] == [D(2010, 6, 30)]


def test_dateline_with_slashes_around_the_wire():
    d = find_dateline("MOLINE, IL / ACCESSWIRE / October 2, 2023 / Tamarack Industries, Inc. today said")
    assert (d.place, d.published, d.wire) == ("MOLINE, IL", date(2023, 10, 2), "Accesswire")
    assert d.end == len("MOLINE, IL / ACCESSWIRE / October 2, 2023 / ")
