"""Country and region codes from names as releases write them, and back.

"U.K.", "Deutschland" and "Republic of Korea" to ISO 3166-1 alpha-2; "Ont.", "Penna.",
"Bavaria" and "Yamagata Prefecture" to ISO 3166-2; a gazetteer place's admin1 code to its ISO
region where the mapping is reliable. Pure functions over package data (pycountry, us); ``places``
builds locality resolution on top of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

import pycountry
import us

from companies.importer.gazetteer import City, place_key

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


# US territories ISO 3166-2 files under the US but ISO 3166-1 and GeoNames give codes of their own:
# a place in Puerto Rico is in PR, as the gazetteer and the wires' labels have it
TERRITORY_COUNTRY: dict[str, str] = {
    "US-PR": "PR", "US-GU": "GU", "US-VI": "VI", "US-AS": "AS", "US-MP": "MP", "US-UM": "UM",
}  # fmt: skip


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
def region_and_parents(code: str) -> frozenset[str]:
    """A region and the regions containing it ("GB-LDS" is in "GB-ENG")."""
    codes = {code}
    sub = pycountry.subdivisions.get(code=code)
    while sub is not None and sub.parent_code:
        codes.add(sub.parent_code)
        sub = pycountry.subdivisions.get(code=sub.parent_code)
    return frozenset(codes)
