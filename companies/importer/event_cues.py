"""Sentence cues the event finder reads: who is the subject, whether a place is a part of a
site, spared, negated or governed by an event word, and how a Title Case headline is read.

Pure regular expressions and small predicates over one sentence's text, and ``assign_places``,
which gives each place to the event word that governs it; ``events`` decides with them. Kept
apart so each cue can be read, and tested, on its own.
"""

from __future__ import annotations

import re

from .clauses import ANCHOR_GATED, FACILITY_WORD, PROPERTY_WORD, SITE_WORD, VERBISH, Clause, inside
from .lexicon import (
    COMPANY_SUFFIX_STEM,
    FACILITY_NOUN,
    LEGAL_SUFFIXES,
    NAME_TAIL_WORDS,
    TITLE_WORDS,
)
from .spans import Mention
from .text import words
from .triggers import Trigger

# a stop given its end, which makes it temporary: "shutting down ... from April 1 through April 17",
# "closed until further notice", "until demand improves"
BOUNDED_STOP = re.compile(
    r"\bfrom\s+(?:\w+\s+){0,2}?\d{1,2}(?:st|nd|rd|th)?,?\s+(?:(?:19|20)\d\d\s+)?(?:through|until|till|to)\s+"
    r"(?:\w+\s+){0,2}?\d{1,2}\b|\buntil\s+further\s+notice\b"
    # ... or the end of its cause: "stop production until demand improves"
    r"|\buntil\s+(?:(?:market|business|economic)\s+)?(?:demand|conditions|markets?|prices|orders)\s+"
    r"(?:improves?|recovers?|warrants?|justif(?:y|ies)|strengthens?|returns?|stabili[sz]es?)\b",
    re.I,
)


# a stop word that says nothing of how long ("shut down", "halt", "cease"), unlike "permanently
# close" or a move: the sentence before may have said ("the temporary shutdown of three mills")
PLAIN_STOP = re.compile(r"(?:shut|halt|stop|ceas|suspend|clos)\w*(?:\s+down)?$", re.I)

# biography in appointment releases: "At Halberd she led the closure of ..."
BIOGRAPHY = re.compile(
    r"\b(?:he|she)\s+(?:\w+\s+)?(?:led|oversaw|directed|managed|headed|supervised|ran|was\s+responsible|held|served)\b"
    r"|\b(?:Mr|Ms|Mrs|Dr)\.\s+[A-Z]\w+\s+(?:\w+\s+)?(?:led|oversaw|directed|managed|headed|supervised|ran|served)\b"
    r"|^(?:Previously|Prior\s+to|Before\s+joining|Earlier\s+in\s+(?:his|her)\s+career)\b"
)


# a part of a site is not the site: "curtail one of the three paper machines at its mill"
_PARTIAL = re.compile(
    r"\b(?:potlines?|shifts?|kilns?|furnaces?|departments?|(?<!production\s)(?<!ing\s)units?|boilers?|digesters?|presses|press|operations\s+on)\b"
    # a machine or line is a part when counted ("one of its three machines", "a line", "No. 2 line");
    # "the pulp line at its mill" is the mill's main line, and idling it idles the mill
    r"|\b(?:one|two|three|four|a|an|No\.|number|second|third|fourth|several|some|certain|older|smaller|\d+)\s+"
    r"(?:(?:of\s+)?(?:its|the|their|our)\s+)?(?:[\w\-]+\s+){0,3}?(?:machines?|(?:production\s+)?(?:lines?|units?))\b",
    re.I,
)


MENTION_NEGATED = re.compile(r"\b(?:not|no(?!\.?\s*\d)|except|excluding|other\s+than|besides)\b|n't\b", re.I)


# a place after a new "continue to" verb is what carries on, not what the event word stops:
# "will curtail the machine, and we will continue to serve customers from the X and Y mills"
CONTINUES_BETWEEN = re.compile(r"\b(?:continue|continues|continuing|remain|remains)\s+to\b", re.I)


MENTION_SPARED = re.compile(
    r"^[^.;]{0,80}?\b(?:(?:is|are|was|were|will)\s+not\s+(?:be\s+)?affected|unaffected|continues?\s+to\s+operate"
    r"|will\s+continue|remains?\s+open|continue\s+operating|no\s+changes)",
    re.I,
)


# An event told of a part of a site (one machine, line or furnace) is proposed below this.
PARTIAL_CONFIDENCE = 0.6


# An event told without a place in the release's first sentences may be the dateline town's.
UNPLACED_SENTENCES = 4


# a site opened again after being rebuilt or recommissioned
REBUILT = re.compile(
    r"\W*(?:\w+\s+){0,4}?(?:re-?commissioned|rebuilt|restored|reactivated|re-?opened)\b", re.I
)


# the issuer's own name as the owner of what is bought: "acquire Seneca's Modesto facility"
ISSUER_POSSESSIVE = re.compile(r"\b(?P<owner>[A-Z][\w&\-]*)'s?\s+(?:\w+\s+){0,2}$")


