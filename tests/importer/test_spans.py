"""Places named in a sentence, and the regions a release names to settle its bare town names."""

from companies.importer.places import resolve
from companies.importer.spans import find_mentions


def _places(sentence: str, **kw) -> list[tuple]:
    return [(m.place.locality, m.place.region, m.place.country) for m in find_mentions(sentence, **kw)]


def test_a_compass_word_that_begins_a_towns_name_stays():
    assert _places("It will close its plants in Owings Mills, Md., and North Andover, Mass.") == [
        ("Owings Mills", "US-MD", "US"),
        ("North Andover", "US-MA", "US"),
    ]
    assert _places("consolidate its East Lansing, Michigan operations into its Dayton, Ohio plant")[0][0] == (
        "East Lansing"
    )
    assert _places("sales in North America rose") == []


def test_a_town_called_city_in_its_own_name_only():
    assert _places("its new facility in Woods Cross City, Utah.") == [("Woods Cross", "US-UT", "US")]


def test_a_site_named_by_its_town_takes_the_state_named_after_it():
    found = _places("the Buffalo plant in West Virginia and the Georgetown plant in Kentucky")
    assert found == [("Buffalo", "US-WV", "US"), ("Georgetown", "US-KY", "US")]


def test_the_stated_state_wins_over_a_bigger_namesake_even_below_the_gazetteer_floor():
    (locality, region, country), *_ = _places("the Blue Springs plant in Mississippi")
    assert (locality, region, country) == ("Blue Springs", "US-MS", "US")


def test_a_countrys_own_name_after_a_town_is_the_country_not_a_state_of_it():
    assert _places("its plants in Juarez, Mexico and Puebla, Puebla")[0][2] == "MX"
    assert _places("its plants in Juarez, Mexico")[0][1] is None
    assert _places("a bakery in Wakefield, England") == [("Wakefield", "GB-ENG", "GB")]


def test_the_issuers_own_unit_based_at_a_place_is_not_a_headquarters():
    mentions = find_mentions("will consolidate its Quakertown, PA-based testing laboratory into Hauppauge")
    assert mentions[0].place.locality == "Quakertown" and mentions[0].decoy is None
    seat = find_mentions("Acme Tooling, a Quakertown, PA-based maker of gauges, said it will close a plant")
    assert seat[0].decoy == "headquarters"


def test_named_areas_settle_a_bare_town_name():
    assert resolve("Gove").country != "AU" or resolve("Gove").locality != "Gove"
    assert resolve("Gove", named=frozenset({"AU", "AU-NT"})).country == "AU"
    springfield = resolve("Springfield", named=frozenset({"US", "US-OR"}))
    assert (springfield.locality, springfield.region) == ("Springfield", "US-OR")
    assert _places("a mill in Springfield", named=frozenset({"US-OR", "US"}))[0][1] == "US-OR"


def test_a_country_stated_lets_its_biggest_namesake_win():
    juarez = resolve("Juarez", country="MX")
    assert (juarez.locality, juarez.canonical) == ("Juarez", "Ciudad Juárez")


def test_towns_before_in_an_area_are_kept_with_it_even_when_the_gazetteer_lacks_them():
    mentions = find_mentions(
        "Norvik will curtail production at Norvik Skarvik and Norvik Toppen in Norway.", frozenset({"Norvik"})
    )
    assert [(m.place.locality, m.place.country, m.place.resolved) for m in mentions if m.place.locality] == [
        ("Skarvik", "NO", False),
        ("Toppen", "NO", False),
    ]


def test_a_capitalised_facility_word_after_a_town():
    assert _places("restart one of two blast furnaces at Granite City Works.") == [
        ("Granite City", "US-IL", "US")
    ]


def test_a_qualified_town_the_gazetteer_lacks_is_remembered_for_its_bare_mentions():
    known: dict = {}
    first = find_mentions("its plant located in Zephyr Hollow, Oregon, on Monday", known=known)
    assert (first[0].place.locality, first[0].place.region, first[0].place.resolved) == (
        "Zephyr Hollow",
        "US-OR",
        False,
    )
    later = find_mentions("All Zephyr Hollow manufacturing operations will stop.", known=known)
    assert [(m.place.locality, m.place.region) for m in later] == [("Zephyr Hollow", "US-OR")]


