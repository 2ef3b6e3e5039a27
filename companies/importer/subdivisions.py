"""Subdivisions named with their generic word ("Yamagata Prefecture", "the State of Mexico",
"the Haute-Marne department of France") and the town each qualifies."""

from __future__ import annotations

import re

from . import places
from .lexicon import FACILITY_NOUN
from .place_names import (
    _CAPW,
    _DEMONYM_SUFFIXES,
    _JOIN,
    _LOCALITY,
    _best_locality,
    _country_code,
    _demonym,
    _tokens,
    conventional,
)
from .proposal import PlaceRef

_SUBDIV_NOUN = (
    r"(?:[Ss]tate|[Pp]rovince|[Pp]refecture|[Dd][ée]partement|[Dd]epartment|[Rr]egion|[Oo]blast"
    r"|[Vv]oivodeship|[Gg]overnorate|[Cc]anton)"
)


_SUBDIVISION_HINT = re.compile(rf"(?<!United\s)\b{_SUBDIV_NOUN}\b")


# every subdivision noun holds one of these (the pattern is case-sensitive): a cheap gate
_SUBDIV_NEEDLES = (
    "tate",
    "rovince",
    "refecture",
    "partement",
    "epartment",
    "egion",
    "blast",
    "oivodeship",
    "overnorate",
    "anton",
)


_NAME = rf"{_CAPW}(?:\s+(?:{_JOIN}\s+)?{_CAPW}){{0,2}}"


_SUBDIV_PHRASE = re.compile(
    rf"(?:the\s+)?(?:{_SUBDIV_NOUN}\s+of\s+(?:the\s+)?(?P<n1>{_NAME})"
    rf"|(?P<n2>{_NAME})\s+{_SUBDIV_NOUN}\b(?!\s+[A-Z])(?:\s+of\s+(?:the\s+)?(?P<c2>{_NAME}))?)"
    rf"(?:\s*,\s*(?P<country>{_NAME}))?"
)


# "Gliwice, in Poland's Silesian Voivodeship", "Rio Verde, in the Brazilian state of Goias": the
# country named on the way, by its possessive or its adjective
_BEFORE_SUBDIV = re.compile(
    rf"(?<![\w'\-.])(?P<loc>{_LOCALITY})(?P<sep>\s*,\s*(?:in\s+)?(?:the\s+)?(?:(?P<nation>[A-Z]\w+)(?:'s)?\s+)?|\s+in\s+)$"
)


_POSSESSIVE_COUNTRY = re.compile(r"(?P<c>[A-Z]\w+(?:\s+[A-Z]\w+)?)'s\s+")


_TRAILING_COUNTRY = re.compile(rf"\s*,\s*(?P<c>{_NAME})")


_FACILITY_WORD = re.compile(rf"{FACILITY_NOUN}", re.I)


def _subdivision_places(
    sentence: str, default: str | None, issuer_words: frozenset[str]
) -> list[tuple[int, int, PlaceRef | None]]:
    """Subdivisions named with their generic word ("Yamagata Prefecture", "the State of Mexico",
    "the Haute-Marne department of France"), with the town they qualify when one precedes them.
    Each span is (start, end, place); the place is None when no town precedes, and the span
    is then only kept from being read as a town of the subdivision's name."""
    out: list[tuple[int, int, PlaceRef | None]] = []
    done = 0
    for h in _SUBDIVISION_HINT.finditer(sentence):
        m = _SUBDIV_PHRASE.search(sentence, max(done, h.start() - 50), h.end() + 60)
        if m is not None and m.group("n2") and _demonym(m.group("n2")) and m.group("c2"):
            # "the Brazilian state of Goias": the adjective names the country, Goias the state
            m = _SUBDIV_PHRASE.search(sentence, m.end("n2"), h.end() + 60)
        if m is None or m.end() <= done:
            continue
        done = m.end()
        end, country = m.end(), None
        if m.group("country"):
            country = _country_code(m.group("country").rstrip("."))
            if country is None:  # "Toluca, State of Mexico, Acme said": no country after all
                end = m.start("country")
        if m.group("c2"):
            country = country or _country_code(m.group("c2"))
        if m.group("n1"):
            phrase_end = m.end("n1")
        else:
            phrase_end = m.start("c2") if m.group("c2") else m.start("country") if m.group("country") else end
        start = m.start()
        owner = _POSSESSIVE_COUNTRY.match(sentence, start)
        if owner and _country_code(owner.group("c")):
            # "Poland's Silesian Voivodeship": the country, then the subdivision
            country = country or _country_code(owner.group("c"))
            start = owner.end()
        phrase = re.sub(r"\s+of\s*$|[\s,]+$", "", sentence[start:phrase_end])
        end = len(sentence[:end].rstrip(" ,"))
        region = None
        for hint in (country,) if country else (default, None):
            region = places.region_code(phrase, hint)
            if region:
                break
        if region is None:
            continue
        span = _town_before(sentence, m.start(), end, region, issuer_words)
        if span is not None:
            out.append(span)
            if span[1] == end:
                continue
        out.append((min(m.start(), _nation_start(sentence, m.start(), region)), end, None))
    return out