# the issuer named as the owner right after a purchase verb: "purchased Kestrel's Erie plant"
ISSUER_OBJECT = re.compile(r"\s+(?:the\s+)?(?P<owner>[A-Z][\w&\-]*)'s?\s")


# a town named as where a company sits, not where something happens (lower case: read on casefolded text)
SEAT_BEFORE = re.compile(
    r"(?:headquarter\w*|based|head\s+office|offices?)\s+(?:\w+\s+)?(?:in|at)\s+(?:the\s+)?$"
)


# Prose holds a few event words a sentence; text that holds dozens is a list or a hostile upload,
# and reading only its first ones keeps the work per sentence bounded.
MAX_EVENT_WORDS = 8


# a sentence opening on a company name (with its legal suffix or ticker) and a reporting verb
COMPANY_SUBJECT = re.compile(
    r"^(?P<subj>(?:The\s+)?[A-Z][\w&'.\-]*(?:\s+(?:[A-Z][\w&'.\-]*|&|of|and)){0,5}?"
    rf"(?:,?\s+(?:{COMPANY_SUFFIX_STEM})\b\.?|\s*\([^)]*:[^)]*\)))"
    r",?\s+(?:(?:today|also|previously|recently)\s+)?"
    r"(?:said|says|announced|announces|reported|reports|will|plans|is|has|had|intends|confirmed|disclosed)\b"
)


# a part of a site as the subject of a passive start-up: "the first new line expected to be commissioned"
PART_SUBJECT = re.compile(
    r"\b(?:lines?|machines?|presses|kilns?|furnaces?|ovens?|boilers?|turbines?|units?|reactors?|dryers?)\s+"
    r"(?:(?:is|are|was|were|will|be|been|being|expected|scheduled|due|set|slated|planned|to|now|also)\s+){1,5}$",
    re.I,
)


# the stoppage a restart ends, told as its cause: "resumed ... weeks after a flood forced the shutdown"
CAUSE_AFTER = re.compile(r"\b(?:after|following|since|when)\b", re.I)


# a company named with its legal suffix right before an event verb, as its subject
NAMED_SUBJECT = re.compile(
    r"(?<![\w&'\-])(?P<subj>[A-Z][\w&'\-]*(?:\s+(?:[A-Z][\w&'\-]*|&|of|and)){0,5}?,?\s+"
    rf"(?:{COMPANY_SUFFIX_STEM})\b\.?)"
    r",?\s+(?:(?:will|would|shall|has|have|had|also|then|is\s+to|agreed\s+to|plans\s+to|intends\s+to"
    r"|expects\s+to|is\s+expected\s+to)\s+){0,2}(?:\w+ly\s+)?$"
)


SELF_REFERENCES = frozenset({"the company", "the corporation", "the group", "the partnership", "the firm"})


# words of a company's name that do not name this company rather than another
LEGAL = frozenset(f.rstrip(".") for f in LEGAL_SUFFIXES + NAME_TAIL_WORDS) | {
    "The",
    "and",
    "of",
    "International",
}


def governs(rel_t: tuple[int, int] | None, rel_m: tuple[int, int] | None, m: Mention, text: str = "") -> bool:
    """Whether an event word after a place can have it as subject: both in the same clause,
    or the event word in a relative clause on that place ("the Compiegne plant, where X will invest",
    "the Oita Plant in Oita Prefecture, where X will invest")."""
    if rel_t == rel_m:
        return True
    if rel_m is not None or rel_t is None:
        return False
    gap = rel_t[0] - m.end
    return 0 <= gap <= 25 or (gap <= 70 and _PLACE_GAP.fullmatch(text, m.end, rel_t[0]) is not None)


# between a place and its relative clause, only its facility word and how the place is qualified
_PLACE_GAP = re.compile(rf"(?:[\s,]+|[A-Z][\w'\-.]*|in|of|the|{FACILITY_NOUN})*")


def names_a_part(text: str, t: Trigger, mentions: list[Mention]) -> bool:
    """Whether an idling or closure names a part of the site (a machine, a line, a shift)."""
    if mentions and mentions[0].start > t.end:
        return bool(_PARTIAL.search(text, t.end, mentions[0].start))
    m = SITE_WORD.search(text, t.end, t.end + 60)
    if m is None:
        return False  # no site named after it: nothing to be a part of
    return bool(_PARTIAL.search(text, t.end, m.start()))


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$", re.I)


