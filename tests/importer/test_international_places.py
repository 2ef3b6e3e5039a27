"""Generic place parsing outside the US and Canada: subdivisions with their generic word,
"Town, Subdivision, Country", home-country context, and tokens that only look like places.
The sentences are our own; no corpus text."""

from __future__ import annotations

from datetime import date

import pytest

from companies.importer.events import find_events
from companies.importer.issuer import find_company
from companies.importer.places import region_code
from companies.importer.spans import find_mentions
from companies.importer.text import Sentence

PUB = date(2026, 5, 4)


def _keys(*body, headline=None, country=None):
    sentences = [Sentence(t, i * 1000, "body", i) for i, t in enumerate(body)]
    events, _ = find_events(
        sentences, headline=headline, published=PUB, issuer="Tamarack Industries, Inc.", country=country
    )
    return {(e.type, e.place.locality, e.place.region, e.place.country) for e in events}


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("Yamagata Prefecture", "JP", "JP-06"),
        ("State of Mexico", "MX", "MX-MEX"),
        ("the Haute-Saône department", "FR", "FR-70"),
        ("Province of Hainaut", "BE", "BE-WHT"),
        ("Kumamoto Prefecture", None, "JP-43"),
        ("Penang", "MY", "MY-07"),
    ],
)
def test_region_code_strips_the_generic_word(text, country, expected):
    assert region_code(text, country) == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        (
            ["Tamarack will close its bottling plant in Toluca, State of Mexico, by the end of the year."],
            None,
            {("closed", "Toluca", "MX-MEX", "MX")},
        ),
        (
            ["Production at the Tsuruoka Plant in Yamagata Prefecture will end in September."],
            "JP",
            {("closed", "Tsuruoka", "JP-06", "JP")},
        ),
        (
            [
                "Tamarack has agreed to sell its assembly plant in Butterworth, Penang, Malaysia, to Larch Sdn."
            ],
            None,
            {("sold", "Butterworth", "MY-07", "MY")},
        ),
        (
            [
                "Tamarack will temporarily halt production at its plant in Vesoul, in the Haute-Saône "
                "department of France, from May 11."
            ],
            "FR",
            {("idled", "Vesoul", "FR-70", "FR")},
        ),
        (
            [
                "Tamarack proposes to close its bakery in Halifax, West Yorkshire, after a review of its network."
            ],
            "GB",
            {("closed", "Halifax", None, "GB")},
        ),
    ],
)
def test_subdivisions_qualify_the_town_and_are_no_place_of_their_own(body, country, expected):
    assert _keys(*body, country=country) == expected


def test_subdivision_words_are_not_towns():
    text = "Its plant in Toluca, State of Mexico, and its line in Tsuruoka, Yamagata Prefecture, will close."
    found = [(m.place.locality, m.place.region) for m in find_mentions(text)]
    assert found == [("Toluca", "MX-MEX"), ("Tsuruoka", "JP-06")]


def test_compass_word_is_not_a_region_of_its_own():
    text = "Tamarack will close its plant in Halifax, West Yorkshire."
    found = [(m.place.locality, m.place.country) for m in find_mentions(text, default_country="GB")]
    assert found == [("Halifax", "GB")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # currency prefixes are not places
        (
            [
                "Tamarack will build a new closures and preforms plant in Celaya, Guanajuato, "
                "with an investment of US$40 million."
            ],
            {("opened", "Celaya", "MX-GUA", "MX")},
        ),
        # a product noun before a facility word is no event word
        (
            ["Tamarack will expand its shutdown valves plant in Nampa, Idaho."],
            {("expanded", "Nampa", "US-ID", "US")},
        ),
        # groundbreaking: for an expansion, an expansion; for a new plant, an opening
        (
            ["Tamarack broke ground today on a $50 million expansion of its plant in Nampa, Idaho."],
            {("expanded", "Nampa", "US-ID", "US")},
        ),
        (
            ["Tamarack broke ground today on a new plant in Nampa, Idaho."],
            {("opened", "Nampa", "US-ID", "US")},
        ),
        # a state the deal is about is no new event
        (
            ["Tamarack agreed to sell its idle sawmill in Chapleau, Ontario, to Larch Lumber Ltd."],
            {("sold", "Chapleau", "CA-ON", "CA")},
        ),
        # background told as a cause of the past
        (
            [
                "Tamarack said its plant in Ames, Iowa, will resume production in May, a year after a "
                "flood forced the company to suspend operations there."
            ],
            {("reopened", "Ames", "US-IA", "US")},
        ),
    ],
)
def test_words_that_only_look_like_events_or_places(body, expected):
    assert _keys(*body) == expected


