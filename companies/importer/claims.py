"""Footprint claims: what a release says about how many facilities the company has.

"our other 13 U.S. facilities" -> 13, ["US"], "other";
"19 facilities located in the United States, Belgium, France and Italy" -> 19, [US, BE, FR, IT];
"operates 45 plants worldwide" -> 45, []; "following the closure, will operate five pulp and
paper mills and seven sawmills in Quebec and Ontario" -> two claims, ["CA"], "remaining".

A count of facilities is only a claim in a footprint context (a possessive, "other",
"operates", "located in", "worldwide"...): "will close two plants" counts the plants an
event touches, not the footprint. Counts joined by "and" share the place list after the last.
Continents name no country; US regions ("New England", "nine Mid-Atlantic states") are US.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import places
from .dates import NUMBER_WORDS
from .lexicon import COUNTED_SITE_NOUN
from .proposal import ProposedClaim
from .text import needle_view

_NUMBER = r"(?:\d{1,4}|" + "|".join(w for w in NUMBER_WORDS if w not in ("hundred", "a", "an")) + ")"
# "a" and "an" count only inside a chain ("two sewing plants and a distribution center")
_CHAIN_NUMBER = r"(?:a|an|" + _NUMBER[3:]
_NOUN = COUNTED_SITE_NOUN
# lowercase words that may stand between the number and the noun ("16 manufacturing plants",
# "five pulp and paper mills"), but not words that make it some other phrase ("two of the plants")
_MOD = (
    rf"(?!(?:of|the|to|in|at|for|with|by|as|will|has|have|had|is|are|and\s+(?:the|its|our)|{_NUMBER}"
    r"|employees|people|workers|jobs|staff|customers|new"
    # a span of time or a measure: "four years as plant manager", "two months at the plant"
    r"|years?|months?|weeks?|days?|decades?|hours?|shifts?|times|percent|million|billion)\b)[a-z][\w\-]*"
)
_COUNT = (
    rf"\b(?:(?P<qual>other|remaining|additional)\s+)?(?:(?:approximately|about|nearly|some|over|more\s+than|around"
    rf"|roughly)\s+)?(?<![\d,.])\b(?P<n>{_NUMBER})\s+(?:(?P<qual2>other|remaining|additional)\s+)?"
    r"(?P<adj>(?:U\.S\.|US|American|Canadian|European|North\s+American|domestic|international"
    r"|[A-Z][a-z]+(?:an|ian|ese|ish|ch))\s+)?"
    rf"(?P<mods>(?:{_MOD}(?:\s+and\s+{_MOD})?\s+){{0,3}}?)(?P<noun>{_NOUN})\b"
)
_COUNT_RX = re.compile(_COUNT)
_SHARED_NOUN = re.compile(rf"\s+and\s+(?:[a-z][\w\-]*\s+){{0,2}}?{_NOUN}\b")
_NUMBER_GATE = re.compile(rf"\b{_NUMBER}\b", re.I)
_DIGIT = re.compile(r"\d")
_CHAIN_RX = re.compile(_COUNT.replace(f"(?P<n>{_NUMBER}", f"(?P<n>{_CHAIN_NUMBER}", 1))
# cheap gate: a claim needs one of these words
_GATE = re.compile(
    r"facilit|plant|mill|site|location|warehouse|cent(?:er|re)|mine|smelter|refiner|foundr|baker|brewer|store|showroom"
    r"|operations|factor|shops|units",
    re.I,
)
_GATE_WORDS = (
    "facilit", "plant", "mill", "site", "location", "warehouse", "center", "centre", "mine", "smelter", "refiner",
    "foundr", "baker", "brewer", "store", "showroom", "operations", "factor", "shops", "units",
)  # fmt: skip
_JOIN = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+plus\s+)")
_PRE = re.compile(
    r"\b(?:our|its|their|company's|Company's|of|at|from|operates|operating|operate|operated|runs|run|maintains"
    r"|has|have|had|owns|owning|own|with|network\s+of|total\s+of|comprising|comprises|includes|including|in)\s+$"
)
_LIST = re.compile(
    r"(?:\s*,)?\s+(?:(?:both|all|each)\s+)?(?:(?:located|situated|based)\s+)?(?:in|across|throughout)\s+(?P<list>(?:[^.;:()]|\.(?=\S)){2,200})"
)
_OTHER_COUNT = re.compile(
    rf"\s+and\s+(?:\d[\d,]*|{_NUMBER})(?:\s+[a-z][\w\-]*(?:\s+and\s+[a-z][\w\-]*)?){{1,4}}?"
    r"(?=(?:\s*,)?\s+(?:located\s+|based\s+)?(?:in|across|throughout)\s)"
)
_WORLD = re.compile(r"\s+(?:worldwide|globally|around\s+the\s+world)\b")
_INCLUDING = re.compile(
    r"[^.;]{0,20}?,\s+including\s+(?:[\w\-]+\s+){0,3}?(?:in|at)\s+(?P<list>[^.;:()]{2,200})"
)
# "three sites in North Carolina and one in Ireland": the second count has no noun of its own
_ELLIPSIS = re.compile(
    rf"\s+and\s+(?P<n>{_NUMBER})\s+(?:in|at)\s+(?P<list>[^.;:(),]{{2,80}}(?:,\s+[A-Z][^.;:(),]{{1,40}})?)"
)
_AFTER_CLOSURE = re.compile(
    r"\b(?:following|after|upon\s+completion\s+of|once|with)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:closures?|closings?|shutdowns?|sales?|divestitures?|consolidations?|idlings?|exit|realignment"
    r"|restructuring|reorgani[sz]ation|rationali[sz]ation|streamlining|downsizing)\b",
    re.I,
)
_ADJ_COUNTRY = {"u.s.": "US", "us": "US", "american": "US", "canadian": "CA"}
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+")
_LIST_STOP = re.compile(
    rf"\s+and\s+{_NUMBER}\s+(?:in|at)\s"
    r"|,\s+(?:including|which|where|with|and\s+(?:is|are|has|employs|distributes|sells))\b"
    r"|\s+(?:that|which|where|with|to|for|serving|employing|and\s+(?:employs|has|is|distributes|sells))\b"
    # the verb after the list: "its remaining plants in Canada will continue to operate"
    r"|\s+(?:will|would|shall|can|could|may|might|must|is|are|was|were|remain|remains|continue|continues)\b"
)
_US_AREAS = re.compile(
    r"^(?:new\s+england|the\s+)?(?:(?:u\.s\.|us)\s+\w+|midwest|mid-atlantic|southeast|southwest|northeast|northwest"
    r"|pacific\s+northwest|gulf\s+coast|new\s+england|carolinas|dakotas|virginias|[\w\s-]*\bstates)$",
    re.I,
)


_AREA_WORDS = re.compile(
    r"^(?:(?:north|south|east|west|northern|southern|eastern|western|central|northeast|northwest|southeast"
    r"|southwest|northeastern|northwestern|southeastern|southwestern|upstate|downstate|rural|coastal)\s+)+"
    r"|\s+(?:state|province)$"
)  # lower case only: "North Carolina" and "North America" are names


def _to_int(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word.lower())


def _countries(listing: str) -> list[str]:
    """Country codes for "the United States, Belgium, France and Italy" (states count as US)."""
    listing = _LIST_STOP.split(listing, maxsplit=1)[0]
    out: list[str] = []
    items = _LIST_SPLIT.split(listing)
    for item in items:
        item = item.strip().removeprefix("the ").strip()
        # "northwest Georgia", "upstate New York", "Washington state": the place inside
        item = _AREA_WORDS.sub("", item).strip()
        if not item:
            continue
        code = places.country_code(item)
        if code is None and (part := _PART_OF_COUNTRY.match(item)):
            # "Western Canada": a part of a country ("North America", "South Korea" are names)
            code = places.country_code(item[part.end() :])
        if code is None:
            region = places.region_code(item)
            code = region.split("-")[0] if region else None
        elif _is_us_state_among(item, items):
            code = "US"  # "Alabama and Georgia": states, not a country
        if code is None and _US_AREAS.match(item):
            code = "US"
        if code and code not in out:
            out.append(code)
    return out


_US_TERRITORIES = frozenset({"PR", "GU", "VI", "AS", "MP", "UM"})  # countries of their own in ISO 3166-1
_PART_OF_COUNTRY = re.compile(
    r"(?:(?:North|South)?(?:east|west)ern|Northern|Southern|Eastern|Western)\s+(?!America)"
)


def _is_us_state_among(item: str, items: list[str]) -> bool:
    """Whether a name that is also a country is a US state here: another item is a state."""
    if places.country_code(item) in _US_TERRITORIES or not (places.region_code(item) or "").startswith("US-"):
        return False
    others = [i.strip().removeprefix("the ").strip() for i in items if i.strip() != item]
    return any(
        (places.country_code(o) is None and (places.region_code(o) or "").startswith("US-"))
        or bool(_US_AREAS.match(o))  # "the Carolinas and Georgia"
        for o in others
        if o
    )


def _qualifier(word: str | None, before: str) -> str | None:
    if word == "other":
        return "other"
    if word == "remaining" or _AFTER_CLOSURE.search(before):
        return "remaining"
    return None


# counts an event touches, not the footprint: "has opened four new stores", "will close two plants"
_EVENT_BEFORE = re.compile(
    r"\b(?:open\w*|clos\w*|idl\w*|sold|sell\w*|sale|acqui\w*|purchas\w*|bought|buy\w*|shut\w*|expand\w*|build\w*"
    r"|built|divest\w*|consolidat\w*)\s+"
    r"(?:\w+\s+){0,2}$",
    re.I,
)
_SUBJECT = re.compile(
    r"^(?P<subj>[A-Z][\w&'.\-]*(?:\s+[A-Z][\w&'.\-]*){0,4})(?:,|\s+(?:operates|has|runs|owns|is|employs|which)\b)"
)


def find_claims(sentences: Iterable[str], issuer: str | None = None) -> list[ProposedClaim]:
    """Claims in the given sentences; sentences whose subject is another company are skipped."""
    out: list[ProposedClaim] = []
    seen: set[tuple] = set()
    issuer_words = {w for w in (issuer or "").replace(",", " ").split() if len(w) > 3 and w[0].isupper()}
    for sentence in sentences:
        if (
            not _gate(sentence)
            or not (_DIGIT.search(sentence) or _NUMBER_GATE.search(sentence))
            or sentence.startswith('"')
            or _other_subject(sentence, issuer_words)
        ):
            continue
        # a claim restated in a later sentence counts once; "one paper mill and one converting
        # plant" in one sentence are two claims
        keys = set()
        for claim in _sentence_claims(sentence):
            key = (claim.count, tuple(claim.countries), claim.qualifier)
            if key not in seen:
                keys.add(key)
                out.append(claim)
        seen |= keys
    return out


def _gate(sentence: str) -> bool:
    """``_GATE.search(sentence)``, by substrings (``needle_view`` keeps every letter ``re.I`` folds)."""
    low = needle_view(sentence)
    return any(w in low for w in _GATE_WORDS)


def _other_subject(sentence: str, issuer_words: set[str]) -> bool:
    m = _SUBJECT.match(sentence)
    if not m or not issuer_words:
        return False
    words = set(m.group("subj").split())
    return not (words & issuer_words) and not words & {"The", "It", "We", "Our", "Its"}


def _sentence_claims(sentence: str) -> list[ProposedClaim]:
    out: list[ProposedClaim] = []
    pos = 0
    while True:
        m = _COUNT_RX.search(sentence, pos)
        if not m:
            return out
        # a chain: "four glass plants and two decorating facilities in ..."
        chain = [m]
        end = m.end()
        while True:
            j = _JOIN.match(sentence, end)
            nxt = _CHAIN_RX.match(sentence, j.end()) if j else None
            if not nxt:
                break
            chain.append(nxt)
            end = nxt.end()
        pos = end
        first = chain[0]
        if (_to_int(first.group("n")) or 0) < 2 and len(chain) == 1:
            continue
        before = sentence[: first.start()]
        if _EVENT_BEFORE.search(before):
            continue
        qual_word = first.group("qual") or first.group("qual2")
        # "eight mines and processing plants in ...": a second noun sharing the count
        shared_noun = _SHARED_NOUN.match(sentence, end)
        if shared_noun:
            end = shared_noun.end()
        lst = _LIST.match(sentence, end)
        if lst is None and (other := _OTHER_COUNT.match(sentence, end)):
            # "three breweries and 240 pubs across England and Wales": the place of both
            lst = _LIST.match(sentence, other.end())
        world = _WORLD.match(sentence, end)
        if not (qual_word or _PRE.search(before) or lst or world):
            continue
        shared = _countries(lst.group("list")) if lst else []
        if not lst and not world:
            inc = _INCLUDING.match(sentence, end)
            if inc:
                shared = _countries(inc.group("list"))
        qualifier = _qualifier(qual_word, before)
        for c in chain:
            count = _to_int(c.group("n"))
            if not count:
                continue
            countries: list[str] = []
            adj = (c.group("adj") or "").strip().lower()
            if adj in _ADJ_COUNTRY:
                countries.append(_ADJ_COUNTRY[adj])
            elif adj:
                code = places.country_code(adj)
                if code:
                    countries.append(code)
            countries += [x for x in shared if x not in countries]
            out.append(ProposedClaim(count, countries, qualifier, text=sentence))
        if lst:
            ell = _ELLIPSIS.search(lst.group("list"))
            if ell and _to_int(ell.group("n")):
                n = _to_int(ell.group("n")) or 0
                out.append(ProposedClaim(n, _countries(ell.group("list")), qualifier, text=sentence))
