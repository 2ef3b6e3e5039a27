"""Duplicates of a release, found before a second copy is stored.

Two kinds (``companies.importer.fingerprint`` says what a release's text is):

* **the same release**: the same body words once page chrome, wire tags, whitespace and the
  About/contact blocks are set aside (``Release.content_hash``, unique), or the same words
  throughout however they are spaced (``Release.words_hash``). Such a copy is never stored
  twice: importing it returns the stored release ("already imported") and the admin form
  refuses it, naming the stored one.
* **nearly the same release** (a corrected re-issue, a reprint that cut or added a paragraph):
  most of the shorter body's five-word shingles are in the other (``NEAR_DUPLICATE_OVERLAP``), or
  the headline and the date are the same. The import stores it and flags it for the editor
  (``Release.duplicate_of``, a warning in the results); the admin add form shows it and asks
  the editor to confirm before storing.

Cost is bounded: a release is compared only with releases of the same issuer within
``SAME_ISSUER_DAYS`` of its date, or of the same date (both indexed), at most
``CANDIDATES_MAX`` of them, each read once (about 3 ms a release).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q

from ..importer.fingerprint import Fingerprint, fingerprint, shingles
from ..models import Release

NEAR_DUPLICATE_OVERLAP = 0.6
"""Share of the shorter body's shingles found in the other body from which two releases are
near-duplicates. Measured on the 209 labelled releases of tests/data (``manage.py
measure_duplicates tests/data/*/``): two different releases share at most 0.126; a copy with a
figure corrected at least 0.94, a sentence rewritten 0.83, a paragraph dropped 0.95. The
threshold sits between, nearer the different releases' side: a false alarm costs the editor a
glance, a miss a second set of proposals."""

MIN_SHINGLES = 20
"""A body shorter than this many shingles counts as this long, so a few shared words between
two short texts are not "most of" either."""

SAME_ISSUER_DAYS = 45
"""A re-issue or a reprint follows its release within weeks."""

CANDIDATES_MAX = 200


@dataclass(frozen=True)
class NearDuplicate:
    """A stored release that nearly repeats the text being checked."""

    release: Release
    overlap: float
    same_headline: bool = False

    @property
    def why(self) -> str:
        """ "96% of the text", "the same headline and date", or both."""
        parts = [f"{self.overlap:.0%} of the text"] if self.overlap >= NEAR_DUPLICATE_OVERLAP else []
        return ", ".join([*parts, "the same headline and date"] if self.same_headline else parts)

    def describe(self) -> str:
        return f"release #{self.release.pk} \u201c{self.release.headline}\u201d ({self.why})"


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of the shorter shingle set found in the other (1.0: one text contains the other)."""
    if not a or not b:
        return 0.0
    return len(a & b) / max(min(len(a), len(b)), MIN_SHINGLES)


def release_same_text(*, body: str, exclude_pk: int | None = None) -> Release | None:
    """The stored release with the same text, if any: the same body words (``content_hash``),
    or the same words throughout however spaced (``words_hash``). Two indexed look-ups."""
    from ..models.release import content_hash, words_hash

    same = Q(content_hash=content_hash(body)) | Q(words_hash=words_hash(body))
    return Release.objects.filter(same).exclude(pk=exclude_pk).order_by("pk").first()


def release_near_duplicates(
    *,
    body: str,
    headline: str = "",
    company_id: int | None = None,
    published: date | None = None,
    exclude_pk: int | None = None,
    limit: int = 3,
) -> list[NearDuplicate]:
    """Stored releases that nearly repeat ``body``, closest first (see the module docstring).

    ``published`` defaults to the text's dateline date; with neither a date nor an issuer there
    is nothing to compare with at a bounded cost, and nothing is found.
    """
    new = fingerprint(body)
    published = published or new.published
    where = Q()
    if company_id is not None:
        same_issuer = Q(company_id=company_id)
        if published is not None:
            window = timedelta(days=SAME_ISSUER_DAYS)
            same_issuer &= Q(published__range=(published - window, published + window)) | Q(
                published__isnull=True
            )
        where |= same_issuer
    if published is not None:
        where |= Q(published=published)
    if not where:
        return []
    candidates = (
        Release.objects.filter(where)
        .exclude(pk=exclude_pk)
        .only("pk", "headline", "body", "published", "company_id")
        .order_by("-pk")[:CANDIDATES_MAX]
    )
    key = _headline_key(headline) or new.headline
    new_shingles = shingles(new.words)
    found = [near for release in candidates if (near := _compare(new, new_shingles, key, published, release))]
    found.sort(key=lambda near: (-near.same_headline, -near.overlap, -near.release.pk))
    return found[:limit]


def _compare(
    new: Fingerprint, new_shingles: frozenset[int], headline: str, published: date | None, release: Release
) -> NearDuplicate | None:
    old = fingerprint(release.body)
    share = overlap(new_shingles, shingles(old.words))
    same_headline = bool(
        headline
        and published is not None
        and release.published == published
        and headline in (_headline_key(release.headline), old.headline)
    )
    if share >= NEAR_DUPLICATE_OVERLAP or same_headline:
        return NearDuplicate(release=release, overlap=share, same_headline=same_headline)
    return None


def _headline_key(headline: str) -> str:
    return " ".join(headline.split()).casefold().rstrip(".")


@transaction.atomic
def release_flag_near_duplicate(*, release: Release) -> NearDuplicate | None:
    """Look for a stored release that ``release`` nearly repeats and, if there is one, record it
    on ``release.duplicate_of`` for the editor. Returns it (None when there is none)."""
    found = release_near_duplicates(
        body=release.body,
        headline=release.headline,
        company_id=release.company_id,
        published=release.published,
        exclude_pk=release.pk,
        limit=1,
    )
    if not found:
        return None
    release.duplicate_of = found[0].release
    release.save(update_fields=["duplicate_of"])
    return found[0]
