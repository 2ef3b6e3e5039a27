"""Where an editor's event is: a place from the offline gazetteer, its ``Location``, and the
sentence of the release that names it (the review page, ``companies.services.review``).

Places come from the same GeoNames index the importer resolves against
(``companies.importer.gazetteer``), not only from the locations already stored, so a town no
release has named yet can be picked, and the Location made for it has its coordinates and
GeoNames id (it reaches the maps). Like the importer, a place is filed under the gazetteer's
own name with the ISO 3166-2 region ``places.city_region`` gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from ..importer.gazetteer import City, fold, get_gazetteer, place_key
from ..importer.lexicon import FACILITY_NOUN
from ..importer.mention_context import kind_of
from ..importer.places import city_region, country_code, country_name, parse_place, region_code
from ..importer.text import split_sentences
from ..importer.triggers import find_triggers
from ..models import Location
from .records import location_get_or_create

SUGGESTIONS = 10
# Prefix search walks the sorted keys from the first one that starts with the query; a short
# prefix ("sa") starts thousands, so the walk stops here and ranks what it saw by population.
PREFIX_KEYS_SCANNED = 2000
MIN_QUERY = 2


@dataclass(frozen=True)
class PlaceChoice:
    """One gazetteer place, as the autocomplete offers it and the services file it."""

    name: str
    region: str
    country: str
    latitude: float
    longitude: float
    geonames_id: int
    population: int = 0
    written: str = ""
    """How the editor (or the release) wrote it, when that differs ("Cologne" for Köln)."""

    @property
    def label(self) -> str:
        """As ``Location.label`` writes it: "Jay, ME, US"."""
        region = self.region.split("-", 1)[-1] if self.region else ""
        return ", ".join(p for p in (self.name, region, self.country) if p)

    @property
    def description(self) -> str:
        """For the suggestion list: "Jay, Maine, United States · pop. 4,988"."""
        from ..importer.places import region_name

        where = [self.name, region_name(self.region) or "", country_name(self.country) or self.country]
        text = ", ".join(p for p in where if p)
        return f"{text} · pop. {self.population:,}" if self.population else text

    def as_json(self) -> dict:
        return {
            "label": self.label,
            "description": self.description,
            "geonames_id": self.geonames_id,
        }


def _choice(city: City, written: str = "") -> PlaceChoice:
    return PlaceChoice(
        name=city.name,
        region=city_region(city) or "",
        country=city.country,
        latitude=round(city.lat, 5),
        longitude=round(city.lon, 5),
        geonames_id=city.geonames_id,
        population=city.population,
        written=written if written and place_key(written) != place_key(city.name) else "",
    )


def _qualifiers(parts: list[str]) -> tuple[set[str], set[str]]:
    """The regions and countries the text after the town names ("Maine", "ME, US", "Ont.")."""
    regions, countries = set(), set()
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if code := country_code(part):
            countries.add(code)
        if code := region_code(part):
            regions.add(code)
        elif len(part) <= 3 and part.isalpha() and (code := region_code(part, "US")):
            regions.add(code)  # "ME", "Wis" as postal and AP forms
    return regions, countries


def gazetteer_suggest(*, query: str, limit: int = SUGGESTIONS) -> list[PlaceChoice]:
    """Gazetteer places whose name (or a kept alternate name) starts with the query's town,
    narrowed by any region or country after a comma ("jay, maine"), exact names first, then
    the most populous."""
    name, *rest = (query or "").split(",")
    key = place_key(name)
    if len(key) < MIN_QUERY:
        return []
    regions, countries = _qualifiers(rest)
    found: dict[int, tuple[bool, bool, City]] = {}
    for current, match in get_gazetteer().complete(name, max_keys=PREFIX_KEYS_SCANNED):
        city = match.city
        if city.geonames_id in found:
            continue
        if countries and city.country not in countries:
            continue
        if regions and city_region(city) not in regions:
            continue
        found[city.geonames_id] = (current == key, match.alternate, city)
    # Places of that name first, by size (Köln for "Cologne" before Cologne, Italy), then
    # places whose name starts so ("Troyville"), then those one of whose other names does.
    ranked = sorted(found.values(), key=lambda f: (not f[0], f[1] and not f[0], -f[2].population, f[2].name))
    return [
        _choice(city, name.strip() if exact and alternate else "")
        for exact, alternate, city in ranked[:limit]
    ]


def place_choose(*, text: str, geonames_id: int | None = None) -> PlaceChoice:
    """The place an editor chose: the suggestion picked (``geonames_id``), else the text read
    the way the importer reads a place ("Jay, Maine"). Raises ``ValidationError`` naming the
    candidates when the text is not one gazetteer place."""
    text = " ".join((text or "").split())
    name = text.split(",")[0].strip()
    if geonames_id:
        gazetteer = get_gazetteer()
        for candidate in (name, *(s.strip() for s in text.split(",")[1:2])):
            for match in gazetteer.lookup(candidate) if candidate else ():
                if match.city.geonames_id == geonames_id:
                    return _choice(match.city, name)
        stored = Location.objects.filter(geonames_id=geonames_id).first()
        if stored is not None and stored.latitude is not None:
            return PlaceChoice(
                stored.locality,
                stored.region,
                stored.country,
                stored.latitude,
                stored.longitude,
                geonames_id,
                written=name,
            )
    if not name:
        raise ValidationError("Choose a place: type its town and pick it from the list.")
    ref = parse_place(text)
    if ref is not None and ref.resolved and ref.locality and ref.geonames_id:
        return PlaceChoice(
            name=ref.canonical or ref.locality,
            region=ref.region or "",
            country=ref.country or "",
            latitude=ref.lat,
            longitude=ref.lon,
            geonames_id=ref.geonames_id,
            written=ref.locality if ref.canonical else "",
        )
    options = gazetteer_suggest(query=text, limit=4)
    if not options:
        raise ValidationError(
            f"No place \u201c{text}\u201d in the gazetteer: check the spelling, or add its state or "
            "country after a comma."
        )
    listed = "; ".join(o.description for o in options)
    raise ValidationError(
        f"\u201c{text}\u201d could be more than one place ({listed}): pick one from the list, or add "
        "its state or country after a comma."
    )


def location_find(*, place: PlaceChoice) -> Location | None:
    """The stored Location of a place, by GeoNames id, else by its name, region and country."""
    return (
        Location.objects.filter(geonames_id=place.geonames_id).order_by("pk").first()
        or Location.objects.filter(locality=place.name, region=place.region, country=place.country).first()
    )


@transaction.atomic
def location_for_place(*, place: PlaceChoice, create: bool = True) -> Location | None:
    """The place's Location, made when missing (``create``) with its coordinates and GeoNames
    id; a stored one made by hand without them gets them now."""
    location = location_find(place=place)
    if location is None:
        if not create:
            return None
        location, _ = location_get_or_create(
            locality=place.name,
            region=place.region,
            country=place.country,
            latitude=place.latitude,
            longitude=place.longitude,
            geonames_id=place.geonames_id,
            resolved=True,
        )
    elif create and (location.latitude is None or location.geonames_id is None or not location.resolved):
        location.latitude = location.latitude if location.latitude is not None else place.latitude
        location.longitude = location.longitude if location.longitude is not None else place.longitude
        location.geonames_id = location.geonames_id or place.geonames_id
        location.resolved = True
        location.full_clean()
        location.save(update_fields=["latitude", "longitude", "geonames_id", "resolved"])
    return location


# --- the sentence that names the place ------------------------------------------------------------

_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_FACILITY_NOUN = re.compile(rf"\b{FACILITY_NOUN}\b", re.IGNORECASE)
_KIND_CONTEXT = 25  # characters before a facility noun that may qualify it ("distribution center")


def release_sentences(body: str) -> list[str]:
    """The release's sentences, each paragraph's hard wraps joined (the highlighter matches
    evidence whatever its whitespace)."""
    out: list[str] = []
    for paragraph in _PARAGRAPH.split(body or ""):
        joined = " ".join(paragraph.split())
        if joined:
            out += [sentence for _, sentence in split_sentences(joined)]
    return out


def _names(place: PlaceChoice) -> list[re.Pattern]:
    names = {n for n in (place.written, place.name) if n and n.strip()}
    return [re.compile(rf"(?<!\w){re.escape(fold(n.strip()))}(?!\w)") for n in names]


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}")


def _names_place(sentence: str, place: PlaceChoice, patterns: list[re.Pattern]) -> bool:
    """Whether the sentence names the place: by its names, else by any other name the gazetteer
    files it under ("Cologne" for Köln), read from the sentence's capitalised words."""
    folded = fold(sentence)
    if any(p.search(folded) for p in patterns):
        return True
    gazetteer = get_gazetteer()
    for run in _CAPITALISED_RUN.finditer(sentence):
        words = run[0].split()
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                phrase = " ".join(words[i : i + n]).strip(".,")
                if any(m.city.geonames_id == place.geonames_id for m in gazetteer.lookup(phrase)):
                    return True
    return False


