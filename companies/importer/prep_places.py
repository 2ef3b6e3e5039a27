"""Places after a preposition next to a facility or work word: "its plants in Dayton and
Springfield", "operations near Thunder Bay", "move production from Erie to ...", with the
towns listed after the first. A mixin of ``spans``' sentence reader, which gives it the
sentence, the issuer's words, the mentions found so far and ``_lookup`` / ``add`` / ``free``.

Pure Python: no Django, no network.
"""

from __future__ import annotations

import re

from . import places
from .areas import _AREA_ITEM, _towns_in_area
from .clauses import PROPERTY_WORD
from .dates import MONTH_RX
from .lexicon import PART_NOUN, SITE_NOUN
from .mention_context import _COLON_LIST, _FACILITY, _LIST_MORE, _colon_list
from .place_lists import _PLACED_AFTER, _near, _village_listed_with, _world_city
from .place_names import _CAPW, _LOCALITY, _SUBDIVIDED, _region_code_in, _strip_stop
from .proposal import PlaceRef
from .reader_parts import ReaderParts

# work or a part of a site before "in/at X" places it too: "restarted the blast furnace at X"
_WORK = re.compile(
    rf"\b(?:production|manufacturing|operations|capacity|jobs|employees|workers|invest\w*|curtailments?|downtime|shutdowns?|{PART_NOUN})\b",
    re.I,
)


_PREP_LOC = re.compile(
    rf"\b(?:in|at|near|outside(?:\s+of)?|of)\s+(?P<loc>{_LOCALITY})"
    # "from" only before a town placed in its area: "move its plant from Singur in West Bengal"
    rf"|\bfrom\s+(?P<from>{_LOCALITY})(?=\s+in\s+(?:the\s+)?{_CAPW})"
    # or work moved from a town to another: "move production from Erie to its Dayton plant"
    # (only after a verb of moving: "sales from Erie to" is no site)
    rf"|\bfrom\s+(?P<moved>{_LOCALITY})(?=\s*,?\s+(?:to|into)\s)"
    # a town named by the area around it: "a new facility in the Haining region", "located in
    # Houston metropolitan area", "in the greater Erie area"
    rf"|\b(?:in|near)\s+(?:the\s+(?:greater\s+)?)?(?P<vicinity>{_LOCALITY})(?=\s+(?:metropolitan\s+|metro\s+)?(?:region|area)\b)"
    # sites named right after their plural noun, a list: "its paper mills Skarblacka and Gruvon"
    rf"|\b(?:mills|plants|factories|sawmills|smelters|refineries|sites)\s+(?P<named>{_LOCALITY})(?=\s*(?:,|and\b))"
)


# a verb of moving work, before "from <Town> to"
_MOVE_VERB = re.compile(r"\b(?:mov|shift|transfer|relocat|transition|consolidat)\w*\b", re.I)


# a named storm is no town, whatever the gazetteer holds ("Hurricane", Utah; "Delta", B.C.)
_STORM = re.compile(r"(?:Hurricane|Typhoon|Cyclone|Superstorm|(?:Tropical|Winter)\s+Storm|Storm)\s+[A-Z]")


# an estate or street named before its town: "Shire Hill, Saffron Walden"
_TOWN_AFTER = re.compile(rf"{_LOCALITY},\s+(?P<town>{_LOCALITY})(?=\s*(?:[,.;]|$|\s+(?:for|in|and|on|to)\b))")


