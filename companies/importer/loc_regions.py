"""Where a sentence writes a place as "Locality, Region": the comma is rare, so it is found
first and the words on either side are read ("Jewett City, Connecticut", "Lüdenscheid (North
Rhine-Westphalia)"). ``spans`` decides what each pair is.
"""

from __future__ import annotations

import re

from .lexicon import LEGAL_SUFFIX
from .place_names import _LOCALITY, _REGION

# the comma is what is rare: find it first, then read the words on either side
_COMMA_CAP = re.compile(
    r",\s*(?=[A-Z])|\s+\((?=[A-Z][^()]{1,40}\))"
)  # "Lüdenscheid (North Rhine-Westphalia)"


_LOC_BEFORE_COMMA = re.compile(rf"(?<![\w'\-.])(?P<loc>{_LOCALITY})\s*$")


_REGION_AFTER_COMMA = re.compile(_REGION)


class _LocRegion:
    """A "Locality, Region" match with the group API find_mentions uses."""

    __slots__ = ("_spans", "_text")

    def __init__(self, text: str, loc: tuple[int, int], reg: tuple[int, int]):
        self._text, self._spans = text, {"loc": loc, "reg": reg}

    def group(self, name: str) -> str:
        s, e = self._spans[name]
        return self._text[s:e]

    def start(self, name: str) -> int:
        return self._spans[name][0]


_LEGAL_FORM_END = re.compile(rf"\s(?:{LEGAL_SUFFIX})$")


def _loc_regions(sentence: str) -> list[_LocRegion]:
    out = []
    for c in _COMMA_CAP.finditer(sentence):
        lb = max(0, c.start() - 60)
        loc = _LOC_BEFORE_COMMA.search(sentence, lb, c.start())
        if loc is None or _LEGAL_FORM_END.search(loc.group("loc")):
            continue  # "from MeadWestvaco Corporation, AR Packaging announces": a company, not a town
        reg = _REGION_AFTER_COMMA.match(sentence, c.end())
        if reg is None:
            continue
        out.append(_LocRegion(sentence, loc.span("loc"), reg.span()))
    return out
