"""Where a sentence writes a place as "Locality, Region": the comma is rare, so it is found
first and the words on either side are read ("Jewett City, Connecticut", "Lüdenscheid (North
Rhine-Westphalia)"); and what the region part names (``region_after``: a state, a country, a
county of a town's country, a compass subdivision). ``spans`` decides what each pair is.
"""

from __future__ import annotations

import re

from .lexicon import LEGAL_SUFFIX
from .place_names import (
    _CAPW,
    _COMPASS_REGION,
    _LOCALITY,
    _REGION,
    _SUBDIVIDED,
    _country_code,
    _region_code_in,
    _region_of,
    _region_of_town,
    _resolve,
    _strip_stop,
    _tokens,
)

# the comma is what is rare: find it first, then read the words on either side
_COMMA_CAP = re.compile(
    r",\s*(?=[A-Z])|\s+\((?=[A-Z][^()]{1,40}\))"
)  # "Lüdenscheid (North Rhine-Westphalia)"


# (a city's metropolitan area is the city's: "located in Houston metropolitan area, Texas")
_LOC_BEFORE_COMMA = re.compile(rf"(?<![\w'\-.])(?P<loc>{_LOCALITY})(?:\s+(?:metropolitan|metro)\s+area)?\s*$")


_REGION_AFTER_COMMA = re.compile(_REGION)


class _LocRegion:
    """A "Locality, Region" match with the group API find_mentions uses."""

    __slots__ = ("_spans", "_text")

    def __init__(self, text: str, loc: tuple[int, int], reg: tuple[int, int]):
        self._text, self._spans = text, {"loc": loc, "reg": reg}

    def group(self, name: str) -> str:
        s, e = self._spans[name]
        return self._text[s:e]

    def start(self, name: str) -> int:
        return self._spans[name][0]


_LEGAL_FORM_END = re.compile(rf"\s(?:{LEGAL_SUFFIX})$")


def _loc_regions(sentence: str) -> list[_LocRegion]:
    out = []
    for c in _COMMA_CAP.finditer(sentence):
        lb = max(0, c.start() - 60)
        loc = _LOC_BEFORE_COMMA.search(sentence, lb, c.start())
        if loc is None or _LEGAL_FORM_END.search(loc.group("loc")):
            continue  # "from MeadWestvaco Corporation, AR Packaging announces": a company, not a town
        reg = _REGION_AFTER_COMMA.match(sentence, c.end())
        if reg is None:
            continue
        out.append(_LocRegion(sentence, loc.span("loc"), reg.span()))
    return out


# the country after a region's letters (a postcode may stand between): ", Mexico", " 66250 Mexico"
_ABROAD_AFTER = re.compile(rf"\.?\s*,?\s*(?:\d{{4,6}}\s*,?\s*)?(?P<c>{_CAPW}(?:\s+{_CAPW})?)\b")


def region_after(
    sentence: str, m: _LocRegion, default_country: str | None
) -> tuple[str | None, str | None, int]:
    """The region or country after a "Locality," and how much of the text it used;
    ``default_country`` is the release's home country."""
    region, country, used = _region_of(m.group("reg"))
    if region and region[:2] in _SUBDIVIDED and len(m.group("reg")[:used].replace(".", "")) <= 3:
        # "Monterrey, N.L., Mexico", "Perth, WA, Australia": letters that name a state or
        # province at home name a region of the country written after them
        tail = _ABROAD_AFTER.match(sentence, m.start("reg") + used)
        abroad = _country_code(tail.group("c")) if tail else None
        if abroad and abroad not in _SUBDIVIDED:
            return _region_code_in(m.group("reg")[:used].rstrip("."), abroad), abroad, used
    if not (region or country):
        town = _strip_stop(_tokens(m.group("loc")))
        if town and town[-1][:1].isupper():
            found, n_used = _region_of_town(
                " ".join(town[-2:]) if len(town) > 1 else town[-1], m.group("reg")
            )
            if found is None and len(town) > 1:
                found, n_used = _region_of_town(town[-1], m.group("reg"))
            if found is not None:
                # it settles the country; outside the US and Canada a county or department
                # is not kept as the place's region (the convention in place_names)
                country, used = found[:2], n_used
                region = found if country in _SUBDIVIDED else None
    compass = _COMPASS_REGION.match(m.group("reg")) if not (region or country) else None
    if compass and default_country and default_country not in _SUBDIVIDED:
        # "Wakefield, West Yorkshire": a subdivision of the home country
        region, country, used = None, default_country, compass.end()
    elif compass:
        # a home country whose subdivisions are all known (the US, Canada), or none: the
        # subdivision is abroad, where the town's best namesake is ("Leeds, West Yorkshire")
        town = " ".join(_strip_stop(_tokens(m.group("loc")))[-3:])
        abroad = _resolve(town) if town else None
        if abroad is not None and abroad.resolved and abroad.country != default_country:
            region, country, used = None, abroad.country, compass.end()
    return region, country, used