class PrepositionPlaces(ReaderParts):
    """Towns after "in", "at", "near", "from" next to a facility or work word."""

    def localities_after_prepositions(self) -> None:
        """ "plants in Dayton and Springfield", "operations near Thunder Bay"."""
        sentence = self.sentence
        for m in _PREP_LOC.finditer(sentence):
            before = sentence[max(0, m.start() - 60) : m.start()]
            # a list of places goes on past the window: "in A, B in Ontario and in C in Quebec"
            continues = any(0 <= m.start() - other.end <= 40 for other in self.out)
            # (real estate names a site's place too: "an operational property in X")
            group = next(g for g in ("loc", "from", "moved", "vicinity", "named") if m.group(g))
            if group == "moved" and not _MOVE_VERB.search(before):
                continue
            # (a move verb is enough before "from X to": its object may be long, "the production
            # of seat components will be moved - for the most part - from X to")
            if not (
                _FACILITY.search(before)
                or _WORK.search(before)
                or PROPERTY_WORD.search(before)
                or continues
                or group in ("named", "moved")
            ) or _STORM.match(m.group(group)):
                continue
            self._places_from(m.start(group), m.group(group))

    def _village_at_home(self, loc_start: int, loc_text: str) -> PlaceRef | None:
        """A one-word name the gazetteer lacks right after a site noun and "in"/"at", in a
        release with a home country outside the US and Canada (whose towns are filed by state)."""
        home = self.default_country
        if home is None or home in _SUBDIVIDED:
            return None
        if not _SITE_THEN_PREP.search(self.sentence, max(0, loc_start - 40), loc_start):
            return None
        word = _VILLAGE_WORD.match(loc_text)
        if word is None or word.group(0) in self.issuer_words or _NOT_A_VILLAGE.fullmatch(word.group(0)):
            return None
        name = word.group(0)
        if places.is_known_locality(name) or places.country_code(name) or places.region_code(name):
            return None
        return PlaceRef(locality=name, region=None, country=home, resolved=False, text=name)

    def _city_of_town(self, ref: PlaceRef, more: re.Match[str]) -> bool:
        """Whether the one name after a town and a comma, ending the list there, is the bigger
        place the town is in ("Chakan, Pune, with an investment of"), not a second site."""
        if not ref.resolved or not ref.locality or not more.group(0).lstrip().startswith(","):
            return False
        name = _strip_stop(more.group("loc").split(". ")[0].rstrip(".,").split())
        if not name or _LIST_GOES_ON.match(self.sentence, more.start("loc") + len(" ".join(name))):
            return False
        city = self._lookup(" ".join(name))
        return (
            city is not None
            and city.resolved
            and city.country == ref.country
            and places.largest_population(" ".join(name), ref.country)
            > 5 * places.largest_population(ref.locality, ref.country)
        )

    def _places_from(self, loc_start: int, loc_text: str) -> None:
        """The place at ``loc_start`` and those listed after it ("in Tupelo, Corinth and Erie")."""
        sentence, issuer_words = self.sentence, self.issuer_words
        listed_with: PlaceRef | None = None  # the town a list item follows
        while True:
            words = _strip_stop(loc_text.split())[:3]
            ref, name = None, ""
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n])
                if set(words[:n]) & issuer_words:
                    continue
                ref = self._lookup(name)
                if listed_with is not None and (ref is None or ref.country != listed_with.country):
                    # a list keeps to its first town's area: "in Dayton, Akron and Canton" is
                    # Canton, Ohio, not the bigger Canton abroad (but "Toronto and Paris" is Paris)
                    ref = ref if _world_city(name, ref) else (_near(name, listed_with) or ref)
                if ref is not None:
                    break
            if listed_with is not None and (
                ref is None or not ref.resolved or ref.country != listed_with.country
            ):
                village, whole = _village_listed_with(listed_with, loc_text, issuer_words)
                # ("A Lumber in X and Apollo Mills in Y": a site's or its company's name, placed after it)
                placed = village is not None and re.match(
                    _PLACED_AFTER, sentence[sentence.find(whole, loc_start) + len(whole) :]
                )
                if placed:
                    ref = None
                elif village is not None and (ref is None or not ref.resolved or len(whole) > len(name)):
                    # (a name with namesakes in several countries places nothing; listed with a
                    # town, it is a village of that town's area: "in Quesnel, Chasm and Chetwynd")
                    ref, name = village, whole  # ("Riviere de Loup", not its first word)
            if ref is None and listed_with is None:
                near = _village_near(sentence, loc_start, issuer_words, self._lookup)
                if near is not None:
                    # "its plant at Flaxby Moor, near Knaresborough": a village the gazetteer lacks,
                    # placed by the town it is near (which is no site of its own)
                    (v_start, v_end, village), town_span = near
                    self.add(v_start, v_end, village)
                    self.taken.append(town_span)
                    return
                village = self._village_at_home(loc_start, loc_text)
                if village is not None:
                    # "the hardwood sawmill in Djursdala" in a release from Sweden: a village the
                    # gazetteer lacks, right after the site it holds, kept in the home country
                    self.add(loc_start, loc_start + len(village.locality or ""), village)
                    return
            if ref is None:
                for place_start, place_end, place in _towns_in_area(
                    sentence, loc_start, issuer_words, self.named
                ):
                    self.add(place_start, place_end, place)
                town = _TOWN_AFTER.match(sentence, loc_start)
                if town and (ref := self._lookup(town.group("town"))) is not None:
                    # "at Shire Hill, Saffron Walden": an estate or street, then the town it is in
                    ref.text = town.group("town")
                    self.add(town.start("town"), town.end("town"), ref)
                return
            ls = sentence.index(name, loc_start)
            ref.text = name
            listed = _COLON_LIST.match(sentence, ls + len(name)) if ref.locality is None else None
            if listed:
                # "two facilities in Mississippi: Tupelo and Corinth": the list names the sites
                found = _colon_list(sentence, listed, ref, self.known, self.default_country)
                for place_start, place_end, place in found:
                    self.add(place_start, place_end, place)
                if found:
                    self.taken.append((ls, ls + len(name)))
                    return
            self.add(ls, ls + len(name), ref)
            more = _LIST_MORE.match(sentence, ls + len(name))
            if not more:
                return
            if ref.country and _region_code_in(more.group("loc").split(". ")[0].rstrip(".,"), ref.country):
                return  # "in Saffron Walden, Essex": the next name is the town's county, not another town
            if _AREA_ITEM.match(more.group("loc")):
                return  # "at Sri City, Chittoor District": the town's district, not another town
            if listed_with is None and self._city_of_town(ref, more):
                return  # "its plant in Chakan, Pune, with": the town, then the city whose area it is in
            # (outside the US and Canada a town keeps no region: its country is enough)
            if ref.resolved and ref.locality and (ref.region or ref.country not in _SUBDIVIDED):
                listed_with = ref
            elif ref.resolved or listed_with is None or ref.region != listed_with.region:
                listed_with = None  # (a village kept with the town before it keeps the list going)
            loc_start, loc_text = more.start("loc"), more.group("loc")


