"""Calendar dates in every style, and effective dates (our own sample lines)."""

from datetime import date

import pytest

from companies.importer.dates import (
    date_mentions,
    day_first,
    header_date,
    impossible_date,
    parse_date,
)

D = date


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


def test_a_day_parted_from_its_ordinal_is_still_a_date():
    assert parse_date("Mumbai, 23 rd June, 2018")[0] == D(2018, 6, 23)


def test_a_date_that_opens_a_range_dates_a_period_not_the_release():
    lines = ["Date of the previous notice", "02.03.2021 - 19.04.2021", "Filed 07.05.2021"]
    assert header_date(lines, day_first=True) == D(2021, 5, 7)
    assert header_date(["For the period 1 May - 31 July 2010"]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MONTRÉAL, Québec, 14 févr. 2019 (GLOBE NEWSWIRE) --", date(2019, 2, 14)),
        ("Hamburg, 3. März 2015 - Die Gesellschaft", date(2015, 3, 3)),
        ("Stockholm den 21 augusti 2018", date(2018, 8, 21)),
        ("Utrecht, 9 maart 2011", date(2011, 3, 9)),
        ("Madrid, 30 de junio de 2016", date(2016, 6, 30)),
    ],
)
def test_day_month_year_in_the_languages_releases_come_in(text, expected):
    found = parse_date(text)
    assert (found[0] if found else None) == expected


def test_a_foreign_month_name_without_a_day_and_year_is_no_date():
    assert parse_date("Mars will open a plant in Mai 2020 or later") is None


def test_a_pages_posted_on_line_states_its_publication_date():
    assert header_date(["Posted on April 27, 2020 by Newsroom"]) == date(2020, 4, 27)
    assert header_date(["Published: 3 May 2021"], day_first=True) == date(2021, 5, 3)
    # "on" alone still dates something else
    assert header_date(["Production resumes on April 27, 2020"]) is None


def test_dates_in_cjk_characters_and_with_a_stop_for_the_comma():
    assert parse_date("2022年05月25日 AM12:00")[0] == date(2022, 5, 25)
    assert parse_date("Temiscaming. October 17. 2002")[0] == date(2002, 10, 17)
    assert parse_date("See section 5. 2002 results") is None


def test_a_pages_label_before_the_date_dates_the_release():
    assert header_date(["Written on: July 18, 2023 by Jane Roe"]) == date(2023, 7, 18)
