"""WSGI entry point (gunicorn footprint.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footprint.settings")
application = get_wsgi_application()