def _town_before(
    sentence: str, at: int, end: int, region: str, issuer_words: frozenset[str]
) -> tuple[int, int, PlaceRef] | None:
    """The town a subdivision phrase starting at ``at`` qualifies: "Toluca, State of Mexico",
    "Vesoul, in the X department", "the Tsuruoka Plant in Yamagata Prefecture"."""
    before = _BEFORE_SUBDIV.search(sentence, max(0, at - 60), at)
    if before is None:
        return None
    if before.group("nation") and not _names_country(before.group("nation"), region[:2]):
        return None
    all_words = _tokens(before.group("loc"))
    words = list(all_words)
    while words and _FACILITY_WORD.fullmatch(words[-1]):
        words = words[:-1]  # "the Tsuruoka Plant in Yamagata Prefecture"
    found, n = _best_locality(words, region, region[:2]) if words else (None, 0)
    if found is None or not found.locality or not (found.resolved or "," in before.group("sep")):
        return None
    if set(words[-n:]) & issuer_words:
        return None
    start = before.start("loc") + len(" ".join(words)) - len(" ".join(words[-n:]))
    found.region = region
    if len(words) < len(all_words):
        # the facility word sits between town and subdivision: the town alone
        found.text = " ".join(words[-n:])
        return start, start + len(found.text), found
    found.text = sentence[start:end]
    return start, end, found


def _names_country(word: str, country: str) -> bool:
    """ "Poland", "Brazilian": the country ``country`` by its name or its adjective."""
    if _country_code(word) == country:
        return True
    if not _demonym(word):
        return False
    low = word.lower()
    own = [n.lower() for n in places.country_names() if _country_code(n) == country]
    for suffix in _DEMONYM_SUFFIXES:
        stem = low[: -len(suffix)]
        if low.endswith(suffix) and len(stem) >= 4 and any(n.startswith(stem) for n in own):
            return True
    return False


def _nation_start(sentence: str, at: int, region: str) -> int:
    """Where "the Brazilian state of Goias" begins, its country adjective included."""
    m = re.search(r"(?:the\s+)?(?P<n>[A-Z]\w+)\s+$", sentence[max(0, at - 40) : at])
    if m and _names_country(m.group("n"), region[:2]):
        return at - len(m.group(0))
    return at


# news copy from Japan and elsewhere: "in the Miyagi town of Taiwa", "the Kanagawa city of Atsugi"
_REGIONS_TOWN = re.compile(
    rf"\bthe\s+(?P<region>{_NAME})\s+(?:city|town|village)\s+of\s+(?P<town>{_LOCALITY})"
)


def regions_towns(sentence: str, default: str | None) -> list[tuple[int, int, PlaceRef]]:
    """Towns named after their region's name and a word for a town ("the Miyagi town of
    Taiwa"): (start, end, place) of each town, placed in that region."""
    out: list[tuple[int, int, PlaceRef]] = []
    for m in _REGIONS_TOWN.finditer(sentence):
        region = places.region_code(m.group("region"), default)
        if region is None:
            continue
        name = m.group("town").rstrip(".,")
        ref, _ = _best_locality([name], region, region.split("-")[0])
        if ref is None:
            # a town the gazetteer lacks is kept, unresolved, in its region
            ref = PlaceRef(locality=name, region=region, country=region.split("-")[0], resolved=False)
        ref = conventional(ref)
        ref.text = name
        start = m.start("town")
        out.append((start, start + len(name), ref))
    return out


# regions listed before their plural noun: "in Miyagi, Saitama and Kanagawa prefectures"
_LISTED_REGIONS = re.compile(
    rf"\b{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+and\s+{_NAME}\s+(?:prefectures|provinces|states|regions|counties"
    r"|oblasts|voivodeships|departments|cantons)\b"
)


def listed_regions(sentence: str) -> list[tuple[int, int]]:
    """Spans of region names listed before their plural noun: no town is named there."""
    return [m.span() for m in _LISTED_REGIONS.finditer(sentence)]
