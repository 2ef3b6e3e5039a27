"""Moves and consolidations as releases word them: the site left closes, a new site that takes
the work opens (unless the move stays in its town), an existing site that takes it is no event.
Our own sentences, one per general shape."""

from datetime import date

import pytest

from companies.importer.events import find_events
from companies.importer.text import Sentence
from tests.importer.sentences import event_keys, events_in

MOVES = [
    # the town left named bare between "from" and "to" (its state told earlier in the release)
    ("Kestrel will move production from Erie to its Dayton plant next year.", {("closed", "Erie")}),
    # two verbs for one move, the work named as the site's
    (
        "Kestrel plans to transfer and consolidate all of the Erie plant's production to other plants.",
        {("closed", "Erie")},
    ),
    ("The Erie plant's production will be transferred to other plants.", {("closed", "Erie")}),
    # a range of months is no move of a site
    ("Kestrel will shift production from March to June at its Dayton plant.", set()),
    # the work named with the site it leaves, in the passive
    (
        "Production from the Erie, Pa. plant will be transferred to the company's plant in Dayton.",
        {("closed", "Erie")},
    ),
    # work folded into other sites, named by the work rather than by the site
    ("Kestrel will integrate its Erie, Pa. production into its Dayton plant.", {("closed", "Erie")}),
    # the site moved in the passive, with or without where to
    ("The Erie, Pa. distribution center will be relocated to Dayton.", {("closed", "Erie")}),
    ("Kestrel said its Erie, Pa. warehouse is being moved.", {("closed", "Erie")}),
    # the work named with where it is done, and a destination named before as "there"
    ("Kestrel plans to relocate the operations located in Erie, Pa. to Dayton.", {("closed", "Erie")}),
    (
        "Kestrel opened a plant in Dayton and will move its Erie, Pa. operations there.",
        {("opened", "Dayton"), ("closed", "Erie")},
    ),
    ("Kestrel will relocate its Erie, Pa. operations to Dayton, Ohio.", {("closed", "Erie")}),
    (
        "Kestrel will move its headquarters and manufacturing from Erie, Pa. to Dayton, Ohio.",
        {("closed", "Erie")},
    ),
    (
        "Kestrel is relocating its distribution center from Erie, Pa. to a new facility in Dayton, Ohio.",
        {("closed", "Erie"), ("opened", "Dayton")},
    ),
    (
        "Kestrel announced plans to consolidate its Erie, Pa. and Dayton, Ohio facilities into a new plant in Columbus, Ohio.",
        {("closed", "Erie"), ("closed", "Dayton"), ("opened", "Columbus")},
    ),
    (
        "Kestrel will transfer production of its Erie, Pa. plant to its plant in Dayton, Ohio.",
        {("closed", "Erie")},
    ),
    ("The Erie, Pa. operations will be moved to Dayton, Ohio.", {("closed", "Erie")}),
    # the work named first, then the site it leaves
    (
        "Production at its Erie, Pa. plant will be transferred to its Dayton, Ohio plant.",
        {("closed", "Erie")},
    ),
    (
        "Kestrel said assembly at the Erie, Pa. facility would gradually be moved to Dayton, Ohio.",
        {("closed", "Erie")},
    ),
    # the same move in other verbs: shifted, transitioned
    (
        "Production at its Erie, Pa. plant will be shifted to its Dayton, Ohio plant.",
        {("closed", "Erie")},
    ),
    (
        "Output at the Erie (PA) and Warren (PA) locations will be transitioned to other plants.",
        {("closed", "Erie"), ("closed", "Warren")},
    ),
    ("Kestrel is shifting its Erie, Pa. office to Dayton, Ohio.", {("closed", "Erie")}),
    # what the work makes, between the work and "from"; an aside between dashes
    (
        "Kestrel plans to move production of its valves from Erie, Pa. to Dayton, Ohio.",
        {("closed", "Erie")},
    ),
    (
        "The production of brake parts will be moved - for the most part - from Erie, Pa. to Dayton, Ohio.",
        {("closed", "Erie")},
    ),
    # the work done in a town, the move named by its noun, the site moving on its own to its
    # destination, and the work of a site named by its town
    (
        "Kestrel will transfer manufacturing currently performed in Erie, Pa. to its Dayton, Ohio plant.",
        {("closed", "Erie")},
    ),
    ("Kestrel has completed the move of its Erie, Pa. operations to Dayton, Ohio.", {("closed", "Erie")}),
    ("Kestrel's Erie, Pa. operations will relocate to Dayton, Ohio by year-end.", {("closed", "Erie")}),
    ("Kestrel will relocate its Erie, Pa.-based manufacturing to Dayton, Ohio.", {("closed", "Erie")}),
    # the plant and machinery moved from a site; a month after "from" is no site
    (
        "Kestrel will transfer the business by shifting of plant and machinery from Erie, Pa. to Dayton, Ohio.",
        {("closed", "Erie")},
    ),
    # the site named by the town it is based in
    (
        "Kestrel is consolidating factory locations by moving the Erie, Pa.-based manufacturing facility to "
        "Dayton, Ohio.",
        {("closed", "Erie")},
    ),
    # the work named by its town alone, no determiner before it
    (
        "With the new plan, the production in Erie, Pa. will be moved to the plants in Dayton and Akron, Ohio.",
        {("closed", "Erie")},
    ),
    # the move named by its noun, with or without where the work goes
    ("Kestrel announced the relocation of its Erie, Pa. operations.", {("closed", "Erie")}),
    # the site first, moving on its own
    ("Kestrel said its distribution center will move from Erie, Pa. to Dayton, Ohio.", {("closed", "Erie")}),
    # the town placed in its area after "from"
    ("Kestrel will move its plant from Dayton in Ohio to Erie in Pennsylvania.", {("closed", "Dayton")}),
    ("Kestrel announced the relocation of its Erie, Pa. operations to Dayton, Ohio.", {("closed", "Erie")}),
    # "the" before the place's name, the site's owner named after it
    (
        "Kestrel will transfer the Erie, Pa. operations of its leather division to Dayton, Ohio.",
        {("closed", "Erie")},
    ),
    (
        "Kestrel has moved into its new headquarters and distribution center in Dayton, Ohio.",
        {("opened", "Dayton")},
    ),
    (
        "Kestrel will close its Erie, Pa. plant and move the work to its Dayton, Ohio plant.",
        {("closed", "Erie")},
    ),
    (
        "Kestrel will consolidate manufacturing at its Dayton, Ohio plant and close its Erie, Pa. facility.",
        {("closed", "Erie")},
    ),
    (
        "Kestrel will close its plant in Erie, Pa. and consolidate production at the company's plant in Dayton, Ohio.",
        {("closed", "Erie")},
    ),
    (
        "Kestrel will relocate its Erie, Pa. distribution center to a new 200,000-square-foot facility in Dayton, Ohio.",
        {("closed", "Erie"), ("opened", "Dayton")},
    ),
]


