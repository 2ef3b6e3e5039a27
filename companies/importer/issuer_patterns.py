"""The shapes of an issuer's name in a release: the exchanges and ticker tags that follow it, and
the grammar of a company's name as the subject of a sentence. ``issuer`` reads them.

Pure regex work; names are package-private (the leading underscore).
"""

from __future__ import annotations

import re

from .lexicon import COMPANY_SUFFIX, HEADLINE_VERBS, LEGAL_SUFFIX

_EXCHANGE = (
    r"Pink\s+Sheets|Pink\s+OTC\s+Markets|OTC\s+Pink|OTCQX|OTCQB|OTC\s*BB|OTCBB|OTC\s+Bulletin\s+Board|OTC\s+Markets|OTC"
    r"|NYSE\s+(?:American|Amex|Arca|MKT|Alternext)|NYSE|New\s+York\s+Stock\s+Exchange"
    r"|NASDAQ(?:\s*(?:GS|GM|CM|Global\s+Select(?:\s+Market)?|Global(?:\s+Market)?|Capital(?:\s+Market)?))?"
    r"|Nasdaq(?:GS|GM|CM)?"
    r"|AMEX|American\s+Stock\s+Exchange|TSX[- ]?V(?:enture)?|TSX\s+Venture(?:\s+Exchange)?|TSX|TSE|CSE|NEO"
    r"|LSE|AIM|ASX|Euronext(?:\s+[A-Z]\w+)?|Xetra|FWB|Frankfurt|SIX|OMX|JSE|HKEX|SGX|BSE|NSE|BME|Borsa\s+Italiana"
    r"|Bolsa\s+de\s+Madrid|Oslo\s+B\w+|Nasdaq\s+(?:Stockholm|Helsinki|Copenhagen)|WSE|TASE"
    r"|TYO|Tokyo(?:\s+Stock\s+Exchange)?|BMV|B3|Bovespa|KRX|KOSPI|TWSE|NZX|SSE|SZSE"
)
_TICKER_TAG = re.compile(
    rf"\(\s*(?:(?P<exchange>{_EXCHANGE})\s*:\s*|(?:ticker|symbol|stock\s+code)\s*:?\s*)(?P<ticker>(?(exchange)[A-Z0-9]|[A-Z])[A-Z0-9.\-]{{0,9}}(?:\s[A-Z](?=\s*\)))?)"
    r"[^)]{0,80}\)",
    re.I,
)
_SHORT_NAME_AFTER = re.compile(r"(?:\s*\((?:the\s+)?[\"'“]?[A-Z][\w&.\-]{0,20}[\"'”]?\))+\s*,?\s*$")
_SUFFIX = COMPANY_SUFFIX  # legal forms and name tails, from the one lexicon
_NAME_WORD = r"(?:[A-Z0-9][\w&'.\-]*|&|and|of|de|du|la|the|The|for)"
# A name: capitalised words, optionally ", Inc." style suffix. Lowercase joiners are allowed
# inside ("Bank of America", "Procter & Gamble") but not at the ends.
_NAME = re.compile(
    rf"(?P<name>(?:The\s+)?[A-Z0-9][\w&'.\-]*(?:\s+{_NAME_WORD}){{0,7}}?(?:,?\s+(?:{_SUFFIX}))*)\s*$"
)
# two companies, each with its legal form, announcing together (the first is the issuer)
_JOINT_NAMES = re.compile(
    rf"(?P<name>[A-Z0-9][\w&'.\-]*(?:\s+{_NAME_WORD}){{0,5}}?,?\s+(?:{_SUFFIX}))\s+and\s+"
    rf"[A-Z0-9][\w&'.\-]*(?:\s+{_NAME_WORD}){{0,5}}?(?:,?\s+(?:{_SUFFIX}))+\s*$"
)
_GROUP_COMPANY = re.compile(
    rf",\s+an?\s+(?P<name>[A-Z0-9][\w&'.\-]*(?:\s+{_NAME_WORD}){{0,5}}?)\s+(?:company|subsidiary|business)\s*,?\s*$"
)
# The subject of the first sentence, before its verb or an apposition; possessive subjects count
# ("Acme, Inc.'s new plant in X has begun production").
_SUBJECT = re.compile(
    rf"^(?:the\s+)?(?P<name>(?:The\s+)?[A-Z0-9][\w&'.\-]*(?:\s+{_NAME_WORD}){{0,7}}?(?:,?\s+(?:{_SUFFIX}))*)"
    # (an adverb may come between: "Acme proudly announces")
    # (news copy puts the day before the verb: "Acme on Thursday said")
    r"(?=\s*(?:\(|,\s+(?:a|an|the|one|which|through|together|based|headquartered|has|have|is|was|will)\b|'s\s|\s+(?:on\s+\w+day\s+)?(?:[a-z]+ly\s+)?(?:today|yesterday|has|have|had|is|was|will"
    r"|said|says|disclosed|officially|recently|and\s+its|" + "|".join(sorted(HEADLINE_VERBS)) + r")\b))"
)
_SUBJECT_THEN_VERB = re.compile(
    # (its management may speak for it: "..., the management of Acme informed its plants")
    r"(?:the\s+(?:management|board(?:\s+of\s+directors)?|executive\s+board)\s+of\s+)?"
    rf"(?P<name>[A-Z0-9][\w&'.\-]*(?:\s+{_NAME_WORD}){{0,5}}?(?:,?\s+(?:{_SUFFIX}))*)"
    r"\s+(?:[a-z]+ly\s+)?(?:has|have|had|is|was|will|said|says|today|informed|advised|notified|"
    + "|".join(sorted(HEADLINE_VERBS))
    + r")\b"
)
# A subject that ends in a legal form ("Acme Widgets, Inc.") is a company whatever verb follows it
# ("broke ground", "celebrated", "marked"): the form itself says it is a name.
# (trade papers put the seat after the name: "Acme Paper Inc., Montreal, Que., Canada, this week announced")
_SUFFIXED_SUBJECT = re.compile(
    rf"^(?P<name>(?:The\s+)?[A-Z0-9][\w&'.\-]*(?:\s+{_NAME_WORD}){{0,7}}?(?:,?\s+(?:{LEGAL_SUFFIX}))+)"
    r"(?:,\s+[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,2}){0,3}"
    r"(?=,?\s+(?:[a-z]{3,}|also|today)\b)"
)
