"""Companies by name (``company_name_idx``): the explorer's default order is company name, then
locality and facility name. With the index the planner reads companies in name order and each
one's facilities (an incremental sort within each company) until the page is full, instead of
joining and sorting every matching facility (``?status=idled&country=US``: 95,000 rows sorted
on disk for 50 shown). Raw SQL, so not in the model's state (``Company`` belongs to the model
layer's owners; the index is the pages' concern), like ``release_newest_idx``."""

from django.db import migrations

CREATE = "CREATE INDEX IF NOT EXISTS company_name_idx ON companies_company (name, id)"


def create(apps, schema_editor):
    schema_editor.execute(CREATE)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ANALYZE companies_company")


def drop(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS company_name_idx")


class Migration(migrations.Migration):
    dependencies = [("companies", "0013_statusspan_company")]

    operations = [migrations.RunPython(create, drop)]
