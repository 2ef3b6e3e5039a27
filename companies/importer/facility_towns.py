"""The town in "<words> <facility noun>": "its Kapuskasing newsprint mill", "Brillion Iron Works
Foundry", "its Crofton Division", "the Friesau sawmill in Germany". A mixin of ``spans``'
sentence reader, which gives it the sentence, the issuer's words, the areas the release names and
``_lookup`` / ``add`` / ``free``.

Pure Python: no Django, no network.
"""

from __future__ import annotations

import re

from .lexicon import FACILITY_NOUN, SITE_NOUN
from .place_lists import _LIST_BEFORE
from .place_names import (
    _CAPW,
    _SUBDIVIDED,
    _area,
    _country_code,
    _cuts_a_name,
    _is_known,
    _resolve,
    _strip_stop,
    _tokens,
    conventional,
)
from .proposal import PlaceRef
from .reader_parts import ReaderParts

# the first word of a site's own name after its town: a trade or a facility word in capitals
_SITE_NAME_WORD = re.compile(
    rf"(?i:{FACILITY_NOUN})|Iron|Steel|Paper|Pulp|Tissue|Board|Lumber|Timber|Wood|Chemicals?|Glass|Cement"
    r"|Aluminum|Aluminium|Metals?|Castings?|Forge|Sugar|Foods?|Dairy|Brewing|Energy|Power|Textiles?|Plastics?"
    r"|Tin|Copper|Gold|Zinc|Nickel|Coal|Lead|Silver|Lithium"
)


# what follows a facility noun: its area ("the Friesau sawmill in Germany"), maybe a part of it
# ("in the interior of British Columbia", "in northern Sweden", "in the province of Quebec")
_AREA_AFTER = re.compile(
    r",?\s+(?:located\s+)?(?:in|near)\s+(?:the\s+)?"
    r"(?:(?:(?:interior|north|south|east|west|centre|center|heart|province|state|region)\s+of\s+(?:the\s+)?)"
    r"|(?:northern|southern|eastern|western|central|northeastern|northwestern|southeastern|southwestern)\s+)?"
    rf"(?P<area>{_CAPW}(?:\s+{_CAPW}){{0,2}})"
)


# a country's possessive right before a site's name: "Peru's Cerro Lindo mine"
_COUNTRY_OWNS = re.compile(r"(?<![\w-])(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)['\u2019]s\s+$")

# the side of town a site's name may end with ("Massena East", "Kitimat West")
_COMPASS_NAMES = frozenset({"East", "West", "North", "South"})

# the words for a whole site
_SITE_WORD = re.compile(rf"(?i:{SITE_NOUN})")

# the owner's word right before a site's name: "its Amana plant"
_OWNED_BEFORE = re.compile(r"\b(?:its|their|our)\s+$")


