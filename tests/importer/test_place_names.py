"""Place names as releases write them: where a locality's own name starts and ends."""

from datetime import date

import pytest

from companies.importer.events import find_events
from companies.importer.place_names import long_form_towns
from companies.importer.text import Sentence
from tests.importer.sentences import events_in


def _places(sentence):
    events = events_in(sentence, issuer="Orrin Mills Inc.", published=date(2011, 2, 1))
    return [(e.place.locality, e.place.region) for e in events]


def test_a_compass_word_starts_a_town_name_of_three_words():
    assert _places("Orrin Mills will close its North Little Rock, Ark., plant next year.") == [
        ("North Little Rock", "US-AR")
    ]


def test_a_compass_word_before_a_town_that_has_no_such_namesake_is_dropped():
    assert _places("Orrin Mills will close its plant in north Dayton, Ohio, next year.") == [
        ("Dayton", "US-OH")
    ]


def test_a_compass_word_and_a_states_name_with_another_state_after_is_a_village():
    # "East Texas, Pa.": a village the gazetteer lacks, not the state of Texas
    assert _places("Orrin Mills will close its distribution center in East Texas, Pa.") == [
        ("East Texas", "US-PA")
    ]


def test_words_between_a_name_and_a_facility_noun_describe_the_site_not_a_clause():
    # "Birch Sawmill including its facilities in X": Birch is no town of those facilities
    assert (
        _places("Orrin Mills announced the shutdown of Birch Sawmill including its facilities in Bavaria.")
        == []
    )


def test_a_word_that_begins_a_name_is_never_cut_off_it():
    # "Mt Keith" is a mine site the gazetteer lacks, not Keith, a town of the same country
    events = events_in(
        "Orrin Mills will close the Mt Keith mine in Western Australia.",
        issuer="Orrin Mills Inc.",
        published=date(2011, 2, 1),
    )
    assert [(e.place.locality, e.place.country, e.place.resolved) for e in events] == [
        ("Mt Keith", "AU", False)
    ]


def test_a_us_county_names_a_rural_site_the_gazetteer_lacks():
    events, _ = find_events(
        [Sentence("Halcyon Metals will restart its Rutherford County smelter next month.", 0, "body", 0)],
        headline=None,
        published=date(2011, 2, 1),
        issuer="Halcyon Metals Inc.",
        country="US",
    )
    assert [(e.type, e.place.locality, e.place.resolved) for e in events] == [
        ("reopened", "Rutherford County", False)
    ]


def test_a_part_of_a_site_before_at_a_town_places_the_event_there():
    events, _ = find_events(
        [Sentence("Halcyon Steel has restarted the blast furnace at Port Talbot.", 0, "body", 0)],
        headline=None,
        published=date(2011, 2, 1),
        issuer="Halcyon Steel Ltd.",
    )
    assert [(e.type, e.place.locality) for e in events] == [("reopened", "Port Talbot")]


def test_a_steelworks_is_a_site():
    events, _ = find_events(
        [Sentence("Halcyon Steel will close its Scunthorpe steelworks next year.", 0, "body", 0)],
        headline=None,
        published=date(2011, 2, 1),
        issuer="Halcyon Steel Ltd.",
    )
    assert [(e.type, e.place.locality) for e in events] == [("closed", "Scunthorpe")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a region or country at a sentence's end, its dot and all, is no town of that name elsewhere
        ("Halcyon plc will cease production at its Glenrothes site in Scotland.", [("closed", "Glenrothes")]),
        (
            "Halcyon Limited has temporarily suspended work at its Millsell plant in South Africa.",
            [("idled", "Millsell")],
        ),
        (
            "Halcyon S.A. will idle the blast furnace at its Ouro Branco mill in Minas Gerais for ten months.",
            [("idled", "Ouro Branco")],
        ),
    ],
)
def test_a_region_after_a_site_only_says_where_the_site_is(sentence, expected):
    events, _ = find_events(
        [Sentence(sentence, 0, "body", 0)], headline=None, published=date(2011, 2, 1), issuer="Halcyon Ltd."
    )
    assert [(e.type, e.place.locality) for e in events] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Orrin will close its Dayton, Springfield and Akron plants.",
        "Orrin's Dayton, Springfield, and Akron plants will take two weeks of downtime.",
    ],
)
def test_every_town_listed_before_a_plural_facility_noun_is_a_site(sentence):
    assert [town for town, _ in _places(sentence)] == ["Dayton", "Springfield", "Akron"]