def evidence_for_place(body: str, place: PlaceChoice, type: str) -> str:
    """The sentence that names the place, preferring one that says the event (the importer's
    trigger words), then one that says any event; "" when the text does not name it."""
    patterns = _names(place)
    best, best_rank = "", 3
    for sentence in release_sentences(body):
        if not _names_place(sentence, place, patterns):
            continue
        types = {t.type for t in find_triggers(sentence)}
        rank = 0 if type in types else 1 if types else 2
        if rank < best_rank:
            best, best_rank = sentence, rank
            if rank == 0:
                break
    return best


def kind_in_sentence(sentence: str, place: PlaceChoice) -> str | None:
    """The facility kind the sentence gives the place ("its Jay mill", "its mill in Jay": mill):
    the facility noun nearest the place's name, after it on a tie; else the first noun."""
    nouns = list(_FACILITY_NOUN.finditer(sentence))
    if not nouns:
        return None
    folded = fold(sentence)
    named = [m for p in _names(place) if (m := p.search(folded))]
    if named:
        at = min(named, key=lambda m: m.start())

        def distance(noun: re.Match) -> tuple[int, int]:
            if noun.start() >= at.end():
                return noun.start() - at.end(), 0
            return at.start() - noun.end(), 1

        nouns.sort(key=distance)
    noun = nouns[0]
    return kind_of(sentence[max(0, noun.start() - _KIND_CONTEXT) : noun.end()])
