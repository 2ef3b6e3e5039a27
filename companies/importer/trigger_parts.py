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
    r"(?:production|operations?|manufacturing|output|activity|activities|work|shipments|processing"
    r"|papermaking|steelmaking|smelting|mining|assembly|[\w-]+making|[\w-]+ing\s+operations|lines?)"
)

# work that leaves a site, in the passive: "production at X will be shifted to Y"
_MOVED = r"(?:transferred|moved|relocated|consolidated|shifted|transitioned)"
