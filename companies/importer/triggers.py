"""Triggers: where a sentence uses a word of the event vocabulary (``trigger_words``).

Each trigger names the event type it signals, whatever the tense or voice; ``events`` decides
what the trigger applies to and whether it is asserted, negated or hedged. Other senses of the
same words ("closing price", "a maker of closures") are masked first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import EVENT_OBJECT_NOUN, FACILITY_NOUN
from .text import needle_view
from .trigger_words import SPECS as _SPECS

_FACILITY = EVENT_OBJECT_NOUN


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    start: int
    end: int
    text: str
    nominal: bool


_COMPILED = [(t, re.compile(p, re.I), nominal) for t, p, nominal, _ in _SPECS]
_LETTERS = re.compile(r"[a-z]+")
_BY_NEEDLE: dict[str, list[int]] = {}
for _index, (*_, _needles) in enumerate(_SPECS):
    for _needle in _needles:
        _BY_NEEDLE.setdefault(_needle, []).append(_index)
_ALL_NEEDLES = tuple(_BY_NEEDLE)
# the stems by their first letter: a word is checked only for the stems its letters can start
_NEEDLES_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _needle in _ALL_NEEDLES:
    _NEEDLES_BY_FIRST[_needle[0]] = (*_NEEDLES_BY_FIRST.get(_needle[0], ()), _needle)
_WORD_SPECS: dict[str, tuple[int, ...]] = {}


def _word_specs(word: str) -> tuple[int, ...]:
    """The patterns one word's stems call for (stems are letters only, so a stem in a sentence
    lies inside one of its words; " to " stands for the word "to"). Memoised: the vocabulary
    of releases is small."""
    found = _WORD_SPECS.get(word)
    if found is None:
        key = " to " if word == "to" else word
        found = tuple(
            sorted(
                {i for c in set(key) for n in _NEEDLES_BY_FIRST.get(c, ()) if n in key for i in _BY_NEEDLE[n]}
            )
        )
        if len(_WORD_SPECS) < 50_000:
            _WORD_SPECS[word] = found
    return found


# Senses of the same words that are not facility events.
_FALSE_SENSES = re.compile(
    # a product noun used as a modifier: "closures plant" (bottle caps), "shutdown valves"
    r"\b(?:closures|shut-?downs?|shut-?offs?)\s+(?:and\s+[\w-]+\s+)?(?:plants?|lines?|business(?:es)?|valves?"
    r"|systems?|products?|segments?|divisions?|makers?|producers?|suppliers?|solutions?|technolog\w*"
    r"|manufactur\w*|moulding|molding|caps)\b"
    # closures as a product: "produces closures, caps and containers", "a maker of closures"
    r"|\b(?:produc\w*|mak(?:e|es|ing|er|ers)|manufactur\w*|mou?ld\w*|suppl\w*|sells?|of)\s+(?:[\w-]+\s+){0,2}?closures\b"
    # a state that a deal or plan is about, not a new event: "sell its idle mill", "the idled plant"
    r"|\b(?:its|the|their|our|this|that|an?)\s+(?:[\w-]+\s+)?idled?\s+(?=(?:[\w,.-]+\s+){0,3}?"
    rf"\w*{FACILITY_NOUN}\b)"
    # past background told as a cause: "after a fire forced the company to suspend operations there"
    r"|\b(?:after|since|when|following)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:forced|caused|led|prompted"
    r"|required|compelled)\s+(?:[\w-]+\s+){0,3}?to\s+[\w-]+(?:\s+[\w-]+){0,3}"
    # groundbreaking for an expansion is the expansion: "broke ground on a $X expansion of its plant"
    r"|\b(?:break|breaks|broke|breaking|ground[- ]?breaking)(?:\s+ground)?\s+(?:\w+\s+){0,2}?(?:on|for|of)\s+"
    r"(?:a|an|the|its|their|our)\s+(?:[\w$.,-]+\s+){0,4}?(?=(?:expansion|addition|extension|enlargement)\b)"
    r"|\bclose\s+(?:to|by(?!\s+(?:the\s+)?(?:end|mid|early|late|first|second|third|fourth|last|year|spring|summer|fall|autumn|winter|\d|[A-Z]))|relationship|cooperation|collaboration|attention|ties)\b|\bclose[ds]?\s+(?:at|higher|lower)\b"
    # a share price's day, not a site's: "closed down 3%" ("close down the mill" closes it)
    r"|\bclose[ds]?\s+(?:up|down)\s+(?=[\d$\u20ac\u00a3]|by\b|sharply\b|slightly\b|\w+\s+(?:percent|cents?)\b)"
    r"|\bclos(?:e|ing)\s+of\s+(?:business|trading|the\s+(?:quarter|year|transaction|sale|acquisition|deal|merger|"
    r"offering|market|period|day|session))\b"
    # a deal, however qualified: "closed its previously announced $84 million acquisition of the mill"
    # (not past a site: "close its Scunthorpe plant next year" closes the plant)
    r"|\bclos(?:e|ed|es|ing)\s+(?:the|its|this|a|an|their|our)\s+"
    rf"(?:(?!(?:and|or|of|in|at)\b)(?!{_FACILITY}\b)[\w$.,-]+\s+){{0,4}}?"
    r"(?:quarter|year|transaction|deal|sale|acquisition|buyout|takeover|offering|financing|purchase|merger|round"
    r"|gap|loop|books?|agreement|contract)\b"
    r"|\bclosing\s+(?:price|date|conditions?|bell|remarks|statements?|costs?|of\s+the\s+(?:transaction|sale|deal|"
    r"acquisition|purchase|merger))\b"
    r"|\b(?:upon|at|after|before|following|prior\s+to)\s+(?:the\s+)?closing\b|\bcustomary\s+closing\b"
    r"|\b(?:transaction|sale|deal|acquisition|merger|offering|financing|purchase|agreement|divestiture)s?\s+"
    r"(?:is|are|was|were|has|have|will|to)?\s*(?:\w+\s+){0,3}?(?:close|closed|closing)\b"
    # a defined term names no deed: (the "Purchased Assets"), "the Acquired Business"
    r"|\b(?-i:Purchased|Acquired|Sold|Divested)\s+(?-i:[A-Z][a-z]+)\b(?![\w\s]{0,3}(?:Plant|Mill|Facility))"
    # the price or contract of a deal names no deed: "an asset purchase agreement", "the sale price"
    r"|\b(?:purchase|sale)\s+(?:price|agreement|consideration|obligations?|orders?|commitments?|contract)s?\b"
    r"|\bopen\s+(?:house|market|positions?|jobs|to|for\s+(?:questions|comment|public)|source|orders?|questions?|"
    r"-ended|ended|dialogue|communication|door|line)\b|\bopen(?:ing|ed)?\s+(?:remarks|statement|bid|price|offer)\b"
    r"|\bopen[- ]ended\b|\b(?:remains?|remained|stays?|stayed)\s+open\b|\bkeep\w*\s+(?:[\w.,\-]+\s+){0,6}?open\b"
    r"|\bopen\s+and\s+operating\b"
    r"|\bexpand(?:s|ed|ing)?\s+(?:its|our|the|their)\s+(?:\w+\s+)?(?:product\s+(?:line|portfolio|offering)|portfolio"
    r"|presence|relationship|partnership|offering|footprint\s+in\s+the\s+\w+\s+market|market\s+share|reach"
    r"|customer\s+base|agreement|team|board|credit|distribution\s+agreement)\b"
    r"|\bsell(?:s|ing)?\s+(?:its|their|our)?\s*products\b|\b(?:products?|goods|units|tons|tonnes|shares)\s+sold\b"
    r"|\bsold\s+(?:out|under|through|in\s+more)\b|\bbuy(?:s|ing)?\s+back\b|\bshare\s+(?:re)?purchases?\b"
    r"|\bpurchas\w+\s+(?:orders?|agreements?|price|accounting|commitments?|power)\b|\bresum\w*\s+(?:(?:its|the|our|their|a)\s+)?(?:\w+\s+)?(?:trading|dividends?|payments?|buybacks?|repurchases?"
    r"|guidance|talks|negotiations|discussions|hiring)\b"
    r"|\bcurtail\w*\s+(?:spending|costs?|expenses|capital|investment)\b|\bcapital\s+expenditures?\s+curtail\w*"
    r"|\bidle\s+(?:capacity|time|cash|funds?|talk)\b|\bdowntime\s+(?:costs?|expenses?)\b"
    r"|\b(?:maintenance|annual|routine|holiday|seasonal)\s+(?:maintenance\s+)?"
    r"(?:shut-?downs?|outages?|downtime|closures?|idling)\b"
    # the market's growth, told as a cause: "competitive paper capacity additions in Asia"
    r"|\b(?:competitive|competitors'?|industry|global|market|foreign|overseas|imported)\s+(?:[\w-]+\s+){0,2}?"
    r"capacity\s+(?:additions|increases|expansions)\b",
    re.I,
)

# every match of _FALSE_SENSES holds one of these (lowercase), so ASCII text without any has none
_FALSE_SENSE_NEEDLES = (
    "clos", "shut", "idle", "idling", "forced", "caused", "led", "prompted", "required", "compelled", "break",
    "broke", "open", "expand", "sell", "sold", "buy", "purchas", "resum", "curtail", "downtime", "outage",
    "capacity",
)  # fmt: skip


def _false_senses(sentence: str) -> list[tuple[int, int]]:
    """The spans of ``_FALSE_SENSES`` in the sentence, skipping the scan when no needle occurs."""
    low = needle_view(sentence)
    if not any(n in low for n in _FALSE_SENSE_NEEDLES):
        return []
    return [(f.start(), f.end()) for f in _FALSE_SENSES.finditer(sentence)]


_DETERMINER = re.compile(r"\b(?:the|this|that|its|our|their|today's|planned|announced)\s+$", re.I)
# a noun form with a proper name or a year between: "the Kankakee idling", "its 2009 closure"
_NAMED_DETERMINER = re.compile(
    r"\b(?:the|this|that|its|our|their)\s+(?-i:(?:[A-Z][\w.\-]*|\d{4})\s+){1,2}$", re.I
)
_NOUN_FORM = re.compile(r"(?:ing|ure|downs?|tion|sion)$", re.I)


# ("a sale-leaseback of its X plant" is a sale all the same)
_COMPOUND_AFTER = re.compile(r"-(?!(?:down|up|out|off|over|leaseback)\b)[a-z]")
# an event noun that only qualifies money: "mill closure charges of $28.8 million", "shutdown costs"
_MONEY_AFTER = re.compile(
    r"\s+(?:charges?|costs?|expenses?|reserves?|provisions?|accruals?|write-?downs?)\b", re.I
)


# ... or the money first: "an after-tax charge of $3.7 million relating to the closure of",
# "one-off costs totalling $19m in connection with the closure of"
_MONEY_BEFORE = re.compile(
    r"\b(?:charges?|costs?|expenses?|write-?downs?|impairments?|provisions?|reserves?|gains?|loss(?:es)?)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,70}?"
    r"\b(?:relat(?:ed|ing)\s+to|in\s+connection\s+with|associated\s+with|attributable\s+to|for)\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|our\s+|their\s+)?(?:[\w'\u2019.,-]+\s+){0,5}?$",
    re.I,
)


# the period's capital spending, told item by item
_CAPEX_BEFORE = re.compile(
    r"\b(?:capital\s+(?:spending|expenditures?)|capex)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,90}?\bfor\s+"
    r"(?:the\s+|an?\s+|its\s+|our\s+)?(?:[\w'\u2019.,-]+\s+){0,4}?$",
    re.I,
)


def find_triggers(sentence: str) -> list[Trigger]:
    """Event words in a sentence, left to right, with overlapping weaker matches removed."""
    wanted = sorted({i for w in set(_LETTERS.findall(sentence.lower())) for i in _word_specs(w)})
    if not wanted:
        return []
    masked = [False] * len(sentence)
    false_spans: list[tuple[int, int]] | None = None
    found: list[Trigger] = []
    for index in wanted:
        type_, rx, nominal = _COMPILED[index]
        for m in rx.finditer(sentence):
            if false_spans is None:
                false_spans = _false_senses(sentence)
            # the verb itself (group v, or v2 in a second alternative) when the pattern names it
            verb = next((g for g in ("v", "v2", "v3", "v4") if g in rx.groupindex and m.group(g)), None)
            s, e = m.span(verb) if verb else m.span()
            if any(masked[s:e]):
                continue
            # a false sense kills the words inside it only: "closed its acquisition of the mill"
            # is not a closure, but still an acquisition
            if any(fs <= s and e <= fe for fs, fe in false_spans):
                continue
            if _COMPOUND_AFTER.match(sentence, e):
                continue  # the first half of a hyphenated modifier: "closed-loop", "open-access"
            if _MONEY_AFTER.match(sentence, e) and type_ != "expanded":
                continue  # "Groveton mill closure charges": results reporting a cost, not an event
            if type_ in ("closed", "idled") and _MONEY_BEFORE.search(sentence, max(0, s - 160), s):
                continue  # "after-tax charges ... relating to a paper machine shutdown at X": its cost
            if type_ == "expanded" and _CAPEX_BEFORE.search(sentence, max(0, s - 160), s):
                continue  # "capital spending included $4 million for the expansion of X": a results line
            # "the idling", "its closing": a verb form used as a noun refers like a noun
            nominal = (
                nominal
                or bool(_DETERMINER.search(sentence, max(0, s - 20), s))
                or bool(
                    _NOUN_FORM.search(sentence, s, e)
                    and _NAMED_DETERMINER.search(sentence, max(0, s - 45), s)
                )
            )
            found.append(Trigger(type_, s, e, sentence[s:e], nominal))
            for i in range(s, e):
                masked[i] = True
    found.sort(key=lambda t: t.start)
    return found
