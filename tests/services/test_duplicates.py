"""``services.duplicates`` and the import: the same release is stored once, a near-duplicate is
flagged for the editor, and only releases of the same issuer or date are compared."""

import datetime

import pytest

from companies.importer.proposal import CompanyRef, Document
from companies.models import Release
from companies.services import duplicates
from companies.services.duplicates import (
    release_flag_near_duplicate,
    release_near_duplicates,
    release_same_text,
)
from companies.services.imports import NEAR_DUPLICATE_WARNING, release_import
from tests.factories import CompanyFactory, ReleaseFactory
from tests.importer.test_fingerprint import EXHIBIT, OTHER, PR_NEWSWIRE, rewrapped
from tests.services.test_imports import make_proposal

pytestmark = pytest.mark.django_db

APRIL_2 = datetime.date(2024, 4, 2)
CORRECTED = PR_NEWSWIRE.replace("About 140 employees", "About 150 employees")


def with_sentence(text: str, sentence: str) -> str:
    """The release with one more sentence in its body."""
    return text.replace("choose not to move.", f"choose not to move. {sentence}", 1)


def harrowgate_proposal(**overrides):
    values = {
        "headline": "Harrowgate Ceramics to Close Millbrook Tile Plant",
        "published": APRIL_2,
        "company": CompanyRef("Harrowgate Ceramics Inc.", "HRGC", "NASDAQ"),
        "events": [],
        "claims": [],
    }
    return make_proposal(**{**values, **overrides})


def imported(text: str, **proposal):
    return release_import(
        document=Document(name="release.txt", text=text), proposal=harrowgate_proposal(**proposal)
    )


def test_same_text_by_body_words_or_by_all_words():
    stored = ReleaseFactory(body=PR_NEWSWIRE)
    assert release_same_text(body=EXHIBIT) == stored
    assert release_same_text(body=" ".join(PR_NEWSWIRE.split())) == stored  # one line: all_words
    assert release_same_text(body=OTHER) is None
    assert release_same_text(body=PR_NEWSWIRE, exclude_pk=stored.pk) is None


def test_importing_a_copy_laid_out_differently_stores_nothing():
    first = imported(PR_NEWSWIRE)
    for copy in (EXHIBIT, rewrapped(PR_NEWSWIRE), " ".join(PR_NEWSWIRE.split())):
        again = imported(copy)
        assert again.status == "already imported" and again.release == first.release
    assert Release.objects.count() == 1


def test_a_near_duplicate_is_imported_and_flagged_with_a_warning():
    first = imported(PR_NEWSWIRE).release
    second = imported(CORRECTED)

    assert second.status == "imported" and second.release != first
    assert second.near_duplicate == first
    warning = next(w for w in second.warnings if w.startswith(NEAR_DUPLICATE_WARNING))
    assert f"release #{first.pk}" in warning and "% of the text, the same headline and date" in warning
    stored = Release.objects.get(pk=second.release.pk)
    assert stored.duplicate_of == first
    assert "duplicate: nearly repeats" in stored.import_log


def test_a_different_release_of_the_same_issuer_is_not_flagged():
    imported(PR_NEWSWIRE)
    other = imported(OTHER, headline="Harrowgate Ceramics Opens Dover Distribution Center")
    assert other.near_duplicate is None and other.release.duplicate_of is None


def test_same_headline_and_date_is_a_near_duplicate_whatever_the_text():
    company = CompanyFactory()
    stored = ReleaseFactory(company=company, headline="Harrowgate to close Millbrook", published=APRIL_2)
    found = release_near_duplicates(
        body="Entirely other words about kilns and tile.",
        headline="Harrowgate to Close Millbrook.",
        published=APRIL_2,
    )
    assert [(n.release, n.same_headline) for n in found] == [(stored, True)]
    assert "the same headline and date" in found[0].describe()


def test_only_the_same_issuer_near_in_time_or_the_same_date_are_compared():
    company = CompanyFactory()
    near_in_time = ReleaseFactory(
        company=company, body=PR_NEWSWIRE, published=APRIL_2 + datetime.timedelta(days=10)
    )
    ReleaseFactory(
        company=company, body=with_sentence(EXHIBIT, "Later."), published=datetime.date(2023, 1, 5)
    )
    ReleaseFactory(body=with_sentence(PR_NEWSWIRE, "Other issuer."), published=datetime.date(2020, 6, 1))

    found = release_near_duplicates(body=CORRECTED, company_id=company.pk, published=APRIL_2)
    assert [n.release for n in found] == [near_in_time]
    # with neither issuer nor date, nothing is compared (the text's own dateline gives a date)
    assert release_near_duplicates(body="Harrowgate idled a kiln.") == []


def test_the_same_date_finds_a_copy_filed_under_another_issuer():
    stored = ReleaseFactory(body=PR_NEWSWIRE, published=APRIL_2)  # the dateline's date
    found = release_near_duplicates(body=CORRECTED)
    assert [n.release for n in found] == [stored]


def test_the_candidates_are_bounded(monkeypatch, django_assert_max_num_queries):
    monkeypatch.setattr(duplicates, "CANDIDATES_MAX", 2)
    for n in range(4):
        ReleaseFactory(body=with_sentence(PR_NEWSWIRE, f"Variant {n}."), published=APRIL_2)
    compared = []
    real = duplicates.fingerprint
    monkeypatch.setattr(duplicates, "fingerprint", lambda text: compared.append(text) or real(text))
    with django_assert_max_num_queries(1):
        found = release_near_duplicates(body=CORRECTED, published=APRIL_2, limit=5)
    assert len(found) == 2 and len(compared) == 3  # the new text and two candidates


def test_flagging_records_the_nearest_release():
    first = ReleaseFactory(body=PR_NEWSWIRE, published=APRIL_2)
    second = ReleaseFactory(body=CORRECTED, published=APRIL_2)
    near = release_flag_near_duplicate(release=second)
    assert near.release == first and near.overlap > 0.9
    second.refresh_from_db()
    assert second.duplicate_of == first
    assert release_flag_near_duplicate(release=ReleaseFactory(body=OTHER, published=APRIL_2)) is None


def test_a_releases_hashes_follow_its_body_and_are_not_taken_again_for_other_fields(monkeypatch):
    from companies.models import release as release_module
    from companies.models.release import content_hash, words_hash

    stored = ReleaseFactory(body=PR_NEWSWIRE)
    stored.body = OTHER
    stored.save(update_fields=["body"])
    stored = Release.objects.get(pk=stored.pk)
    assert (stored.content_hash, stored.words_hash) == (content_hash(OTHER), words_hash(OTHER))

    taken = []
    monkeypatch.setattr(release_module, "content_hash", lambda body: taken.append(body) or "x" * 64)
    stored.wire = "PR Newswire"
    stored.save()
    Release.objects.get(pk=stored.pk).save(update_fields=["wire"])
    assert taken == []
