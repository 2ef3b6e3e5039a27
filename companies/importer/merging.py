"""How an event finder's candidates become a release's events: one per kind and place, a
restart or sale told twice kept once, an idling's foreseen end or schedule folded into it, the
dateline town for an event told with no place, and the editor's warnings.

``EventFinder`` (``events``) collects candidates sentence by sentence and calls ``_add`` for
each; ``result`` is read once, after the last sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .candidates import _Candidate, _pkey, _within
from .effective import merge_effective
from .evidence import hedged_warnings, place_warnings, window
from .proposal import ProposedEvent
from .spans import Mention
from .text import Sentence

# a sentence told in the past, with no future in it
_PAST_VERB = re.compile(r"\b(?:started|began|was|were|had|announced|initially|previously)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|would|shall|expects?|plans?|intends?|is\s+to|are\s+to)\b", re.I)


def _told_as_past(text: str) -> bool:
    return _PAST_VERB.search(text) is not None and _FUTURE.search(text) is None


class Merging:
    """Candidates into events; needs the attributes ``EventFinder`` sets."""

    def _add(self, c: _Candidate) -> None:
        # one name is one place within a release: the one it qualifies ("Athlone, Ireland"),
        # whatever a bare mention before it (the headline's "in Athlone") resolved to
        name = (c.place.locality or "").casefold()
        known = self.known_places.get(name) if name and "," not in c.place.text else None
        if known is not None and _pkey(known) != _pkey(c.place):
            c.place = replace(known, text=c.place.text)
        key = (c.type, _pkey(c.place))
        if c.type == "reopened":
            # a closure told in the past is the one this restart ends ("the company closed the
            # site during the downturn"), and so is an idling when the restart is done too ("was
            # idled in August ... has restarted"); a restart still to come after an idling ("has
            # been suspended ... is expected to resume on 17 February") is that idling's foreseen end
            self.events = [
                old
                for old in self.events
                if not (
                    old.past
                    and _pkey(old.place) == key[1]
                    and (old.type == "closed" or (old.type == "idled" and c.past))
                )
            ]
        if c.type in ("sold", "acquired") and any(
            old.type in ("sold", "acquired") and old.type != c.type and _pkey(old.place) == key[1]
            for old in self.events
        ):
            # "the sale of its Kansas City facility to Acme" and, in a quote, "the acquisition of the
            # Kansas City facility by Acme": one deal, told from the other side
            return
        if c.type == "opened" and any(
            old.type == "reopened" and _pkey(old.place) == key[1] for old in self.events
        ):
            return  # "the ribbon-cutting" of a site just told as recommissioned: that restart's ceremony
        if c.type == "expanded" and any(
            old.type == "opened" and _pkey(old.place) == key[1] for old in self.events
        ):
            # "plans to build a new plant in X ... to increase capacity": the new plant is the
            # news, the added capacity its purpose
            return
        if c.type == "opened" and any(
            old.type == "expanded" and _pkey(old.place) == key[1] for old in self.events
        ):
            # "the expansion of its existing facilities in X ... includes a new plant": the
            # building is part of the expansion told first, on the site the company already has
            return
        if c.type == "reopened" and not c.past:
            for old in self.events:
                if old.type == "closed" and not old.past and _pkey(old.place) == key[1]:
                    # "an orderly shutdown of the mill ... production is expected to resume within
                    # the next week": a stop with its end foreseen is an idling
                    old.type = "idled"
        idles = [old for old in self.events if old.type == "idled" and _pkey(old.place) == key[1]]
        if c.type == "reopened" and idles:
            if not (
                all(old.past for old in idles)
                and "reopened" in self.headline_types
                and "idled" not in self.headline_types
            ):
                # "will idle the plant ... production is expected to resume in April": the planned
                # end of the idling just announced, not a second event
                return
            # "X to restart Y mill" over "the mill was idled on June 30 ... will restart it": the
            # restart is the news, the idling told in the past its background
            self.events = [old for old in self.events if not any(old is i for i in idles)]
        if (
            c.type in ("idled", "closed")
            and (c.past or _told_as_past(c.evidence.text))
            and any(old.type == "reopened" and _pkey(old.place) == key[1] for old in self.events)
        ):
            # the stop a restart ends, told after it ("started scaling back production in March in
            # preparation for suspending it"): its background
            return
        for old in self.events:
            if (old.type, _pkey(old.place)) == key:
                if c.confidence > old.confidence:
                    old.evidence, old.confidence = c.evidence, c.confidence
                old.effective = merge_effective(old.type, old.effective, c.effective)
                old.employees = old.employees or c.employees
                old.facility = old.facility or c.facility
                old.kind = old.kind or c.kind
                old.counterparty = old.counterparty or c.counterparty
                return
        self.events.append(c)

    def _dateline_fallback(self) -> None:
        """A release that tells an event without naming any site: the dateline town's when the
        release names that town again (its plant, its company's name), proposed as a place taken
        from elsewhere in the release, for the editor to confirm."""
        if self.events or not self._unplaced or not self._dateline_again:
            return
        told = self._unplaced
        if self.has_headline:
            # a results release's "curtailed production": news only when the headline says so
            # (and of several, the one it says: "After suspending operations in May, ... will restart")
            told = [u for u in told if u[1].type in self.headline_types]
        if not told:
            return
        s, t, effective = told[0]
        if t.type in ("sold", "acquired"):
            return  # a deal names a company, whose seat the dateline often is
        here = Mention(0, 0, self.dateline)
        self._add(self._candidate(s, t, here, effective, False, inherited="dateline"))

    def _headline_fallback(self) -> None:
        """A body that asserts an event of a kind without placing it, under a headline that names
        that kind at a site ("Acme to Sell Kamloops Pulp Mill"): the headline's site, for the
        editor to confirm."""
        if self.events:
            return
        s = Sentence(self._headline_text, 0, "headline", 0)
        for i, (t, m) in enumerate(self._headline_pairs):
            if t.type in self._body_types and i in self._headline_named:
                self._add(self._candidate(s, t, m, None, False, inherited="headline"))

    def result(self) -> tuple[list[ProposedEvent], list[str]]:
        self._headline_fallback()
        self._dateline_fallback()
        warnings = hedged_warnings(self.hedged)
        unresolved: list[tuple[str, str, str]] = []  # told once per sentence, after the loop
        events = []
        # "will close the Malmo plant ... After that, it plans to sell the factory building": the
        # sale of a site the release closes or moves away is how the closure ends, not news of its own
        left = {_pkey(c.place) for c in self.events if c.type in ("closed", "relocated") and c.place.locality}
        first_left = {
            key: min(
                c.order for c in self.events if c.type in ("closed", "relocated") and _pkey(c.place) == key
            )
            for key in left
        }
        for c in sorted(self.events, key=lambda c: c.order):
            if c.type == "sold" and _pkey(c.place) in left and first_left[_pkey(c.place)] < c.order:
                continue
            if c.place.locality is None and any(_within(c, other) for other in self.events):
                continue  # "close its bakery in Kingston, Ontario, ... wind down": Ontario is Kingston's
            if c.place.locality is None and any(
                o.type == c.type and o.place.locality and o.place.country == c.place.country
                for o in self.events
            ):
                continue  # "the plant closing" after "close its Van Nuys plant": no second, vaguer event
            if not c.place.resolved and c.place.locality:
                unresolved.append((c.type, c.place.locality, c.evidence.text))
            if (
                c.effective
                and c.effective.year_only
                and self.published
                and c.effective.value > self.published
            ):
                where = c.place.locality or c.place.region or c.place.country
                warnings.append(
                    f"The {c.type} event at {where} takes effect in {c.effective.value.year}, no day given: "
                    "set its effective date before accepting it"
                )
            events.append(
                ProposedEvent(
                    type=c.type,
                    place=c.place,
                    evidence=window(c.evidence.text, c.place, c.order - c.evidence.start),
                    confidence=round(c.confidence, 2),
                    facility=c.facility,
                    kind=c.kind,
                    effective=c.effective.value if c.effective and not c.effective.year_only else None,
                    employees=c.employees,
                    counterparty=c.counterparty,
                )
            )
        return events, warnings + place_warnings(unresolved)
