"""Place names to places: the gazetteer lookups behind every mention, memoised, and the
helpers that read "Locality, Region" pairs (which words are a town, which a state or country).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from . import places
from .lexicon import FACILITY_NOUN, WORLD_REGIONS
from .proposal import PlaceRef
from .regions import TERRITORY_COUNTRY
from .text import words

_CAPW = r"[A-Z\u00c0-\u00de][\w'\-]*\.?"


_JOIN = r"(?:de|du|des|la|le|les|los|las|del|di|da|sur|upon|on|am|im|an|der|en|y)"


# (a few towns start with a number: "100 Mile House", "70 Mile House")
_LOCALITY = rf"(?:(?:\d{{2,3}}\s+(?=Mile\s))?{_CAPW}(?:\s+(?:{_JOIN}\s+)?{_CAPW}){{0,3}})"


_DOTTED = r"(?:[A-Z][a-z]{0,4}\.\s?){1,3}"


_REGION = rf"(?:(?:Co\.|County)\s+{_CAPW}|{_DOTTED}|[A-Z]{{2}}\b|{_CAPW}(?:\s+{_CAPW}){{0,2}})"


# Capitalised words that are never the locality of a facility, whatever GeoNames holds.
_STOP = words(
    "the a an its our their his her this that these those it we they he she in at on of for and or "
    "to by with from as company corporation corp inc ltd llc group holdings co industries "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday north south east west northern southern eastern western central "
    "production operations plant mill facility mine office warehouse customers employees "
    "president chief officer ceo cfo vice chairman director manager today announces announced "
    "said says will also both each all some other following after before during under about "
    "approximately nearly more than total fiscal quarter year first second third fourth "
    "union energy power steel paper global international national american general "
    "standard royal united pacific atlantic first "
    # quantifiers that open sentences: "Most plant production will cease" (Most is a Czech town)
    "most many several such certain remaining further additional existing current former"
)
# Titles before a person's name: "said Mayor Rick West" names a person, not a place
_PERSON_TITLE = words(
    "mayor governor senator minister premier mr mrs ms dr president councillor councilman councilwoman "
    "congressman congresswoman representative rep assemblyman assemblywoman commissioner ceo chairman"
)


# The last word of a street name: "the Mill Street plant" is on a street, not in Street,
# Somerset; "its Canal Road warehouse" is not in a town called Road.
_THOROUGHFARE = words(
    "street st road rd avenue ave boulevard blvd lane ln drive dr way highway hwy parkway pkwy "
    "pike turnpike court ct place pl square terrace crescent close wharf quay"
)


# The gazetteer answers in about a millisecond; releases repeat their places, and a batch of
# releases repeats the states and towns, so answers are memoised (copies are handed out,
# because callers set ``text`` and the region convention on them).
@lru_cache(maxsize=16384)
def _resolve_cached(
    name: str, region: str | None, country: str | None, default: str | None, named: frozenset[str]
) -> PlaceRef:
    return places.resolve(name, region=region, country=country, default_country=default, named=named)


def _resolve(
    name: str,
    region: str | None = None,
    country: str | None = None,
    default: str | None = None,
    named: frozenset[str] = frozenset(),
) -> PlaceRef:
    """``default`` is the release's home country: it settles a bare name ("its site at
    Wakefield" in a London-listed company's release) only when stated region and country are
    absent; so do ``named``, the regions and countries the release names elsewhere ("Gove" in a
    release that speaks of the Northern Territory)."""
    if region or country:
        return replace(_resolve_cached(name, region, country, None, frozenset()))
    return replace(_resolve_cached(name, region, country, default, named))


@lru_cache(maxsize=8192)
def _region_code(text: str) -> str | None:
    return places.region_code(text)


@lru_cache(maxsize=1024)
def _region_code_in(text: str, country: str | None) -> str | None:
    return places.region_code(text, country)


@lru_cache(maxsize=8192)
def _country_code(text: str) -> str | None:
    return places.country_code(text)


@lru_cache(maxsize=16384)
def _is_known(name: str) -> bool:
    return places.is_known_locality(name)


def _tokens(loc: str) -> list[str]:
    return loc.split()


def _strip_stop(words: list[str]) -> list[str]:
    """Drop leading words that cannot start a locality ("The", "Acme's"). A compass word stays
    when it begins a town's own name ("North Andover", "East Lansing")."""
    while words and (words[0].lower().rstrip(".") in _STOP or words[0].endswith(("'s", "'"))):
        if words[0].lower().rstrip(".") in _PERSON_TITLE:
            return []
        if (
            words[0].lower() in _COMPASS
            and len(words) > 1
            and words[1][:1].isupper()
            # "North Little Rock": the town's name may run past the next word; "South Africa." at
            # a sentence's end is a country
            and any(
                _is_primary(" ".join(w.rstrip(".,") for w in words[:k]))
                for k in range(2, min(len(words), 4) + 1)
            )
        ):
            break
        words = words[1:]
    return words


