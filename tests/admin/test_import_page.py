"""The admin "Import releases" page, the re-extract action and the highlighted review text."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from companies.highlight import highlighted_body
from companies.models import Event, Release
from companies.services import imports
from companies.services.imports import release_import
from tests.factories import EventFactory, ReleaseFactory, statuses_today
from tests.services.test_imports import BODY, EVIDENCE, doc, make_proposal

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:companies_release_import")


@pytest.fixture
def fake_extract(monkeypatch):
    monkeypatch.setattr(imports, "document_extract", lambda document: make_proposal())


def editor(*perms):
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=perms))
    return user


def test_paste_text_creates_a_release_and_shows_results(admin_client, fake_extract):
    response = admin_client.post(IMPORT_URL, {"text": BODY, "headline": "", "url": "https://example.com/r"})
    assert response.status_code == 200
    release = Release.objects.get()
    assert release.url == "https://example.com/r"
    assert release.events.count() == 2
    page = response.content.decode()
    assert reverse("admin:companies_release_review", args=[release.pk]) in page  # the review page
    assert "imported: 2 events proposed, 0 accepted" in page
    assert "1 releases imported" in page  # the success message


def test_paste_with_accept_above_accepts(admin_client, fake_extract):
    admin_client.post(IMPORT_URL, {"text": BODY, "accept_above": "0.9"})
    assert set(Event.objects.values_list("review_state", flat=True)) == {"accepted"}
    assert statuses_today() == {"idled"}


def test_pasted_headline_and_date_are_used(admin_client, monkeypatch):
    seen = []

    def fake(document):
        seen.append(document)
        return make_proposal(headline=None, published=None)

    monkeypatch.setattr(imports, "document_extract", fake)
    admin_client.post(IMPORT_URL, {"text": BODY, "headline": "Given headline", "published": "2009-03-25"})
    assert seen[0].headline == "Given headline"
    release = Release.objects.get()
    assert (release.headline, release.published.isoformat()) == ("Given headline", "2009-03-25")


def test_upload_two_files(admin_client, fake_extract):
    files = [
        SimpleUploadedFile("one.txt", b"First release. Acme is idling its plant.", "text/plain"),
        SimpleUploadedFile(
            "two.html",
            b"<html><head><title>Second release</title></head><body><p>Acme is idling its plant.</p></body></html>",
            "text/html",
        ),
    ]
    response = admin_client.post(IMPORT_URL, {"files": files})
    assert response.status_code == 200
    assert Release.objects.count() == 2
    page = response.content.decode()
    assert "one.txt" in page and "two.html" in page
    assert "2 releases imported" in page


def test_same_upload_twice_is_already_imported(admin_client, fake_extract):
    for _ in range(2):
        response = admin_client.post(IMPORT_URL, {"files": [SimpleUploadedFile("one.txt", b"Release text.")]})
    assert Release.objects.count() == 1
    assert "already imported" in response.content.decode()


def test_unreadable_upload_is_reported_and_the_others_imported(admin_client, fake_extract):
    files = [
        SimpleUploadedFile("good.txt", b"A readable release."),
        SimpleUploadedFile("bad.txt", b"\x00\x01binary\x00" * 40),
    ]
    response = admin_client.post(IMPORT_URL, {"files": files}, follow=True)
    assert Release.objects.count() == 1
    page = response.content.decode()
    assert "bad.txt" in page and "error:" in page


def test_empty_form_says_what_to_do(admin_client):
    response = admin_client.post(IMPORT_URL, {"text": "  "})
    assert response.status_code == 200
    assert "Paste the text of a release or choose one or more files." in response.content.decode()
    assert not Release.objects.exists()


def test_failing_extraction_keeps_the_text_and_says_so(admin_client, monkeypatch):
    def broken(document):
        raise RuntimeError("extractor exploded")

    monkeypatch.setattr(imports, "document_extract", broken)
    response = admin_client.post(IMPORT_URL, {"text": BODY})
    page = response.content.decode()
    assert "extractor exploded" in page and "The text is kept on the release." in page
    release = Release.objects.get()
    assert release.import_state == "failed" and release.body == BODY


def test_get_renders_the_form(admin_client):
    response = admin_client.get(IMPORT_URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'type="file"' in page and "multiple" in page and 'name="accept_above"' in page


def test_linked_from_index_and_release_changelist(admin_client):
    assert IMPORT_URL in admin_client.get(reverse("admin:index")).content.decode()
    assert IMPORT_URL in admin_client.get(reverse("admin:companies_release_changelist")).content.decode()


def test_non_staff_user_is_denied(client, fake_extract):
    user = User.objects.create_user("reader", password="pw")
    user.user_permissions.set(Permission.objects.filter(codename="add_release"))
    client.force_login(user)
    response = client.post(IMPORT_URL, {"text": BODY})
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]
    assert not Release.objects.exists()


def test_staff_without_add_release_is_forbidden(client, fake_extract):
    client.force_login(editor("view_release", "change_release"))
    assert client.get(IMPORT_URL).status_code == 403
    assert client.post(IMPORT_URL, {"text": BODY}).status_code == 403
    assert not Release.objects.exists()
    assert IMPORT_URL not in client.get(reverse("admin:index")).content.decode()


def test_staff_with_add_release_may_import(client, fake_extract):
    client.force_login(editor("add_release", "view_release"))
    assert client.post(IMPORT_URL, {"text": BODY}).status_code == 200
    assert Release.objects.count() == 1


def test_reextract_action(admin_client, monkeypatch):
    release_import(document=doc(), proposal=make_proposal())
    release = Release.objects.get()
    monkeypatch.setattr(
        imports, "document_extract", lambda document: make_proposal(events=make_proposal().events[:1])
    )
    response = admin_client.post(
        reverse("admin:companies_release_changelist"),
        {"action": "reextract_releases", "_selected_action": [release.pk]},
        follow=True,
    )
    assert "Re-extracted 1 releases" in response.content.decode()
    assert release.events.count() == 1
    release.refresh_from_db()
    assert "re-extract" in release.import_log


def test_reextract_action_needs_change_permission(client):
    client.force_login(editor("view_release", "add_release"))
    response = client.get(reverse("admin:companies_release_changelist"))
    assert "reextract_releases" not in response.content.decode()


# --- review: the release text with evidence highlighted ---------------------------------------


def test_change_page_shows_highlighted_evidence(admin_client):
    release_import(document=doc(), proposal=make_proposal())
    release = Release.objects.get()
    page = admin_client.get(reverse("admin:companies_release_change", args=[release.pk])).content.decode()
    assert 'class="evidence state-proposed"' in page
    assert "Idled — Jewett City, CT, US (proposed); Idled — Littleton, NH, US (proposed)" in page


def test_highlight_escapes_the_body_and_evidence():
    release = ReleaseFactory(
        body="<script>alert(1)</script> Acme is idling its <b>Jewett</b> plant. The end."
    )
    EventFactory(
        release=release,
        facility__company=release.company,
        evidence="Acme is idling its <b>Jewett</b>  plant.",
    )
    html = highlighted_body(release)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '">Acme is idling its &lt;b&gt;Jewett&lt;/b&gt; plant.</mark> The end.' in html


def test_highlight_lists_evidence_it_cannot_find():
    release = ReleaseFactory(body="Nothing to see here.")
    EventFactory(release=release, facility__company=release.company, evidence="A sentence from elsewhere.")
    html = highlighted_body(release)
    assert "<mark" not in html
    assert "Evidence not found verbatim" in html and "A sentence from elsewhere." in html


def test_highlight_marks_accepted_evidence_by_state():
    release = ReleaseFactory(body=f"Intro. {EVIDENCE} Outro.")
    EventFactory(
        release=release, facility__company=release.company, evidence=EVIDENCE, review_state="accepted"
    )
    assert "state-accepted" in highlighted_body(release)


def test_upload_a_feed_imports_each_entry(admin_client, fake_extract):
    feed = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Acme idles plant</title><link>https://example.com/1</link>
<pubDate>Tue, 24 Mar 2009 12:00:00 GMT</pubDate><description>Acme is idling its Jewett City plant.</description></item>
<item><title>Acme closes mill</title><link>https://example.com/2</link>
<pubDate>Wed, 25 Mar 2009 12:00:00 GMT</pubDate><description>Acme is closing its Bowater mill.</description></item>
</channel></rss>"""
    response = admin_client.post(IMPORT_URL, {"files": [SimpleUploadedFile("wire.xml", feed)]})
    assert Release.objects.count() == 2
    assert set(Release.objects.values_list("url", flat=True)) == {
        "https://example.com/1",
        "https://example.com/2",
    }
    assert "wire.xml#1" in response.content.decode()