def test_a_town_the_gazetteer_lacks_named_with_its_country_is_remembered_too():
    known: dict = {}
    find_mentions("to expand its plant in Krøllerup, Denmark, next year", known=known)
    later = find_mentions("The investment in Krøllerup will add two lines.", known=known)
    assert [(m.place.locality, m.place.country, m.place.resolved) for m in later] == [
        ("Krøllerup", "DK", False)
    ]


def test_a_named_storm_is_no_town():
    assert _places("its mill in Bogalusa, Louisiana was shut because of Hurricane Katrina.") == [
        ("Bogalusa", "US-LA", "US")
    ]


def test_a_county_after_a_town_ends_the_list_of_towns():
    found = _places(
        "the purchase of a factory on an industrial estate in Saffron Walden, Essex for £2 million"
    )
    assert [p[0] for p in found] == ["Saffron Walden"]


def test_a_list_of_places_goes_on_past_the_window_of_the_facility_word():
    found = _places(
        "six mills which are located in Chapleau, Cochrane, Hearst and Kapuskasing in Ontario and in "
        "Bearn and La Sarre in Quebec"
    )
    assert ("La Sarre", "CA-QC", "CA") in found


def test_a_county_or_state_abroad_after_a_town_places_the_town_in_that_country():
    # the release's home country is elsewhere; the town's own country has the subdivision
    assert _places("the factory in Torquay, Devon", default_country="US")[0][2] == "GB"
    assert _places("a site in Wittlich, Rhineland-Palatinate", default_country="US")[0][1:] == ("DE-RP", "DE")


def test_a_state_written_with_based_after_it_is_still_the_state():
    # the issuer's own unit at a place is a site; a company "based" there is a seat
    own = find_mentions("consolidate its Muncie, Indiana-based valve subsidiary into its Dayton plant")
    assert [(m.place.locality, m.place.region, m.decoy) for m in own][0] == ("Muncie", "US-IN", None)
    seat = find_mentions("Birchline, a Muncie, Indiana-based maker of valves")
    assert [(m.place.region, m.decoy) for m in seat] == [("US-IN", "headquarters")]


def test_a_company_with_its_legal_form_before_a_comma_is_no_town():
    # "AR" after the comma would read as Arkansas
    mentions = find_mentions(
        "bought the box plants of Westvale Corporation, AR Packaging said it will expand them"
    )
    assert all(m.place.locality != "Westvale Corporation" for m in mentions)
    assert not any(m.place.region == "US-AR" for m in mentions)


def test_a_name_the_gazetteer_holds_in_many_countries_with_nothing_to_choose_one_places_nothing():
    # Walton is a town in England, the United States, Canada ...: without a country in the text
    # it would be an event nobody can locate
    assert [
        m.place.locality for m in find_mentions("a sale of part of the Walton Works surplus property")
    ] == []


def test_a_county_the_gazetteer_lacks_is_still_kept_for_the_editor():
    assert [m.place.locality for m in find_mentions("will restart its Rutherford County smelter")] == [
        "Rutherford County"
    ]


def test_a_province_before_its_country_is_no_town():
    places = _places("it plans to restructure its network of six plants in southern Ontario, Canada.")
    assert all(locality != "Ontario" for locality, _, _ in places)


def test_a_street_before_the_town_and_state_is_no_town():
    assert _places(
        "Birchwood agreed to buy the 410 SE Alder Street, Portland, Oregon building of Tamarack."
    ) == [("Portland", "US-OR", "US")]


def test_a_division_named_by_a_town_of_a_country_the_release_names():
    kept = find_mentions("restarted the Kitakami Division last week", named=frozenset({"JP"}))
    assert [(m.place.locality, m.place.country) for m in kept] == [("Kitakami", "JP")]
    assert find_mentions("restarted the Kitakami Division last week", named=frozenset({"US"})) == []


def test_a_list_of_countries_is_no_town_and_its_country():
    assert _places("The group expanded production in Brazil, France, Indonesia and the Philippines.") == [
        (None, None, "BR"),
        (None, None, "FR"),
        (None, None, "ID"),
    ]


def test_a_capitalised_mills_ends_a_places_name_and_leaves_no_town_before_it():
    sentence = "The company plans to close its York Mills facility."
    assert _places(sentence, default_country="CA", named=frozenset({"CA"})) == []


