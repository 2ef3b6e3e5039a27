"""Facility events from single sentences and short bodies (our own wire-style texts)."""

from datetime import date

import pytest

from companies.importer.events import find_events
from companies.importer.proposal import PlaceRef
from companies.importer.text import Sentence

PUB = date(2012, 3, 6)


def _events(*body, headline=None, issuer="Tamarack Industries, Inc."):
    sentences = [Sentence(t, i * 1000, "body", i) for i, t in enumerate(body)]
    events, _ = find_events(sentences, headline=headline, published=PUB, issuer=issuer)
    return events


def _keys(*body, **kw):
    return [(e.type, e.place.locality, e.place.region) for e in _events(*body, **kw)]


# --- event types, tenses and voices -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tamarack will idle its plant in Dayton, Ohio.", ("idled", "Dayton", "US-OH")),
        ("Tamarack idled its Erie, Pa. foundry last week.", ("idled", "Erie", "US-PA")),
        (
            "Tamarack will temporarily halt production at its mill in Rumford, Maine.",
            ("idled", "Rumford", "US-ME"),
        ),
        ("Tamarack will curtail output at the Longview, Wash. mill.", ("idled", "Longview", "US-WA")),
        ("The Sherbrooke, Quebec plant will be temporarily shut down.", ("idled", "Sherbrooke", "CA-QC")),
        ("Tamarack will close its plant in Muncie, Indiana.", ("closed", "Muncie", "US-IN")),
        ("The Muncie, Ind. plant will be closed.", ("closed", "Muncie", "US-IN")),
        ("Tamarack announced the closure of its Muncie, Indiana factory.", ("closed", "Muncie", "US-IN")),
        (
            "Tamarack will cease operations at its Burlington, Vt. facility.",
            ("closed", "Burlington", "US-VT"),
        ),
        ("Tamarack will shutter its Lufkin, Texas mill.", ("closed", "Lufkin", "US-TX")),
        ("Tamarack is winding down its plant in Trenton, N.J.", ("closed", "Trenton", "US-NJ")),
        ("Tamarack will open a new distribution center in Reno, Nevada.", ("opened", "Reno", "US-NV")),
        ("Construction of a new plant in Greer, S.C. began today.", ("opened", "Greer", "US-SC")),
        (
            "Tamarack will restart the Port Hawkesbury, Nova Scotia mill.",
            ("reopened", "Port Hawkesbury", "CA-NS"),
        ),
        ("Tamarack resumed production at its Kenora, Ontario mill.", ("reopened", "Kenora", "CA-ON")),
        (
            "Tamarack will invest $40 million to expand its plant in Fremont, Ohio.",
            ("expanded", "Fremont", "US-OH"),
        ),
        (
            "The expansion of the Fremont, Ohio plant adds 60,000 square feet.",
            ("expanded", "Fremont", "US-OH"),
        ),
        (
            "Tamarack completed the sale of its Rumford, Maine mill to Kell Paper LLC.",
            ("sold", "Rumford", "US-ME"),
        ),
        (
            "Tamarack agreed to acquire the Albany, Ga. plant from Osprey Corp.",
            ("acquired", "Albany", "US-GA"),
        ),
        ("Tamarack will close its Lyon, France plant.", ("closed", "Lyon", None)),
    ],
)
def test_event_types(sentence, expected):
    keys = _keys(sentence)
    assert len(keys) == 1, keys
    assert keys[0][:2] == expected[:2]
    if expected[2]:
        assert keys[0][2] == expected[2]


def test_two_plants_in_one_phrase():
    keys = _keys(
        "Tamarack is idling production at the Jewett City, Connecticut and Littleton, New Hampshire plants."
    )
    assert keys == [("idled", "Jewett City", "US-CT"), ("idled", "Littleton", "US-NH")]


def test_list_after_a_facility_noun():
    keys = _keys("Tamarack will close its plants in Dayton, Ohio, and Erie, Pa.")
    assert keys == [("closed", "Dayton", "US-OH"), ("closed", "Erie", "US-PA")]


def test_different_fates_in_one_sentence():
    keys = _keys("Tamarack will close its Muncie, Ind. plant and expand its facility in Fremont, Ohio.")
    assert keys == [("closed", "Muncie", "US-IN"), ("expanded", "Fremont", "US-OH")]


def test_consolidation_closes_the_source_only():
    keys = _keys("Tamarack will consolidate its Muncie, Ind. plant into its Fremont, Ohio facility.")
    assert keys == [("closed", "Muncie", "US-IN")]


