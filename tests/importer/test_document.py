"""The document layer: the release found inside the page (fictional pages in the wires' layouts)."""

from datetime import date

from companies.importer.document import embedded_text, is_chrome, page_date, read_layout
from companies.importer.extract import extract
from companies.importer.text import normalize, paragraphs


def _layout(text: str, **kw):
    paras = paragraphs(normalize(text))
    return read_layout(paras, **kw), paras


EXHIBIT = """Exhibit 99.1
|
NEWS RELEASE
|Contacts:
|
Media
Dana Whitlock
555.201.3344
Investor Relations
555.201.9000 Ext 12
Harrowgate Mills Announces Plans to Close Its Elmira, NY Bakery
ELMIRA, N.Y. (March 3, 2015) - Harrowgate Mills, Inc. (NYSE: HGM) today announced it will close its bakery in Elmira, New York by the end of the year. The decision follows a review of the company's bakery network and its cost of production.
The Elmira bakery employs approximately 140 people.
"""


def test_an_exhibit_contact_table_is_chrome_and_the_headline_sits_above_the_dateline():
    layout, paras = _layout(EXHIBIT)
    assert layout.headline == "Harrowgate Mills Announces Plans to Close Its Elmira, NY Bakery"
    assert layout.dateline is not None and layout.dateline.published == date(2015, 3, 3)
    header_sections = {p.section for p in paras[: layout.body_start]}
    assert header_sections <= {"headline", "other"}
    assert [p.text for p in paras if p.section == "headline"] == [layout.headline]


def test_contact_lines_and_addresses_never_become_event_places():
    text = (
        "Exhibit 99.1\nFor more information\nInvestor Contact: Pat Lund\n555-019-2233\nplund@example.com\n"
        "News\nKestrel Chemical Corporation, 40 Harbor Plaza, Suite 200, Clayton, MO 63105\n"
        "Kestrel Announces Plant Closure\n"
        "CLAYTON, MO, June 2, 2019 - Kestrel Chemical Corporation (NYSE: KCC) announced today that it plans to "
        "permanently close its resin plant in Freeport, Texas by the end of 2019.\n"
    )
    proposal = extract(text)
    assert [(e.type, e.place.locality) for e in proposal.events] == [("closed", "Freeport")]
    assert proposal.headline == "Kestrel Announces Plant Closure"
    assert proposal.published == date(2019, 6, 2)


def test_newsroom_furniture_stamps_and_a_provided_by_line_are_read_past():
    text = (
        "Skip to content\n\nNORTHFIELD TIMBER ANNOUNCES CLOSURE OF OSPREY LAKE SAWMILL\n\nNews provided by\n\n"
        "Northfield Timber Ltd.\n\n14 Feb, 2022, 17:45 ET\n\n"
        "KAMLOOPS, BC, Feb. 14, 2022 /CNW/ - Northfield Timber Ltd. announced today that it will permanently "
        "close its sawmill in Osprey Lake, British Columbia.\n"
    )
    layout, _ = _layout(text)
    assert layout.headline == "NORTHFIELD TIMBER ANNOUNCES CLOSURE OF OSPREY LAKE SAWMILL"
    assert layout.company_lines == ["Northfield Timber Ltd."]


def test_a_long_headline_in_sentence_case_is_not_the_body():
    text = (
        "Velkar plans to restructure its strip operations in Germany to strengthen its competitiveness in "
        "specialty alloys\n\nVelkar Oyj\nPress release\nMarch 9, 2022 at 9.00 am EET\n\n"
        "Velkar plans to close its strip mill in Hagen, Germany, by the end of 2023.\n"
    )
    proposal = extract(text)
    assert proposal.headline.startswith("Velkar plans to restructure")
    assert proposal.published == date(2022, 3, 9)
    assert proposal.company is not None and proposal.company.name == "Velkar"


def test_list_items_above_the_dateline_are_not_the_headline():
    text = (
        "Corbel Paper Reports Results for Second Quarter of 2011\n\nHighlights for the quarter:\n\n"
        "-- Net loss narrows to $0.12 per share\n\n-- New credit agreement signed\n\n"
        "PORTLAND, Ore., Aug. 4 /PRNewswire/ -- Corbel Paper Company (NYSE: CPC) today reported results.\n"
    )
    proposal = extract(text)
    assert proposal.headline == "Corbel Paper Reports Results for Second Quarter of 2011"
    assert proposal.published == date(2011, 8, 4)  # the year a dateline leaves out, from the headline


