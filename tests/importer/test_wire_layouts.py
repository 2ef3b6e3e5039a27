"""One release in the layouts of the wires, filings and exchanges: each gives the same issuer,
date and event. The releases are ours; the layouts are the general shapes each service uses."""

from datetime import date

import pytest

from companies.importer.extract import extract

HEADLINE = "Halcyon to Close Muncie Plant"
BODY = "{who} today announced it will close its plant in Muncie, Indiana. The plant employs 200 people."
US = "Halcyon Industries, Inc. (NYSE: HAL)"
LAYOUTS = {
    "PR Newswire": f"{HEADLINE}\n\nCHICAGO, March 4, 2025 /PRNewswire/ -- " + BODY.format(who=US),
    "EDGAR exhibit": (
        f"Exhibit 99.1\n|\nNEWS RELEASE\n|Contacts:\n|\nMedia\nJane Roe\n312.555.0100\n{HEADLINE}\n"
        "OAK BROOK, Ill. (March 4, 2025) – " + BODY.format(who=US)
    ),
    "Business Wire": f"{HEADLINE}\n\nCHICAGO--(BUSINESS WIRE)--March 4, 2025--" + BODY.format(who=US),
    "RNS": f"RNS Number : 1234A\nHalcyon Industries plc\n04 March 2025\n\n{HEADLINE}\n\n"
    + BODY.format(who="Halcyon Industries plc"),
    "GlobeNewswire": f"{HEADLINE}\n\nLONDON, United Kingdom, March 04, 2025 (GLOBE NEWSWIRE) -- "
    + BODY.format(who="Halcyon Industries plc"),
    "Nordic stock exchange release": "Halcyon Oyj Stock exchange release 4 March 2025 at 14:15 EET\n\n"
    f"{HEADLINE}\n\n" + BODY.format(who="Halcyon Oyj"),
    "Nordic bracketed dateline": f"{HEADLINE}\n\n(Halcyon Oyj, Helsinki, 4 March 2025, 14:15 EET) - "
    + BODY.format(who="Halcyon Oyj"),
    "CNW": f"{HEADLINE}\n\nTORONTO, March 4, 2025 /CNW/ - " + BODY.format(who=US),
    "newsroom page": f"Home > Investors > News\n\n{HEADLINE}\n\nMar 4, 2025\n\nShare this article\n\n"
    + BODY.format(who=US),
    "Accesswire": f"{HEADLINE}\n\nCHICAGO, IL / ACCESSWIRE / March 4, 2025 / " + BODY.format(who=US),
    "Newsfile": f"{HEADLINE}\n\nVancouver, British Columbia--(Newsfile Corp. - March 4, 2025) - "
    + BODY.format(who=US),
    "German ad-hoc service": "DGAP-Ad-hoc: Halcyon AG / Key word(s): Restructuring\n\n"
    f"Halcyon AG: {HEADLINE}\n\n04-March-2025 / 14:15 CET/CEST\n\n" + BODY.format(who="Halcyon AG"),
    "ASX announcement": f"ASX ANNOUNCEMENT\n4 March 2025\n\n{HEADLINE}\n\n"
    + BODY.format(who="Halcyon Limited (ASX: HAL)"),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_gives_the_issuer_the_date_and_the_event(layout):
    proposal = extract(LAYOUTS[layout])
    assert proposal.published == date(2025, 3, 4)
    assert proposal.company.name.startswith("Halcyon")
    assert [(e.type, e.place.locality) for e in proposal.events] == [("closed", "Muncie")]


def test_a_shouted_dateline_with_its_wire_in_slashes_run_into_the_headline():
    text = (
        "Halvard Pumps Announces Record First Quarter Sales for Its Compressor Business ERIE, Pa., "
        "April 22 /PRNewswire/ -- Halvard Pumps Inc. (NYSE:HPI) today reported results for the first "
        "quarter ending March 31, 2005.\n"
    )
    p = extract(text)
    assert (p.published, p.dateline.locality) == (date(2005, 4, 22), "Erie")


def test_a_copy_that_starts_past_its_opening_takes_the_issuer_tagged_further_down():
    text = (
        "Some of the new hires were recalled from layoffs, the company said.\n\n"
        "Halvard restarts glass furnace in Ohio\n\n"
        "Halvard Industries' (NYSE:HVD) glass business announced it has restarted a furnace at its "
        "plant in Dayton, Ohio.\n"
    )
    company = extract(text).company
    assert (company.name, company.ticker) == ("Halvard Industries", "HVD")


def test_a_news_agencys_brief_dates_itself_names_its_issuer_and_reads_its_bullets():
    text = (
        "Dec 11 Halvard Oyj :\n\n"
        "* Halvard has completed the consultation started in Oct. 2015 on the future of its Erie factory\n\n"
        "* Production at the Erie, Pa. site will cease by end of Q1 2016, resulting in 99 job losses\n"
    )
    p = extract(text)
    assert (p.published, p.company.name) == (date(2015, 12, 11), "Halvard Oyj")
    assert [(e.type, e.place.locality) for e in p.events] == [("closed", "Erie")]


def test_a_news_pages_photo_caption_is_neither_its_headline_nor_its_date():
    text = (
        "Halcyon to merge two plants into one\n\n"
        "Staff Writer\n\n"
        "2 Min Read\n\n"
        "FILE PHOTO: Halcyon's chief executive speaks at a news conference, March 7, 2011. REUTERS/Jane Roe\n\n"
        "DAYTON, Ohio (Reuters) - Halcyon Corp said it would move production from its Erie plant to Dayton.\n"
    )
    proposal = extract(text)
    assert proposal.headline == "Halcyon to merge two plants into one"
    assert proposal.published is None


def test_an_agency_photo_caption_above_the_dateline_does_not_date_the_release():
    text = (
        "Halcyon building two warehouses in Ohio\n\n"
        "FILE - This June 4, 2014 file photo shows Halcyon boxes in Phoenix. (AP Photo/John Doe)\n\n"
        "DAYTON, Ohio (AP) - Halcyon says it will open two new warehouses in Ohio.\n"
    )
    proposal = extract(text)
    assert proposal.headline == "Halcyon building two warehouses in Ohio"
    assert proposal.published is None


def test_a_pages_skip_links_are_no_headline():
    text = (
        "Go to Contents Go to Navigation\n\n"
        "Halcyon to build its first plant abroad\n\n"
        "SEOUL, Oct. 16 (Yonhap) -- Halcyon Co. said Monday it will build a plant in Vietnam.\n"
    )
    assert extract(text).headline == "Halcyon to build its first plant abroad"


def test_a_photo_credited_to_an_agency_is_a_caption():
    text = (
        "Halcyon plant restarts production after protests\n\n"
        "12 January, 2022, 05:35 pm\n"
        "Last modified: 12 January, 2022, 05:37 pm\n\n"
        "Guards stand at the entrance of a closed plant of Halcyon near Erie, December 22, 2021. Photo :Reuters\n\n"
        "Halcyon restarted production at its plant in Erie on Wednesday, a company official said.\n"
    )
    assert extract(text).headline == "Halcyon plant restarts production after protests"
