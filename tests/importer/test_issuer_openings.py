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


def test_a_short_name_in_brackets_between_the_name_and_its_exchange_code():
    text = HEADLINE + "Halcyon Chemicals Limited (Halcyon) (BSE: 512345), a maker of resins, said it" + REST
    assert extract(text).company.name == "Halcyon Chemicals Limited"


def test_an_exchange_header_that_states_where_the_issuer_is_incorporated():
    text = (
        "HAL - Halcyon - Closure of Plant\n\n"
        "HALCYON LIMITED (Incorporated in the Republic of South Africa) Share code: HAL "
        "Shareholders are advised that the board has decided to close the Erie plant."
    )
    assert extract(text).company.name == "HALCYON LIMITED"


def test_a_copy_that_starts_past_its_opening_still_names_its_company_by_legal_form():
    text = (
        "The head office of Halcyon Danmark ApS will be moved to new premises later this year. "
        "The move is part of a review of the group's logistics."
    )
    assert extract(text).company.name == "Halcyon Danmark ApS"


@pytest.mark.parametrize(
    ("opening", "issuer"),
    [
        # an adverb between the name and its verb
        ("Halcyon Industries proudly announces that it", "Halcyon Industries"),
        # a regulatory opening phrase, and the article before the name
        (
            "Pursuant to the listing rules of the exchange, the Halcyon Printing Group announced that it",
            "Halcyon Printing Group",
        ),
        # a long opening phrase with commas of its own
        (
            "Due to weak demand in the truck markets, which are forecast to decline again, and to cut costs, "
            "HALCYON-WERKE has decided that it",
            "HALCYON-WERKE",
        ),
    ],
)
def test_subjects_after_longer_openings(opening, issuer):
    assert extract(HEADLINE + opening + REST).company.name == issuer


def test_a_list_after_an_opening_phrase_does_not_name_the_issuer():
    # past the opening phrase, a name in brackets inside a list is not the subject
    text = (
        "Halcyon Technology plc\n\n(AIM: HAL)\n\nAs detailed in our results, five Halcyon businesses are core, "
        "namely: Brightwire (connectors), Kestrel (sensors) and Quill (instruments). The rest will be sold."
    )
    assert extract(text).company.name == "Halcyon Technology plc"


def test_a_division_named_first_is_the_issuer_even_when_its_parent_has_a_legal_form():
    opening = "Halcyon Foods, a division of Birchwood Holdings, Inc. (NYSE: BWH), today announced that it"
    assert extract(HEADLINE + opening + REST).company.name == "Halcyon Foods"


def test_a_hyphenated_descriptor_before_the_name():
    opening = "Erie-headquartered specialty chemical company Halcyon announced that it"
    assert extract(HEADLINE + opening + REST).company.name == "Halcyon"


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # a wire's dateline joined to its first word by dashes, no spaces
        (
            "Halcyon Plans New Plant\n\nKYOTO, JAPAN–(BUSINESS WIRE)–Halcyon Corporation (President: A. Tanaka; "
            'hereinafter, "Halcyon") today announced plans to build a new plant in Isahaya, Japan.',
            "Halcyon Corporation",
        ),
        # "Company: headline" over a body that uses a shorter name
        (
            "Halcyon Energy: Production resumed at the Erie plant\n\nThe power supply to Halcyon's Erie plant "
            "has been restored.",
            "Halcyon Energy",
        ),
        # the doer named after "by" in the headline, with a legal form of its country
        (
            "Proposed Consolidation of Factory Operations by Halcyon Holdings Berhad\n\n1. INTRODUCTION The Board "
            'of Directors ("Board") of the company wishes to announce a consolidation.',
            "Halcyon Holdings Berhad",
        ),
        # an exchange letter's opening is no name
        (
            "This is to inform you that Halcyon Tiles Pvt. Ltd., a joint venture of the Company, has completed "
            "the expansion of its plant.",
            "Halcyon Tiles Pvt. Ltd.",
        ),
    ],
)
def test_issuers_of_exchange_and_world_wire_layouts(text, issuer):
    assert extract(text).company.name == issuer


def test_a_copy_that_starts_past_its_opening_names_the_company_that_acts_in_it():
    text = (
        "The review of the network is complete and, as a result, Halcyon is proposing to close its "
        "Norwich factory. Halcyon has 240 employees on the site. Halcyon's other sites are not affected."
    )
    assert extract(text).company.name == "Halcyon"


def test_a_town_that_acts_is_no_issuer():
    # past the first sentence, "Dayton has" twice: a town, so no company is named
    text = "Two plants shut this year. Dayton has lost both. Dayton has also lost its airline hub."
    assert extract(text).company is None


def test_a_company_that_speaks_through_its_staff_outweighs_a_person_quoted_by_name():
    # news copy: the town's manager is quoted twice by surname; the company speaks through its
    # spokesman and its officials
    text = (
        "Despite legal action by the workers, the sale of the paper mill to a scrap dealer has been "
        'completed. "The sale has closed," Halcyon spokesman Bill Cole said in an email. News of '
        "the sale was a relief to Derik Pell, the town manager. Halcyon officials did not consider "
        'other offers. Pell said the state would help. "The buyers need the finances," Pell said.'
    )
    assert extract(text).company.name == "Halcyon"


def test_a_nations_officials_are_no_company():
    text = (
        "The engine plant was opened on the site of a former mine. British officials welcomed the "
        "plant. British officials said it would bring jobs."
    )
    assert extract(text).company is None