def test_a_page_date_stamp_is_a_container_date_the_dateline_overrides():
    assert page_date(" date 2017-08-29 Body") == ("Body", date(2017, 8, 29))
    assert page_date("Body") == ("Body", None)
    stamped = extract(
        " date 2019-04-03 WAYNE, Pa., April 2, 2019 /PRNewswire/ -- Fenwick Polymers, Inc. today said its new "
        "plant in Brno, Czech Republic has begun production."
    )
    assert stamped.published == date(2019, 4, 2)
    undated = extract(" date 2021-10-14 Ossian Controls celebrated fifty years of its switchgear plant.")
    assert undated.published == date(2021, 10, 14)


def test_a_company_name_in_capitals_before_a_dash_is_not_a_dateline():
    proposal = extract(
        "To view the PDF file, sign up for a subscription.\n\n"
        "KARROO STEEL LIMITED - Closure of the Vanderbijl melt shop\n\n"
        "Release Date: 04/08/2020 16:00\n\n"
        "Karroo Steel announces the closure of the melt shop at its Vanderbijlpark works on 4 August 2020.\n"
    )
    assert proposal.dateline is None
    # "04/08/2020" is read day first, because the release writes its dates day first
    assert proposal.published == date(2020, 8, 4)


def test_chrome_lines():
    assert is_chrome("Print News Release")
    assert is_chrome("To view the PDF file, sign up for a MySharenet subscription.")
    assert not is_chrome("Acme to Close Dayton Plant")
    # the same furniture on a page in another language
    assert is_chrome("Weiter zum Haupttext")
    assert is_chrome("Zurück zum Seitenanfang")


def test_reference_codes_ride_along_with_chrome_words():
    assert is_chrome("RNS Number : 1234A")
    assert is_chrome("Exhibit 99.1")
    assert not is_chrome("Acme Closes 2 Plants")


def test_a_header_line_holding_only_a_company_name_in_any_case():
    layout, _ = _layout(
        "Veltro Tyres Plc\nPress release\n12 May 2013\n\nVeltro Tyres made its millionth tyre today.\n"
    )
    assert layout.company_lines == ["Veltro Tyres Plc"]


def test_a_time_stamp_below_the_release_dates_it_when_nothing_else_does():
    proposal = extract(
        "Ardent Motors Announces $40 Million Investment to Expand Its Plant\n\n"
        "Ardent Motors today announced an investment to expand its transmission plant in Troy, Missouri.\n\n"
        "2024-11-19 14:01\n"
    )
    assert proposal.published == date(2024, 11, 19)


def test_a_company_name_before_chrome_words_and_a_date():
    layout, _ = _layout(
        "Kuusela Group Press release 27.5.2008\n\n"
        "The new Kuusela plywood mill in Suolahti, Finland has been inaugurated today by the minister.\n"
    )
    assert layout.company_lines == ["Kuusela Group"]
    assert not _layout(
        "Press release from the issuing company\n\nAcme opened a plant in Lyon, France today."
    )[0].company_lines


def test_a_shouted_dateline_run_into_the_line_before_it_is_found():
    proposal = extract(
        "Board of Directors Announcements\n"
        "Jane Roe joins as Director, effective January 1, 2007 MONTREAL, October 24, 2006 - Larchmont Paper "
        "Inc. today announced the addition of Jane Roe to its Board of Directors.\n"
    )
    assert proposal.published == date(2006, 10, 24)
    assert proposal.company is not None and proposal.company.name == "Larchmont Paper Inc."


def test_a_title_case_dateline_run_into_a_wrapped_headline_is_found():
    text = (
        "For Immediate Release\n\n"
        "Brackwell Castings, Inc. announces the closure of its Orland Division\n"
        "Foundry in Tiffin\n"
        "Fremont, Ohio -- March 4, 2010 -- Brackwell Castings, Inc. announced today that it will\n"
        "close its foundry in Tiffin, Ohio, by the end of June.\n"
    )
    proposal = extract(text)
    assert proposal.published == date(2010, 3, 4)
    assert proposal.headline.endswith("Foundry in Tiffin")
    assert [(e.type, e.place.locality) for e in proposal.events] == [("closed", "Tiffin")]


def test_a_dated_dateline_below_a_shouted_table_label_is_the_dateline():
    text = (
        "STOCK TRADED: NYSE | FOR IMMEDIATE RELEASE |\n\n"
        "TICKER SYMBOL: HRN | Wednesday, February 12, 2020 |\n\n"
        "CHICAGO, ILLINOIS - February 12, 2020 - Harnell Confections, Inc. reported higher sales "
        "for the fourth quarter and will close its candy plant in Joliet, Illinois.\n"
    )
    proposal = extract(text)
    assert proposal.published == date(2020, 2, 12)
    assert proposal.dateline.locality == "Chicago"


