"""Sales and purchases read across sentences: the sites a deal "includes", the company a
purchase buys and the sites it owns, and the day a deal closed. Mixed into ``EventFinder``."""

from __future__ import annotations

import re
from dataclasses import replace

from .candidates import _Candidate
from .clauses import (
    FACILITY_WORD,
    PROPERTY_WORD,
)
from .dates import date_mentions
from .effective import EXACT_DAY, Effective
from .lexicon import FACILITY_NOUN, LEGAL_SUFFIX_STEM
from .parties import SHARE_IN, SHARE_OF
from .spans import Mention
from .text import Sentence
from .triggers import Trigger

# "buy panels from the plant" is not buying the plant: the facility must be the direct object
# (a measure may hold thousands separators: "a 200,000-square-foot plant")
# up to eight words between the deal's word and the facility word, ten when they name two towns
# with their states ("the acquisition of the Dayton, Ohio and Erie, Pennsylvania converting
# operations")
_OBJECT_GAP = re.compile(r"^(?:\s*(?:of\s+)?(?:[\w.'&$-]+(?:,\d{3}[\w.'&$-]*)*,?\s+){0,8}?)$")
_OBJECT_GAP_PLACES = re.compile(r"^(?:\s*(?:of\s+)?(?:[\w.'&$-]+(?:,\d{3}[\w.'&$-]*)*,?\s+){0,10}?)$")
_REGION_AFTER_COMMA = re.compile(r",\s+[A-Z]")


_PREPOSITIONS = re.compile(r"\b(?:from|for|to|with|under|through|by|as|on|into|at)\b", re.I)


_PASSIVE_OBJECT = re.compile(
    # (an aside may come between: "The site, situated in X, together with the buildings, was sold")
    rf"\b{FACILITY_NOUN}\b(?:[^.;]{{0,60}}?|,[^.;]{{0,110}}?,\s+)\b(?:was|were|has\s+been|have\s+been|will\s+(?:\w+\s+)?be|is\s+being|is|to\s+be)"
    r"\s+(?:\w+\s+)?$",
    re.I,
)


# a company as the object of a purchase: "acquired Halvard Tooling, Inc.", "the acquisition of Birchwood"
# (a share of it counts: "100% of the common stock of X", "a ninety percent interest in X")
_COMPANY_OBJECT = re.compile(
    rf"(?:\s+of)?\s+{SHARE_OF}"
    r"(?P<name>[A-Z][\w&'.\-]*(?:\s+(?:[A-Z][\w&'.\-]*|&|and)){0,6})"
)


# words that end the phrase describing a company bought before a place is named
# ("with a facility in X", "and its plant in X" name the company's own site, and do not end it)
_SEAT_BREAK = re.compile(
    rf"\b(?:and|with)\b(?!\s+(?:a|an|its|their|two|three)\s+(?:[\w-]+\s+){{0,2}}{FACILITY_NOUN}\b)"
    r"|\b(?:to|from|but|which|who|that)\b|[;:]"
)


# a business of the issuer's sold or bought, named by its seat: "its packaging business, based in
# X", "its X-based flooring division" (a business has no facility word; its seat is its site)
BUSINESS_OBJECT = re.compile(
    r"\s+(?:of\s+)?(?:its|the|our)\s+(?P<words>(?:[\w&'.,-]+\s+){0,5}?)"
    r"(?:business(?:es)?|division|operations|subsidiary|unit)\b"
)
_BASED_IN = re.compile(r",?\s+(?:(?:which|that)\s+is\s+)?(?:based|located|headquartered)\s+in\s+$", re.I)
_BASED_AFTER = re.compile(r"-based\s")


_DEAL_CLOSED = re.compile(
    r"\b(?:transaction|sale|acquisition|purchase|deal|divestiture)\b[^.;]{0,40}?"
    r"\b(?:closed|was\s+(?:closed|completed)|completed|became\s+effective)\b",
    re.I,
)


_DEAL_INCLUDES = re.compile(
    r"\b(?P<deal>transaction|sale|acquisition|purchase|deal|divestiture|agreement)\b[^.;]{0,40}?"
    r"\b(?P<verb>includes?|included|including|comprises?|comprising|consists?\s+of|covers?|encompass\w*)\b",
    re.I,
)


