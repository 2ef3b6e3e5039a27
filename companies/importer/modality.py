"""Whether an event word announces something: asserted, negated, hedged, or background.

``modality(text, clause, trigger)`` reads the words around one event word of a sentence: a
negation or a hedge before it (their words are in ``mood_cues``), a past told as background
("which it opened in 2012", "our recent decision to curtail"), a routine outage, another
company's deed. Pure regex work over one sentence, no state; ``events`` decides what to do with
the answer.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .clauses import ADJECTIVE_USE, ANCHOR, Clause
from .dates import MONTH_RX
from .mood_cues import (
    _CALLED_OFF,
    _CAN,
    _CONSULTATION,
    _EARLIER_REPORT,
    _HEDGE,
    _HEDGE_AFTER,
    _NEGATION,
    _NEGATION_IN_ASIDE,
    _PUT_OFF_AFTER,
    _REPORTED,
    _REPORTING_VERB,
    _ROLE_DESCRIBES_SUBJECT,
    _TICKER_TAG,
    _TO_DATE,
)
from .text import words
from .triggers import Trigger
from .verb_objects import acts_on_other_than_site

# a restart's object told by the state it leaves, right before the participle: "restart the
# curtailed capacity", "restart 35,000 tons a year of long-curtailed capacity"
_RESTARTED_STATE = re.compile(
    r"\b(?:restart|re-start|reopen|resum|reactivat|recommission)\w*\s+(?:[\w$.,%-]+\s+){0,8}?"
    r"(?:(?:previously|formerly|long|recently|temporarily)[\s-]+)?$",
    re.I,
)
_BACKGROUND = re.compile(
    r"\b(?:previously|formerly|recently|already|currently|once|long)\s+(?:\w+\s+)?$"
    r"|\b(?:the|its|our|their|a|an|this|that|these|those)\s+"
    r"(?:(?:previously|formerly|recently|newly|now|temporarily|permanently|currently|long|partially)\s+)?$",
    re.I,
)

# "last year's closure", "the 2009 idling": an event of the past named in passing
_PAST_MARK = re.compile(
    r"\b(?:last\s+(?:year|month|quarter|week)'s|(?:19|20)\d\d|previous|prior|earlier|former)\s+(?:[\w-]+\s+)?$",
    re.I,
)

# a stretch of past years before an event noun: "hit hard in recent years, with mill closures in"
_YEARS_PAST = re.compile(
    r"\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last|previous)\s+(?:(?:few|several|two|three|\d+)\s+)?"
    r"(?:years|decades?)\b[^.;]{0,60}$",
    re.I,
)

_ROUTINE = re.compile(
    r"\b(?:maintenance|annual|routine|scheduled|planned)\s+(?:maintenance\s+)?(?:outages?|shut-?downs?|downtime|turnarounds?)"
    r"|\bnormal\s+operations\b"
    # a day off: "closed for the Christmas holiday", "will close early on Friday for the holidays"
    r"|\bfor\s+the\s+(?:[A-Z][\w']*\s+)?(?:holidays?|long\s+weekend)\b",
    re.I,
)

# a nominal that only dates something else: "maintained the mill during the idling"
_DURING = re.compile(r"\b(?:during|since|throughout|despite)\s+(?:the|its|this|that)\s+(?:\w+\s+)?$", re.I)

# a state, not a change: "has been idle since 2015", "remains indefinitely curtailed"
_HAS_BEEN = re.compile(r"\b(?:has|have|had)\s+been\s+(?:\w+\s+){0,2}$", re.I)

_REMAINS = re.compile(r"\b(?:remains?|remained|stays?|stayed|sits?|sat|lies|lay)\s+(?:\w+\s+){0,2}$", re.I)

_SINCE = re.compile(
    r"\b(?:since|for\s+(?:the\s+(?:past|last)|more\s+than|over|nearly|almost|about|\d+|\w+\s+(?:years|months|weeks)))\b",
    re.I,
)

_SINCE_WHEN = re.compile(r"\bsince\b[^.;]{0,40},\s+when\b", re.I)

# the event word's subject is another company: "A competitor's decision to close its plant"
_OTHER_SUBJECT = re.compile(
    # (its name may follow as an aside: "its customer, Birch Motors, will close")
    r"\b(?:competitors?|rivals?|customers?|suppliers?|clients?)(?:'s?)?(?:,\s*[A-Z][^,;]{0,40},)?\s+(?:\w+\s+){0,4}$",
    re.I,
)

# a bare event noun in an adverbial phrase refers to an event told elsewhere, it announces
# none: "prior to the shutdown", "following the closure", "as a result of the idling"
_REFERRED = re.compile(
    r"\b(?:prior\s+to|before|after|following|since|because\s+of|due\s+to|as\s+a\s+result\s+of"
    r"|in\s+(?:connection|conjunction)\s+with|in\s+light\s+of|ahead\s+of|until)\s+(?:the|this|that|its|our)\s+$",
    re.I,
)

_COMPLEMENT = re.compile(r"\s*(?:of|at|in|by|on|from)\b|\s+(?-i:[A-Z])", re.I)

_STATE_AFTER = re.compile(r"\s+(?:\w+\s+)?since\b", re.I)

PAST_FORMS = re.compile(r"(?:ed|sold|bought|built|shut|began|begun|took|broke)$", re.I)

_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|shall|to|may|might|can|could|should|must|plans?|expects?)\s+(?:\w+ly\s+)?$", re.I
)


def told_in_past(text: str, t: Trigger) -> bool:
    """A trigger in a past form: its last word ("was idled") or, for a phrasal verb, its first
    ("shut down the mill", "closed permanently"), unless a modal governs it ("will shut down")."""
    if PAST_FORMS.search(t.text):
        return True
    first = t.text.split()[0] if " " in t.text else ""
    return bool(
        first and PAST_FORMS.search(first) and not _MODAL_BEFORE.search(text, max(0, t.start - 30), t.start)
    )


# "As previously announced, ...", "As disclosed in March, ...": a restated past event
_ALREADY_TOLD = re.compile(
    r"^\W*as\s+(?:was\s+)?(?:previously|earlier|already|first|recently)?\s*"
    r"(?:announced|disclosed|reported|communicated|noted|stated)\b",
    re.I,
)

# the finishing of an event: "completed the closure of", "finished the sale of"
_COMPLETED = re.compile(
    r"\b(?:completed|finished|concluded|carried\s+out|finalized|finalised)\s+(?:the|its|their|our)\s+(?:\w+\s+)?$",
    re.I,
)

# a deed of the past, told with "previously" or "formerly" on a verb other than a reporting one:
# "previously reduced its exposure through the closure of ..."
_EARLIER_DEED = re.compile(
    r"\b(?:previously|formerly|earlier)\s+(?!(?:announced|said|reported|disclosed|stated|indicated|noted|confirmed)\b)"
    r"(?:[a-z]+ed|cut|shut|sold|made|took|built|began)\b",
    re.I,
)

# a decision told as already taken: "combined with our recent decision to curtail X and close Y"
_EARLIER_DECISION = re.compile(
    r"\b(?:recent|recently\s+announced|previous|previously\s+announced|earlier|prior|last\s+year's)\s+"
    r"(?:decisions?|announcements?|plans?|moves?)\s+to\s+[^.;]{0,120}$"
    # "follow its previous announcement on December 8 that it would consolidate ...": told before
    # (or dated by its month: "a June announcement that the Company will close ...")
    rf"|\b(?:previous|prior|earlier|(?:a|an|the|its)\s+{MONTH_RX})\s+(?:announcements?|decisions?)\s+"
    r"(?:on\s+[^.;]{3,30}?\s+)?that\s+[^.;]{0,160}$"
    # "A decision was made last autumn to close the X sawmill": a decision of an earlier season
    r"|\bdecision\s+(?:was|had\s+been)\s+(?:made|taken)\s+(?:last|earlier\s+this)\s+"
    r"(?:year|month|quarter|spring|summer|autumn|fall|winter)\s+to\s+[^.;]{0,60}$"
    # "Acme had previously announced its intent to close the Erie plant": told before, not now
    r"|\b(?:had|has|have)\s+(?:previously|earlier|already)\s+announced\b[^.;]{0,120}$",
    re.I,
)

# a relative clause whose subject is the company: "which it opened", "during which it consolidated"
_RELATIVE_DEED = re.compile(
    r"\b(?:(?:during|in|after|under|through|by|since|with|before)\s+)?(?:which|whom)\s+"
    r"(?:it|we|they|the\s+(?:company|group|firm|corporation)|[A-Z][\w&'\-]*(?:\s+[A-Z][\w&'\-]*){0,2})\s+"
    r"(?:(?:had|has|have|also|later|then|first|subsequently|eventually)\s+)?$"
    # passive: "its plant in Dayton, which was idled in March, will restart"
    r"|(?:,\s*|\s)which\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?$"
    # the site as the subject of a past deed: "its Erie plant, which closed temporarily in March, will restart"
    r"|,\s*which\s+(?:\w+ly\s+)?$"
)

# a verb whose subject is traffic or trade, not a site: "shipping routes have since resumed"
_TRAFFIC_SUBJECT = re.compile(
    r"\b(?:routes?|shipments?|deliver(?:y|ies)|shipping|traffic|flights?|sailings?|services?|rail\s+lines?|talks"
    r"|negotiations|trading|exports?|imports?|supply\s+chains?|freight|transport)\s+"
    r"(?:(?:has|have|had|was|were|is|are|will|would|also|since|now|then|fully|gradually|largely|normally)\s+){0,3}$",
    re.I,
)

# a participle after a noun that is no facility: "a solar array commissioned at the plant"
_REDUCED_RELATIVE = re.compile(r"(?<![\w'])(?P<noun>[a-z][a-z\-]+)\s+$")

_NOT_NOUNS = words(
    "was were is are be been being has have had will would shall to and or but that which who not "
    "newly recently formally officially successfully also then first just now since already fully "
    "company it we they he she"
)

_THIS_DAY = re.compile(r"\b(?:today|this\s+(?:week|morning|afternoon))\b", re.I)
# an event noun the release says was announced before (news only if it is completed now)
_ANNOUNCED_BEFORE = re.compile(
    r"\b(?:recently|previously|already|earlier)\s+(?:announced|disclosed)\s+$", re.I
)
# ... or after its object: "the closure of the X plant, which was announced in October"
_ANNOUNCED_AFTER = re.compile(
    r"[^;]{0,100}?,\s+which\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:announced|disclosed)\b"
    # (or with when, and no "which": "the closure of 105,000 tons announced earlier at its X smelter")
    r"|[^.;]{0,70}?\b(?:announced|disclosed)\s+(?:earlier|previously|last\s+(?:week|month|year|quarter)"
    rf"|in\s+(?:{MONTH_RX}|(?:19|20)\d\d))\b",
    re.I,
)
_COMPLETION_VERB = re.compile(r"\b(?:complet|finish|conclud|finali[sz]|clos(?:ed|es|ing)\b)", re.I)

_EXCLUDED = re.compile(
    r"[^.;]{0,40}?\b(?:is|are|was|were)\s+not\s+(?:part\s+of|included\s+in|covered\s+by|subject\s+to)\s+"
    r"(?:this|today's|the|these)\s+(?:announcement|release|transaction|plan|agreement|restructuring|changes?)\b",
    re.I,
)

# a clause about an earlier period: "last year's third quarter", "in the prior-year quarter"
_LAST_YEAR = re.compile(
    r"\b(?:last\s+(?:year|month|quarter)(?:'s)?|a\s+year\s+(?:ago|earlier)|prior[- ]year|previous\s+year(?:'s)?)\b",
    re.I,
)

# an earlier period right after an event noun's object: "the closure of the X plant last year"
_PAST_PERIOD_AFTER = re.compile(
    r"[^;()]{0,70}?\b(?:last\s+(?:year|month|quarter|week)|earlier\s+this\s+(?:year|month|quarter|week)"
    r"|a\s+year\s+(?:ago|earlier)|in\s+the\s+(?:prior|previous)\s+year"
    r"|in\s+the\s+(?:past|last)\s+(?:year|(?:twelve|12|eighteen|18)\s+months))\b(?!'s)",
    re.I,
)

# a span of time gone by after the event word, with a perfect tense before it
_TOOK = re.compile(r"\b(?:took|had|experienced|incurred)\b", re.I)
# what a proposal put to consultation contains, right before the event word
_PROPOSAL_WOULD = re.compile(
    r"\b(?:proposals?|plans?)\b[^.;]{0,80}?\b(?:which|that)\s+would\s+(?:mean|result\s+in|lead\s+to|involve|see|include)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# the means of a purpose, right before the event word: "... by constructing"
_MEANS_BEFORE = re.compile(r"\bby\s+$", re.I)
# hedges that state a purpose rather than a doubt
_PURPOSE_HEDGE = re.compile(r"(?:aim|help|enabl|allow|position|seek|hope)")
_FUTURE_PASSIVE = re.compile(r"\b(?:will|shall|to|would)\s+(?:\w+ly\s+)?be\s+(?:\w+ly\s+)?$", re.I)
_DURING_THE_QUARTER = re.compile(
    r"\b(?:during|in|throughout)\s+the\s+(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+)?quarter\b"
    r"|\b(?:during|in)\s+Q[1-4]\b",
    re.I,
)
_OVER_THE_PAST = re.compile(
    r"[^.;]{0,60}?\b(?:over|during|in|throughout)\s+the\s+(?:past|last|previous)\s+"
    r"(?:(?:\w+|\d+)\s+)?(?:years?|months?|decades?|quarters?)\b",
    re.I,
)
_PLUPERFECT = re.compile(r"\bhad\s+(?:already\s+|previously\s+|earlier\s+)?been\s+(?:\w+ly\s+)?$", re.I)
_ALREADY_DONE = re.compile(
    r"\balready\s+(?:undertaken|implemented|taken|completed|carried\s+out|executed|made|done)\b[^.;]{0,60}$",
    re.I,
)
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+){0,2}$", re.I)


# the time of the deed in a leading clause: "in May 2020", "last year", "earlier this month"
_WHEN_BEFORE = re.compile(
    rf"\b(?:19|20)\d\d\b|\b{MONTH_RX}\b|\blast\s+(?:year|month|week)\b|\bearlier\s+this\b"
)
# a leading "After", "Since" or "Following" right before the event word ("After temporarily
# suspending ...")
_LEADING_AFTER_CLAUSE = re.compile(r"^\W*(?:After|Since|Following)\s+(?:\w+ly\s+)?$")
# a leading clause of time or cause, still open where the event word stands
_LEADING_PAST_CLAUSE = re.compile(r"^\W*(?:When|After|Since|Once|Because|Following|As)\b[^,;]*$")
# a sentence that opens on a time gone by: "Just over a year ago, the company closed ..."
_AGO_OPENING = re.compile(
    r"^\W*(?:(?:(?:just|some|about|nearly|almost|more\s+than|over|less\s+than|roughly)\s+)*"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+"
    r"(?:years?|months?|weeks?|decades?)\s+ago"
    # ("Last month the company curtailed production at X": a past period opens it)
    r"|last\s+(?:month|week|year|quarter|spring|summer|fall|autumn|winter))\b[^;]*$",
    re.I,
)


# Facts of the whole sentence, asked once per event word: memoised so that a sentence with many
# event words is read once, not once per word.
@lru_cache(maxsize=256)
def _completed_now(text: str, trig: Trigger) -> bool:
    """Whether an event noun announced before is completed now ("has completed the previously
    announced sale of"), not only expected to be ("expects to complete the previously announced
    sale of ... in the fourth quarter")."""
    done = _COMPLETION_VERB.search(text, max(0, trig.start - 80), trig.start)
    return done is not None and not _MODAL_BEFORE.search(text, max(0, done.start() - 40), done.start())


def _told_before_today(text: str) -> bool:
    return bool(_ALREADY_TOLD.search(text)) and not _THIS_DAY.search(text)


@lru_cache(maxsize=256)
def _since_when_end(text: str) -> int:
    """Where the first "since ..., when" clause ends (event words after it are background)."""
    m = _SINCE_WHEN.search(text)
    return m.end() if m else len(text) + 1


_PASSIVE_PAST = re.compile(r"\b(?:was|were|had\s+been)\s+(?:\w+ly\s+)?$", re.I)
_NOT_PARTICIPLES = frozenset({"began", "took", "broke"})
# a site's origin told by the deal that brought it: "The X plant was acquired in connection with
# its recent purchase of Y", "was bought as part of the Z acquisition"
_ACQUIRED_THROUGH = re.compile(
    r"\s+(?:in\s+connection\s+with|as\s+(?:a\s+)?part\s+of|through|with\s+(?:the|its)\s+(?:\w+\s+){0,3}?(?:acquisition|purchase))\b",
    re.I,
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|this|that|their|our)\s+$", re.I)


# a past event as the time of another: "when the mill was idled", "when its plant had been closed"
_WHEN_PAST = re.compile(
    r"\bwhen\s+(?:the|its|our|their)\s+(?:[\w\-]+\s+){0,3}?(?:was|were|had\s+been)\s+(?:\w+ly\s+)?$", re.I
)


# a person's record, as an appointment or obituary tells it
_BIOGRAPHY = re.compile(
    r"\b(?:under\s+(?:his|her|their)\s+(?:leadership|direction|stewardship|tenure)"
    r"|during\s+(?:his|her|their)\s+(?:\d+-year\s+|\w+\s+)?(?:tenure|career|time)|(?:his|her)\s+career)\b",
    re.I,
)


def modality(text: str, clause: Clause, trig: Trigger) -> str:
    """ "asserted", "negated", "hedged" or "background" for one event word."""
    before = text[max(clause.start, trig.start - 90) : trig.start]
    near = " ".join(_CONSULTATION.sub("consultation", _TICKER_TAG.sub(" ", before)).split()[-7:])
    if (_NEGATION.search(near) and not _NEGATION_IN_ASIDE.search(near)) or _CALLED_OFF.search(before):
        return "negated"
    if _CAN.search(before):
        return "hedged"
    if _EXCLUDED.match(text, trig.end, min(len(text), trig.end + 80)):
        return "background"  # "has been sold and is not part of this announcement"
    if (told_in_past(text, trig) or (trig.nominal and _COMPLETED.search(before))) and _told_before_today(
        text
    ):
        # "As previously announced, the company opened ...", "... completed the closure of ..."
        return "background"
    if _EARLIER_DECISION.search(text, max(0, trig.start - 200), trig.start):
        return "background"
    if (
        trig.type == "acquired"
        and not trig.nominal
        and _PASSIVE_PAST.search(text, max(0, trig.start - 20), trig.start)
        and _ACQUIRED_THROUGH.match(text, trig.end)
    ):
        return "background"  # "The X plant was acquired in connection with its purchase of Y": its origin
    if (
        trig.nominal
        and (
            _ANNOUNCED_BEFORE.search(text, max(0, trig.start - 40), trig.start)
            or _ANNOUNCED_AFTER.match(text, trig.end, clause.end)
        )
        and not _THIS_DAY.search(text)
        and not _completed_now(text, trig)
    ):
        return "background"  # "complements the recently announced addition of ...": told before
    if _BIOGRAPHY.search(text, max(0, trig.start - 120), trig.start):
        return "background"  # "Under his leadership the company expanded production": a career
    if _WHEN_PAST.search(text, max(0, trig.start - 60), trig.start):
        return "background"  # "employees were furloughed when the mill was idled in November"
    if (trig.nominal and _LAST_YEAR.search(text, clause.start, trig.start)) or (
        # (a noun with its "of" is a noun too: "its acquisition of X in the past year")
        (trig.nominal or trig.text.lower().endswith(" of"))
        and _PAST_PERIOD_AFTER.match(text, trig.end, clause.end)
    ):
        return "background"  # "lower volumes following the closure of our X plant last year"
    if _PLUPERFECT.search(before[-40:]) or (
        trig.nominal and _ALREADY_DONE.search(text, max(0, trig.start - 100), trig.start)
    ):
        # "The mill had been indefinitely idled at the end of July", "the measures already
        # undertaken, including the closure of the X site": the past before the news
        return "background"
    if (
        trig.type == "idled"
        and (PAST_FORMS.search(trig.text.split()[-1]) if not trig.nominal else _TOOK.search(before))
        and _DURING_THE_QUARTER.search(text, clause.start, clause.end)
        # ("will be curtailed for one week in the first quarter" is a plan, not the period's record)
        and not _FUTURE_PASSIVE.search(before[-30:])
    ):
        # "During the quarter, the company took downtime at its X mill": a stop within the
        # period is its record in a results release (a closure completed in it is news)
        return "background"
    if _OVER_THE_PAST.match(text, trig.end, clause.end) and _PERFECT_BEFORE.search(before[-40:]):
        return "background"  # "investments have increased capacity by 15% over the past year": a record  # "last year's results were affected by a strike that forced the suspension of"
    if (
        not trig.nominal
        and PAST_FORMS.search(trig.text.split()[0])
        and (_LEADING_PAST_CLAUSE.match(text[: trig.start]) or _AGO_OPENING.match(text[: trig.start]))
    ):
        return "background"  # "When the group acquired Domtar in 2021, it agreed to ...": the setting of the news
    if (
        not trig.nominal
        and any(w.lower().endswith("ing") for w in trig.text.split())
        and _LEADING_AFTER_CLAUSE.match(text[: trig.start])
        and _WHEN_BEFORE.search(text, trig.end, clause.end)
    ):
        # "After temporarily suspending operations in May, the company will restart the mill": what
        # came before the news, told as its setting
        return "background"
    if _EARLIER_DEED.search(before) and not FUTURE_CONTEXT.search(text, trig.start - len(before), trig.start):
        # "previously reduced its costs through the closure of X": a means told of a past deed
        return "background"
    if not trig.nominal and told_in_past(text, trig) and _RELATIVE_DEED.search(before):
        # "its Truro kitchen, which it opened in 2023, ...", "a review during which it consolidated ...":
        # a past deed told in a relative clause describes something, it announces nothing
        return "background"
    if not trig.nominal and _TRAFFIC_SUBJECT.search(before):
        return "background"  # "delivery routes have since resumed": traffic, not a site
    # (a simple past that is no participle, "began", heads no reduced relative)
    if (
        not trig.nominal
        and PAST_FORMS.search(trig.text)
        and trig.text.split()[-1].lower() not in _NOT_PARTICIPLES
    ):
        noun = _REDUCED_RELATIVE.search(text, max(0, trig.start - 30), trig.start)
        if (
            noun
            and noun.group("noun") not in _NOT_NOUNS
            and not noun.group("noun").endswith("ly")
            and not ANCHOR.fullmatch(noun.group("noun"))
            and re.match(r"\s+(?:at|in|on)\b", text[trig.end :])
        ):
            return "background"
    hedges = {m.group(0).lower() for m in _HEDGE.finditer(near)}
    if hedges == {"would"} and _PROPOSAL_WOULD.search(before):
        hedges = (
            set()
        )  # "consultation on proposals which would mean the closure of X": the proposal's content
    if hedges and _MEANS_BEFORE.search(before) and all(_PURPOSE_HEDGE.match(h) for h in hedges):
        # "aims to create jobs by constructing a new factory in X": the deed is the means of the
        # aim, announced; "could cut costs by closing X" stays hedged
        hedges = set()
    if (
        hedges
        and not _REPORTED.search(text[max(0, trig.start - 60) : trig.start])
        # "Acme said the Erie plant would close": a future told in reported speech
        and not (
            hedges == {"would"}
            and _REPORTING_VERB.search(text, 0, trig.start)
            # "announced earlier this year that it would open": an earlier report, not this one
            and not _EARLIER_REPORT.search(text, 0, trig.start)
        )
    ):
        return "hedged"
    after = text[trig.end : clause.end]
    hedge_after = _HEDGE_AFTER.search(after[:120])
    if hedge_after and not (trig.type == "sold" and hedge_after.group(0).lower().startswith("for")):
        # ("put its mill up for sale" is the sale announced; "idle the mill ... for sale" hedges)
        return "hedged"
    if _PUT_OFF_AFTER.search(after[:90]):
        return "negated"  # "expects the start up of the expansion at X to be delayed": not this news
    if _STATE_AFTER.match(text, trig.end) or _REMAINS.search(text, max(0, trig.start - 40), trig.start):
        return "background"
    if _HAS_BEEN.search(text, max(0, trig.start - 40), trig.start) and (
        (trig.type == "idled" and not trig.text.lower().endswith("ed"))
        or _SINCE.search(text, trig.end, clause.end)
    ):
        # "has been idle", "has been closed since 2009": a state; "has been sold", "operations
        # have been suspended temporarily": a news
        return "background"
    if _since_when_end(text) <= trig.start or (
        _OTHER_SUBJECT.search(before) and not _ROLE_DESCRIBES_SUBJECT.match(text, clause.start, trig.start)
    ):
        return "background"
    if trig.nominal and (_DURING.search(before) or _PAST_MARK.search(before) or _YEARS_PAST.search(before)):
        return "background"
    if trig.nominal and _REFERRED.search(before) and not _COMPLEMENT.match(text, trig.end):
        return "background"
    if _TO_DATE.match(text):
        return "background"
    routine = (
        _ROUTINE.search(text, clause.start, clause.end)
        if trig.type in ("idled", "reopened", "closed")
        else None
    )
    if routine and not (trig.type == "reopened" and routine.group(0).lower().startswith("normal")):
        # maintenance outages and the restarts after them are routine; "resumed normal operations
        # following the hurricane" is a restart all the same
        return "background"
    if not trig.nominal and acts_on_other_than_site(text, trig):
        return "background"  # "a storm closed roads": the verb's object is no facility
    if (
        trig.type == "expanded"
        and " " in trig.text
        and PAST_FORMS.search(trig.text.split()[0])
        and _DETERMINER_BEFORE.search(text, max(0, trig.start - 8), trig.start)
    ):
        return "background"  # "the added capacity": a participle before its noun names a thing, no growth
    if PAST_FORMS.search(trig.text) and _RESTARTED_STATE.search(text, max(0, trig.start - 80), trig.start):
        return "background"  # "restart 35,000 tons of long-curtailed capacity": the state restarted from
    if PAST_FORMS.search(trig.text) and _BACKGROUND.search(text[max(0, trig.start - 30) : trig.start]):
        # participles used as adjectives: "the idled mill", "its previously closed plant"
        nxt = text[trig.end : trig.end + 40]
        if ADJECTIVE_USE.match(nxt) or re.search(r"previously|formerly|already", before[-30:], re.I):
            return "background"
    return "asserted"


FUTURE_CONTEXT = re.compile(
    r"\b(?:will|shall|to\s+be|expect(?:s|ed|ing)?|plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|schedul\w*)\b", re.I
)
