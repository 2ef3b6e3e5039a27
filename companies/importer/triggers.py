"""The event vocabulary: words that announce something happening to a facility.

Each pattern names the event type it signals. Verbs are matched in all their forms (idle,
idles, idled, idling) and with their nominalisations (closure, expansion, sale of,
acquisition of), so tense and voice do not matter here; ``events`` decides what the trigger
applies to and whether it is asserted, negated or hedged.

Order matters: more specific phrases come first and mask the words they contain
("temporarily shut down" is an idling, not a closure; "reopen" is not "open").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import EVENT_OBJECT_NOUN, FACILITY_NOUN, PART_NOUN

_W = r"(?:[\w'$.,-]+\s+)"  # one filler word
_FACILITY = EVENT_OBJECT_NOUN
_PROD = (
    r"(?:production|operations?|manufacturing|output|activity|activities|work|shipments|processing"
    r"|papermaking|steelmaking|smelting|mining|assembly|[\w-]+making|[\w-]+ing\s+operations|lines?)"
)

# (event type, pattern, nominal?, stems) — "nominal" marks nouns (closure, expansion) whose place
# usually follows "of" and which often refer back to an event already announced. "stems" are
# literal lowercase pieces one of which every match holds: a pattern runs only on sentences
# holding one of its stems, because most sentences hold none and forty regex scans per sentence
# are the extractor's main cost (" to " stands for the word "to").
_SPECS: list[tuple[str, str, bool, tuple[str, ...]]] = [
    # -- idling: temporary stops ---------------------------------------------------------------
    (
        "idled",
        r"\btemporar(?:y|ily)\s+(?:\w+\s+){0,1}(?:halt\w*|suspen\w+|stop\w*|ceas\w+|shut\w*|clos\w+|curtail\w*"
        r"|idl\w+)",
        False,
        ("temporar",),
    ),
    (
        "idled",
        # (the site may come between, with its state: "shut the Kemi, Finland mill for two weeks")
        # "shut down for a period of one week", "will each go down for six weeks"
        r"\b(?P<v>clos\w*|shut\w*(?:\s+down)?|halt\w*|stop\w*|ceas\w+|go(?:es|ing)?\s+down|went\s+down)"
        r"\s+(?:[\w,.'-]+\s+){0,6}?(?:temporarily|indefinitely|for\s+(?:a\s+period\s+of\s+|up\s+to\s+|about\s+"
        r"|approximately\s+|an?\s+(?:additional|further)\s+)?(?:\w+\s+){0,1}(?:weeks?|days?|months?))\b",
        False,
        ("temporarily", "indefinitely", "week", "day", "month"),
    ),
    ("idled", r"\bindefinite(?:ly)?\s+(?:idl\w+|shut\w*|clos\w+|suspen\w+|halt\w*)", False, ("indefinite",)),
    (
        "idled",
        # subject first, passive: "production at the plant was halted" (the trigger is the verb, group v)
        # "the operation of the factories in X and Y has also been suspended temporarily"
        r"\b(?:production|operations?|manufacturing|output)\s+(?:(?:[^.;]|\.(?=\s+[a-z]))(?:[^.;]|\.(?=\s+[a-z])){0,59}?\s)?"
        r"(?:was|were|(?:has|have)\s+(?:\w+\s+)?been|will\s+(?:\w+\s+)?be|is\s+being|are\s+being|is|are)\s+(?:\w+\s+)?"
        r"(?P<v>halted|suspended|paused|curtailed|stopped\s+temporarily)\b"
        # intransitive: "operations have stopped", "production has halted at the mill"
        r"|\b(?:production|operations|manufacturing|output)\s+(?:(?:[^.;]|\.(?=\s+[a-z]))(?:[^.;]|\.(?=\s+[a-z])){0,59}?\s)?(?:have|has|had)\s+"
        r"(?P<v2>stopped|halted)\b",
        False,
        ("halted", "suspended", "paused", "curtailed", "stopped"),
    ),
    ("idled", r"\bidl(?:e|es|ed|ing)\b", False, ("idl",)),
    (
        "idled",
        r"\bmothball\w*|\b(?:hot|cold)\s+idle\b|\bcare\s+and\s+maintenance\b|\bon\s+standby\b",
        False,
        ("mothball", "idle", "maintenance", "standby"),
    ),
    ("idled", r"\bcurtail\w*", False, ("curtail",)),
    ("idled", r"\bdowntime\b", True, ("downtime",)),
    ("idled", r"\bproduction\s+stoppages?\b|\bstoppages?\s+of\s+production\b", True, ("stoppage",)),
    (
        "idled",
        rf"\b(?:halt\w*|suspen\w+|pause[sd]?|pausing)\s+{_W}{{0,3}}?{_PROD}\b|\bsuspension\s+of\s+{_W}{{0,2}}?{_PROD}",
        False,
        ("halt", "suspen", "paus"),
    ),
    (
        "idled",
        # a whole staff sent home for a while stops the site: "temporarily lay off all 300 employees at"
        r"\btemporar(?:y|ily)\s+(?:lay(?:s|ing)?\s+off|laid\s+off|layoffs?\s+of|furlough\w*)\s+(?:all|its\s+entire|the\s+entire)\b",
        False,
        ("temporar",),
    ),
    (
        "idled",
        # a furlough is temporary by itself: "will furlough all hourly workers at its X plant"
        r"\bfurlough(?:s|ed|ing)?\s+(?:all|its\s+entire|the\s+entire)\b",
        False,
        ("furlough",),
    ),
    # -- permanent closure ---------------------------------------------------------------------
    (
        "closed",
        r"\bpermanent(?:ly)?\s+(?:\w+\s+){0,1}(?:clos\w+|shut\w*|ceas\w+|cessation|halt\w*|idl\w+|stop\w*|end\w*|discontinu\w+)",
        False,
        ("permanent",),
    ),
    (
        "closed",
        r"\b(?:clos\w*|shut\w*(?:\s+down)?|ceas\w+|idl\w+)\s+(?:\w+\s+){0,4}?permanently\b",
        False,
        ("permanently",),
    ),
    ("closed", r"\b(?:re-?)?clos(?:e|es|ed|ing)\b", False, ("clos",)),
    ("closed", r"\bclosures?\b", True, ("closure",)),
    ("closed", r"\bshut(?:s|ting)?\s+(?:\w+\s+){0,4}?down\b|\bshut-?downs?\b|\bshutter\w*", False, ("shut",)),
    (
        "closed",
        # "shut" without "down", its object a site: "would shut its Erie, Pa., plant"
        r"\bshut(?:s|ting)?\b(?=\s+(?:its|the|their|our|both|two|three|four|five)\s+"
        rf"(?:[\w$.,'-]+\s+){{0,6}}?(?:{_FACILITY}|{PART_NOUN})\b)",
        False,
        ("shut",),
    ),
    (
        "closed",
        # (two kinds of work may share the noun: "cease molding and melt operations")
        rf"\b(?:ceas\w+|discontinu\w+|end(?:s|ed|ing)?|stop(?:s|ped|ping)?)\s+(?:all\s+)?(?:[\w-]+\s+(?:and|&)\s+)?"
        rf"{_W}{{0,2}}?{_PROD}\b"
        r"|\bcessation\s+of\b",
        False,
        ("ceas", "cessation", "discontinu", "end", "stop"),
    ),
    (
        "closed",
        # subject first: "production at the site will cease" (the trigger is the verb, group v);
        # "production of the Ram Van will end at the plant" ends a product, not the site
        r"\b(?:production|operations|manufacturing|activity|activities)\s+(?!of\s+(?:the\s+|its\s+)?(?-i:[A-Z]))(?:(?:[^.;]|\.(?=\s+[a-z]))(?:[^.;]|\.(?=\s+[a-z])){0,59}?\s)?"
        r"(?:will|would|is\s+to|are\s+to|to|is\s+(?:expected|scheduled|set)\s+to|are\s+(?:expected|scheduled|set)\s+to)"
        r"\s+(?:\w+\s+)?(?P<v>end|cease|stop|wind\s+down|be\s+discontinued|be\s+phased\s+out)\b",
        False,
        ("will", "would", " to "),
    ),
    (
        "closed",
        # "wind up operations at the plant" (not "winding up the company", a liquidation)
        r"\bw(?:i|ou)nd(?:s|ing)?\s+down\b|\bwind-?down\b"
        r"|\bw(?:i|ou)nd(?:s|ing)?\s+up\b(?=\s+(?:(?:its|the|all)\s+)?(?:operations|production|manufacturing)\b)",
        False,
        ("wind", "wound"),
    ),
    ("closed", r"\bphas(?:e|es|ed|ing)\s+out\b|\bphase-?out\b", False, ("phas",)),
    ("closed", r"\bdecommission\w*", False, ("decommission",)),
    (
        "closed",
        rf"\bexit(?:s|ed|ing)?\b(?=\s+(?:its|the|our|their)\s+(?:[\w$.,-]+\s+){{0,4}}?{_FACILITY}\b"
        # work left behind at a site: "exit manufacturing at its Erie facility"
        rf"|\s+{_PROD}\s+(?:at|in)\b)",
        False,
        ("exit",),
    ),
    # (the site consolidated may be described at length first: "its X-based unit, which ..., into")
    # or work consolidated away from it: "consolidating manufacturing from its X plant to its Y location"
    ("closed", r"\bconsolidat\w+\b(?=[^;]{0,220}?\b(?:into|with|from)\b)", False, ("consolidat",)),
    (
        "closed",
        # work moved away from a site closes it there: "move production from X to Y" (trigger: "from")
        r"\b(?:mov|shift|transfer|relocat|transition)\w*\s+(?:(?:all|the\s+rest|the\s+remainder)\s+(?:of\s+)?)?"
        rf"(?:(?:its|the|their|our|remaining)\s+)?{_W}{{0,3}}?{_PROD}\s+(?P<v>from)\b",
        False,
        ("mov", "shift", "transfer", "relocat", "transition"),
    ),
    (
        "closed",
        # a site whose work moves elsewhere closes there: "relocate its Irving office to Dallas",
        # "moving its current facility in Suzhou to a new, larger facility", "moved one of its labs to"
        r"\b(?:relocat(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|transfer(?:s|red|ring)?)\b(?=\s+(?:all\s+(?:of\s+)?|one\s+of\s+)?"
        # "move the operations of its X facility to"
        rf"(?:(?:the\s+)?{_PROD}\s+(?:of|at)\s+)?"
        rf"(?:its|their|our|the\s+company's)\s+(?:[\w$.,'-]+\s+){{0,6}}?(?:{_FACILITY}|office|offices|lab|labs"
        # (an abbreviation's dot, "from Erie, Pa. to", does not end the move)
        r"|laboratory|laboratories|plant|plants)\b(?:[^.;]|\.(?=\s+[a-z0-9]|,)){0,120}?\b(?:to|into)\b)",
        False,
        ("relocat", "mov", "transfer"),
    ),
    (
        "closed",
        # passive: "operations would be transferred from X to Y" (the trigger is the verb, group v)
        rf"\b{_PROD}\s+(?:will|would|are\s+to|is\s+to)\s+be\s+(?P<v>transferred|moved|relocated)\s+from\b"
        # or "the Erie, Pa. operations will be moved to Dayton": the site left names the work
        rf"|\b(?:(?-i:[A-Z])[\w.,'-]*\s+){{1,3}}{_PROD}\s+(?:will|would|are\s+to|is\s+to|are\s+being|is\s+being)\s+"
        r"(?:be\s+)?(?P<v2>transferred|moved|relocated|consolidated)\s+(?:to|into)\b"
        # or the site after the work: "production at its Erie plant will be moved to Dayton"
        rf"|\b{_PROD}\s+(?:at|in)\s+(?:its|the|our|their)\s+(?:[^.;]|\.(?=\s+[a-z0-9]|,)){{0,80}}?\s+(?:will|would|is\s+to|are\s+to)\s+"
        r"(?:gradually\s+|then\s+|also\s+)?be\s+(?P<v3>transferred|moved|relocated|consolidated)\s+(?:to|into)\b",
        False,
        ("transferred", "moved", "relocated", "consolidated"),
    ),
    (
        "opened",
        # site-selection wording: "plans to locate a manufacturing facility in X", "will locate its new plant"
        rf"\blocat(?:e|es|ing)\s+(?:a|an|its|their|the)\s+(?:new\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_FACILITY})\b",
        False,
        ("locat",),
    ),
    # -- reopening -----------------------------------------------------------------------------
    (
        "reopened",
        r"\bre-?open\w*|\bre-?start\w*|\breactivat\w+|\brecommission\w*",
        False,
        ("open", "start", "reactivat", "recommission"),
    ),
    ("reopened", r"\bresum(?:e|es|ed|ing|ption)\b", False, ("resum",)),
    (
        "reopened",
        # the trigger is "back online" (group v), after the site it brings back
        r"\b(?:bring|brings|bringing|brought)\s+(?:[\w,.'-]+\s+){0,6}?(?P<v>back\s+(?:on-?\s?line|into\s+(?:production|service|operation)))"
        r"|\breturn(?:s|ed|ing)?\s+to\s+(?:full\s+)?(?:production|service|operations?)\b"
        # the site between: "returned the Bogalusa mill to full production" (group v3)
        r"|\breturn(?:s|ed|ing)?\s+(?:the|its|our|their)\s+(?:[\w,.'-]+\s+){0,6}?(?P<v3>to\s+(?:full\s+)?"
        r"(?:production|service|operations?))\b"
        # a state regained, told of the site: "the mill is back in operation", "back online"
        r"|\b(?:is|are|was|were|be|been)\s+(?:now\s+)?back\s+(?:in|into)\s+(?:full\s+)?(?:operation|production|service)\b"
        r"|\b(?:is|are|was|were|be|been)\s+(?:now\s+)?back\s+on-?\s?line\b",
        False,
        ("back", "return"),
    ),
    # -- opening -------------------------------------------------------------------------------
    (
        "opened",
        r"\bgrand\s+opening\b|\bribbon[- ]cutting\b|\bground[- ]?breaking\b",
        True,
        ("opening", "ribbon", "ground"),
    ),
    ("opened", r"\b(?:break|breaks|broke|breaking)\s+ground\b", False, ("ground",)),
    ("opened", r"\bopen(?:s|ed|ing)?\b", False, ("open",)),
    (
        "opened",
        r"\binaugurat\w+|\bcommission(?:s|ed|ing)?\b(?!\s+(?:of|on|from|for))",
        False,
        ("inaugurat", "commission"),
    ),
    (
        "opened",
        # no "new" needed to build one: "will build a $50 million plant in Greer"
        rf"\b(?:build|builds|built|construct|constructs|constructed|constructing|construction\s+of"
        r"|establish|establishes|established|establishing)\b"
        rf"(?=\s+(?:a|an)\s+(?:[\w$.,-]+\s+){{0,4}}?{_FACILITY}\b)",
        False,
        ("build", "built", "construct", "establish"),
    ),
    (
        "opened",
        r"\b(?:build|builds|built|building|construct|constructs|constructed|constructing|construction\s+of"
        r"|establish|establishes|established|establishing|launch|launches|launched|launching|locate|locates"
        r"|develop|develops|developing|add|adds|added|adding|set(?:s|ting)?\s+up)\b(?=\s+(?:of\s+)?(?:a|an|its|the|their|our)\s+"
        # the noun is the new thing's own, not where it goes: "add a new line at its plant" expands
        rf"(?:[\w$.,-]+\s+){{0,3}}?new\s+(?:(?!(?:at|in|on|of|for|to|within)\b)[\w$.,-]+\s+){{0,4}}?{_FACILITY}\b)",
        False,
        ("new",),
    ),
    (
        "opened",
        # work moved to a new site opens it: "relocate its DC to a new facility in X", "consolidate
        # the two plants into a new plant in X", "has moved into its new headquarters in X" (group v)
        r"\b(?:to|into)\s+(?:a|an|its|their|our)\s+(?:[\w$.,-]+\s+){0,2}?(?P<v>new)\b"
        rf"(?=(?:,?\s+[\w$.,-]+){{0,4}}?\s+{_FACILITY}\b)",
        False,
        ("new",),
    ),
    (
        "opened",
        # a new site that starts producing opens: "its new plant in X began commercial production" (group v)
        r"\bnew\b[^;]{0,100}?\b(?P<v2>(?:is|are|was|were|became|becomes|become)\s+(?:now\s+|fully\s+)?"
        r"(?:operational|in\s+operation|up\s+and\s+running))\b"
        r"|\bnew\b[^;]{0,100}?\b(?P<v>(?:began|begins|begun|started|starts|commenced|commences|entered|enters)"
        r"\s+(?:(?:commercial|full|full-scale|initial|serial|volume|regular|trial|test|pilot)\s+)?(?:production|operations|operating"
        r"|shipments|manufacturing|service))\b",
        False,
        ("new",),
    ),
    (
        "opened",
        rf"\b(?:begin|begins|began|begun|beginning|start|starts|started|starting|commence\w*)\s+{_W}{{0,2}}?"
        rf"(?:{_PROD}|shipping|shipments)\s+(?:at|in|from)\s+(?:its|the|their|our|a)\s+(?:\w+\s+){{0,3}}?new\b",
        False,
        ("new",),
    ),
    (
        "opened",
        # a site chosen for a new facility: "has selected X, Ont., as the site of its first plant",
        # "chose X for its new distribution center"
        r"\b(?:select(?:s|ed|ing)?|cho(?:ose|oses|se|sen|osing)|pick(?:s|ed|ing)?)\b(?=[^;]{1,90}?\b"
        r"(?:as\s+(?:the\s+)?(?:site|location|home)\s+(?:of|for)\s+(?:its|their|our|a|an|the)\s+"
        rf"(?:[\w$.,-]+\s+){{0,6}}?{_FACILITY}\b|for\s+(?:its|their|our|a|an|the)\s+(?:[\w$.,-]+\s+){{0,3}}?"
        rf"(?:new|first|next|future|planned|additional|second|third)\s+(?:[\w$.,-]+\s+){{0,5}}?{_FACILITY}\b"
        # "has chosen a 2,000-acre site in X to build its sixth assembly plant"
        r"|to\s+(?:build|construct|locate|establish|house)\s+(?:its|their|our|a|an|the)\s+"
        rf"(?:[\w$.,-]+\s+){{0,6}}?{_FACILITY}\b))",
        False,
        ("select", "choos", "chose", "pick"),
    ),
    (
        "opened",
        # "cut the ribbon on its new plant in X", "a ribbon-cutting for its plant"
        r"\b(?:cut|cuts|cutting)\s+the\s+ribbon\b|\bribbon[- ]cutting\b",
        False,
        ("ribbon",),
    ),
    (
        "opened",
        # a site built and finished: "completed construction of its bottling plant in X"
        rf"\bcomplet(?:e|es|ed|ing|ion)\s+(?:of\s+)?(?:the\s+)?construction\s+of\b(?=\s+(?:its|the|a|their|our)\s+"
        rf"(?:[\w$.,'-]+\s+){{0,5}}?{_FACILITY}\b)",
        False,
        ("complet",),
    ),
    (
        "opened",
        # a site taken on lease to run: "leases an additional manufacturing plant in X", "entered into a
        # lease agreement for a 50,000 square foot facility in X" (not a sale-leaseback, which is a sale)
        r"\b(?:lease[sd]?|leasing)\s+(?:a|an|an\s+additional|its\s+first|a\s+new|additional)\s+"
        rf"(?:[\w$.,'-]+\s+){{0,5}}?(?:{_FACILITY}|building)\b"
        r"|\blease\s+(?:agreement\s+)?(?:for|of)\s+(?:a|an|an\s+additional)\s+(?:[\w$.,'-]+\s+){0,6}?"
        rf"{_FACILITY}\b",
        False,
        ("leas",),
    ),
    (
        "opened",
        # "has started up its new mill in X", "the start-up of its new plant"
        r"\bstart(?:s|ed|ing)?[- ]up\b(?=\s+(?:of\s+)?(?:its|the|a|their|our)\s+(?:[\w$.,'-]+\s+){0,3}?new\b)",
        False,
        ("start",),
    ),
    # -- expansion -----------------------------------------------------------------------------
    ("expanded", r"\bexpand(?:s|ed|ing)?\b", False, ("expand",)),
    ("expanded", r"\bexpansions?\b", True, ("expansion",)),
    (
        "expanded",
        r"\binvest(?:s|ed|ing)?\s+(?:(?:approximately|about|around|nearly|roughly|some|over|an\s+additional|more\s+than"
        r"|up\s+to|a\s+further)\s+)?"
        r"(?:[A-Z]{3}\s*|[$\u20ac\u00a3]\s*)?[\d.,]+\s*(?:million|billion|mn|bn|m)?\s+(?:\w+\s+){0,2}?(?:in|at|into"
        # "where the company will invest 3 billion yen to build a new production building"
        r"|to\s+(?=(?:build|install|add|construct|upgrade|moderni[sz]e)\b))\b"
        # the noun: "an investment of approximately $6 million at X", "a $9 million investment in X"
        r"|\binvestment\s+of\s+(?:(?:approximately|about|around|nearly|roughly|some|over|more\s+than|up\s+to)\s+)?"
        r"(?:[A-Z]{3}\s*|[$\u20ac\u00a3]\s*)?[\d.,]+\s*(?:million|billion|mn|bn|m)?\s+(?:\w+\s+){0,2}?(?:in|at|into)\b"
        r"|(?:[$\u20ac\u00a3]\s*)[\d.,]+\s*(?:million|billion|mn|bn|m)?\s+(?:[\w-]+\s+){0,2}?investment\s+(?:in|at)\b",
        False,
        ("invest",),
    ),
    (
        "jobs",  # added jobs: an expansion of a named site, else a detail of an event already found
        r"\b(?:add|adds|added|adding|creat\w+|hir(?:e|es|ed|ing))\s+(?:(?:approximately|about|around|nearly|roughly|some"
        r"|up\s+to|more\s+than|over|an\s+additional)\s+)?"
        r"(?:\d[\d,]*|\w+)\s+(?:(?:new|additional|full-time|permanent|skilled|direct)\s+){0,2}(?:jobs|positions|roles)\b"
        # passive: "about 180 new jobs are to be created there"
        r"|\b(?:\d[\d,]*|\w+)\s+(?:(?:new|additional|full-time|permanent)\s+){0,2}(?:jobs|positions|roles)\s+"
        r"(?:are|will\s+be|would\s+be|are\s+to\s+be|are\s+expected\s+to\s+be|to\s+be)\s+(?:created|added)\b",
        False,
        ("jobs", "positions", "roles"),
    ),
    (
        "expanded",
        r"\b(?:add|adds|added|adding|increas\w+|doubl\w+|tripl\w+|boost\w*)\s+(?:\w+\s+){0,4}?"
        r"(?:capacity|production\s+lines?|(?:a\s+)?(?:second|third|new)\s+(?:production\s+)?(?:line|shift|machine))\b"
        # a line named by what it makes counts where the text says where it goes: "add a new
        # coating line at its plant" (without a place it is a detail of the event just told)
        r"|\b(?:add|adds|added|adding)\s+(?:a|an)\s+(?:second|third|new)\s+(?:[\w-]+\s+){1,2}?(?:line|machine)\b"
        r"(?=\s+(?:at|in|to)\s+(?:its|the|our|their)\b)"
        r"|\bcapacity\s+(?:increase|addition|expansion)s?\b|\benlarg\w+",
        False,
        ("add", "increas", "doubl", "tripl", "boost", "capacity", "enlarg"),
    ),
    (
        "expanded",
        # new equipment put in at a site grows it: "will install a new paper machine at its mill"
        r"\b(?:install|installs|installed|installing|installation\s+of)\s+(?:a|an|two|three|four|\d+)\s+"
        rf"(?:[\w$.,-]+\s+){{0,3}}?{PART_NOUN}\b",
        False,
        ("install",),
    ),
    # -- ownership changes ---------------------------------------------------------------------
    (
        "sold",
        r"\bsell(?:s|ing)?\b|\bsold\b|\bsale\s+(?:(?:and|-)\s*lease-?back\s+)?of\b|\bdivest\w*"
        r"|\bdispos(?:e|ed|es|ing|al)\s+of\b",
        False,
        ("sell", "sold", "sale", "divest", "dispos"),
    ),
    (
        "sold",
        # ownership handed on: "the site and all related assets will now be transferred to Eren Paper Ltd"
        r"\b(?:site|sites|mill|mills|plant|plants|facility|facilities|assets)\b[^.;]{0,60}?\b(?:will\s+(?:now\s+)?be"
        r"|is|are|was|were|has\s+been|have\s+been)\s+(?P<v>transferred)\s+to\s+(?=(?-i:[A-Z]))",
        False,
        ("transferred",),
    ),
    (
        "acquired",
        r"\bacquir(?:e|es|ed|ing)\b|\bacquisition\s+of\b|\bpurchas(?:e|es|ed|ing)\b|\bbuy(?:s|ing)?\b|\bbought\b"
        r"|\btak(?:e|es|ing)\s+over\b|\btook\s+over\b|\btakeovers?\s+of\b",
        False,
        ("acqui", "purchas", "buy", "bought", "take", "took", "taking"),
    ),
]


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    start: int
    end: int
    text: str
    nominal: bool


_COMPILED = [(t, re.compile(p, re.I), nominal) for t, p, nominal, _ in _SPECS]
_LETTERS = re.compile(r"[a-z]+")
_BY_NEEDLE: dict[str, list[int]] = {}
for _index, (*_, _needles) in enumerate(_SPECS):
    for _needle in _needles:
        _BY_NEEDLE.setdefault(_needle, []).append(_index)
_ALL_NEEDLES = tuple(_BY_NEEDLE)
_WORD_SPECS: dict[str, tuple[int, ...]] = {}


def _word_specs(word: str) -> tuple[int, ...]:
    """The patterns one word's stems call for (stems are letters only, so a stem in a sentence
    lies inside one of its words; " to " stands for the word "to"). Memoised: the vocabulary
    of releases is small."""
    found = _WORD_SPECS.get(word)
    if found is None:
        key = " to " if word == "to" else word
        found = tuple(sorted({i for n in _ALL_NEEDLES if n in key for i in _BY_NEEDLE[n]}))
        if len(_WORD_SPECS) < 50_000:
            _WORD_SPECS[word] = found
    return found


# Senses of the same words that are not facility events.
_FALSE_SENSES = re.compile(
    # a product noun used as a modifier: "closures plant" (bottle caps), "shutdown valves"
    r"\b(?:closures|shut-?downs?|shut-?offs?)\s+(?:and\s+[\w-]+\s+)?(?:plants?|lines?|business(?:es)?|valves?"
    r"|systems?|products?|segments?|divisions?|makers?|producers?|suppliers?|solutions?|technolog\w*"
    r"|manufactur\w*|moulding|molding|caps)\b"
    # closures as a product: "produces closures, caps and containers", "a maker of closures"
    r"|\b(?:produc\w*|mak(?:e|es|ing|er|ers)|manufactur\w*|mou?ld\w*|suppl\w*|sells?|of)\s+(?:[\w-]+\s+){0,2}?closures\b"
    # a state that a deal or plan is about, not a new event: "sell its idle mill", "the idled plant"
    r"|\b(?:its|the|their|our|this|that|an?)\s+(?:[\w-]+\s+)?idled?\s+(?=(?:[\w,.-]+\s+){0,3}?"
    rf"\w*{FACILITY_NOUN}\b)"
    # past background told as a cause: "after a fire forced the company to suspend operations there"
    r"|\b(?:after|since|when|following)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:forced|caused|led|prompted"
    r"|required|compelled)\s+(?:[\w-]+\s+){0,3}?to\s+[\w-]+(?:\s+[\w-]+){0,3}"
    # groundbreaking for an expansion is the expansion: "broke ground on a $X expansion of its plant"
    r"|\b(?:break|breaks|broke|breaking|ground[- ]?breaking)(?:\s+ground)?\s+(?:\w+\s+){0,2}?(?:on|for|of)\s+"
    r"(?:a|an|the|its|their|our)\s+(?:[\w$.,-]+\s+){0,4}?(?=(?:expansion|addition|extension|enlargement)\b)"
    r"|\bclose\s+(?:to|by(?!\s+(?:the\s+)?(?:end|mid|early|late|first|second|third|fourth|last|year|spring|summer|fall|autumn|winter|\d|[A-Z]))|relationship|cooperation|collaboration|attention|ties)\b|\bclose[ds]?\s+(?:at|up|down|higher|lower)\b"
    r"|\bclos(?:e|ing)\s+of\s+(?:business|trading|the\s+(?:quarter|year|transaction|sale|acquisition|deal|merger|"
    r"offering|market|period|day|session))\b"
    # a deal, however qualified: "closed its previously announced $84 million acquisition of the mill"
    # (not past a site: "close its Scunthorpe plant next year" closes the plant)
    r"|\bclos(?:e|ed|es|ing)\s+(?:the|its|this|a|an|their|our)\s+"
    rf"(?:(?!(?:and|or|of|in|at)\b)(?!{_FACILITY}\b)[\w$.,-]+\s+){{0,4}}?"
    r"(?:quarter|year|transaction|deal|sale|acquisition|buyout|takeover|offering|financing|purchase|merger|round"
    r"|gap|loop|books?|agreement|contract)\b"
    r"|\bclosing\s+(?:price|date|conditions?|bell|remarks|statements?|costs?|of\s+the\s+(?:transaction|sale|deal|"
    r"acquisition|purchase|merger))\b"
    r"|\b(?:upon|at|after|before|following|prior\s+to)\s+(?:the\s+)?closing\b|\bcustomary\s+closing\b"
    r"|\b(?:transaction|sale|deal|acquisition|merger|offering|financing|purchase|agreement|divestiture)s?\s+"
    r"(?:is|are|was|were|has|have|will|to)?\s*(?:\w+\s+){0,3}?(?:close|closed|closing)\b"
    # a defined term names no deed: (the "Purchased Assets"), "the Acquired Business"
    r"|\b(?-i:Purchased|Acquired|Sold|Divested)\s+(?-i:[A-Z][a-z]+)\b(?![\w\s]{0,3}(?:Plant|Mill|Facility))"
    # the price or contract of a deal names no deed: "an asset purchase agreement", "the sale price"
    r"|\b(?:purchase|sale)\s+(?:price|agreement|consideration|obligations?|orders?|commitments?|contract)s?\b"
    r"|\bopen\s+(?:house|market|positions?|jobs|to|for\s+(?:questions|comment|public)|source|orders?|questions?|"
    r"-ended|ended|dialogue|communication|door|line)\b|\bopen(?:ing|ed)?\s+(?:remarks|statement|bid|price|offer)\b"
    r"|\bopen[- ]ended\b|\b(?:remains?|remained|stays?|stayed)\s+open\b|\bkeep\w*\s+(?:[\w.,\-]+\s+){0,6}?open\b"
    r"|\bopen\s+and\s+operating\b"
    r"|\bexpand(?:s|ed|ing)?\s+(?:its|our|the|their)\s+(?:\w+\s+)?(?:product\s+(?:line|portfolio|offering)|portfolio"
    r"|presence|relationship|partnership|offering|footprint\s+in\s+the\s+\w+\s+market|market\s+share|reach"
    r"|customer\s+base|agreement|team|board|credit|distribution\s+agreement)\b"
    r"|\bsell(?:s|ing)?\s+(?:its|their|our)?\s*products\b|\b(?:products?|goods|units|tons|tonnes|shares)\s+sold\b"
    r"|\bsold\s+(?:out|under|through|in\s+more)\b|\bbuy(?:s|ing)?\s+back\b|\bshare\s+(?:re)?purchases?\b"
    r"|\bpurchas\w+\s+(?:orders?|agreements?|price|accounting|commitments?|power)\b|\bresum\w*\s+(?:(?:its|the|our|their|a)\s+)?(?:\w+\s+)?(?:trading|dividends?|payments?|buybacks?|repurchases?"
    r"|guidance|talks|negotiations|discussions|hiring)\b"
    r"|\bcurtail\w*\s+(?:spending|costs?|expenses|capital|investment)\b|\bcapital\s+expenditures?\s+curtail\w*"
    r"|\bidle\s+(?:capacity|time|cash|funds?|talk)\b|\bdowntime\s+(?:costs?|expenses?)\b"
    r"|\b(?:maintenance|annual|routine|holiday|seasonal)\s+(?:maintenance\s+)?"
    r"(?:shut-?downs?|outages?|downtime|closures?|idling)\b",
    re.I,
)

# every match of _FALSE_SENSES holds one of these (lowercase), so ASCII text without any has none
_FALSE_SENSE_NEEDLES = (
    "clos", "shut", "idle", "idling", "forced", "caused", "led", "prompted", "required", "compelled", "break",
    "broke", "open", "expand", "sell", "sold", "buy", "purchas", "resum", "curtail", "downtime", "outage",
)  # fmt: skip


def _false_senses(sentence: str) -> list[tuple[int, int]]:
    """The spans of ``_FALSE_SENSES`` in the sentence, skipping the scan when no needle occurs."""
    if sentence.isascii():
        low = sentence.lower()
        if not any(n in low for n in _FALSE_SENSE_NEEDLES):
            return []
    return [(f.start(), f.end()) for f in _FALSE_SENSES.finditer(sentence)]


_DETERMINER = re.compile(r"\b(?:the|this|that|its|our|their|today's|planned|announced)\s+$", re.I)
# a noun form with a proper name or a year between: "the Kankakee idling", "its 2009 closure"
_NAMED_DETERMINER = re.compile(
    r"\b(?:the|this|that|its|our|their)\s+(?-i:(?:[A-Z][\w.\-]*|\d{4})\s+){1,2}$", re.I
)
_NOUN_FORM = re.compile(r"(?:ing|ure|downs?|tion|sion)$", re.I)


_COMPOUND_AFTER = re.compile(r"-(?!(?:down|up|out|off|over)\b)[a-z]")
# an event noun that only qualifies money: "mill closure charges of $28.8 million", "shutdown costs"
_MONEY_AFTER = re.compile(
    r"\s+(?:charges?|costs?|expenses?|reserves?|provisions?|accruals?|write-?downs?)\b", re.I
)


def find_triggers(sentence: str) -> list[Trigger]:
    """Event words in a sentence, left to right, with overlapping weaker matches removed."""
    wanted = sorted({i for w in set(_LETTERS.findall(sentence.lower())) for i in _word_specs(w)})
    if not wanted:
        return []
    masked = [False] * len(sentence)
    false_spans: list[tuple[int, int]] | None = None
    found: list[Trigger] = []
    for index in wanted:
        type_, rx, nominal = _COMPILED[index]
        for m in rx.finditer(sentence):
            if false_spans is None:
                false_spans = _false_senses(sentence)
            # the verb itself (group v, or v2 in a second alternative) when the pattern names it
            verb = next((g for g in ("v", "v2", "v3") if g in rx.groupindex and m.group(g)), None)
            s, e = m.span(verb) if verb else m.span()
            if any(masked[s:e]):
                continue
            # a false sense kills the words inside it only: "closed its acquisition of the mill"
            # is not a closure, but still an acquisition
            if any(fs <= s and e <= fe for fs, fe in false_spans):
                continue
            if _COMPOUND_AFTER.match(sentence, e):
                continue  # the first half of a hyphenated modifier: "closed-loop", "open-access"
            if _MONEY_AFTER.match(sentence, e) and type_ != "expanded":
                continue  # "Groveton mill closure charges": results reporting a cost, not an event
            # "the idling", "its closing": a verb form used as a noun refers like a noun
            nominal = (
                nominal
                or bool(_DETERMINER.search(sentence, max(0, s - 20), s))
                or bool(
                    _NOUN_FORM.search(sentence, s, e)
                    and _NAMED_DETERMINER.search(sentence, max(0, s - 45), s)
                )
            )
            found.append(Trigger(type_, s, e, sentence[s:e], nominal))
            for i in range(s, e):
                masked[i] = True
    found.sort(key=lambda t: t.start)
    return found
