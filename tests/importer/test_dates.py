"""Datelines and effective dates, in the styles of the main wires (our own sample lines)."""

from datetime import date

import pytest

from companies.importer.dates import (
    date_mentions,
    day_first,
    find_dateline,
    header_date,
    impossible_date,
    parse_date,
    year_for,
)

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


# --- dates as newsrooms, regulatory feeds and exhibits write them -------------------------------


def test_dotted_and_day_first_dates():
    assert parse_date("Press release 27.5.2008")[0] == date(2008, 5, 27)
    assert parse_date("Tuesday 13. October 2009 - Acme")[0] == date(2009, 10, 13)
    assert parse_date("Release Date: 25/09/2019 15:00")[0] == date(2019, 9, 25)
    assert parse_date("09/07/2020")[0] == date(2020, 9, 7)
    assert parse_date("09/07/2020", day_first=True)[0] == date(2020, 7, 9)


def test_header_date_skips_dates_of_something_else():
    lines = ["Board changes", "Jane Roe joins as Director, effective October 24, 2006", "October 24, 2006"]
    assert header_date(lines) == date(2006, 10, 24)
    assert header_date(["Results for the quarter ended June 30, 2007"]) is None
    assert header_date(["03 Oct 2013", "Norrland Paper to curtail production"]) == date(2013, 10, 3)


def test_a_release_that_writes_day_first_reads_numeric_dates_day_first():
    assert day_first("On 11 February 2020 the group began talks; on 3 March 2020 they ended.")
    assert not day_first("On February 11, 2020 the group began talks.")


def test_bracketed_and_clocked_datelines():
    bracketed = find_dateline(
        "(Vantor, Helsinki, 30 September 2021, 14:15 EEST) - Vantor has closed its mill."
    )
    assert (bracketed.place, bracketed.published) == ("Helsinki", date(2021, 9, 30))
    assert bracketed.end == len("(Vantor, Helsinki, 30 September 2021, 14:15 EEST) - ")
    clocked = find_dateline(
        "BURNABY, British Columbia, 2017-05-11 17:57 CEST (GLOBE NEWSWIRE) -- Acme Labs said"
    )
    assert clocked.published == date(2017, 5, 11) and clocked.wire == "GlobeNewswire"
    stop = find_dateline("Alpharetta, Georgia, July 22, 2005. Acme Paper International, Inc. today said")
    assert stop.published == date(2005, 7, 22)


def test_the_year_a_dateline_leaves_out():
    body = "Net earnings compare with the first quarter of 2005 and the fourth quarter of 2005."
    assert year_for(5, 11, body, headline="Acme reports results for first quarter 2006") == date(2006, 5, 11)
    assert year_for(12, 30, body, hint=date(2007, 1, 2)) == date(2006, 12, 30)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("HALDEN, Norway, February 31, 2009 -- Fjellvik ASA", "February 31, 2009"),
        ("Published 31 June 2010 at 08:00", "31 June 2010"),
        ("Release date: 2009-02-30", "2009-02-30"),
        ("Sept. 31, 2014 (BUSINESS WIRE)", "Sept. 31, 2014"),
        ("February 29, 2012 is a leap day", None),
        ("February 28, 2009 and 2009-03-01", None),
        ("2/31/2009", None),  # numeric dates may be a typo of anything: not reported
        ("no date at all", None),
    ],
)
def test_impossible_date_finds_days_that_do_not_exist(text, found):
    assert impossible_date(text) == found
    if found:
        assert parse_date(text) is None or parse_date(text)[1] != text.index(found)


def test_a_title_case_dateline_of_town_and_province_needs_no_date():
    found = find_dateline("Windsor, Ontario - During a ceremony today, Harnell Motors confirmed the plan.")
    assert found is not None and found.place == "Windsor, Ontario"
    assert find_dateline("Harnell Motors, Inc. - During a ceremony today the plan was confirmed.") is None


def test_a_dateline_may_run_straight_from_its_year_into_the_first_sentence():
    found = find_dateline("LAVAL, Quebec, Dec. 12, 2011 Harnell Motors Inc. announces a new line.")
    assert found.published == date(2011, 12, 12)
    assert find_dateline("In 2011 Harnell grew.") is None


@pytest.mark.parametrize(
    ("line", "day"),
    [
        (
            "CHICAGO, IL, 2018-Jan-09 -- /Retail Wire/ -- Harnell Markets opened a new center.",
            date(2018, 1, 9),
        ),
        (
            "VANCOUVER, BRITISH COLUMBIA-(Marketwired - June 23, 2016) - Harnell Paper Ltd. said",
            date(2016, 6, 23),
        ),
    ],
)
def test_dateline_shapes_of_smaller_wires(line, day):
    assert find_dateline(line).published == day