def test_sale_counterparty_and_acquisition_seller():
    sold = _events("Tamarack completed the sale of its Rumford, Maine mill to Kell Paper LLC.")[0]
    assert sold.counterparty == "Kell Paper LLC"
    bought = _events("Tamarack agreed to acquire the Albany, Ga. plant from Osprey Corp.")[0]
    assert bought.counterparty == "Osprey Corp."


# --- details ----------------------------------------------------------------------------------


def test_effective_date_employees_kind_and_facility():
    e = _events(
        "Tamarack will close its Muncie, Ind. plant by the end of the second quarter, affecting approximately "
        "150 employees."
    )[0]
    assert (e.effective, e.employees, e.kind) == (date(2012, 6, 30), 150, "plant")
    assert e.facility == "Muncie plant"
    assert e.confidence >= 0.9


def test_employees_and_date_in_following_sentences():
    events = _events(
        "Tamarack will idle its newsprint mill in Kenora, Ontario.",
        "The idling will take effect on April 2 and will affect about 230 workers.",
    )
    assert len(events) == 1
    assert (events[0].effective, events[0].employees, events[0].kind) == (date(2012, 4, 2), 230, "mill")


def test_place_from_an_earlier_sentence_is_less_confident():
    events = _events(
        "Tamarack operates a plant in Muncie, Indiana, that makes gears.",
        "The plant will be closed by June 30.",
    )
    assert [(e.type, e.place.locality) for e in events] == [("closed", "Muncie")]
    assert 0.5 < events[0].confidence < 0.9


def test_place_from_the_headline():
    events = _events(
        "Tamarack said the mill will close in May.", headline="Tamarack to Close Rumford, Maine Mill"
    )
    assert [(e.type, e.place.locality) for e in events] == [("closed", "Rumford")]


def test_same_event_twice_is_one_event():
    events = _events(
        "Tamarack will close its Muncie, Ind. plant.",
        "The closure of the Muncie, Ind. plant will affect 85 jobs.",
    )
    assert len(events) == 1
    assert events[0].employees == 85


# --- not events -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Tamarack, headquartered in Dayton, Ohio, reported record sales.",
        "Customers will be served by our plant in Erie, Pa.",
        "Tamarack supplies Ford's plant in Louisville, Ky.",
        "Tamarack has no plans to close its Muncie, Ind. plant.",
        "Tamarack is evaluating whether to close its Muncie, Indiana plant.",
        "Tamarack may idle its mill in Rumford, Maine.",
        "Tamarack is considering the sale of its Rumford, Maine mill.",
        "A competitor closed its mill in Rumford, Maine.",
        "Tamarack will expand its product line at trade shows in Chicago, Illinois.",
        "The sale of the division is expected to close in the second quarter.",
        "Tamarack's plant in Muncie, Indiana, which opened in 1987, employs 300 people.",
        "Tamarack reported net sales of $40 million.",
    ],
)
def test_not_events(sentence):
    assert _keys(sentence) == []


def test_close_and_move_work_to_another_plant():
    keys = _keys(
        "Tamarack will close its Muncie, Ind. plant and move production to its Fremont, Ohio facility."
    )
    assert keys == [("closed", "Muncie", "US-IN")]


# --- more phrasings (voice, nominalisation, background, other companies) ---------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Production at the Sherbrooke, Quebec, plant was halted on Monday.", [("idled", "Sherbrooke")]),
        ("The Galt, Ontario facility is being closed as part of the restructuring.", [("closed", "Galt")]),
        (
            "The Tulsa, Okla. warehouse will be consolidated with its distribution center in Dallas, Texas.",
            [("closed", "Tulsa")],
        ),
        (
            "The closing of the Erie, Pennsylvania plant is expected to be completed by June 30, 2012.",
            [("closed", "Erie")],
        ),
        (
            "Tamarack intends to idle the Longview, Washington mill indefinitely beginning August 1.",
            [("idled", "Longview")],
        ),
        ("Tamarack said it will reopen its idled Erie, Pa. plant in September.", [("reopened", "Erie")]),
        ("Tamarack will build a new $250 million tissue plant in Shelby, N.C.", [("opened", "Shelby")]),
        (
            "Tamarack expects to add 50 jobs at its Dayton, Ohio plant over the next year.",
            [("expanded", "Dayton")],
        ),
        (
            "The Dayton, Ohio plant, which Tamarack closed in 2008, has been sold to a developer.",
            [("sold", "Dayton")],
        ),
        (
            "The Hamilton, Ont. mill, which Tamarack acquired in 2004, will cease production on June 30.",
            [("closed", "Hamilton")],
        ),
        # a part of a site (lines, a machine) is told on its site, below the auto-accept confidence
        ("Tamarack will shutter two lines at its Erie, Pa. plant.", [("closed", "Erie")]),
        (
            "Tamarack will restart the No. 3 paper machine at its Rumford, Maine mill.",
            [("reopened", "Rumford")],
        ),
        ("Tamarack denied reports that it plans to close its Dayton, Ohio plant.", []),
        ("Tamarack previously announced the closure of its Erie, Pa. plant in 2009.", []),
        ("The Erie, Pa. mill has been idle since March 2010.", []),
        ("Ford Motor Co. said it would close its Louisville, Ky., assembly plant.", []),
        ("Tamarack will buy resin from the plant in Zanesville, Ohio under a supply agreement.", []),
    ],
)
def test_more_phrasings(sentence, expected):
    assert [(t, loc) for t, loc, _ in _keys(sentence)] == expected


