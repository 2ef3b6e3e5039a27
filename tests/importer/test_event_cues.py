"""Cues the event finder reads around an event word: here, whether a site is its subject."""

from companies.importer.clauses import Clause
from companies.importer.event_cues import site_subject
from companies.importer.spans import find_mentions
from companies.importer.triggers import find_triggers
from tests.importer.sentences import event_keys


def _site_subject(sentence: str) -> bool:
    trigger = find_triggers(sentence)[-1]
    return site_subject(sentence, Clause(0, len(sentence)), trigger, find_mentions(sentence))


def test_a_site_with_its_facility_word_before_a_long_list_of_towns_is_the_subject():
    assert _site_subject(
        "The plants in Erie, Pennsylvania; Tulsa, Oklahoma; and Dayton, Ohio will begin a phased restart."
    )


def test_a_town_without_a_facility_word_or_with_a_verb_between_is_not():
    assert not _site_subject("Sales in Erie, Pennsylvania rose, and the company plans a phased restart.")
    assert not _site_subject("The plant in Erie, Pennsylvania makes valves and needs a restart.")


def test_each_town_of_a_long_subject_list_takes_the_event_noun():
    assert event_keys(
        "The company's plants in Erie, Pennsylvania; Tulsa, Oklahoma; and Dayton, Ohio will begin a "
        "phased restart the week of May 4."
    ) == [("reopened", "Erie", "US-PA"), ("reopened", "Tulsa", "US-OK"), ("reopened", "Dayton", "US-OH")]