def test_a_shouted_word_before_a_colon_is_no_dateline_unless_it_is_a_place():
    text = (
        "MODULE: DATA_EXPORT\nSpreadsheet export, table parsing\n\n"
        "Brackwell Castings plc\n\nManagement Reports Mar 18, 2014\n\n"
        "Brackwell Castings plc announced today that it will close its foundry in Tiffin, Ohio.\n"
    )
    proposal = extract(text)
    assert proposal.dateline is None
    assert proposal.company.name == "Brackwell Castings plc"
    assert proposal.published == date(2014, 3, 18)


def test_a_release_held_as_an_escaped_json_string_is_read_as_its_text():
    release = (
        "Home\n\nAbout this update from Kestrel Plc\n\n"
        '[{"type":"text","content":"\\n Kestrel PLC\\n4 March 2011\\n\\n Site Sale\\n\\n'
        "Kestrel PLC (\\u0027Kestrel\\u0027) announces that it has sold its factory in "
        'Harrogate, North Yorkshire, for \\u00a31.2 million.\\n\\n Enquiries: \\"Press Office\\"'
    )  # the copy stops inside the string, as saved pages often do
    text = embedded_text(release)
    assert "About this update" not in text
    assert "Kestrel PLC ('Kestrel') announces" in text and "£1.2 million" in text
    assert '"Press Office"' in text and "\\n" not in text
    proposal = extract(release)
    assert proposal.published == date(2011, 3, 4)
    assert [(e.type, e.place.locality, e.place.country) for e in proposal.events] == [
        ("sold", "Harrogate", "GB")
    ]


def test_text_with_no_escaped_release_is_left_alone():
    text = 'Acme said "content" twice: {"type":"text","content":"plain words"}'
    assert embedded_text(text) == text


def test_a_menu_bar_and_article_tools_are_chrome():
    assert is_chrome("Back Issues | Printer Friendly | Advertise | Buyers Guide")
    assert is_chrome("Print this Article | Send to Colleague")
    assert not is_chrome("Harlow Idles Its Kestrel Mill | Output Cut by Half")


def test_a_trade_papers_banner_above_its_menu_bar_is_not_the_headline():
    layout, _ = _layout(
        "Pulp Weekly Over The Wire\n"
        "Back Issues | Printer Friendly | Advertise | Buyers Guide\n\n"
        "Harlow Announces Idling of Kestrel Newsprint Mill\n\n"
        "Print this Article | Send to Colleague\n\n"
        "Harlow Paper Inc., Sherbrooke, Que., this week announced the indefinite idling of its mill in "
        "Kestrel, Ont. The mill employs 100 people."
    )
    assert layout.headline == "Harlow Announces Idling of Kestrel Newsprint Mill"


def test_a_reprint_sites_wrapper_is_chrome_and_names_no_issuer():
    assert is_chrome('About this update from Kestrel Food Group Plc [{"type":"text","content":"')
    text = (
        "Purchase of Leeds Store\n\n"
        'About this update from Kestrel Food Group Plc [{"type":"text","content":"\n'
        'Harlow plc ("Harlow" or the "Company")\n\n'
        "Harlow is pleased to announce that it has agreed to purchase the cold store at Leeds."
    )
    assert extract(text).company.name.startswith("Harlow")


def test_a_shouted_dateline_with_a_dash_before_its_date_run_into_the_headline():
    text = (
        "Contacts: | Investors: | Jane Roe | 203-555-2213 Harlow Announces Restructuring of Its "
        "Additives Business MIDDLEBURY, Conn. - June 4, 2007 - Harlow Corporation (NYSE: HRL) announced "
        "today that it plans to close its plant in Dayton, Ohio."
    )
    assert extract(text).published == date(2007, 6, 4)


def test_a_long_line_is_prose_unless_it_opens_with_a_pages_own_words():
    prose = "Harlow will close its Dayton plant. " * 40
    assert not is_chrome(prose + "Print this Article")
    assert is_chrome("To view the PDF file, sign up for a subscription. " + prose)


def test_a_date_stamp_over_the_headline_gives_way_to_the_placed_dateline_below():
    text = (
        "December 1, 2008 - Harlow reorganizes its wire business\n\n"
        "Intention to close the plant in Dayton\n\n"
        "Kortrijk, 12 December 2008 - The management of Harlow informed its plants of the plan to close "
        "the production plant in Dayton, Ohio."
    )
    proposal = extract(text)
    assert proposal.published == date(2008, 12, 12)


