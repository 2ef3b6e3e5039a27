"""The parts of a sentence the event finder reads: clauses, relative clauses, quotes, and the
words that anchor an event word to a site. Pure regex work; names are shared with ``events``
and ``modality`` (package-private: the leading underscore says they are not an API).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import FACILITY_NEEDLES, FACILITY_NOUN, PART_NEEDLES, PART_NOUN, PROPERTY_NOUN, SITE_NOUN
from .regions import country_code, region_code
from .text import Gated

_TOWN_REGION = r"[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,2},\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?"
_CLAUSE_BREAK = re.compile(
    # (not a semicolon between places "Town, Region; Town, Region; and Town, Region": a list,
    # which may be the subject: "...; and Town, Region will close", or name the sites before
    # their noun: "its A, Region; B, Region; and C, Region plants")
    rf";(?!\s+(?:and\s+)?{_TOWN_REGION}(?:;|,|\s+and\b|\.?$|\s+(?:[a-z\-]+\s+)?{SITE_NOUN})|\s+and\s+{_TOWN_REGION}\s+(?:will|would|are|were|have)\b)|\s--\s|(?<![A-Z]):\s+(?=[A-Z][a-z])|,?\s+(?:while|whereas|but|although|though|however|meanwhile)\s+"
    r"|,\s+and\s+(?=(?:the|its|our|it|we|they|[A-Z]|all|both|production|operations)\b)"
    # a time told by another deed: "the first plant it opened since 1976, when it began production at X"
    r"|,\s+(?=when\s+(?:the|its|our|it|we|they|[A-Z])\w*\s+\w+)"
    r"|\s+and\s+(?=(?:the|its|our|their)\s)",
)

# (not "which operates plants in A and B": that describes what is bought or sold)
_RELATIVE = re.compile(
    r",\s+(?:which|who|where|whose)\b(?!\s+(?:also\s+)?(?:operates|owns|has|runs|includes|comprises)\b)[^,;]*(?:,|$)"
    # (a list of names in brackets is no aside: "two plants (Welshpool and Lytton)" names them)
    r"|\((?!\s*[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z])[^)]*\)"
)

VERBISH = re.compile(
    r"\b(?:will|would|shall|is|are|was|were|has|have|had|be|been|continues?|remains?|operates?|employs?"
    r"|serves?|produces?|makes?|supplies|plans?|expects?)\b",
    re.I,
)

FACILITY_WORD = re.compile(rf"\b{FACILITY_NOUN}\b", re.I)

# real estate a deal may be about ("a property at", "land and buildings"): a deal's object only
PROPERTY_WORD = re.compile(rf"\b{PROPERTY_NOUN}\b", re.I)

# sites, not their parts ("lines" is a facility word for "its finishing line" but a part here)
SITE_WORD = re.compile(rf"\b{SITE_NOUN}\b", re.I)

# a participle before the noun it describes: "the idled mill", "its closed blast furnace"
ADJECTIVE_USE = re.compile(rf"\s+(?:[\w\-.,]+\s+){{0,3}}(?:{FACILITY_NOUN}|{PART_NOUN})\b", re.I)

ANCHOR = re.compile(
    rf"\b(?:{FACILITY_NOUN}|{PART_NOUN}|production|manufacturing|capacity|output|papermaking|steelmaking"
    # equipment put in at a site: "invest $9 million at X to install four new presses"
    r"|install(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,4}?(?:equipment|machines?|machinery|presses|looms|lines?|ovens?"
    r"|kilns?|furnaces?|robots?|range|cells?|reactors?|dryers?|boilers?))\b",
    re.I,
)

# ANCHOR.search behind a substring gate: every match holds one of these words
ANCHOR_GATED = Gated(
    ANCHOR,
    (
        *FACILITY_NEEDLES,
        *PART_NEEDLES,
        "production",
        "manufacturing",
        "capacity",
        "output",
        "papermaking",
        "steelmaking",
        "install",
    ),
)


@dataclass(slots=True)
class Clause:
    start: int
    end: int


# a leading phrase of time, closed by its comma: "After the closure of the X plant, Acme will ..."
_LEADING_PHRASE = re.compile(
    r"^\W*(?:After|Following|Upon|With|Once|Before|When|Since|As|Because)\b[^;]{3,150}?(?P<comma>,)\s+"
    r"(?=(?:(?-i:[A-Z])[\w&'.\-]*\s+){1,4}(?:will|would|has|have|had|is|are|was|were|plans|expects|intends|operates"
    r"|runs|said|announced)\b|(?:it|we|they|the\s+company)\s)"
)


# the words between a leading phrase's comma and the verb
_AFTER_LEAD_COMMA = re.compile(
    r"\s*(?P<words>[^\s,]+(?:\s+[^\s,]+){0,3}?)\s+(?:will|would|has|have|had|is|are|was|were)\b"
)


def _region_after(text: str, comma_end: int) -> bool:
    """Whether the "subject" after a comma is a town's state or country: "the production in Erie,
    Pa. will be moved" has no leading phrase ending at that comma."""
    m = _AFTER_LEAD_COMMA.match(text, comma_end)
    return m is not None and bool(region_code(m.group("words")) or country_code(m.group("words")))


def split_clauses(text: str) -> list[Clause]:
    out, pos = [], 0
    lead = _LEADING_PHRASE.match(text)
    if lead and _region_after(text, lead.end("comma")):
        lead = None
    breaks = [(lead.start("comma"), lead.end("comma"))] if lead else []
    breaks += [
        (m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text) if not lead or m.start() > lead.end()
    ]
    for start, end in sorted(breaks):
        out.append(Clause(pos, start))
        pos = end
    out.append(Clause(pos, len(text)))
    return out


def in_quote(text: str, pos: int) -> bool:
    return text.count('"', 0, pos) % 2 == 1


def relative_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _RELATIVE.finditer(text)]


def inside(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return None