@pytest.mark.parametrize(("sentence", "want"), MOVES)
def test_each_move_gives_its_events(sentence, want):
    events = events_in(sentence, issuer="Kestrel Industries, Inc.", published=date(2025, 6, 1))
    assert {(e.type, e.place.locality) for e in events} == want


def test_a_move_to_a_new_site_in_the_same_town_is_only_the_move():
    events, _ = find_events(
        [
            Sentence(
                "Kestrel is moving its current facility in Dayton, Ohio to a new, larger facility.",
                0,
                "body",
                0,
            )
        ],
        headline=None,
        published=date(2025, 6, 1),
        issuer="Kestrel Industries, Inc.",
    )
    assert [(e.type, e.place.locality) for e in events] == [("closed", "Dayton")]


def test_every_town_of_a_semicolon_list_after_a_move_is_a_destination():
    assert event_keys(
        "Tamarack will close its Erie, Pennsylvania plant and move its equipment to its plants located in "
        "Dayton, Ohio; Muncie, Indiana; and Tulsa, Oklahoma."
    ) == [("closed", "Erie", "US-PA")]


def test_a_semicolon_list_of_towns_is_one_list():
    assert event_keys(
        "Tamarack will close its plants in Dayton, Ohio; Muncie, Indiana; and Tulsa, Oklahoma."
    ) == [
        ("closed", "Dayton", "US-OH"),
        ("closed", "Muncie", "US-IN"),
        ("closed", "Tulsa", "US-OK"),
    ]


