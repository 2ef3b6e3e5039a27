"""Background tasks (django-tasks; the database backend's worker is ``manage.py db_worker``).

Thin: each task calls a service, so the work is the same whether a worker, a test or the shell
runs it.
"""

from __future__ import annotations

from django_tasks import task

from .services.import_batches import import_batch_run


@task()
def import_batch_task(*, batch_id: int, token: str) -> dict:
    """Import a batch stored by the admin's "Import releases" page (``import_batch_run``)."""
    return import_batch_run(batch_id=batch_id, token=token)
