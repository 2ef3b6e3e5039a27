"""When an event takes effect: the date its sentence gives it, and which of two dates wins.

A date counts for an event when it stands in the event word's clause (nearest after the word,
else before it) or is introduced by "effective", "by", "on" ... elsewhere in the sentence.
Dates of results, charges and comparisons ("compared to the third quarter") never do, and a
year alone dates the event for ordering without naming a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .clauses import Clause, inside
from .dates import DateMention, date_mentions
from .modality import FUTURE_CONTEXT, PAST_FORMS
from .triggers import Trigger

EFFECTIVE_PREP = re.compile(
    r"\b(?:effective|by|beginning|starting|as\s+of|on|until|in|during)\s+(?:the\s+)?(?:end\s+of\s+)?(?:the\s+)?$",
    re.I,
)
_NOT_EFFECTIVE = re.compile(
    r"\b(?:since|ended|ending|compared\s+(?:to|with)|results?\s+for)\s+(?:the\s+)?$"
    r"|\b(?:record\w*|charges?|costs?|results?|reported|earnings|savings|expenses?|impairment|dividend|payable)\b"
    r"(?:\s+[\w$.,-]+){0,6}\s+(?:in|during|for|by)\s+(?:the\s+)?$",
    re.I,
)
_TODAY = re.compile(r"\btoday\b", re.I)
_ANNOUNCED_TODAY = re.compile(
    r"\b(?:announc\w*|sa(?:id|ys)|report\w*|confirm\w*|disclos\w*|reveal\w*|unveil\w*|is\s+pleased\s+to\s+announce)"
    r"\s+today\b|\btoday\s+(?:announc\w*|sa(?:id|ys)|report\w*|confirm\w*|disclos\w*|unveil\w*|reveal\w*|informed|named)",
    re.I,
)
_PAST_CONTEXT = re.compile(r"\b(?:completed|finished|concluded|was|were|had|has\s+been)\b", re.I)


@lru_cache(maxsize=512)
def _dates_in(text: str, published: date | None, past: bool) -> tuple[DateMention, ...]:
    """date_mentions, once per sentence: every event word of a sentence asks for them."""
    return tuple(date_mentions(text, published, past=past))


@dataclass(frozen=True, slots=True)
class Effective:
    value: date
    exact: bool  # a stated day, not the end of a stated period
    year_only: bool = False  # "in 2012": dates the event for ordering and history, but names no day


# "in 2012", "during fiscal 2012": a year alone, which is not 31 December of that year
_YEAR_ALONE = re.compile(r"^(?:by|in|during|for)\s+(?:fiscal\s+|calendar\s+)?(?:19|20)\d\d$", re.I)

EXACT_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?$|^\d{1,2}\s|^\d{4}-\d\d-\d\d$|^today$", re.I)


def effective_date(
    text: str, clause: Clause, trig: Trigger, published: date | None, skip: list[tuple[int, int]] = ()
) -> Effective | None:
    """The date the event takes effect: the date nearest after the event word in its clause,
    else before it, else one introduced by "effective", "by", "on"... elsewhere in the sentence.
    Dates in ``skip`` spans (relative clauses about something else) do not count."""
    before = text[clause.start : trig.start]
    scope = text[clause.start : clause.end]
    past = bool(
        (PAST_FORMS.search(trig.text) or _PAST_CONTEXT.search(before)) and not FUTURE_CONTEXT.search(scope)
    )
    mentions = [
        d
        for d in _dates_in(text, published, past)
        if not _NOT_EFFECTIVE.search(text, max(0, d.start - 90), d.start)
        and inside(list(skip), d.start) is None
    ]
    if published is not None:
        # "opened its new plant in Gyor today" dates the event; "today announced" does not
        for m in _TODAY.finditer(text, clause.start, clause.end):
            if not _ANNOUNCED_TODAY.search(text[max(0, m.start() - 40) : m.end() + 40]):
                mentions.append(DateMention(published, m.start(), m.end(), m.group(0)))
    in_clause = [d for d in mentions if clause.start <= d.start < clause.end]
    pool = in_clause or [d for d in mentions if EFFECTIVE_PREP.search(text, max(0, d.start - 40), d.start)]
    if not pool:
        return None
    after = [d for d in pool if d.start >= trig.end]
    best = min(after, key=lambda d: d.start - trig.end) if after else max(pool, key=lambda d: d.start)
    return Effective(
        best.value, EXACT_DAY.search(best.text) is not None, year_only=bool(_YEAR_ALONE.match(best.text))
    )


def merge_effective(type_: str, a: Effective | None, b: Effective | None) -> Effective | None:
    """Two dates for one event: the first stated, except for closures, which take effect at
    their last step ("production will end in August ... close completely by December"); a
    stated day beats the end of a period around it ("in the fourth quarter" ... "on December 15")."""
    if a is None or b is None:
        return a or b
    if abs((a.value - b.value).days) <= 92 and a.exact != b.exact:
        return a if a.exact else b
    if type_ == "closed":
        return a if a.value >= b.value else b
    return a