# a list of the sites an event just told concerns: "The affected facilities include ...", "The plants
# to receive the investment are ...", a bullet under "The Purchased Assets:" reading "- include six mills"
_CONTENTS = re.compile(
    rf"^(?:-\s*)?(?:(?:the|these|those|both|all)\s+(?:[\w-]+\s+){{0,3}}?(?:{FACILITY_NOUN}|assets|businesses)\b"
    r"(?:\s+(?:to\s+be\s+\w+|to\s+receive\s+[^.;:]{0,40}?|affected|involved|concerned|in\s+question))?\s+)?"
    r"(?P<verb>includes?|included|are|were|comprise|comprises|consist\s+of)\b:?"
    # what follows is a list of sites, not a description ("are licensed to export")
    rf"(?=\s*(?:the|its|their|a|an|\d|one|two|three|four|five|six|seven|eight|nine|ten|located|in|at|:|(?-i:[A-Z])"
    rf"|{FACILITY_NOUN}))",
    re.I,
)


# a deal just announced, its sites listed by a copula: "The acquired facilities are ..."
_DEAL_LISTED = re.compile(
    rf"\b(?:the|these|both)\s+(?:two\s+|three\s+)?(?P<adj>acquired|purchased|sold|divested)\s+"
    rf"(?:[\w\-]+\s+){{0,2}}?{FACILITY_NOUN}\s+(?:are|is|were|was|include|includes|comprise|consist\s+of)\b",
    re.I,
)


_DEAL_ADJ_TYPE = {"acquired": "acquired", "purchased": "acquired", "sold": "sold", "divested": "sold"}


_SELLER_FIRST = re.compile(r"\s+from\s+(?:[A-Z][\w&'.\-]*,?\s+){1,6}(?=(?:its|their|the|a|an)\s)")


_ASIDE_FIRST = re.compile(r",\s+[a-z][^,;.]{0,40},\s*")


# a company's seat as an adjective before its name, right after the deal's verb
_ARTICLE_ONLY = re.compile(r"\s+(?:of\s+)?(?:the\s+)?")
_BASED_BEFORE_NAME = re.compile(
    r"-?\s*based\s+(?P<name>(?-i:[A-Z])[\w&'.\-]*(?:\s+(?-i:[A-Z])[\w&'.\-]*){0,4})", re.I
)
_LEGAL_AFTER = re.compile(rf",?\s+(?:{LEGAL_SUFFIX_STEM})\b")


def _direct_object(text: str, t: Trigger) -> bool:
    """Whether the sold/bought thing is a facility ("sale of its Erie mill", "the mill was sold")."""
    after = text[t.end : t.end + 120]
    aside = _ASIDE_FIRST.match(after)
    if aside:  # "acquired, among other assets, its plant in X": an aside before the object
        after = " " + after[aside.end() :]
    seller = _SELLER_FIRST.match(after)
    if seller:  # "acquired from Birch Foods its plant in X": the seller named before the object
        after = " " + after[seller.end() :]
    share = SHARE_IN.match(after)
    if share:  # "the sale of its 50% interest in the X mill": a share of the site is the site's deal
        after = " " + after[share.end() :]
    m = FACILITY_WORD.search(after) or PROPERTY_WORD.search(after)
    between = after[: m.start()] if m else ""
    gap = _OBJECT_GAP_PLACES if len(_REGION_AFTER_COMMA.findall(between)) >= 2 else _OBJECT_GAP
    if m and not _PREPOSITIONS.search(between) and gap.match(between):
        # "Birch Metal Works, Inc.": a company whose name ends in a facility word, not a site
        return not after[m.end() :].startswith("'s") and not _LEGAL_AFTER.match(after, m.end())
    return bool(_PASSIVE_OBJECT.search(text[max(0, t.start - 160) : t.start]))