def test_spelled_out_province_keeps_the_town():
    body = [
        "Tamarack will close its bakery in Kingston, Ontario, with production expected to wind down by June."
    ]
    keys = _keys(*body, headline="Tamarack Announces Bakery Changes in Ontario and Manitoba")
    assert keys == {("closed", "Kingston", "CA-ON", "CA")}


def test_exchange_names_and_tickers_beyond_north_america():
    from companies.importer.issuer import find_company

    tokyo = find_company("Kawaguchi Seiki Co., Ltd. (TSE: 7011) today announced a new plant.", None)
    assert (tokyo.ticker, tokyo.exchange) == ("7011", "TSE")
    mexico = find_company("Grupo Ocotal, S.A.B. de C.V. (BMV: OCOTAL) today announced a sale.", None)
    assert (mexico.ticker, mexico.exchange) == ("OCOTAL", "BMV")
    classed = find_company(
        "Fjallvik Trä AB (publ) (Nasdaq Stockholm: FJVK B) has agreed to sell a mill.", None
    )
    assert (classed.ticker, classed.exchange) == ("FJVK B", "Nasdaq Stockholm")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the listing says where a bare town is
        (
            "Birchwood Foods plc (LSE: BWF) today announced a proposal to close its bakery in Halifax.",
            "GB",
        ),
        (
            "Northmark Foods Inc. (TSX: NMF) today announced a proposal to close its bakery in Halifax.",
            "CA",
        ),
        # so does the company's own network, when nothing else does
        (
            "Birchwood Foods today announced a proposal to close its bakery in Halifax, following a review "
            "of its UK manufacturing network.",
            "GB",
        ),
    ],
)
def test_home_country_settles_a_town_with_namesakes_abroad(text, country):
    from companies.importer.extract import extract

    proposal = extract("Birchwood Announces Bakery Changes\n\n" + text + "\n")
    assert [(e.type, e.place.locality, e.place.country) for e in proposal.events] == [
        ("closed", "Halifax", country)
    ]


def test_sites_of_the_company_acquired():
    body = [
        "Tamarack has agreed to acquire Birch Paper Co., a family-owned maker of tissue, for $90 million.",
        "Birch operates two mills, in Kaukauna, Wis., and Menasha, Wis., which employ 300 people.",
    ]
    assert _keys(*body) == {("acquired", "Kaukauna", "US-WI", "US"), ("acquired", "Menasha", "US-WI", "US")}


def test_equipment_installed_at_a_town_is_an_expansion():
    body = ["Tamarack will invest approximately $9 million at Nampa, Idaho, to install four new presses."]
    assert _keys(*body) == {("expanded", "Nampa", "US-ID", "US")}


def test_investment_where_work_is_gathered_is_an_expansion():
    body = [
        "Assembly will be concentrated at the Nampa plant in Nampa, Idaho, where the company will invest "
        "approximately 40 million dollars to build a new production hall."
    ]
    assert _keys(*body) == {("expanded", "Nampa", "US-ID", "US")}


def test_relative_clause_after_a_qualified_plant_governs_its_town():
    body = [
        "Assembly will be concentrated at the Oita Plant in Oita Prefecture, where the company will invest "
        "approximately 20 billion yen to build a new production hall."
    ]
    assert _keys(*body, country="JP") == {("expanded", "Ōita", "JP-44", "JP")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a state's letters that are also a Canadian province's: the country after them decides
        ("Tamarack will open a plant in Monterrey, N.L., Mexico.", ("opened", "Monterrey", None, "MX")),
        ("Tamarack will open a plant in Perth, WA, Australia.", ("opened", "Perth", "AU-WA", "AU")),
        # a postcode may stand between the letters and the country
        ("Tamarack will open a plant in Apodaca, NL 66600 Mexico.", ("opened", "Apodaca", None, "MX")),
    ],
)
def test_region_letters_are_read_in_the_country_written_after_them(body, expected):
    assert _keys(body) == {expected}


