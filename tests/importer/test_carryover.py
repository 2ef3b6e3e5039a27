"""Context carried from one sentence to the next (``carryover``), in our own sentences."""

from companies.importer.extract import extract
from tests.importer.sentences import event_keys


def test_the_town_of_a_site_placed_only_in_its_state_comes_from_the_next_sentence():
    # the site is named again, without its town, between the two
    keys = event_keys(
        "Tamarack has commenced operations at its new cement grinding unit in Odisha.",
        "It was decided to set up the unit in Odisha, as the state is a key market for the company.",
        "The Chief Minister formally inaugurated the plant on Thursday, the company said.",
        "The facility at Jajpur would generate direct employment for 105 people.",
    )
    assert [(kind, town) for kind, town, _ in keys] == [("opened", "Jājpur")]


def test_a_town_in_another_country_does_not_place_it():
    keys = event_keys(
        "Tamarack has commenced operations at its new cement grinding unit in Odisha.",
        "It was decided to set up the unit in Odisha, as the state is a key market for the company.",
        "The Chief Minister formally inaugurated the plant on Thursday, the company said.",
        "The facility at Dayton, Ohio will supply its machinery.",
    )
    assert keys == [("opened", None, "IN-OD")]


def test_a_site_told_twice_in_its_country_takes_the_town_of_the_next_sentence():
    # two event words for one stop ("furlough ... leading to a suspension"), both placed only in
    # the country the headline names
    text = (
        "Tamarack to furlough workers in Brazil plant for 20 days, suspending production\n\n"
        "Tamarack Motors Co said on Friday it would furlough all workers at one of its Brazil plants "
        "for 20 days in March for maintenance, leading to a suspension in production.\n\n"
        "The plant, in Gravatai in the state of Rio Grande do Sul, produces compact cars.\n"
    )
    assert [(e.type, e.place.locality) for e in extract(text).events] == [("idled", "Gravataí")]


def test_a_site_named_by_another_country_is_no_reference_to_the_last_one():
    text = (
        "DUBLIN, Ireland, March 10, 1998 -- Tamarack Biotech Ltd today announced that it has purchased a "
        "new manufacturing facility in Dublin, Ireland. Tamarack also announced the closure of its UK "
        "manufacturing operations.\n"
    )
    assert [(e.type, e.place.locality) for e in extract(text).events] == [("acquired", "Dublin")]


def test_sites_placed_in_another_country_are_no_reference_back():
    # "its plants in <country>" right after a plant elsewhere names other plants, not that one
    keys = event_keys(
        "The Dayton, Ohio plant will be permanently closed.",
        "In addition, the company will temporarily idle its smelters in Brazil.",
    )
    assert keys == [("closed", "Dayton", "US-OH")]


def test_as_many_sites_as_an_event_counted_named_a_few_sentences_later_are_its_sites():
    keys = event_keys(
        "Tamarack said on Tuesday it will permanently close two paper mills, citing falling demand.",
        "The firm said the move would cut its annual sales by around 600 million euros.",
        "It will now start negotiations with 440 employees at the Kemi mill in northern Finland and 670 "
        "employees at the Falun mill in central Sweden.",
    )
    assert [(kind, town) for kind, town, _ in keys] == [("closed", "Kemi"), ("closed", "Falun")]


def test_a_count_that_does_not_match_the_sites_named_places_nothing():
    keys = event_keys(
        "Tamarack said on Tuesday it will permanently close three paper mills, citing falling demand.",
        "It will now start negotiations with employees at the Kemi mill in northern Finland and the Falun "
        "mill in central Sweden.",
    )
    assert [town for _, town, _ in keys if town] == []


def test_the_plant_in_a_later_clause_is_the_one_site_named_earlier_in_the_sentence():
    keys = event_keys(
        "A small compounding business in Dayton, Ohio, will be sold and the plant will be closed, "
        "effective with the sale."
    )
    assert keys == [("closed", "Dayton", "US-OH")]