def test_combined_head_count_is_not_split_between_sites():
    events = _events(
        "Tamarack will close plants in Dayton, Ohio and Erie, Pennsylvania, affecting about 400 workers."
    )
    assert [(e.place.locality, e.employees) for e in events] == [("Dayton", None), ("Erie", None)]


def test_headline_confirms_a_carefully_worded_body():
    events = _events(
        "Under the plan, the Amiens, France plant would stop production by the end of March 2013.",
        headline="Tamarack to Close Amiens Plant",
    )
    assert [(e.type, e.place.locality, e.effective) for e in events] == [
        ("closed", "Amiens", date(2013, 3, 31))
    ]


# --- lists of an event's sites, and relocations ---------------------------------------------------


def test_a_list_of_the_sites_an_event_concerns_follows_it():
    keys = _keys(
        "Tamarack will close three plants as part of its restructuring plan.",
        "The affected facilities include plants located in Monona, Iowa; and Shadyside, Ohio.",
    )
    assert keys == [("closed", "Monona", "US-IA"), ("closed", "Shadyside", "US-OH")]


def test_a_bulleted_list_under_a_deal_heading_names_the_deals_sites():
    keys = _keys(
        "Tamarack has agreed to sell its lumber business to Pinecrest Forest Products.",
        "- include four sawmills located in Hearst and Chapleau in Ontario.",
    )
    assert keys == [("sold", "Hearst", "CA-ON"), ("sold", "Chapleau", "CA-ON")]


def test_the_headlines_only_event_kind_covers_a_list_of_receiving_plants():
    keys = _keys(
        "The plants to receive the investment are the Georgetown plant in Kentucky and the Troy plant in Missouri.",
        headline="Tamarack Announces $90 Million Investment to Expand Capacity",
    )
    assert keys == [("expanded", "Georgetown", "US-KY"), ("expanded", "Troy", "US-MO")]


def test_a_description_after_a_copula_is_not_a_list_of_sites():
    keys = _keys(
        "Tamarack will close three plants as part of its restructuring plan.",
        "Both plants are licensed to export to Canada, Japan and Mexico.",
    )
    assert keys == []


def test_moving_a_site_elsewhere_closes_it_where_it_was():
    assert _keys("Tamarack will relocate its Irving, Texas office to its center in Dallas.") == [
        ("closed", "Irving", "US-TX")
    ]
    assert _keys(
        "Tamarack will be moving its current facility in Suzhou, China to a new, larger facility."
    ) == [("closed", "Suzhou", None)]
    # moving work, not a site, names only where the work goes
    assert _keys("Tamarack will transfer its production to the Tupelo, Mississippi plant.") == []


def test_a_deals_contract_and_defined_terms_are_not_deeds():
    keys = _keys(
        'Tamarack has agreed to sell its lumber business (the "Purchased Assets") to Pinecrest under an asset '
        "purchase agreement.",
        "- include two sawmills located in Hearst and Chapleau in Ontario.",
    )
    assert keys == [("sold", "Hearst", "CA-ON"), ("sold", "Chapleau", "CA-ON")]


def test_a_year_alone_is_not_the_last_day_of_that_year():
    sentences = [Sentence("Tamarack will close its plant in Dayton, Ohio in 2014.", 0, "body", 0)]
    events, warnings = find_events(
        sentences, headline=None, published=PUB, issuer="Tamarack Industries, Inc."
    )
    assert [(e.type, e.effective) for e in events] == [("closed", None)]
    assert any("takes effect in 2014, no day given" in w for w in warnings)
    ended = _events("Tamarack will close its plant in Dayton, Ohio by the end of 2014.")
    assert [e.effective for e in ended] == [date(2014, 12, 31)]


