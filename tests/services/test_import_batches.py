"""Imports from the admin: a few at once, many stored and imported in the background.

Tests run tasks with django-tasks' immediate backend (footprint/test_settings.py); the tests of
the queue itself switch to the database backend and run the real worker (``db_worker``).
"""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from companies.models import ImportBatch, ImportBatchState, ImportFileState, ImportRecord, Release
from companies.services import import_batches, imports
from companies.services.import_batches import (
    RawInput,
    import_batch_requeue,
    import_batch_run,
    import_batch_stalled,
    releases_submit,
)
from tests.services.test_imports import make_proposal

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
FEED = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Acme idles plant</title><link>https://example.com/1</link>
<pubDate>Tue, 24 Mar 2009 12:00:00 GMT</pubDate><description>Acme is idling its Jewett City plant.</description></item>
<item><title>Acme closes mill</title><link>https://example.com/2</link>
<pubDate>Wed, 25 Mar 2009 12:00:00 GMT</pubDate><description>Acme is closing its Bowater mill.</description></item>
<item><title>Acme opens plant</title><link>https://example.com/3</link>
<pubDate>Thu, 26 Mar 2009 12:00:00 GMT</pubDate><description>Acme is opening a plant in Troy.</description></item>
</channel></rss>"""


@pytest.fixture(autouse=True)
def fake_extract(monkeypatch):
    monkeypatch.setattr(imports, "document_extract", lambda document: make_proposal())


@pytest.fixture
def at_once_max(monkeypatch):
    """Two releases are imported at once; a third sends the submission to the background."""
    monkeypatch.setattr(import_batches, "IMPORT_AT_ONCE_MAX", 2)


def files(n: int, start: int = 0) -> list[RawInput]:
    return [
        RawInput(name=f"r{i}.txt", data=f"Release {i}. Acme is idling its plant.".encode())
        for i in range(start, start + n)
    ]


def test_a_few_releases_are_imported_at_once(at_once_max):
    submission = releases_submit(inputs=files(2))
    assert submission.batch is None
    assert [r.status for r in submission.results] == ["imported", "imported"]
    assert Release.objects.count() == 2 and not ImportBatch.objects.exists()


def test_many_are_stored_verbatim_and_run_through_the_same_import(at_once_max, admin_user):
    submission = releases_submit(inputs=files(3), accept_above=0.9, user=admin_user)

    batch = submission.batch
    assert batch is not None and submission.releases == 3 and submission.results == []
    # The immediate backend ran the task inside the call.
    assert batch.state == ImportBatchState.DONE and batch.finished_at and batch.created_by == admin_user
    stored = list(batch.files.order_by("position"))
    assert [f.name for f in stored] == ["r0.txt", "r1.txt", "r2.txt"]
    assert bytes(stored[1].data) == b"Release 1. Acme is idling its plant."
    assert [(f.state, f.releases_total, f.releases_done) for f in stored] == [("done", 1, 1)] * 3
    (record,) = stored[0].records.all()
    assert record.status == "imported" and record.release == Release.objects.get(source_name="r0.txt")
    assert (record.name, record.position, record.events_accepted) == ("r0.txt", 0, 2)  # accept_above kept
    assert record.summary == "imported: 0 events proposed, 2 accepted"
    assert stored[0].outcome([record]) == "1 imported; 0 events proposed, 2 accepted"
    assert Release.objects.count() == 3


def test_the_queue_holds_the_batch_until_the_worker_runs_it(at_once_max):
    with override_settings(TASKS=DATABASE_QUEUE):
        batch = releases_submit(inputs=files(3)).batch

        # Stored and queued, nothing imported: the request would return here.
        assert batch.state == ImportBatchState.QUEUED and batch.run_token
        assert not Release.objects.exists()
        task = DBTaskResult.objects.get()
        assert task.task_path == "companies.tasks.import_batch_task"
        assert task.args_kwargs["kwargs"] == {"batch_id": batch.pk, "token": batch.run_token}
        progress = ImportBatch.objects.with_progress().get()
        assert (
            progress.files_done,
            progress.files_count,
            progress.releases_done,
            progress.releases_count,
        ) == (
            0,
            3,
            0,
            3,
        )

        # What the worker does with the row (``db_worker`` is run for real below).
        import_batch_run(**task.args_kwargs["kwargs"])
    batch.refresh_from_db()
    assert batch.state == ImportBatchState.DONE and Release.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_db_worker_imports_a_queued_batch(monkeypatch):
    monkeypatch.setattr(import_batches, "IMPORT_AT_ONCE_MAX", 2)
    monkeypatch.setattr(import_batches, "RELEASES_PER_TASK", 2)
    with override_settings(TASKS=DATABASE_QUEUE):
        batch = releases_submit(inputs=[*files(2), RawInput(name="wire.xml", data=FEED)]).batch
        assert batch.state == ImportBatchState.QUEUED and not Release.objects.exists()
        call_command(
            "db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", verbosity=0
        )
    batch.refresh_from_db()
    assert batch.state == ImportBatchState.DONE
    assert Release.objects.count() == 5
    # Two releases a task, each task queueing the next: 2 + 2 (one into the feed) + 1.
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["SUCCESSFUL"] * 3


def test_a_task_imports_a_few_releases_and_queues_the_rest(at_once_max, monkeypatch):
    monkeypatch.setattr(import_batches, "RELEASES_PER_TASK", 2)
    with override_settings(TASKS=DATABASE_QUEUE):
        batch = releases_submit(inputs=[RawInput(name="wire.xml", data=FEED), *files(1)]).batch
        first = DBTaskResult.objects.get()
        ran = import_batch_run(**first.args_kwargs["kwargs"])
        assert ran == {"batch": batch.pk, "ran": True, "continued": True}
        batch.refresh_from_db()
        feed = batch.files.get(name="wire.xml")
        assert batch.state == ImportBatchState.RUNNING and (feed.state, feed.releases_done) == ("waiting", 2)
        follow_up = DBTaskResult.objects.exclude(pk=first.pk).get()
        assert follow_up.args_kwargs == first.args_kwargs  # the same run, going on
        import_batch_run(**follow_up.args_kwargs["kwargs"])
    batch.refresh_from_db()
    assert batch.state == ImportBatchState.DONE and Release.objects.count() == 4


def test_a_feed_is_one_file_with_a_record_per_entry(at_once_max):
    batch = releases_submit(inputs=[RawInput(name="wire.xml", data=FEED)]).batch
    (feed,) = batch.files.all()
    assert (feed.releases_total, feed.releases_done) == (3, 3)
    assert [(r.position, r.name) for r in feed.records.all()] == [
        (0, "wire.xml#1"),
        (1, "wire.xml#2"),
        (2, "wire.xml#3"),
    ]
    assert set(Release.objects.values_list("url", flat=True)) == {
        f"https://example.com/{i}" for i in (1, 2, 3)
    }


def test_an_unreadable_file_is_kept_and_reported_and_the_others_imported(at_once_max):
    binary = RawInput(name="bad.txt", data=b"\x00\x01binary\x00" * 40)
    batch = releases_submit(inputs=[*files(3), binary]).batch
    bad = batch.files.get(name="bad.txt")
    assert bad.state == ImportFileState.FAILED and "binary" in bad.error
    assert bytes(bad.data) == binary.data
    assert bad.outcome([]).startswith("could not be read") and not bad.records.exists()
    assert batch.state == ImportBatchState.DONE and Release.objects.count() == 3


def test_what_the_editor_gave_with_pasted_text_is_used_in_the_background(at_once_max, monkeypatch):
    pasted = RawInput(
        name="pasted text",
        data=b"Pasted release. Acme is idling its plant.",
        headline="Given headline",
        published=datetime.date(2009, 3, 25),
    )
    seen = []
    monkeypatch.setattr(
        imports, "document_extract", lambda document: seen.append(document) or make_proposal()
    )
    assert releases_submit(inputs=[pasted, *files(2)]).batch is not None
    given = next(d for d in seen if d.name == "pasted text")
    assert (given.headline, given.published) == ("Given headline", datetime.date(2009, 3, 25))


def test_the_same_release_twice_is_already_imported(at_once_max):
    releases_submit(inputs=files(3))
    batch = releases_submit(inputs=files(3)).batch
    records = ImportRecord.objects.filter(file__batch=batch)
    assert list(records.values_list("status", flat=True)) == ["already imported"] * 3
    assert all(r.release_id for r in records)
    assert Release.objects.count() == 3


def test_a_run_that_dies_resumes_at_the_next_release_when_queued_again(at_once_max, monkeypatch):
    calls = []
    real = import_batches.documents_import

    def dies_on_the_third(**kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("worker lost its database")
        return real(**kwargs)

    monkeypatch.setattr(import_batches, "documents_import", dies_on_the_third)
    batch = releases_submit(inputs=[RawInput(name="wire.xml", data=FEED), *files(2)]).batch

    assert batch.state == ImportBatchState.FAILED and "worker lost its database" in batch.error
    feed = batch.files.get(name="wire.xml")
    assert (feed.state, feed.releases_done) == ("waiting", 2)  # the third entry rolled back with its record
    assert Release.objects.count() == 2
    assert import_batch_stalled(batch=batch)

    batch = import_batch_requeue(batch=batch)
    assert batch.state == ImportBatchState.DONE and batch.error == ""
    assert Release.objects.count() == 5
    records = ImportRecord.objects.filter(file__batch=batch).order_by("file__position", "position")
    assert list(records.values_list("status", flat=True)) == ["imported"] * 5  # nothing imported twice


def test_a_superseded_run_stops(at_once_max):
    with override_settings(TASKS=DATABASE_QUEUE):
        batch = releases_submit(inputs=files(3)).batch
        old_token = batch.run_token
        ImportBatch.objects.filter(pk=batch.pk).update(run_token="newer")
        assert import_batch_run(batch_id=batch.pk, token=old_token) == {"batch": batch.pk, "ran": False}
    assert not Release.objects.exists()


def test_only_a_failed_or_stalled_batch_may_be_queued_again(at_once_max):
    with override_settings(TASKS=DATABASE_QUEUE):
        batch = releases_submit(inputs=files(3)).batch
        assert not import_batch_stalled(batch=batch)  # queued: the task is waiting for the worker
        with pytest.raises(ValueError):
            import_batch_requeue(batch=batch)

        now = timezone.now()
        batch.state, batch.started_at, batch.heartbeat_at = ImportBatchState.RUNNING, now, now
        batch.save()
        assert not import_batch_stalled(batch=batch)
        assert import_batch_stalled(batch=batch, now=now + import_batches.STALLED_AFTER * 2)
