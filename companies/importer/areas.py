"""Places read against the area around them: towns listed before "in <region or country>",
landmarks and counties that only locate a site already named, "the X plant in <state>", and the
regions and countries a release names (which settle its bare town names).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .lexicon import FACILITY_NOUN, NATIONALITY
from .mention_context import Mention
from .place_names import (
    _CAPW,
    _LOCALITY,
    _STOP,
    _SUBDIVIDED,
    _area,
    _is_known,
    _region_of,
    _resolve,
    _strip_stop,
    conventional,
)
from .proposal import PlaceRef

# "at Hydro Karmoy and Hydro Husnes in Norway": towns the gazetteer may not hold, then their area
_TOWNS_IN_AREA = re.compile(
    rf"(?P<towns>{_LOCALITY}(?:(?:\s*,\s*|\s+and\s+){_LOCALITY}){{0,5}})\s+in\s+(?:the\s+)?(?P<area>{_CAPW}(?:\s+{_CAPW}){{0,2}})"
)


_TOWN_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


# a list item that names the area of the town before it: "Chittoor District", "Jajpur district"
_AREA_ITEM = re.compile(
    r"(?:[A-Z][\w'-]*\s+){1,3}(?i:district|county|municipality|taluka?|tehsil|mandal|division)\b"
)


def _towns_in_area(
    sentence: str, at: int, issuer_words: frozenset[str], named: frozenset[str] = frozenset()
) -> list[tuple[int, int, PlaceRef]]:
    """Towns listed before "in <region or country>", kept with that area even when the gazetteer
    does not know them (flagged unresolved for the editor), never dropped."""
    m = _TOWNS_IN_AREA.match(sentence, at)
    if m is None:
        return []
    area = _area(m.group("area").split(". ")[0].rstrip(".,"))
    if area is None:
        return []
    if area.region and named and area.country not in named:
        # "Lemay, including its facilities in Ascension", in a release about Quebec: a village
        # named like a region of a country the release never names, no area of towns
        return []
    out = []
    pos = m.start("towns")
    for piece in _TOWN_SPLIT.split(m.group("towns")):
        words = [w for w in _strip_stop(piece.split()) if w not in issuer_words]
        start = sentence.index(piece, pos)
        pos = start + len(piece)
        if not words or len(words) > 3 or any(w.lower().rstrip(".") in _STOP for w in words):
            continue
        if out and _AREA_ITEM.match(piece.strip() + " "):
            continue  # "Sri City, Chittoor District in Andhra Pradesh": the town's district, no town
        name = " ".join(words).rstrip(".")
        ref = _resolve(name, region=area.region, country=area.country)
        ref.text = name
        name_start = sentence.index(name, start)
        out.append((name_start, name_start + len(name), conventional(ref)))
    return out


# words that place a site relative to a landmark: "in Suzhou, China, near Shanghai"
_LANDMARK_BEFORE = re.compile(
    r"(?:\bnear|\boutside(?:\s+of)?|\bclose\s+to|\b(?:north|south|east|west)(?:east|west)?\s+of|\bfrom)\s+(?:the\s+)?$",
    re.I,
)


_COUNTY = re.compile(r"\s(?:County|Parish|Borough)$")


def _without_landmarks(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """Drop places that only locate a site already named: the landmark it is near ("in Suzhou, near
    Shanghai") and the county of a town ("its Waldo sawmill located in Columbia County")."""
    out: list[Mention] = []
    for m in mentions:
        town = next((o for o in out if o.place.locality and not _COUNTY.search(o.place.locality)), None)
        if town is not None and m.place.locality:
            if _LANDMARK_BEFORE.search(sentence, max(0, m.start - 30), m.start):
                continue
            if _COUNTY.search(m.place.locality) and town.place.region in (None, m.place.region):
                if town.place.region is None and m.place.region:
                    # the county's state is the town's: "its Waldo sawmill located in Columbia County, Arkansas"
                    name = sentence[town.start : town.end]
                    ref = _resolve(name, region=m.place.region, country=m.place.country)
                    ref.text = name
                    out[out.index(town)] = replace(town, place=conventional(ref))
                continue
        out.append(m)
    return out


# "the Buffalo plant in West Virginia": a town naming a site, then the site's state
_SITE_IN_AREA = re.compile(
    rf"^\s+(?:[a-z][\w\-]*\s+){{0,2}}{FACILITY_NOUN}\s+(?:located\s+)?(?:in|at|near)\s+(?:the\s+)?$", re.I
)


# the last word of an area that is named like a town ("Columbia County", "Ibaraki Prefecture")
_AREA_NAME_END = re.compile(r"\b(?:County|Parish|Borough|District|Prefecture|Province)$")

# a site's own name, its facility word, then the town it is in ("the Kaukas mill in Lappeenranta")
# (its trade may come between: "its American Gypsum wallboard plant in Bernalillo")
_SITE_NAMED_IN_TOWN = re.compile(
    rf"^\s+(?:(?!(?:and|or|its|their|our|the|a|an|of|to|from|with|as)\b)[a-z][\w\-]*\s+){{0,2}}"
    rf"(?i:{FACILITY_NOUN})\s+(?:located\s+)?(?:in|at|near)\s+"
    r"(?:the\s+(?:town|city|village)\s+of\s+)?$"
)


def _sites_in_areas(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """Give "X plant in <region>" its region: the town is read again inside it, the area goes."""
    out: list[Mention] = []
    skip: set[int] = set()
    for i, m in enumerate(mentions):
        if i in skip:
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt is not None
            and m.place.locality
            and nxt.place.locality is None
            and nxt.place.region
            and _SITE_IN_AREA.match(sentence[m.end : nxt.start])
            and (m.place.region is None or m.place.region != nxt.place.region)
        ):
            name = sentence[m.start : m.end]
            # the stated state wins over a bigger namesake, even when the town is too small to resolve
            ref = _resolve(name, region=nxt.place.region, country=nxt.place.country)
            ref.text = name
            m = replace(m, place=conventional(ref))
            skip.add(i + 1)
        elif (
            nxt is not None
            and m.place.locality
            and nxt.place.locality
            # (a county is no town: "the Waldo sawmill in Columbia County" is in Waldo)
            and not _AREA_NAME_END.search(nxt.place.locality)
            and _SITE_NAMED_IN_TOWN.match(sentence[m.end : nxt.start])
        ):
            # "its Adamas Mill in Port Elizabeth": the first name is the mill's, the town the second
            continue
        out.append(m)
    return out


# "in Oregon", "of Anhui Province", ", Northern Territory", "with the Northern Territory Government",
# "the Australian Government": an area the text names
# (a part of it may be named first: "in south west Peru", "in northern Mexico")
_AREA_PHRASE = re.compile(
    # (or a part of one describing the company: "an eastern Iowa manufacturer")
    # (or in brackets after a town: "in Koprivnice (Czech Republic)")
    rf"(?:\b(?:in|of|across|throughout|at|with|for|and|to|from|by|on)\s+(?:the\s+)?|,\s*|(?<=[a-z])\s(?P<bracket>\()(?=[A-Z][\w ]+\))"
    r"|\b[Aa]n?\s+(?=(?:north|south|east|west|central|northern|southern|eastern|western)\w*\s))"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western)(?:[- ]?(?:east|west)(?:ern)?)?\s+)?"
    # (initials with their dots are one word: "in northeastern B.C.")
    # (not the country a market is in: "housing starts in the U.S." says nothing of a site's town)
    rf"(?P<area>(?!U\.[SK]\.)(?:[A-Z]\.){{2,3}}(?![\w.])|{_CAPW}(?:\s+{_CAPW}){{0,2}})"
)


