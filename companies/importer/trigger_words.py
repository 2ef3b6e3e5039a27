"""The event vocabulary: words that announce something happening to a facility.

Each pattern names the event type it signals. Verbs are matched in all their forms (idle,
idles, idled, idling) and with their nominalisations (closure, expansion, sale of,
acquisition of), so tense and voice do not matter here; ``events`` decides what the trigger
applies to and whether it is asserted, negated or hedged.

Order matters: more specific phrases come first and mask the words they contain
("temporarily shut down" is an idling, not a closure; "reopen" is not "open").
"""

from __future__ import annotations

from .dates import MONTH_RX
from .growth_words import GROWTH_SPECS
from .lexicon import LEGAL_SUFFIX, PART_NOUN
from .trigger_parts import _DASH_ASIDE, _FACILITY, _MEANS, _MOVED, _OF_GOODS, _PROD, _W

# a temporary stop named by its noun
_STOP_NOUN = r"(?:curtailments?|shut-?downs?|downtime|idlings?|suspensions?|stoppages?)\b"

# (event type, pattern, nominal?, stems) — "nominal" marks nouns (closure, expansion) whose place
# usually follows "of" and which often refer back to an event already announced. "stems" are
# literal lowercase pieces one of which every match holds: a pattern runs only on sentences
# holding one of its stems, because most sentences hold none and forty regex scans per sentence
# are the extractor's main cost (" to " stands for the word "to").
SPECS: list[tuple[str, str, bool, tuple[str, ...]]] = [
    # -- the end of a stop is a restart, and masks the stop's own words: "lifted the curtailment at
    # its X mill", "the end of the temporary shutdown", "the shutdown of its X plant will end" ----
    (
        "reopened",
        rf"\b(?:end(?:s|ed|ing)?|lift(?:s|ed|ing)?|conclud(?:e|es|ed|ing))\s+(?:the|its|their|our|a|an)\s+"
        rf"(?:[\w-]+\s+){{0,3}}?{_STOP_NOUN}"
        # ("until the end of the curtailment" is when a stop lasts to, no restart)
        rf"|\b(?<!until\s)(?<!through\s)(?<!till\s)(?<!at\s)(?<!until\sthe\s)(?<!through\sthe\s)(?<!till\sthe\s)"
        rf"(?<!at\sthe\s)(?:the\s+)?(?:end|conclusion|lifting)\s+of\s+"
        rf"(?:the|its|their|our|a|an)\s+(?:[\w-]+\s+){{0,3}}?{_STOP_NOUN}"
        # (the stop's noun is the word, so that the site after it is the restart's)
        rf"|\b(?P<v>{_STOP_NOUN})(?=(?:\s+(?:of|at)\s+(?:[^.;]|\.(?=\s+[a-z0-9]|,)){{1,60}}?)?\s+(?:will|would|is\s+(?:expected|scheduled|set)\s+to)\s+"
        r"end\b)",
        False,
        ("end", "lift", "conclu"),
    ),
    # -- permanence first: "permanently idle", "permanently halt" close a site for good ---------
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
    # -- idling: temporary stops ---------------------------------------------------------------
    (
        "idled",
        r"\btemporar(?:y|ily)\s+(?:\w+\s+){0,1}(?:halt\w*|suspen\w+|stop\w*|ceas\w+|shut\w*|clos\w+|curtail\w*|paraly[sz]\w*|interrupt\w*"
        r"|idl\w+|reduc\w+)"
        # a stop with its length before it: "a two-week shutdown" (an outage is an incident, often
        # told in results)
        r"|\b(?:\w+|\d+)[- ](?:week|day|month)(?:[- ]long)?\s+(?:shut-?downs?|curtailments?|closures?|stoppages?)\b"
        # stops that come and go: "rolling shutdowns at its X plant"
        r"|\brolling\s+(?:shut-?downs?|closures?|stoppages?|curtailments?)\b"
        # a site down for a while: "will be down for two weeks"
        r"|\b(?:be|been|is|are|was|were|remain|remains)\s+down\s+for\b"
        # fewer hours run: "reducing operating levels from 120 hours per week to 80 at its X mill",
        # "will reduce operating schedules at"
        r"|\breduc(?:e|es|ed|ing)\s+(?:its\s+|their\s+)?operating\s+(?:levels?|schedules?|hours|days|rates?)\b",
        False,
        ("temporar", "week", "day", "month", "down", "rolling", "reduc"),
    ),
    (
        "idled",
        # (the site may come between, with its state: "shut the Kemi, Finland mill for two weeks")
        # "shut down for a period of one week", "will each go down for six weeks"
        r"\b(?P<v>clos\w*|shut\w*(?:\s+down)?|halt\w*|stop\w*|ceas\w+|go(?:es|ing)?\s+down|went\s+down)"
        r"\s+(?:[\w,.'-]+\s+){0,8}?(?:temporarily|indefinitely|for\s+(?:a\s+period\s+of\s+|up\s+to\s+|about\s+"
        r"|approximately\s+|an?\s+(?:additional|further)\s+)?(?:\w+\s+){0,1}(?:weeks?|days?|months?))\b",
        False,
        ("temporarily", "indefinitely", "week", "day", "month"),
    ),
    (
        "idled",
        # a site taken out of use for a while: "take its X plant offline", "out of service",
        # "an extended shutdown of its X mill"
        r"\b(?:tak(?:e|es|ing|en)|took)\b(?=\s+(?:its|the|their|our|both)\s+(?:[\w$.,'-]+\s+){0,6}?"
        r"(?:off-?\s?line|out\s+of\s+(?:service|operation|production))\b)"
        r"|\bextended\s+(?:shut-?downs?|outages?|stoppages?)\b"
        # or found out of use: "the X facility is out of operation due to the damage"
        r"|\b(?:is|are|was|were|remains?|remained)\s+(?:currently\s+|temporarily\s+)?"
        r"(?P<v>out\s+of\s+(?:service|operation|production))\b",
        False,
        ("tak", "took", "extended", "out"),
    ),
    ("idled", r"\bindefinite(?:ly)?\s+(?:idl\w+|shut\w*|clos\w+|suspen\w+|halt\w*)", False, ("indefinite",)),
    (
        "idled",
        # subject first, passive: "production at the plant was halted" (the trigger is the verb, group v)
        # "the operation of the factories in X and Y has also been suspended temporarily"
        r"\b(?:production|operations?|manufacturing|output)\s+(?:(?:[^.;]|\.(?=\s+[a-z]))(?:[^.;]|\.(?=\s+[a-z])){0,59}?\s)?"
        r"(?:was|were|(?:has|have)\s+(?:\w+\s+)?been|will\s+(?:\w+\s+)?be|is\s+being|are\s+being|is|are)\s+(?:\w+\s+)?"
        r"(?P<v>halted|suspended|paused|curtailed|interrupted|stopped\s+temporarily"
        r"|stopped(?=\s+(?:between|from|for|until)\b))\b"
        # intransitive: "operations have stopped", "production has halted at the mill"
        r"|\b(?:production|operations|manufacturing|output)\s+(?:(?:[^.;]|\.(?=\s+[a-z]))(?:[^.;]|\.(?=\s+[a-z])){0,59}?\s)?(?:have|has|had)\s+"
        r"(?P<v2>stopped|halted)\b",
        False,
        ("halted", "suspended", "paused", "curtailed", "stopped", "interrupted"),
    ),
    ("idled", r"\bidl(?:e|es|ed|ing)\b", False, ("idl",)),
    (
        "idled",
        r"\bmothball\w*|\b(?:hot|cold)\s+idle\b|\bcare\s+and\s+maintenance\b|\bon\s+(?:hot\s+|cold\s+)?standby\b",
        False,
        ("mothball", "idle", "maintenance", "standby"),
    ),
    ("idled", r"\bcurtail\w*", False, ("curtail",)),
    ("idled", r"\bdowntime\b", True, ("downtime",)),
    (
        "idled",
        # a stop that befalls a site: "a production interruption", "an unplanned shutdown",
        # "declared force majeure at its plant"
        r"\b(?:production|operational|supply)\s+interruptions?\b|\binterruptions?\s+(?:of|to|in)\s+production\b"
        r"|\bunplanned\s+(?:shut-?downs?|stoppages?|downtime)\b|\bforce\s+majeure\b",
        True,
        ("interruption", "unplanned", "majeure"),
    ),
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
        rf"|\s+{_PROD}\s+(?:at|in)\b)"
        # a business left in its town: "the exit of its wheel bearing business in Sandusky, Ohio"
        # (with the work done for it: "exit the pigments business and production at the X site")
        r"|\bexit(?:s|ed|ing)?(?:\s+of)?\b(?=\s+(?:its|the|our|their)\s+(?:[\w$.,-]+\s+){0,4}?business"
        rf"(?:\s+and\s+{_PROD})?\s+(?:(?:located|based)\s+)?(?:in|at)\s+(?:(?:the|its|our|their)\s+)?"
        rf"(?:(?-i:[A-Z])|(?:[\w-]+\s+)?{_FACILITY}\b))",
        False,
        ("exit",),
    ),
    (
        "closed",
        # a site the company leaves: "will vacate its Erie plant", "forced to vacate its leased facility"
        rf"\bvacat(?:e|es|ed|ing)\b(?=\s+(?:its|the|our|their)\s+(?:[\w$.,-]+\s+){{0,4}}?{_FACILITY}\b)",
        False,
        ("vacat",),
    ),
    # (the site consolidated may be described at length first: "its X-based unit, which ..., into")
    # or work consolidated away from it: "consolidating manufacturing from its X plant to its Y location"
    ("closed", r"\bconsolidat\w+\b(?=[^;]{0,220}?\b(?:into|with|from)\b)", False, ("consolidat",)),
    (
        "closed",
        # the move named by its noun, the site it leaves after it: "the relocation of its Erie
        # operations", "the move of its Erie plant" (a move's destination is read by the verb
        # patterns below)
        rf"\b(?:relocation|move)\s+of\b(?=\s+(?:(?:its|the|their|our)\s+)?(?:[\w$.,'&/-]+\s+){{0,5}}?(?:{_FACILITY}"
        r"|plant|plants|office|offices)\b)",
        True,
        ("relocat", "move"),
    ),
    (
        "sold",
        # a site handed to another company is sold: "will transfer its Kochi Factory to Marusan
        # Industry Co., Ltd." (work moved to a place is a move, below)
        r"\btransfer(?:s|red|ring)?\b(?=\s+(?:its|the|their|our)\s+(?:[\w$.,'&/-]+\s+){0,5}?"
        rf"(?:{_FACILITY})\b[^.;]{{0,60}}?\s+to\s+(?:(?-i:[A-Z])[\w&.'-]*,?\s+){{1,4}}(?:{LEGAL_SUFFIX})(?![\w-]))",
        False,
        ("transfer",),
    ),
    (
        "closed",
        # work moved away from a site closes it there: "move production from X to Y" (trigger: "from")
        r"\b(?:mov|shift|transfer|relocat|transition)\w*\s+(?:(?:all|the\s+rest|the\s+remainder)\s+(?:of\s+)?)?"
        rf"(?:(?:its|the|their|our|remaining)\s+)?{_W}{{0,3}}?(?:{_PROD}|{_MEANS}){_OF_GOODS}\s+(?P<v>from)\b"
        # (a time is no site: "start shifting activities of the X plant from January")
        rf"(?!\s+(?:(?i:{MONTH_RX})\b|\d|mid|early|late|the\s+(?:first|second|third|fourth|end|beginning|start)\b))",
        False,
        ("mov", "shift", "transfer", "relocat", "transition"),
    ),
    (
        "closed",
        # the work done in a town, moved away: "transfer manufacturing currently performed in Erie to"
        rf"\b(?:mov|shift|transfer|relocat|transition)\w*\s+(?:(?:its|the|their|our)\s+)?{_PROD}\s+"
        r"(?:(?:currently|now)\s+)?(?:performed|conducted|carried\s+out|done|located|based)\s+(?P<v>in|at)\b",
        False,
        ("mov", "shift", "transfer", "relocat", "transition"),
    ),
    (
        "closed",
        # a site whose work moves elsewhere closes there: "relocate its Irving office to Dallas",
        # "moving its current facility in Suzhou to a new, larger facility", "moved one of its labs to"
        r"\b(?:relocat(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|transfer(?:s|red|ring)?|shift(?:s|ed|ing)?"
        # (two verbs for one move: "transfer and consolidate all of the X plant's production to")
        r"|transition(?:s|ed|ing)?)\b(?=(?:\s+and\s+(?:consolidat|transfer|mov|relocat|shift)\w*)?"
        r"\s+(?:all\s+(?:of\s+)?|one\s+of\s+)?"
        # "move the operations of its X facility to"
        rf"(?:(?:the\s+)?{_PROD}\s+(?:of|at)\s+)?"
        # (a filler may be an abbreviation with "&" or "/": "move its R&D and technical centers in X to")
        # ("the" only before a place's name: "transfer the Erie, Pa. operations to")
        # (or before the work and where it is done: "relocate the operations located in X to")
        rf"(?:its|their|our|the\s+company's|the(?=\s+(?-i:[A-Z]))"
        rf"|the(?=\s+{_PROD}\s+(?:(?:currently\s+)?(?:located|based|conducted|performed)\s+)?(?:in|at)\s+(?-i:[A-Z])))"
        rf"\s+(?:[\w$.,'&/-]+\s+){{0,6}}?(?:{_FACILITY}|office|offices|lab|labs"
        # (the work of a site named by its town: "relocate its Erie-based manufacturing to")
        rf"|(?<=-based\s){_PROD}"
        # (an abbreviation's dot, "from Erie, Pa. to", does not end the move)
        # (the destination may be a site named before: "buy a building in X and move its Y operations there")
        r"|laboratory|laboratories|plant|plants)\b(?:[^.;]|\.(?=\s+[a-z0-9]|,)){0,120}?\b(?:to|into|there)\b)",
        False,
        ("relocat", "mov", "transfer", "shift", "transition"),
    ),
    (
        "closed",
        # the work itself moving away: "Production of these items will start to move from X to our Y plant"
        rf"\b{_PROD}{_OF_GOODS}\s+(?:will|would|is\s+to|are\s+to)\s+(?:(?:start|begin|gradually)\s+(?:to\s+)?)?"
        r"(?P<v>move|relocate|shift|transfer)\s+from\b",
        False,
        ("move", "relocate", "shift", "transfer"),
    ),
    (
        "closed",
        # a site whose work is folded into another: "integrate its X operations into its Y plant",
        # "merge the X plant into the Y site"
        # (or its work: "integrate the X production entity into other plants")
        r"\b(?:integrat(?:e|es|ed|ing)|merg(?:e|es|ed|ing)|fold(?:s|ed|ing)?)\b(?=\s+(?:its|their|our|the)\s+"
        rf"(?:[\w$.,'&/-]+\s+){{0,6}}?(?:{_FACILITY}|plant|plants|{_PROD}(?:\s+(?:entity|entities|units?))?)\b"
        rf"(?:[^.;]|\.(?=\s+[a-z0-9]|,)){{0,120}}?\binto\s+"
        # (into another site, not "into its supply chain")
        rf"(?:its|their|our|the|a|an|one|other|existing)\b[^.;]{{0,60}}?\b(?:{_FACILITY}|plant|plants)\b)",
        False,
        ("integrat", "merg", "fold"),
    ),
    (
        "closed",
        # passive: "operations would be transferred from X to Y" (the trigger is the verb, group v)
        rf"\b{_PROD}{_OF_GOODS}\s+(?:will|would|are\s+to|is\s+to)\s+be\s+(?P<v>{_MOVED}){_DASH_ASIDE}\s+from\b"
        # or "the Erie, Pa. operations will be moved to Dayton": the site left names the work
        # (or the site's: "the Erie plant's production will be moved")
        rf"|\b(?:(?-i:[A-Z])[\w.,'-]*\s+){{1,3}}(?:{_FACILITY}'s\s+)?{_PROD}\s+(?:will|would|are\s+to|is\s+to|are\s+being|is\s+being)\s+"
        rf"(?:be\s+)?(?P<v2>{_MOVED})\s+(?:to|into)\b"
        # or the site after the work: "production at its Erie plant will be moved to Dayton",
        # "production from the Erie plant will be transferred to", "production in Erie will be moved to"
        # (what the work makes, and where it is now, may come between: "production facilities for
        # washers and dryers, both currently located in X, are to be moved to")
        rf"|\b{_PROD}(?:\s+(?:facilit(?:y|ies)|lines?|equipment|units?))?(?:\s+(?:for|of)\s+[^.;]{{0,100}}?)?,?\s+(?:(?:both|all|each)\s+)?(?:(?:currently|now)\s+)?"
        r"(?:(?:located|based|performed|conducted)\s+)?"
        rf"(?:at|in|from)\s+(?:(?:its|the|our|their)\s+|(?=(?-i:[A-Z])))(?:[^.;]|\.(?=\s+[a-z0-9]|,)){{0,80}}?\s+(?:will|would|is\s+to|are\s+to)\s+"
        rf"(?:gradually\s+|then\s+|also\s+)?be\s+(?P<v3>{_MOVED})\s+(?:to|into)\b"
        # the site first, moving on its own: "its distribution center will move from X to Y"
        rf"|\b(?:{_FACILITY})\s+(?:will|would|is\s+to|are\s+to|(?:is|are)\s+(?:expected|scheduled|set)\s+to)\s+"
        r"(?P<v4>move|relocate)\s+(?:from|to)\b"
        # or moved in the passive, with or without its destination: "the X distribution center will be relocated"
        rf"|\b(?:{_FACILITY})\s+(?:will|would|is\s+to|are\s+to|is\s+being|are\s+being)\s+(?:\w+ly\s+)?(?:be\s+)?"
        r"(?P<v5>relocated|moved)\b",
        False,
        ("transferred", "moved", "relocated", "consolidated", "shifted", "transitioned", "move", "relocate"),
    ),
    (
        "opened",
        # site-selection wording: "plans to locate a manufacturing facility in X", "will locate its new plant"
        rf"\blocat(?:e|es|ing)\s+(?:a|an|its|their|the)\s+(?:new\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_FACILITY})\b",
        False,
        ("locat",),
    ),
    (
        "closed",
        # a site that will not come back is closed: "said the mill will not reopen" (the "not"
        # belongs to the event, so it is no negation of it)
        r"\b(?:will|would|is\s+not\s+expected\s+to|does\s+not\s+(?:plan|intend|expect)\s+to)\s+(?:not\s+)?"
        # ("will not restart" may only keep an idled site idle)
        r"(?:be\s+)?(?P<v>never\s+(?:be\s+)?(?:reopen(?:ed)?|restart(?:ed)?)|not\s+(?:be\s+)?reopen(?:ed)?)\b",
        False,
        ("never", "not"),
    ),
    (
        "closed",
        r"\bterminat(?:e|es|ed|ing|ion\s+of)\s+(?:all\s+)?(?:(?:its|the|their|our)\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:operations|production|manufacturing)\b"
        rf"|\bdismantl(?:e|es|ed|ing)\b(?=\s+(?:its|the|their|our)\s+(?:[\w$.,'-]+\s+){{0,6}}?(?:{_FACILITY})\b)",
        False,
        ("terminat", "dismantl"),
    ),
    # -- reopening -----------------------------------------------------------------------------
    (
        "reopened",
        r"\bre-?open\w*|\bre-?start\w*|\breactivat\w+|\bre-?commission\w*|\bre-?commenc\w*",
        False,
        ("open", "start", "reactivat", "commission", "commenc"),
    ),
    ("reopened", r"\bresum(?:e|es|ed|ing|ption)\b", False, ("resum",)),
    (
        "reopened",
        # a site put back to work: "put its X plant back into operation", "is back up and running",
        # "start up its idled X mill again", "relit the blast furnace"
        r"\bput(?:s|ting)?\b(?=\s+(?:its|the|their|our)\s+(?:[\w$.,'-]+\s+){0,6}?back\s+(?:on-?\s?line|into\s+"
        r"(?:production|service|operation)))"
        r"|\bback\s+up\s+and\s+running\b"
        r"|\bstart(?:s|ed|ing)?\s+up\b(?=\s+(?:its|the|their|our)\s+(?:idled?|closed|shuttered|mothballed)\b)"
        # ("has started up its X mill again", "the mill is running again")
        r"|\bstart(?:s|ed|ing)?\s+up\b(?=\s+(?:its|the|their|our)\s+(?:[\w$.,'-]+\s+){0,6}?again\b)"
        r"|\b(?:is|are|was|were)\s+(?:now\s+)?(?:running|operating|producing)\s+again\b"
        r"|\bstart-?up\s+of\b(?=\s+(?:its|the|their|our)\s+(?:idled?|closed|shuttered|mothballed)\b)"
        # work begun again: "the mill began producing paper again"
        r"|\b(?:began|begins|begin|started|starts|start)\s+(?:\w+ing|production|operations?)\s+(?:[\w-]+\s+){0,3}?again\b"
        r"|\bre-?l(?:it|ight|ights|ighted|ighting)\b"
        # laid-off workers called back to a site: "has called back 230 workers to the Erie factory"
        r"|\b(?:call(?:s|ed|ing)?\s+back|recall(?:s|ed|ing)?)\b(?=\s+(?:about\s+|some\s+|approximately\s+|nearly\s+"
        r"|more\s+than\s+|over\s+)?(?:\d[\d,]*|all|its|the|hundreds\s+of|dozens\s+of)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:workers|employees|staff)\b)",
        False,
        ("put", "running", "start", "lit", "light", "began", "begin", "call", "again"),
    ),
    (
        "reopened",
        # the trigger is "back online" (group v), after the site it brings back
        r"\b(?:bring|brings|bringing|brought)\s+(?:[\w,.'-]+\s+){0,6}?(?P<v>back\s+(?:on-?\s?line|(?:in)?to\s+(?:full\s+)?"
        r"(?:production|service|operations?)))"
        r"|\breturn(?:s|ed|ing)?\s+to\s+(?:full\s+|normal\s+)?(?:production|service|operations?|capacity)\b"
        # the site between: "returned the Bogalusa mill to full production" (group v3)
        r"|\breturn(?:s|ed|ing)?\s+(?:the|its|our|their)\s+(?:[\w,.'-]+\s+){0,6}?(?P<v3>to\s+(?:full\s+)?"
        r"(?:production|service|operations?))\b"
        # a state regained, told of the site: "the mill is back in operation", "back online"
        r"|\b(?:is|are|was|were|be|been)\s+(?:now\s+)?back\s+(?:in|into)\s+(?:full\s+)?(?:operation|production|service)\b"
        r"|\b(?:is|are|was|were|be|been)\s+(?:now\s+)?back\s+(?:on-?\s?line|on[- ]?stream)\b"
        r"|\b(?:came|comes|come|coming)\s+back\s+(?:on-?\s?line|on[- ]?stream)\b",
        False,
        ("back", "return"),
    ),
    # -- openings, expansions and ownership changes follow: growth_words.GROWTH_SPECS
    *GROWTH_SPECS,
]
