"""Writes for companies, locations, releases and claims: get-or-create by their natural keys."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils.text import slugify

from ..importer.lexicon import LEGAL_FORM_WORDS, LEGAL_SUFFIX_STEM
from ..models import Company, FootprintClaim, Location, Release
from .duplicates import release_same_text

# Words that do not distinguish one company from another when matching names: the legal forms
# of the extractor's lexicon, and "group", "holdings" and "the".
LEGAL_SUFFIXES = LEGAL_FORM_WORDS | {"group", "holdings", "the"}


def normalise_company_name(name: str) -> str:
    """ "International Wire Group, Inc." and "International Wire" both give "international wire"."""
    words = re.findall(r"[a-z0-9&]+", name.lower().replace(".", ""))
    core = [w for w in words if w not in LEGAL_SUFFIXES]
    return " ".join(core or words)


def company_match(*, name: str = "", ticker: str = "") -> Company | None:
    """An existing company by ticker, normalised name or alias."""
    if ticker:
        found = Company.objects.filter(ticker__iexact=ticker).first()
        if found:
            return found
    key = normalise_company_name(name) if name else ""
    if not key:
        return None
    # Narrow the candidates in SQL by the key's longest word (any name that normalises to the
    # key contains it), so matching does not scan every company on each import.
    anchor = max(key.split(), key=len)
    candidates = Company.objects.filter(
        Q(name__icontains=anchor) | Q(legal_name__icontains=anchor) | Q(aliases__icontains=anchor)
    ).only("id", "name", "legal_name", "aliases")
    for company in candidates:
        names = [company.name, company.legal_name, *company.alias_list]
        if any(n and normalise_company_name(n) == key for n in names):
            return Company.objects.get(pk=company.pk)
    return None


_TRAILING_LEGAL_FORM = re.compile(rf",?\s+(?:{LEGAL_SUFFIX_STEM})\.?$", re.IGNORECASE)


def display_company_name(name: str) -> str:
    """ "Kestrel Foods Inc." -> "Kestrel Foods"; "Harrow Paper Company" -> "Harrow Paper"."""
    display = name.strip()
    while True:
        shorter = _TRAILING_LEGAL_FORM.sub("", display).strip()
        if shorter == display or not shorter:
            return display
        display = shorter


def _unique_slug(name: str) -> str:
    base = slugify(display_company_name(name)) or "company"
    slug, n = base, 2
    while Company.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# How many times a new company is retried after another process took its slug first.
_CREATE_ATTEMPTS = 5

# The first key of the PostgreSQL advisory locks taken on company names (``pg_advisory_xact_lock(
# int, int)``): the namespace of these locks, so they never meet another use of advisory locks.
COMPANY_NAME_LOCK = 0x0C0F_0001


def company_lock_keys(*, names: tuple[str, ...] = (), ticker: str = "") -> list[int]:
    """The advisory lock keys of a company about to be created: one per normalised name (and one
    for the ticker), 32-bit and the same in every process (not Python's salted ``hash``), sorted
    so that two callers always take them in the same order. "Acme Foods Group" and "Acme Foods
    Inc." give the same key; a collision of two other names only makes one wait for the other."""
    words = {f"name:{normalise_company_name(n)}" for n in names if n and n.strip()}
    if ticker:
        words.add(f"ticker:{ticker.strip().upper()}")
    keys = {
        int.from_bytes(hashlib.blake2b(w.encode(), digest_size=4).digest(), "big", signed=True) for w in words
    }
    return sorted(keys)


def _company_names_lock(keys: list[int]) -> None:
    """Wait until no other transaction is creating a company of these names, and keep them until
    this transaction ends (PostgreSQL). SQLite needs none: a write transaction begins
    ``IMMEDIATE``, holding the database's one write lock from its start, so no other process
    writes between our look-up and our insert."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [COMPANY_NAME_LOCK, key])


def _company_existing(*, name: str, ticker: str, legal_name: str) -> Company | None:
    return company_match(name=legal_name or name, ticker=ticker) or company_match(name=name)


@transaction.atomic
def company_get_or_create(
    *, name: str, ticker: str = "", exchange: str = "", legal_name: str = "", **fields
) -> tuple[Company, bool]:
    """The company matching the name or ticker, or a new one.

    Survives a concurrent insert. Before creating, the transaction takes a lock on the company's
    normalised names and ticker (``_company_names_lock``) and looks again: a process creating
    "Acme Foods Inc." while another creates "Acme Foods Group" waits for the other's transaction
    to end, then finds its company (the look-up after the lock reads what committed meanwhile,
    PostgreSQL's READ COMMITTED). The new row is written in a savepoint too, and when its slug
    is taken (``IntegrityError``) the match is read again and returned, or the next slug tried.
    """
    existing = _company_existing(name=name, ticker=ticker, legal_name=legal_name)
    if existing is None:
        # Held to the end of the transaction: only when creating, so matching never waits.
        _company_names_lock(company_lock_keys(names=(name, legal_name), ticker=ticker))
    for _ in range(_CREATE_ATTEMPTS):
        existing = existing or _company_existing(name=name, ticker=ticker, legal_name=legal_name)
        if existing:
            _company_fill(existing, ticker=ticker, exchange=exchange, legal_name=legal_name)
            return existing, False
        display = display_company_name(name)
        company = Company(
            name=display,
            slug=_unique_slug(display),
            legal_name=legal_name or name,
            ticker=ticker,
            exchange=exchange,
            **fields,
        )
        company.full_clean(validate_unique=False)  # the slug's uniqueness: the database's, below
        try:
            with transaction.atomic():
                company.save()
        except IntegrityError:
            continue  # stored meanwhile by another process: match it (or take the next slug)
        return company, True
    raise IntegrityError(f"could not store the company {name!r}: its slug kept being taken")


def _company_fill(company: Company, *, ticker: str, exchange: str, legal_name: str) -> None:
    """Fill the ticker, exchange and legal name a matched company lacks."""
    changed = []
    for attr, value in (("ticker", ticker), ("exchange", exchange), ("legal_name", legal_name)):
        if value and not getattr(company, attr):
            setattr(company, attr, value)
            changed.append(attr)
    if changed:
        company.full_clean()
        company.save(update_fields=changed)


@transaction.atomic
def location_get_or_create(
    *,
    locality: str,
    region: str = "",
    country: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    geonames_id: int | None = None,
    resolved: bool = True,
) -> tuple[Location, bool]:
    # Django's get_or_create inserts in a savepoint and reads again on IntegrityError
    # (``location_unique_place``), so a place stored meanwhile by another process is returned.
    location, created = Location.objects.get_or_create(
        locality=locality.strip(),
        region=region or "",
        country=country or "",
        defaults={
            "latitude": latitude,
            "longitude": longitude,
            "geonames_id": geonames_id,
            "resolved": resolved,
        },
    )
    return location, created


@transaction.atomic
def release_create(
    *,
    body: str,
    headline: str,
    published: date | None = None,
    wire: str = "",
    url: str = "",
    raw: str = "",
    source_name: str = "",
    company: Company | None = None,
    dateline: Location | None = None,
) -> tuple[Release, bool]:
    """Store a release once: the same text (``duplicates.release_same_text``) returns the stored one,
    also when another process stored it meanwhile (the unique ``content_hash`` refuses the second
    insert, in a savepoint, and the stored release is read again)."""
    existing = release_same_text(body=body)
    if existing:
        return existing, False
    release = Release(
        body=body,
        headline=headline[:500],
        published=published,
        wire=wire,
        url=url,
        raw=raw,
        source_name=source_name[:500],
        company=company,
        dateline=dateline,
    )
    release.full_clean()
    try:
        with transaction.atomic():
            release.save()
    except IntegrityError:
        existing = release_same_text(body=body)
        if existing is None:
            raise
        return existing, False
    return release, True


@transaction.atomic
def claim_get_or_create(
    *,
    release: Release,
    company: Company,
    count: int,
    countries: list[str],
    qualifier: str = "",
    text: str = "",
) -> tuple[FootprintClaim, bool]:
    return FootprintClaim.objects.get_or_create(
        release=release,
        count=count,
        qualifier=qualifier or "",
        defaults={"company": company, "countries": list(countries), "text": text},
    )
