"""Whether an event word and a place are the issuer's news now, or something else the release
tells: another company's deed ("Ford Motor Co. said it would close ..."), a place the sentence
spares ("does not affect the mill in X"), or the past ("closed in 2008", a recap of an earlier
announcement in a results release).

A mixin of ``EventFinder`` (``events``), like ``DealReading`` and ``CarryOver``.
"""

from __future__ import annotations

import re
from datetime import date

from .clauses import Clause
from .effective import Effective
from .event_cues import (
    COMPANY_SUBJECT,
    CONTINUES_BETWEEN,
    ISSUER_OBJECT,
    ISSUER_POSSESSIVE,
    MENTION_NEGATED,
    MENTION_SPARED,
    NAMED_SUBJECT,
    PLAIN_STOP,
    SELF_REFERENCES,
)
from .modality import PAST_FORMS
from .spans import Mention
from .triggers import Trigger

# "On October 6, 2015, the Company announced ...": an earlier announcement told again, when its
# day is this long before the release (results releases recap the quarter's news this way)
RECAP_DAYS = 30
# a deal done this many days or more before the release, told in the past, is the setting
PAST_DEAL_DAYS = 14
# an event noun, or a past verb with a year after it, dated this many days or more before the
# release tells a past event
PAST_PERIOD_DAYS = 60
_YEAR_AFTER = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR_OPENING = re.compile(r"\s*(?:In|By|During|Since|From)\s+(?:\w+\s+){0,3}?(?:19|20)\d\d\s*,")
_RECAP = re.compile(
    r"\s*On\s+(?:\w+day,?\s+)?[\w.,\s]{4,30}?,\s+(?:the\s+company|we|it|[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,4})"
    r"\s+(?:publicly\s+)?(?:announced|reported|disclosed)\b",
    re.I,
)


# the issuer's own subsidiary named as the subject: "its subsidiary, X Company," / "its wholly-owned subsidiary X"
_OWN_SUBSIDIARY = re.compile(
    r"\b(?:its|our)\s+(?:wholly[- ]owned\s+|indirect\s+|operating\s+)*subsidiar(?:y|ies),?\s*$", re.I
)


# the owner named after the site: "agreed to purchase the 12 Main Street, Dayton, Ohio property of Acme"
_OWNER_AFTER = re.compile(
    r",?\s+(?:[a-z]+\s+){0,2}(?:property|site|facility|plant|building|land)\s+of\s+(?P<owner>[A-Z][\w&'\-]*)"
)


# a purchase told in the passive with its buyer after it: "the Dayton plant was acquired by Birch Corp."
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|will\s+(?:\w+\s+)?be|to\s+be|being)\s+(?:\w+ly\s+)?$", re.I
)
_BUYER_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?by\s+(?P<buyer>(?:The\s+)?[A-Z][\w&'.\-]*(?:\s+[A-Z][\w&'.\-]*){0,4})"
)


