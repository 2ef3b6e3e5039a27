"""The extractor's vocabulary, each word in one place: legal suffixes, facility nouns, event words.

Other modules build their patterns from these lists instead of spelling the words again, so a
word added here is known to the issuer finder, the event finder, the place finder and the
company matcher at once. Pure data and the regex fragments made from it; no logic.
"""

from __future__ import annotations

import re

# --- company names ---------------------------------------------------------------------------

# Legal forms written after a company's name, as releases spell them (dotted and undotted).
LEGAL_SUFFIXES: tuple[str, ...] = (
    "Inc.", "Inc", "Incorporated", "Corp.", "Corp", "Corporation", "Company", "Co.", "Cos.", "Ltd.", "Ltd",
    "Limited", "LLC", "L.L.C.", "L.P.", "LP", "plc", "PLC", "p.l.c.", "AG", "SA", "S.A.", "SE", "NV",
    "N.V.", "B.V.", "BV", "GmbH", "S.p.A.", "SpA", "AB", "ASA", "A/S", "Oyj", "Oy", "KGaA", "KG", "ULC",
    "U.A.", "UA", "e.G.", "eG", "AS", "ApS", "S.r.l.", "Srl", "S.A.S.", "SAS", "SARL", "Pty Ltd",
    "Pty. Ltd.", "K.K.", "S.L.", "S.A.B. de C.V.", "de C.V.", "Cooperative", "Co-op",
)  # fmt: skip
# Words that end many company names but are not legal forms; a name may carry several.
NAME_TAIL_WORDS: tuple[str, ...] = ("Group", "Holdings", "Holding", "Industries", "Enterprises", "Partners")


def _alternation(forms: tuple[str, ...]) -> str:
    escaped = (re.escape(f).replace(r"\ ", r"\s+") for f in sorted(set(forms), key=len, reverse=True))
    return "|".join(escaped)


# "Inc.|Corporation|..." longest first, for regexes that read a name and its legal form
LEGAL_SUFFIX = _alternation(LEGAL_SUFFIXES)
COMPANY_SUFFIX = _alternation(LEGAL_SUFFIXES + NAME_TAIL_WORDS)
# lower-case, dot-free forms, for comparing names ("International Wire Group, Inc." ~ "International Wire")
LEGAL_SUFFIX_WORDS: frozenset[str] = frozenset(
    re.sub(r"[^a-z0-9]", "", form.lower()) for form in LEGAL_SUFFIXES + NAME_TAIL_WORDS
) - {""}

# --- event types -----------------------------------------------------------------------------

# Event types as the extractor and the models name them, and as corpus labels name them.
EVENT_TYPES: tuple[str, ...] = ("opened", "expanded", "idled", "reopened", "closed", "sold", "acquired")
EVENT_TYPE_OF_LABEL: dict[str, str] = {
    **{t: t for t in ("open", "expand", "idle", "reopen", "close", "sell", "acquire", "relocate")},
    "opened": "open", "expanded": "expand", "idled": "idle", "reopened": "reopen", "closed": "close",
    "sold": "sell", "acquired": "acquire", "relocated": "relocate",
}  # fmt: skip
