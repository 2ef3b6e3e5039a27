"""An event candidate while a release is read, and how candidates are compared (shared by the
event finder and its parts)."""

from __future__ import annotations

from dataclasses import dataclass

from .effective import Effective
from .proposal import PlaceRef
from .text import Sentence


@dataclass(slots=True)
class _Candidate:
    type: str
    place: PlaceRef
    evidence: Sentence
    confidence: float
    facility: str | None
    kind: str | None
    effective: Effective | None
    employees: int | None
    counterparty: str | None
    order: int
    past: bool = False  # told in a past tense ("was idled in August")


def _within(area: _Candidate, other: _Candidate) -> bool:
    """Whether ``other`` is the same event, told in the same sentence, at a town inside ``area``."""
    return (
        other is not area
        and other.type == area.type
        and other.place.locality is not None
        and other.evidence.text == area.evidence.text
        and other.place.country == area.place.country
        and area.place.region in (None, other.place.region)
    )


def _pkey(p: PlaceRef) -> tuple:
    return ((p.locality or "").casefold(), p.region, p.country)
