"""The publication date wherever and however a release prints it. Our own releases."""

from datetime import date

import pytest

from companies.importer.extract import extract

B = "Halcyon Industries plc will close its plant in Erie, Pennsylvania, next year."
H = "Halcyon to Close Erie Plant"
PLACEMENTS = {
    "own line before headline": f"March 4, 2025\n\n{H}\n\n{B}",
    "published label": f"{H}\n\nPublished: 4 March 2025 07:00\n\n{B}",
    "release date label": f"{H}\n\nRelease date: 2025-03-04\n\n{B}",
    "weekday and time": f"{H}\n\nTuesday, March 4, 2025 8:00 AM EST\n\n{B}",
    "globe iso": f"{H}\n\nHelsinki, Finland, 2025-03-04 08:00 CET (GLOBE NEWSWIRE) -- {B}",
    "ordinal": f"{H}\n\nLONDON, 4th March 2025 - {B}",
    "dotted european": f"{H}\n\nHelsinki, 4.3.2025 - {B}",
    "abbrev month": f"{H}\n\nCHICAGO, Mar. 4, 2025 /PRNewswire/ -- {B}",
    "after headline dash": f"{H} - March 4, 2025\n\n{B}",
    "date in bracket": f"{H}\n\nLONDON (March 4, 2025) - {B}",
    "city, state and country": f"{H}\n\nPune (Maharashtra) [India], March 4, 2025: {B}",
    "ordinal day first with comma": f"{H}\n\nPune, 4th March, 2025: {B}",
    "syndicator's tag first": f"(MENAFN- Kestrel PR) Pune, 4th March, 2025: {B}",
    "table cells over two lines": f"Exhibit\n99.1\nTuesday March\n4, 2025\nContact:\n\n{H}\n\n{B}",
    "published label after page furniture": f"User Login\n\nContact\n\nA form on the page asks for a name.\n\n{H}\n\n"
    f"Published Tuesday, March 4, 2025\n\n{B}",
    "syndicator's slash tag first": f"/EIN News/ -- ERIE, Pa., March 4, 2025 (GLOBE NEWSWIRE) -- {B}",
    "today with its date": "The Board of Directors of Halcyon Industries plc resolved today, March 4, 2025, to close "
    "its plant in Erie, Pennsylvania.",
    "company release on": f"Chrome line of a news portal\n\nHalcyon Oyj (HEL:HAL1V) Halcyon Oyj Company release on "
    f"March 4, 2025 at 2 p.m.\n\n{B}",
    # an exhibit whose every line is broken, the headline's second line run into a slash dateline
    "slash dateline after a wrapped headline": "Exhibit\n99.1\nHalcyon Enters into\nSale Agreement for its "
    "Erie Site\nEAGAN, MN / ACCESSWIRE / March 4, 2025 / Halcyon\nIndustries plc will close its plant.",
    "stock exchange release": f"Halcyon Oyj | Stock exchange release | March 04, 2025 at 09:00:00 EET\n\n{H}\n\n{B}",
}


@pytest.mark.parametrize("placement", PLACEMENTS)
def test_the_date_of_each_placement(placement):
    assert extract(PLACEMENTS[placement]).published == date(2025, 3, 4)


def test_a_city_state_and_country_dateline_gives_its_place_and_reads_past_it():
    release = f"{H}\n\nPune (Maharashtra) [India], March 4 (ANI/PNN): {B}"
    proposal = extract(release, published=date(2025, 3, 5))
    assert proposal.published == date(2025, 3, 4)  # the day written, the year from the container
    assert (proposal.dateline.locality, proposal.dateline.country) == ("Pune", "IN")
    assert proposal.company.name == "Halcyon Industries plc"