@lru_cache(maxsize=4096)
def _is_primary(name: str) -> bool:
    """Whether ``name`` is some town's own name in the gazetteer (not only an alternate), or a
    region's or country's ("West Virginia", "South Africa")."""
    return (
        bool(_region_code(name))
        or bool(_country_code(name))
        or any(not m.alternate for m in places.get_gazetteer().lookup(name))
    )


_COMPASS = words(
    "north south east west northern southern eastern western central upper lower greater "
    "northeast northwest southeast southwest north-east north-west south-east south-west"
)


# "West Yorkshire", "East Sussex": a compass word and a name, a subdivision whatever its code
_COMPASS_REGION = re.compile(rf"(?i:{'|'.join(sorted(_COMPASS, key=len, reverse=True))})\s+{_CAPW}")


@lru_cache(maxsize=1024)
def _is_country_name(text: str) -> bool:
    """ "Mexico" is the country's own name; "England" names a part of one."""
    code = _country_code(text)
    return bool(code) and (places.country_name(code) or "").casefold() == text.casefold()


_BASED = re.compile(r"-(based|headquartered)\b", re.I)


@lru_cache(maxsize=8192)
def _region_of(text: str) -> tuple[str | None, str | None, int]:
    """(region, country, characters used) for the longest prefix of ``text`` naming one."""
    # "Dayton, Ohio-based": the state is the word before the hyphen (same length, same offsets)
    text = _BASED.sub(r" \1", text, count=1)
    words = text.split()
    if len(words) >= 2 and words[0] in ("Co.", "County") and words[1][:1].isupper():
        # "Athlone, Co. Westmeath": "Co." before a name is County (Ireland, Northern Ireland),
        # never Colorado
        name = words[1].rstrip(".,;:")
        for c in (f"County {name}", name):
            for hint in (None, "IE", "GB"):
                region = _region_code_in(c, hint)
                if region:
                    return region, region.split("-")[0], len(words[0]) + 1 + len(words[1].rstrip(".,;:"))
        return None, None, len(words[0]) + 1 + len(name)
    for n in range(min(3, len(words)), 0, -1):
        cand = " ".join(words[:n])
        if n == 1 and cand.lower().rstrip(".") in _COMPASS:
            continue  # "West" of "West Yorkshire" is not Cameroon's West Region
        if n == 1 and len(cand.rstrip(",;:")) == 2 and not cand.rstrip(",;:").isupper():
            continue  # a two-letter code is written in capitals: "In light of" is no Indiana
        for c in (cand, cand.rstrip(".")):
            region = _region_code(c)
            if region and region[:2] not in _SUBDIVIDED and _is_country_name(c.rstrip(".")):
                # "Juarez, Mexico" names the country, not the State of Mexico ("Athens, Georgia" stays a state)
                return None, _country_code(c.rstrip(".")), len(cand)
            if region in TERRITORY_COUNTRY:
                return None, TERRITORY_COUNTRY[region], len(cand)
            if region:
                return region, region.split("-")[0], len(cand)
            country = _country_code(c)
            if country and c.lower() not in ("us", "in", "me", "or", "oh"):
                return None, country, len(cand)
    return None, None, 0


@lru_cache(maxsize=4096)
def _region_of_town(town: str, reg: str) -> tuple[str | None, int]:
    """ "Torquay, Devon", "Wittlich, Rhineland-Palatinate": a county or state named after a town
    that the gazetteer knows in some country, as that country's subdivision. (region, characters
    used), or (None, 0) when no country of the town has one of that name, or two do."""
    countries = {m.city.country for m in places.get_gazetteer().lookup(town) if not m.alternate}
    words = reg.split()
    for n in range(min(3, len(words)), 0, -1):
        cand = " ".join(words[:n]).rstrip(".,;:")
        found = {r for c in countries if (r := _region_code_in(cand, c))}
        if len(found) == 1:
            return found.pop(), len(" ".join(words[:n]).rstrip(",;:"))
    return None, 0


