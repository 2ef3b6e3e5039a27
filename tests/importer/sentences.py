"""The event finder run on sentences of our own, for the shape tests: one place to build the
``Sentence`` list and call ``find_events`` (each test file had written it out)."""

from __future__ import annotations

from datetime import date

from companies.importer.events import find_events
from companies.importer.proposal import ProposedEvent
from companies.importer.text import Sentence


def events_in(
    *sentences: str, issuer: str, published: date, headline: str | None = None
) -> list[ProposedEvent]:
    """The events found in ``sentences``, read as consecutive body sentences of one release."""
    events, _ = find_events(
        [Sentence(text, i * 1000, "body", i) for i, text in enumerate(sentences)],
        headline=headline,
        published=published,
        issuer=issuer,
    )
    return events


def event_keys(*sentences: str, issuer: str = "Tamarack Industries, Inc.") -> list[tuple]:
    """(type, town, region) of each event in ``sentences``, published on 6 March 2012."""
    events = events_in(*sentences, issuer=issuer, published=date(2012, 3, 6))
    return [(e.type, e.place.locality, e.place.region) for e in events]
