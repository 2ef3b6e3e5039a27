"""The admin, walked pattern by pattern from the URL conf: staff-only (anonymous users and
logged-in non-staff get the login page and nothing else), and the Editors group
(``manage.py setup_editors``) imports, reviews and edits but cannot manage users, groups or the
task queue. A superuser reaches every page without a server error."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from companies.models import Company, Event, ImportBatch, Release
from companies.services import imports
from tests.factories import ClaimFactory, EventFactory, open_facility
from tests.security.urlconf import Route, routes
from tests.services.test_import_batches import DATABASE_QUEUE
from tests.services.test_imports import BODY, make_proposal

pytestmark = pytest.mark.django_db

ADMIN = [route for route in routes() if route.namespace == "admin"]
LOGIN = "/admin/login/"
# What editors may not delete (setup_editors: deleting these removes history).
UNDELETABLE = ("company", "facility", "location")
# Apps outside the editors' reach: user and group management, the background task queue.
NOT_FOR_EDITORS = ("admin/auth/", "admin/django_tasks_database/")


@pytest.fixture
def objects(settings) -> dict:
    """One record of every model the admin shows, keyed by model name."""
    settings.TASKS = DATABASE_QUEUE  # the task admin reads its rows through the real backend
    facility = open_facility()
    event = Event.objects.get()
    claim = ClaimFactory(release=event.release, company=facility.company)
    proposed = EventFactory(facility=facility, type="closed", review_state="proposed", release=event.release)
    call_command("setup_editors", stdout=StringIO())
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="companies.tasks.import_batch_task",
        backend_name="default",
        run_after=timezone.now(),
    )
    return {
        "company": facility.company,
        "facility": facility,
        "location": facility.location,
        "release": event.release,
        "event": proposed,
        "footprintclaim": claim,
        "user": get_user_model().objects.create_superuser("root", "root@example.com", "pw"),
        "group": Group.objects.get(name="Editors"),
        "dbtaskresult": task,
        "importbatch": ImportBatch.objects.create(),
    }


def sample_path(route: Route, objects: dict, app_label: str = "companies") -> str:
    """The route with sample parameters: the object of the model its path names."""
    parts = route.pattern.split("/")
    model = parts[2] if len(parts) > 2 and parts[2] in objects else "company"
    obj = objects[model]
    history = getattr(obj, "history", None)
    return route.path(
        {
            "object_id": obj.pk,
            "id": objects["user"].pk,
            "batch_id": objects["importbatch"].pk,
            "content_type_id": ContentType.objects.get_for_model(Company).pk,
            "app_label": app_label,
            "url": "no-such-page/",
            "1": obj.pk,
            "2": history.first().history_id if history is not None else 0,
        }
    )


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def editor() -> Client:
    user = get_user_model().objects.create_user("alice", password="pw")
    call_command("setup_editors", "--user", "alice", stdout=StringIO())
    return client_for(user)


def test_the_walk_finds_the_admin_and_its_own_pages():
    names = {route.name for route in ADMIN}
    assert {
        "admin:login",
        "admin:auth_user_change",
        "admin:companies_release_review",
        "admin:companies_release_import",
        "admin:companies_event_simple_history",
    } <= names


@pytest.mark.parametrize("who", ["anonymous", "non-staff"])
@pytest.mark.parametrize("route", ADMIN, ids=lambda r: r.pattern)
def test_only_the_login_page_for_anonymous_and_non_staff_users(objects, route, who):
    user = get_user_model().objects.create_user("bob", password="pw") if who == "non-staff" else None
    client = client_for(user)
    path = sample_path(route, objects)
    events_before = list(Event.objects.values_list("pk", "review_state"))

    response = client.get(path)
    posted = client.post(path, {"action": "accept_all", "name": "Taken over", "username": "mallory"})

    if route.name == "admin:login":
        assert response.status_code == 200
    elif route.name == "admin:logout":  # logging out no one goes to the index, thus the login
        assert response.status_code == posted.status_code == 302
        assert response["Location"] == posted["Location"] == "/admin/"
    else:
        assert response.status_code == 302, (path, response.status_code)
        assert response["Location"].startswith(LOGIN), response["Location"]
        assert posted.status_code == 302 and posted["Location"].startswith(LOGIN)
    assert list(Event.objects.values_list("pk", "review_state")) == events_before
    assert not get_user_model().objects.filter(username="mallory").exists()


@pytest.mark.parametrize(
    "route", [r for r in ADMIN if r.pattern.startswith(NOT_FOR_EDITORS)], ids=lambda r: r.pattern
)
def test_editors_cannot_manage_users_groups_or_the_task_queue(objects, route):
    client = editor()
    path = sample_path(route, objects, app_label="auth")
    response = client.get(path, follow=True)
    assert response.status_code in (403, 404), (path, response.status_code)
    response = client.post(
        path, {"username": "mallory", "password1": "x", "password2": "x", "name": "Admins"}
    )
    assert response.status_code in (302, 403, 404), (path, response.status_code)
    if response.status_code == 302:  # the bare object URL redirects to its change page
        assert client.post(response["Location"], {"is_superuser": "on"}).status_code == 403
    assert not get_user_model().objects.filter(username="mallory").exists()
    assert not Group.objects.filter(name="Admins").exists()
    assert not get_user_model().objects.get(username="alice").is_superuser


@pytest.mark.parametrize(
    "route", [r for r in ADMIN if r.pattern.startswith("admin/companies/")], ids=lambda r: r.pattern
)
def test_editors_reach_every_page_of_the_companies_admin(objects, route):
    client = editor()
    response = client.get(sample_path(route, objects), follow=True)
    model = route.name.removeprefix("admin:companies_").removesuffix("_delete")
    if route.name.endswith("_delete") and model in UNDELETABLE:
        assert response.status_code == 403
    else:
        assert response.status_code == 200, (route.pattern, response.status_code)


def test_editors_import_review_and_edit(objects, monkeypatch):
    monkeypatch.setattr(imports, "document_extract", lambda document: make_proposal())
    client = editor()
    releases_before = Release.objects.count()

    imported = client.post("/admin/companies/release/import/", {"text": BODY})
    assert imported.status_code in (200, 302)
    assert Release.objects.count() == releases_before + 1

    release = objects["release"]
    reviewed = client.post(f"/admin/companies/release/{release.pk}/review/", {"action": "accept_all"})
    assert reviewed.status_code == 302
    objects["event"].refresh_from_db()
    assert objects["event"].review_state == "accepted"

    company = objects["company"]
    page = client.get(f"/admin/companies/company/{company.pk}/change/")
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"name": "Renamed Widgets", "facilities-TOTAL_FORMS": "0", "facilities-INITIAL_FORMS": "0"})
    edited = client.post(f"/admin/companies/company/{company.pk}/change/", data)
    assert edited.status_code == 302, edited.context and edited.context["adminform"].form.errors
    company.refresh_from_db()
    assert company.name == "Renamed Widgets"


@pytest.mark.parametrize("route", ADMIN, ids=lambda r: r.pattern)
def test_a_superuser_reaches_every_admin_page_without_error(objects, route):
    client = client_for(objects["user"])
    response = client.get(sample_path(route, objects))
    # 403 where the admin allows no one (adding a task, the autocomplete without its parameters),
    # 405 for logging out with GET (a POST since Django 5.0).
    assert response.status_code in (200, 302, 403, 404, 405), (route.pattern, response.status_code)
