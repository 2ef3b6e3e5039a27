"""Whether a verb that acts on a facility has a facility for its object.

"closed the mill" acts on a site; "a storm closed roads" or "halted trading" does not. The verb
is read with what follows it: a preposition, adverb or place name leaves it on a site; a
determiner is followed to its noun; any other word is an object of another kind, unless a
product is named before the work ("curtail pulp production"). Used by ``modality``.
"""

from __future__ import annotations

import re

from .clauses import ANCHOR
from .parties import SHARE_IN
from .text import words
from .triggers import Trigger

# what may follow a verb that acts on a facility: prepositions, adverbs, determiners (checked
# further), place names; anything else is an object of another kind ("closed roads")
_NEXT_OK = words(
    "on in at by for from to with after before during until through as effective beginning starting over "
    "within temporarily permanently indefinitely completely fully partially down up out immediately today "
    "later next this early late and or but of its the a an our their all both two three four five several "
    "some one production operation operations manufacturing output capacity work activity activities operating "
    "new existing remaining is was be being been will would into onto under across throughout between via "
    "following when once yesterday last since there again soon shortly gradually normally as per around about "
    "approximately no not fully "
    # a share of what is bought: "acquired substantially all of the assets of", "certain assets of"
    "substantially certain "
    # a site named before, as the object: "plans to restart it"
    "it them "
    # the work itself as a gerund: "restarted producing adhesive tapes", "resumed making paper"
    "producing making processing running shipping mining smelting refining milling pulping"
)

# a stopped site's state as an adjective before the noun: "curtailed", "long-idled", "previously"
_STATE_WORD = re.compile(r"(?:^|-)(?:idled?|curtailed|closed|shuttered|mothballed|previously|formerly)$")

_DETERMINERS = words("its the a an our their all both two three four five several some one this")
# "this" before a span of time is no object: "production at the mill resumed this week"
_THIS_TIME = re.compile(
    r"\s+this\s+(?:week|month|year|quarter|morning|afternoon|evening|weekend|spring|summer|fall|autumn"
    r"|winter|season)\b",
    re.I,
)

_DOWN_SINCE = re.compile(
    r"\b(?:has|have|had)\s+been\s+(?:\w+ly\s+)?(?:down|idle|idled|shut(?:\s+down)?|closed|curtailed|mothballed"
    r"|offline|off-line|out\s+of\s+service|on\s+standby)\s+(?:since|for)\b",
    re.I,
)

_PRODUCT_WORK = re.compile(
    # (two kinds of work may share the noun: "cease molding and melt operations")
    r"\s+(?:[a-z][\w\-]*\s+){1,2}(?:(?:and|&)\s+[a-z][\w\-]*\s+)?"
    r"(?:production|manufacturing|output|operations|assembly|processing)\b"
)

_VERB_FIRST = re.compile(r"(?:clos|shut|halt|stop|ceas|idl)\w*\s", re.I)

_PASSIVE_AUX = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$", re.I)


# a label in brackets or quotes: "one of two blast furnaces ("B")", 'the "B" blast furnace'
_BRACKETED = re.compile(r"\s*(?:\([^()]{0,40}\)|[\"“][^\"“”]{1,20}[\"”])")


def _foreign_object(text: str, end: int) -> bool:
    """Whether the verb ending at ``end`` takes an object other than a site: "a storm closed roads"."""
    verb = re.search(r"[\w'\-]+$", text[:end])
    if verb and _PASSIVE_AUX.search(text, max(0, verb.start() - 30), verb.start()):
        return False  # passive: its object is the subject before it ("the facilities to be closed are")
    share = SHARE_IN.match(text[end : end + 160])
    if share:  # "acquired the long leasehold interest, to expire in 2156, of a warehouse": the share's site
        end += share.end()
    after = text[end : end + 80]
    m = re.match(r"\s+([A-Za-z][\w'\-]*)", after)
    if not m or m.group(1)[0].isupper():
        return False
    word = m.group(1).lower()
    if _STATE_WORD.search(word):
        return False  # the site's state before its noun: "restart curtailed capacity", "long-idled"
    if word not in _NEXT_OK and not ANCHOR.match(after, m.start(1)):
        # a product named before the work: "curtail pulp production", "halt engine assembly"
        # (the anchor may span words: "shut down paper machine 2")
        return not _PRODUCT_WORK.match(after)
    if word in _DETERMINERS and not _THIS_TIME.match(after):
        # a label does not end the phrase: "one of two blast furnaces ("B") at"
        window = _BRACKETED.sub(lambda b: " " * len(b.group(0)), text[end : end + 120])
        # (a word may be a sum in any currency: "a new \u20ac40 million factory")
        np = re.match(r"\s+(?:[\w'$\u20ac\u00a3\u00a5.,%\-]+\s+){0,9}[\w'$\u20ac\u00a3\u00a5.,%\-]+", window)
        phrase = np.group(0) if np else after
        cut = re.split(r"\b(?:to|from|for|with|under|after|before|during|as|by|because)\b", phrase)[0]
        return not (ANCHOR.search(cut) or re.search(r"\s[A-Z]", cut))
    return False


def acts_on_other_than_site(text: str, trig: Trigger) -> bool:
    """Whether the verb ``trig`` takes an object other than a site."""
    # the object follows the verb: the whole trigger for one word, the first word for
    # "closed roads for two days"-shaped matches
    end = trig.end if " " not in trig.text else None
    if end is None and _VERB_FIRST.match(trig.text):
        end = trig.start + len(trig.text.split()[0])
    return end is not None and _foreign_object(text, end)
