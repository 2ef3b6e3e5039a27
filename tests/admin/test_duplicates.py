"""Duplicates in the admin: the add form refuses the same text and shows a near-duplicate before
a second copy is stored; the import page stores nothing for a copy and flags a near-duplicate."""

import pytest
from django.urls import reverse

from companies.models import Release
from companies.services import imports
from tests.admin import change_form_data
from tests.factories import CompanyFactory, ReleaseFactory
from tests.importer.test_fingerprint import EXHIBIT, PR_NEWSWIRE
from tests.services.test_duplicates import APRIL_2, CORRECTED, harrowgate_proposal

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:companies_release_add")
IMPORT_URL = reverse("admin:companies_release_import")


def add_form(client, **values) -> dict:
    data = change_form_data(client.get(ADD_URL))
    data.update({"headline": "Harrowgate to close Millbrook", "import_state": "new", **values})
    return data


def test_the_same_release_laid_out_differently_is_refused(admin_client):
    stored = ReleaseFactory(body=PR_NEWSWIRE)
    response = admin_client.post(ADD_URL, add_form(admin_client, body=EXHIBIT))
    page = response.content.decode()
    assert response.status_code == 200 and "The same text is already stored" in page
    assert reverse("admin:companies_release_change", args=[stored.pk]) in page
    assert Release.objects.count() == 1


def test_a_near_duplicate_is_shown_and_stored_only_when_the_editor_confirms(admin_client):
    company = CompanyFactory()
    stored = ReleaseFactory(body=PR_NEWSWIRE, company=company, published=APRIL_2)
    data = add_form(admin_client, body=CORRECTED, company=company.pk, published="2024-04-02")

    response = admin_client.post(ADD_URL, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "This text nearly repeats a stored release" in page and "% of the text" in page
    assert reverse("admin:companies_release_change", args=[stored.pk]) in page
    assert 'name="store_anyway"' in page  # the confirmation, under the text
    assert Release.objects.count() == 1

    response = admin_client.post(ADD_URL, {**data, "store_anyway": "on"})
    assert response.status_code == 302
    assert Release.objects.count() == 2


def test_a_different_release_is_added_without_a_question(admin_client):
    company = CompanyFactory()
    ReleaseFactory(body=PR_NEWSWIRE, company=company, published=APRIL_2)
    body = "Harrowgate Ceramics said today it has appointed a new chief financial officer."
    response = admin_client.post(
        ADD_URL, add_form(admin_client, body=body, company=company.pk, published="2024-04-02")
    )
    assert response.status_code == 302


def test_the_import_page_stores_nothing_for_a_copy_and_flags_a_near_duplicate(admin_client, monkeypatch):
    monkeypatch.setattr(imports, "document_extract", lambda document: harrowgate_proposal())
    admin_client.post(IMPORT_URL, {"text": PR_NEWSWIRE})
    first = Release.objects.get()

    response = admin_client.post(IMPORT_URL, {"text": EXHIBIT})
    assert "already imported" in response.content.decode()
    assert Release.objects.count() == 1

    response = admin_client.post(IMPORT_URL, {"text": CORRECTED})
    page = response.content.decode()
    second = Release.objects.exclude(pk=first.pk).get()
    assert second.duplicate_of == first
    assert f"possible duplicate: this release nearly repeats release #{first.pk}" in page


def test_a_flagged_release_says_so_and_is_listed_under_needs_a_duplicate_check(admin_client):
    first = ReleaseFactory(body=PR_NEWSWIRE)
    second = ReleaseFactory(body=CORRECTED, duplicate_of=first)

    page = admin_client.get(reverse("admin:companies_release_change", args=[second.pk])).content.decode()
    assert "This release nearly repeats" in page
    assert reverse("admin:companies_release_change", args=[first.pk]) in page

    listing = admin_client.get(reverse("admin:companies_release_changelist"), {"needs": "duplicate"})
    assert list(listing.context["cl"].result_list) == [second]
    assert "duplicate check" in listing.content.decode()


def test_clearing_the_flag_is_an_editors_save(admin_client):
    first = ReleaseFactory(body=PR_NEWSWIRE)
    second = ReleaseFactory(body=CORRECTED, duplicate_of=first)
    url = reverse("admin:companies_release_change", args=[second.pk])
    data = change_form_data(admin_client.get(url))
    data["duplicate_of"] = ""
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    second.refresh_from_db()
    assert second.duplicate_of is None
    assert second.history.first().prev_record.duplicate_of_id == first.pk


def test_a_background_import_shows_copies_and_near_duplicates_on_its_page(admin_client, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from companies.services import import_batches

    monkeypatch.setattr(imports, "document_extract", lambda document: harrowgate_proposal())
    monkeypatch.setattr(import_batches, "IMPORT_AT_ONCE_MAX", 2)
    uploads = [
        SimpleUploadedFile(name, text.encode(), "text/plain")
        for name, text in (("a.txt", PR_NEWSWIRE), ("b.txt", EXHIBIT), ("c.txt", CORRECTED))
    ]
    response = admin_client.post(IMPORT_URL, {"files": uploads}, follow=True)  # the test queue runs it

    page = response.content.decode()
    first = Release.objects.get(source_name="a.txt")
    assert Release.objects.count() == 2
    assert "already imported" in page
    assert f"possible duplicate: this release nearly repeats release #{first.pk}" in page
