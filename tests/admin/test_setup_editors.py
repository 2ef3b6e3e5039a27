"""`manage.py setup_editors` creates the Editors group, idempotently, with the right permissions."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.factories import EventFactory, status_today


def run(*args) -> str:
    out = StringIO()
    call_command("setup_editors", *args, stdout=out)
    return out.getvalue()


def codenames(group) -> set[str]:
    return set(group.permissions.values_list("codename", flat=True))


@pytest.mark.django_db
def test_creates_the_group_with_editor_permissions():
    assert "Created" in run()
    group = Group.objects.get(name="Editors")
    perms = codenames(group)
    for model in ("company", "location", "facility", "release", "event", "footprintclaim"):
        assert {f"add_{model}", f"change_{model}", f"view_{model}"} <= perms
    assert {"delete_event", "delete_footprintclaim", "delete_release"} <= perms
    assert not perms & {"delete_company", "delete_facility", "delete_location"}
    assert set(group.permissions.values_list("content_type__app_label", flat=True)) == {"companies"}


@pytest.mark.django_db
def test_is_idempotent_and_resets_drifted_permissions():
    run()
    group = Group.objects.get(name="Editors")
    expected = codenames(group)
    assert "up to date" in run()
    assert Group.objects.filter(name="Editors").count() == 1
    assert codenames(group) == expected

    group.permissions.add(Permission.objects.get(codename="delete_user"))
    group.permissions.remove(Permission.objects.get(codename="change_event"))
    assert "Updated" in run()
    assert codenames(group) == expected


@pytest.mark.django_db
def test_adds_users_as_staff_editors():
    user = get_user_model().objects.create_user("alice", password="pw")
    run("--user", "alice")
    run("--user", "alice")
    user.refresh_from_db()
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]


@pytest.mark.django_db
def test_unknown_user_is_an_error():
    with pytest.raises(CommandError, match="No user"):
        run("--user", "nobody")


@pytest.mark.django_db
def test_an_editor_can_review_events_but_not_manage_users(client):
    user = get_user_model().objects.create_user("alice", password="pw")
    run("--user", "alice")
    client.force_login(user)
    event = EventFactory(review_state="proposed")

    assert client.get(reverse("admin:companies_event_changelist")).status_code == 200
    assert client.get(reverse("admin:companies_company_changelist")).status_code == 200
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403

    client.post(
        reverse("admin:companies_event_changelist"),
        {"action": "accept_events", "_selected_action": [event.pk]},
    )
    event.refresh_from_db()
    assert event.review_state == "accepted"
    assert status_today(event.facility_id).status == "idled"