def test_a_title_case_dateline_run_into_the_headline_before_a_ticker_tag_is_split_off():
    text = (
        "Harlow idles Kestrel paper machine, Dayton de-inking plant Richmond, BC - Harlow Paper "
        "(TSX:HRL) today announced that its Kestrel paper machine in Crofton, BC will be curtailed."
    )
    proposal = extract(text)
    assert proposal.headline == "Harlow idles Kestrel paper machine, Dayton de-inking plant"
    assert all(e.place.locality != "Richmond" for e in proposal.events)


def test_a_page_with_no_blank_lines_and_no_dateline_reads_its_lines_as_paragraphs():
    text = (
        "Home | News | Sports | Weather\n"
        "Local News\n"
        "Kestrel Tire Begins Process of Reopening Its Dayton Plant\n"
        "Posted April 27, 2020 by Staff Writer\n"
        "Kestrel Tire says it is beginning the process of reopening its Dayton, Ohio plant.\n"
        "The company says employees will return to work in phases starting May 4.\n"
    )
    proposal = extract(text)
    assert proposal.headline == "Kestrel Tire Begins Process of Reopening Its Dayton Plant"
    assert proposal.company is not None and proposal.company.name == "Kestrel Tire"
    assert [(e.type, e.place.locality) for e in proposal.events] == [("reopened", "Dayton")]


def test_a_date_line_under_a_sentence_case_headline_is_not_joined_to_it():
    text = (
        "Kestrel Tire beginning process of reopening its Dayton plant\n"
        "April 27, 2020\n"
        "Kestrel Tire says it is beginning the process of reopening its Dayton, Ohio plant.\n"
        "The company says employees will return to work in phases starting May 4.\n"
    )
    proposal = extract(text)
    assert proposal.headline == "Kestrel Tire beginning process of reopening its Dayton plant"
    assert proposal.published == date(2020, 4, 27)


def test_text_wrapped_at_a_width_stays_one_paragraph():
    text = (
        "Kestrel Tire said today that it will begin the process of reopening its\n"
        "Dayton, Ohio plant next week, after a stop of six weeks that followed the\n"
        "order of the state government to close all plants that are not essential.\n"
    )
    assert len(paragraphs(normalize(text))) == 1


def test_a_site_menu_without_bars_is_chrome_not_the_headline():
    assert is_chrome("About Us Products Sustainability Careers News Contact")
    assert not is_chrome("Kestrel Fibers Announces Operational Restart")


def test_a_news_sites_name_over_the_headline_is_not_the_headline():
    text = (
        "Bay Street News\n\n"
        "Kestrel Paper Agrees to Sell Its Osprey Lake Sawmill\n\n"
        "VANCOUVER, BRITISH COLUMBIA, June 23, 2016 - Kestrel Paper Ltd. announced today that it has agreed to "
        "sell its sawmill in Osprey Lake, British Columbia.\n"
    )
    assert extract(text).headline == "Kestrel Paper Agrees to Sell Its Osprey Lake Sawmill"


def test_a_filings_picture_placeholder_is_chrome():
    assert is_chrome("[Missing Graphic Reference]")
    assert is_chrome("[LOGO]")


def test_a_company_name_with_its_release_label_and_time_is_not_the_headline():
    text = (
        "Kestrel Oyj Stock Exchange Release 27 May 2020 at 9:00 EET\n\n"
        "Kestrel starts change negotiations to close its Kemi sawmill\n\n"
        "Kestrel plans to permanently close its sawmill in Kemi, Finland. The planned closure would affect "
        "120 employees.\n"
    )
    proposal = extract(text)
    assert proposal.headline == "Kestrel starts change negotiations to close its Kemi sawmill"
    assert proposal.published == date(2020, 5, 27)


def test_a_release_held_as_a_json_string_already_unescaped_is_read_from_its_own_header():
    release = (
        "Business\n\nSite Sale\n\nSite Sale.\n\narticleKestrel PlcMarch 4, 20115/company/kestrel-plc/news\n\n"
        "About this update from Kestrel Plc\n\n"
        '[{"type":"text","content":"\n\nRNS Number : 1234A Kestrel plc 04 March 2011\n\n'
        "Kestrel plc\n\nSite Sale\n\nKestrel plc announces that it has sold its factory in "
        "Harrogate, North Yorkshire, for £1.2 million.\n"
    )
    assert embedded_text(release).lstrip().startswith("RNS Number")
    assert extract(release).published == date(2011, 3, 4)