# words that begin a place's name and are nothing alone: "Mt Keith" is not Keith, "Port Hedland"
# not Hedland
_NAME_PREFIX = words("mt mt. mount port fort ft ft. lake st st. saint san santa glen cape point")


# the generic last word of a place's name: "Duke Point", "Grand Falls", "Cedar Creek"
_NAME_TAIL = words(
    "point falls lake lakes river creek bay harbour harbor hill hills beach springs valley island heights "
    "grove junction landing crossing"
)


def _cuts_a_name(words_: list[str], n: int) -> bool:
    """Whether the last ``n`` words leave behind the first word of the same name ("Mount" of
    "Mount Vernon"), or are only its generic last word ("Point" of "Duke Point")."""
    if n >= len(words_):
        return False
    return words_[-n - 1].lower() in _NAME_PREFIX or (
        n == 1 and words_[-1].lower() in _NAME_TAIL and words_[-2][:1].isupper()
    )


def _best_locality(
    words: list[str],
    region: str | None,
    country: str | None,
    default: str | None = None,
    named: frozenset[str] = frozenset(),
) -> tuple[PlaceRef | None, int]:
    """The longest suffix of ``words`` that resolves; (place, number of words used)."""
    given = words
    words = _strip_stop(words)
    if len(words) == 1 and _ACRONYM.fullmatch(words[0]):
        # "a new PET line", "its CNC plant": an acronym qualifying a noun, not a town
        return None, 0
    if not words:
        return None, 0
    for n in range(min(4, len(words)), 0, -1):
        name = " ".join(words[-n:]).rstrip(".")
        if name.lower() in _STOP or _cuts_a_name(words, n):
            continue
        ref = _resolve(name, region=region, country=country, default=default, named=named)
        if ref.resolved:
            return ref, n
        if n >= 3 and (region or country) and name.endswith(" City"):
            # "Woods Cross City, Utah" is the town GeoNames calls Woods Cross, not Cross City
            ref = _resolve(name[: -len(" City")], region=region, country=country, default=default)
            if ref.resolved:
                return ref, n
    # kept for the editor, flagged unresolved: the last words after the stop words
    name = " ".join(words[-2:] if len(words) >= 2 and words[-2][0].isupper() else words[-1:]).rstrip(".")
    if name.lower() in _STOP:
        return None, 0
    before = given[len(given) - len(words) - 1] if len(given) > len(words) and name == " ".join(words) else ""
    if region and before[:1].isupper() and before.lower() in _COMPASS:
        # "East Texas, Pa.": with its state given, a compass word begins a village's name the
        # gazetteer lacks (alone, "East Texas" is a part of Texas)
        name = f"{before} {name}"
    ref = _resolve(name, region=region, country=country, default=default, named=named)
    return ref, len(name.split())


_ACRONYM = re.compile(r"[A-Z]{2,4}")


# below this, a town that shares a region's name does not make the name a town's ("Scotland", Pa.)
_REGION_OVER_TOWN_POPULATION = 50_000


def _only_small_towns(name: str) -> bool:
    return all(m.city.population < _REGION_OVER_TOWN_POPULATION for m in places.get_gazetteer().lookup(name))


def _known(name: str) -> bool:
    name = name.rstrip(".")
    return name.lower() not in _STOP and _is_known(name)


def _area(name: str) -> PlaceRef | None:
    """A region or country named alone ("its Ohio plant", "operations in France")."""
    region, country, used = _region_of(name)
    if used != len(name) or not (region or country):
        return None
    return PlaceRef(locality=None, region=region, country=country, text=name)


# Countries whose first-level subdivisions releases name and editors file by ("Erie, Pa.",
# "Hamilton, Ont."); elsewhere ("Tubize, Belgium", "Geelong, Australia") a region is kept only
# when the text states it ("Wakefield, England", "Saltillo, Coahuila"), as the corpus labels do.
_SUBDIVIDED = frozenset({"US", "CA"})


def conventional(ref: PlaceRef, stated_region: str | None = None) -> PlaceRef:
    """Apply the region convention above to a resolved place."""
    if ref.country and ref.country not in _SUBDIVIDED and not stated_region:
        ref.region = None
    return ref


_DEMONYM_SUFFIXES = ("ian", "ean", "ese", "ish", "an", "i")