def test_a_vaguer_second_event_without_a_town_adds_nothing():
    keys = _keys(
        "Tamarack will close its Dayton, Ohio plant.",
        "Tamarack expects the plant closing to be completed by June 30, 2012.",
    )
    assert keys == [("closed", "Dayton", "US-OH")]


def test_a_purpose_or_a_capability_is_not_an_expansion():
    assert _keys("The new plant will allow Tamarack to expand its operations in Dayton, Ohio.") == []
    keys = _keys(
        "Tamarack will acquire two plants, with land for future expansion, in Dayton and Toledo, Ohio."
    )
    assert ("expanded", "Toledo", "US-OH") not in keys and ("acquired", "Toledo", "US-OH") in keys


def test_operations_based_in_a_town_are_there_not_a_headquarters():
    assert _keys("Tamarack will shut down its spinning operations based in Letterkenny, Ireland.") == [
        ("closed", "Letterkenny", None)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a company bought: its seat or site, named right after its name, is where the event is
        (
            "Tamarack acquired Halvard Tooling, a maker of dies based in Lancaster, Pennsylvania.",
            [("acquired", "Lancaster", "US-PA")],
        ),
        (
            "Tamarack has completed the acquisition of Birchwood Packaging Inc. of Ronkonkoma, New York.",
            [("acquired", "Ronkonkoma", "US-NY")],
        ),
        # a number with thousands separators inside the object
        (
            "Tamarack has purchased a 120,000 square foot factory in Huddersfield, England.",
            [("acquired", "Huddersfield", "GB-ENG")],
        ),
        # a new site finished, or starting to produce on trial
        (
            "Tamarack has completed construction of its bottling plant in Changchun, China.",
            [("opened", "Changchun", None)],
        ),
        (
            "Tamarack's new paper mill in Kenora, Ontario started trial production this month.",
            [("opened", "Kenora", "CA-ON")],
        ),
    ],
)
def test_purchases_of_companies_and_new_sites_finished(sentence, expected):
    assert _keys(sentence) == expected


def test_a_deed_dated_by_an_earlier_year_alone_is_background():
    sentences = [
        Sentence(
            "Tamarack will restart its smelter in Hawesville, Kentucky, which was idled in 2010.",
            0,
            "body",
            0,
        )
    ]
    events, _ = find_events(sentences, headline=None, published=PUB, issuer="Tamarack Industries, Inc.")
    assert [(e.type, e.place.locality) for e in events] == [("reopened", "Hawesville")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Tamarack's mill in Cosmopolis, Washington is back in operation.",
            [("reopened", "Cosmopolis", "US-WA")],
        ),
        (
            "Tamarack will bring its idled Pekin, Illinois distillery back online in March.",
            [("reopened", "Pekin", "US-IL")],
        ),
        (
            "Tamarack completed the sale and leaseback of its facility in Fitchburg, Massachusetts.",
            [("sold", "Fitchburg", "US-MA")],
        ),
        ("Tamarack has agreed to acquire the Friesau sawmill in Germany.", [("acquired", "Friesau", None)]),
        (
            "Tamarack completed the purchase of the LPA factory at Shire Hill, Saffron Walden.",
            [("acquired", "Saffron Walden", None)],
        ),
    ],
)
def test_restarts_as_states_regained_leasebacks_and_sites_the_gazetteer_lacks(sentence, expected):
    assert _keys(sentence) == expected


def test_a_decision_told_as_already_taken_is_background():
    keys = _keys(
        "Tamarack will close its Dayton, Ohio plant, which together with our recent decision to curtail "
        "operations at Crossett, Arkansas aligns capacity with demand."
    )
    assert keys == [("closed", "Dayton", "US-OH")]


def test_a_leading_phrase_of_time_keeps_its_event_word_to_itself():
    keys = _keys(
        "After the closure of the Erie, Pa. plant, Tamarack will have two plants: one in Dayton, Ohio and "
        "another in Toledo, Ohio."
    )
    assert ("closed", "Dayton", "US-OH") not in keys and ("closed", "Toledo", "US-OH") not in keys


def test_a_past_deed_in_a_leading_clause_of_time_is_the_setting():
    keys = _keys(
        "When Tamarack acquired Birchwood Paper in 2011, it agreed to sell its mill in Kamloops, British Columbia."
    )
    assert ("sold", "Kamloops", "CA-BC") in keys
    assert all(k[0] != "acquired" for k in keys)


