"""Whether a verb that acts on a facility has a facility for its object."""

import pytest

from companies.importer.triggers import find_triggers
from companies.importer.verb_objects import acts_on_other_than_site


def _other_object(sentence: str) -> bool:
    trigger = find_triggers(sentence)[0]
    return acts_on_other_than_site(sentence, trigger)


@pytest.mark.parametrize(
    ("sentence", "other"),
    [
        # a site, a preposition, an adverb or a place name after the verb: the site is acted on
        ("Tamarack will close the Dayton plant in June.", False),
        ("Tamarack will close in June the plant it runs in Dayton.", False),
        ("The Dayton plant will close permanently.", False),
        ("Tamarack will close Dayton by the end of the year.", False),
        # a product named before the work is the site's work
        ("Tamarack will curtail pulp production at Dayton.", False),
        ("Tamarack will halt engine assembly at its Erie works.", False),
        # the work of a mine or smelter as a gerund
        ("Tamarack has restarted mining at its Erie mine.", False),
        # the passive: the object is the subject before the verb
        ("The facilities to be closed are in Dayton and Erie.", False),
        # something other than a site after the verb
        ("A storm closed roads around the Dayton plant.", True),
        ("The flood closed the highway for two days.", True),
        ("A storm closed this road for a week.", True),
        # a label in quotes or brackets between the determiner and the site does not end it
        ('Tamarack will restart the "B" blast furnace at its Erie works.', False),
        ("Tamarack will restart one of its two blast furnaces (No. 2) at Erie.", False),
        # a share or a lease of a site is the site's deal, its term an aside
        (
            "Tamarack has acquired the long leasehold interest, to expire in 2150, of a warehouse in Erie.",
            False,
        ),
        ("Tamarack sold its 50% interest in the Erie mill.", False),
        # a span of time after "this" is no object
        ("Production at the Dayton mill resumed this week.", False),
    ],
)
def test_the_object_of_the_verb(sentence, other):
    assert _other_object(sentence) is other