def test_villages_listed_after_a_town_are_kept_in_its_region():
    found = find_mentions("The mills are located in Sherbrooke, Lac Tremblant Nord, and Riviere de Castor.")
    assert [(m.place.locality, m.place.region, m.place.resolved) for m in found] == [
        ("Sherbrooke", "CA-QC", True),
        ("Lac Tremblant Nord", "CA-QC", False),
        ("Riviere de Castor", "CA-QC", False),
    ]


def test_a_village_that_ends_a_list_before_a_facility_noun_is_kept_where_the_others_are():
    found = find_mentions("Its Sherbrooke, Magog and Castorville sawmills will stop.")
    assert [(m.place.locality, m.place.region, m.place.resolved) for m in found] == [
        ("Sherbrooke", "CA-QC", True),
        ("Magog", "CA-QC", True),
        ("Castorville", "CA-QC", False),
    ]


def test_a_company_listed_after_a_town_is_no_village():
    found = find_mentions(
        "plants located in Sherbrooke, Quebec and Tamarack Paper's mill", frozenset({"Tamarack"})
    )
    assert [m.place.locality for m in found] == ["Sherbrooke"]


def test_a_county_named_with_a_possessive_is_placed_in_the_one_country_the_release_names():
    found = find_mentions(
        "Tamarack plans to construct a manufacturing facility at Bulloch County's Southern Gateway Commerce Park.",
        named=frozenset({"US", "US-GA"}),
    )
    assert [(m.place.locality, m.place.country) for m in found] == [("Bulloch County", "US")]


def test_a_division_is_named_after_the_town_its_name_begins_with():
    found = find_mentions("added capacity at its Roanoke Bar Division last year", named=frozenset({"US"}))
    assert [(m.place.locality, m.place.region) for m in found] == [("Roanoke", "US-VA")]


def test_a_compass_subdivision_abroad_places_the_town_in_its_country_not_a_namesake_of_the_subdivision():
    # a US or Canadian home country knows all its subdivisions: "West Yorkshire" is abroad
    assert _places("its factory in Leeds, West Yorkshire", default_country="US") == [("Leeds", None, "GB")]
    assert _places("its works in Dudley, West Midlands", default_country="US") == [("Dudley", None, "GB")]
    # ... and a real state after a compass word stays the state
    assert _places("its plant in Wheeling, West Virginia", default_country="US") == [
        ("Wheeling", "US-WV", "US")
    ]


def test_a_village_named_before_a_facility_noun_is_kept_with_the_part_of_a_region_after_it():
    # the gazetteer lacks the village; the region the sentence gives after "the interior of" keeps it
    found = _places("its Quillan Lake sawmill in the interior of British Columbia", default_country="US")
    assert found[0] == ("Quillan Lake", "CA-BC", "CA")
    assert _places("its Quillan Lake sawmill in the province of Quebec", default_country="US") == [
        ("Quillan Lake", "CA-QC", "CA")
    ]


def test_sites_named_right_after_their_plural_noun_are_a_list_and_a_village_abroad_is_kept_with_the_town():
    # "Sundsvall" is in the gazetteer, "Ortviken" (a mill's village) is not: it is kept in Sweden
    found = _places("Production at the paper mills Sundsvall and Ortviken will restart.")
    assert found == [("Sundsvall", None, "SE"), ("Ortviken", None, "SE")]
    found = _places("Production at the paper mills in Sundsvall and Ortviken will restart.")
    assert found == [("Sundsvall", None, "SE"), ("Ortviken", None, "SE")]


def test_a_two_letter_word_in_title_case_after_a_comma_is_no_state_code():
    # "In light of ..." after a name and a comma is no Indiana
    assert _places("Peter Nilsson and Anders Marklund, In light of this plan, the mill will close.") == []
    assert _places("its plant in Elkhart, IN will close", default_country="US") == [
        ("Elkhart", "US-IN", "US")
    ]


def test_a_sites_own_name_before_the_town_it_is_in_is_no_place():
    # "Ello" is a factory's name here, though the gazetteer holds a village of that name in Italy
    found = _places("The Board has decided to move production from Ello in Kristiansund to Falun.")
    assert ("Ello", None, "IT") not in found and found[0][0] == "Kristiansund"


