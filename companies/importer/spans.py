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

from . import places
from .areas import _COUNTY, _TOWN_SPLIT, _sites_in_areas, _without_landmarks
from .clauses import PROPERTY_WORD
from .facility_towns import FacilityTowns
from .lexicon import COMPANY_SUFFIX, FACILITY_NOUN
from .loc_regions import _loc_regions, region_after
from .mention_context import (
    _CURRENCY_AFTER,
    _FACILITY,
    _NAME_PART,
    _REGION_NOUN_BEFORE,
    _apply_appositions,
    _describe,
)
from .mention_context import Mention as Mention  # a place mention, part of this API
from .mention_context import kind_of as kind_of  # the kind of a facility noun, part of this API
from .place_lists import _LIST_BEFORE, _PLACED_AFTER, _add_listed_before, _near, _village_listed_with
from .place_names import (
    _ACRONYM,
    _LOCALITY,
    _PERSON_TITLE,
    _THOROUGHFARE,
    _area,
    _best_locality,
    _country_code,
    _demonym,
    _is_country_name,
    _lookup,
    _region_code_in,
    _resolve,
    _share_region,
    _strip_stop,
    _tokens,
    conventional,
)
from .prep_places import _WORK, PrepositionPlaces
from .proposal import PlaceRef
from .subdivisions import (
    _SUBDIV_NEEDLES,
    _SUBDIVISION_HINT,
    _TRAILING_COUNTRY,
    _subdivision_places,
    listed_regions,
    regions_towns,
)

# words that never describe a site: "Lemay including its facilities" names no town's facilities
_FUNCTION_WORD = (
    r"(?:its|their|our|his|her|the|a|an|and|or|but|of|including|with|to|from|for|in|at|by|as|on|which|that)"
)
# "Kapuskasing newsprint mill": a locality, up to two lowercase modifiers, a facility word.
# "Kapuskasing newsprint mill", "Stockstadt Mill", "Granite City Works", "Walsum's paper mill"
_LOC_FACILITY = re.compile(
    # (the words between describe the site: "Kemi pulp mill", never "Lemay including its facilities")
    rf"(?P<loc>{_LOCALITY})(?:'s)?\s+(?P<mods>(?:(?!{_FUNCTION_WORD}\s)[a-z][\w\-]*\s+){{0,2}})(?i:{FACILITY_NOUN})\b"
)


# countries whose first-level region written before the country is the region, never the town
# of its name ("a smelter in Québec, Canada"); elsewhere "Osaka, Japan" is as often the city
_PROVINCE_BEFORE_COUNTRY = frozenset({"CA"})
# a country's two letters after a name the gazetteer lacks ("Marketing, IT")
_COUNTRY_LETTERS = re.compile(r"[A-Z]{2}")
# ... and in the US, unless the town of the state's name is a city the name means first
_CITY_OVER_STATE = 100_000

# the last word of a company's name, not a town's: "CCI Group, Japan", "Acme Holdings, Germany"
_COMPANY_WORD_END = re.compile(rf"^(?:{COMPANY_SUFFIX}|Group|Holdings?)$")

# the plural nouns that end a list of regions ("Miyagi, Saitama and Kanagawa prefectures")
_PLURAL_REGION_NEEDLES = (
    "prefectures",
    "provinces",
    "states",
    "regions",
    "counties",
    "oblasts",
    "departments",
)

# a site's number after its town's name: "Liberty II", "Plant 2"
_ORDINAL_NUMERAL = re.compile(r"(?:II|III|IV|VI|VII|VIII|[2-9])")


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
    reader = _SentenceReader(sentence, issuer_words, {} if known is None else known, default_country, named)
    reader.subdivisions()
    reader.localities_with_regions()
    if not full:  # only "Locality, Region" spans, to learn how the release qualifies its places
        return reader.out
    # facility and work words gate the two passes below, which are costly to run
    facility_word = _FACILITY.search(sentence) is not None
    if not facility_word and not _WORK.search(sentence) and not PROPERTY_WORD.search(sentence):
        return reader.described(settle_areas=False)
    if facility_word:
        reader.localities_naming_facilities()
    reader.localities_in_brackets()
    reader.localities_after_prepositions()
    return reader.described(settle_areas=True)


# a site's own name right before the town it is in: "move production from Ello in Kristiansund"
_NAME_IN_TOWN = re.compile(r"\s+(?:in|at)\s+$")


