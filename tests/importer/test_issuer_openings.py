"""The issuer from the first sentence however wires and news copy open it: tagged, described,
after a time word or a parent company. Our own openings, one per general shape."""

import pytest

from companies.importer.extract import extract

HEADLINE = "Halcyon to Close Erie Plant\n\nERIE, Pa., March 4, 2025 -- "
REST = " will close its plant in Erie, Pennsylvania, next year."
OPENINGS = [
    (
        "Halcyon Industries, Inc. (NYSE: HAL), a leading maker of wire, today announced that it",
        "Halcyon Industries, Inc.",
    ),
    ("Halcyon Industries (Nasdaq: HAL) announced today that it", "Halcyon Industries"),
    ("Today, Halcyon Industries announced that it", "Halcyon Industries"),
    (
        'Halcyon Industries, Inc. ("Halcyon" or the "Company") (TSX: HAL) is pleased to announce that it',
        "Halcyon Industries, Inc.",
    ),
    ("Leading roofing maker Halcyon Industries announced that it", "Halcyon Industries"),
    ("The Board of Directors of Halcyon Holdings plc announces that the company", "Halcyon Holdings plc"),
    ("Halcyon Group (Euronext: HAL) announces that it", "Halcyon Group"),
    ("In a statement today, Halcyon Industries said it", "Halcyon Industries"),
    ("Halcyon, the Finnish paper maker, said on Tuesday that it", "Halcyon"),
    ("Optical component manufacturer Halcyon Photonics said it", "Halcyon Photonics"),
    ('Halcyon Industries Corp. ("Halcyon") (OTCQX: HALC) today reported that it', "Halcyon Industries Corp."),
    (
        "Halcyon Industries, a subsidiary of Brant Holdings Inc. (NYSE: BRN), announced that it",
        "Halcyon Industries",
    ),
]


@pytest.mark.parametrize(("opening", "issuer"), OPENINGS)
def test_the_issuer_of_each_opening(opening, issuer):
    assert extract(HEADLINE + opening + REST).company.name == issuer
