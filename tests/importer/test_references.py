"""Places an event word names by reference (``importer.references``): "there", "it", a term the
release defined for a place. Our own sentences."""

from datetime import date

from tests.importer.sentences import events_in


def _events(*sentences: str) -> list[tuple[str, str]]:
    events = events_in(*sentences, issuer="Halcyon Industries, Inc.", published=date(2022, 4, 28))
    return [(e.type, e.place.locality) for e in events]


def test_there_names_the_town_told_just_before_the_event_word():
    assert _events(
        "Halcyon acquired a plant in Erie, Pa. last year and now plans to expand production there."
    ) == [
        ("acquired", "Erie"),
        ("expanded", "Erie"),
    ]
    # a seat is no site, whatever "there" points back to
    assert _events("Halcyon, headquartered in Erie, Pa., will expand production there.") == []


def test_it_after_an_event_word_is_the_site_named_just_before():
    assert _events("Halcyon has acquired the idled mill in Erie, Pa. and plans to restart it.") == [
        ("acquired", "Erie"),
        ("reopened", "Erie"),
    ]


def test_a_term_defined_for_a_site_names_it_in_a_later_sentence():
    events = events_in(
        "In March Tamarack said it had received a non-binding offer for an operational property in Dayton, "
        'Ohio (the "Property").',
        "Tamarack is now pleased to announce the sale of the Property to Birch Developments Limited.",
        issuer="Tamarack",
        published=date(2022, 4, 28),
    )
    assert [(e.type, e.place.locality) for e in events] == [("sold", "Dayton")]


def test_a_term_defined_for_a_unit_names_where_its_work_stops():
    events = events_in(
        'Tamarack will combine its coatings unit located in Dayton, Ohio ("DCU") with its unit in Erie, Pa.',
        "When the work is done, all manufacturing operations at DCU will cease.",
        issuer="Tamarack",
        published=date(2022, 4, 28),
    )
    assert ("closed", "Dayton") in [(e.type, e.place.locality) for e in events]