class NewsJudgement:
    """Judgements on one event word and place; needs ``issuer_words``, ``published`` and
    ``headline_types``."""

    issuer_words: frozenset[str]
    published: date | None
    headline_types: set[str]

    def _buys_issuers(self, text: str, t: Trigger) -> bool:
        """ "Brant Co. has purchased Kestrel's Erie plant": another company's deed, but the issuer's sale."""
        if t.type != "acquired":
            return False
        owner = ISSUER_OBJECT.match(text, t.end)
        return owner is not None and owner.group("owner") in self.issuer_words

    def _bought_by_another(self, text: str, t: Trigger) -> bool:
        """ "The Dayton plant has been acquired by Birch Corp.": the issuer's sale, told as another's purchase."""
        if (
            t.type != "acquired"
            or t.nominal
            or not _PASSIVE_BEFORE.search(text, max(0, t.start - 30), t.start)
        ):
            return False
        buyer = _BUYER_AFTER.match(text, t.end)
        if buyer is None or buyer.group("buyer").lower() in SELF_REFERENCES:
            return False
        return not (set(re.findall(r"[A-Z][\w&'\-]*", buyer.group("buyer"))) & self.issuer_words)

    def _issuer_possessive(self, text: str, t: Trigger, usable: list[Mention]) -> bool:
        """Whether the sites bought are named as the issuer's own ("acquire Seneca's X plant")."""
        if not usable or usable[0].start <= t.end:
            return False
        owner = (
            ISSUER_POSSESSIVE.search(text, t.end, usable[0].start)
            # the owner right after the verb, the site's words and then its town: "purchase
            # Kestrel's former manufacturing facility in X"
            or ISSUER_OBJECT.match(text, t.end, usable[0].start)
            or _OWNER_AFTER.match(text, usable[0].end)
        )
        return owner is not None and owner.group("owner") in self.issuer_words

    def _foreign_subject(self, text: str, clause: Clause, t: Trigger) -> bool:
        """Whether the event verb's subject is another company named with its legal suffix."""
        m = NAMED_SUBJECT.search(text, max(clause.start, t.start - 120), t.start)
        if m is None or m.group("subj").lower() in SELF_REFERENCES:
            return False  # "The Company will move ...": the issuer itself
        if _OWN_SUBSIDIARY.search(text, max(0, m.start() - 40), m.start()):
            return False  # "announced that its subsidiary, Luke Paper Company, plans to": its own
        return not (set(re.findall(r"[A-Z][\w&'\-]*", m.group("subj"))) & self.issuer_words)

    def _other_company_speaks(self, text: str) -> bool:
        """ "Ford Motor Co. said it would close its Louisville plant": another company's news."""
        m = COMPANY_SUBJECT.match(text)
        if not m or m.group("subj").lower() in SELF_REFERENCES:
            return False
        return not (set(re.findall(r"[A-Z][\w&'\-]*", m.group("subj"))) & self.issuer_words)

    @staticmethod
    def _spared(text: str, t: Trigger, m: Mention, clause: Clause) -> bool:
        """A place the sentence exempts: "does not affect the mill in X", "X will continue to operate"."""
        between = text[t.end : m.start] if m.start > t.end else ""
        if MENTION_NEGATED.search(between) or CONTINUES_BETWEEN.search(between):
            return True
        return bool(MENTION_SPARED.match(text[m.end : clause.end]))

    def _historical(self, t: Trigger, effective: Effective | None, text: str = "") -> bool:
        """Whether the event is the past the release tells, not its news: dated more than a
        year before the release ("closed in 2008"), or less long ago when the sentence reads as
        history (``_PAST_READINGS``)."""
        if effective is None:
            return False
        if self.published is None:
            # undated release: "the plant was opened in 1961" is history all the same
            return effective.year_only and _told_in_past(t)
        if effective.year_only:
            # "which was idled in 2019", told in 2021: a year alone, over before this one began
            return effective.value.year < self.published.year
        age = (self.published - effective.value).days
        return any(age > days and reads(self, t, effective, text) for days, reads in _PAST_READINGS)

    def _stop_of_told_idling(self, t: Trigger) -> bool:
        """A plain stop word in the sentence right after an idling told without its sites."""
        told = self._placeless
        return (
            told is not None
            and told[0] == "idled"
            and self._fed - told[1] == 1
            and PLAIN_STOP.match(t.text) is not None
        )


def _told_in_past(t: Trigger) -> bool:
    # the verb, past an adverb the trigger opens with ("temporarily suspended")
    words = t.text.split()
    verb = next((w for w in words if not w.lower().endswith("ly")), words[0])
    return PAST_FORMS.search(verb) is not None


def _recap(judge: NewsJudgement, t: Trigger, effective: Effective, text: str) -> bool:
    """ "On October 6, the Company announced the temporary shutdown of ...", in a November
    results release: an earlier announcement told again."""
    return effective.exact and _RECAP.match(text[: t.start]) is not None


def _past_deal(judge: NewsJudgement, t: Trigger, effective: Effective, text: str) -> bool:
    """ "The Company acquired the Kinston facility on September 30", in an October release about
    closing lines there: the deal that made it the company's, not today's news."""
    return (
        effective.exact
        and t.type in ("sold", "acquired")
        and t.type not in judge.headline_types
        and _told_in_past(t)
    )


def _past_period(judge: NewsJudgement, t: Trigger, effective: Effective, text: str) -> bool:
    """ "the impact from the sale of the company's mill in Ladysmith in August 2018", in a May
    2019 results release, or "closed its X plant in October 2011": an event named by its noun or
    told in the past with its year."""
    # (the year may open the sentence: "In April 2018, the company halted production at X")
    return t.nominal or (
        _told_in_past(t)
        and (
            _YEAR_AFTER.search(text, t.end, t.end + 80) is not None
            or _YEAR_OPENING.match(text, 0, t.start) is not None
        )
    )


def _always(judge: NewsJudgement, t: Trigger, effective: Effective, text: str) -> bool:
    return True


# (days, reading): an event dated more than ``days`` before the release is history when the
# reading holds
_PAST_READINGS = (
    (RECAP_DAYS, _recap),
    (PAST_DEAL_DAYS, _past_deal),
    (PAST_PERIOD_DAYS, _past_period),
    (400, _always),
)
