"""Places an event word names by reference rather than by name: "there" and "it" for the place
told just before ("will obtain land in X and plans to expand capabilities there", "acquired the
idled mill in X and plans to restart it"), a term the release defined for a place ('a property
in X (the "Property")', then "the sale of the Property"), and the headline's sites that the body
names too.

A mixin of ``EventFinder`` (``events``), like ``NewsJudgement`` and ``CarryOver``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .clauses import Clause
from .gazetteer import fold
from .spans import Mention
from .triggers import Trigger

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
        if _IT_AFTER.match(text, t.end):
            # "acquired the idled mill in Old Town, Maine and plans to restart it": the site named
            # last before the event word
            before = [m for m in mentions if m.end <= t.start and m.has_facility and not m.decoy]
            return before[-1:]
        return []

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
