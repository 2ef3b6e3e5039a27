"""Large imports from the admin page: stored, queued, imported by the worker, progress shown."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from companies.models import ImportBatch, ImportBatchState, ImportRecord, Release
from companies.services import import_batches, imports
from companies.services.import_batches import import_batch_run
from tests.services.test_import_batches import DATABASE_QUEUE
from tests.services.test_imports import make_proposal

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:companies_release_import")


def batch_url(batch) -> str:
    return reverse("admin:companies_release_import_batch", args=[batch.pk])


@pytest.fixture(autouse=True)
def fake_extract(monkeypatch):
    monkeypatch.setattr(imports, "document_extract", lambda document: make_proposal())


@pytest.fixture(autouse=True)
def at_once_max(monkeypatch):
    monkeypatch.setattr(import_batches, "IMPORT_AT_ONCE_MAX", 2)


def uploads(n: int, prefix: str = "r") -> list[SimpleUploadedFile]:
    return [
        SimpleUploadedFile(f"{prefix}{i}.txt", f"Release {prefix}{i}. Acme is idling its plant.".encode())
        for i in range(n)
    ]


def test_a_large_upload_returns_at_once_and_the_worker_finishes_it(admin_client):
    with override_settings(TASKS=DATABASE_QUEUE):
        response = admin_client.post(IMPORT_URL, {"files": uploads(5), "accept_above": "0.9"})

        batch = ImportBatch.objects.get()
        assert response.status_code == 302 and response["Location"] == batch_url(batch)
        assert not Release.objects.exists()  # nothing imported in the request
        assert DBTaskResult.objects.count() == 1

        page = admin_client.get(batch_url(batch))
        html = page.content.decode()
        assert "Waiting for the worker" in html and "manage.py db_worker" in html
        assert '<meta http-equiv="refresh" content="3">' in html  # reloads itself while not done
        assert "0 of 5 releases" in html and "0 of 5 files" in html
        assert all(f"r{i}.txt" in html for i in range(5))
        messages = [str(m) for m in page.context["messages"]]
        assert messages == [
            "5 releases in 5 files are importing in the background; this page shows their progress."
        ]

        import_batch_run(**DBTaskResult.objects.get().args_kwargs["kwargs"])  # the worker's turn

    html = admin_client.get(batch_url(batch)).content.decode()
    assert "http-equiv" not in html  # done: no more reloading
    assert "5 of 5 releases" in html and "5 of 5 files" in html
    assert "5 imported, 0 already imported, 0 failed; 0 events proposed, 10 accepted" in html
    for release in Release.objects.all():
        assert reverse("admin:companies_release_review", args=[release.pk]) in html  # the review page


def test_progress_shows_while_running(admin_client):
    with override_settings(TASKS=DATABASE_QUEUE):
        admin_client.post(IMPORT_URL, {"files": uploads(4)})
    batch = ImportBatch.objects.get()
    first = batch.files.get(position=0)
    # As the worker leaves it after the first release: one record, the batch running.
    ImportRecord.objects.create(file=first, position=0, name="r0.txt", status="imported", summary="imported")
    first.releases_done, first.state = 1, "done"
    first.save()
    ImportBatch.objects.filter(pk=batch.pk).update(
        state=ImportBatchState.RUNNING, heartbeat_at=timezone.now()
    )

    html = admin_client.get(batch_url(batch)).content.decode()
    assert "1 of 4 releases" in html and "1 of 4 files" in html and 'value="1"' in html
    assert "Importing in the background" in html and "http-equiv" in html
    assert "Queue again" not in html  # alive: not offered

    listing = admin_client.get(IMPORT_URL).content.decode()
    assert batch_url(batch) in listing and "1 of 4 releases, 1 of 4 files" in listing


def test_with_the_immediate_backend_the_redirect_lands_on_a_finished_batch(admin_client):
    response = admin_client.post(IMPORT_URL, {"files": uploads(3)}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and "Done" in html and "3 of 3 releases" in html
    assert Release.objects.count() == 3


def test_a_small_upload_is_still_imported_at_once(admin_client):
    response = admin_client.post(IMPORT_URL, {"files": uploads(2)})
    assert response.status_code == 200 and Release.objects.count() == 2
    assert not ImportBatch.objects.exists()
    assert "imported: 2 events proposed, 0 accepted" in response.content.decode()


def test_a_folder_upload_passes_over_labels_and_hidden_files(admin_client):
    folder = [
        *uploads(3, prefix="releases/r"),
        SimpleUploadedFile("releases/labels.json", b'{"events": []}'),
        SimpleUploadedFile("releases/.DS_Store", b"junk"),
    ]
    admin_client.post(IMPORT_URL, {"folder": folder})
    batch = ImportBatch.objects.get()
    assert batch.files.count() == 3 and Release.objects.count() == 3


def test_a_stopped_batch_can_be_queued_again_from_its_page(admin_client, monkeypatch):
    real = import_batches.documents_import
    broken = {"on": True}

    def flaky(**kwargs):
        if broken["on"]:
            raise RuntimeError("database went away")
        return real(**kwargs)

    monkeypatch.setattr(import_batches, "documents_import", flaky)
    admin_client.post(IMPORT_URL, {"files": uploads(3)})
    batch = ImportBatch.objects.get()
    html = admin_client.get(batch_url(batch)).content.decode()
    assert "Stopped by an error" in html and "database went away" in html and "Queue again" in html

    broken["on"] = False
    response = admin_client.post(batch_url(batch), {"_requeue": "1"}, follow=True)
    assert "3 of 3 releases" in response.content.decode()
    assert Release.objects.count() == 3


def test_queue_again_is_refused_for_a_batch_that_is_not_stalled(admin_client):
    with override_settings(TASKS=DATABASE_QUEUE):
        admin_client.post(IMPORT_URL, {"files": uploads(3)})
        batch = ImportBatch.objects.get()
        response = admin_client.post(batch_url(batch), {"_requeue": "1"}, follow=True)
    assert (
        "Only a batch stopped by an error, or stalled for minutes, can be queued again."
        in response.content.decode()
    )
    assert DBTaskResult.objects.count() == 1


def test_the_batch_page_needs_the_add_release_permission(client):
    batch = ImportBatch.objects.create()
    user = User.objects.create_user("viewer", password="pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_release"))
    client.force_login(user)
    assert client.get(batch_url(batch)).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="add_release"))
    assert client.get(batch_url(batch)).status_code == 200


def test_the_batch_page_queries_do_not_grow_with_its_files(admin_client, django_assert_max_num_queries):
    admin_client.post(IMPORT_URL, {"files": uploads(3)})
    small = ImportBatch.objects.get()
    admin_client.post(IMPORT_URL, {"files": uploads(30, prefix="big")})
    big = ImportBatch.objects.exclude(pk=small.pk).get()

    def count(batch) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(batch_url(batch)).status_code == 200
        return len(queries)

    assert count(big) == count(small)
    with django_assert_max_num_queries(8):
        admin_client.get(batch_url(big))


def test_the_import_page_says_where_large_imports_go(admin_client):
    html = admin_client.get(IMPORT_URL).content.decode()
    assert "Up to 2 releases are imported at once" in html  # the threshold in force
    assert "webkitdirectory" in html