def test_a_passive_event_verb_takes_its_site_from_the_subject():
    keys = _keys(
        "The facilities to be closed are: the Louisville, Ky., facility and the Renton, Wash., location."
    )
    assert keys == [("closed", "Louisville", "US-KY"), ("closed", "Renton", "US-WA")]


def test_an_undated_release_tells_history_with_a_year_alone():
    sentences = [Sentence("The Dayton, Ohio facility was opened in 1961.", 0, "body", 0)]
    events, _ = find_events(sentences, headline=None, published=None, issuer="Tamarack Industries, Inc.")
    assert events == []


def test_a_site_taken_on_lease_to_run_is_an_opening():
    assert _keys("Tamarack leases an additional manufacturing plant in Durant, Oklahoma.") == [
        ("opened", "Durant", "US-OK")
    ]


def test_a_landmark_and_a_county_only_locate_the_named_site():
    assert _keys("Tamarack's new plant in Suzhou, China, near Shanghai, has begun production.") == [
        ("opened", "Suzhou", None)
    ]
    assert _keys("Tamarack will expand its Waldo sawmill located in Columbia County, Arkansas.") == [
        ("expanded", "Waldo", "US-AR")
    ]


def test_operations_that_have_stopped_are_idled():
    assert _keys("At Tamarack's Erie, Pa. mill, operations have stopped after the storm.") == [
        ("idled", "Erie", "US-PA")
    ]


def test_a_new_site_told_without_a_place_takes_the_place_the_next_sentence_gives():
    keys = _keys(
        "Tamarack today announced that it has signed the lease of a new warehouse and distribution centre.",
        "The new warehouse will be located in Stoke-on-Trent, close to its factory.",
    )
    assert keys == [("opened", "Stoke-on-Trent", None)]


def test_a_closure_told_without_a_place_takes_the_place_the_next_sentence_gives_the_site():
    keys = _keys(
        "Tamarack today announced that it will close its manufacturing plant by the end of June.",
        "The plant, located in Erie, Pennsylvania, employs approximately 200 people.",
    )
    assert keys == [("closed", "Erie", "US-PA")]


def test_work_begun_at_a_new_site_opens_it_and_a_when_clause_keeps_its_place():
    keys = _keys(
        "Tamarack said production of large valves began in June at its new Erie, Pennsylvania plant.",
        "The Erie plant is the first new plant opened by Tamarack since 1976, when Tamarack began production "
        "at its Dayton, Ohio plant.",
    )
    assert keys == [("opened", "Erie", "US-PA")]


def test_sites_named_row_by_row_in_a_table_after_an_event_on_plural_sites_take_it():
    keys = _keys(
        "Tamarack today announced a temporary phased shutdown of its plants in Japan.",
        "Name of Plant Location Main Products Shutdown Period",
        "Kurume Plant Fukuoka Tires for Passenger Cars May 28 to June 1",
        "Hikone Plant Shiga Tires for Passenger Cars May 28 to 31",
        "Production at other plants will continue as planned.",
        "Its Kumamoto Plant had record output last year.",
    )
    assert keys == [("idled", "Kurume", None), ("idled", "Hikone", None)]


def test_an_event_noun_in_a_clause_about_last_year_is_background():
    keys = _keys(
        "Sales rose 7%, although last year's third quarter was affected by a strike that forced the "
        "temporary suspension of operations at the Erie, Pa. plant."
    )
    assert keys == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Tamarack will temporarily lay off all 300 employees at its Hawesville, Kentucky mill.",
            [("idled", "Hawesville", "US-KY")],
        ),
        ("Tamarack has started up its new mill in Jesup, Georgia.", [("opened", "Jesup", "US-GA")]),
    ],
)
def test_a_whole_staff_laid_off_and_a_new_site_started_up(sentence, expected):
    assert _keys(sentence) == expected


def test_a_deals_facility_noun_covers_its_whole_list_of_towns():
    keys = _keys(
        "Tamarack has completed the sale of its automotive business to Birch Capital.",
        "The transaction included Tamarack's facilities in Eaton Rapids, Michigan; Nappanee, Indiana; "
        "and Cambridge, Ontario.",
    )
    assert keys == [
        ("sold", "Eaton Rapids", "US-MI"),
        ("sold", "Nappanee", "US-IN"),
        ("sold", "Cambridge", "CA-ON"),
    ]


def test_production_stoppages_idle_each_site_named():
    keys = _keys("Production stoppage in the rolling mill in Borlange, Sweden - weeks 30 - 33.")
    assert keys == [("idled", "Borlänge", None)]


def test_a_site_transferred_to_another_company_is_sold():
    keys = _keys("The Erie, Pa. mill and all related assets will now be transferred to Birch Paper Ltd.")
    assert keys == [("sold", "Erie", "US-PA")]


