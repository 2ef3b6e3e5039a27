"""Linguistic categories of facility events, each with our own sentences.

Each case is a phenomenon releases phrase in many ways (restated background, transactions
that list their sites, moved production, lists after a region, rumour denials ...); the
sentences are written for these tests, not taken from any corpus.
"""

from datetime import date

import pytest

from companies.importer.events import PARTIAL_CONFIDENCE, find_events
from companies.importer.spans import find_mentions
from companies.importer.text import Sentence

PUB = date(2012, 3, 6)


def _keys(*body, issuer="Tamarack Industries, Inc.", country=None):
    sentences = [Sentence(t, i * 1000, "body", i) for i, t in enumerate(body)]
    events, _ = find_events(sentences, headline=None, published=PUB, issuer=issuer, country=country)
    return {(e.type, e.place.locality, e.place.region) for e in events}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # background restated next to the news
        (
            ["Tamarack will restart its Bemidji, Minn., mill, which was idled in 2009."],
            {("reopened", "Bemidji", "US-MN")},
        ),
        (
            ["The Muncie, Ind., plant, which Tamarack acquired in 2004, will close by the end of the year."],
            {("closed", "Muncie", "US-IN")},
        ),
        (["Tamarack idled its Camas, Wash., mill in 2005 and has kept it on standby since."], set()),
        # other companies, evaluations, denials, rumours, spared sites
        (["Tamarack said a customer will close its Ames, Iowa, plant."], set()),
        (["Tamarack is reviewing strategic alternatives for its Ames, Iowa, mill."], set()),
        (["Tamarack has no plans to close its Ames, Iowa, plant."], set()),
        (
            ["Tamarack is aware of online posts suggesting that it intends to close its Ames, Iowa, plant."],
            set(),
        ),
        (["Tamarack will keep its Kaukauna, Wis., mill open."], set()),
        (
            ["Tamarack will close its Muncie, Ind., plant; its Peru, Ind., plant will continue to operate."],
            {("closed", "Muncie", "US-IN")},
        ),
        # conditional restarts
        (
            ["Tamarack expects to restart the Bemidji, Minn., mill as soon as lumber prices allow."],
            set(),
        ),
    ],
)
def test_background_and_non_events(body, expected):
    assert _keys(*body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # relocation: work moved away from a site closes it; the receiving site is no event
        (
            ["Tamarack will move production from its Muncie, Ind., plant to its facility in Kokomo, Ind."],
            {("closed", "Muncie", "US-IN")},
        ),
        (
            ["Tamarack will transfer all manufacturing from Muncie, Ind., to Kokomo, Ind., by June 2012."],
            {("closed", "Muncie", "US-IN")},
        ),
        (
            [
                "Tamarack will end production at its plant in Gera (Thuringia) and concentrate assembly"
                " at its plant in Brno, Czech Republic."
            ],
            {("closed", "Gera", "DE-TH")},
        ),
        (
            [
                "The Muncie, Ind., plant will be closed and its 200 employees offered positions at the"
                " Kokomo, Ind., plant."
            ],
            {("closed", "Muncie", "US-IN")},
        ),
        # nominalisations
        (
            ["Tamarack announced the permanent cessation of operations at its Borger, Texas, plant."],
            {("closed", "Borger", "US-TX")},
        ),
        (
            ["Tamarack announced the shutdown of its Bemidji, Minn., sawmill."],
            {("closed", "Bemidji", "US-MN")},
        ),
        (
            ["Tamarack announced the restart of operations at its Kenora, Ont., mill."],
            {("reopened", "Kenora", "CA-ON")},
        ),
        # a new site that starts producing has opened
        (
            ["Tamarack's new cabinet plant in Tifton, Ga., began commercial production in May."],
            {("opened", "Tifton", "US-GA")},
        ),
        # passive voice with a long subject
        (
            [
                "The new warehouse of its logistics subsidiary, Tamarack Freight Services Sp. z o.o., in"
                " Lodz, Poland, was officially opened on March 1, 2012, at a ceremony."
            ],
            {("opened", "Łódź", None)},
        ),
        # investments and jobs as expansions
        (
            ["Investment of approximately $8 million at Kokomo, Ind., will add a second paint line."],
            {("expanded", "Kokomo", "US-IN")},
        ),
        (
            ["Tamarack will invest around $12 million in the Kokomo, Ind., plant."],
            {("expanded", "Kokomo", "US-IN")},
        ),
        (
            ["The Kokomo, Ind., plant is expected to create around 45 additional roles."],
            {("expanded", "Kokomo", "US-IN")},
        ),
    ],
)
def test_moves_nominals_and_voices(body, expected):
    assert _keys(*body) == expected


def test_transaction_lists_its_sites():
    body = [
        "Tamarack agreed to sell its packaging business to Larch Holdings.",
        "The transaction includes the Tupelo, Miss., mill and the Corinth, Miss., converting plant.",
    ]
    assert _keys(*body) == {("sold", "Tupelo", "US-MS"), ("sold", "Corinth", "US-MS")}


