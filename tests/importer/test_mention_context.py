"""What a place mention is in its sentence: a site of the news, or a destination, seat or title."""

from datetime import date

from companies.importer.events import find_events
from companies.importer.spans import find_mentions
from companies.importer.text import Sentence

PUB = date(2014, 5, 6)


def _keys(*body, headline=None, issuer="Corvane Textiles, Inc."):
    sentences = [Sentence(t, i * 1000, "body", i) for i, t in enumerate(body)]
    events, _ = find_events(sentences, headline=headline, published=PUB, issuer=issuer)
    return [(e.type, e.place.locality) for e in events]


def test_a_site_that_operations_are_consolidated_in_receives_the_work():
    assert _keys(
        "Corvane will close its Gastonia, N.C., plant and consolidate certain weaving operations "
        "in its Spindale, N.C., plant to lower costs."
    ) == [("closed", "Gastonia")]


def test_a_site_consolidated_in_its_region_into_another_is_the_one_left():
    keys = _keys(
        "Corvane will consolidate operations in its Gastonia, N.C., plant into its larger "
        "Spindale, N.C., facility by year end."
    )
    assert ("closed", "Gastonia") in keys
    assert ("closed", "Spindale") not in keys


def test_work_consolidated_from_a_site_to_another_closes_the_site_left():
    assert _keys(
        "Corvane will be consolidating weaving and other support functions from its Gastonia, "
        "North Carolina plant to its Spindale, North Carolina location."
    ) == [("closed", "Gastonia")]


def test_operations_of_a_site_moved_to_another_close_the_site_left():
    assert _keys(
        "Corvane plans to move the operations of its Gastonia, N.C. dyeing facility to its "
        "Spindale, N.C. finishing center."
    ) == [("closed", "Gastonia")]


def test_a_division_of_the_issuer_owns_its_site():
    assert _keys(
        "Corvane will close the Company's Home Textiles Division's Gastonia, North Carolina plant."
    ) == [("closed", "Gastonia")]


def test_another_company_named_with_a_possessive_owns_its_site():
    assert _keys("Corvane said Halden Fabrics' Gastonia, North Carolina plant will close.") == []


def test_a_place_named_as_the_cause_is_no_site():
    sentence = "Its Iwaki plant restarted after having been shut down for a week due to the Fukushima nuclear plant accident."
    assert [(m.place.locality, m.decoy) for m in find_mentions(sentence)] == [
        ("Iwaki", None),
        ("Fukushima", "cause"),
    ]


def test_a_site_of_the_issuers_unit_named_with_of_and_a_state_is_the_issuers():
    decoys = [
        (m.place.locality, m.decoy)
        for m in find_mentions(
            "Corvane restarted a line at Corvane Textiles of North Carolina's Spindale weaving plant.",
            frozenset({"Corvane", "Textiles"}),
            default_country="US",
        )
    ]
    assert decoys == [("Spindale", None)]
    # another company's, named the same way, stays another's
    other = find_mentions(
        "Corvane buys yarn from Birch Mills of North Carolina's Spindale plant.",
        frozenset({"Corvane", "Textiles"}),
        default_country="US",
    )
    assert [m.decoy for m in other] == ["other-company"]


def test_a_place_after_an_event_word_that_follows_a_destination_is_no_destination():
    # "transfer ... to Y and discontinue operations at X": the second deed's place is X, not a
    # destination, so the destinations are not taken as its subjects
    keys = _keys(
        "Corvane will transfer products from its Humacao, Puerto Rico site to its Spindale, N.C. and "
        "Shelby, N.C. sites and discontinue operations at the Puerto Rico facility next year."
    )
    assert ("closed", "Spindale") not in keys and ("closed", "Shelby") not in keys
