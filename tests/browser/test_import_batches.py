"""A large import in a real browser: the page returns at once, then follows the worker's progress."""

import pytest
from django.contrib.auth.models import User

from companies.models import ImportBatch, Release
from companies.services import import_batches, imports
from companies.services.import_batches import import_batch_run
from tests.services.test_import_batches import DATABASE_QUEUE
from tests.services.test_imports import make_proposal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_large_upload_shows_progress_until_the_worker_is_done(page, settings, monkeypatch, snapshot):
    settings.TASKS = DATABASE_QUEUE  # a real queue: nothing runs until the worker does
    monkeypatch.setattr(import_batches, "IMPORT_AT_ONCE_MAX", 2)
    monkeypatch.setattr(imports, "document_extract", lambda document: make_proposal())
    User.objects.create_superuser("editor", "editor@example.com", "pw")
    releases_before = Release.objects.count()

    page.goto("/admin/login/?next=/admin/companies/release/import/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw")
    page.click("input[type=submit]")
    page.set_input_files(
        "#id_files",
        [
            {
                "name": f"r{i}.txt",
                "mimeType": "text/plain",
                "buffer": f"Release {i}. Acme idles a plant.".encode(),
            }
            for i in range(4)
        ],
    )
    page.click("input[name=_import]")

    batch = ImportBatch.objects.get()
    page.wait_for_url(f"**/admin/companies/release/import/{batch.pk}/")
    assert page.locator("#import-progress h2").inner_text() == "Waiting for the worker"
    assert "0 of 4 releases" in page.locator("#import-progress").inner_text()
    snapshot("waiting")

    # The worker's turn; the page reloads itself and shows the outcome.
    import_batch_run(batch_id=batch.pk, token=batch.run_token)
    page.locator("#import-progress h2", has_text="Done").wait_for(timeout=10_000)
    assert "4 of 4 releases" in page.locator("#import-progress").inner_text()
    assert page.locator("#import-files a").count() == 4
    assert Release.objects.count() == releases_before + 4
