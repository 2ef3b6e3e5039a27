"""Facility and place mentions inside one sentence.

A place is only proposed from spans shaped like places in a release: "Locality, Region"
("Jewett City, Connecticut", "Weirton, W.Va.", "Lyon, France"), a locality naming a facility
("its Kapuskasing newsprint mill"), or a locality after a preposition next to a facility word
("its plants in Dayton and Erie"). Only those candidate spans are looked up in the
gazetteer; sentences are never scanned word by word against it.

Each mention also records *decoy* contexts that make it not a site of the issuer's event:
headquarters ("headquartered in", "Dayton, Ohio-based"), destinations of moved work
("served by", "transfer production to"), and facilities owned by someone else ("Ford's
plant in Louisville", "a customer's mill").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import places
from .lexicon import FACILITY_NEEDLES, FACILITY_NOUN, LEGAL_SUFFIX_STEM, NATIONALITY
from .proposal import PlaceRef
from .text import Gated, words

_CAPW = r"[A-Z\u00c0-\u00de][\w'\-]*\.?"
_JOIN = r"(?:de|du|des|la|le|les|los|las|del|di|da|sur|upon|on|am|im|an|der|en|y)"
_LOCALITY = rf"(?:{_CAPW}(?:\s+(?:{_JOIN}\s+)?{_CAPW}){{0,3}})"
_DOTTED = r"(?:[A-Z][a-z]{0,4}\.\s?){1,3}"
_REGION = rf"(?:(?:Co\.|County)\s+{_CAPW}|{_DOTTED}|[A-Z]{{2}}\b|{_CAPW}(?:\s+{_CAPW}){{0,2}})"
# the comma is what is rare: find it first, then read the words on either side
_COMMA_CAP = re.compile(
    r",\s*(?=[A-Z])|\s+\((?=[A-Z][^()]{1,40}\))"
)  # "Lüdenscheid (North Rhine-Westphalia)"
_LOC_BEFORE_COMMA = re.compile(rf"(?<![\w'\-.])(?P<loc>{_LOCALITY})\s*$")
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


def _loc_regions(sentence: str) -> list[_LocRegion]:
    out = []
    for c in _COMMA_CAP.finditer(sentence):
        lb = max(0, c.start() - 60)
        loc = _LOC_BEFORE_COMMA.search(sentence, lb, c.start())
        if loc is None:
            continue
        reg = _REGION_AFTER_COMMA.match(sentence, c.end())
        if reg is None:
            continue
        out.append(_LocRegion(sentence, loc.span("loc"), reg.span()))
    return out


_FACILITY = Gated(re.compile(rf"\b{FACILITY_NOUN}\b", re.I), FACILITY_NEEDLES)
_WORK = re.compile(
    r"\b(?:production|manufacturing|operations|capacity|jobs|employees|workers|invest\w*)\b", re.I
)
# "Kapuskasing newsprint mill": a locality, up to two lowercase modifiers, a facility word.
# "Kapuskasing newsprint mill", "Stockstadt Mill", "Granite City Works", "Walsum's paper mill"
_LOC_FACILITY = re.compile(
    rf"(?P<loc>{_LOCALITY})(?:'s)?\s+(?P<mods>(?:[a-z][\w\-]*\s+){{0,2}})(?i:{FACILITY_NOUN})\b"
)
_PREP_LOC = re.compile(rf"\b(?:in|at|near|outside(?:\s+of)?|of)\s+(?P<loc>{_LOCALITY})")
_LIST_MORE = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?P<loc>{_LOCALITY})")
_LIST_BEFORE = re.compile(rf"(?P<loc>{_LOCALITY})(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")

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
    "standard royal united pacific atlantic first"
)

# The last word of a street name: "the Mill Street plant" is on a street, not in Street,
# Somerset; "its Canal Road warehouse" is not in a town called Road.
_THOROUGHFARE = words(
    "street st road rd avenue ave boulevard blvd lane ln drive dr way highway hwy parkway pkwy "
    "pike turnpike court ct place pl square terrace crescent close wharf quay"
)

_HQ_BEFORE = re.compile(
    r"\b(?:headquartered|headquarters|head\s+office|corporate\s+offices?|based|domiciled|incorporated)"
    r"\s+(?:\w+\s+){0,2}?(?:in|at|near|outside(?:\s+of)?)\s+(?:the\s+)?$",
    re.I,
)
_HQ_AFTER = re.compile(r"^-?\s*(?:-based|based|-headquartered|headquartered)\b", re.I)
_SITE_BASED = re.compile(rf"(?:{FACILITY_NOUN}|business(?:es)?|units?|division)\s*$", re.I)
_OWN_UNIT = re.compile(r"\b(?:its|our|their|the\s+company's)\s+(?:[\w-]+\s+){0,2}$", re.I)
# Verbs whose "to/into/from/by" names where work goes, not where an event happens.
_TRANSFER = re.compile(
    r"\b(?:serv(?:e|es|ed|ing)|suppl(?:y|ies|ied|ying)|support(?:s|ed|ing)?|handl(?:e|es|ed|ing)"
    r"|fulfill?(?:s|ed|ing)?|shift(?:s|ed|ing)?|mov(?:e|es|ed|ing)|transfer(?:s|red|ring)?|relocat(?:e|es|ed|ing|ion)"
    r"|consolidat(?:e|es|ed|ing|ion)|transition(?:s|ed|ing)?|integrat(?:e|es|ed|ing|ion)|combin(?:e|es|ed|ing)"
    r"|absorb(?:s|ed|ing)?|redeploy\w*|reassign\w*|redistribut\w*|realloca\w*|sourc(?:e|es|ed|ing)"
    r"|ship(?:s|ped|ping)?|fill(?:s|ed|ing)?|replac(?:e|es|ed|ing)|offset(?:s|ting)?)\b",
    re.I,
)
_DEST_PREP = re.compile(r"\b(?:to|into|from|by|with)\b", re.I)
# verbs that gather work at a site: "concentrate manufacturing at its plant in X"
_GATHER = re.compile(
    r"\b(?:concentrat|centrali[sz]|focus|refocus|pool)\w*\b[^.;]{0,80}?\b(?:at|in|on)\s", re.I
)
# verbs that take work away from a site: "move production from X to Y" closes X
_MOVE_AWAY = re.compile(r"^(?:mov|shift|transfer|relocat|consolidat|transition)", re.I)
_LAST_PREP = re.compile(r"\b(to|into|from|by|with)\b(?!.*\b(?:to|into|from|by|with)\b)", re.I | re.S)
_OTHER_OWNER = re.compile(
    r"(?:\b(?:customers?|competitors?|rivals?|suppliers?|clients?|partners?|vendors?|joint[- ]venture"
    r"|(?:that|another|the\s+other|other)\s+compan(?:y|ies)|the\s+(?:buyer|seller|acquirer|purchaser)"
    r"|former\s+employer|buyer|seller|purchaser)'?s?"
    r"|\b(?P<owner>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})'s?)\s+(?:\w+\s+){0,3}$"
)


# a company named with its legal form, then its seat: "Acme Tooling Inc. of Dayton, Ohio"
_COMPANY_OF = re.compile(
    r"(?P<name>[A-Z][\w&'\-]*(?:\s+(?:[A-Z][\w&'\-]*|&|and)){0,5}),?\s+"
    rf"(?:{LEGAL_SUFFIX_STEM})\.?,?\s+of\s+$"
)


@dataclass(slots=True)
class Mention:
    """A place named in a sentence, with the facility it names and why it may be a decoy."""

    start: int
    end: int
    place: PlaceRef
    kind: str | None = None
    facility: str | None = None  # "Kapuskasing newsprint mill" when the name is stated
    plural: bool = False  # "the Jewett City ... and Littleton ... plants"
    decoy: str | None = None  # headquarters, destination, other-company
    decoy_at: int = 0  # where the words that make it a destination start
    has_facility: bool = False


_KIND_DC = re.compile(r"distribution|fulfil?lment|\bdcs?\b")
_KIND_PLANT = re.compile(
    r"plant|factor|works|foundr|smelter|refiner|manufacturing|production|assembly|fabrication|baker|brewer"
    r"|distill|winer|dair|creamer|hatcher|tanner|packinghouse|slaughter"
)
_KIND_OTHER = re.compile(r"terminal|line|depot|yard|store|laborator|campus")


def kind_of(noun: str) -> str | None:
    """Facility kind from its noun phrase; see DESIGN.md. Smelters and refineries are plants
    (production sites), bare "facility"/"site"/"operations" stay unknown."""
    n = noun.lower()
    if _KIND_DC.search(n):
        return "distribution_center"
    if "warehouse" in n:
        return "warehouse"
    if "mill" in n:
        return "mill"
    if _KIND_PLANT.search(n):
        return "plant"
    if "office" in n:
        return "office"
    if "mine" in n:
        return "mine"
    if _KIND_OTHER.search(n):
        return "other"
    return None


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
        if (
            words[0].lower() in _COMPASS
            and len(words) > 1
            and words[1][:1].isupper()
            and _is_primary(" ".join(words[:2]).rstrip(".,"))
        ):
            break
        words = words[1:]
    return words


@lru_cache(maxsize=4096)
def _is_primary(name: str) -> bool:
    """Whether ``name`` is some town's own name in the gazetteer (not only an alternate), or a
    region's ("West Virginia")."""
    return bool(_region_code(name)) or any(not m.alternate for m in places.get_gazetteer().lookup(name))


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


