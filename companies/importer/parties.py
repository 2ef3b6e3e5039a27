"""The other party of a sale or purchase, and the company a purchase buys.

"sold ... to Birch Paper Co." names the buyer; "acquired ... from" the seller; "to acquire
Birch Paper Co., which operates two mills" names a company whose sites come with it.
"""

from __future__ import annotations

import re

from .lexicon import DOTTED_SUFFIXES, FACILITY_NOUN, LEGAL_SUFFIX_STEM
from .triggers import Trigger

_COUNTERPARTY = re.compile(
    r"\b(?P<prep>to|from|by)\s+(?P<name>(?:the\s+)?[A-Z][\w&'.\-]*(?:\s+(?:[A-Z][\w&'.\-]*|&|of|and)){0,6}"
    rf"(?:,?\s+(?:{LEGAL_SUFFIX_STEM})\.?)?)"
)


# What stands between a deal's verb and the company it is about: a share of it or its assets
# ("100% of the common stock of X", "a ninety percent interest in X", "the trade and assets of X").
# One home: the event finder's deal reading (``deals``) uses it too.
SHARE_OF = (
    r"(?:(?:all|\d+(?:\.\d+)?\s*(?:%|percent)|substantially\s+all)\s+of\s+)?"
    r"(?:(?:a|an)\s+(?:[\w.%-]+\s+){0,3}?(?:interest|stake|share)\s+in\s+)?"
    # ("the entire issued share capital of X", as UK releases say it)
    r"(?:the\s+(?:entire\s+|whole\s+)?(?:outstanding\s+)?(?:(?:common|capital|issued)\s+)?"
    r"(?:shares|assets|stock|equity|share\s+capital)\s+(?:of|in)\s+)?"
    r"(?:the\s+(?:trade|business)\s+and\s+assets\s+of\s+)?"
    r"(?:certain\s+(?:of\s+the\s+)?(?:operating\s+)?assets\s+of\s+)?"
    # ("100% of the membership interests in X LLC", as US limited liability companies are bought)
    r"(?:(?:the\s+)?(?:issued\s+and\s+)?(?:outstanding\s+)?(?:membership|ownership|equity|partnership)\s+"
    r"interests?\s+(?:in|of)\s+)?"
)
# a share of a site before it: "its 50% interest in", "a 25 percent stake in", "its share in"
SHARE_IN = re.compile(
    # (a lease's interest, with its term as an aside: "the long leasehold interest, to expire in 2156, of")
    r"^\s+(?:of\s+)?(?:its|our|their|the|a|an)\s+(?:[\w.%-]+\s+){0,3}?(?:interest|stake|share|ownership)"
    r"(?:,[^,;]{1,50},)?\s+(?:in|of)\b",
    re.I,
)

# the company bought: "to acquire Birch Paper Co., a maker of ..."
TARGET = re.compile(
    rf"\s+(?:of\s+)?{SHARE_OF}"
    rf"(?P<name>[A-Z][\w&'\-]*(?:\s+[A-Z][\w&'\-]*){{0,4}}),?\s+(?:{LEGAL_SUFFIX_STEM})\b"
)
# the short name a release gives the company bought, after its legal name: '("Birch")'
TARGET_ALIAS = re.compile(r"\.?,?\s*\(\s*(?:the\s+)?[\"“](?P<alias>[A-Z][\w&'\-]*)[\"”]\s*\)")
# what the company bought owns: "Birch Paper operates two mills", "Birch is a maker of boards
# with a manufacturing facility located at X"
TARGET_OWNS = re.compile(
    r"(?P<name>[A-Z][\w&'\-]*(?:\s+[A-Z][\w&'\-.]*){0,4}),?\s+(?:(?:business|company|group)\s+)?"
    r"(?:(?:currently|also)\s+)?"
    r"(?P<verb>operates|owns|runs|has|maintains|is\s+(?:[\w,'-]+\s+){1,14}?with)\s+(?:[\w-]+\s+){0,4}?"
    rf"{FACILITY_NOUN}\b"
)


def counterparty(text: str, trig: Trigger, type_: str) -> str | None:
    want = "to" if type_ == "sold" else "from"
    for m in _COUNTERPARTY.finditer(text, trig.end):
        if m.group("prep") == want or (type_ == "sold" and m.group("prep") == "by"):
            name = m.group("name").strip(" ,")
            if name.split()[0] in ("The", "the") and len(name.split()) == 1:
                continue
            if name.endswith(".") and name.split()[-1] not in DOTTED_SUFFIXES:
                name = name[:-1]
            return name
    return None
