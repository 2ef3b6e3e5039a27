# The Facility status cache goes: every status is read from the status spans (one truth).
# Going back re-adds the fields empty; `manage.py refresh_statuses` of that version refills them.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('companies', '0005_build_status_spans'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='facility',
            name='facility_status_valid',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='pending_date',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='pending_type',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='status',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='status_event',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='status_since',
        ),
    ]
