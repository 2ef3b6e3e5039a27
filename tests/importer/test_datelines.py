"""Datelines in the styles of the main wires and regulators (our own sample lines)."""

from datetime import date

import pytest

from companies.importer.datelines import find_dateline, year_for

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
        # a news agency by its name
        ("TOKYO (Jiji Press) - Acme Holdings Co. said", "TOKYO", None, None, "Acme"),
        ("LONDON (dpa-AFX) - The Acme Group said", "LONDON", None, None, "The"),
        # a news site's name in brackets, as call letters are written
        ("PERTH (minenews.com) - Gold miner Acme Ltd said", "PERTH", None, None, "Gold"),
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


def test_dateline_with_slashes_around_the_wire():
    d = find_dateline("MOLINE, IL / ACCESSWIRE / October 2, 2023 / Tamarack Industries, Inc. today said")
    assert (d.place, d.published, d.wire) == ("MOLINE, IL", date(2023, 10, 2), "Accesswire")
    assert d.end == len("MOLINE, IL / ACCESSWIRE / October 2, 2023 / ")


# --- dates as newsrooms, regulatory feeds and exhibits write them -------------------------------


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


def test_a_title_case_dateline_of_town_and_province_needs_no_date():
    found = find_dateline("Windsor, Ontario - During a ceremony today, Harnell Motors confirmed the plan.")
    assert found is not None and found.place == "Windsor, Ontario"
    assert find_dateline("Harnell Motors, Inc. - During a ceremony today the plan was confirmed.") is None


def test_a_news_services_call_letters_after_the_place_are_part_of_the_dateline():
    found = find_dateline("GRAND RAPIDS, Mich. (WKZO) -- Harnell Motors celebrated the opening on Tuesday.")
    assert found is not None and found.place == "GRAND RAPIDS, Mich."
    assert find_dateline("GRAND RAPIDS, Mich. (NASDAQ: HRNL) Harnell grew.") is None


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


def test_a_year_left_out_is_taken_from_the_nearest_full_date_before_bare_numbers():
    body = "Crews at the Model 1990 press line return to work on August 12, 2011 after the stop."
    assert year_for(8, 2, body) == date(2011, 8, 2)


@pytest.mark.parametrize(
    ("line", "place", "day", "rest"),
    [
        # a wire tag in its own case between dashes
        (
            "Omaha, NE - (Market Wire) - November 10, 2008 - Harlow Energy, Inc. announced",
            "Omaha, NE",
            date(2008, 11, 10),
            "Harlow",
        ),
        # a weekday, and an ellipsis for the dash
        (
            "Melville, New York, Tuesday, April 18, 2017...Harlow Corp. announced",
            "Melville, New York",
            date(2017, 4, 18),
            "Harlow",
        ),
        # two seats, and a shouted month
        (
            "CREVE COEUR, Mo., and CHICAGO, JULY 30, 2008 -- Harlow Container Corp. said",
            "CREVE COEUR, Mo., and CHICAGO",
            date(2008, 7, 30),
            "Harlow",
        ),
    ],
)
def test_more_dateline_shapes(line, place, day, rest):
    found = find_dateline(line)
    assert (found.place, found.published) == (place, day)
    assert line[found.end :].startswith(rest)


def test_a_place_in_brackets_before_the_dashes():
    line = "[Charlotte, N.C.]--Harlow Group, Inc. (OTC Bulletin Board: HRLG) today announced"
    found = find_dateline(line)
    assert found.place == "Charlotte, N.C." and line[found.end :].startswith("Harlow")


def test_a_wire_between_slashes_right_after_the_year_in_title_case():
    line = "Portland, Oregon, September 13, 2004/Business Wire/--Harlow Steel Mills, Inc. today announced"
    found = find_dateline(line)
    assert (found.published, found.wire) == (date(2004, 9, 13), "Business Wire")
    assert line[found.end :].startswith("Harlow")


@pytest.mark.parametrize(
    ("paragraph", "place", "published"),
    [
        (
            "Kamloops (BC) - Tamarack Paper announced today that it will curtail production.",
            "Kamloops, BC",
            None,
        ),
        ("SHERBROOKE (Quebec) - Tamarack announced today", "SHERBROOKE, Quebec", None),
        (
            "Muncie, Indiana (Bloomberg: tamrk) - September 15, 2004 -- On September 8, heavy rain fell.",
            "Muncie, Indiana",
            date(2004, 9, 15),
        ),
    ],
)
def test_a_region_or_a_ticker_tag_in_brackets_after_the_town(paragraph, place, published):
    found = find_dateline(paragraph)
    assert (found.place, found.published) == (place, published)


def test_a_company_with_a_ticker_tag_in_brackets_is_no_dateline():
    assert find_dateline("Tamarack (NYSE: TMK) - the company said it would grow.") is None


def test_a_note_in_brackets_after_a_leading_date():
    found = find_dateline(
        "October 30, 2017 (TBD) - MUNCIE, IN - Tamarack Inc. has announced plans to expand."
    )
    assert (found.place, found.published) == ("MUNCIE, IN", date(2017, 10, 30))


def test_a_release_label_before_the_dateline_on_its_line_is_read_past():
    found = find_dateline(
        "For Immediate Release: DAYTON, OHIO, September 24, 2010 - Kestrel Corp. announced today"
    )
    assert found is not None and found.place == "DAYTON, OHIO" and found.published == date(2010, 9, 24)
    assert found.end == len("For Immediate Release: DAYTON, OHIO, September 24, 2010 - ")


def test_a_pages_label_before_the_date_is_no_dateline_place():
    found = find_dateline("Posted on July 18, 2023 -- Harnell Motors will open a plant.")
    assert found is not None and found.place is None and found.published == date(2023, 7, 18)


def test_a_place_in_round_brackets_before_the_date():
    found = find_dateline("(Houston, Texas) May 3, 2021 - Harnell Motors will open a plant.")
    assert found is not None and found.place == "Houston, Texas" and found.published == date(2021, 5, 3)
    # a wire's name in brackets is the wire, no place
    assert find_dateline("(Reuters) - Harnell Motors will open a plant.").place is None


def test_a_date_and_place_in_round_brackets_open_the_first_paragraph():
    found = find_dateline("(December 17, 2010 - Milton, NY) Harnell Motors today announced a purchase.")
    assert found is not None and found.place == "Milton, NY" and found.published == date(2010, 12, 17)


def test_a_news_agencys_letters_after_the_date_end_the_dateline():
    line = "Pune, Mar 3 (XNA) Tractor major Acme on Monday said it will open a plant."
    found = find_dateline(line)
    assert (found.place, found.month_day) == ("Pune", (3, 3))
    assert line[found.end :].startswith("Tractor major")


def test_a_pages_publication_label_is_no_dateline_place():
    found = find_dateline("Published at 2:10pm 1st October 2015. (Updated at 5:06pm)")
    assert found is None or found.place is None


def test_an_agency_dateline_reprinted_without_its_tag_and_dash():
    found = find_dateline("PERTH Oct 13 Halcyon Mining Ltd on Thursday said production was resuming.")
    assert (found.place, found.month_day) == ("PERTH", (10, 13))
    assert "PERTH Oct 13 Halcyon Mining Ltd"[found.end :] == "Halcyon Mining Ltd"
    # a shouted headline word before a date in prose is no such dateline
    assert find_dateline("Output rose in March 3 plants.") is None
