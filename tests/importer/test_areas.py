"""The areas a release names, and places read against them (our own sample sentences)."""

from companies.importer.areas import named_areas
from companies.importer.extract import extract


def test_named_areas_collects_regions_and_countries_the_text_names():
    text = (
        "The refinery in the Northern Territory stops. Operations in Oregon continue. "
        "Jobs go in Letterkenny, Ireland. Its mill in Purvis, Mississippi restarted."
    )
    assert named_areas(text) >= {"AU-NT", "AU", "US-OR", "US", "IE", "US-MS"}


def test_a_country_named_with_a_compass_word_before_it_counts():
    assert "PE" in named_areas("Acme will suspend the Kestrel mine, in south west Peru.")
    assert "MX" in named_areas("Its plants in northern Mexico run at capacity.")


def test_a_part_of_a_state_describing_the_company_counts():
    assert "US-IA" in named_areas("An eastern Iowa manufacturer has resumed production.")
    assert named_areas("A central figure in the talks said so.") == frozenset()


def test_two_letter_initials_name_a_province_but_not_a_country():
    assert "CA-BC" in named_areas("Vancouver, BC (News release) -- Acme Pulp is extending a curtailment.")
    assert "IR" not in named_areas("Further information: Jane Roe, Vice President, IR, tel. +358 10 465")


def test_a_province_written_in_dotted_initials_counts_but_not_a_market_country():
    assert named_areas("The mill in northeastern B.C. is being sold.") == {"CA-BC", "CA"}
    assert named_areas("Housing starts in the U.S. are projected to improve.") == frozenset()


def test_a_nationality_that_begins_a_regions_name_is_not_that_nation():
    # "British Columbia" names Canada's province, not Britain
    assert named_areas("Its offices are in Richmond, British Columbia, Canada.") == {"CA-BC", "CA"}


def test_a_one_word_region_that_is_also_a_town_counts_only_with_its_country():
    # "Ascension" is a village in Quebec as well as a part of Saint Helena
    assert named_areas("Its facilities in Ascension were shut.") == frozenset()
    assert "SH-AC" in named_areas("Its plant in Ascension, Saint Helena was shut.")
    # a region's name that no town shares counts alone
    assert named_areas("Its mill in Bavaria runs.") == {"DE-BY", "DE"}


def test_a_village_the_gazetteer_lacks_is_kept_in_the_one_state_the_release_names():
    text = (
        "Tamarack Resumes Production\n\nAn eastern Iowa manufacturer has resumed production after a "
        "shutdown. Tamarack Corp. said its Quillby production facility resumed operations on Sunday."
    )
    keys = [(e.type, e.place.locality, e.place.region, e.place.resolved) for e in extract(text).events]
    assert keys == [("reopened", "Quillby", "US-IA", False)]


def test_a_village_the_gazetteer_lacks_is_kept_in_the_one_country_named_outside_north_america():
    text = (
        "Tamarack Oy will suspend the operations at its Quillbyskoski sawmill until further notice. "
        "Overcapacity in the sawn timber markets leads to shrinking production volumes in Finland."
    )
    keys = [(e.type, e.place.locality, e.place.country, e.place.resolved) for e in extract(text).events]
    assert keys == [("idled", "Quillbyskoski", "FI", False)]


def test_a_product_line_is_no_village_of_the_one_state_named():
    text = (
        "Tamarack Expands\n\nTamarack Corp., a central Kansas miller, will expand output of its Quillby line "
        "of wheat proteins."
    )
    assert [e.place.locality for e in extract(text).events] == []


def test_a_country_in_brackets_after_a_town_is_named_but_a_region_is_not():
    assert named_areas("its plants in Wurzburg (Germany) and in Koprivnice (Czech Republic)") >= {"DE", "CZ"}
    assert "GB-WLS" not in named_areas("its site in Cwmbran (Wales)")


def test_a_town_whose_country_is_named_in_brackets_elsewhere_is_not_placed_in_another_named_country():
    text = (
        "Halcyon plans to close its production in Trutnov and move production to Germany. The work will go "
        "to its plants in Wurzburg (Germany) and in Koprivnice (Czech Republic)."
    )
    assert [(e.place.locality, e.place.country) for e in extract(text).events] == [("Trutnov", "CZ")]