def test_company_acquisition_brings_its_plants():
    body = [
        "Tamarack completed the acquisition of Birch Paper Co., which operates mills in Kaukauna, Wis., and Menasha, Wis."
    ]
    assert _keys(*body) == {("acquired", "Kaukauna", "US-WI"), ("acquired", "Menasha", "US-WI")}


def test_list_after_a_region_names_the_sites():
    body = ["Tamarack will close two plants in Kentucky: Paducah and Murray."]
    assert _keys(*body) == {("closed", "Paducah", "US-KY"), ("closed", "Murray", "US-KY")}


def test_ap_abbreviations_in_a_list():
    body = [
        "Tamarack will close its plants in Elkhart, Ind., Tupelo, Miss., Paducah, Ky., Salem, Ore., and Ardmore, Okla."
    ]
    assert {k[1:] for k in _keys(*body)} == {
        ("Elkhart", "US-IN"),
        ("Tupelo", "US-MS"),
        ("Paducah", "US-KY"),
        ("Salem", "US-OR"),
        ("Ardmore", "US-OK"),
    }


def test_planned_end_of_an_idling_is_not_a_reopening():
    body = [
        "Tamarack will temporarily idle its Rome, Ga., carpet plant for six weeks.",
        "Production at the plant is expected to resume in early May.",
    ]
    assert _keys(*body) == {("idled", "Rome", "US-GA")}


def test_main_line_idled_but_counted_machine_is_a_part():
    assert _keys("Tamarack is idling the pulp line at its Camas, Wash., mill.") == {
        ("idled", "Camas", "US-WA")
    }
    # a part is told on its site, as the wires' labels have it, but left for the editor to judge
    sentences = [
        Sentence("Tamarack will idle one of the two paper machines at its Camas, Wash., mill.", 0, "body", 0)
    ]
    events, _ = find_events(sentences, headline=None, published=PUB, issuer="Tamarack Industries, Inc.")
    assert [(e.type, e.place.locality) for e in events] == [("idled", "Camas")]
    assert events[0].confidence <= PARTIAL_CONFIDENCE < 0.9


def test_region_apposition_is_not_a_second_place():
    text = "Its plant in Saltillo, in the state of Coahuila, Mexico, opened."
    places = [(m.place.locality, m.place.region) for m in find_mentions(text)]
    assert places == [("Saltillo", "MX-COA")]


def test_company_name_is_not_a_place():
    text = (
        "Tamarack sold the plant to Larch Nonwovens LLC, a portfolio company of Chesapeake Capital Partners."
    )
    assert [m.place.locality for m in find_mentions(text, frozenset({"Tamarack"}))] == []


def test_home_country_settles_a_bare_town():
    body = ["Tamarack proposes to close its manufacturing site at Wakefield."]
    assert _keys(*body, country="GB") == {("closed", "Wakefield", None)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an event noun with a proper name between it and its determiner is still a noun
        (
            [
                "The Company's warehouse in Ottumwa, Iowa, which stocked imported coil during the Keokuk "
                "idling, will return to local supply."
            ],
            set(),
        ),
        # a bare event noun in an adverbial phrase refers to an event told elsewhere
        (
            [
                "Tamarack restarted its Bemidji, Minn., mill this week.",
                "Most of the 60 workers were employed at the mill prior to the shutdown.",
            ],
            {("reopened", "Bemidji", "US-MN")},
        ),
        (["After the closure, Tamarack will run four mills in Maine, Vermont and Quebec."], set()),
        (
            [
                "Its remaining plants in Muncie and Peru, Ind., are not expected to hire as a result of the closure."
            ],
            set(),
        ),
        # ... but the noun with its own complement still announces one
        (
            ["Following the closure of its Muncie, Ind., plant in June, Tamarack will run three plants."],
            {("closed", "Muncie", "US-IN")},
        ),
    ],
)
def test_referred_events(body, expected):
    assert _keys(*body) == expected


def _keys_with(body, headline):
    sentences = [Sentence(t, i * 1000, "body", i) for i, t in enumerate(body)]
    events, _ = find_events(
        sentences, headline=headline, published=PUB, issuer="Tamarack Industries, Inc.", country=None
    )
    return {(e.type, e.place.locality, e.place.region, e.place.country) for e in events}


