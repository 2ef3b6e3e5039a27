"""Score extraction against the shared real-release corpus's label format: pure, no database.

That corpus (``shared/corpus/<name>/labels.json``) is a list of entries::

    {"file": "000-x.txt", "company": "Acme, Inc.", "date": "2016-05-24",
     "events": [{"type": "close", "city": "Azusa", "city_alt": ["..."], "region": "CA",
                 "country": "US", ...}]}

and its scorer is more lenient than ours (``evaluation``), because real labels are: an event
matches on type, city (or one of its alternates, folded to ASCII words) and country, and on the
region only when both sides give one; a ``relocate`` label is the closing of the site that is
left; the issuer matches when one folded name contains the other, legal suffixes aside. These
rules mirror ``shared/tools/score_extraction.py`` so that ``make evaluate-real`` prints the
figures the issue and the stop hook quote.

A *held-out* file is scored like the others but its misses are never listed: its texts are
read only through their score, so the rules cannot be fitted to them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from . import places
from .evaluation import Score
from .lexicon import EVENT_TYPE_OF_LABEL

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_SAINT = re.compile(r"\bst\.?\s")
# The shared scorer's own, narrower list (not the extractor's lexicon): figures must agree with it.
_SUFFIX_WORDS = re.compile(
    r"\b(?:incorporated|inc|corp|corporation|co|company|ltd|limited|llc|plc|ag|sa|nv|se|group|holdings?|the)\b"
)


def fold(text: str | None) -> str:
    """ASCII words, lower case: "Saint-Félicien" and "St. Felicien" are the same place."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().casefold()
    return _NOT_WORD.sub(" ", _SAINT.sub("saint ", text)).strip()


def region_letters(region: str | None, country: str | None) -> str | None:
    """The subdivision part of a region, whatever way it is written ("US-CT", "CT", "Conn.")."""
    if not region:
        return None
    region = region.strip()
    if "-" in region and len(region) <= 6:
        return region.split("-", 1)[1].upper()
    if re.fullmatch(r"[A-Za-z0-9]{1,3}", region):
        return region.upper()
    code = places.region_code(region, (country or "").upper() or None)
    return code.split("-", 1)[1] if code else fold(region).upper()


def company_key(name: str | None) -> str:
    return " ".join(_SUFFIX_WORDS.sub(" ", fold(name)).split())


def same_company(label: str, predicted: str | None) -> bool:
    want, got = company_key(label), company_key(predicted)
    return bool(got) and (want == got or want in got or got in want)


@dataclass(frozen=True)
class _Gold:
    type: str
    cities: frozenset[str]
    country: str
    region: str | None


@dataclass(frozen=True)
class _Got:
    type: str
    city: str
    country: str
    region: str | None


def _gold(event: Mapping) -> _Gold:
    country = (event.get("country") or "").upper()
    cities = [event.get("city"), *(event.get("city_alt") or [])]
    return _Gold(
        EVENT_TYPE_OF_LABEL.get(event.get("type"), event.get("type")),
        frozenset(fold(c) for c in cities if c),
        country,
        region_letters(event.get("region"), country),
    )


def _got(event: Mapping) -> _Got:
    country = (event.get("country") or "").upper()
    return _Got(
        EVENT_TYPE_OF_LABEL.get(event.get("type"), event.get("type")),
        fold(event.get("locality")),
        country,
        region_letters(event.get("region"), country),
    )


def _matches(gold: _Gold, got: _Got) -> bool:
    same_type = got.type == gold.type or (gold.type == "relocate" and got.type == "close")
    if not same_type or got.city not in gold.cities or got.country != gold.country:
        return False
    return not (gold.region and got.region and gold.region != got.region)


@dataclass
class FileResult:
    file: str
    score: Score
    misses: list[_Gold] = field(default_factory=list)
    extras: list[_Got] = field(default_factory=list)
    company: tuple[str, str | None] | None = None  # (label, got) when wrong
    date: tuple[str, str | None] | None = None  # (label, got) when wrong
    company_ok: bool | None = None
    date_ok: bool | None = None
    # counts by event type: a hit and a miss under the label's type, an extra under the extractor's
    by_type: dict[str, Score] = field(default_factory=dict)

    def _count(self, type_: str, attr: str) -> None:
        score = self.by_type.setdefault(type_, Score())
        setattr(score, attr, getattr(score, attr) + 1)


