"""Pieces the event vocabulary's patterns share (``trigger_words``, ``growth_words``): a filler
word, the nouns an event word takes as its object, the kinds of work a site does, and the
participles of work moved away.

Pure Python: no Django, no network.
"""

from __future__ import annotations

from .lexicon import EVENT_OBJECT_NOUN

_W = r"(?:[\w'$.,-]+\s+)"  # one filler word
_FACILITY = EVENT_OBJECT_NOUN
_PROD = (
    r"(?:production(?:\s+activit(?:y|ies))?|operations?|manufacturing|output|activity|activities|work|shipments|processing"
    r"|papermaking|steelmaking|smelting|mining|assembly|[\w-]+making|[\w-]+ing\s+operations|lines?)"
)
# the means of the work, moved with it from a site: "shifting of plant and machinery from X to Y"
_MEANS = r"(?:(?:plant\s+and\s+)?(?:equipment|machinery|machineries))"

# work that leaves a site, in the passive: "production at X will be shifted to Y"
_MOVED = r"(?:transferred|moved|relocated|consolidated|shifted|transitioned)"

# what the work makes, after it: "production of seat components", "manufacturing of its valves"
_OF_GOODS = r"(?:\s+of\s+(?:(?:its|the|their|our)\s+)?(?:[\w-]+\s+){0,3}?[\w-]+)?"
# an aside between dashes: "will be moved - to the greater part - from"
_DASH_ASIDE = r"(?:\s+[-\u2013\u2014]{1,2}\s+[^-\u2013\u2014.;]{1,40}?\s+[-\u2013\u2014]{1,2})?"
