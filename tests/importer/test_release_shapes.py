"""Releases that tell several events, lists of sites, moves and referring words: each gives
exactly its events. Our own sentences, one per general shape."""

from datetime import date

import pytest

from companies.importer.extract import extract
from tests.importer.sentences import events_in

CASES = [
    (
        "Halcyon Industries, Inc. will close three plants: in Erie, Pa., Muncie, Ind., and Kemi, Finland.",
        {("closed", "Erie"), ("closed", "Muncie"), ("closed", "Kemi")},
    ),
    (
        "Halcyon Industries, Inc. will close its plants in Erie, Pa., Muncie, Ind. and Dayton, Ohio.",
        {("closed", "Erie"), ("closed", "Muncie"), ("closed", "Dayton")},
    ),
    (
        "Halcyon Industries, Inc. will close its Erie, Pennsylvania; Muncie, Indiana; and Dayton, Ohio plants.",
        {("closed", "Erie"), ("closed", "Muncie"), ("closed", "Dayton")},
    ),
    (
        "Halcyon Industries, Inc. will close the Erie, Pa. and Muncie, Ind. plants.",
        {("closed", "Erie"), ("closed", "Muncie")},
    ),
    (
        "Halcyon to Idle Erie Mill\n\nERIE, Pa., March 4, 2025 -- Halcyon Industries, Inc. said the mill will be idled for six weeks because of weak demand.",
        {("idled", "Erie")},
    ),
    (
        "Halcyon Industries, Inc. will consolidate its Erie, Pa. operations into its Muncie, Ind. plant.",
        {("closed", "Erie")},
    ),
    (
        "Halcyon Industries, Inc. will relocate production from Erie, Pa. to Muncie, Ind.",
        {("closed", "Erie")},
    ),
    (
        "Halcyon Industries, Inc. said the closures of its Erie, Pa. and Dayton, Ohio plants will affect 300 workers.",
        {("closed", "Erie"), ("closed", "Dayton")},
    ),
    (
        "Halcyon Industries, Inc. will close its Erie, Pa. mill and its Dayton, Ohio plant by year end.",
        {("closed", "Erie"), ("closed", "Dayton")},
    ),
    (
        "Halcyon Industries, Inc. will close its Erie, Pa. mill. The company will also idle its Dayton, Ohio plant for a month.",
        {("closed", "Erie"), ("idled", "Dayton")},
    ),
    (
        "Halcyon Industries, Inc. announced plans to close its sawmill in Quesnel, British Columbia and curtail production at its mill in Prince George.",
        {("closed", "Quesnel"), ("idled", "Prince George")},
    ),
    (
        "Halcyon Industries, Inc. will sell its mills in Erie, Pa. and Dayton, Ohio to Brant Co.",
        {("sold", "Erie"), ("sold", "Dayton")},
    ),
    (
        "Halcyon Industries, Inc. has completed the acquisition of Brant Co., which operates plants in Erie, Pa. and Dayton, Ohio.",
        {("acquired", "Erie"), ("acquired", "Dayton")},
    ),
    (
        "Halcyon Industries, Inc. will build a new plant in Dayton, Ohio and close its older plant in Erie, Pa.",
        {("opened", "Dayton"), ("closed", "Erie")},
    ),
    (
        "Halcyon Industries, Inc. will expand its Dayton, Ohio plant, adding 100 jobs.",
        {("expanded", "Dayton")},
    ),
    (
        "Halcyon Industries, Inc. will invest $50 million in its Dayton, Ohio plant to add a second production line.",
        {("expanded", "Dayton")},
    ),
    (
        "Halcyon Industries, Inc. said its plant in Dayton, Ohio, which was idled in March, will restart in June.",
        {("reopened", "Dayton")},
    ),
    (
        "Halcyon Industries, Inc. will shut its No. 3 paper machine at its Erie, Pa. mill.",
        {("closed", "Erie")},
    ),
    (
        "Halcyon Industries, Inc. will permanently shut down the Erie, Pennsylvania, mill, which employs 250 people.",
        {("closed", "Erie")},
    ),
    (
        'Halcyon Industries, Inc. ("Halcyon") announced today that its Board of Directors has approved the closure of the Company\'s manufacturing facility located in Erie, Pennsylvania.',
        {("closed", "Erie")},
    ),
    (
        "Halcyon Industries, Inc. will move manufacturing from its Erie, Pa. facility to its plant in Dayton, Ohio, and close the Erie facility.",
        {("closed", "Erie")},
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_each_shape_gives_exactly_its_events(text, want):
    assert {(e.type, e.place.locality) for e in extract(text).events} == want


# restarts as newsrooms and wires tell them: after storms, fires, curtailments and closures
RESTARTS = [
    (
        "Halcyon Mill Resumes Operations After Hurricane\n\nBOGALUSA, La., Oct. 3, 2005 /PRNewswire/ -- Halcyon Industries, Inc. announced today that its Bogalusa mill has resumed production following Hurricane Katrina. The mill returned to full operations on Monday.",
        {("reopened", "Bogalusa")},
    ),
    (
        "Halcyon Announces Restart of Smelter\n\nFOREST CITY, N.C., June 3, 2021 -- Halcyon Metals, Inc. will begin the restart process at its aluminum smelter in Forest City, North Carolina, with full production expected by year end.",
        {("reopened", "Forest City")},
    ),
    (
        "Halcyon Fibers Announces Operations Restart\n\nCOSMOPOLIS, Wash. -- Halcyon Fibers has begun recalling employees to restart operations at the Cosmopolis mill, which has been shut since May.",
        {("reopened", "Cosmopolis")},
    ),
    (
        "Halcyon to Resume Production at North American Plants\n\nFINDLAY, Ohio, April 23, 2020 -- Halcyon Tire & Rubber Company will begin resuming production at its Findlay, Ohio; Texarkana, Arkansas; and Tupelo, Mississippi plants next week.",
        {("reopened", "Findlay"), ("reopened", "Texarkana"), ("reopened", "Tupelo")},
    ),
    (
        "Halcyon restarts mill\n\nQUESNEL, B.C., Feb. 1, 2016 /CNW/ - Halcyon Forest Products Ltd. said today it will restart its Quesnel sawmill in June after a two-year curtailment.",
        {("reopened", "Quesnel")},
    ),
    (
        "Halcyon Mill to Restart\n\nPRINCE ALBERT, Sask., May 2, 2018 -- Halcyon Pulp Inc. will restart the idled Prince Albert pulp mill, which has been down since 2006, creating 300 jobs.",
        {("reopened", "Prince Albert")},
    ),
    (
        "Halcyon to reopen plant\n\nHalcyon Foods said Tuesday it will reopen its Waterloo, Iowa pork plant on Thursday after a two-week closure.",
        {("reopened", "Waterloo")},
    ),
    (
        "Halcyon Resumes Normal Operations at Texas Refinery\n\nHOUSTON, Sept. 5, 2017 -- Halcyon Refining LLC said its Port Arthur, Texas refinery has resumed normal operations following Hurricane Harvey.",
        {("reopened", "Port Arthur")},
    ),
]


@pytest.mark.parametrize(("text", "want"), RESTARTS)
def test_each_restart_shape_gives_its_restarts(text, want):
    assert {(e.type, e.place.locality) for e in extract(text).events} == want


# the site named in the headline, a later sentence or a list, and "the plant" meaning it
DATELINE = "CHICAGO, March 4, 2025 /PRNewswire/ -- "
REFERRING = [
    (
        "Kestrel to Close Erie Plant\n\n"
        + DATELINE
        + "Kestrel Industries, Inc. announced today it will close the plant by year end, affecting 200 workers.",
        {("closed", "Erie")},
    ),
    (
        "Kestrel Announces Closure of Two Plants\n\n"
        + DATELINE
        + "Kestrel Industries, Inc. today announced two plant closures. The plants, in Erie, Pa. and Dayton, Ohio, will close in June.",
        {("closed", "Erie"), ("closed", "Dayton")},
    ),
    (
        "Kestrel Restructures\n\n"
        + DATELINE
        + "Kestrel Industries, Inc. will close two plants. The plants are located in Erie, Pa. and Dayton, Ohio.",
        {("closed", "Erie"), ("closed", "Dayton")},
    ),
    (
        "Kestrel Restructures\n\n"
        + DATELINE
        + "Kestrel Industries, Inc. will close the following facilities:\n\n- Erie, Pennsylvania\n\n- Dayton, Ohio",
        {("closed", "Erie"), ("closed", "Dayton")},
    ),
    (
        "Kestrel to Idle Two Mills\n\n"
        + DATELINE
        + "Kestrel Industries, Inc. will idle two mills for four weeks: its mill in Erie, Pa. and its mill in Dayton, Ohio.",
        {("idled", "Erie"), ("idled", "Dayton")},
    ),
    (
        "Kestrel to Close Erie Plant\n\n"
        + DATELINE
        + "Kestrel Industries, Inc. will close its Erie, Pa. plant. Production will move to the company's plant in Dayton, Ohio.",
        {("closed", "Erie")},
    ),
    (
        "Kestrel Opens Dayton Plant\n\n"
        + DATELINE
        + "Kestrel Industries, Inc. today opened its new plant. The 200,000-square-foot plant in Dayton, Ohio will employ 300 people.",
        {("opened", "Dayton")},
    ),
]


@pytest.mark.parametrize(("text", "want"), REFERRING)
def test_each_referring_shape_gives_its_events(text, want):
    assert {(e.type, e.place.locality) for e in extract(text).events} == want


# releases that name sites but announce nothing about them: results, appointments, dividends,
# conferences, anniversaries
ANNOUNCE_NOTHING = [
    "Halcyon Reports Fourth Quarter Results\n\n"
    + DATELINE
    + "Halcyon Industries, Inc. (NYSE: HAL) today reported fourth quarter net sales of $412 million. Shipments from the Erie, Pa. plant rose 5 percent, and the Dayton, Ohio facility, which opened in 2019, ran at full capacity. The company expects capital spending of $40 million next year.",
    "Halcyon Names New Chief Operating Officer\n\n"
    + DATELINE
    + "Halcyon Industries, Inc. today named Jane Roe chief operating officer. Ms. Roe previously managed the company's Erie, Pa. mill and, at her former employer, led the closure of a plant in Dayton, Ohio.",
    "Halcyon Declares Quarterly Dividend\n\n"
    + DATELINE
    + "The board of Halcyon Industries, Inc. declared a quarterly dividend of $0.25 per share. Halcyon operates 12 plants in the United States and Canada, including mills in Erie, Pa. and Sherbrooke, Quebec.",
    "Halcyon to Present at Investor Conference\n\n"
    + DATELINE
    + "Halcyon Industries, Inc. will present at the Midwest Industrials Conference in Dayton, Ohio on March 12. Management will discuss the recent expansion of the Erie, Pa. plant completed in 2023.",
    "Halcyon Celebrates 50 Years in Sherbrooke\n\n"
    + DATELINE
    + "Halcyon Industries, Inc. celebrated the 50th anniversary of its Sherbrooke, Quebec plant, which opened in 1975 and employs 400 people.",
]


@pytest.mark.parametrize("text", ANNOUNCE_NOTHING)
def test_releases_that_announce_nothing_give_no_event(text):
    assert extract(text).events == []


def test_a_site_named_in_one_clause_is_the_one_a_following_clause_restarts():
    sentence = "The Dayton, Ohio plant incurred minor damage, and operations were restarted on March 21."
    events = events_in(sentence, issuer="Kestrel Inc.", published=date(2025, 3, 24))
    assert [(e.type, e.place.locality) for e in events] == [("reopened", "Dayton")]
    # but a sales figure of one site does not place another clause's opening
    other = "Sales at the Dayton, Ohio plant rose, and the company opened a new office."
    events = events_in(other, issuer="Kestrel Inc.", published=date(2025, 3, 24))
    assert events == []


def test_a_new_plant_built_to_add_capacity_is_an_opening_not_also_an_expansion():
    text = (
        "Kestrel Plans New Plant\n\nKYOTO, Japan, March 4, 2025 -- Kestrel Corporation today announced plans to "
        "build a new plant in Isahaya, Japan. The new plant in Isahaya comes amid plans to increase production "
        "capacity at home and abroad."
    )
    assert [(e.type, e.place.locality) for e in extract(text).events] == [("opened", "Isahaya")]


def test_towns_the_release_placed_and_then_lists_are_a_list_not_a_town_and_its_region():
    text = (
        "Halcyon Consolidates Warehouses\n\nHalcyon Foods runs warehouses in Tacoma, Wash., Auburn, Wash. "
        "and Portland, Ore. Halcyon plans to close its Tacoma, Portland and Auburn warehouses next year."
    )
    keys = {(e.type, e.place.locality, e.place.region) for e in extract(text).events}
    assert keys == {
        ("closed", "Tacoma", "US-WA"),
        ("closed", "Portland", "US-OR"),
        ("closed", "Auburn", "US-WA"),
    }


def test_a_first_paragraph_that_names_a_street_is_still_the_body():
    text = (
        "Halcyon to Build Distribution Center\n\nCompany is growing its Pacific Northwest network\n\n"
        "Halcyon Foods, a food wholesaler with annual sales of $2 billion, has signed a lease with a developer "
        "in Centralia, Washington to construct a 500,000 square-foot distribution center on 40 acres at "
        "4002 Galvin Road in Centralia, Washington.\n\nThe center will open in 2026 and will serve "
        "customers across the region with a new warehouse automation system."
    )
    assert [(e.type, e.place.locality) for e in extract(text).events] == [("opened", "Centralia")]


def test_a_counted_reference_takes_as_many_sites_from_the_sentences_before():
    text = (
        "Halcyon Resumes Production\n\nQUINCY, Ill., Dec. 27, 2010 -- Halcyon Corp. said workers at its Des "
        "Moines factory ratified a contract. Workers at its Freeport, Illinois and Bryan, Ohio tire factories "
        "did not. Tire production resumed at all three factories on Sunday."
    )
    assert {(e.type, e.place.locality) for e in extract(text).events} == {
        ("reopened", "Des Moines"),
        ("reopened", "Freeport"),
        ("reopened", "Bryan"),
    }
