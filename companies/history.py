"""Who changed what, and why: the audit history's acting editor and change reason.

Companies, facilities, events, releases and claims keep a history table each
(django-simple-history, ``history = HistoricalRecords()`` on the model): every save and delete
through the ORM writes a row with the values, the time, the user and a change reason. The user
comes from the request while the admin serves one (``HistoryRequestMiddleware``); services that
run outside a request (the import command, the background worker, the shell) are given the user
and open an :func:`acting` block, which also names the reason ("accepted", "re-extracted"...)
for every row written inside it, however deep the write is.

Bulk writes write no history by themselves. Where a bulk write is an editor's act (a release's
date dating its events), :func:`bulk_update_with_history` records it with the same user and
reason. Deliberately not recorded: status spans (derived, rewritten from accepted events by
``facilities_refresh``), synthetic benchmark data (``generate_synthetic``, ``bulk_create``), the
importer's working copies on a release (``raw``, ``extraction``, ``import_log``, excluded on the
model) and data migrations.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import models
from simple_history.signals import pre_create_historical_record
from simple_history.utils import bulk_update_with_history as _bulk_update_with_history


class Reason:
    """The change reasons services record (one home for the words editors read in History)."""

    IMPORTED = "imported"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    PROPOSED = "back to proposed"
    REEXTRACTED = "re-extracted"
    DATE_SET = "publication date set"
    DATED = "dated by its release"


@dataclass(frozen=True)
class Acting:
    user: models.Model | None
    reason: str


_acting: ContextVar[Acting | None] = ContextVar("footprint_history_acting", default=None)


@contextmanager
def acting(*, user=None, reason: str) -> Iterator[Acting]:
    """Every history row written inside gets ``user`` (unless the row already has one, e.g.
    from the request) and ``reason`` (unless the saved object names its own). Blocks nest: the
    innermost reason wins, and an inner block without a user keeps the outer one's."""
    outer = _acting.get()
    if user is None and outer is not None:
        user = outer.user
    if user is not None and not getattr(user, "pk", None):
        user = None  # an anonymous user is nobody to record
    current = Acting(user=user, reason=reason)
    token = _acting.set(current)
    try:
        yield current
    finally:
        _acting.reset(token)


def current() -> Acting | None:
    return _acting.get()


def fill_from_acting(sender, history_instance, **kwargs) -> None:
    """``pre_create_historical_record``: the acting block's user and reason on each new row."""
    now = _acting.get()
    if now is None:
        return
    if history_instance.history_user_id is None and now.user is not None:
        history_instance.history_user = now.user
    if not history_instance.history_change_reason:
        history_instance.history_change_reason = now.reason


def connect() -> None:
    """Called once from ``CompaniesConfig.ready``."""
    pre_create_historical_record.connect(fill_from_acting, dispatch_uid="footprint_history_acting")


def bulk_update_with_history(
    objs: Iterable[models.Model], model: type[models.Model], fields: list[str]
) -> int:
    """``bulk_update`` plus one history row per object, with the acting block's user and reason
    (the bulk path sends no per-row signal, so they are passed here)."""
    objs = list(objs)
    if not objs:
        return 0
    now = _acting.get()
    return _bulk_update_with_history(
        objs,
        model,
        fields,
        default_user=now.user if now else None,
        default_change_reason=now.reason if now else None,
    )