def correct_flags(label: Mapping, predicted: Mapping) -> list[bool]:
    """For each predicted event, in order, whether it matches a labelled one (one to one)."""
    golds = [_gold(e) for e in label.get("events") or []]
    used: set[int] = set()
    flags: list[bool] = []
    for event in predicted.get("events") or []:
        got = _got(event)
        hit = next((i for i, g in enumerate(golds) if i not in used and _matches(g, got)), None)
        if hit is not None:
            used.add(hit)
        flags.append(hit is not None)
    return flags


def score_file(label: Mapping, predicted: Mapping) -> FileResult:
    """One release: events matched greedily one to one; duplicate predictions count once."""
    result = FileResult(label["file"], Score())
    got = list(dict.fromkeys(_got(e) for e in predicted.get("events") or []))
    used: set[int] = set()
    for gold in map(_gold, label.get("events") or []):
        hit = next((i for i, g in enumerate(got) if i not in used and _matches(gold, g)), None)
        if hit is None:
            result.score.fn += 1
            result.misses.append(gold)
            result._count(gold.type, "fn")
        else:
            used.add(hit)
            result.score.tp += 1
            result._count(gold.type, "tp")
    result.extras = [g for i, g in enumerate(got) if i not in used]
    result.score.fp += len(result.extras)
    for extra in result.extras:
        result._count(extra.type, "fp")
    if label.get("company"):
        company = predicted.get("company")
        name = company.get("name") if isinstance(company, Mapping) else company
        result.company_ok = same_company(label["company"], name)
        if not result.company_ok:
            result.company = (label["company"], name)
    if label.get("date"):
        result.date_ok = predicted.get("published") == label["date"]
        if not result.date_ok:
            result.date = (label["date"], predicted.get("published"))
    return result


@dataclass
class Tally:
    """Totals over a set of releases: event counts, issuer and date accuracy."""

    releases: int = 0
    events: Score = field(default_factory=Score)
    company_ok: int = 0
    company_n: int = 0
    date_ok: int = 0
    date_n: int = 0
    by_type: dict[str, Score] = field(default_factory=dict)

    def add(self, result: FileResult) -> None:
        self.releases += 1
        self.events.add(result.score)
        for type_, score in result.by_type.items():
            self.by_type.setdefault(type_, Score()).add(score)
        if result.company_ok is not None:
            self.company_n += 1
            self.company_ok += result.company_ok
        if result.date_ok is not None:
            self.date_n += 1
            self.date_ok += result.date_ok

    def line(self, name: str) -> str:
        e = self.events

        def ratio(ok: int, n: int) -> str:
            return f"{ok}/{n} = {ok / n:.2f}" if n else "n/a"

        return (
            f"{name}: {self.releases} releases, event F1 {e.f1:.3f} (P {e.precision:.3f} R {e.recall:.3f}; "
            f"tp {e.tp} fp {e.fp} fn {e.fn}); issuer {ratio(self.company_ok, self.company_n)}; "
            f"date {ratio(self.date_ok, self.date_n)}"
        )

    def types_line(self) -> str:
        """Event counts by type (scores only, so held-out releases may be shown this way too)."""
        return "  by type: " + "; ".join(
            f"{type_} tp {s.tp} fp {s.fp} fn {s.fn}" for type_, s in sorted(self.by_type.items())
        )


def tally(results: Iterable[FileResult]) -> Tally:
    total = Tally()
    for result in results:
        total.add(result)
    return total


def describe(result: FileResult) -> list[str]:
    """The misses of one release, one line each (never called for held-out releases)."""

    def show(e) -> str:
        city = "|".join(sorted(e.cities)) if isinstance(e, _Gold) else e.city
        return f"({e.type}, {city}, {e.region or '-'}, {e.country or '-'})"

    lines = [f"  miss {result.file}: {show(g)}" for g in result.misses]
    lines += [f"  extra {result.file}: {show(g)}" for g in result.extras]
    if result.company:
        lines.append(f"  issuer {result.file}: want {result.company[0]!r}, got {result.company[1]!r}")
    if result.date:
        lines.append(f"  date {result.file}: want {result.date[0]}, got {result.date[1]}")
    return lines