@lru_cache(maxsize=8192)
def _region_of(text: str) -> tuple[str | None, str | None, int]:
    """(region, country, characters used) for the longest prefix of ``text`` naming one."""
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
        for c in (cand, cand.rstrip(".")):
            region = _region_code(c)
            if region and region[:2] not in _SUBDIVIDED and _is_country_name(c):
                # "Juarez, Mexico" names the country, not the State of Mexico ("Athens, Georgia" stays a state)
                return None, _country_code(c), len(cand)
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


def _best_locality(
    words: list[str],
    region: str | None,
    country: str | None,
    default: str | None = None,
    named: frozenset[str] = frozenset(),
) -> tuple[PlaceRef | None, int]:
    """The longest suffix of ``words`` that resolves; (place, number of words used)."""
    words = _strip_stop(words)
    if len(words) == 1 and _ACRONYM.fullmatch(words[0]):
        # "a new PET line", "its CNC plant": an acronym qualifying a noun, not a town
        return None, 0
    if not words:
        return None, 0
    for n in range(min(4, len(words)), 0, -1):
        name = " ".join(words[-n:]).rstrip(".")
        if name.lower() in _STOP:
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
    ref = _resolve(name, region=region, country=country, default=default, named=named)
    return ref, len(name.split())


_ACRONYM = re.compile(r"[A-Z]{2,4}")


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