def test_a_town_listed_after_others_is_looked_for_in_their_area_first():
    # the bigger namesake abroad (or a namesake in two countries) loses to the one in the area
    # of the towns it is listed with
    assert _places("it will idle its mills in Dayton, Akron, and Canton.") == [
        ("Dayton", "US-OH", "US"),
        ("Akron", "US-OH", "US"),
        ("Canton", "US-OH", "US"),
    ]
    assert ("Toledo", "US-OH", "US") in _places("it will idle its mills in Dayton, Akron and Toledo.")
    found = _places("it will curtail output at its sawmills in Quesnel, Chasm, and Chetwynd.")
    assert ("Chetwynd", "CA-BC", "CA") in found


def test_a_world_city_listed_after_a_town_abroad_keeps_its_own_country():
    assert _places("it has plants in Toronto and Paris.")[1][2] == "FR"


def test_people_named_in_a_ribbon_cutting_are_no_towns():
    # a surname glued to its first letter ("O'Connor, U.S.") and a legislator with his district
    found = _places(
        "The mayor joined Halvard Foods CEO Tim O'Connor, U.S. Congressman Bob Dold (IL-10) and other "
        "officials to open the company's new facility in Joliet, Illinois."
    )
    assert found == [("Joliet", "US-IL", "US")]
    assert _places("Congressman Bob Dold, Illinois, cut the ribbon at the new plant.") == []


def test_a_site_named_by_its_side_of_town_is_in_the_town():
    assert _places("One potline at the Massena East plant will be permanently closed.") == [
        ("Massena", "US-NY", "US")
    ]
    # a town whose own name ends with a compass word keeps it
    assert _places("It will close its plant in North Bay.")[0][0] == "North Bay"


def test_a_site_s_other_name_in_brackets_does_not_end_a_list_of_towns():
    found = _places(
        "It is curtailing capacity at its Sao Luis (Alumar) and Pocos de Caldas smelters in Brazil."
    )
    assert [(town, country) for town, _, country in found[:2]] == [
        ("São Luís", "BR"),
        ("Poços de Caldas", "BR"),
    ]


def test_two_capitals_after_a_name_the_gazetteer_lacks_are_a_trade_not_a_country():
    found = _places(
        "Its Finance, Marketing, IT, Legal and Human Resource functions in the Indianapolis office will be "
        "moved to Clearwater, FL."
    )
    assert ("Marketing", None, "IT") not in found
    assert _places("It has plants in Milan, IT and in Lyon, FR.") == [
        ("Milan", None, "IT"),
        ("Lyon", None, "FR"),
    ]


def test_a_village_placed_by_the_town_it_is_near_is_the_site_not_the_town():
    assert _places(
        "The company will close its printing plant at Flaxby Moor, near Knaresborough, next year."
    ) == [("Flaxby Moor", None, "GB")]
    # a town the gazetteer holds stays itself
    assert _places("The company will close its plant in Dayton, near Cincinnati.")[0][0] == "Dayton"


def test_a_village_placed_by_its_bearing_or_distance_from_a_town():
    assert _places(
        "The location of the plant in Skarbimierz, southeast of Wroclaw, serves Central Europe."
    ) == [("Skarbimierz", None, "PL")]
    assert _places("The plant at Halvorby, some 40 km from Ahmedabad, will open next year.")[0][:1] == (
        "Halvorby",
    )


def test_a_town_then_the_bigger_city_it_is_in_ending_the_list_is_one_site():
    found = _places("It inaugurated its new plant in Chakan, Pune, with an investment of Rs 231 crore.")
    assert [town for town, _, _ in found] == ["Chākan"]
    # a list that goes on is a list
    assert len(_places("It will idle its plants in Akron, Dayton, and Toledo.")) == 3


def test_a_village_right_after_its_site_is_kept_in_the_home_country_outside_north_america():
    found = _places(
        "It intends to close the hardwood sawmill in Djursdala with its 15 employees.", default_country="SE"
    )
    assert found == [("Djursdala", None, "SE")]
    # a month, a continent, or a release from the US (towns filed by state) places nothing
    assert _places("It will close its plant in March.", default_country="SE") == []
    assert _places("It will close its sawmill in Djursdala.", default_country="US") == []


def test_towns_listed_in_brackets_keep_to_the_first_ones_country():
    found = _places("It will close two manufacturing facilities (Welshpool and Lytton) over two years.")
    assert len({country for _, _, country in found}) == 1
    assert [town for town, _, _ in found] == ["Welshpool", "Lytton"]
