"""Migration 0009: stored releases get their content hash again over the body's words; two that
now collide are both kept, the later flagged as the earlier's duplicate; and back again."""

import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from companies.models.release import content_hash, words_hash
from tests.importer.test_fingerprint import EXHIBIT, OTHER, PR_NEWSWIRE

BEFORE = [("companies", "0008_history")]
AFTER = [("companies", "0009_release_duplicates")]


def old_hash(body: str) -> str:
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_hashes_are_recomputed_and_a_collision_keeps_both(capsys):
    apps = migrate(BEFORE)
    try:
        Release = apps.get_model("companies", "Release")
        wire, exhibit, other = (
            Release.objects.create(headline=h, body=b, content_hash=old_hash(b))
            for h, b in (("Wire copy", PR_NEWSWIRE), ("Exhibit copy", EXHIBIT), ("Other", OTHER))
        )

        apps = migrate(AFTER)
        Release = apps.get_model("companies", "Release")
        rows = {r.pk: r for r in Release.objects.all()}
        assert rows[wire.pk].content_hash == content_hash(PR_NEWSWIRE) == content_hash(EXHIBIT)
        assert rows[other.pk].content_hash == content_hash(OTHER)
        # the collision: kept, with its old hash, and flagged for an editor
        assert rows[exhibit.pk].content_hash == old_hash(EXHIBIT)
        assert rows[exhibit.pk].duplicate_of_id == wire.pk
        assert rows[wire.pk].duplicate_of_id is None
        assert {r.words_hash for r in rows.values()} == {words_hash(b) for b in (PR_NEWSWIRE, EXHIBIT, OTHER)}
        assert f"release #{exhibit.pk} has the same text as #{wire.pk}" in capsys.readouterr().out

        apps = migrate(BEFORE)
        Release = apps.get_model("companies", "Release")
        assert {r.pk: r.content_hash for r in Release.objects.all()} == {
            wire.pk: old_hash(PR_NEWSWIRE),
            exhibit.pk: old_hash(EXHIBIT),
            other.pk: old_hash(OTHER),
        }
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
