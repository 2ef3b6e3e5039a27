"""Migration 0013: every stored status span gets its facility's company; and back again."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("companies", "0012_release_newest_first")]
AFTER = [("companies", "0014_company_name_index")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_spans_are_given_their_facilitys_company():
    apps = migrate(BEFORE)
    try:
        Company = apps.get_model("companies", "Company")
        Location = apps.get_model("companies", "Location")
        Facility = apps.get_model("companies", "Facility")
        StatusSpan = apps.get_model("companies", "StatusSpan")
        place = Location.objects.create(locality="Jewett City", region="US-CT", country="US")
        owners = [Company.objects.create(name=f"Owner {i}", slug=f"owner-{i}") for i in range(2)]
        plants = [
            Facility.objects.create(company=owner, location=place, name=f"Plant {i}")
            for i, owner in enumerate(owners)
        ]
        for plant in plants:
            StatusSpan.objects.create(
                facility=plant,
                status="open",
                valid_from=datetime.date(2001, 1, 1),
                valid_to=datetime.date(2009, 3, 24),
            )
            StatusSpan.objects.create(facility=plant, status="idled", valid_from=datetime.date(2009, 3, 24))

        apps = migrate(AFTER)
        StatusSpan = apps.get_model("companies", "StatusSpan")
        assert sorted(StatusSpan.objects.values_list("facility_id", "company_id")) == sorted(
            (plant.pk, plant.company_id) for plant in plants for _ in range(2)
        )

        apps = migrate(BEFORE)
        StatusSpan = apps.get_model("companies", "StatusSpan")
        assert StatusSpan.objects.count() == 4
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
