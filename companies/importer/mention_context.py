"""What surrounds a place mention: its facility word and kind, and the *decoy* contexts that make
it not a site of the issuer's event (headquarters, destinations of moved work, another
company's facility, a job offer elsewhere).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import FACILITY_NEEDLES, FACILITY_NOUN, LEGAL_SUFFIX_STEM
from .place_names import _DOTTED, _LOCALITY, _is_country_name, _resolve, _strip_stop, conventional
from .proposal import PlaceRef
from .text import Gated
from .triggers import find_triggers


@dataclass(slots=True)
class Mention:
    """A place named in a sentence, with the facility it names and why it may be a decoy."""

    start: int
    end: int
    place: PlaceRef
    kind: str | None = None
    facility: str | None = None  # "Kapuskasing newsprint mill" when the name is stated
    plural: bool = False  # "the Jewett City ... and Littleton ... plants"
    decoy: str | None = None  # headquarters, destination, other-company, cause ...
    decoy_at: int = 0  # where the words that make it a destination start
    has_facility: bool = False


_FACILITY = Gated(re.compile(rf"\b{FACILITY_NOUN}\b", re.I), FACILITY_NEEDLES)


_LIST_MORE = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?P<loc>{_LOCALITY})")


_HQ_BEFORE = re.compile(
    r"\b(?:headquartered|headquarters|head\s+office|corporate\s+offices?|based|domiciled|incorporated)"
    r"\s+(?:\w+\s+){0,2}?(?:in|at|near|outside(?:\s+of)?)\s+(?:the\s+)?$",
    re.I,
)


_HQ_AFTER = re.compile(r"^-?\s*(?:-based|based|-headquartered|headquartered)\b", re.I)


_SITE_BASED = re.compile(rf"(?:{FACILITY_NOUN}|business(?:es)?|units?|division)\s*$", re.I)


# "the Mioveni-based Dacia plant", "the Forest-based manufacturing facility": a site based in the town
_BASED_SITE_AFTER = re.compile(
    rf"^-based\s+(?:[A-Z][\w&'-]*\s+){{0,3}}(?:(?!of\b)[a-z][\w-]*\s+){{0,2}}(?i:{FACILITY_NOUN})\b"
)
_OWN_UNIT = re.compile(r"\b(?:its|our|their|the\s+company's)\s+(?:[\w-]+\s+){0,2}$", re.I)


# Verbs whose "to/into/from/by" names where work goes, not where an event happens.
_TRANSFER = re.compile(
    r"\b(?:serv(?:e|es|ed|ing)|suppl(?:y|ies|ied|ying)|support(?:s|ed|ing)?|handl(?:e|es|ed|ing)"
    r"|fulfill?(?:s|ed|ing)?|shift(?:s|ed|ing)?|mov(?:e|es|ed|ing)|transfer(?:s|red|ring)?|relocat(?:e|es|ed|ing|ion)"
    r"|consolidat(?:e|es|ed|ing|ion)|transition(?:s|ed|ing)?|integrat(?:e|es|ed|ing|ion)|combin(?:e|es|ed|ing)"
    r"|merg(?:e|es|ed|ing)|fold(?:s|ed|ing)?|transform(?:s|ed|ing)?|convert(?:s|ed|ing)?"
    r"|absorb(?:s|ed|ing)?|redeploy\w*|reassign\w*|redistribut\w*|realloca\w*|sourc(?:e|es|ed|ing)"
    r"|ship(?:s|ped|ping)?|fill(?:s|ed|ing)?|replac(?:e|es|ed|ing)|offset(?:s|ting)?)\b",
    re.I,
)


_DEST_PREP = re.compile(r"\b(?:to|into|from|by|with)\b", re.I)


# verbs that gather work at a site: "concentrate manufacturing at its plant in X", "consolidate
# certain operations in its X plant"
_GATHER = re.compile(
    r"\b(?:concentrat|centrali[sz]|focus|refocus|pool)\w*\b[^.;]{0,80}?\b(?:at|in|on)\s"
    r"|\bconsolidat\w*\b[^.;]{0,80}?\b(?:at|in)\s+(?:its|our|their|the\s+company's)\s+(?:[\w\-]+\s+){0,3}$",
    re.I,
)


# verbs that take work away from a site: "move production from X to Y" closes X
_MOVE_AWAY = re.compile(r"^(?:mov|shift|transfer|relocat|consolidat|transition)", re.I)


_LAST_PREP = re.compile(r"\b(to|into|from|by|with)\b(?!.*\b(?:to|into|from|by|with)\b)", re.I | re.S)


_OTHER_OWNER = re.compile(
    r"(?:\b(?:customers?|competitors?|rivals?|suppliers?|clients?|partners?|vendors?|joint[- ]venture"
    r"|(?:that|another|the\s+other|other)\s+compan(?:y|ies)|the\s+(?:buyer|seller|acquirer|purchaser)"
    r"|former\s+employer|buyer|seller|purchaser)'?s?"
    # (a name may hold "of": "Century Aluminum of West Virginia's Ravenswood plant")
    r"|\b(?P<owner>[A-Z][\w&.\-]*(?:\s+(?:[A-Z][\w&.\-]*|of(?=\s+[A-Z]))){0,5})'s?)\s+(?:\w+\s+){0,3}$"
)


# a company named with its legal form, then its seat: "Acme Tooling Inc. of Dayton, Ohio"
_COMPANY_OF = re.compile(
    r"(?P<name>[A-Z][\w&'\-]*(?:\s+(?:[A-Z][\w&'\-]*|&|and)){0,5}),?\s+"
    rf"(?:{LEGAL_SUFFIX_STEM})\.?,?\s+of\s+$"
)


_KIND_DC = re.compile(r"distribution|fulfil?lment|\bdcs?\b")


_KIND_PLANT = re.compile(
    r"plant|factor|works|foundr|smelter|refiner|manufacturing|production|assembly|fabrication|baker|brewer"
    r"|distill|winer|dair|creamer|hatcher|tanner|packinghouse|slaughter|canner"
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


def _apply_appositions(mention: Mention, appositions: list[tuple[int, str]]) -> None:
    """ "Saltillo, in the state of Coahuila": the region stated right after a place is its region."""
    for at, region in appositions:
        if 0 < at - mention.end <= 30 and mention.place.country == region[:2]:
            mention.place.region = region


# "US$60 million", "C$", "A$": a currency, not a place
_CURRENCY_AFTER = re.compile(r"\$|\s*-\s*dollars?\b")


# a place name that begins another company's name: "Chesapeake Industrial Partners"
_NAME_PART = re.compile(
    # (a place in brackets inside a company's name: "Precision Tools (Hong Kong) Limited")
    r"\)?(?:\s+[A-Z][\w&'\-]*){0,2}\s+(?:Partners|Capital|Industries|Industrial|Holdings?|Group|Inc|LLC|L\.P|LP"
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


# (a semicolon between "Town, State" items is a list's, not a clause's: "located in Gallatin,
# Tennessee; Houston, Texas; and Sanderson, Florida")
_CLAUSE_SPLIT = re.compile(
    r";(?!\s+(?:and\s+)?[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3},\s+[A-Z])"
    r"|,\s+(?:while|but|whereas)\s+|\s+and\s+(?=(?:will|it|the\s+company|consequently|subsequently|then|thereafter)\s"
    # (not "and to X" that goes on naming where work goes: "moved to Y in Sweden and to Z in Denmark")
    r"|to\s+(?!(?:the\s+|its\s+|our\s+|their\s+)?(?-i:[A-Z])))"
)


_JOBS_OFFERED = re.compile(
    r"\b(?:offer\w*|given|giving|provid\w*|eligible\s+for|apply\s+for|consider\w*\s+for|transfer\w*\s+to)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:positions?|jobs|roles|employment|opportunities|openings|work)\s+(?:\w+\s+){0,3}?"
    r"(?:at|in|with)\s+[^.;]{0,70}$",
    re.I,
)


_OFFER_STEMS = ("offer", "given", "giving", "provid", "eligible", "apply", "consider", "transfer")


_GATHER_STEMS = ("concentrat", "centrali", "focus", "pool", "consolidat")


_INTO_AFTER = re.compile(r"^[^.;]{0,100}?\binto\b", re.I)


# how a release names its issuer without its name
_SELF_NOUNS = frozenset({"Company", "Corporation", "Group"})
_OWN_BEFORE = re.compile(r"\b(?:its|our|the\s+(?:Company|Corporation)'s)\s+$", re.I)


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

# a place named as the cause of what happens elsewhere, right after the words for a cause
_CAUSE_BEFORE = re.compile(
    r"\b(?:due\s+to|because\s+of|owing\s+to|caused\s+by|as\s+a\s+result\s+of|in\s+the\s+wake\s+of)"
    r"\s+(?:the\s+|a\s+|an\s+)?$",
    re.I,
)


def _noun_before(before: str) -> re.Match[str] | None:
    """``_NOUN_BEFORE.search(before) if _FACILITY.search(before) else None``, skipping both scans
    when ``before`` cannot end in "in/at/near/outside/of" plus whitespace, as every match does."""
    stripped = before.rstrip()
    tail = stripped[-8:]
    if len(stripped) == len(before) or (tail.isascii() and not tail.lower().endswith(_PREP_ENDS)):
        return None
    if not _FACILITY.search(before):
        return None
    # every match ends at the end: start the scan where the longest one could begin (a facility
    # noun, "located", a preposition and spaces), not at each of up to 260 characters
    return _NOUN_BEFORE.search(before, max(0, len(before) - 120))


# a name and a comma right before a place, and a reporting verb after it
_NAME_THEN_COMMA = re.compile(r"(?:^|[\s(])(?P<name>(?:[A-Z][\w&.'-]*\s+){0,3}[A-Z][\w&.'-]*),\s*$")
_REPORTS_AFTER = re.compile(
    r"^(?:,?\s*[A-Z][\w.]*){0,3},?\s+(?:reports?|reported|said|says|announce[sd]?|has|have|is|will|today)\b"
)


def _describe(sentence: str, m: Mention, issuer_words: frozenset[str]) -> None:
    """Attach the facility word and decoy flags of one mention."""
    after = sentence[m.end : m.end + 120]
    before = sentence[max(0, m.start - 260) : m.start]
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
    if _CAUSE_BEFORE.search(before[-40:]):
        # "shut down ... due to the Fukushima nuclear plant accident": the cause, not the site
        m.decoy = "cause"
        return
    if _TITLE_OF.search(before[-60:]):
        # "the governor of X", "Mayor of Y": a person's office names the place, not a site
        m.decoy = "title"
        return
    named = _NAME_THEN_COMMA.search(before[-60:])
    if named and set(named.group("name").split()) & issuer_words and _REPORTS_AFTER.search(after):
        # "Tembec, Montreal, Que., reports that ...": the issuer's seat given with its name
        m.decoy = "headquarters"
        return
    hq = _HQ_BEFORE.search(before[-70:])
    if hq and _SITE_BASED.search(before[: len(before) - len(before[-70:]) + hq.start()][-50:]):
        hq = None  # "its spinning operations based in X": where the operations are, not a seat
    if hq or (
        _HQ_AFTER.match(after) and not _OWN_UNIT.search(before[-40:]) and not _BASED_SITE_AFTER.match(after)
    ):
        # "its Quakertown, PA-based laboratory" is the issuer's own unit at a place, not a seat
        m.decoy = "headquarters"
        return
    # the clause the place is in: the split patterns look past the place ("; Houston, Texas;")
    ahead = before + sentence[m.start : m.start + 80]
    cuts = [c.end() for c in _CLAUSE_SPLIT.finditer(ahead) if c.start() < len(before)]
    clause = before[cuts[-1] :] if cuts else before
    last = None
    for last in _TRANSFER.finditer(clause):  # noqa: B007 - the last transfer verb is wanted
        pass
    if last is not None and _DEST_PREP.search(clause, last.end()):
        prep = _LAST_PREP.search(clause, last.end())
        # "consolidating manufacturing and other support functions from X": any verb that takes
        # work away, before the "from", makes X the source (a noun like "support" may come later)
        source = (
            prep is not None
            and prep.group(1).lower() == "from"
            and any(_MOVE_AWAY.match(v.group(0)) for v in _TRANSFER.finditer(clause, 0, prep.start()))
        )
        # "transfer ... to its Y sites and discontinue operations at the X facility": an event
        # word after the destination starts a deed of its own, whose place is no destination
        acted_after = prep is not None and bool(find_triggers(clause[prep.end() :]))
        if not source and not acted_after:
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
    if (
        gather is not None
        and not _TRIGGERISH.search(clause, gather.end())
        # "consolidate operations in its X plant into Y": X is what is consolidated away
        and not (gather.group(0).lower().startswith("consolidat") and _INTO_AFTER.match(after))
    ):
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
        owner_words = set(owner.replace("'s", "").split()) if owner else set()
        # "the Company's Hospital Division's X plant", "its Foods Division's": a unit of the issuer's own
        own_unit = owner is not None and _OWN_BEFORE.search(before[-80:][: o.start("owner")]) is not None
        # "the Group's factories" is the issuer's; "the Carlyle Group's plant" another's
        self_noun = bool(owner_words) and owner_words <= _SELF_NOUNS
        # "Peru's Cerro Lindo mine": a country's possessive says where the site is, not whose
        country = owner is not None and _is_country_name(owner.removesuffix("'s").removesuffix("'"))
        if owner is None or not (owner_words & issuer_words or self_noun or own_unit or country):
            m.decoy = "other-company"