_AREA_WORD = re.compile(r"(?i:province|state|territory|region|county|prefecture)\b")


# the only initials a release writes for a country it is about
_COUNTRY_INITIALS = frozenset({"US", "USA", "UK", "U.S", "U.K", "UAE"})


def _area_named_so(words: list[str]) -> bool:
    """Whether a nationality and the word after it are an area's own name ("British Columbia")."""
    if len(words) < 2:
        return False
    phrase = " ".join(words).rstrip(".,")
    region, country, used = _region_of(phrase)
    return bool(region or country) and used >= len(phrase) - 1


def named_areas(text: str) -> frozenset[str]:
    """ISO codes of the regions and countries a release names, to settle its bare town names."""
    found: set[str] = set()
    weak: set[str] = set()
    for m in _AREA_PHRASE.finditer(text):
        words = m.group("area").split(". ")[0].rstrip(".,").split()
        if words and (code := NATIONALITY.get(words[0].lower())) and not _area_named_so(words[:2]):
            found.add(code)
            continue
        while words and _AREA_WORD.match(words[-1]) and len(words) > 1:
            region, _, used = _region_of(" ".join(words))
            if used:
                break
            words = words[:-1]  # "Anhui Province" is Anhui
        if not words:
            continue
        phrase = " ".join(words)
        region, country, used = _region_of(phrase)
        if not used or (region is None and len(phrase) <= 3 and phrase not in _COUNTRY_INITIALS):
            continue  # ", BC" is British Columbia; "Vice President, IR" is investor relations, not Iran
        if m.group("bracket") and region:
            continue  # only a country in brackets counts: "(Wales)" after a town may be its county's
        whole = used >= len(phrase) - 1
        several = len(phrase[:used].split()) > 1  # "Northern Territory Government": a region's name and more
        if not (whole or several):
            continue
        if region and (region[:2] in _SUBDIVIDED or several):
            found.add(region)
            found.add(region[:2])
        elif region and not words[0].isupper():
            if len(words) == 1 and _is_known(phrase):
                weak.add(region)  # also a town's name somewhere: "Ascension", "Limburg"
            else:
                found.update((region, region[:2]))
        elif country:
            found.add(country)
    # one word that names both a region of a country we do not file by region and a town
    # ("Ascension") is more often a village: it counts when the release names that country too
    found.update(r for r in weak if r[:2] in found)
    return frozenset(found)
