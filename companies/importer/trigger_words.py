"""The event vocabulary: words that announce something happening to a facility.

Each pattern names the event type it signals. Verbs are matched in all their forms (idle,
idles, idled, idling) and with their nominalisations (closure, expansion, sale of,
acquisition of), so tense and voice do not matter here; ``events`` decides what the trigger
applies to and whether it is asserted, negated or hedged.

Order matters: more specific phrases come first and mask the words they contain
("temporarily shut down" is an idling, not a closure; "reopen" is not "open").
"""

from __future__ import annotations

from .lexicon import EVENT_OBJECT_NOUN, PART_NOUN

_W = r"(?:[\w'$.,-]+\s+)"  # one filler word
_FACILITY = EVENT_OBJECT_NOUN
_PROD = (
    r"(?:production|operations?|manufacturing|output|activity|activities|work|shipments|processing"
    r"|papermaking|steelmaking|smelting|mining|assembly|[\w-]+making|[\w-]+ing\s+operations|lines?)"
)

# work that leaves a site, in the passive: "production at X will be shifted to Y"
_MOVED = r"(?:transferred|moved|relocated|consolidated|shifted|transitioned)"

# (event type, pattern, nominal?, stems) — "nominal" marks nouns (closure, expansion) whose place
# usually follows "of" and which often refer back to an event already announced. "stems" are
# literal lowercase pieces one of which every match holds: a pattern runs only on sentences
# holding one of its stems, because most sentences hold none and forty regex scans per sentence
# are the extractor's main cost (" to " stands for the word "to").
SPECS: list[tuple[str, str, bool, tuple[str, ...]]] = [
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
        # a site down for a while: "will be down for two weeks"
        r"|\b(?:be|been|is|are|was|were|remain|remains)\s+down\s+for\b",
        False,
        ("temporar", "week", "day", "month", "down"),
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
        r"|\bextended\s+(?:shut-?downs?|outages?|stoppages?)\b",
        False,
        ("tak", "took", "extended"),
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
        r"\bmothball\w*|\b(?:hot|cold)\s+idle\b|\bcare\s+and\s+maintenance\b|\bon\s+standby\b",
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
        r"|\bexit(?:s|ed|ing)?(?:\s+of)?\b(?=\s+(?:its|the|our|their)\s+(?:[\w$.,-]+\s+){0,4}?business"
        r"\s+(?:(?:located|based)\s+)?(?:in|at)\s+(?-i:[A-Z]))",
        False,
        ("exit",),
    ),
    # (the site consolidated may be described at length first: "its X-based unit, which ..., into")
    # or work consolidated away from it: "consolidating manufacturing from its X plant to its Y location"
    ("closed", r"\bconsolidat\w+\b(?=[^;]{0,220}?\b(?:into|with|from)\b)", False, ("consolidat",)),
    (
        "closed",
        # the move named by its noun, the site it leaves after it: "the relocation of its Erie
        # operations" (a move's destination is read by the verb patterns below)
        rf"\brelocation\s+of\b(?=\s+(?:(?:its|the|their|our)\s+)?(?:[\w$.,'&/-]+\s+){{0,5}}?(?:{_FACILITY}"
        r"|plant|plants|office|offices)\b)",
        True,
        ("relocat",),
    ),
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
        r"\b(?:relocat(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|transfer(?:s|red|ring)?|shift(?:s|ed|ing)?"
        r"|transition(?:s|ed|ing)?)\b(?=\s+(?:all\s+(?:of\s+)?|one\s+of\s+)?"
        # "move the operations of its X facility to"
        rf"(?:(?:the\s+)?{_PROD}\s+(?:of|at)\s+)?"
        # (a filler may be an abbreviation with "&" or "/": "move its R&D and technical centers in X to")
        # ("the" only before a place's name: "transfer the Erie, Pa. operations to")
        rf"(?:its|their|our|the\s+company's|the(?=\s+(?-i:[A-Z])))\s+(?:[\w$.,'&/-]+\s+){{0,6}}?(?:{_FACILITY}|office|offices|lab|labs"
        # (an abbreviation's dot, "from Erie, Pa. to", does not end the move)
        r"|laboratory|laboratories|plant|plants)\b(?:[^.;]|\.(?=\s+[a-z0-9]|,)){0,120}?\b(?:to|into)\b)",
        False,
        ("relocat", "mov", "transfer", "shift", "transition"),
    ),
    (
        "closed",
        # a site whose work is folded into another: "integrate its X operations into its Y plant",
        # "merge the X plant into the Y site"
        r"\b(?:integrat(?:e|es|ed|ing)|merg(?:e|es|ed|ing)|fold(?:s|ed|ing)?)\b(?=\s+(?:its|their|our|the)\s+"
        rf"(?:[\w$.,'&/-]+\s+){{0,6}}?(?:{_FACILITY}|plant|plants)\b(?:[^.;]|\.(?=\s+[a-z0-9]|,)){{0,120}}?\binto\s+"
        # (into another site, not "into its supply chain")
        rf"(?:its|their|our|the|a|an|one|other|existing)\b[^.;]{{0,60}}?\b(?:{_FACILITY}|plant|plants)\b)",
        False,
        ("integrat", "merg", "fold"),
    ),
    (
        "closed",
        # passive: "operations would be transferred from X to Y" (the trigger is the verb, group v)
        rf"\b{_PROD}\s+(?:will|would|are\s+to|is\s+to)\s+be\s+(?P<v>{_MOVED})\s+from\b"
        # or "the Erie, Pa. operations will be moved to Dayton": the site left names the work
        rf"|\b(?:(?-i:[A-Z])[\w.,'-]*\s+){{1,3}}{_PROD}\s+(?:will|would|are\s+to|is\s+to|are\s+being|is\s+being)\s+"
        rf"(?:be\s+)?(?P<v2>{_MOVED})\s+(?:to|into)\b"
        # or the site after the work: "production at its Erie plant will be moved to Dayton"
        rf"|\b{_PROD}\s+(?:at|in)\s+(?:its|the|our|their)\s+(?:[^.;]|\.(?=\s+[a-z0-9]|,)){{0,80}}?\s+(?:will|would|is\s+to|are\s+to)\s+"
        rf"(?:gradually\s+|then\s+|also\s+)?be\s+(?P<v3>{_MOVED})\s+(?:to|into)\b"
        # the site first, moving on its own: "its distribution center will move from X to Y"
        rf"|\b(?:{_FACILITY})\s+(?:will|would|is\s+to|are\s+to|(?:is|are)\s+(?:expected|scheduled|set)\s+to)\s+"
        r"(?P<v4>move|relocate)\s+from\b",
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
        r"\bre-?open\w*|\bre-?start\w*|\breactivat\w+|\brecommission\w*",
        False,
        ("open", "start", "reactivat", "recommission"),
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
        r"|\bstart-?up\s+of\b(?=\s+(?:its|the|their|our)\s+(?:idled?|closed|shuttered|mothballed)\b)"
        # work begun again: "the mill began producing paper again"
        r"|\b(?:began|begins|begin|started|starts|start)\s+(?:\w+ing|production|operations?)\s+(?:[\w-]+\s+){0,3}?again\b"
        r"|\bre-?l(?:it|ight|ights|ighted|ighting)\b",
        False,
        ("put", "running", "start", "lit", "light", "began", "begin"),
    ),
    (
        "reopened",
        # the trigger is "back online" (group v), after the site it brings back
        r"\b(?:bring|brings|bringing|brought)\s+(?:[\w,.'-]+\s+){0,6}?(?P<v>back\s+(?:on-?\s?line|(?:in)?to\s+(?:full\s+)?"
        r"(?:production|service|operations?)))"
        r"|\breturn(?:s|ed|ing)?\s+to\s+(?:full\s+)?(?:production|service|operations?)\b"
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
        rf"(?=\s+(?:a|an)\s+(?:[\w$.,-]+\s+){{0,4}}?{_FACILITY}\b)"
        # a site set up where the sentence places it: "will set up its car plant at X", "set up a plant in X"
        rf"|\bset(?:s|ting)?\s+up\b(?=\s+(?:a|an|its|their|our)\s+(?:[\w$.,-]+\s+){{0,3}}?{_FACILITY}\s+(?:at|in)\b)"
        # the first product out of a new site: "rolled out the first car from its new plant at X"
        r"|\b(?:rolled|rolls|roll|rolling)\s+out\s+(?:the|its)\s+first\b(?=[^.;]{0,60}?\bnew\b)",
        False,
        ("build", "built", "construct", "establish", "set", "roll"),
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
        # "its new plant in X came on stream", "went into operation", "came online"
        r"|\bnew\b[^;]{0,100}?\b(?P<v3>(?:came|comes|come|coming|went|goes|go)\s+(?:on[- ]?stream|on-?\s?line"
        r"|into\s+(?:operation|production|service)))\b"
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
        r"|\blease\s+(?:agreement\s+)?(?:for|of|to\s+acquire)\s+(?:a|an|an\s+additional)\s+(?:[\w$.,'-]+\s+){0,6}?"
        rf"{_FACILITY}\b"
        # "signed a lease for larger premises in X"
        r"|\blease\s+(?:agreement\s+)?(?:for|of|to\s+acquire)\s+(?:new|larger|additional|bigger)\s+(?:[\w-]+\s+){0,2}?"
        rf"(?:premises|{_FACILITY})\b",
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
        # floor space added to a site: "add 50,000 square feet to its X plant", "an addition to its X plant"
        r"\badd(?:s|ed|ing)?\s+(?:approximately\s+|about\s+|nearly\s+|more\s+than\s+)?[\d,.]+(?:\s+|-)"
        r"(?:square|sq\.?)[- ](?:feet|foot|ft|metres|meters|m)\b"
        # (the site named after it: "adding 150,000 square feet of space" alone is the detail of an
        # expansion already told)
        r"(?=[^.;]{0,60}?\b(?:to|at)\s+(?:its|the|their|our)\b)"
        rf"|(?<!\bin\s)\badditions?\s+to\b(?=\s+(?:its|the|their|our)\s+(?:[\w$.,'-]+\s+){{0,6}}?(?:{_FACILITY})\b)",
        False,
        ("add",),
    ),
    # equipment or capacity added to a site: "the addition of a coating line at its X facility"
    (
        "expanded",
        r"\badditions?\s+of\s+(?:[\w$.,-]+\s+){0,5}?(?:lines?|machines?|capacity|capabilities|furnaces?|kilns?"
        r"|presses|ovens?|equipment|shifts?|warehouse\s+space|square\s+feet)\b",
        True,
        ("addition",),
    ),
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
        # new equipment put in at a site grows it: "will install a new paper machine at its mill",
        # "build a new production line at its mill", "build a second line" (building a whole site
        # opens it, above)
        r"\b(?:install|installs|installed|installing|installation\s+of)\s+(?:a|an|two|three|four|\d+)\s+"
        rf"(?:[\w$.,-]+\s+){{0,3}}?{PART_NOUN}\b"
        r"|\b(?:build|builds|built|building|construct|constructs|constructed|constructing|construction\s+of)\s+"
        rf"(?:(?:a|an|two|three|\d+)\s+(?:[\w$.,-]+\s+){{0,3}}?(?:new|second|third|fourth|fifth|additional)"
        rf"|another)\s+(?:[\w$.,-]+\s+){{0,2}}?{PART_NOUN}\b",
        False,
        ("install", "build", "built", "construct"),
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
        # a site offered to buyers: "will put its newsprint mill in X up for sale" (the object
        # follows the verb)
        r"\bput(?:s|ting)?\b(?=\s+(?:its|the|our|their)\s+(?:[^.;]|\.(?=\s+[a-z0-9]|,)){0,100}?\bup\s+for\s+sale\b)"
        # or a buyer sought for it: "seek a buyer for its X mill"
        r"|\bseek(?:s|ing)?\s+(?:a\s+)?buyers?\s+for\b|\bsought\s+(?:a\s+)?buyers?\s+for\b",
        False,
        ("put", "seek", "sought"),
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
