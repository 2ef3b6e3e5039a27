# Build the status spans of every facility from its accepted events, with the one status function
# (companies.status.spans, pure: it needs no model), before the Facility status cache goes.

from collections import defaultdict

from django.db import migrations

BATCH = 2000


class EventView:
    """A historical Event with what companies.status reads (``release_published``)."""

    def __init__(self, row):
        self.pk, self.type, self.announced_date, self.effective_date, self.review_state, self.release_published = row


def build_spans(apps, schema_editor):
    from companies.status import spans

    Facility = apps.get_model("companies", "Facility")
    Event = apps.get_model("companies", "Event")
    StatusSpan = apps.get_model("companies", "StatusSpan")
    ids = list(Facility.objects.order_by("pk").values_list("pk", flat=True))
    for offset in range(0, len(ids), BATCH):
        batch = ids[offset : offset + BATCH]
        events = defaultdict(list)
        rows = (
            Event.objects.filter(facility_id__in=batch, review_state="accepted")
            .order_by()
            .values_list(
                "facility_id", "pk", "type", "announced_date", "effective_date", "review_state", "release__published"
            )
        )
        for facility_id, *row in rows:
            events[facility_id].append(EventView(row))
        StatusSpan.objects.filter(facility_id__in=batch).delete()
        StatusSpan.objects.bulk_create(
            StatusSpan(
                facility_id=facility_id,
                valid_from=span.valid_from,
                valid_to=span.valid_to,
                status=span.status.status,
                since=span.status.since,
                event_id=span.status.event.pk if span.status.event is not None else None,
                pending_type=span.status.pending_type,
                pending_date=span.status.pending_date,
            )
            for facility_id in batch
            for span in spans(events.get(facility_id, []))
        )


class Migration(migrations.Migration):

    dependencies = [
        ('companies', '0004_statusspan'),
    ]

    operations = [
        migrations.RunPython(build_spans, migrations.RunPython.noop),
    ]