def _lookup(
    name: str, known: dict[str, PlaceRef], default: str | None = None, named: frozenset[str] = frozenset()
) -> PlaceRef | None:
    """A bare name: a locality the release qualified before ("Martinsville, Va."), a region or
    country of a country that files places by region ("its Ohio plant", not Lima, Peru), else
    a gazetteer locality."""
    name = name.rstrip(".")
    ref = known.get(name.casefold())
    if ref is not None:
        return replace(ref, text=name)
    area = _area(name)
    if area is not None and (area.region is None or area.country in _SUBDIVIDED):
        return area
    if _known(name):
        return conventional(_resolve(name, default=default, named=named))
    return None


def find_mentions(
    sentence: str,
    issuer_words: frozenset[str] = frozenset(),
    known: dict[str, PlaceRef] | None = None,
    *,
    full: bool = True,
    default_country: str | None = None,
    named: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Places named in a sentence, left to right, with facility words and decoy flags.

    ``known`` maps the localities the release has already qualified with a region to their
    places, and is updated, so that "the Martinsville plant" is the Martinsville, Va. of an
    earlier sentence. ``full`` False stops after the "Locality, Region" spans and leaves the
    mentions undescribed (no facility words or decoys). ``default_country`` is the release's
    home country, for bare names that have namesakes abroad; ``named`` the regions and countries
    the release names anywhere, which settle a bare name before the home country does.
    """
    if known is None:
        known = {}
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    appositions: list[tuple[int, str]] = []  # (where, region) of "in the state of X"

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    def add(s: int, e: int, ref: PlaceRef) -> None:
        if free(s, e) and not _NAME_PART.match(sentence, e) and not _CURRENCY_AFTER.match(sentence, e):
            out.append(Mention(s, e, ref))
        taken.append((s, e))

    # 0. "Town, State of Mexico", "Town in Yamagata Prefecture", "Town, in the X department of France"
    if any(n in sentence for n in _SUBDIV_NEEDLES) and _SUBDIVISION_HINT.search(sentence):
        for s, e, ref in _subdivision_places(sentence, default_country, issuer_words):
            if ref is not None and free(s, e):
                known.setdefault(ref.text.split(",")[0].strip().casefold(), ref)
                add(s, e, ref)
            taken.append((s, e))
    # 1. "Locality, Region" (and "A and B, Region" sharing the region)
    for m in _loc_regions(sentence):
        if not free(m.start("loc"), m.start("loc") + 1):
            continue
        region, country, used = _region_of(m.group("reg"))
        if not (region or country):
            town = _strip_stop(_tokens(m.group("loc")))
            if town and town[-1][:1].isupper():
                found, n_used = _region_of_town(
                    " ".join(town[-2:]) if len(town) > 1 else town[-1], m.group("reg")
                )
                if found is None and len(town) > 1:
                    found, n_used = _region_of_town(town[-1], m.group("reg"))
                if found is not None:
                    region, country, used = found, found[:2], n_used
        if not (region or country) and default_country:
            compass = _COMPASS_REGION.match(m.group("reg"))
            if compass:  # "Wakefield, West Yorkshire": a subdivision of the home country
                region, country, used = None, default_country, compass.end()
        if not (region or country):
            continue
        words = _tokens(m.group("loc"))
        ref, n = _best_locality(words, region, country)
        if ref is None:
            continue
        if not ref.resolved and n > 1 and words[-n] in issuer_words:
            # "Hydro Husnes, Norway": a site named after its company and town is in the town
            n -= 1
            ref = _resolve(" ".join(words[-n:]).rstrip("."), region=region, country=country)
        loc_start = m.start("loc") + len(m.group("loc")) - len(" ".join(words[-n:]))
        if _REGION_NOUN_BEFORE.search(sentence, max(0, loc_start - 30), loc_start):
            # "Saltillo, in the state of Coahuila, Mexico": the region of a place just named
            taken.append((loc_start, m.start("reg") + used))
            stated = places.region_code(" ".join(words[-n:]), country) if country else None
            if stated:
                appositions.append((loc_start, stated))
            continue
        end = m.start("reg") + used
        tail = _TRAILING_COUNTRY.match(sentence, end) if region else None
        if tail and _country_code(tail.group("c").rstrip(".")) == region[:2]:
            end = tail.end("c")  # "Bayan Lepas, Penang, Malaysia": the country closes the place
        if words[-n:][0] in issuer_words and not ref.resolved:
            continue
        conventional(ref, region)
        ref.text = sentence[loc_start:end]
        if ref.locality and (ref.resolved or region):
            # a town the text qualified is that town when named bare later, even one the
            # gazetteer lacks ("Grass Valley, Oregon", then "all Grass Valley operations")
            _share_region(known, " ".join(words[-n:]).rstrip(".").casefold(), ref)
        add(loc_start, end, ref)
        lb = _LIST_BEFORE.search(sentence, 0, loc_start)
        while lb:
            w = _strip_stop(_tokens(lb.group("loc")))
            if not w:
                break
            name = " ".join(w[-3:])
            shared = _resolve(name, region=region, country=country)
            if not shared.resolved or _REGION_NOUN_BEFORE.search(
                sentence, max(0, lb.start() - 30), lb.start()
            ):
                break
            conventional(shared, region)
            known.setdefault(name.rstrip(".").casefold(), shared)
            s = lb.end("loc") - len(name)
            shared.text = sentence[s : lb.end("loc")]
            add(s, lb.end("loc"), shared)
            lb = _LIST_BEFORE.search(sentence, 0, s)
    if not full:  # only "Locality, Region" spans, to learn how the release qualifies its places
        return out
    # facility and work words gate the two patterns below, which are costly to run
    facility_word = _FACILITY.search(sentence) is not None
    if not facility_word and not _WORK.search(sentence):
        out.sort(key=lambda x: x.start)
        for mention in out:
            _apply_appositions(mention, appositions)
            _describe(sentence, mention, issuer_words)
        return out
    # 2. "Kapuskasing newsprint mill", "its Ohio plant"
    for m in _LOC_FACILITY.finditer(sentence) if facility_word else ():
        raw = _tokens(m.group("loc"))
        if len(raw) > 1 and raw[-1].rstrip(".").lower() in _THOROUGHFARE:
            continue  # "its Harbour Road depot": a street address names the site, not a town
        words = _strip_stop(raw)
        if not words or not free(m.start("loc"), m.end("loc")):
            continue
        if _demonym(words[-1]):
            continue  # "its first Canadian battery plant": a nationality, not Canadian, Texas
        if len(words) == 1 and _ACRONYM.fullmatch(words[0]) and not _area(words[0]):
            continue  # "a new PET line", "its CNC plant": an acronym, not a town ("its UK plant" is a country)
        ref = None
        for n in range(min(3, len(words)), 0, -1):
            name = " ".join(words[-n:])
            if set(name.split()) & issuer_words:
                continue
            ref = _lookup(name, known, default_country, named)
            if ref is not None:
                ref.text = name
                break
        if ref is None and len(words) <= 2 and not set(words) & issuer_words:
            # "the Friesau sawmill in Germany": a town the gazetteer lacks, kept with its area
            area = _AREA_AFTER.match(sentence, m.end())
            place = _area(area.group("area").split(". ")[0].rstrip(".,")) if area else None
            if place is not None:
                name = " ".join(words)
                ref = conventional(_resolve(name, region=place.region, country=place.country))
                ref.text = name
        if ref is not None:
            s = m.start("loc") + m.group("loc").rfind(ref.text)
            add(s, s + len(ref.text), ref)
    # 3. "plants in Dayton and Springfield", "operations near Thunder Bay"
    for m in _PREP_LOC.finditer(sentence):
        before = sentence[max(0, m.start() - 60) : m.start()]
        # a list of places goes on past the window: "in A, B in Ontario and in C in Quebec"
        continues = any(0 <= m.start() - other.end <= 40 for other in out)
        if not (_FACILITY.search(before) or _WORK.search(before) or continues) or _STORM.match(
            m.group("loc")
        ):
            continue
        loc_start, loc_text = m.start("loc"), m.group("loc")
        while True:
            words = _strip_stop(loc_text.split())[:3]
            ref, name = None, ""
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n])
                if set(words[:n]) & issuer_words:
                    continue
                ref = _lookup(name, known, default_country, named)
                if ref is not None:
                    break
            if ref is None:
                for place_start, place_end, place in _towns_in_area(sentence, loc_start, issuer_words):
                    add(place_start, place_end, place)
                town = _TOWN_AFTER.match(sentence, loc_start)
                if town and (ref := _lookup(town.group("town"), known, default_country, named)) is not None:
                    # "at Shire Hill, Saffron Walden": an estate or street, then the town it is in
                    ref.text = town.group("town")
                    add(town.start("town"), town.end("town"), ref)
                break
            ls = sentence.index(name, loc_start)
            ref.text = name
            listed = _COLON_LIST.match(sentence, ls + len(name)) if ref.locality is None else None
            if listed:
                # "two facilities in Mississippi: Tupelo and Corinth": the list names the sites
                found = _colon_list(sentence, listed, ref, known, default_country)
                for place_start, place_end, place in found:
                    add(place_start, place_end, place)
                if found:
                    taken.append((ls, ls + len(name)))
                    break
            add(ls, ls + len(name), ref)
            more = _LIST_MORE.match(sentence, ls + len(name))
            if not more:
                break
            if ref.country and _region_code_in(more.group("loc").split(". ")[0].rstrip(".,"), ref.country):
                break  # "in Saffron Walden, Essex": the next name is the town's county, not another town
            loc_start, loc_text = more.start("loc"), more.group("loc")
    out.sort(key=lambda x: x.start)
    out = _without_landmarks(sentence, _sites_in_areas(sentence, out))
    for mention in out:
        _apply_appositions(mention, appositions)
        _describe(sentence, mention, issuer_words)
    return out


# a named storm is no town, whatever the gazetteer holds ("Hurricane", Utah; "Delta", B.C.)
_STORM = re.compile(r"(?:Hurricane|Typhoon|Cyclone|Superstorm|(?:Tropical|Winter)\s+Storm|Storm)\s+[A-Z]")
# what follows a facility noun: its area ("the Friesau sawmill in Germany")
_AREA_AFTER = re.compile(
    rf"\s+(?:located\s+)?(?:in|near)\s+(?:the\s+)?(?P<area>{_CAPW}(?:\s+{_CAPW}){{0,2}})"
)
# an estate or street named before its town: "Shire Hill, Saffron Walden"
_TOWN_AFTER = re.compile(rf"{_LOCALITY},\s+(?P<town>{_LOCALITY})(?=\s*(?:[,.;]|$|\s+(?:for|in|and|on|to)\b))")
# "at Hydro Karmoy and Hydro Husnes in Norway": towns the gazetteer may not hold, then their area
_TOWNS_IN_AREA = re.compile(
    rf"(?P<towns>{_LOCALITY}(?:(?:\s*,\s*|\s+and\s+){_LOCALITY}){{0,5}})\s+in\s+(?:the\s+)?(?P<area>{_CAPW}(?:\s+{_CAPW}){{0,2}})"
)
_TOWN_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _towns_in_area(sentence: str, at: int, issuer_words: frozenset[str]) -> list[tuple[int, int, PlaceRef]]:
    """Towns listed before "in <region or country>", kept with that area even when the gazetteer
    does not know them (flagged unresolved for the editor), never dropped."""
    m = _TOWNS_IN_AREA.match(sentence, at)
    if m is None:
        return []
    area = _area(m.group("area").split(". ")[0].rstrip(".,"))
    if area is None:
        return []
    out = []
    pos = m.start("towns")
    for piece in _TOWN_SPLIT.split(m.group("towns")):
        words = [w for w in _strip_stop(piece.split()) if w not in issuer_words]
        start = sentence.index(piece, pos)
        pos = start + len(piece)
        if not words or len(words) > 3 or any(w.lower().rstrip(".") in _STOP for w in words):
            continue
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
        out.append(m)
    return out


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


def _apply_appositions(mention: Mention, appositions: list[tuple[int, str]]) -> None:
    """ "Saltillo, in the state of Coahuila": the region stated right after a place is its region."""
    for at, region in appositions:
        if 0 < at - mention.end <= 30 and mention.place.country == region[:2]:
            mention.place.region = region


# "US$60 million", "C$", "A$": a currency, not a place
_CURRENCY_AFTER = re.compile(r"\$|\s*-\s*dollars?\b")
# a place name that begins another company's name: "Chesapeake Industrial Partners"
_NAME_PART = re.compile(
    r"(?:\s+[A-Z][\w&'\-]*){0,2}\s+(?:Partners|Capital|Industries|Industrial|Holdings?|Group|Inc|LLC|L\.P|LP"
    r"|Corp|Corporation|Company|Co|Ltd|Limited|Fund|Funds|Equity|Investments?|Ventures|Enterprises|Associates"
    r"|Bank|Bancorp|GmbH|AG|plc|PLC|S\.A|SA)\b"
)
# "the state of Coahuila", "the province of Hainaut": a region, not a locality
_REGION_NOUN_BEFORE = re.compile(
    r"\b(?:state|province|region|county|department|canton|prefecture|district|voivodeship|oblast|Land)\s+of\s+$",
    re.I,
)
_COLON_LIST = re.compile(rf"\s*:\s*(?P<loc>{_LOCALITY})")


def _colon_list(
    sentence: str, first: re.Match[str], area: PlaceRef, known: dict[str, PlaceRef], default: str | None
) -> list[tuple[int, int, PlaceRef]]:
    """The localities listed after "in <region>:", each resolved in that region."""
    out: list[tuple[int, int, PlaceRef]] = []
    m: re.Match[str] | None = first
    while m is not None:
        name = " ".join(_strip_stop(m.group("loc").split())[:3]).rstrip(".")
        if not name:
            break
        ref = _resolve(name, region=area.region, country=area.country, default=default)
        if not ref.resolved:
            break
        conventional(ref, area.region)
        start = sentence.index(name, m.start("loc"))
        ref.text = name
        known.setdefault(name.casefold(), ref)
        out.append((start, start + len(name), ref))
        m = _LIST_MORE.match(sentence, start + len(name))
    return out


_NOUN_AFTER = re.compile(
    rf"^(?P<gap>(?:\s*(?:,|and|or|&)?\s*{_LOCALITY}(?:\s*,\s*(?:{_DOTTED}|{_LOCALITY}))?\s*,?){{1,4}}?)"
    rf"\s*(?P<mods>(?:[a-z][\w\-]*\s+){{0,2}})"
    rf"(?P<noun>{FACILITY_NOUN})\b",
)
_NOUN_RIGHT_AFTER = re.compile(
    rf"(?:\s*,)?\s*(?P<mods>(?:[a-z][\w\-]*\s+){{0,2}})(?P<noun>{FACILITY_NOUN})\b"
)
_NOUN_BEFORE_LIST = re.compile(
    rf"(?P<noun>{FACILITY_NOUN})\s+(?:(?:located|situated)\s+)?(?:in|at|near)\s+[^.;]{{0,80}}$", re.I
)
_CLAUSE_SPLIT = re.compile(r"[;]|,\s+(?:while|but|whereas)\s+|\s+and\s+(?=(?:will|to|it|the\s+company)\s)")
_JOBS_OFFERED = re.compile(
    r"\b(?:offer\w*|given|giving|provid\w*|eligible\s+for|apply\s+for|consider\w*\s+for|transfer\w*\s+to)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:positions?|jobs|roles|employment|opportunities|openings|work)\s+(?:\w+\s+){0,3}?"
    r"(?:at|in|with)\s+[^.;]{0,70}$",
    re.I,
)
_OFFER_STEMS = ("offer", "given", "giving", "provid", "eligible", "apply", "consider", "transfer")
_GATHER_STEMS = ("concentrat", "centrali", "focus", "pool")
_TRIGGERISH = re.compile(r"\b(?:clos|shut|idl|ceas|discontinu|end|stop|halt)\w*", re.I)
_NOUN_BEFORE = re.compile(
    rf"(?P<noun>{FACILITY_NOUN})\s+(?:(?:located|situated)\s+)?(?:in|at|near|outside(?:\s+of)?)\s+$", re.I
)


_TITLE_OF = re.compile(
    r"\b(?:governor|mayor|premier|minister|senator|congressman|congresswoman|representative|ambassador"
    r"|consul(?:\s+general)?|deputy|councill?or|alderman|prefect|reeve|president|secretary|chancellor)s?"
    r"\s+of\s+(?:the\s+)?(?:(?:state|province|city|town|region|county|municipality|district)\s+of\s+)?$",
    re.I,
)


_PREP_ENDS = ("in", "at", "near", "outside", "of")


def _noun_before(before: str) -> re.Match[str] | None:
    """``_NOUN_BEFORE.search(before) if _FACILITY.search(before) else None``, skipping both scans
    when ``before`` cannot end in "in/at/near/outside/of" plus whitespace, as every match does."""
    stripped = before.rstrip()
    tail = stripped[-8:]
    if len(stripped) == len(before) or (tail.isascii() and not tail.lower().endswith(_PREP_ENDS)):
        return None
    return _NOUN_BEFORE.search(before) if _FACILITY.search(before) else None


def _describe(sentence: str, m: Mention, issuer_words: frozenset[str]) -> None:
    """Attach the facility word and decoy flags of one mention."""
    after = sentence[m.end : m.end + 120]
    before = sentence[max(0, m.start - 160) : m.start]
    # facility word right after the place ("... plants", "... newsprint mill")
    a = _NOUN_RIGHT_AFTER.match(after)
    if a:
        noun = a.group("noun")
        m.has_facility = True
        m.kind = kind_of(a.group("mods") + noun)
        m.plural = noun.lower().endswith(("s", "ies")) and noun.lower() not in ("works", "operations")
        if m.plural and noun.lower() in ("operations",):
            m.plural = False
        if not m.plural and m.place.locality:
            m.facility = f"{m.place.text.split(',')[0].strip()} {a.group('mods')}{noun}".replace("  ", " ")
    else:
        # a later place shares the noun: "the Jewett City, Connecticut and Littleton, New Hampshire plants"
        a = _NOUN_AFTER.match(after) if _FACILITY.search(after) else None
        if a and len(a.group("gap") or "") > 0:
            m.has_facility = True
            m.kind = kind_of((a.group("mods") or "") + a.group("noun"))
            m.plural = True
        else:
            b = _noun_before(before)
            if b is None:
                # "plants in Dayton, Ohio, and Erie, Pa.": the noun may sit before a list
                b = _NOUN_BEFORE_LIST.search(before[-110:]) if _FACILITY.search(before[-110:]) else None
            if b:
                m.has_facility = True
                m.kind = kind_of(b.group("noun") + " " + before[max(0, b.start() - 25) : b.start()])
                m.plural = b.group("noun").lower().endswith(("s", "ies")) and b.group("noun").lower() not in (
                    "works",
                    "operations",
                )
                if b.group("noun").lower() in ("operations", "facilities", "sites", "locations"):
                    m.kind = kind_of(before[max(0, b.start() - 25) : b.end()])
    # decoys
    if _TITLE_OF.search(before[-60:]):
        # "the governor of X", "Mayor of Y": a person's office names the place, not a site
        m.decoy = "title"
        return
    hq = _HQ_BEFORE.search(before[-70:])
    if hq and _SITE_BASED.search(before[: len(before) - len(before[-70:]) + hq.start()][-50:]):
        hq = None  # "its spinning operations based in X": where the operations are, not a seat
    if hq or (_HQ_AFTER.match(after) and not _OWN_UNIT.search(before[-40:])):
        # "its Quakertown, PA-based laboratory" is the issuer's own unit at a place, not a seat
        m.decoy = "headquarters"
        return
    clause = _CLAUSE_SPLIT.split(before)[-1]
    last = None
    for last in _TRANSFER.finditer(clause):  # noqa: B007 - the last transfer verb is wanted
        pass
    if last is not None and _DEST_PREP.search(clause, last.end()):
        prep = _LAST_PREP.search(clause, last.end())
        source = prep is not None and prep.group(1).lower() == "from" and _MOVE_AWAY.match(last.group(0))
        if not source:
            m.decoy = "destination"
            m.decoy_at = m.start - len(clause) + (prep.start() if prep is not None else last.start())
            return
    low = clause.lower()
    offer = _JOBS_OFFERED.search(clause) if any(k in low for k in _OFFER_STEMS) else None
    if offer is not None:
        # "employees will be offered positions at the Kokomo plant": where people go, not a site's fate
        m.decoy = "destination"
        m.decoy_at = m.start - len(clause) + offer.start()
        return
    gather = None
    for gather in _GATHER.finditer(clause) if any(k in low for k in _GATHER_STEMS) else ():  # noqa: B007
        pass  # the last one is wanted
    if gather is not None and not _TRIGGERISH.search(clause, gather.end()):
        m.decoy = "destination"
        m.decoy_at = m.start - len(clause) + gather.start()
        return
    seat = _COMPANY_OF.search(before[-90:])
    if seat and not (set(seat.group("name").split()) & issuer_words):
        # "sold to Acme Tooling Inc. of Dayton": where a buyer or seller sits, not a site of the deal
        m.decoy = "company-seat"
        return
    o = _OTHER_OWNER.search(before[-80:])
    if o:
        owner = o.group("owner")
        if (
            owner is None
            or not (set(owner.replace("'s", "").split()) & issuer_words)
            and owner
            not in (
                "Company",
                "The Company",
            )
        ):
            m.decoy = "other-company"


# "in Oregon", "of Anhui Province", ", Northern Territory", "with the Northern Territory Government",
# "the Australian Government": an area the text names
_AREA_PHRASE = re.compile(
    rf"(?:\b(?:in|of|across|throughout|at|with|for|and|to|from|by|on)\s+(?:the\s+)?|,\s*)"
    rf"(?P<area>{_CAPW}(?:\s+{_CAPW}){{0,2}})"
)
_AREA_WORD = re.compile(r"(?i:province|state|territory|region|county|prefecture)\b")


def named_areas(text: str) -> frozenset[str]:
    """ISO codes of the regions and countries a release names, to settle its bare town names."""
    found: set[str] = set()
    for m in _AREA_PHRASE.finditer(text):
        words = m.group("area").split(". ")[0].rstrip(".,").split()
        if words and (code := NATIONALITY.get(words[0].lower())):
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
        if not used:
            continue
        whole = used >= len(phrase) - 1
        several = len(phrase[:used].split()) > 1  # "Northern Territory Government": a region's name and more
        if not (whole or several):
            continue
        if region and (region[:2] in _SUBDIVIDED or several or not words[0].isupper()):
            found.add(region)
            found.add(region[:2])
        elif country:
            found.add(country)
    return frozenset(found)
