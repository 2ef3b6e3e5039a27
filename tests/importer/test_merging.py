"""How candidates become a release's events (``importer.merging``): one event per kind and
place, a restart foreseen folded into its stop. Our own sentences."""

from tests.importer.sentences import event_keys


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