def _without_site_names(sentence: str, out: list[Mention]) -> list[Mention]:
    """Drop a bare name that stands right before "in <Town>" and that the gazetteer places in
    another country than that town ("Ello in Kristiansund" is a factory's name, not Ello, Italy)."""
    drop = set()
    for a, b in zip(out, out[1:], strict=False):
        if (
            _NAME_IN_TOWN.fullmatch(sentence, a.end, b.start)
            and b.place.locality
            and b.place.resolved
            and "," not in a.place.text
            and a.place.country != b.place.country
        ):
            drop.add(id(a))
    return [m for m in out if id(m) not in drop]


class _SentenceReader(FacilityTowns, PrepositionPlaces):
    """One sentence read for places, pass by pass: the mentions found so far, the spans already
    taken (a later pass never reads a place inside an earlier one's), and the release's context."""

    def __init__(
        self,
        sentence: str,
        issuer_words: frozenset[str],
        known: dict[str, PlaceRef],
        default_country: str | None,
        named: frozenset[str],
    ):
        self.sentence = sentence
        self.issuer_words = issuer_words
        self.known = known
        self.default_country = default_country
        self.named = named
        self.out: list[Mention] = []
        self.taken: list[tuple[int, int]] = []
        self.appositions: list[tuple[int, str]] = []  # (where, region) of "in the state of X"

    def free(self, s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in self.taken)

    def add(self, s: int, e: int, ref: PlaceRef) -> None:
        sentence = self.sentence
        if self.free(s, e) and not _NAME_PART.match(sentence, e) and not _CURRENCY_AFTER.match(sentence, e):
            self.out.append(Mention(s, e, ref))
        self.taken.append((s, e))

    def _lookup(self, name: str) -> PlaceRef | None:
        return _lookup(name, self.known, self.default_country, self.named)

    def described(self, *, settle_areas: bool) -> list[Mention]:
        out = sorted(self.out, key=lambda x: x.start)
        if settle_areas:
            out = _without_landmarks(self.sentence, _sites_in_areas(self.sentence, out))
        # a name the gazetteer holds in several countries, with nothing in the text to choose one
        # ("the Walton Works"), places nothing: kept, it would be an event nobody can locate
        # (a county stays: "its Rutherford County smelter" names where a rural site is)
        out = [
            m
            for m in out
            if m.place.resolved
            or m.place.country
            or m.place.region
            or not m.place.locality
            or _COUNTY.search(m.place.locality)
        ]
        out = _without_site_names(self.sentence, out)
        for mention in out:
            _apply_appositions(mention, self.appositions)
            _describe(self.sentence, mention, self.issuer_words)
        return out

    def subdivisions(self) -> None:
        """ "Town, State of Mexico", "Town in Yamagata Prefecture", "Town, in the X department of
        France", "the Miyagi town of Taiwa"."""
        sentence = self.sentence
        if " of " in sentence and (
            "city of" in sentence or "town of" in sentence or "village of" in sentence
        ):
            for s, e, ref in regions_towns(sentence, self.default_country):
                if self.free(s, e):
                    self.add(s, e, ref)
        if " and " in sentence and any(n in sentence for n in _PLURAL_REGION_NEEDLES):
            self.taken.extend(listed_regions(sentence))
        if not (any(n in sentence for n in _SUBDIV_NEEDLES) and _SUBDIVISION_HINT.search(sentence)):
            return
        for s, e, ref in _subdivision_places(sentence, self.default_country, self.issuer_words):
            if ref is not None and self.free(s, e):
                self.known.setdefault(ref.text.split(",")[0].strip().casefold(), ref)
                self.add(s, e, ref)
            self.taken.append((s, e))

    def localities_with_regions(self) -> None:
        """ "Locality, Region", and "A and B, Region" sharing the region."""
        sentence, issuer_words = self.sentence, self.issuer_words
        for m in _loc_regions(sentence):
            if not self.free(m.start("loc"), m.start("loc") + 1):
                continue
            region, country, used = region_after(self.sentence, m, self.default_country)
            if not (region or country):
                continue
            words = _tokens(m.group("loc"))
            if (
                words
                and words[-1].rstrip(".").casefold() in self.known
                and m.group("reg")[:used].rstrip(".").casefold() in self.known
            ):
                continue  # "its Tacoma, Portland and Auburn warehouses": towns the release placed, listed
            if len(words) > 1 and words[-1].rstrip(".").lower() in _THOROUGHFARE:
                continue  # "2765 NW Nicolai Street, Portland, Oregon": a street, then the town it is in
            if len(words) > 1 and _COMPANY_WORD_END.search(words[-1]):
                continue  # "selling its site to CCI Group, Japan": a company and its country, no town
            ref, n = _best_locality(words, region, country)
            if ref is None:
                continue
            if not ref.resolved and _is_country_name(" ".join(words[-n:]).rstrip(".")):
                continue  # "acquisitions in Brazil, France and Indonesia": a list of countries
            if (
                (
                    not ref.resolved
                    or country in _PROVINCE_BEFORE_COUNTRY
                    # ("Louisiana, USA" is the state; "New York, USA" the city)
                    or (
                        country == "US"
                        and places.largest_population(" ".join(words[-n:]).rstrip("."), "US")
                        < _CITY_OVER_STATE
                    )
                )
                and region is None
                and country
                and _region_code_in(" ".join(words[-n:]), country)
            ):
                continue  # "facilities in southern Ontario, Canada": a province and its country, no town
            if (
                not ref.resolved
                and region is None
                and _COUNTRY_LETTERS.fullmatch(m.group("reg")[:used].rstrip("."))
            ):
                continue  # "Finance, Marketing, IT, Legal": two capitals abroad name a trade, not Italy
            if len(words) > n and words[-n - 1].lower().rstrip(".") in _PERSON_TITLE:
                continue  # "said Mayor Rick West, City of Chesapeake": a person and the body they lead
            loc_start = m.start("loc") + len(m.group("loc")) - len(" ".join(words[-n:]))
            if _PERSON_NAME_BEFORE.search(sentence, max(0, loc_start - 3), loc_start) or _DISTRICT.match(
                sentence, m.start("loc") + len(m.group("loc"))
            ):
                # a surname's second part ("Tim O'Connor, U.S. Congressman") or a legislator with
                # the state and number of his district ("Bob Dold (IL-10)"): a person, no town
                continue
            if not ref.resolved and n > 1 and words[-n] in issuer_words:
                # "Hydro Husnes, Norway": a site named after its company and town is in the town
                n -= 1
                ref = _resolve(" ".join(words[-n:]).rstrip("."), region=region, country=country)
            loc_start = m.start("loc") + len(m.group("loc")) - len(" ".join(words[-n:]))
            if _REGION_NOUN_BEFORE.search(sentence, max(0, loc_start - 30), loc_start):
                # "Saltillo, in the state of Coahuila, Mexico": the region of a place just named
                self.taken.append((loc_start, m.start("reg") + used))
                stated = places.region_code(" ".join(words[-n:]), country) if country else None
                if stated:
                    self.appositions.append((loc_start, stated))
                continue
            end = m.start("reg") + used
            tail = _TRAILING_COUNTRY.match(sentence, end) if region else None
            if tail and _country_code(tail.group("c").rstrip(".")) == region[:2]:
                end = tail.end("c")  # "Bayan Lepas, Penang, Malaysia": the country closes the place
            if words[-n:][0] in issuer_words and not ref.resolved:
                continue
            conventional(ref, region)
            ref.text = sentence[loc_start:end]
            if ref.locality and (ref.resolved or region or country):
                # a town the text qualified is that town when named bare later, even one the
                # gazetteer lacks ("Grass Valley, Oregon", then "all Grass Valley operations")
                _share_region(self.known, " ".join(words[-n:]).rstrip(".").casefold(), ref)
            self.add(loc_start, end, ref)
            self._listed_with_region(loc_start, region, country)

    def _listed_with_region(self, loc_start: int, region: str | None, country: str | None) -> None:
        """The towns listed before a "Locality, Region" share its region ("A and B, Region")."""
        sentence, issuer_words = self.sentence, self.issuer_words
        lb = _LIST_BEFORE.search(sentence, 0, loc_start)
        while lb:
            w = _strip_stop(_tokens(lb.group("loc")))
            if not w:
                break
            name = " ".join(w[-3:])
            shared = _resolve(name, region=region, country=country)
            if _REGION_NOUN_BEFORE.search(sentence, max(0, lb.start() - 30), lb.start()):
                break
            if not shared.resolved and not (
                # "sawmills in Elko and Canal Flats, British Columbia": a village the gazetteer
                # lacks, listed with the region, is kept with that region for the editor
                region
                and len(w) <= 2
                and _PLACE_AFTER_NOUN.search(sentence, max(0, lb.start() - 40), lb.start())
                and not set(w) & issuer_words
                and all(x[:1].isupper() and x[1:2].islower() for x in w)
            ):
                break
            conventional(shared, region)
            self.known.setdefault(name.rstrip(".").casefold(), shared)
            s = lb.end("loc") - len(name)
            shared.text = sentence[s : lb.end("loc")]
            self.add(s, lb.end("loc"), shared)
            lb = _LIST_BEFORE.search(sentence, 0, s)

    def localities_naming_facilities(self) -> None:
        """ "Kapuskasing newsprint mill", "its Ohio plant"."""
        sentence, issuer_words = self.sentence, self.issuer_words
        for m in _LOC_FACILITY.finditer(sentence):
            raw = _tokens(m.group("loc"))
            if len(raw) > 1 and raw[-1].rstrip(".").lower() in _THOROUGHFARE:
                continue  # "its Harbour Road depot": a street address names the site, not a town
            words = _strip_stop(raw)
            if len(words) > 1 and _ORDINAL_NUMERAL.fullmatch(words[-1]):
                words = words[:-1]  # "its new Liberty II facility": the town's second site
            if not words or not self.free(m.start("loc"), m.end("loc")):
                continue
            if _demonym(words[-1]):
                continue  # "its first Canadian battery plant": a nationality, not Canadian, Texas
            if len(words) == 1 and _ACRONYM.fullmatch(words[0]) and not _area(words[0]):
                continue  # "a new PET line", "its CNC plant": an acronym, not a town ("its UK plant" is a country)
            ref = self.town_naming_facility(m, words)
            if ref is not None:
                s = m.start("loc") + m.group("loc").rfind(ref.text)
                self.add(s, s + len(ref.text), ref)
            if m.group(0).endswith("s") and (ref is not None or len(words) == 1):
                # "its Dayton, Erie and Akron plants": every town listed before a plural noun (even
                # when the last is a village the gazetteer lacks)
                s = m.start("loc") + m.group("loc").rfind(ref.text if ref is not None else words[-1])
                anchor = ref if ref is not None and ref.resolved else None
                listed = _add_listed_before(
                    sentence,
                    s,
                    self.known,
                    self.default_country,
                    self.named,
                    issuer_words,
                    self.add,
                    self.free,
                    anchor,
                )
                if ref is None and listed and all(r.resolved for r in listed):
                    # "its La Sarre, Senneterre and Bearn sawmills": the last, a village the
                    # gazetteer lacks, is kept where the towns listed with it are
                    regions = {r.region for r in listed}
                    village, name = _village_listed_with(listed[0], words[-1], issuer_words)
                    if (
                        village is not None
                        and len({r.country for r in listed}) == 1
                        and not re.match(_PLACED_AFTER, sentence[s + len(name) :])
                    ):
                        village.region = regions.pop() if len(regions) == 1 else None
                        village.text = name
                        self.add(s, s + len(name), village)

    def localities_in_brackets(self) -> None:
        """ "two manufacturing facilities (Welshpool and Lytton)", "its production in Europe
        (Cologne, Ulm, Zafra)": sites listed in brackets after the word for them."""
        sentence = self.sentence
        if "(" not in sentence:
            return
        for m in _BRACKET_LIST.finditer(sentence):
            pos = m.start("list")
            first: PlaceRef | None = None  # the list keeps to its first town's area
            for piece in _TOWN_SPLIT.split(m.group("list")):
                start = sentence.index(piece, pos)
                pos = start + len(piece)
                name = piece.strip()
                if (
                    not name
                    or set(name.split()) & self.issuer_words
                    or not self.free(start, start + len(name))
                ):
                    continue
                ref = self._lookup(name)
                if first is not None and (ref is None or ref.country != first.country):
                    # (or a village the gazetteer lacks, kept in that area: "(Welshpool and Lytton)")
                    ref = _near(name, first) or _village_listed_with(first, name, self.issuer_words)[0] or ref
                if ref is not None and ref.locality:
                    ref.text = name
                    self.add(start, start + len(name), ref)
                    if first is None and ref.country:
                        first = ref


# the start of a surname glued to its second part by an apostrophe ("O'", "D'")
_PERSON_NAME_BEFORE = re.compile(r"\b[A-Z]['\u2019]$")
# a legislator's district after his name: "(IL-10)", "(R-Ohio)"
_DISTRICT = re.compile(r"\s*\(\s*(?:[A-Z]{2}-\d{1,2}|[RDI]-[A-Z][a-z]*\.?)\s*\)")


# a facility noun and "in" before a list of towns: "sawmills in Elko and ..."
_PLACE_AFTER_NOUN = re.compile(rf"(?i:{FACILITY_NOUN})\s+(?:(?:located|based)\s+)?(?:in|at|near)\s+$")


# a list of two or more places in brackets after a facility or work word
_BRACKET_LIST = re.compile(
    rf"\b(?i:{FACILITY_NOUN}|production|operations)\b[^().;]{{0,40}}?\(\s*"
    rf"(?P<list>{_LOCALITY}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_LOCALITY}){{1,8}})\s*\)"
)
