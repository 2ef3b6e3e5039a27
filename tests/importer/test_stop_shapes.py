"""Temporary stops, restarts and openings told over two sentences, with a period ahead, through
their workers or in other wire phrasings, in our own sentences."""

from datetime import date

from tests.importer.sentences import event_keys, events_in


def test_a_stop_planned_in_a_coming_quarter_is_an_idling():
    # "in the first quarter" with a past form is a results release's record of the period;
    # "will be curtailed ... in the first quarter" is the plan announced
    keys = event_keys(
        "Work at the sawmill in Houston, B.C. will be curtailed for one week in the first quarter.",
    )
    assert keys == [("idled", "Houston", "CA-BC")]


def test_a_stop_recorded_in_the_quarter_is_still_background():
    keys = event_keys("During the quarter, the company idled its sawmill in Houston, B.C. for one week.")
    assert keys == []


def test_sites_listed_after_a_temporary_shutdown_share_its_kind():
    keys = event_keys(
        "Tamarack announced the temporary shutdown of three mills for two weeks.",
        "Its mills in Quesnel, Williams Lake and Merritt, British Columbia will all shut down production "
        "beginning Monday.",
    )
    assert sorted(keys) == [
        ("idled", "Merritt", "CA-BC"),
        ("idled", "Quesnel", "CA-BC"),
        ("idled", "Williams Lake", "CA-BC"),
    ]


def test_a_shutdown_after_an_unrelated_sentence_stays_a_closure():
    keys = event_keys(
        "Tamarack reported higher shipments for the quarter.",
        "Its mill in Quesnel, British Columbia will shut down at the end of June.",
    )
    assert keys == [("closed", "Quesnel", "CA-BC")]


def test_a_mill_named_for_its_company_is_no_village_in_a_list():
    keys = event_keys(
        "Tamarack will curtail production for two weeks at Birchfield Lumber in Quesnel, Ridgeline Timber in "
        "Merritt and Alder Creek Products in Williams Lake, British Columbia.",
    )
    assert {town for _, town, _ in keys} == {"Quesnel", "Merritt", "Williams Lake"}


def test_workers_called_back_to_a_site_restart_it():
    assert event_keys("Tamarack has called back 230 workers to its Erie, Pa. factory.") == [
        ("reopened", "Erie", "US-PA")
    ]
    assert event_keys("Tamarack recalled 150,000 vehicles built at its Erie, Pa. plant.") == []


def test_the_end_of_a_stop_is_a_restart():
    for sentence in (
        "Tamarack announced the end of the temporary curtailment at its Erie, Pa. mill.",
        "Tamarack has lifted the production curtailment at its Erie, Pa. mill.",
        "Tamarack will end the downtime of its Erie, Pa. sawmill next week.",
        "Tamarack said the temporary shutdown of its Erie, Pa. plant will end on Monday.",
    ):
        assert event_keys(sentence) == [("reopened", "Erie", "US-PA")], sentence


def test_a_stop_lasting_until_its_end_is_no_restart():
    assert event_keys("The Erie, Pa. mill will stay idle until the end of the curtailment in May.") == [
        ("idled", "Erie", "US-PA")
    ]


def test_a_stop_dated_at_the_opening_of_the_sentence_a_year_back_is_history():
    events = events_in(
        "In April 2018, the company halted production at its Erie, Pa. plant due to lower demand.",
        issuer="Tamarack Industries, Inc.",
        published=date(2019, 4, 1),
    )
    assert events == []


def test_the_stop_a_restart_ends_told_after_it_is_background():
    keys = event_keys(
        "Tamarack has restarted production at its tire plant in Erie, Pa., ending a five-week hiatus.",
        "The company started scaling back production at the factory on March 22 in preparation for "
        "suspending production completely on March 29.",
    )
    assert keys == [("reopened", "Erie", "US-PA")]


def test_a_stop_planned_after_a_restart_is_still_news():
    keys = event_keys(
        "Tamarack has restarted production at its tire plant in Erie, Pa.",
        "The company will suspend production at the Erie, Pa. factory again for two weeks in July.",
    )
    assert sorted(keys) == [("idled", "Erie", "US-PA"), ("reopened", "Erie", "US-PA")]


def test_more_ways_a_site_restarts():
    for sentence in (
        "The Erie, Pa. smelter will return to full capacity by June.",
        "Tamarack recommenced production at its Erie, Pa. mill on Monday.",
        "Tamarack has re-commissioned its Erie, Pa. plant.",
        "Tamarack said its Erie, Pa. mill is running again.",
        "Tamarack has started up its Erie, Pa. mill again.",
    ):
        assert event_keys(sentence) == [("reopened", "Erie", "US-PA")], sentence


def test_more_ways_a_new_site_opens():
    for sentence in (
        "Tamarack unveiled its new Erie, Pa. facility on Tuesday.",
        "Tamarack has begun operations at its newly built Erie, Pa. plant.",
    ):
        assert event_keys(sentence) == [("opened", "Erie", "US-PA")], sentence


def test_longer_stops_at_named_towns_after_a_stop_of_every_mill():
    # the curtailment nouns place the stop at the towns after "at", without a facility noun
    keys = event_keys(
        "Its sawmills in British Columbia will be curtailed for two weeks, with extended "
        "curtailments of four weeks at Quesnel and Chetwynd."
    )
    assert ("idled", "Quesnel", "CA-BC") in keys
    assert ("idled", "Chetwynd", "CA-BC") in keys


def test_fewer_hours_run_at_a_site_is_an_idling():
    keys = event_keys(
        "The company will also be reducing operating levels from 120 hours per week to 80 at its Quesnel, B.C. mill."
    )
    assert keys == [("idled", "Quesnel", "CA-BC")]
