"""Issuing company, ticker and exchange; products and markets from the About section."""

import pytest

from companies.importer.extract import extract
from companies.importer.issuer import find_company


@pytest.mark.parametrize(
    ("opening", "name", "ticker", "exchange"),
    [
        (
            "Acme Wire Group, Inc. (Pink Sheets: ACWG) today announced that it is idling",
            "Acme Wire Group, Inc.",
            "ACWG",
            "Pink Sheets",
        ),
        (
            'Borealis Paper Corporation (TSX:BPC) ("Borealis") today said',
            "Borealis Paper Corporation",
            "BPC",
            "TSX",
        ),
        ("Delmar Foods Inc. (NASDAQ: DLMR) announced", "Delmar Foods Inc.", "DLMR", "NASDAQ"),
        ("Ridgeway Steel Co. (NYSE: RSC; TSX: RSC) said", "Ridgeway Steel Co.", "RSC", "NYSE"),
        ("Oakline Metals Ltd. (OTCQX: OKLMF) reported", "Oakline Metals Ltd.", "OKLMF", "OTCQX"),
        ("Dayton-based Harrow Tools Corp. (NYSE: HTC) said", "Harrow Tools Corp.", "HTC", "NYSE"),
        ("The Fenwick Chemical Company (NYSE: FCC) announced", "The Fenwick Chemical Company", "FCC", "NYSE"),
        # two companies announcing together: the first named issues it, the tag is the second's
        (
            "Marlow Seating, Inc. and Ferrand Floors, Inc. (NASDAQ: FRFL) today announced",
            "Marlow Seating, Inc.",
            None,
            None,
        ),
    ],
)
def test_company_from_ticker_tag(opening, name, ticker, exchange):
    company = find_company(opening, opening)
    assert (company.name, company.ticker, company.exchange) == (name, ticker, exchange)


def test_a_possessive_before_the_ticker_tag_is_no_part_of_the_name():
    first = "Halvard Industries' (NYSE:HVD) glass business announced it has restarted a furnace."
    company = find_company(first, first)
    assert (company.name, company.ticker) == ("Halvard Industries", "HVD")


def test_company_from_first_sentence_without_ticker():
    first = "Northfield Mills Inc., a maker of tissue paper, today said it will close a mill."
    company = find_company(first, first)
    assert (company.name, company.ticker) == ("Northfield Mills Inc.", None)


@pytest.mark.parametrize(
    ("first", "name"),
    [
        # news copy: a description before the name, the day before the verb
        ("Tractor major Halvard on Monday said it has opened its newest plant.", "Halvard"),
        ("Gold miner Halvard Mining has restarted mining at its Erie mine.", "Halvard Mining"),
        # the name between commas after its description
        ("Ohio-based packaging conglomerate, Halvard Group, has opened two plants in Erie.", "Halvard Group"),
        # where it is based, as an aside after the name
        ("Halvard Print, based at Flaxby, prints directories for the UK.", "Halvard Print"),
    ],
)
def test_company_described_before_its_name_in_news_copy(first, name):
    assert find_company(first, first).name == name


def test_a_sentence_opening_on_the_work_names_no_company():
    first = "Production is expected to resume at the Erie mine after a power cut."
    assert find_company(first, first) is None


@pytest.mark.parametrize(
    "first",
    [
        "Governor Halvorsen today joined company officials to open the new plant in Erie.",
        "State Industries Minister K Halvorsen on Saturday inaugurated a new plant in Erie.",
        "U.S. Congressman Halvorsen cut the ribbon on the new plant in Erie.",
    ],
)
def test_an_office_holder_who_opens_a_plant_is_not_its_company(first):
    assert find_company(first, first) is None


def test_a_company_whose_name_begins_with_a_title_word_is_still_a_company():
    first = "Premier Halvard Foods will close its Erie bakery."
    assert find_company(first, first).name == "Premier Halvard Foods"


