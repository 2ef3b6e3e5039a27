"""Linguistic categories found on the blind corpus, each with our own sentences (no corpus
text): subdivisions introduced by the country's possessive or adjective, provinces written
without their local suffix, background events restated in passing, hyphenated words that
only look like event words, equipment commissioned at a site, and capability ("where we can
expand")."""

from __future__ import annotations

from datetime import date

import pytest

from companies.importer.events import find_events
from companies.importer.places import region_code
from companies.importer.text import Sentence

PUB = date(2026, 4, 14)


def _keys(*body, country=None):
    sentences = [Sentence(t, i * 1000, "body", i) for i, t in enumerate(body)]
    events, _ = find_events(
        sentences, headline=None, published=PUB, issuer="Quillfeather Dynamics, Inc.", country=country
    )
    return {(e.type, e.place.locality, e.place.region, e.place.country) for e in events}


# --- subdivisions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("Gyeongsangbuk Province", "KR", "KR-47"),
        ("Chungcheongnam-do", "KR", "KR-44"),
        ("Lower Silesian Voivodeship", "PL", "PL-02"),
        ("Masovian Voivodeship", "PL", "PL-14"),
    ],
)
def test_region_code_reads_english_and_unsuffixed_subdivision_names(text, country, expected):
    assert region_code(text, country) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Quillfeather opened a new gearbox factory in Wroclaw, in Poland's Lower Silesian Voivodeship.",
            ("opened", "Wrocław", "PL-02", "PL"),
        ),
        (
            "Quillfeather opened its new seed plant in Londrina, in the Brazilian state of Paraná, on Monday.",
            ("opened", "Londrina", "BR-PR", "BR"),
        ),
        (
            "Quillfeather will expand its wafer plant in Gumi, Gyeongsangbuk Province, South Korea.",
            ("expanded", "Gumi", "KR-47", "KR"),
        ),
    ],
)
def test_a_subdivision_after_the_countrys_possessive_or_adjective_is_the_towns_region(body, expected):
    assert _keys(body) == {expected}


# --- background told in passing --------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        # restated: "as previously announced / disclosed / reported"
        "As previously announced, Quillfeather opened a calibration centre in Tacoma, Wash., last spring.",
        "As previously disclosed, Quillfeather shut down its Peoria, Ill., foundry, and the site has been sold.",
    ],
)
def test_a_restated_past_event_is_background(body):
    assert _keys(body) == set()


def test_a_restated_announcement_of_a_future_event_still_counts():
    body = "As previously announced, Quillfeather will close its foundry in Peoria, Ill., on June 30."
    assert _keys(body) == {("closed", "Peoria", "US-IL", "US")}


@pytest.mark.parametrize(
    "body",
    [
        "Its Moncton, N.B., depot has been sold and is not part of this announcement.",
        "The Laredo, Texas, yard was closed last year and is not included in the transaction.",
    ],
)
def test_a_site_said_to_be_outside_the_announcement_is_background(body):
    assert _keys(body) == set()


# --- words that only look like event words ----------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "A closed-circuit rinse system at the Yakima, Wash., plant cut water use by a third.",
        "Quillfeather installed an open-frame racking system at its Fresno, Calif., distribution center.",
    ],
)
def test_a_hyphenated_modifier_is_no_event_word(body):
    assert _keys(body) == set()


@pytest.mark.parametrize(
    "body",
    [
        "Emissions fell 12%, helped by a biomass boiler commissioned at the company's Dothan, Ala., mill.",
        "A heat-recovery unit inaugurated at the Elkhart, Ind., plant now supplies its paint line.",
    ],
)
def test_equipment_commissioned_at_a_site_is_no_opening_of_the_site(body):
    assert _keys(body) == set()


def test_a_new_site_commissioned_is_still_an_opening():
    body = "Quillfeather's new warehouse commissioned in Dothan, Ala., on Monday will ship spare parts."
    assert _keys(body) == {("opened", "Dothan", "US-AL", "US")}


def test_what_a_site_can_do_is_no_event():
    body = "Quillfeather's Dothan, Ala., plant, where we can expand, employs 200 people."
    assert _keys(body) == set()


# --- people's offices -------------------------------------------------------------------------


def test_a_place_in_an_officials_title_is_no_site():
    body = "A ribbon-cutting at the site today was attended by the governor of Idaho, the mayor of Boise and growers."
    assert _keys(body) == set()
