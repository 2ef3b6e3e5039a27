"""What carries from one sentence to the next: "the plant" of an earlier sentence or the
headline, a head count told after its event, a place told after an event announced without
one, and the bullet items under an event sentence ending on a colon. Mixed into
``EventFinder``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .candidates import _Candidate, _pkey
from .clauses import (
    Clause,
)
from .effective import merge_effective
from .employees import employees_in
from .event_cues import SEAT_BEFORE
from .lexicon import (
    COUNTED_SITE_NOUN,
    FACILITY_NOUN,
    SITE_NOUN,
)
from .mention_context import kind_of
from .place_names import _area
from .spans import Mention, find_mentions
from .text import Sentence
from .triggers import Trigger

_ANAPHOR = re.compile(
    rf"\b(?P<det>the|this|that|its|our|both|these|those|the\s+two|the\s+three|all\s+(?:two|three|four))\s+"
    rf"(?:[a-z][\w\-]*\s+){{0,2}}?(?P<noun>{FACILITY_NOUN})\b",
    re.I,
)


# the area a facility noun is placed in right after it: "its smelters in Brazil"
_AREA_AFTER_NOUN = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?(?P<area>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


def _elsewhere(phrase: str, places: list[Mention], after: str = "") -> bool:
    """ "its UK manufacturing operations" or "its smelters in Brazil" after a plant in Dublin: the
    words before the noun, or the area right after it, name a country or region none of the
    facilities last mentioned is in, so the phrase is no reference back to them."""
    areas = [a for w in phrase.split()[1:-1] if w[:1].isupper() and (a := _area(w)) is not None]
    placed = _AREA_AFTER_NOUN.match(after)
    if placed and (a := _area(placed.group("area"))) is not None:
        areas.append(a)
    return bool(areas) and not any(
        m.place.country == a.country and (a.region is None or m.place.region in (None, a.region))
        for a in areas
        for m in places
    )


# how many sites a counted anaphor names: "both plants", "all three factories"
_COUNTED = {"both": 2, "two": 2, "three": 3, "four": 4}
# a count of sites right after an event word: "will close two paper mills", "idle three of its plants"
_COUNT_AFTER = re.compile(
    rf"\s+(?P<n>two|three|four|both)\s+(?:of\s+(?:its|their|our|the)\s+)?(?:[\w-]+\s+){{0,2}}?{COUNTED_SITE_NOUN}\b",
    re.I,
)


# sentences after a counted event within which a sentence naming that many sites places it: the
# exact count is evidence enough to look further than for one site
COUNTED_WINDOW = 6


def counted_sites(text: str, at: int) -> int:
    """How many sites the words at ``at`` count ("two paper mills"), else 0."""
    m = _COUNT_AFTER.match(text, at)
    return _COUNTED[m.group("n").lower()] if m else 0


# a bullet item of a list: "- Erie, Pennsylvania", "• Muncie, Ind.", "2) Joliet, Illinois"
_LIST_ITEM = re.compile(r"^\s*(?:[-\u2022*\u00b7\u25aa\u2013]|\d{1,2}[.)])\s+\S")


# the dateline's town, named by deixis: "its plant here", "the local mill"
_HERE = re.compile(
    rf"\b(?P<noun>{FACILITY_NOUN})\s+(?:here|in\s+(?:this|the)\s+(?:city|town|community))\b"
    rf"|\b(?:its|the|our)\s+local\s+(?:[a-z][\w\-]*\s+)?(?P<noun2>{FACILITY_NOUN})\b",
    re.I,
)


_OPENING_ANAPHOR = re.compile(
    rf"^(?:The|This|That|Its|It)\b(?:\s+[\w,.\-]+){{0,3}}?\s+{FACILITY_NOUN}\b|^It\s", re.I
)


_SITE_ANAPHOR = re.compile(
    rf"^(?:The|This|That|Its)\s+(?:[\w\-]+\s+){{0,2}}?{FACILITY_NOUN}\b,?\s+"
    r"(?:(?:is|was|are|were)\s+)?(?:(?:located|based|situated)\s+)?(?:in|at|near)\b"
)


# an event on sites named in a table after it: "a temporary shutdown of its plants in Japan"
_PLURAL_SITES = re.compile(
    r"\s+(?:of\s+|at\s+)?(?:its|the|our|their|all|several)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:plants|mills|factories|facilities|sites|works)\b",
    re.I,
)
# a table row's site: its name right before its facility noun ("Kurume Plant Fukuoka Tires ...")
_ROW_SITE_AFTER = re.compile(
    r"\s+(?:[A-Z]{1,4}\s+)?(?:[A-Z][a-z]+\s+)?(?:Plant|Mill|Factory|Works|Refinery|Smelter)s?\b"
)
# rows are read until prose resumes, or this many sentences
TABLE_ROWS_MAX = 20


@dataclass(slots=True)
class _Memory:
    """Facilities mentioned most recently, for "the plant" in a later sentence."""

    places: list[Mention] = field(default_factory=list)
    from_headline: bool = True


# a singular reference back to a site: "the plant", "the facility", "the mill"
_THE_SITE = re.compile(rf"\b(?:the|this|that)\s+(?i:{SITE_NOUN})\b(?!\s+(?:in|at|of)\b)", re.I)


class CarryOver:
    """Context across sentences; needs the attributes ``EventFinder`` sets."""

    def _names_dateline_town(self, text: str) -> bool:
        """Whether ``text`` names the dateline's town other than as the issuer's seat."""
        name = self._dateline_name
        if not name:
            return False
        low = text.casefold()
        at = low.find(name)
        while at >= 0:
            if not SEAT_BEFORE.search(low, max(0, at - 40), at):
                return True
            at = low.find(name, at + 1)
        return False

    def _mentions(self, text: str) -> list[Mention]:
        return find_mentions(
            text, self.issuer_words, self.known_places, default_country=self.country, named=self.named
        )

    def _remember(self, mentions: list[Mention]) -> bool:
        good = [m for m in mentions if not m.decoy and m.has_facility]
        if any(m.place.locality for m in good):
            # "a facility in Hanshan County in ... Anhui Province": the town is the site, the
            # region only says where the town is
            good = [m for m in good if m.place.locality]
        if good:
            self.memory = _Memory(good, from_headline=False)
        return bool(good)

    def _memory_places(self, want: int = 0) -> list[Mention]:
        """The facilities mentioned last, reading pending sentences newest first; ``want`` sites
        when a count refers to them ("all three factories" after two sentences that name them)."""
        found = False
        while self._pending:
            mentions = self._mentions(self._pending.pop())
            if not found:
                found = self._remember(mentions)
            else:
                older = [m for m in mentions if not m.decoy and m.has_facility and m.place.locality]
                self.memory.places = older + self.memory.places
            if found and len({_pkey(m.place) for m in self.memory.places}) >= want:
                self._pending.clear()
        return self.memory.places

    def _jobs_detail(self, text: str, t: Trigger, usable: list[Mention]) -> bool:
        """ "has created 220 jobs" after an opening is that opening's head count, not an expansion."""
        named = {_pkey(m.place) for m in usable}
        targets = [
            c
            for c in self.events
            if c.type in ("opened", "expanded", "reopened") and (not named or _pkey(c.place) in named)
        ]
        if not targets and usable:
            return False
        counts = employees_in(text[t.start :])
        if targets and counts:
            targets[-1].employees = targets[-1].employees or counts[0][0]
        return True

    def _inherit(self, s: Sentence, t: Trigger, clause: Clause, effective, quoted: bool) -> list[_Candidate]:
        """An event word without a place: enrich the event it refers back to, or take the place
        of the facility last mentioned ("The mill will be idled ...")."""
        text = s.text
        same = [c for c in self.events if c.type == t.type]
        ana = _ANAPHOR.search(text, clause.start, clause.end)
        if same and (ana is None or t.nominal or self._refers_to(same, ana)):
            targets = (
                same if (ana and ana.group("det").lower() in ("both", "these", "those", "all")) else same[-1:]
            )
            counts = employees_in(text[clause.start : clause.end]) or employees_in(text)
            for c in targets:
                c.effective = merge_effective(c.type, c.effective, effective)
                if counts and len(targets) == 1:
                    c.employees = c.employees or counts[0][0]
            self._last_group = targets
            self._since_group = 0
            return []
        here = _HERE.search(text, clause.start, clause.end)
        if here and self.dateline is not None and self.dateline.locality and not quoted:
            # "the plant here" under a "DAYTON, Ohio --" dateline
            noun = here.group("noun") or here.group("noun2")
            m = Mention(here.start(), here.end(), replace(self.dateline), kind=kind_of(noun))
            c = self._candidate(s, t, m, effective, quoted, inherited=None)
            c.confidence = min(c.confidence, 0.85)
            return [c]
        if (
            ana is None
            or quoted
            or not self._memory_places(_COUNTED.get(ana.group("det").lower().split()[-1], 0))
            or _elsewhere(ana.group(0), self.memory.places, text[ana.end() : clause.end])
        ):
            return []
        plural = ana.group("det").lower() in ("both", "these", "those") or ana.group(
            "det"
        ).lower().startswith(("the two", "the three", "all"))
        plural = (
            plural
            or ana.group("noun").lower().endswith(("s", "ies"))
            and ana.group("noun").lower() not in ("works", "operations")
        )
        places = self.memory.places
        if not plural and len({_pkey(m.place) for m in places}) > 1:
            return []
        opened = [
            c
            for c in self.events
            if c.type == "opened" and _pkey(c.place) in {_pkey(m.place) for m in places}
        ]
        if t.type == "expanded" and opened:
            # "expects to invest $260 million in the facility and employ 250": the cost and
            # the staff of the plant just announced, not an expansion of it
            counts = employees_in(text[t.start :])
            if counts and len(opened) == 1:
                opened[0].employees = opened[0].employees or counts[0][0]
            return []
        inherited = "headline" if self.memory.from_headline else "sentence"
        out = []
        for m in places:
            c = self._candidate(s, t, m, effective, quoted, inherited)
            c.kind = c.kind or kind_of(ana.group("noun"))
            out.append(c)
        return out

    def _refers_to(self, same: list[_Candidate], ana: re.Match[str]) -> bool:
        keys = {_pkey(m.place) for m in self._memory_places()}
        return any(_pkey(c.place) in keys for c in same) or not keys

    def _attach_employees(self, s: Sentence, out: list[_Candidate], mentions: list[Mention]) -> None:
        counts = employees_in(s.text)
        if not counts or not out:
            return
        if len({_pkey(c.place) for c in out}) == 1:
            for c in out:
                c.employees = c.employees or counts[0][0]
            return
        # several places: a count belongs to the place it follows, before the next place
        # (a figure after the last place is usually their total: "..., affecting 400 workers")
        starts = sorted(m.start for m in mentions)
        for c in out:
            mine = [m for m in mentions if m.place is c.place]
            if not mine:
                continue
            pos = mine[0].start
            nxt = next((x for x in starts if x > pos), None)
            if nxt is None:
                continue
            for n, at in counts:
                if pos < at < nxt:
                    c.employees = c.employees or n
                    break

    def _list_item(self, s: Sentence) -> None:
        """ "- Erie, Pennsylvania": a site of the event whose sentence ended on a colon."""
        type_, effective = self._listing
        mentions = [m for m in self._mentions(s.text) if m.place.locality and not m.decoy]
        if not mentions:
            return
        trig = Trigger(type_, 0, 0, "", True)
        for c in [self._candidate(s, trig, mentions[0], effective, False, inherited="listed")]:
            self._add(c)

    def _table_rows(self, s: Sentence) -> bool:
        """The sites a table names, row by row, after an event told of plural sites without their
        towns ("a temporary phased shutdown of its plants in Japan", then "Kurume Plant Fukuoka
        Tires for Passenger Cars May 28 to June 1"). Whether ``s`` was read as rows."""
        type_, told_at, effective, country = self._rows
        text = s.text.rstrip()
        if self._fed - told_at > TABLE_ROWS_MAX or (text.endswith(".") and self._fed - told_at > 1):
            self._rows = None  # prose again: the table is over
            return False
        sites = [
            m
            for m in self._mentions(s.text)
            if m.place.locality
            and m.place.resolved  # (a row is weak context: only towns the gazetteer holds)
            and not m.decoy
            and _ROW_SITE_AFTER.match(s.text, m.end)
            and (country is None or m.place.country == country)
        ]
        trig = Trigger(type_, 0, 0, "", True)
        for m in sites:
            self._add(self._candidate(s, trig, m, effective, False, inherited="listed"))
        return bool(sites)

    def _place_placeless(self, s: Sentence) -> list[_Candidate]:
        """ "The new warehouse will be located in Stoke-on-Trent": where the site just announced
        without a place is, told in one of the next two sentences about that site."""
        type_, told_at, effective, count = self._placeless
        if self._fed - told_at > (COUNTED_WINDOW if count > 1 else 2):
            return []
        known = {(c.place.locality or "").casefold() for c in self.events if c.type == type_}
        mentions = [
            m
            for m in self._mentions(s.text)
            if m.place.locality and not m.decoy and m.place.locality.casefold() not in known
        ]
        # "will permanently close two paper mills. ... negotiations with 440 employees at the A mill
        # in Finland and 670 at the B mill in Sweden": as many sites as were counted, each named
        # by its facility noun, are those sites
        sites = [m for m in mentions if m.kind is not None]
        if count > 1 and len(sites) == count and len({_pkey(m.place) for m in sites}) == count:
            self._placeless = None
            trig = Trigger(type_, 0, 0, "", True)
            out = [self._candidate(s, trig, m, effective, False, inherited="placed") for m in sites]
            for c in out:
                self._add(c)
            return out
        # a new site may be named in passing ("The new Gladstone refinery will ..."); a site that
        # closes, stops or restarts is the one just told, placed after its noun ("The plant,
        # located in X, ...", "The mill in X")
        anaphor = _OPENING_ANAPHOR if type_ in ("opened", "expanded", "acquired") else _SITE_ANAPHOR
        if not anaphor.match(s.text) or not mentions:
            return []
        self._placeless = None
        trig = Trigger(type_, 0, 0, "", True)
        out = [self._candidate(s, trig, mentions[0], effective, False, inherited="placed")]
        for c in out:
            self._add(c)
        return out

    def _town_of_area(self, s: Sentence) -> None:
        """ "commenced operations at its new unit in Odisha. ... The facility at Haridaspur in
        Jajpur district will ...": the town of a site just placed only in its state or country."""
        group = self._last_group
        if (
            self._since_group > 1
            or len({_pkey(c.place) for c in group}) != 1
            or group[0].place.locality
            or not _SITE_ANAPHOR.match(s.text)
        ):
            return
        area = group[0].place
        for m in self._mentions(s.text):
            place = m.place
            if (
                place.locality
                and not m.decoy
                and place.country == area.country
                and (area.region is None or place.region in (None, area.region))
            ):
                for c in group:
                    c.place = place
                return

    def _site_named_before(
        self, text: str, clause: Clause, t: Trigger, mentions: list[Mention]
    ) -> list[Mention]:
        """ "A business in Dyersburg, Tennessee, will be sold and the plant will be closed": the one
        site named earlier in the sentence, for a later clause that refers to it as "the plant"."""
        ana = _THE_SITE.search(text, clause.start, clause.end)
        if ana is None:
            return []
        before = [m for m in mentions if m.end <= clause.start and m.place.locality and not m.decoy]
        return before if len({_pkey(m.place) for m in before}) == 1 else []

    def _follow_up(self, s: Sentence) -> None:
        """Details in the sentences after an event: "The idling will affect 310 employees."""
        self._town_of_area(s)
        if self._since_group > 3 or len({_pkey(c.place) for c in self._last_group}) != 1:
            return
        counts = employees_in(s.text)
        if not counts:
            return
        # another site named in the sentence may own the figure, unless the sentence opens on
        # "The plant ..." (the site just announced)
        mine = {_pkey(c.place) for c in self._last_group}
        others = [m for m in self._mentions(s.text) if not m.decoy and _pkey(m.place) not in mine]
        if others and not _OPENING_ANAPHOR.match(s.text):
            return
        if counts:
            for c in self._last_group:
                c.employees = c.employees or counts[0][0]