def test_company_from_source_line():
    company = find_company(
        "The company said it will close a mill.",
        "The company said it will close a mill.",
        "SOURCE: Kestrel Brands LLC",
    )
    assert company.name == "Kestrel Brands LLC"


def test_no_company():
    assert find_company("Prices rose.", "Prices rose.") is None


# --- issuers that no ticker names -----------------------------------------------------------------


def test_the_subject_after_an_opening_phrase():
    company = find_company(
        "", "In response to weak demand, Norvik has decided to curtail output at two smelters."
    )
    assert company is not None and company.name == "Norvik"


def test_a_header_line_holding_only_a_company_name():
    company = find_company("", "The board met on Tuesday.", header=["Alvar Paper Oyj"])
    assert company is not None and company.name == "Alvar Paper Oyj"


def test_the_headlines_subject_when_the_body_names_it_too():
    company = find_company(
        "Demand fell again. Kestrel Fibre will stop one paper machine.",
        "Demand fell again.",
        headline="Kestrel Fibre to curtail magazine paper production",
    )
    assert company is not None and company.name == "Kestrel Fibre"
    assert find_company("Demand fell.", "Demand fell.", headline="Quiet Days Ahead for the Market") is None


def test_the_company_most_often_named_with_its_legal_form():
    opening = (
        "Haldor Automation SE: board decides closure of Vinter Robotics GmbH. Haldor Automation SE today "
        "said that Vinter Robotics GmbH will close. Having weighed a sale, the board of Haldor Automation SE decided."
    )
    company = find_company(opening, "Having weighed a sale, the board decided.")
    assert company is not None and company.name == "Haldor Automation SE"


def test_last_resort_the_headlines_name_the_release_repeats_but_no_place():
    text = (
        "At noon today, at the future site of Halvard in the Louiseville industrial park, ground was broken. "
        "Halvard will employ 60 people in Louiseville. Halvard thanked the town of Louiseville."
    )
    company = find_company(
        "At noon today, ground was broken.",
        "At noon today, ground was broken.",
        headline="Ground Broken for Future Halvard Printing Plant in Louiseville",
        text=text,
    )
    assert company is not None and company.name == "Halvard"


def test_a_subject_with_a_legal_form_is_the_issuer_whatever_verb_follows():
    text = (
        "DULUTH, Minn., May 4, 2011 -- Birchline Castings, Inc. broke ground on its new foundry in Cloquet."
    )
    assert extract(text).company.name == "Birchline Castings, Inc."


def test_the_subject_with_its_legal_form_beats_a_parent_tagged_with_a_ticker_later():
    opening = (
        "Brisk Valley Foods, LLC announced today it will pause production for two weeks. "
        "Brisk Valley Foods is a wholly owned subsidiary of Carrow Brands Corporation (NYSE: CRW)."
    )
    company = find_company(opening, opening.split(". ")[0] + ".")
    assert company.name == "Brisk Valley Foods, LLC"
    assert company.ticker is None


def test_an_exchange_announcement_names_its_maker_under_the_exchange_disclaimer():
    text = (
        "Hong Kong Exchanges and Clearing Limited and The Stock Exchange of Hong Kong Limited take no "
        "responsibility for the contents of this announcement, make no representation as to its accuracy.\n\n"
        "LUMEN BRIGHT HOLDINGS LIMITED\n\n(Stock Code: 4417)\n\nVOLUNTARY ANNOUNCEMENT\n\n"
        "TEMPORARY SUSPENSION OF PRODUCTION AT FACTORY\n\n"
        'This announcement is made by Lumen Bright Holdings Limited (the "Company") on a voluntary basis.\n'
    )
    proposal = extract(text)
    assert proposal.company.name == "Lumen Bright Holdings Limited"
    assert proposal.headline == "TEMPORARY SUSPENSION OF PRODUCTION AT FACTORY"


def test_the_subject_after_an_opening_phrase_of_time_is_the_issuer():
    first = "During a ceremony today, Harnell Motors Corporation confirmed a new paint shop for its plant."
    assert find_company(first, first).name == "Harnell Motors Corporation"


