"""Footprint claims: what a release says about how many facilities the company has.

"our other 13 U.S. facilities" -> 13, ["US"], "other";
"19 facilities located in the United States, Belgium, France and Italy" -> 19, [US, BE, FR, IT];
"operates 45 plants worldwide" -> 45, [].

A count of facilities is only a claim in a footprint context (a possessive, "other",
"operates", "located in", "worldwide"...): "will close two plants" counts the plants an
event touches, not the footprint.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import places
from .dates import NUMBER_WORDS
from .proposal import ProposedClaim

_NUMBER = r"(?:\d{1,4}|" + "|".join(w for w in NUMBER_WORDS if w not in ("a", "an", "hundred")) + ")"
_NOUN = (
    r"(?:(?:manufacturing|production|operating|processing|distribution|assembly|fabrication|service)\s+)?"
    r"(?:facilities|plants|mills|factories|sites|locations|warehouses|distribution\s+cent(?:er|re)s|mines"
    r"|operations|smelters|refineries|foundries)"
)
_CLAIM = re.compile(
    rf"""
    (?P<pre>\b(?:our|its|their|the\s+company's|the\s+Company's|of|at|operates|operating|operate|runs|run|maintains|has|have|owns|owning|own
        |with|network\s+of|total\s+of|comprising|comprises|includes|including|in)\s+)?
    (?:(?P<qual>other|remaining|additional|existing)\s+)?
    (?:(?:approximately|about|nearly|some|over|more\s+than|around|roughly)\s+)?
    (?P<n>{_NUMBER})\s+
    (?:(?P<qual2>other|remaining|additional)\s+)?
    (?P<adj>(?:U\.S\.|US|American|Canadian|European|North\s+American|domestic|international|global|worldwide
        |[A-Z][a-z]+(?:an|ian|ese|ish|ch))\s+|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?-based\s+)?
    {_NOUN}\b
    (?P<post>(?:\s*,)?\s+(?:(?:located|situated|based)\s+)?(?:in|across|throughout)\s+(?P<list>[^.;:()]{{2,160}})
        |\s+(?:worldwide|globally|around\s+the\s+world))?
    """,
    re.X,
)
_ADJ_COUNTRY = {"u.s.": "US", "us": "US", "american": "US", "canadian": "CA", "domestic": None}
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+")
_LIST_STOP = re.compile(r"\s+(?:that|which|where|with|to|for|serving|employing|and\s+(?:employs|has|is))\b")
_TRAILING_WORDS = re.compile(r"\b(?:as well as|along with)\b")


def _to_int(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word.lower())


def _countries(listing: str) -> list[str]:
    """Country codes for "the United States, Belgium, France and Italy" (states count as US)."""
    listing = _LIST_STOP.split(listing, maxsplit=1)[0]
    listing = _TRAILING_WORDS.sub(",", listing)
    out: list[str] = []
    for item in _LIST_SPLIT.split(listing):
        item = item.strip().removeprefix("the ").strip()
        if not item:
            continue
        code = places.country_code(item)
        if code is None:
            region = places.region_code(item)
            code = region.split("-")[0] if region else None
        if code and code not in out:
            out.append(code)
    return out


def find_claims(sentences: Iterable[str]) -> list[ProposedClaim]:
    out: list[ProposedClaim] = []
    seen: set[tuple] = set()
    for sentence in sentences:
        for m in _CLAIM.finditer(sentence):
            count = _to_int(m.group("n"))
            if not count or count < 2:
                continue
            qualifier = m.group("qual") or m.group("qual2")
            qualifier = "other" if qualifier in ("other", "remaining") else None
            # a footprint context is needed; see the module docstring
            if not (qualifier or m.group("pre") or m.group("post")):
                continue
            countries: list[str] = []
            adj = (m.group("adj") or "").strip().lower()
            if adj in _ADJ_COUNTRY:
                if _ADJ_COUNTRY[adj]:
                    countries.append(_ADJ_COUNTRY[adj])
            elif adj and not adj.endswith("-based"):
                code = places.country_code(adj)
                if code:
                    countries.append(code)
            if m.group("list"):
                for code in _countries(m.group("list")):
                    if code not in countries:
                        countries.append(code)
            key = (count, tuple(countries), qualifier)
            if key in seen:
                continue
            seen.add(key)
            out.append(ProposedClaim(count, countries, qualifier, text=sentence))
    return out