def test_towns_listed_before_a_village_the_gazetteer_lacks_are_still_sites():
    # the last name is below the gazetteer's floor; the two before it are towns it knows
    towns = [town for town, _ in _places("Orrin will idle its La Sarre, Senneterre and Zzyzxville sawmills.")]
    assert towns[:2] == ["La Sarre", "Senneterre"]


def test_a_company_name_before_a_plural_facility_noun_is_not_a_town():
    assert _places("Orrin will close the Orrin and Akron plants.") == [("Akron", "US-OH")]


def test_a_quantifier_opening_a_sentence_is_not_a_town():
    # "Most" is also a town in the Czech Republic
    assert _places("Most plant production will cease in August, and the plant will close in December.") == []


def test_a_name_after_a_persons_title_is_a_person():
    sentence = (
        '"This expansion will add jobs," said Mayor Rick West, City of Chesapeake, as Orrin said it '
        "will expand its plant in Chesapeake, Virginia."
    )
    assert _places(sentence) == [("Chesapeake", "US-VA")]


def test_a_town_listed_with_another_is_first_looked_for_in_that_ones_region():
    # Cochrane is a bigger town in Alberta; listed with Hearst, Ontario it is the Ontario one
    sentence = "Orrin's Cochrane and Hearst sawmills in Ontario will each go down for six weeks."
    assert ("Cochrane", "CA-ON") in _places(sentence)


@pytest.mark.parametrize(
    ("sentence", "town"),
    [
        ("Orrin will close the Brillion Iron Works Foundry by the end of the year.", "Brillion"),
        ("Orrin will close its Kapuskasing Paper Mill in June.", "Kapuskasing"),
    ],
)
def test_a_town_before_a_sites_own_capitalised_name(sentence, town):
    assert [t for t, _ in _places(sentence)] == [town]


def test_a_village_listed_with_a_stated_region_keeps_that_region():
    # the first name is a village the gazetteer lacks in British Columbia (a namesake is in
    # Nevada): the text's own region wins, and the place stays unresolved for the editor
    sentence = (
        "Orrin said its sawmills in Zelko and Canal Flats, British Columbia would be idled for three weeks."
    )
    assert _places(sentence) == [("Zelko", "CA-BC"), ("Canal Flats", "CA-BC")]


def test_the_issuers_name_then_a_town_then_a_report_is_its_seat():
    sentence = "Orrin, Montreal, Que., reports that it will suspend operations at its three sawmills."
    assert _places(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "towns"),
    [
        # a mill's own name before "mill in <town>" is no town, even where a village abroad has it
        ("Orrin will close its Adamas Mill in Port Elizabeth, South Africa.", ["Port Elizabeth"]),
        ("Orrin will close its Riverside plant in Dayton, Ohio.", ["Dayton"]),
        # a county after the site is an area, so the name before it is the town
        ("Orrin will expand its Waldo sawmill in Columbia County, Arkansas.", ["Waldo"]),
    ],
)
def test_a_sites_own_name_then_its_town(sentence, towns):
    assert [t for t, _ in _places(sentence)] == towns


def test_a_place_in_brackets_inside_a_company_name_is_no_site():
    sentence = (
        "Orrin Tools (Hong Kong) Limited will acquire a new factory in Pinghu, Zhejiang Province, China."
    )
    assert [t for t, _ in _places(sentence)] == ["Pinghu"]