_CONTINENTS = ("america", "europe", "asia", "africa", "australia", "oceania")


@lru_cache(maxsize=4096)
def _demonym(word: str) -> bool:
    """A nationality or continent adjective ("Canadian", "Mexican", "European", "Chinese"): the
    stem left by a demonym suffix begins a country or continent name, and the word itself is
    no country ("Jordan", "Oman")."""
    low = word.rstrip(".").lower()
    if not low.isalpha() or _country_code(word.rstrip(".")):
        return False
    names = places.country_names()
    for suffix in _DEMONYM_SUFFIXES:
        stem = low[: -len(suffix)]
        if (
            low.endswith(suffix)
            and len(stem) >= 4
            and (any(n.startswith(stem) for n in _CONTINENTS) or any(n.startswith(stem) for n in names))
        ):
            return True
    return False


def _share_region(known: dict[str, PlaceRef], key: str, ref: PlaceRef) -> None:
    """Remember a qualified place; one town is one place in a release, so a region stated once
    ("Passau, Bavaria") also qualifies the same town named with its country only ("Passau,
    Germany"), whichever comes first."""
    old = known.setdefault(key, ref)
    if old is ref or old.geonames_id != ref.geonames_id or old.country != ref.country:
        return
    if ref.region is None and old.region:
        ref.region = old.region
    elif old.region is None and ref.region:
        old.region = ref.region


_FACILITY_WORD = re.compile(rf"(?i:{FACILITY_NOUN})")
_POSSESSIVE_END = re.compile(r"['\u2019]s$")


# a town's long name, in a form whose first word may stand for it later: "Burton-on-Trent",
# "Newcastle upon Tyne", "Boulogne-sur-Mer"
_LONG_NAME = re.compile(
    r"\b(?P<first>[A-Z][\w']+)(?:-(?:on|upon|under|sur|am|an|le|la|en)-|\s+(?:upon|on)\s+)[A-Z][\w']+"
)


def long_form_towns(text: str) -> dict[str, PlaceRef]:
    """Towns a release names in a long form, under that name and under its first word, for a
    later mention by the first word alone ("from Burton to ...")."""
    out: dict[str, PlaceRef] = {}
    for m in _LONG_NAME.finditer(text):
        ref = _resolve(m.group(0))
        if ref.resolved:
            out.setdefault(m.group(0).casefold(), ref)
            out.setdefault(m.group("first").casefold(), ref)
    return out


def _lookup(
    name: str, known: dict[str, PlaceRef], default: str | None = None, named: frozenset[str] = frozenset()
) -> PlaceRef | None:
    """A bare name: a locality the release qualified before ("Martinsville, Va."), a region or
    country of a country that files places by region ("its Ohio plant", not Lima, Peru), else
    a gazetteer locality."""
    name = _POSSESSIVE_END.sub("", name.rstrip("."))  # "at Bulloch County's commerce park"
    if name.casefold() in WORLD_REGIONS or _FACILITY_WORD.fullmatch(name):
        return None  # "Asia"; "Mills" of "York Mills" is the word for a site, not a town
    if name.lower() in _COMPASS:
        return None  # "its mills in Northwest Indiana": a part of a region, not Northwest, N.C.
    ref = known.get(name.casefold())
    if ref is not None:
        return replace(ref, text=name)
    area = _area(name)
    if area is not None and (area.region is None or area.country in _SUBDIVIDED or _only_small_towns(name)):
        # a region of a country filed by town is still a region when no sizeable town has its
        # name: "in Scotland", "in Minas Gerais" (not Lima, Peru's region, before Lima the city)
        return area
    if _known(name):
        return conventional(_resolve(name, default=default, named=named))
    if _COUNTY_NAME.fullmatch(name):
        # "its Rutherford County smelter": a county names where a rural site is, though the
        # gazetteer holds only towns; kept unresolved, in the release's country, else in the
        # country of the town it is named after ("Hanshan County")
        ref = conventional(_resolve(name, default=default, named=named))
        if ref.country is None:
            town = _resolve(name.rsplit(" ", 1)[0], default=default, named=named)
            ref.country = town.country if town.resolved else None
        if ref.country is None:
            # else in the one country the release names ("... in southeast Georgia")
            countries = {code[:2] for code in named}
            ref.country = countries.pop() if len(countries) == 1 else None
        return ref
    return None


_COUNTY_NAME = re.compile(r"[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)?\s+(?:County|Parish)")
