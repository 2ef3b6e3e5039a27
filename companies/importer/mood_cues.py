"""The words that negate or hedge an event word, or say it was only reported: "not", "may",
"would" (and when "would" is a reported "will"), a condition after it ("if demand improves"),
a date put off, consultations the law requires, a deal called off. ``modality`` reads them
around each event word. Pure regex work; names are package-private (the leading underscore).
"""

from __future__ import annotations

import re

_NEGATION = re.compile(
    # "No. 2 machine", "no. 3 line": a number sign, not a negation
    r"\b(?:not|no(?!\.?\s*\d)|never|nor|neither|without|rather\s+than|instead\s+of|avoid\w*|prevent\w*|den(?:y|ies|ied)"
    r"|rumou?r\w*|speculat\w*|contrary|reject\w*|revers\w*|cancel\w*|abandon\w*|postpone\w*|delay\w*"
    r"|suggest\w*|alleg\w*|purport\w*|reportedly|unfounded|inaccurate|untrue)\b|n't\b",
    re.I,
)

_HEDGE = re.compile(
    r"\b(?:may|might|could|should|consider\w*|evaluat\w*|explor\w*|review\w*|assess\w*|stud(?:y|ies|ying)"
    r"|possib\w+|potential\w*|option\w*|alternatives?|whether|if|unless|in\s+the\s+event|seek\w*|look\w*\s+for"
    r"|for\s+sale|hope\w*|aim\w*|talks|discussions?|negotiat\w*|letter\s+of\s+intent"
    r"|non-binding|feasibility|contemplat\w*|weigh\w*|would|interest(?:ed)?\s+in"
    # a purpose or a capability is not a deed: "land for future expansion", "will allow us to expand"
    r"|future|enabl\w*|allow\w*|help\w*|position\w*\s+(?:\w+\s+)?to|room\s+(?:for|to))\b",
    re.I,
)

_HEDGE_AFTER = re.compile(
    r"\b(?:for\s+sale|if|unless|should\s+(?:market|demand|conditions|order)|once\s+(?:\w+\s+){0,3}"
    r"(?:recover|improve|return|stabili[sz]e)\w*|when\s+(?:\w+\s+){0,3}(?:recover|improve|return|warrant)\w*"
    r"|as\s+(?:market\s+)?conditions\s+warrant"
    r"|(?:as\s+soon\s+as|whenever|once|when)\s+(?:\w+\s+){0,4}(?:allow|permit|warrant|justify|support)\w*"
    r"|depend(?:s|ing|ent)?\s+on|subject\s+to\s+(?:market|demand|customer|order))\b",
    re.I,
)

# an event whose date is put off: "the start-up of the expansion ... to be delayed until June"
_PUT_OFF_AFTER = re.compile(
    r"\b(?:to\s+be|is\s+being|has\s+been|will\s+be)\s+(?:further\s+)?(?:delayed|postponed|deferred)\b", re.I
)

# reported speech is an announcement, not a conditional: "said it would close"
_REPORTED = re.compile(
    r"\b(?:said|announced|confirmed|stated|indicated|disclosed)\s+(?:(?:on\s+)?(?:today|yesterday|\w+day)\s+)?"
    r"(?:that\s+)?(?:it|the\s+company|they|we)\s+would\b",
    re.I,
)

# a verb that reports what was said: the "would" after it is a backshifted "will"
_REPORTING_VERB = re.compile(
    r"\b(?:said|announced|confirmed|stated|indicated|disclosed|noted|added|explained|told)\b", re.I
)

_EARLIER_REPORT = re.compile(
    r"\b(?:earlier|previously|last\s+(?:year|month|week|quarter)|in\s+(?:19|20)\d\d)\b", re.I
)

# capability, not announcement: "where we can expand"
_CAN = re.compile(r"\bcan(?:not)?\s+(?:\w+\s+)?$", re.I)

# consultations the law requires once a plan is decided (Nordic "change negotiations", works
# councils, unions): the plan is the news, the consultation is not a hedge on it
_CONSULTATION = re.compile(
    r"\b(?:change|co-?operation|co-?determination|statutory|employee|union|works\s+council|labou?r)\s+"
    r"(?:negotiations?|consultations?|talks)\b"
    r"|\b(?:negotiations?|consultations?|talks|discussions?)\s+with\s+(?:the\s+)?(?:\w+\s+){0,2}?"
    r"(?:employee\s+representatives|representatives|works\s+councils?|unions?|employees|staff)\b"
    # talks that are over, the decision their outcome: "As a result of the negotiations Acme will close"
    r"|\b(?:as\s+a\s+result\s+of|following|after|upon|on\s+completion\s+of|at\s+the\s+end\s+of)\s+"
    r"(?:the|these|those)\s+(?:\w+\s+){0,2}?(?:negotiations?|talks|discussions?|consultations?)\b",
    re.I,
)

# a ticker tag names an exchange, whose words are no hedge: "Acme (AIM: ACM) announces"
_TICKER_TAG = re.compile(r"\((?:[A-Z][\w.&\- ]{0,30}:\s*[A-Z0-9.\-]{1,12}[;,]?\s*)+\)")

# a negation inside an aside, with the verb of the event after it: "the site, together with
# equipment not required by the group, was sold"; "the plant, not the warehouse, will close"
_NEGATION_IN_ASIDE = re.compile(
    r"(?:\b(?:not|no|never)\b|n't)[^,]*,(?![^,]*\b(?:not|no|never)\b)[^,]*"
    r"\b(?:was|were|is|are|will|would|has|have|had|shall|be|been)(?:\s+\w+ly)?(?:\s+be|\s+been)?\s*$",
    re.I,
)

# a deal called off: "announced termination of the previously announced agreement for the sale of"
_CALLED_OFF = re.compile(
    r"\bterminat\w*\s+(?:of\s+)?(?:the\s+|its\s+|an?\s+)?(?:[\w-]+\s+){0,3}?(?:agreement|contract|deal)"
    r"\s+(?:for|to)(?:\s+the)?\s*$",
    re.I,
)


# a role word that only describes the sentence's own subject, named right after it, names no
# other party:
# "The German automotive supplier Brose plans to close" (not "Its customer Birch Motors will")
_ROLE_DESCRIBES_SUBJECT = re.compile(
    r"\s*(?!(?:its|our|their|his|her|a|an|one|another|other|the\s+company's)\b)(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    # (the name may stand between commas: "Semiconductor supplier, Acme Electronics, says that it will")
    r"(?:suppliers?|customers?|clients?|competitors?|rivals?),?\s+(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,3}"
    r",?\s+(?:\w+\s+){0,4}$",
    re.I,
)

# a sentence that sums up what was done so far: "To date, Acme has implemented measures, including ..."
_TO_DATE = re.compile(r"\s*[\"\u201c]?(?:to\s+date|so\s+far|until\s+now|in\s+recent\s+years)\s*,", re.I)
