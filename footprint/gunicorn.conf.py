"""gunicorn settings for ``make serve`` (``gunicorn -c footprint/gunicorn.conf.py footprint.wsgi``).

Every value can be overridden from the environment, so one file serves a laptop and a host.

- ``gthread`` workers: a thread per request, so a long streamed export (200,000 rows take
  seconds) occupies one thread, not a whole process, and the worker's heartbeat keeps beating
  while it streams; keep-alive works (the sync worker closes every connection).
- ``timeout`` is how long a worker may go silent before the arbiter kills it: with threads
  it no longer bounds a download, so it can stay short enough to catch a stuck worker.
- Each thread holds its own database connection (``CONN_MAX_AGE``): workers × threads is the
  number of PostgreSQL connections one host needs; behind pgbouncer, many hosts share a pool.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
backlog = int(os.environ.get("GUNICORN_BACKLOG", "2048"))
# Recycle workers now and then so a slow leak in any library cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "500"))
# The heartbeat file on tmpfs: a worker on a slow disk is not taken for a dead one.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Import the project once in the arbiter; workers fork with it (less memory, faster restarts).
preload_app = True
pidfile = os.environ.get("GUNICORN_PIDFILE") or None
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None  # "-" for stdout
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# Behind a proxy on the same host, trust its X-Forwarded-* headers (set FORWARDED_ALLOW_IPS).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
