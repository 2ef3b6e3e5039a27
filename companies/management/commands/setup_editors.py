"""Create or update the "Editors" group, and optionally put users in it.

Usage::

    python manage.py setup_editors                      # create/update the group
    python manage.py setup_editors --user alice --user bob

Editors curate Footprint in the Django admin. The group gets add, change and view permissions
on every model of the ``companies`` app, and delete permission on releases, events and footprint
claims (deleting a company, facility or location removes history, so that stays with
superusers). Nothing else: editors cannot see users, groups or other apps.

The command is the source of truth for the group's permissions: running it again resets them
to this list, and changes nothing when they already match. ``--user NAME`` (repeatable) adds an
existing user to the group and marks them staff so they can log in to the admin.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

GROUP_NAME = "Editors"
APP_LABEL = "companies"
EDIT_ACTIONS = ("add", "change", "view")
# Models whose rows editors may delete: the source documents and what was read from them.
DELETABLE_MODELS = frozenset({"release", "event", "footprintclaim"})


def editor_permission_codenames() -> set[str]:
    """The codenames the Editors group should hold, e.g. ``change_event``."""
    codenames = set()
    for model in apps.get_app_config(APP_LABEL).get_models():
        name = model._meta.model_name
        actions = EDIT_ACTIONS + (("delete",) if name in DELETABLE_MODELS else ())
        codenames.update(f"{action}_{name}" for action in actions)
    return codenames


class Command(BaseCommand):
    help = 'Create or update the "Editors" group with the permissions editors need; add users with --user.'

    def add_arguments(self, parser):
        parser.add_argument(
            "--user",
            action="append",
            default=[],
            metavar="NAME",
            help="Username to add to the group (and mark as staff). Repeatable.",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        # Permissions are normally created after migrate; make sure they exist.
        create_permissions(apps.get_app_config(APP_LABEL), verbosity=0)

        wanted = editor_permission_codenames()
        permissions = list(
            Permission.objects.filter(
                content_type__in=ContentType.objects.filter(app_label=APP_LABEL), codename__in=wanted
            )
        )
        missing = wanted - {p.codename for p in permissions}
        if missing:
            raise CommandError(f"Missing permissions {sorted(missing)}; run `manage.py migrate` first.")

        group, created = Group.objects.get_or_create(name=GROUP_NAME)
        before = set(group.permissions.values_list("pk", flat=True))
        group.permissions.set(permissions)
        after = {p.pk for p in permissions}
        if created:
            self.stdout.write(f'Created group "{GROUP_NAME}" with {len(after)} permissions.')
        elif before != after:
            self.stdout.write(f'Updated group "{GROUP_NAME}": {len(after)} permissions.')
        else:
            self.stdout.write(f'Group "{GROUP_NAME}" is up to date ({len(after)} permissions).')

        User = get_user_model()
        for username in options["user"]:
            try:
                user = User.objects.get(**{User.USERNAME_FIELD: username})
            except User.DoesNotExist as exc:
                raise CommandError(
                    f'No user "{username}"; create it first (manage.py createsuperuser or the admin).'
                ) from exc
            if not user.is_staff:
                user.is_staff = True
                user.save(update_fields=["is_staff"])
            user.groups.add(group)
            self.stdout.write(f'"{username}" is an editor (staff, in "{GROUP_NAME}").')
