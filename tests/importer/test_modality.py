"""Whether an event word announces something, read from the words around it."""

import pytest

from companies.importer.clauses import Clause
from companies.importer.modality import modality
from companies.importer.triggers import find_triggers


def _mood(sentence: str) -> str:
    trigger = find_triggers(sentence)[0]
    return modality(sentence, Clause(0, len(sentence)), trigger)


@pytest.mark.parametrize(
    ("sentence", "mood"),
    [
        ("Acme will close its plant in Dayton.", "asserted"),
        ("Acme will not close its plant in Dayton.", "negated"),
        ("Acme may close its plant in Dayton.", "hedged"),
        ("The new line will allow Acme to expand its plant in Dayton.", "hedged"),
        ("With our recent decision to curtail output at Dayton, capacity fits demand.", "background"),
        ("When Acme acquired Birch Paper in 2011, it agreed to a sale.", "background"),
        ("The Dayton plant has been idle since 2019.", "background"),
    ],
)
def test_modality_of_the_first_event_word(sentence, mood):
    assert _mood(sentence) == mood
