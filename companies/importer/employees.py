"""Head counts in a sentence: "approximately 310 hourly employees", "two hundred jobs".

A total for the whole company ("employees worldwide"), staff who stay, and a share "of its"
workforce are not the head count of the event.
"""

from __future__ import annotations

import re

from .dates import NUMBER_WORDS

_NUMWORD = "|".join(w for w in NUMBER_WORDS if len(w) > 2)
_EMPLOYEES = re.compile(
    rf"(?<![$\d.,])\b(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}}|{_NUMWORD})\s+(?:(?:[\w\-]+|and|,)\s+){{0,4}}?"
    r"(?P<noun>employees|workers|jobs|positions|people|staff(?:\s+members)?|team\s+members|associates"
    r"|personnel|roles|employees)\b",
    re.I,
)
_EMPLOYEES_STEMS = (
    "employ",
    "worker",
    "jobs",
    "position",
    "people",
    "staff",
    "member",
    "associate",
    "personnel",
    "roles",
)
_EMPLOYEES_TOTAL = re.compile(
    r"^\W*(?:\w+\s+){0,2}(?:worldwide|globally|company-?wide|across|around\s+the\s+world)", re.I
)
_EMPLOYEES_KEPT = re.compile(r"^\W*(?:\w+\s+){0,3}(?:will|would)\s+(?:stay|remain|continue|keep)\b", re.I)
_EMPLOYEES_OF = re.compile(r"\b(?:of|out\s+of)\s+(?:its|our|the\s+company's|their)\s+(?:total\s+)?$", re.I)


def employees_in(text: str) -> list[tuple[int, int]]:
    """(count, position) of head counts in ``text`` ("approximately 310 hourly employees")."""
    out: list[tuple[int, int]] = []
    low = text.lower()
    if not any(stem in low for stem in _EMPLOYEES_STEMS):
        return out
    for m in _EMPLOYEES.finditer(text):
        raw = m.group("n").replace(",", "")
        n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw.lower())
        if not n or (1900 <= n <= 2100 and "," not in m.group("n")):
            continue
        after = text[m.end() : m.end() + 40]
        if (
            _EMPLOYEES_TOTAL.match(after)
            or _EMPLOYEES_KEPT.match(after)
            or _EMPLOYEES_OF.search(text[: m.start()])
        ):
            continue
        out.append((n, m.start()))
    return out