def test_a_country_that_ends_a_sentence_is_the_country_not_its_namesake_state():
    # "Mexico." must not read as the State of Mexico, which would hide San Luis Potosi
    events = events_in(
        "Harlow opened a new chassis plant in San Luis Potosí, Mexico.",
        issuer="Harlow",
        published=date(2018, 4, 19),
    )
    assert [(e.place.locality, e.place.country) for e in events] == [("San Luis Potosí", "MX")]


def test_a_place_in_a_us_territory_is_in_the_territorys_own_country_code():
    events = events_in(
        "Harlow will close its plant in Carolina, Puerto Rico.",
        "Harlow will expand its Manati, PR facility.",
        issuer="Harlow",
        published=date(2009, 6, 2),
    )
    assert {(e.place.locality, e.place.region, e.place.country) for e in events} == {
        ("Carolina", None, "PR"),
        ("Manatí", None, "PR"),
    }


def test_a_town_whose_name_starts_with_a_number_is_read_whole():
    events = events_in(
        "Harlow will indefinitely curtail its strand board mill in 100 Mile House, BC.",
        issuer="Harlow",
        published=date(2019, 5, 2),
    )
    assert [(e.type, e.place.locality, e.place.region) for e in events] == [
        ("idled", "100 Mile House", "CA-BC")
    ]


def test_the_word_for_a_site_is_never_a_town_on_its_own():
    from companies.importer.place_names import _lookup

    assert _lookup("Mills", {}) is None
    assert _lookup("Plant", {}) is None
    assert _lookup("Dayton", {}) is not None


def test_a_town_named_in_its_long_form_is_known_by_its_first_word():
    towns = long_form_towns("The plan affects 90 jobs in Stoke-on-Trent. Acme on Monday said more.")
    assert {key: ref.locality for key, ref in towns.items()} == {
        "stoke-on-trent": "Stoke-on-Trent",
        "stoke": "Stoke-on-Trent",
    }
    events, _ = find_events(
        [Sentence("Assembly of brake parts will be moved from Stoke to a plant in Poland.", 0, "body", 0)],
        headline=None,
        published=date(2011, 7, 26),
        issuer="Kestrel Automotive",
        long_names=towns,
    )
    assert [(e.type, e.place.locality) for e in events] == [("closed", "Stoke-on-Trent")]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # a state and its country after a site's town: the state, not a village of its name
        (
            "Tamarack plans to close its Shreveport plant, Louisiana, USA by the end of the year.",
            [("closed", "Shreveport", "US-LA")],
        ),
        ("Tamarack will close its plant in Louisiana, USA.", []),
        # a state's name that a big city has too is the city
        ("Tamarack will close its plant in New York, USA.", [("closed", "New York", "US-NY")]),
    ],
)
def test_a_us_state_before_the_country_is_the_state_unless_a_city_is_meant(sentence, want):
    events = events_in(sentence, issuer="Tamarack Glass Inc.", published=date(2020, 7, 15))
    assert [(e.type, e.place.locality, e.place.region) for e in events] == want


def test_the_town_a_branded_plant_is_based_in_is_its_place():
    events = events_in(
        "Production will be progressively resumed at the Dayton-based Wolverine plant starting from April 21.",
        issuer="Tamarack Motors Inc.",
        published=date(2020, 4, 10),
    )
    assert [(e.type, e.place.locality) for e in events] == [("reopened", "Dayton")]


def test_the_generic_last_word_of_a_sites_place_is_no_town_of_its_own():
    # "Point" of "Cedar Point", "Falls" of "Beaver Falls" named alone would be Point, Texas and Falls
    events = events_in(
        "The curtailments will take place at the Quillby Point sawmill for two weeks this month.",
        issuer="Tamarack Forest Products",
        published=date(2019, 6, 7),
    )
    assert all(e.place.locality != "Point" for e in events)