def test_the_company_a_named_officer_speaks_for_is_the_issuer():
    first = (
        "Maren T. Holt, Chairman and Chief Executive Officer, Brisk Valley Foods, Inc. reported higher sales."
    )
    assert find_company(first, first).name == "Brisk Valley Foods, Inc."


def test_a_release_that_speaks_as_we_names_its_issuer_in_the_headline():
    text = (
        "Marrow Creek Paper Indefinitely Idles Pulp Mill\n\n"
        "Rumford, Maine, USA 11 December 2013 -- Given the costs of the boiler failure, we have decided "
        "to indefinitely idle the pulp mill portions of our facility."
    )
    assert extract(text).company.name == "Marrow Creek Paper"


def test_a_trade_paper_puts_the_seat_between_the_name_and_its_verb():
    first = "Harlow Board Mills Inc., Sherbrooke, Que., Canada, this week announced the idling of a mill."
    assert find_company(first, first).name == "Harlow Board Mills Inc."


@pytest.mark.parametrize(
    "first",
    [
        # an opening phrase and a titled person stand where a subject would
        "With Mr Ostrander's retirement, Mr Paul Kemp has agreed to chair the board.",
        "Dear Sir, the annual meeting will be held on the date below.",
    ],
)
def test_phrases_and_people_in_the_subjects_place_are_no_issuer(first):
    found = find_company(first, first)
    assert found is None or not any(word in found.name for word in ("With", "Mr", "Dear"))


def test_a_release_that_names_its_company_only_as_an_owner_still_has_an_issuer():
    text = (
        "With Mr Ostrander's retirement, Mr Paul Kemp will chair the board. The Board will start a search. "
        "The Board named Harlow Cobalt's chief executive to the board. Harlow Cobalt's plans are unchanged."
    )
    proposal = extract(text)
    assert proposal.company is not None and proposal.company.name == "Harlow Cobalt"


def test_a_site_or_an_exchange_named_where_the_issuer_stands_is_no_issuer():
    site = extract(
        "Unplanned stop at the Brekke Mill cuts output\n\n"
        "Production in the Brekke Mill has been affected by a stop. The Brekke Mill has restarted one line. "
        "The Brekke Mill expects normal output on Friday."
    )
    assert site.company is None or "Mill" not in site.company.name
    letter = extract(
        "National Stock Exchange of India Limited\n\nExchange Plaza, Mumbai\n\n"
        "Sub: Notice of Annual General Meeting. Dear Sir, this is to inform you of the meeting date."
    )
    assert letter.company is None or "Exchange" not in letter.company.name


def test_a_title_case_heading_word_that_recurs_is_no_issuer():
    text = (
        "Resolutions of the General Meeting\n\n"
        "General meeting information follows. The General Meeting adopted a dividend. "
        "The General Meeting also elected two members."
    )
    proposal = extract(text)
    assert proposal.company is None or proposal.company.name != "General"


def test_a_group_company_tagged_with_its_parents_ticker_is_issued_by_the_parent():
    opening = "Kestrel Biopharma, a Harlow Group company (Nasdaq: HRLW), today announced a fire at its plant."
    assert find_company(opening, opening).name == "Harlow Group"


def test_a_notice_names_the_company_it_is_for_with_its_legal_form_in_title_case():
    from companies.importer.issuer import headline_subject

    headline = "Notice of Annual General Meeting 2017 for Harlow Smith Plc"
    assert headline_subject(headline, "The Meeting will be held at noon.") == "Harlow Smith Plc"


def test_an_otc_bulletin_board_tag_gives_ticker_and_exchange():
    opening = "Harlow Group, Inc. (OTC Bulletin Board: HRLGA/HRLGB) today announced a new line."
    found = find_company(opening, opening)
    assert (found.name, found.ticker, found.exchange) == ("Harlow Group, Inc.", "HRLGA", "OTC Bulletin Board")


