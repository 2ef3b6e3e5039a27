"""Writes an editor makes to a stored release: completing what its text did not say.

Nothing is invented (DESIGN.md, "Imported releases"): a release whose text gives no date has
none, and its events are proposed without an announced date; they cannot be accepted until an
editor sets the release's date, and then they take it, in the same transaction. ``Release.save``
calls :func:`release_date_undated_events` whenever the date is set, however that happens (admin,
:func:`release_set_published`, a re-extraction that finds the date, the shell).

A release whose issuer could not be identified is stored as ``ImportState.NEEDS_COMPANY``; once
an editor sets its company, ``release_reextract`` (the admin "Re-extract" action) proposes its
events.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from ..history import Reason, acting, bulk_update_with_history
from ..models import Event, Release

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


@transaction.atomic
def release_date_undated_events(*, release: Release) -> int:
    """Give the release's undated events its publication date, and say so in its import log.

    Returns how many events took the date (none when the release has no date either). Each
    event's history records it ("dated by its release", by whoever set the date).
    """
    if release.published is None or release.pk is None:
        return 0
    undated = list(Event.objects.filter(release=release, announced_date__isnull=True))
    for event in undated:
        event.announced_date = release.published
    with acting(reason=Reason.DATED):
        # bulk_update goes through EventQuerySet.update, which rewrites the status spans
        dated = bulk_update_with_history(undated, Event, ["announced_date"])
    if dated:
        line = (
            f"date: publication date set to {release.published.isoformat()} "
            f"at {timezone.now():%Y-%m-%d %H:%M:%S %Z}; {dated} undated "
            f"{'event takes' if dated == 1 else 'events take'} it and can now be accepted"
        )
        previous = Release.objects.filter(pk=release.pk).values_list("import_log", flat=True).first() or ""
        release.import_log = f"{previous.rstrip()}\n{line}" if previous.strip() else line
        Release.objects.filter(pk=release.pk).update(import_log=release.import_log)
    return dated


@transaction.atomic
def release_set_published(*, release: Release, published: date, user: AbstractBaseUser | None = None) -> int:
    """Set a release's publication date (an editor's word for what its text did not say).

    Its undated events take the date (see ``Release.save``); returns how many did.
    """
    undated = release.events.filter(announced_date__isnull=True).count() if release.pk else 0
    with acting(user=user, reason=Reason.DATE_SET):
        release.published = published
        release.full_clean()
        release.save()
    return undated
