"""Status spans carry their facility's company (``StatusSpan.company``), indexed with the status
and dates (``span_company_dates_idx``): the company page counts and lists a company's or a
family's facilities on a date from one index range instead of probing every facility's spans
(README, "Performance").

The column is filled from the facilities in one statement, then made required and indexed. Each
step commits on its own (``atomic = False``): PostgreSQL refuses to alter a table with pending
trigger events after a large update in the same transaction. On PostgreSQL the span table is
then vacuumed (the update left a dead version of every row, and index-only scans need the
visibility map) and the tables the pages read are analysed, so the planner sees the new column
and index at once (autovacuum would do both later, or never where it is off)."""

import django.db.models.deletion
from django.db import migrations, models

FILL_POSTGRESQL = (
    "UPDATE companies_statusspan AS span SET company_id = facility.company_id "
    "FROM companies_facility AS facility WHERE facility.id = span.facility_id"
)
FILL_OTHER = (
    "UPDATE companies_statusspan SET company_id = (SELECT facility.company_id FROM companies_facility "
    "AS facility WHERE facility.id = companies_statusspan.facility_id)"
)


def fill(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    schema_editor.execute(FILL_POSTGRESQL if vendor == "postgresql" else FILL_OTHER)


def analyze(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        connection = schema_editor.connection
        if not connection.in_atomic_block:  # VACUUM cannot run in a transaction
            schema_editor.execute("VACUUM companies_statusspan")
        for table in (
            "companies_statusspan",
            "companies_facility",
            "companies_event",
            "companies_location",
            "companies_company",
            "companies_release",
        ):
            schema_editor.execute(f"ANALYZE {table}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("companies", "0012_release_newest_first"),
    ]

    operations = [
        migrations.AddField(
            model_name="statusspan",
            name="company",
            field=models.ForeignKey(
                db_index=False,
                help_text="The facility's company, stored with the span by the status service (and moved with the facility), so a company's counts and lists on a date are one index range.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="status_spans",
                to="companies.company",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, atomic=True),
        migrations.AlterField(
            model_name="statusspan",
            name="company",
            field=models.ForeignKey(
                db_index=False,
                help_text="The facility's company, stored with the span by the status service (and moved with the facility), so a company's counts and lists on a date are one index range.",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="status_spans",
                to="companies.company",
            ),
        ),
        migrations.AddIndex(
            model_name="statusspan",
            index=models.Index(
                fields=["company", "status", "valid_from", "valid_to", "facility"],
                name="span_company_dates_idx",
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop, atomic=False),
    ]
