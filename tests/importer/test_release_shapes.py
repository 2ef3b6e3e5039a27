"""Releases that tell several events, lists of sites, moves and referring words: each gives
exactly its events. Our own sentences, one per general shape."""

import pytest

from companies.importer.extract import extract

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