def test_a_company_named_for_its_mills_is_still_a_company():
    first = "Harlow Rolling Mills, a leading steel rod producer, has filed a complaint."
    assert find_company(first, first).name == "Harlow Rolling Mills"


def test_the_and_one_word_that_acts_is_no_company():
    text = (
        "Notice of meeting\n\n"
        "This document is important. The Meeting will be held at noon. The Meeting will consider the "
        "resolutions. The Meeting has a quorum of two."
    )
    proposal = extract(text)
    assert proposal.company is None or proposal.company.name != "The Meeting"


def test_a_nordic_stamp_names_the_issuer_first():
    text = (
        "(Harlow, Helsinki, 5 November 2019 at 10:00 EET) - In early September Harlow announced plans to "
        "close paper machine 2 in Rauma, Finland. The machine will be closed on 6 November 2019."
    )
    assert extract(text).company.name == "Harlow"


def test_a_unit_named_first_then_its_parents_business_area_is_issued_by_the_parent():
    first = (
        "Kestrel Timber, Harlow's business area for sawn timber, has entered into negotiation on job cuts."
    )
    assert find_company(first, first).name == "Harlow"


def test_a_body_that_speaks_through_the_companys_management_names_the_company():
    first = "During a works council meeting, the management of Harlow informed its plants of the plan."
    assert find_company(first, first).name == "Harlow"


@pytest.mark.parametrize(
    "first",
    [
        "A Central Works Council was convened on 7th April at the head office.",
        "Corporate Listing Department, National Stock Exchange of India Limited, Exchange Plaza.",
    ],
)
def test_a_council_or_the_tail_of_an_exchanges_name_is_no_issuer(first):
    found = find_company(first, first, text=first)
    assert found is None or found.name not in ("A Central Works Council", "India Limited")


def test_a_person_of_a_company_still_names_it_as_the_last_resort():
    text = "The ceremony was attended by Ken Choi of Harlow Automotive Limited and local officials."
    assert find_company(text, None, text=text).name == "Harlow Automotive Limited"


@pytest.mark.parametrize("phrase", ["Corporation", "Inc.", "Limited", "Rail Division", "Specialty Segment"])
def test_a_legal_form_alone_or_a_division_is_no_issuer(phrase):
    assert (
        find_company(f"{phrase} said today that volumes rose.", f"{phrase} said today that volumes rose.")
        is None
    )


def test_a_registered_mark_inside_the_name_is_no_end_of_it():
    proposal = extract(
        "Tamarack expands Muncie plant\n\nMUNCIE, Ind., Oct. 30, 2017 - Tamarack Polymer Group\u00ae Inc. (TPG) "
        "has announced plans to expand operations at its manufacturing facility near Muncie."
    )
    assert proposal.company.name == "Tamarack Polymer Group Inc."


def test_the_owner_of_the_site_a_release_is_about_is_its_issuer_when_nothing_else_names_one():
    text = (
        "Canton, North Carolina - September 15, 2004 - On September 8, the county was flooded by the "
        "remnants of a hurricane. Because of the flooding, Kestrel Paper Products' pulp and paper mill "
        "located in Canton, North Carolina was shut down on September 9."
    )
    proposal = extract(text)
    assert proposal.company is not None and proposal.company.name == "Kestrel Paper Products"


def test_news_copys_country_before_the_company_is_no_part_of_its_name():
    first = "Australia's Halcyon Minerals Ltd on Thursday said production was resuming at its mine."
    assert find_company(first, first).name == "Halcyon Minerals Ltd"


@pytest.mark.parametrize(
    ("first", "name"),
    [
        (
            "Birch Inc supplier Halcyon restarted production at its plant in southern India on Wednesday.",
            "Halcyon",
        ),
        ("Birch unit Halcyon will close its plant in Erie.", "Halcyon"),
    ],
)
def test_news_copy_names_the_company_by_its_best_known_customer_or_parent_first(first, name):
    assert find_company(first, first).name == name
