"""``manage.py sample_lock_waits [--interval 0.1] [--while-pid PID | --seconds N]``: how long sessions
wait on locks, sampled from PostgreSQL while something else runs (``make load-under-import``).

Every ``--interval`` seconds it reads the locks not yet granted in this database (``pg_locks``
joined to ``pg_stat_activity``, i.e. the sessions whose ``wait_event_type`` is ``Lock``) and how
long each has waited (``now() - pg_locks.waitstart``). A wait is one session waiting for one lock
since one moment; its length is the longest seen, so it is short by at most one interval, and a
wait shorter than one interval may be missed. Sessions are told apart by ``application_name``
(``PGAPPNAME`` of the process that opened them). Prints the number of samples and waits, the
longest wait overall and per application, and the waits of a second or more.

On SQLite there is nothing to sample: readers in WAL mode take no lock; it says so.
"""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

SAMPLE = """
SELECT a.pid, coalesce(nullif(a.application_name, ''), '?'), l.locktype, l.mode,
       extract(epoch FROM clock_timestamp() - l.waitstart), l.waitstart, left(a.query, 100)
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE NOT l.granted AND a.datname = current_database() AND a.pid <> pg_backend_pid()
"""


@dataclass
class Wait:
    application: str
    lock: str
    query: str
    seconds: float


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


class Command(BaseCommand):
    help = "Sample PostgreSQL lock waits (pg_locks, pg_stat_activity) while another process runs."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=0.1, help="Seconds between samples (0.1).")
        parser.add_argument("--while-pid", type=int, default=None, help="Sample until this process ends.")
        parser.add_argument("--seconds", type=float, default=None, help="Or sample for this long.")

    def handle(self, *args, interval: float, while_pid: int | None, seconds: float | None, **options):
        if connection.vendor != "postgresql":
            self.stdout.write(
                f"lock waits: not sampled on {connection.vendor} (readers in WAL mode take no lock; "
                "a writer waits for another on the busy timeout)"
            )
            return
        if while_pid is None and seconds is None:
            raise CommandError("give --while-pid or --seconds")
        if interval <= 0:
            raise CommandError("--interval must be positive")
        stop = {"now": False}
        signal.signal(signal.SIGTERM, lambda *_: stop.update(now=True))
        waits: dict[tuple[int, object, str], Wait] = {}
        samples, waiting_samples = 0, 0
        started = time.monotonic()
        while not stop["now"]:
            if while_pid is not None and not _alive(while_pid):
                break
            if seconds is not None and time.monotonic() - started >= seconds:
                break
            with connection.cursor() as cursor:  # autocommit: each sample sees the present
                cursor.execute(SAMPLE)
                rows = cursor.fetchall()
            samples += 1
            waiting_samples += bool(rows)
            for pid, application, locktype, mode, waited, waitstart, query in rows:
                if waitstart is None:  # just began waiting: waitstart is set a moment later
                    continue
                key = (pid, waitstart, f"{locktype} {mode}")
                wait = waits.setdefault(key, Wait(application, f"{locktype} {mode}", query, 0.0))
                wait.seconds = max(wait.seconds, float(waited))
            time.sleep(interval)
        self._report(waits, samples, waiting_samples, interval, time.monotonic() - started)

    def _report(self, waits: dict, samples: int, waiting_samples: int, interval: float, elapsed: float):
        write = self.stdout.write
        write(
            f"lock waits: {samples} samples every {interval:g} s over {elapsed:.1f} s "
            f"(pg_locks not granted, waited = now() - waitstart); {waiting_samples} samples saw a "
            f"session waiting; {len(waits)} waits"
        )
        if not waits:
            write("longest lock wait: none seen")
            return
        longest = max(waits.values(), key=lambda w: w.seconds)
        write(
            f"longest lock wait: {longest.seconds * 1000:.0f} ms ({longest.application}, "
            f"{longest.lock}: {longest.query!r})"
        )
        by_app: dict[str, list[Wait]] = {}
        for wait in waits.values():
            by_app.setdefault(wait.application, []).append(wait)
        for application, its in sorted(by_app.items()):
            write(f"  {application}: {len(its)} waits, longest {max(w.seconds for w in its) * 1000:.0f} ms")
        over = [w for w in waits.values() if w.seconds >= 1]
        write(f"waits of 1 s or more: {len(over)}")
        for wait in sorted(over, key=lambda w: -w.seconds)[:10]:
            write(f"  {wait.seconds:.2f} s {wait.application} {wait.lock}: {wait.query!r}")
