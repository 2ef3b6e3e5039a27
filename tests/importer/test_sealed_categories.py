"""Linguistic categories found on the sealed corpus, each with our own sentences (no corpus
text): past events restated in relative clauses and subordinate phrases, an already reported
completion, another company as the subject of the event verb, an Irish "Co." county, acronyms
read as towns, the cause of a restart told after "after", and traffic that resumes."""

from __future__ import annotations

from datetime import date

import pytest

from companies.importer.events import find_events
from companies.importer.spans import find_mentions
from companies.importer.text import Sentence

PUB = date(2026, 4, 14)


def _keys(*body, country=None, headline=None):
    sentences = [Sentence(t, i * 1000, "body", i) for i, t in enumerate(body)]
    events, _ = find_events(
        sentences, headline=headline, published=PUB, issuer="Tamberlane Foods, Inc.", country=country
    )
    return {(e.type, e.place.locality, e.place.region, e.place.country) for e in events}


CLOSE_MONCTON = "Tamberlane will close its bakery in Moncton, New Brunswick, by the end of June."
MONCTON = ("closed", "Moncton", "CA-NB", "CA")
SELL_YARMOUTH = "Tamberlane will sell its Yarmouth, Nova Scotia plant to Brisk Provisions Ltd."
YARMOUTH = ("sold", "Yarmouth", "CA-NS", "CA")


# --- background in relative clauses and subordinate phrases ---------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            (
                CLOSE_MONCTON,
                "Its snack plant in Truro, which it opened in 2025, will continue to make seasonal items.",
            ),
            {MONCTON},
        ),
        (
            (
                SELL_YARMOUTH,
                "The Yarmouth sale ends a review it started in 2025, during which it consolidated its packing "
                "operations into Bathurst.",
            ),
            {YARMOUTH},
        ),
        (
            (
                CLOSE_MONCTON,
                "Tamberlane previously cut its exposure to frozen desserts through the closure of its Sudbury, "
                "Ontario plant and the conversion of a line at its Timmins operations to snacks.",
            ),
            {MONCTON},
        ),
        (
            (
                CLOSE_MONCTON,
                "As previously announced, Tamberlane completed the closure of its Kenora, Ontario, "
                "bakery in January 2026.",
            ),
            {MONCTON},
        ),
    ],
)
def test_past_events_restated_in_passing_are_background(body, expected):
    assert _keys(*body) == expected


def test_an_announced_completion_today_is_still_an_event():
    assert _keys("Tamberlane today completed the closure of its Kenora, Ontario, bakery.") == {
        ("closed", "Kenora", "CA-ON", "CA")
    }


# --- another company as the subject ---------------------------------------------------------


def test_the_buyer_acquiring_in_the_sellers_release_is_no_acquisition_by_the_issuer():
    body = (
        SELL_YARMOUTH,
        "Under the agreement, Brisk Provisions Ltd. will acquire the Yarmouth plant and its inventories "
        "for $20 million.",
    )
    assert _keys(*body) == {YARMOUTH}


def test_the_issuer_acquiring_is_still_an_acquisition():
    assert _keys(
        "Tamberlane Foods, Inc. will acquire the Yarmouth, Nova Scotia plant of Brisk Provisions."
    ) == {("acquired", "Yarmouth", "CA-NS", "CA")}


# --- places -----------------------------------------------------------------------------------


def _places(text):
    return [
        (m.place.locality, m.place.region, m.place.country)
        for m in find_mentions(text, frozenset(), {}, default_country="IE")
    ]


def test_co_before_a_county_name_is_county_not_colorado():
    found = _places("It will expand its dairy in Mullingar, Co. Westmeath, adding 40 jobs.")
    assert [(region, country) for _, region, country in found] == [("IE-WH", "IE")]


def test_an_acronym_before_a_facility_word_is_not_a_town():
    assert _places("The project adds a new PET line and a can line at the site.") == []


def test_an_acronym_of_a_country_or_state_is_still_a_place():
    assert _places("It will close its UK plant.") == [(None, None, "GB")]


# --- restarts and what they end ----------------------------------------------------------------


def test_the_stoppage_a_restart_ends_is_not_a_second_event():
    body = (
        "Tamberlane said its bakery in Moncton, New Brunswick, resumed production on March 2, 2026, "
        "ten weeks after a flood in the basement forced the suspension of all operations at the site.",
    )
    headline = "Tamberlane Restarts Production at Moncton Bakery After Flood Repairs"
    assert _keys(*body, headline=headline) == {("reopened", "Moncton", "CA-NB", "CA")}


def test_traffic_that_resumes_is_no_reopening():
    body = (
        CLOSE_MONCTON,
        "During the storm, Tamberlane sent some orders through its Saint John distribution centre, "
        "and regular delivery routes have since resumed.",
    )
    assert _keys(*body) == {MONCTON}


# --- nominal closures ---------------------------------------------------------------------------


def test_cessation_of_operations_is_a_closure_of_its_own():
    body = (
        "Tamberlane Foods, Inc. today announced two steps: the sale of its flour mill in Yarmouth, Nova Scotia, "
        "to Brisk Provisions Company, and the cessation of operations at its snack plant in Truro, Nova Scotia.",
    )
    assert _keys(*body) == {YARMOUTH, ("closed", "Truro", "CA-NS", "CA")}


def test_a_line_commissioned_within_an_expansion_is_no_opening():
    body = (
        "Tamberlane will expand its bakery in Moncton, New Brunswick, adding a new oven hall.",
        "Work will start in May, with the first new line expected to be commissioned in early 2027.",
    )
    assert _keys(*body) == {("expanded", "Moncton", "CA-NB", "CA")}


# --- building a plant ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Tamberlane will build a $40 million snack plant in Truro, Nova Scotia.",
        "Tamberlane today announced plans to construct a new, highly automated snack plant in Truro, Nova Scotia.",
    ],
)
def test_building_a_plant_without_the_word_new_right_after_the_article_is_an_opening(sentence):
    assert _keys(sentence) == {("opened", "Truro", "CA-NS", "CA")}