def test_a_close_after_a_move_and_consequently_is_the_sources():
    assert event_keys(
        "Tamarack has, after talks with the union, decided to transfer the production of its kitchen range "
        "from Erie, Pennsylvania, to its manufacturing facility in Muncie, Indiana, and consequently close "
        "the factory in Erie."
    ) == [("closed", "Erie", "US-PA")]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "Tamarack will integrate its Erie, Pennsylvania operations into its Dayton plant.",
            [("closed", "Erie", "US-PA")],
        ),
        (
            "Tamarack plans to merge the Erie, Pennsylvania plant into its existing plant in Dayton, Ohio.",
            [("closed", "Erie", "US-PA")],
        ),
        (
            "Tamarack will fold its Erie, Pennsylvania operations into other company plants.",
            [("closed", "Erie", "US-PA")],
        ),
        # folded into something that is no site: no move
        ("Tamarack will integrate the acquired plant in Erie, Pennsylvania into its supply chain.", []),
    ],
)
def test_a_site_folded_into_another_closes(sentence, want):
    assert event_keys(sentence) == want


def test_a_month_after_from_is_no_site_the_work_leaves():
    events = events_in(
        "Kestrel will start shifting the activities of its Dayton, Ohio plant from January onwards.",
        issuer="Kestrel Industries, Inc.",
        published=date(2019, 10, 17),
    )
    assert events == []


def test_the_site_work_is_consolidated_into_is_not_closed_though_listed_with_the_others():
    keys = event_keys(
        "Production at its Dayton and Erie plants will be consolidated into the newer Erie plant."
    )
    assert [(kind, town) for kind, town, _ in keys] == [("closed", "Dayton")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Production located in Dayton, Ohio will be moved to Mexico.",
        "The production lines, currently located in Dayton, Ohio, are to be moved to a new facility in Mexico.",
        "Production facilities for its washers and dryers, both currently located in Dayton, Ohio, are to be "
        "moved to a purpose built facility in Mexico.",
    ],
)
def test_work_said_to_be_where_it_is_now_then_moved_away_closes_there(sentence):
    assert event_keys(sentence) == [("closed", "Dayton", "US-OH")]


def test_work_moved_to_several_places_listed_with_and_to_leaves_only_its_source():
    keys = event_keys(
        "With the restructuring, the production in Dayton will be moved to the plants in Erie and Akron "
        "and to Kemi in Finland."
    )
    assert keys == [("closed", "Dayton", "US-OH")]


def test_selling_the_building_of_a_site_moved_away_is_how_the_move_ends():
    keys = event_keys(
        "The production in Dayton, Ohio will be moved to the plant in Erie.",
        "After that, the company plans to sell the factory building in Dayton.",
    )
    assert keys == [("closed", "Dayton", "US-OH")]


def test_a_sale_told_before_a_closure_elsewhere_stays():
    keys = event_keys(
        "The company has sold its Erie, Pennsylvania plant.",
        "It will also close its Dayton, Ohio plant.",
    )
    assert keys == [("sold", "Erie", "US-PA"), ("closed", "Dayton", "US-OH")]


def test_production_activities_moved_away_close_the_site():
    keys = event_keys(
        "It has decided to transfer the production activities of its Dayton, Ohio plant to Erie."
    )
    assert keys == [("closed", "Dayton", "US-OH")]


def test_work_that_moves_away_on_its_own_closes_its_town():
    keys = event_keys(
        "Production of these items will start to move from Kemi, Finland to its plant in Oulu by 2013."
    )
    assert [(kind, town) for kind, town, _ in keys] == [("closed", "Kemi")]


def test_the_place_work_is_transformed_into_is_a_destination():
    keys = event_keys(
        "The company will close the operations in Kemi, Finland, and transform its sales operations in "
        "Finland into a technology centre in Oulu."
    )
    assert [(kind, town) for kind, town, _ in keys] == [("closed", "Kemi")]