# --- parts of a site and bracketed labels ------------------------------------------------------


def test_a_participle_before_a_part_of_the_site_describes_it_and_the_verb_before_it_is_the_news():
    events = _events("Tamarack will restart the idled kiln at its Sandusky, Ohio lime works.")
    assert [(e.type, e.place.locality) for e in events] == [("reopened", "Sandusky")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tamarack will restart one of its two kilns (No. 3) at its Sandusky, Ohio lime works.",
        'Tamarack will restart its second furnace (the "East Furnace") at its Sandusky, Ohio works.',
    ],
)
def test_a_bracketed_label_between_the_event_word_and_the_place_is_read_through(sentence):
    assert _keys(sentence) == [("reopened", "Sandusky", "US-OH")]


def test_a_place_after_a_continue_to_verb_carries_on_and_is_not_the_event():
    sentence = (
        "Tamarack will curtail its No. 2 paper machine at its Escanaba, Michigan mill, "
        "and we will continue to serve customers from the Quinnesec, Michigan mill."
    )
    assert [k[1] for k in _keys(sentence)] == ["Escanaba"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a new line placed at an existing site grows that site; a new site opens
        ("Tamarack will add a new coating line at its plant in Neenah, Wisconsin.", "expanded"),
        ("Tamarack will install a new paper machine at its mill in Neenah, Wisconsin.", "expanded"),
        ("Tamarack will add a new warehouse in Neenah, Wisconsin.", "opened"),
        # a measure with a thousands separator in front of the facility noun
        ("Tamarack has acquired a 150,000-square-foot molding plant in Neenah, Wisconsin.", "acquired"),
    ],
)
def test_what_is_new_and_where_it_goes(sentence, expected):
    assert _keys(sentence) == [(expected, "Neenah", "US-WI")]


def test_an_event_sentence_ending_on_a_colon_takes_its_sites_from_the_bullets_that_follow():
    keys = _keys(
        "Tamarack will close the following plants:",
        "- Muncie, Indiana",
        "- Erie, Pennsylvania",
        "Production will move to its plant in Lexington, Kentucky.",
    )
    assert keys == [("closed", "Muncie", "US-IN"), ("closed", "Erie", "US-PA")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tamarack said Tuesday that it would shut its Muncie, Ind., plant.",
        "Tamarack will exit manufacturing at its Muncie, Indiana facility.",
    ],
)
def test_shut_without_down_and_exiting_the_work_at_a_site_close_it(sentence):
    assert _keys(sentence) == [("closed", "Muncie", "US-IN")]


def test_a_furlough_of_a_whole_staff_idles_the_site():
    assert _keys("Tamarack will furlough all hourly workers at its Muncie, Indiana plant.") == [
        ("idled", "Muncie", "US-IN")
    ]


def test_a_site_consolidated_into_another_may_be_described_at_length_first():
    sentence = (
        "Tamarack will consolidate the operations of its Muncie, Indiana-based Birchline Controls "
        "subsidiary, which makes valve actuators and flow meters for water utilities across the Midwest, "
        "into its Dayton, Ohio facility."
    )
    assert _keys(sentence) == [("closed", "Muncie", "US-IN")]


def test_the_closure_named_again_after_a_temporary_closure_is_that_idling():
    keys = _keys(
        "Tamarack announced the temporary closure of its Muncie, Indiana plant.",
        "Depending on the length of the closure of the Muncie plant, results could be affected.",
    )
    assert keys == [("idled", "Muncie", "US-IN")]


# --- an event told without a place: the dateline town's, when the release names it again ------


def _release(text):
    from companies.importer.extract import extract

    return [(e.type, e.place.locality, e.confidence < 0.9) for e in extract(text).events]


def test_an_unplaced_event_is_the_dateline_towns_when_the_release_names_that_town_again():
    text = (
        "MARLOW, Okla., May 4, 2015 -- Quenby Alloys, LLC said today it will resume operations "
        "after reaching a new power agreement with its utility. The agreement keeps the Marlow "
        "smelter competitive for three more years."
    )
    assert _release(text) == [("reopened", "Marlow", True)]


def test_an_unplaced_event_stays_unplaced_when_the_dateline_town_is_only_the_seat():
    text = (
        "MARLOW, Okla., May 4, 2015 -- Quenby Alloys, LLC, headquartered in Marlow, said today it "
        "will resume operations after reaching a new power agreement with its utility."
    )
    assert _release(text) == []


