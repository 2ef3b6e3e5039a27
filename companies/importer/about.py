"""What the company makes and for whom, as its About section words it.

"a manufacturer of X", "Its products include X", "serving the Y industries": the phrase after
the first pattern that matches, most specific first. Shown on the company's page as written.
"""

from __future__ import annotations

import re

from .issuer import clean_name

_PRODUCTS = [  # most specific first: "a manufacturer of X" usually opens the About text
    re.compile(
        r"\b(?:is|are)\s+(?:a|an|the|one of the)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:manufacturers?|producers?|makers?|suppliers?|providers?|marketers?|distributors?|fabricators?)"
        r"(?:\s+(?:and|&)\s+(?:[\w-]+\s+){0,2}?(?:manufacturers?|producers?|makers?|suppliers?|providers?|"
        r"marketers?|distributors?))?"
        r"\s+of\s+(?P<x>[^.;]{3,200}?)(?=,\s+(?:for|serving|with|based|headquartered|which)\b|\s+for\s+|"
        r"\s+(?:serving|to\s+the|used\s+in)\b|[.;]|$)"
    ),
    re.compile(
        r"\b(?:Its|Our|The Company's|The company's)\s+products\s+include\s+(?P<x>[^.;]{3,200}?)"
        r"(?=\s+(?:and\s+are|which|that)\b|[.;]|$)"
    ),
    re.compile(r"\b(?:manufactures|produces|makes|supplies)\s+(?P<x>[^.;]{3,160}?)(?=\s+for\s+|[.;,]|$)"),
]
_MARKETS = [
    re.compile(
        r"\b(?:in|to|for|serving|serves)\s+the\s+(?P<x>[^.;]{3,200}?)\s+"
        r"(?:industries|markets|sectors|end[- ]markets|industry|market|sector)\b"
    ),
    re.compile(r"\bmarkets\s+(?:include|such as)\s+(?P<x>[^.;]{3,200})"),
]


def products_and_markets(about: str) -> tuple[str | None, str | None]:
    """What the company makes and for whom, as the About section words it."""
    products = markets = None
    for rx in _PRODUCTS:
        m = rx.search(about)
        if m:
            products = clean_name(m.group("x"))
            break
    for rx in _MARKETS:
        m = rx.search(about)
        if m:
            markets = clean_name(m.group("x"))
            break
    return products, markets
