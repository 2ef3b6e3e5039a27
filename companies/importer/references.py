"""Places an event word names by reference rather than by name: "there" and "it" for the place
told just before ("will obtain land in X and plans to expand capabilities there", "acquired the
idled mill in X and plans to restart it"), a term the release defined for a place ('a property
in X (the "Property")', then "the sale of the Property"), and the headline's sites that the body
names too; and the headline itself: its event words and the sites they govern
(``_read_headline``).

A mixin of ``EventFinder`` (``events``), like ``NewsJudgement`` and ``CarryOver``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .candidates import _pkey
from .carryover import _Memory
from .clauses import Clause
from .event_cues import sentence_case
from .gazetteer import fold
from .modality import modality
from .proposal import PlaceRef
from .spans import Mention, find_mentions
from .triggers import Trigger, find_triggers

# the event's site named by "it": "plans to restart it"
_IT_AFTER = re.compile(r"\s+(?:it|them)\b(?!\s+(?:is|was|will|has|had|would|can|could)\b)")
# the event's place named by "there": the town told just before
_THERE = re.compile(r"\b(?:there|at\s+that\s+(?:site|location|facility|plant))\b", re.I)
# a term a release defines for a place right after it: 'a property in X (the "Property")', and
# the term used after an event word: "the sale of the Property"
_DEFINED = re.compile(r'\s*\(\s*(?:the\s+)?"(?P<term>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})"\s*\)')
_DEFINED_USE = re.compile(r"\s+(?:of\s+)?the\s+(?P<term>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\b")


class References:
    """Needs ``_mentions``, ``_defined_terms``, ``_headline_pairs`` and ``_headline_named``."""

    _mentions: Callable[[str], list[Mention]]
    _defined_terms: dict[str, Mention]
    _headline_pairs: list[tuple[Trigger, Mention]]
    _headline_named: set[int]
    issuer_words: frozenset[str]
    known_places: dict[str, PlaceRef]
    country: str | None
    named: frozenset[str]
    headline_types: set[str]
    headline_keys: set[tuple]
    memory: _Memory

    def _referred_site(self, text: str, t: Trigger, clause: Clause, mentions: list[Mention]) -> list[Mention]:
        """The place an event word with no place of its own refers to, if it refers to one."""
        if _THERE.search(text, t.end, min(clause.end, t.end + 80)):
            # "will obtain land in Aurangabad and plans to expand capabilities there": the town
            # named last before the event word
            before = [m for m in mentions if m.end <= t.start and m.place.locality and not m.decoy]
            return before[-1:]
        if self._defined_terms and (term := _DEFINED_USE.match(text, t.end)):
            # 'the sale of the Property', the Property defined earlier as a site in X
            defined = self._defined_terms.get(term.group("term"))
            return [defined] if defined is not None else []
        for term, defined in self._defined_terms.items():
            # 'its unit located in X ("NPI") ... operations at NPI will cease': the term named as
            # where the clause's work is, before the event word
            if term in text and re.search(
                rf"\b(?:at|in|of)\s+(?:the\s+)?{re.escape(term)}\b", text[clause.start : t.start]
            ):
                return [defined]
        if _IT_AFTER.match(text, t.end):
            # "acquired the idled mill in Old Town, Maine and plans to restart it": the site named
            # last before the event word
            before = [m for m in mentions if m.end <= t.start and m.has_facility and not m.decoy]
            return before[-1:]
        return []

    def _read_headline(self, headline: str) -> None:
        """The headline's asserted event words, the sites they govern, and the memory it starts."""
        mentions = [
            m
            for m in find_mentions(
                sentence_case(headline),
                self.issuer_words,
                self.known_places,
                default_country=self.country,
                named=self.named,
            )
            if not m.decoy
        ]
        triggers = [
            t
            for t in find_triggers(headline)
            if modality(headline, Clause(0, len(headline)), t) == "asserted"
        ]
        self.headline_types = {t.type for t in triggers}
        for m in mentions:
            prev = [t for t in triggers if t.end <= m.start]
            nxt = [t for t in triggers if t.start >= m.end]
            t = prev[-1] if prev else (nxt[0] if nxt else None)
            if t:
                self.headline_keys.add((t.type, _pkey(m.place)))
                if m.has_facility and m.place.resolved:
                    self._headline_pairs.append((t, m))
        self.memory = _Memory([m for m in mentions], from_headline=True)

    def _read_definitions(self, text: str) -> None:
        """Terms defined for a place right after it ('an operational property in X (the
        "Property")'), for the sentences that then speak of "the Property"."""
        defined = list(_DEFINED.finditer(text))
        if not defined:
            return
        mentions = [m for m in self._mentions(text) if m.place.locality and not m.decoy]
        for d in defined:
            before = [m for m in mentions if 0 <= d.start() - m.end <= 2]
            if before:
                self._defined_terms[d.group("term")] = before[-1]

    def _find_headline_towns(self, text: str) -> None:
        """Which headline sites the body names too: as a name ("Gas Plants" in a headline is no
        town because the body speaks of "natural gas plants")."""
        low = fold(text)
        for i, (_, m) in enumerate(self._headline_pairs):
            name = fold(m.place.text or m.place.locality or "")
            at = low.find(name) if name else -1
            while at >= 0:
                if text[at : at + 1].isupper():
                    self._headline_named.add(i)
                    break
                at = low.find(name, at + 1)
