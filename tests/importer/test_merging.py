"""How candidates become a release's events (``importer.merging``): one event per kind and
place, a restart foreseen folded into its stop. Our own sentences."""

from datetime import date

from companies.importer.extract import extract
from tests.importer.sentences import event_keys, events_in


def test_a_new_plant_within_an_expansion_already_told_is_that_expansion():
    assert event_keys(
        "Tamarack will invest $40 million in the expansion of its existing facilities in Dayton, Ohio.",
        "The plans also include the construction of a new plant next to the existing facilities.",
    ) == [("expanded", "Dayton", "US-OH")]


def test_a_shutdown_whose_restart_is_foreseen_is_an_idling():
    assert event_keys(
        "After the storm, the mill in Dayton, Ohio went through an orderly shutdown on Tuesday.",
        "Full production at the mill is expected to resume within the next week.",
    ) == [("idled", "Dayton", "US-OH")]


def _keys(*sentences, headline):
    events = events_in(*sentences, issuer="Tamarack", published=date(2012, 7, 20), headline=headline)
    return [(e.type, e.place.locality) for e in events]


def test_a_restart_in_the_headline_is_the_news_and_the_idling_told_in_the_past_its_background():
    body = (
        "The Dayton, Ohio mill was idled on June 30 because of weak demand.",
        "Tamarack will restart the mill on August 1.",
    )
    assert _keys(*body, headline="Tamarack to restart Dayton mill") == [("reopened", "Dayton")]
    # without the headline's word, the restart is the foreseen end of the idling told
    assert _keys(*body, headline="Tamarack reports on its Dayton mill") == [("idled", "Dayton")]


def test_an_idling_announced_with_its_foreseen_end_stays_an_idling():
    assert _keys(
        "Tamarack will idle its Dayton, Ohio mill on June 30.",
        "Production is expected to resume on August 1.",
        headline="Tamarack to idle Dayton mill",
    ) == [("idled", "Dayton")]


def test_an_event_told_without_a_place_takes_the_dateline_town_only_for_the_headlines_kind():
    proposal = extract(
        "Kestrel Fibers Announces Operational Restart\n\n"
        "ELMA, Wash., Nov. 2, 2020 - After temporarily suspending operations in May 2020 because of weak "
        "markets, Kestrel Fibers has served its customers from inventory. With markets improving, Kestrel "
        "Fibers will restart its pulp mill in mid-November.\n\n"
        "Kestrel Fibers makes dissolving pulp at its mill in Elma.\n"
    )
    assert [(e.type, e.place.locality) for e in proposal.events] == [("reopened", "Elma")]


def test_a_deal_the_body_tells_at_length_takes_the_site_its_headline_names():
    text = (
        "Kestrel Paper Agrees to Sell Kamloops Pulp Mill\n\n"
        "VANCOUVER, BRITISH COLUMBIA, June 23, 2016 - Kestrel Paper Ltd. announced that it has signed an "
        "agreement with Birch Energy, L.P., providing for the sale of the buildings, equipment and other "
        "ancillary property relating to the idle pulp mill and sawmill, as well as related equipment, "
        "located in Kamloops, British Columbia, for $15 million.\n"
    )
    assert [(e.type, e.place.locality) for e in extract(text).events] == [("sold", "Kamloops")]


def test_a_headline_word_the_body_only_writes_in_lower_case_is_no_site():
    text = (
        "Kestrel Completes Purchase of Two Gas Plants\n\n"
        "DALLAS, April 4, 2016 - Kestrel Power has acquired two natural gas plants in Texas, closing the "
        "purchase of the generating assets today.\n"
    )
    assert extract(text).events == []


def test_an_idling_told_in_the_past_months_before_a_restart_is_its_background():
    events = events_in(
        "Kestrel temporarily suspended operations at its Cosmopolis, Washington pulp mill in May 2020.",
        "With markets improving, Kestrel will restart the mill in mid-November.",
        issuer="Kestrel",
        published=date(2020, 11, 2),
    )
    assert [(e.type, e.place.locality) for e in events] == [("reopened", "Cosmopolis")]
