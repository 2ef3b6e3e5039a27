# The status spans: companies.status.spans stored, one row per stretch of a facility's history.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('companies', '0003_undated_events_and_releases_needing_a_company'),
    ]

    operations = [
        migrations.CreateModel(
            name='StatusSpan',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('valid_from', models.DateField(help_text='First day of the span. 0001-01-01 when it holds from before the first event (the status that event implies, e.g. open before an idling).')),
                ('valid_to', models.DateField(blank=True, help_text='The day after its last day (exclusive); blank while it still holds.', null=True)),
                ('status', models.CharField(choices=[('unknown', 'Unknown'), ('planned', 'Planned'), ('open', 'Open'), ('idled', 'Idled'), ('closed', 'Closed'), ('sold', 'Sold')], help_text='The status on every day of the span.', max_length=10)),
                ('since', models.DateField(blank=True, help_text='When the status took effect (before valid_from when only a pending announcement changed); blank when it is implied by the first event.', null=True)),
                ('pending_type', models.CharField(blank=True, choices=[('opened', 'Opened'), ('expanded', 'Expanded'), ('idled', 'Idled'), ('reopened', 'Reopened'), ('closed', 'Closed'), ('sold', 'Sold'), ('acquired', 'Acquired')], help_text='An accepted event announced by then for a later date, e.g. closed ("closure announced for ..."); blank when none.', max_length=10)),
                ('pending_date', models.DateField(blank=True, help_text='When that announced event takes effect.', null=True)),
                ('event', models.ForeignKey(blank=True, help_text='The accepted event that set the status; blank when implied by the first event.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='companies.event')),
                ('facility', models.ForeignKey(help_text='Whose status this is.', on_delete=django.db.models.deletion.CASCADE, related_name='spans', to='companies.facility')),
            ],
            options={
                'ordering': ['facility_id', 'valid_from'],
                'constraints': [
                    models.UniqueConstraint(fields=('facility', 'valid_from'), name='span_unique_start'),
                    models.CheckConstraint(condition=models.Q(('valid_to__isnull', True), ('valid_to__gt', models.F('valid_from')), _connector='OR'), name='span_ends_after_it_starts'),
                    models.CheckConstraint(condition=models.Q(('status__in', ['unknown', 'planned', 'open', 'idled', 'closed', 'sold'])), name='span_status_valid'),
                    models.CheckConstraint(condition=models.Q(('since__isnull', True), ('since__lte', models.F('valid_from')), _connector='OR'), name='span_since_not_after_start'),
                    models.CheckConstraint(condition=models.Q(models.Q(('pending_date__isnull', True), ('pending_type', '')), models.Q(('pending_type__in', ['opened', 'expanded', 'idled', 'reopened', 'closed', 'sold', 'acquired']), ('pending_date__gt', models.F('valid_from'))), _connector='OR'), name='span_pending_type_and_later_date'),
                ],
            },
        ),
    ]