class DealReading:
    """Deals across sentences; needs the attributes ``EventFinder`` sets."""

    def _listed(self, s: Sentence, type_: str, listed: re.Match[str]) -> list[_Candidate]:
        """ "The acquired plants are a beef plant in X and a pork plant in Y": the deal's sites."""
        trig = Trigger(type_, listed.start("adj"), listed.end("adj"), listed.group("adj"), True)
        mentions = [
            m
            for m in self._mentions(s.text)
            if m.start > listed.end() and not m.decoy and m.place.locality and m.has_facility
        ]
        out = [self._candidate(s, trig, m, None, False, inherited=None) for m in mentions]
        self._attach_employees(s, out, mentions)
        for c in out:
            self._add(c)
        return out

    def _target_sites(self, s: Sentence, owns: re.Match[str]) -> list[_Candidate]:
        trig = Trigger("acquired", owns.start("verb"), owns.end("verb"), owns.group("verb"), True)
        mentions = [
            m
            for m in self._mentions(s.text)
            if m.start > owns.end() and m.decoy in (None, "other-company") and m.place.locality
        ]
        out = [self._candidate(s, trig, m, None, False, inherited=None) for m in mentions]
        for c in out:
            self._add(c)
        return out

    def _deal_contents(self, s: Sentence, deal: re.Match[str]) -> list[_Candidate]:
        """ "The transaction includes the X mill and the Y plant": the sites of the deal just announced."""
        noun = deal.group("deal").lower()
        type_ = (
            "sold"
            if noun in ("sale", "divestiture")
            else "acquired"
            if noun
            in (
                "acquisition",
                "purchase",
            )
            else self._deal_type
        )
        if type_ is None:
            return []
        trig = Trigger(type_, deal.start("verb"), deal.end("verb"), deal.group("verb"), True)
        found = self._mentions(s.text)
        # "included its facilities in A, Michigan; B, Indiana; and C, Ontario": the noun covers the list
        listed = [m for m in found if m.start > deal.end()]
        covered = bool(listed) and FACILITY_WORD.search(s.text, deal.end(), listed[0].start) is not None
        mentions = [m for m in listed if not m.decoy and m.place.locality and (m.has_facility or covered)]
        out = [self._candidate(s, trig, m, None, False, inherited=None) for m in mentions]
        for c in out:
            self._add(c)
        return out

    def _context_type(self) -> str | None:
        """The event a list of sites belongs to: the one just told, or the deal under way, or the
        headline's only kind of event."""
        if self._last_group and self._since_group <= 2:
            return self._last_group[-1].type
        if self._told is not None and self._fed - self._told[1] <= 2:
            return self._told[0]
        if self._deal_type:
            return self._deal_type
        return next(iter(self.headline_types)) if len(self.headline_types) == 1 else None

    def _contents(self, s: Sentence, contents: re.Match[str], type_: str) -> list[_Candidate]:
        """ "The affected facilities include plants in X and Y", "The plants to receive the
        investment are the X plant and the Y plant": the sites of the event just announced."""
        trig = Trigger(type_, contents.start("verb"), contents.end("verb"), contents.group("verb"), True)
        mentions = [
            m
            for m in self._mentions(s.text)
            if m.start > contents.end("verb") and not m.decoy and m.place.locality
        ]
        out = [self._candidate(s, trig, m, None, False, inherited=None) for m in mentions]
        for c in out:
            c.confidence = min(c.confidence, 0.85)
            self._add(c)
        return out

    def _target_seat(self, text: str, t: Trigger, mentions: list[Mention]) -> Mention | None:
        """The place of a company bought: the first town named after its name (its seat or site)."""
        for m in mentions:
            # "acquired Erie, Pennsylvania-based Birch Plastics": the seat named before the name
            based = _BASED_BEFORE_NAME.match(text, m.end)
            if (
                m.place.locality
                and _ARTICLE_ONLY.fullmatch(text, t.end, m.start)
                and based
                and not set(based.group("name").split()) & self.issuer_words
            ):
                return replace(m, decoy=None)
        target = _COMPANY_OBJECT.match(text, t.end)
        if target is None or set(target.group("name").split()) & self.issuer_words:
            return None
        for m in mentions:
            if m.start < target.end():
                continue  # the buyer's own seat, named before the deal: "Acme, based in X, acquired ..."
            between = text[target.end() : m.start]
            near = 0 <= len(between) <= 100 and not _SEAT_BREAK.search(between)
            if near and m.place.locality and m.decoy in (None, "headquarters", "company-seat"):
                return replace(m, decoy=None)
        return None

    @staticmethod
    def _business_seat(text: str, t: Trigger, mentions: list[Mention]) -> Mention | None:
        """The seat of a business sold or bought: "sold its packaging business, based in X" or
        "its X-based packaging business"."""
        business = BUSINESS_OBJECT.match(text, t.end)
        if business is None:
            return None
        for m in mentions:
            if not m.place.locality or m.decoy not in (None, "headquarters", "company-seat"):
                continue
            if business.start("words") <= m.start and _BASED_AFTER.match(text, m.end):
                return replace(m, decoy=None)
            if m.start >= business.end() and _BASED_IN.fullmatch(text, business.end(), m.start):
                return replace(m, decoy=None)
        return None

    def _deal_date(self, text: str) -> None:
        """ "The transaction closed on September 27": the date of the sale or purchase just announced."""
        deals = [c for c in self.events if c.type in ("sold", "acquired") and c.effective is None]
        found = [d for d in date_mentions(text, self.published, past=True) if EXACT_DAY.search(d.text)]
        if deals and found:
            for c in deals:
                c.effective = Effective(found[0].value, True)