def test_a_results_release_curtailment_without_a_place_is_no_event_at_the_dateline():
    text = (
        "Quenby Alloys Reports Second Quarter Results\n\n"
        "MARLOW, Okla., Aug. 4, 2015 -- Quenby Alloys, LLC reported lower sales as it curtailed "
        "production during the quarter. Marlow remains the company's home."
    )
    assert _release(text) == []


@pytest.mark.parametrize("subject", ["The Company", "The Corporation", "The Group"])
def test_the_issuer_named_by_its_generic_noun_is_the_issuer_not_another_company(subject):
    assert _keys(f"{subject} will move its Ogden, Utah operations into its Boise, Idaho plant.") == [
        ("closed", "Ogden", "US-UT")
    ]


def test_a_site_bought_from_its_owner_named_with_a_possessive_is_an_acquisition():
    assert _keys("Tamarack will acquire Halvard Paper's Wallingford, Connecticut mill.") == [
        ("acquired", "Wallingford", "US-CT")
    ]


def test_a_shutdown_told_after_an_idling_is_the_idlings_schedule():
    keys = _keys(
        "Tamarack will indefinitely idle the pulp and paper operations at its Espanola, Ontario, facility.",
        "The pulp mill will shut down in early October and the paper machines by early November.",
    )
    assert keys == [("idled", "Espanola", "CA-ON")]


def test_the_opening_of_a_recommissioned_facility_is_a_restart():
    assert _keys(
        "Tamarack held the grand opening of its recommissioned shingle plant in Brampton, Ontario."
    ) == [("reopened", "Brampton", "CA-ON")]


def test_a_buyer_acquiring_the_issuers_site_is_the_issuers_sale():
    assert _keys(
        "Under the agreement, Coastline Growers will acquire Tamarack's Modesto, California cannery.",
        issuer="Tamarack Industries, Inc.",
    ) == [("sold", "Modesto", "US-CA")]


def test_operations_that_have_been_suspended_are_news_and_their_foreseen_restart_is_not_a_second_event():
    keys = _keys(
        "The operation of the Group's factories in Shenzhen and Dongguan has also been suspended temporarily.",
        "The operation of the factories in Shenzhen is expected to resume from 17 February.",
        issuer="Tamarack Holdings Limited",
    )
    assert ("idled", "Shenzhen", None) in [(k[0], k[1], None) for k in keys]
    assert ("idled", "Dongguan", None) in [(k[0], k[1], None) for k in keys]
    assert not [k for k in keys if k[0] == "reopened"]


def test_a_mill_that_has_been_idle_for_years_is_a_state_not_news():
    assert _keys("The Tamarack mill in Erie, Pa., has been idle since 2019.") == []


def test_a_site_chosen_to_build_a_plant_on_is_an_opening():
    assert _keys(
        "Tamarack has chosen a 400-acre site in Waco, Texas, to build its third assembly plant."
    ) == [("opened", "Waco", "US-TX")]


def test_the_buyers_own_seat_before_the_deal_is_not_the_seat_of_the_company_bought():
    assert _keys(
        "Tamarack, headquartered in Atlanta, Georgia, completed its acquisition of the assets of "
        "Valley Plastics of Warren, Ohio, a maker of water bottles."
    ) == [("acquired", "Warren", "US-OH")]


def test_a_deal_told_again_from_the_other_side_is_one_event():
    keys = _keys(
        "Tamarack has announced the sale of its Kansas City, Kan., facility to Marlow Pet Foods, Inc.",
        '"We are pleased with the acquisition of the Kansas City facility by Marlow," the chief executive said.',
    )
    assert keys == [("sold", "Kansas City", "US-KS")]


def test_a_past_event_told_as_the_time_of_another_is_background():
    keys = _keys(
        "Tamarack announced the closure of its paper mill in Wickliffe, Kentucky.",
        "About 300 employees were furloughed when the mill was idled in November, and a small crew stayed.",
    )
    assert keys == [("closed", "Wickliffe", "US-KY")]


def test_a_site_returned_to_full_production_is_a_restart():
    assert _keys(
        "Tamarack has completed repairs and returned the Bogalusa, Louisiana mill to full production."
    ) == [("reopened", "Bogalusa", "US-LA")]


@pytest.mark.parametrize("when", ["next year", "this year", "by the end of the quarter"])
def test_closing_a_site_next_year_is_no_closing_of_the_year(when):
    assert _keys(f"Tamarack will close its Muncie, Indiana plant {when}.") == [("closed", "Muncie", "US-IN")]


def test_setting_up_a_new_plant_is_an_opening():
    assert _keys("Tamarack India Limited will set up a new plant at Pune in Maharashtra.") == [
        ("opened", "Pune", None)
    ]