# a site noun right before "in"/"at": "the hardwood sawmill in ", "its plant at "
_SITE_THEN_PREP = re.compile(rf"\b(?i:{SITE_NOUN})\s+(?:located\s+)?(?:in|at)\s+$")
# one capitalised word of letters, ending there: "Djursdala" (not "Djursdala Sawmill", "Q3", "Mr")
_VILLAGE_WORD = re.compile(r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]{3,}(?=[\s,.;:)]|$)(?!\s+[A-Z])")
# capitalised words after "in" that are no place
_NOT_A_VILLAGE = re.compile(
    rf"(?i:{MONTH_RX}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Europe|Asia|Africa|America)"
)

# a list goes on: another name after a comma or "and"/"or"
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?-i:[A-Z])")


# a name, then the town it is near: "at Flaxby Moor, near Knaresborough", "in Skarbimierz,
# southeast of Wroclaw", "at Kadi, some 40 km from Ahmedabad"
_NEAR_TOWN = re.compile(
    r"(?P<village>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2}),?\s+"
    r"(?:near|outside(?:\s+of)?|(?:(?:some|about|around)\s+)?\d+\s*(?:km|kilometres|kilometers|miles)\s+"
    r"(?:(?:north|south|east|west)\w*\s+)?(?:of|from)|(?:north|south|east|west)\w*\s+of)\s+(?:the\s+)?"
    r"(?P<town>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})"
)


def _village_near(sentence: str, at: int, issuer_words: frozenset[str], lookup):
    """The village at ``at`` the gazetteer lacks, kept in the area of the town it is said to be
    near, and the span of that town; None unless the town is one the gazetteer places."""
    m = _NEAR_TOWN.match(sentence, at)
    if (
        m is None
        or set(m.group("village").split()) & issuer_words
        or places.is_known_locality(m.group("village"))
    ):
        return None
    town = lookup(m.group("town"))
    if town is None or not town.resolved or not town.locality:
        return None
    village = PlaceRef(locality=m.group("village"), region=town.region, country=town.country, resolved=False)
    village.text = m.group("village")
    return (m.start("village"), m.end("village"), village), (m.start("town"), m.end("town"))