def anchor_missing(text: str, clause: Clause, t: Trigger) -> bool:
    """Event words need a facility or production word nearby; "expand its product line" is not an event."""
    start = t.start - 80
    if _PASSIVE_BEFORE.search(text, max(0, t.start - 25), t.start):
        start = (
            0  # passive voice: the subject may be a long noun phrase ("the new plant of its ... was opened")
        )
    window = text[max(clause.start, start) : min(clause.end, t.end + 120)]
    if (t.type in ("sold", "acquired") or PROPERTY_WORD.search(t.text)) and PROPERTY_WORD.search(window):
        # a deal's object may be real estate: "acquired a property at ...", and so may a lease's
        # ("signed a lease for larger premises in X")
        return False
    return not ANCHOR_GATED.search(window)


def site_subject(text: str, clause: Clause, t: Trigger, mentions: list[Mention]) -> bool:
    """Whether a site named with its facility word is the event word's subject, however long the
    list of towns between: "The plants in A, X; B, Y; and C, Z will begin a phased restart"."""
    return any(
        clause.start <= m.start
        and m.end <= t.start
        and m.has_facility
        # nothing but the event's own auxiliary between ("will begin a phased restart")
        and all(v.group(0).lower() in _AUXILIARIES for v in VERBISH.finditer(text, m.end, t.start))
        for m in mentions
    )


_AUXILIARIES = frozenset(
    {"will", "would", "shall", "is", "are", "was", "were", "be", "been", "has", "have", "had"}
)


_SMALL = words("a an the and or of in at on to for by with from as its our into")


def sentence_case(headline: str) -> str:
    """Lower-case the headline's ordinary words so place patterns work on Title Case.

    A word stays capitalised when it starts the headline or may be part of a name; ordinary
    words are recognised by being in a small list or a facility word.
    """
    words = headline.split(" ")
    out = []
    for w in words:
        lw = w.lower()
        if lw in _SMALL or FACILITY_WORD.fullmatch(lw) or lw.rstrip(",;:") in TITLE_WORDS:
            out.append(lw)
        else:
            out.append(w)
    return " ".join(out)


# events a site undergoes that a later clause may tell without naming it again
_SITE_STATE_TYPES = frozenset({"idled", "reopened", "closed"})
# what parts two clauses that list sites: "its Dayton plant and its Erie plant"
_OWN_CLAUSE = re.compile(r"\W*(?:when|while|whereas|because|although|though)\b", re.I)
_LIST_AND = re.compile(r"\s*,?\s*and\s*")


def assign_places(
    text: str,
    clauses: list[Clause],
    relatives: list[tuple[int, int]],
    by_clause: dict[int, list[Trigger]],
    mentions: list[Mention],
) -> dict[int, list[Mention]]:
    """Each place to the event word that governs it: the nearest one before it in its clause
    (the object), else the first after it (the subject) when no place follows that one; a clause
    with places and no event word of its own continues the clause before."""
    assigned: dict[int, list[Mention]] = {}  # id(trigger) -> mentions
    carry: Trigger | None = None
    site_before: list[Mention] = []  # sites of the clause before, which had no event word
    for ci, clause in enumerate(clauses):
        ts = by_clause.get(ci, [])
        ms = [m for m in mentions if clause.start <= m.start < clause.end]
        if not ts:
            own = _OWN_CLAUSE.match(text, clause.start, clause.end)  # "when it began ...": a deed of its own
            if carry and ms and not own and not VERBISH.search(text[clause.start : clause.end]):
                for m in ms:
                    assigned.setdefault(id(carry), []).append(m)
            site_before = [m for m in ms if m.has_facility and not m.decoy]
            continue
        if not ms and site_before and ts[0].type in _SITE_STATE_TYPES:
            # "the Kitakami mill incurred minor damage, and operations were restarted": the
            # site the sentence opened on is the one that stopped or restarted
            assigned.setdefault(id(ts[0]), []).extend(site_before)
        elif (
            site_before
            and ms
            and all(m.start < ts[0].start for m in ms)
            and not VERBISH.search(text, clause.start, ts[0].start)
            and _LIST_AND.fullmatch(text, clauses[ci - 1].end, clause.start)
            and ts[0].type in _SITE_STATE_TYPES
        ):
            # "will put its Dayton plant and its Erie plant on care and maintenance": the sites
            # listed before, split off by "and its", share the event word after the last one
            assigned.setdefault(id(ts[0]), []).extend(site_before)
        site_before = []
        carry = ts[-1]
        for m in ms:
            rel_m = inside(relatives, m.start)
            prev = [t for t in ts if t.end <= m.start and inside(relatives, t.start) == rel_m]
            if prev:
                assigned.setdefault(id(prev[-1]), []).append(m)
                continue
            nxt = [t for t in ts if t.start >= m.end and governs(inside(relatives, t.start), rel_m, m, text)]
            if not nxt:
                continue
            t = nxt[0]
            # a place before the event word is its subject only if nothing follows as object
            following = [
                x
                for x in ms
                if x.start > t.end and not any(y.start < x.start and y.start > t.end for y in ts)
            ]
            if not [x for x in following if not x.decoy]:
                assigned.setdefault(id(t), []).append(m)
    return assigned
