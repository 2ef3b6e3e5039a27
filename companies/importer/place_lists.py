"""Places named in lists: the towns listed before the one a facility word follows ("the Dayton,
Erie and Akron plants"), and villages the gazetteer lacks listed after a town it holds ("in
Quebec City, Masson Angers, and Riviere de Loup"); a town listed after others is looked for in
their area first. Used by ``spans``' sentence reader.

Pure Python: no Django, no network.
"""

from __future__ import annotations

import re

from . import places
from .place_names import (
    _LOCALITY,
    _area,
    _country_code,
    _lookup,
    _resolve,
    _strip_stop,
    _tokens,
    conventional,
)
from .proposal import PlaceRef

# a name with its own place after it: a site or its company, not a village ("Apollo Mills in X")
_PLACED_AFTER = r"\s+(?:in|at|near)\s+[A-Z]"
# a town and the list mark after it, right before another place: "Dayton, " / "Erie and "
# (a site's other name in brackets may follow the town: "its Alpha (Betaco) and Gamma smelters")
_LIST_BEFORE = re.compile(rf"(?P<loc>{_LOCALITY})(?:\s*\([^()]{{1,30}}\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")


def _add_listed_before(
    sentence, start, known, default_country, named, issuer_words, add, free, anchor=None
) -> list[PlaceRef]:
    """The towns listed before the one at ``start`` ("A, B and C plants"), while each resolves;
    a name with namesakes is first looked for in the region of the town it is listed with.
    Returns the places added."""
    country = anchor.country if anchor is not None else default_country
    added: list[PlaceRef] = []
    lb = _LIST_BEFORE.search(sentence, 0, start)
    while lb and free(lb.start("loc"), lb.end("loc")):
        words = _strip_stop(_tokens(lb.group("loc")))
        if not words or set(words) & issuer_words:
            return added
        ref, name = None, ""
        for n in range(min(3, len(words)), 0, -1):
            name = " ".join(words[-n:])
            if anchor is not None and anchor.region:
                near = _resolve(name, region=anchor.region, country=anchor.country)
                if near.resolved:
                    ref = conventional(near, anchor.region)
                    break
            ref = _lookup(name, known, country, named)
            if ref is not None:
                break
        if ref is None:
            return added
        ref.text = name
        begin = lb.end("loc") - len(name)
        add(begin, lb.end("loc"), ref)
        added.append(ref)
        lb = _LIST_BEFORE.search(sentence, 0, begin)
    return added


def _village_listed_with(
    town: PlaceRef, loc_text: str, issuer_words: frozenset[str]
) -> tuple[PlaceRef | None, str]:
    """A name the gazetteer lacks, listed after a town it holds, kept in that town's region for
    the editor: "located in Quebec City, Masson Angers, and Riviere de Loup"."""
    words = _strip_stop(loc_text.split(". ")[0].rstrip(".,").split())[:4]
    if (
        not words
        or set(words) & issuer_words
        or not all(
            w[:1].isupper() and w[1:2].islower() or w in ("de", "du", "la", "le", "sur") for w in words
        )
        or not words[-1][:1].isupper()
    ):
        return None, ""
    name = " ".join(words)
    if _area(name) is not None or _country_code(name):
        return None, ""
    return PlaceRef(locality=name, region=town.region, country=town.country, resolved=False), name


def _world_city(name: str, ref: PlaceRef | None) -> bool:
    """Whether ``ref`` is a big city by its own name ("Paris"), which no namesake near a listed
    town outweighs."""
    return (
        ref is not None
        and ref.resolved
        and any(
            m.city.country == ref.country
            and not m.alternate
            and m.city.population >= places.BIG_CITY_POPULATION
            for m in places.get_gazetteer().lookup(name)
        )
    )


def _near(name: str, town: PlaceRef) -> PlaceRef | None:
    """``name`` as a namesake in the area of the ``town`` it is listed with, if it has one there."""
    if town.country is None:
        return None
    near = _resolve(name, region=town.region, country=town.country)
    return conventional(near, town.region) if near.resolved else None
