"""The event vocabulary of growth and ownership: openings, expansions, sales and purchases (the
stops and restarts are in ``trigger_words``, which reads these after its own, in this order).

Pure Python: no Django, no network.
"""

from __future__ import annotations

from .lexicon import PART_NOUN, SITE_NOUN
from .trigger_parts import _FACILITY, _PROD, _W

# (event type, pattern, nominal?, stems): see ``trigger_words.SPECS``
GROWTH_SPECS: list[tuple[str, str, bool, tuple[str, ...]]] = [
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
        rf"(?=\s+(?:a|an)\s+(?:[\w$€£¥.,-]+\s+){{0,4}}?{_FACILITY}\b)"
        # a site set up where the sentence places it: "will set up its car plant at X", "set up a plant in X"
        rf"|\bset(?:s|ting)?[\s-]+up\b(?=\s+(?:a|an|its|their|our)\s+(?:[\w$€£¥.,-]+\s+){{0,3}}?{_FACILITY}\s+(?:at|in)\b)"
        # the first product out of a new site: "rolled out the first car from its new plant at X"
        r"|\b(?:rolled|rolls|roll|rolling)\s+out\s+(?:the|its)\s+first\b(?=[^.;]{0,60}?\bnew\b)"
        # work that began at a new site: "production of X began in June at its new Y plant"
        r"|\bproduction\s+(?:of\s+[^.;]{0,200}?\s)?(?P<v>began|started|commenced)\b"
        r"(?=\s+(?:in\s+\w+\s+|on\s+\w+\s+\d+\s+|this\s+\w+\s+)?(?:at|in)\s+(?:its|the|their|our)\s+new\b)",
        False,
        ("build", "built", "construct", "establish", "set", "roll", "production"),
    ),
    (
        "opened",
        r"\b(?:build|builds|built|building|construct|constructs|constructed|constructing|construction\s+of"
        r"|establish|establishes|established|establishing|launch|launches|launched|launching|locate|locates"
        r"|develop|develops|developing|add|adds|added|adding|set(?:s|ting)?[\s-]+up"
        # a new site shown: "unveiled its new X facility"
        r"|unveil|unveils|unveiled|unveiling)\b(?=\s+(?:of\s+)?(?:a|an|its|the|their|our)\s+"
        # the noun is the new thing's own, not where it goes: "add a new line at its plant" expands
        rf"(?:[\w$€£¥.,-]+\s+){{0,3}}?new\s+(?:(?!(?:at|in|on|of|for|to|within)\b)[\w$€£¥.,-]+\s+){{0,4}}?{_FACILITY}\b)",
        False,
        ("new",),
    ),
    (
        "opened",
        # money put into a new site opens it: "will invest $27 million in a new plant in X" (into a
        # new line at a site it expands, below)
        r"\binvest(?:s|ed|ing)?\b(?=[^.;]{0,60}?\b(?:in|into)\s+(?:a|an|the|its|their|our)\s+(?:[\w$€£¥.,-]+\s+){0,3}?new\s+"
        rf"(?:(?!(?:at|in|on|of|for|to|within)\b)[\w$€£¥.,-]+\s+){{0,3}}?{SITE_NOUN}\b)",
        False,
        ("invest",),
    ),
    (
        "opened",
        # work moved to a new site opens it: "relocate its DC to a new facility in X", "consolidate
        # the two plants into a new plant in X", "has moved into its new headquarters in X" (group v)
        r"\b(?:to|into)\s+(?:a|an|its|their|our)\s+(?:[\w$€£¥.,-]+\s+){0,2}?(?P<v>new)\b"
        rf"(?=(?:,?\s+[\w$€£¥.,-]+){{0,4}}?\s+{_FACILITY}\b)",
        False,
        ("new",),
    ),
    (
        "opened",
        # a new site that starts producing opens: "its new plant in X began commercial production" (group v)
        r"\bnew\b[^;]{0,100}?\b(?P<v2>(?:is|are|was|were|became|becomes|become)\s+(?:now\s+|fully\s+){0,2}"
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
        # a site's first commercial output opens it, new or not: "its plywood unit at X began
        # commercial production", "has commenced commercial production at its ethanol plant"
        r"\b(?:begin|begins|began|begun|beginning|start|starts|started|starting|commence[ds]?|commencing)"
        r"\s+commercial\s+(?:production|operations?)\b(?!\s+of\b)",
        False,
        ("commerc",),
    ),
    (
        "opened",
        rf"\b(?:begin|begins|began|begun|beginning|start|starts|started|starting|commence\w*)\s+{_W}{{0,2}}?"
        # ("has begun operations at its newly built X plant")
        rf"(?:{_PROD}|shipping|shipments)\s+(?:at|in|from)\s+(?:its|the|their|our|a)\s+(?:\w+\s+){{0,3}}?(?:new|newly)\b",
        False,
        ("new",),
    ),
    (
        "opened",
        # a site chosen for a new facility: "has selected X, Ont., as the site of its first plant",
        # "chose X for its new distribution center"
        r"\b(?:select(?:s|ed|ing)?|cho(?:ose|oses|se|sen|osing)|pick(?:s|ed|ing)?)\b(?=[^;]{1,90}?\b"
        r"(?:as\s+(?:the\s+)?(?:site|location|home)\s+(?:of|for)\s+(?:its|their|our|a|an|the)\s+"
        rf"(?:[\w$€£¥.,-]+\s+){{0,6}}?{_FACILITY}\b|for\s+(?:its|their|our|a|an|the)\s+(?:[\w$€£¥.,-]+\s+){{0,3}}?"
        rf"(?:new|first|next|future|planned|additional|second|third)\s+(?:[\w$€£¥.,-]+\s+){{0,5}}?{_FACILITY}\b"
        # "has chosen a 2,000-acre site in X to build its sixth assembly plant"
        r"|to\s+(?:build|construct|locate|establish|house)\s+(?:its|their|our|a|an|the)\s+"
        rf"(?:[\w$€£¥.,-]+\s+){{0,6}}?{_FACILITY}\b))",
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
        # a site built and finished: "completed construction of its bottling plant in X", "the
        # completion of its new plant in X"
        rf"\bcomplet(?:e|es|ed|ing|ion)\s+(?:of\s+)?(?:the\s+)?construction\s+of\b(?=\s+(?:its|the|a|their|our)\s+"
        rf"(?:[\w$.,'-]+\s+){{0,5}}?{_FACILITY}\b)"
        rf"|\bcomplet(?:e|es|ed|ing|ion)\s+(?:of\s+)?(?=(?:its|the|their|our)\s+new\s+(?:[\w$.,'-]+\s+){{0,4}}?{_FACILITY}\b)",
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
        r"\badditions?\s+of\s+(?:[\w$€£¥.,-]+\s+){0,5}?(?:lines?|machines?|capacity|capabilities|furnaces?|kilns?"
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
        r"|\bcapacity\s+(?:increase|addition|expansion)s?\b|\benlarg\w+"
        # a line put at a site it runs: "will locate a multi-beam spunmelt line at its X plant"
        r"|\blocat(?:e|es|ing)\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:line|machine)\b(?=[^.;]{0,80}?\s+at\s+(?:its|the|our|their)\b)"
        # investments placed at named sites: "approved three investments to be implemented at its
        # Anjala Mill, Oulu Mill and X Sawmill"
        rf"|\binvestments?\s+(?:[\w-]+\s+){{0,5}}?(?:at|in)\s+(?=(?:its|our|their)\s+(?:[\w$.,'-]+\s+){{0,6}}?{SITE_NOUN}\b)"
        # money put into a site's capacity: "a major new investment in newspaper production capacity in X"
        r"|\binvestments?\s+in\s+(?:[\w-]+\s+){0,2}?(?:production\s+|manufacturing\s+)?capacity\s+(?=(?:in|at)\s)",
        False,
        ("add", "increas", "doubl", "tripl", "boost", "capacity", "enlarg", "locat", "investment"),
    ),
    (
        "expanded",
        # new equipment put in at a site grows it: "will install a new paper machine at its mill",
        # "build a new production line at its mill", "build a second line" (building a whole site
        # opens it, above)
        r"\b(?:install|installs|installed|installing|installation\s+of)\s+(?:a|an|two|three|four|\d+)\s+"
        rf"(?:[\w$€£¥.,-]+\s+){{0,3}}?{PART_NOUN}\b"
        r"|\b(?:build|builds|built|building|construct|constructs|constructed|constructing|construction\s+of)\s+"
        rf"(?:(?:a|an|two|three|\d+)\s+(?:[\w$€£¥.,-]+\s+){{0,3}}?(?:new|second|third|fourth|fifth|additional)"
        rf"|another)\s+(?:[\w$€£¥.,-]+\s+){{0,2}}?{PART_NOUN}\b",
        False,
        ("install", "build", "built", "construct"),
    ),
    # -- ownership changes ---------------------------------------------------------------------
    (
        "sold",
        r"\bsell(?:s|ing)?\b|\bsold\b|\bsale(?:(?:\s+and\s+|\s*-\s*)lease-?back)?\s+of\b|\bdivest\w*"
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
        r"|\btak(?:e|es|en|ing)\s+over\b|\btook\s+over\b|\btakeovers?\s+of\b",
        False,
        ("acqui", "purchas", "buy", "bought", "take", "took", "taking"),
    ),
]