def test_operation_in_the_singular_is_a_sites_work():
    assert _keys("Tamarack said the Erie, Pa. mill, damaged by the flood, resumed operation on May 12.") == [
        ("reopened", "Erie", "US-PA")
    ]


def test_the_ribbon_cutting_of_a_recommissioned_site_is_its_restart():
    keys = _keys(
        "Tamarack held the grand opening of its recommissioned shingle plant in Brampton, Ontario.",
        "Guests will attend the ribbon-cutting ceremony and tour the plant on May 26.",
    )
    assert keys == [("reopened", "Brampton", "CA-ON")]


def test_an_earlier_announcement_told_again_is_a_recap_not_news():
    # a results release recaps the quarter: the shutdown was announced weeks before it
    recap = "On December 20, 2011, the Company announced the temporary shutdown of its plant in Erie, Pennsylvania."
    assert _keys(recap) == []
    # the same words a few days after the announcement are still its news
    fresh = (
        "On March 2, 2012, the Company announced the temporary shutdown of its plant in Erie, Pennsylvania."
    )
    assert _keys(fresh) == [("idled", "Erie", "US-PA")]


def test_an_event_noun_that_only_qualifies_money_is_results_reporting():
    results = "Results included after-tax Erie mill closure charges of $28.8 million, or $0.57 per share."
    assert _keys(results) == []
    # the deed itself beside its costs is still the news
    news = "Tamarack will close its Erie, Pennsylvania mill and record closure costs of $5 million."
    assert _keys(news) == [("closed", "Erie", "US-PA")]


def test_a_dateline_town_the_gazetteer_lacks_places_the_bare_mentions_after_it():
    dateline = PlaceRef(locality="Krøllerup", country="DK", resolved=False)
    sentences = [
        Sentence(
            "Tamarack will invest in the expansion of its existing facilities in Krøllerup.", 0, "body", 0
        )
    ]
    events, _ = find_events(sentences, headline=None, published=PUB, issuer="Tamarack A/S", dateline=dateline)
    assert [(e.type, e.place.locality, e.place.country) for e in events] == [("expanded", "Krøllerup", "DK")]


def test_a_named_division_is_a_site_and_its_trade_no_town():
    assert _keys(
        "Tamarack today announced the expansion of its Structural and Rail Division located in Muncie, Indiana.",
        '"This will expand our Structural and Rail Division\'s offerings," said the chief executive.',
    ) == [("expanded", "Muncie", "US-IN")]


def test_the_issuers_own_subsidiary_named_as_subject_is_the_issuer():
    assert _keys(
        "Tamarack Industries announced that its subsidiary, Birchwood Paper Company, plans to permanently "
        "shut down its paper machine in Muncie, Indiana."
    ) == [("closed", "Muncie", "US-IN")]


def test_the_addition_of_equipment_at_a_site_expands_it():
    assert _keys(
        "Tamarack announced the addition of a coating line and a paint line at its Muncie, Indiana facility."
    ) == [("expanded", "Muncie", "US-IN")]


def test_a_deal_done_weeks_before_the_release_is_the_setting_of_its_news():
    events = find_events(
        [
            Sentence(
                "Tamarack will shut two production lines at its recently acquired Muncie, Indiana plant.",
                0,
                "body",
                0,
            ),
            Sentence(
                "Tamarack acquired the Muncie facility on January 20, 2012 for $22 million.", 1000, "body", 1
            ),
        ],
        headline="Tamarack to shut lines at Muncie plant",
        published=PUB,
        issuer="Tamarack Industries, Inc.",
    )[0]
    assert [(e.type, e.place.locality) for e in events] == [("closed", "Muncie")]


def test_an_event_noun_dated_months_before_the_release_is_history():
    events = find_events(
        [
            Sentence(
                "Sales fell, including the impact from the sale of the company's mill in Muncie, Indiana in "
                "October 2011, partially offset by higher prices.",
                0,
                "body",
                0,
            )
        ],
        headline="Tamarack reports fourth quarter results",
        published=PUB,
        issuer="Tamarack Industries, Inc.",
    )[0]
    assert events == []


def test_an_event_told_in_the_past_with_a_month_and_year_months_before_is_history():
    events = find_events(
        [
            Sentence(
                "Tamarack closed its Muncie, Indiana plant in October 2011 and cut 90 jobs.", 0, "body", 0
            )
        ],
        headline="Tamarack reports fourth quarter results",
        published=PUB,
        issuer="Tamarack Industries, Inc.",
    )[0]
    assert events == []