class FacilityTowns(ReaderParts):
    """Towns named by the words before a facility noun."""

    def town_naming_facility(self, m: re.Match[str], words: list[str]) -> PlaceRef | None:
        """The town of the facility ``m`` names with ``words`` (its "loc" group), if any."""
        ref = self._facility_town(m, words)
        if ref is not None and m.group(0).endswith(" Mills") and ref.text == " ".join(words):
            # "York Mills", "Cone Mills": a capitalised "Mills" after a name ends a place's or a
            # company's name, not a town's plants
            return None
        if ref is not None and m.group(0).endswith(("Division", "Divisions")):
            return self._division_town(words)
        return ref

    def _the_one_region_named(self, m: re.Match[str], words: list[str]) -> PlaceRef | None:
        """ "its Amana production facility" in a release about "an eastern Iowa manufacturer":
        a one-word name the gazetteer lacks, owned by the subject, is a village of the one
        state or province the release names, or of the one country it names outside the US and
        Canada (kept unresolved there for the editor)."""
        regions = [code for code in self.named if "-" in code and code[:2] in _SUBDIVIDED]
        countries = {code for code in self.named if "-" not in code}
        noun = m.group(0)[len(m.group("loc")) :].split()[-1]
        if (
            len(words) != 1
            or not _SITE_WORD.fullmatch(noun)  # a site, not a product line ("our Wheatex line")
            or "-" in words[0]  # "its Niagara-Burlington operations": a business's name
            or not _OWNED_BEFORE.search(self.sentence, max(0, m.start("loc") - 8), m.start("loc"))
            or _is_known(words[0])
        ):
            return None
        if len(regions) == 1:
            return PlaceRef(locality=None, region=regions[0], country=regions[0][:2], resolved=False)
        if not regions and len(countries) == 1 and not countries & _SUBDIVIDED:
            # "its Kyroskoski sawmill" in a release about Finland: a village of the one country
            # named, where towns are filed without their region
            return PlaceRef(locality=None, region=None, country=next(iter(countries)), resolved=False)
        return None

    def _division_town(self, words: list[str]) -> PlaceRef | None:
        """The town a division is named after: the first words of its name ("Roanoke Bar
        Division", "Kitakami Division"), a town the gazetteer holds in a country the release
        names; a division named by its trade ("Structural and Rail Division") has none."""
        for n in range(min(3, len(words)), 0, -1):
            name = " ".join(words[:n])
            if set(words[:n]) & self.issuer_words:
                continue
            ref = self._lookup(name)
            if ref is not None and ref.resolved and ref.country in {*self.named, self.default_country}:
                ref.text = name
                return ref
        return None

    def _facility_town(self, m: re.Match[str], words: list[str]) -> PlaceRef | None:
        """The town of "<words> <facility noun>": its last words, the words before a site's own
        name, or a village the gazetteer lacks kept with the area the sentence names after it."""
        sentence, issuer_words = self.sentence, self.issuer_words
        if (
            len(words) > 1
            and words[-1] in _COMPASS_NAMES
            and _is_known(" ".join(words[:-1]))
            and not _is_known(" ".join(words))
        ):
            # "the Massena East plant": one of the town's sites, named by its side of town
            words = words[:-1]
        based = next((w[: -len("-based")] for w in words if w.endswith("-based")), None)
        if based and (ref := self._lookup(based)) is not None:
            # "the Mioveni-based Dacia plant": the town the site is based in, not the brand after it
            ref.text = based
            return ref
        area = _AREA_AFTER.match(sentence, m.end())
        place = _area(area.group("area").split(". ")[0].rstrip(".,")) if area else None
        # "Peru's Cerro Lindo mine": the country whose site it is, named before it
        # (the possessive may open the words before the noun, or come right before them)
        first = m.start("loc") + m.group("loc").find(words[0]) if words else m.start("loc")
        owner = _COUNTRY_OWNS.search(sentence, max(0, first - 40), first)
        owner_country = _country_code(owner.group("country")) if owner else None
        if place is None and owner_country:
            place = PlaceRef(locality=None, region=None, country=owner_country, resolved=True)
        for n in range(min(3, len(words)), 0, -1):
            name = " ".join(words[-n:])
            if set(name.split()) & issuer_words or _cuts_a_name(words, n):
                continue
            if place is not None and place.country and place.region is None:
                # "its Portland smelter in Australia": the town of that name in the country named
                # after (a state named after is read by the sentence reader, which takes its span)
                there = conventional(_resolve(name, region=place.region, country=place.country))
                if there.resolved:
                    there.text = name
                    return there
                if owner_country:
                    continue  # (not a namesake abroad of a part of the name: "Lindo" in Sweden)
            ref = self._lookup(name)
            if ref is not None:
                ref.text = name
                return ref
        cut = None
        if len(words) > 1:
            # "Brillion Iron Works Foundry", "Kapuskasing Paper Mill": the town, then the site's
            # own name in capitals (its trade and a facility word)
            # ("York Mills", "Owings Mills": a capitalised "Mills" ends a place's name, no site's)
            cut = next(
                (
                    k
                    for k in range(1, len(words))
                    if _SITE_NAME_WORD.fullmatch(words[k]) and words[k] != "Mills"
                ),
                None,
            )
            if cut is not None and not set(words[:cut]) & issuer_words:
                name = " ".join(words[max(0, cut - 3) : cut])
                ref = self._lookup(name)
                if ref is not None:
                    ref.text = name
                    return ref
        if cut is not None and cut < len(words):
            words = words[:cut]  # "its Renison Tin operations in Tasmania": the place before the trade
        if len(words) > 2 or set(words) & issuer_words:
            return None
        # "the Friesau sawmill in Germany": a town the gazetteer lacks, kept with its area
        if place is None:
            place = self._the_one_region_named(m, words)
        if place is None:
            return None
        name = " ".join(words)
        ref = conventional(_resolve(name, region=place.region, country=place.country))
        ref.text = name
        # "its Mooinooi and Millsell plants in South Africa": the towns listed before share it
        lb = _LIST_BEFORE.search(sentence, 0, m.start("loc"))
        while lb and self.free(lb.start("loc"), lb.end("loc")):
            w = _strip_stop(_tokens(lb.group("loc")))
            if not w or len(w) > 2 or set(w) & issuer_words:
                break
            other = " ".join(w)
            shared = conventional(_resolve(other, region=place.region, country=place.country))
            shared.text = other
            start = lb.end("loc") - len(other)
            self.add(start, lb.end("loc"), shared)
            lb = _LIST_BEFORE.search(sentence, 0, start)
        return ref