def test_a_province_written_before_canada_is_the_province_not_its_capital():
    # the site is named after its town; "Québec, Canada" only places the province
    assert _keys("Tamarack will restart the Aluminerie de Bécancour smelter in Québec, Canada.") == {
        ("reopened", "Bécancour", "CA-QC", "CA")
    }
    # the capital is written as a city
    assert _keys("Tamarack will close its plant in Quebec City, Canada.") == {
        ("closed", "Québec", "CA-QC", "CA")
    }


def test_a_site_named_by_a_town_takes_the_namesake_in_the_country_named_after_it():
    # Portland is best known in Oregon; "in Australia" after the smelter says which
    assert _keys("Tamarack will close its Portland aluminum smelter in Australia.") == {
        ("closed", "Portland", None, "AU")
    }


def test_a_compass_word_before_a_region_is_a_part_of_it_not_a_town():
    # Northwest is also a small town in North Carolina
    assert _keys("Tamarack has resumed production at its mills in Northwest Indiana.") == set()


def test_a_sites_number_after_its_town_is_not_a_town():
    # "Ii" is a town in Finland; "Liberty II" is the second site in Liberty
    keys = _keys("Tamarack will open its new Liberty II distribution center in June.")
    assert all(k[1] != "Ii" for k in keys)


def test_a_town_named_by_the_area_around_it():
    assert _keys("Tamarack will open a plant in the Toronto area.") == {("opened", "Toronto", "CA-ON", "CA")}


def test_a_countrys_possessive_places_the_site_it_names_and_owns_nothing():
    # the site's name is no town the gazetteer holds there: kept in that country, not read as a
    # namesake abroad of its last word; the country is no company that owns it
    keys = _keys(
        "Chile's Cerro Alto copper mine, owned by Tamarack Industries, resumed operations on Monday."
    )
    assert keys == {("reopened", "Cerro Alto", None, "CL")}


def test_the_owner_of_the_site_a_news_report_opens_on_is_the_issuer():
    first = (
        "Chile's Cerro Alto copper mine, owned by Canada's Ostrander Mining, resumed operations on Monday."
    )
    assert find_company(first, first).name == "Ostrander Mining"


def test_a_town_named_after_its_regions_name_and_a_word_for_a_town():
    keys = _keys(
        "Tamarack will cease production at plants in the Miyagi town of Taiwa in November and in the "
        "Saitama city of Toda in July."
    )
    assert {(kind, town, country) for kind, town, _, country in keys} == {
        ("closed", "Taiwa", "JP"),
        ("closed", "Toda", "JP"),
    }


def test_regions_listed_before_their_plural_noun_are_no_towns():
    keys = _keys("Tamarack will close three factories in Miyagi, Saitama and Kanagawa prefectures.")
    assert not any(town for _, town, _, _ in keys)


def test_a_hyphenated_set_up_opens_a_site_and_a_towns_district_is_no_second_town():
    keys = _keys(
        "Tamarack is planning to set-up a new facility to make pumps at Sri City, Chittoor District in "
        "Andhra Pradesh."
    )
    assert {(kind, town) for kind, town, _, _ in keys} == {("opened", "Sri City")}


def test_a_buyer_named_with_its_country_is_no_town():
    keys = _keys("Tamarack is selling its German production site in Dormagen to Ostrander Group, Japan.")
    assert {(kind, town) for kind, town, _, _ in keys} == {("sold", "Dormagen")}


def test_a_mines_place_before_its_trade_word_and_its_state_after_a_comma():
    keys = _keys(
        "Tamarack has restarted operations at its Quillby Tin operations, in Tasmania, after bush fires."
    )
    assert {(kind, town, country) for kind, town, _, country in keys} == {("reopened", "Quillby", "AU")}


def test_a_listing_before_the_issuers_name_is_no_part_of_it():
    first = "ASX-listed Ostrander Metals has restarted operations at its Quillby Tin operations."
    assert find_company(first, first).name == "Ostrander Metals"
