"""Confidence that means something: the rules' score mapped to measured precision.

The event finder scores each proposal by how it was found (0.95 for an event word and a
resolved place in one clause, 0.6 for a part of a site, 0.7 for a place taken from an earlier
sentence ...). Those numbers order proposals but are not probabilities. This module maps
them to the share of proposals that were right on labelled releases, so that "accept at
0.9 or more" on the import page means "nine in ten of these were right when we measured".

The map is data, not code: ``data/confidence.json``, written by
``manage.py fit_confidence`` (see that command for the corpora it reads). It holds, for each
raw score and for whether the place is the release's dateline town, how many proposals were
made and how many were right; the fitted precision is an isotonic (never decreasing in the
raw score) regression of those counts, with add-one smoothing so a bin seen twice never
claims certainty. A place that is the dateline town is held at or below ``DATELINE_CEILING``
whatever was measured: the dateline is where the release was written, and a sentence that
names only it is the commonest wrong place an editor has to fix.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .proposal import PlaceRef, ProposedEvent

DATA_FILE = Path(__file__).with_name("data") / "confidence.json"

# a dateline town never reaches the confidence of a place the sentence ties to its event word
DATELINE_CEILING = 0.9


@dataclass(frozen=True, slots=True)
class Observation:
    """One proposal made on a labelled release: its raw score, where, and whether it was right."""

    raw: float
    at_dateline: bool
    correct: bool


def fit(observations: Iterable[Observation]) -> dict:
    """The calibration table for ``observations``: counts per (dateline?, raw score) and the
    isotonic, add-one-smoothed precision of each bin. JSON-ready."""
    counts: dict[tuple[bool, float], list[int]] = {}
    for o in observations:
        bucket = counts.setdefault((o.at_dateline, round(o.raw, 2)), [0, 0])
        bucket[0] += 1
        bucket[1] += int(o.correct)
    table: dict[str, list[dict]] = {}
    for flag in (False, True):
        bins = sorted((raw, n, k) for (f, raw), (n, k) in counts.items() if f == flag)
        fitted = _isotonic([(k + 1, n + 2) for _, n, k in bins])
        table["dateline" if flag else "elsewhere"] = [
            {"raw": raw, "proposed": n, "correct": k, "precision": round(p, 3)}
            for (raw, n, k), p in zip(bins, fitted, strict=True)
        ]
    return table


def _isotonic(ratios: list[tuple[int, int]]) -> list[float]:
    """Pool adjacent violators: the closest non-decreasing sequence to the ratios k/n, each
    weighted by n."""
    blocks: list[list[float]] = []  # [numerator, denominator, size]
    for k, n in ratios:
        blocks.append([k, n, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            k2, n2, s2 = blocks.pop()
            blocks[-1][0] += k2
            blocks[-1][1] += n2
            blocks[-1][2] += s2
    out: list[float] = []
    for k, n, size in blocks:
        out.extend([k / n] * int(size))
    return out


@lru_cache(maxsize=1)
def _table() -> dict:
    if not DATA_FILE.exists():
        return {}
    return json.loads(DATA_FILE.read_text(encoding="utf-8")).get("bins", {})


def calibrate(raw: float, *, at_dateline: bool, table: dict | None = None) -> float:
    """The measured precision of proposals scored ``raw``: the fitted bin at or just below it
    (the raw score itself when nothing was measured), capped for dateline towns."""
    table = _table() if table is None else table
    bins = table.get("dateline" if at_dateline else "elsewhere") or []
    below = [b for b in bins if b["raw"] <= round(raw, 2) + 1e-9]
    value = below[-1]["precision"] if below else raw
    if at_dateline:
        value = min(value, DATELINE_CEILING)
    return round(value, 3)


def same_town(
    locality: str | None, country: str | None, other: str | None, other_country: str | None
) -> bool:
    """Whether two places are one town: the same name, and the same country when both say."""
    if not locality or not other or locality.casefold() != other.casefold():
        return False
    return not (country and other_country and country != other_country)


def at_dateline(place: PlaceRef, dateline: PlaceRef | None) -> bool:
    """Whether ``place`` is the dateline's town."""
    if dateline is None:
        return False
    return same_town(place.locality, place.country, dateline.locality, dateline.country)


def apply(events: list[ProposedEvent], dateline: PlaceRef | None) -> None:
    """Replace each event's raw score by its calibrated confidence, in place."""
    for event in events:
        event.confidence = calibrate(event.confidence, at_dateline=at_dateline(event.place, dateline))
