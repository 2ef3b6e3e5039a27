"""How candidates become a release's events (``importer.merging``): one event per kind and
place, a restart foreseen folded into its stop. Our own sentences."""

from datetime import date

from tests.importer.sentences import events_in


def _keys(*body):
    events = events_in(*body, issuer="Tamarack Industries, Inc.", published=date(2012, 3, 6))
    return [(e.type, e.place.locality, e.place.region) for e in events]


def test_a_new_plant_within_an_expansion_already_told_is_that_expansion():
    assert _keys(
        "Tamarack will invest $40 million in the expansion of its existing facilities in Dayton, Ohio.",
        "The plans also include the construction of a new plant next to the existing facilities.",
    ) == [("expanded", "Dayton", "US-OH")]


def test_a_shutdown_whose_restart_is_foreseen_is_an_idling():
    assert _keys(
        "After the storm, the mill in Dayton, Ohio went through an orderly shutdown on Tuesday.",
        "Full production at the mill is expected to resume within the next week.",
    ) == [("idled", "Dayton", "US-OH")]