def test_one_name_is_one_place_in_a_release():
    # the headline's bare "Athlone" must not become a second, differently resolved event
    body = [
        "Tamarack Industries, Inc. today opened its new bottling plant in Athlone, Ireland.",
        "The plant was opened by the Minister for Trade at a ceremony attended by staff.",
    ]
    keys = _keys_with(body, "Tamarack Opens Bottling Plant in Athlone")
    assert {k[:2] for k in keys} == {("opened", "Athlone")}
    assert {k[3] for k in keys} == {"IE"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an idling told in the past is what the announced restart ends
        (
            [
                "Tamarack has restarted its Bemidji, Minn., mill.",
                "The Bemidji mill was idled in May after a customer moved its orders overseas.",
            ],
            {("reopened", "Bemidji", "US-MN")},
        ),
        # the seat of a buyer or seller is not a site of the deal
        (
            [
                "Tamarack has sold its Muncie, Ind., plant to Ridgeway Fasteners Inc. of Kokomo, Ind., "
                "for $4 million."
            ],
            {("sold", "Muncie", "US-IN")},
        ),
        # the cost and the staff of a plant just announced are not an expansion of it
        (
            [
                "Tamarack today broke ground on a new plant in Sedalia, Mo.",
                "Tamarack plans to invest about $90 million in the plant and to hire 120 people.",
            ],
            {("opened", "Sedalia", "US-MO")},
        ),
    ],
)
def test_details_of_the_announced_event(body, expected):
    assert _keys(*body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a unit that makes something is a site
        (
            ["Tamarack has commissioned a new bottling unit in Sedalia, Mo."],
            {("opened", "Sedalia", "US-MO")},
        ),
        (
            ["Tamarack will permanently close its resin production unit in Muncie, Ind."],
            {("closed", "Muncie", "US-IN")},
        ),
        # ... a business unit is not, and one of several units is a part of a site
        (["Tamarack will close its operating unit in Muncie, Ind."], set()),
        (
            ["Tamarack will idle one of the three production units at its Muncie, Ind., plant."],
            {("idled", "Muncie", "US-IN")},
        ),
    ],
)
def test_production_units(body, expected):
    assert _keys(*body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the sites of a deal just announced, listed after a copula
        (
            [
                "Tamarack has completed the purchase of two sawmills in Oregon from Cedarline Lumber LLC.",
                "The acquired mills are a stud mill in Bend, Ore., and a planer mill in Burns, Ore.",
            ],
            {("acquired", "Bend", "US-OR"), ("acquired", "Burns", "US-OR")},
        ),
        # with no deal announced, "the acquired mills" is background
        (["The acquired mills are a stud mill in Bend, Ore., and a planer mill in Burns, Ore."], set()),
    ],
)
def test_listed_deal_sites(body, expected):
    assert _keys(*body) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Tamarack has decided to build a new coating line at its Dayton, Ohio plant.",
        "Tamarack will construct a new 40-metre drying line, with room for a second, at its Dayton, Ohio mill.",
    ],
)
def test_building_a_new_line_at_a_site_expands_it(sentence):
    assert _keys(sentence) == {("expanded", "Dayton", "US-OH")}


def test_building_a_whole_new_site_still_opens_it():
    assert _keys("Tamarack will build a new plant in Dayton, Ohio.") == {("opened", "Dayton", "US-OH")}


def test_work_moved_from_centres_named_with_an_ampersand_closes_them():
    keys = _keys(
        "Its film unit will move its R&D and technical centers in Erie, Pa. and Dayton, Ohio to Akron, Ohio."
    )
    assert keys == {("closed", "Erie", "US-PA"), ("closed", "Dayton", "US-OH")}


def test_the_markets_new_capacity_told_as_a_cause_is_no_expansion():
    assert not _keys(
        "Weak demand and recent competitive board capacity additions in Asia have hurt the Dayton, Ohio mill."
    )


def test_a_part_of_the_world_is_never_a_sites_town():
    assert not _keys("Tamarack will close plants in Asia and Africa.")


def test_a_brand_before_a_plants_trade_is_no_town_when_the_town_follows():
    # "Gypsum" is also a town in Colorado
    keys = _keys("Tamarack will close its American Gypsum wallboard plant in Bernalillo, New Mexico.")
    assert keys == {("closed", "Bernalillo", "US-NM")}


def test_buying_an_interest_in_a_company_places_the_deal_at_its_seat():
    keys = _keys(
        "Tamarack Industries, Inc. completed the acquisition of a ninety percent interest in Kestrel "
        "Corrugated LLC, an independent box maker in Fresno, CA."
    )
    assert keys == {("acquired", "Fresno", "US-CA")}


def test_a_temporary_production_interruption_idles_the_site():
    keys = _keys(
        "Tamarack today announced a temporary production interruption at its Corunna, Ontario, plant."
    )
    assert keys == {("idled", "Corunna", "CA-ON")}


def test_sites_listed_in_brackets_after_the_word_for_them_are_each_the_events():
    keys = _keys(
        "Tamarack will close two manufacturing facilities (Dayton, Ohio and Erie, Pa.) by June.",
    )
    assert keys == {("closed", "Dayton", "US-OH"), ("closed", "Erie", "US-PA")}
    keys = _keys("Tamarack will permanently close its production in Germany (Cologne and Ulm).")
    assert {k[:2] for k in keys} == {("closed", "Cologne"), ("closed", "Ulm")}


def test_a_stop_given_its_end_is_an_idling():
    keys = _keys(
        "Tamarack will be shutting down its production in Germany (Cologne, Ulm), at first from April 1 "
        "through April 17, 2012."
    )
    assert {k[:2] for k in keys} == {("idled", "Cologne"), ("idled", "Ulm")}
