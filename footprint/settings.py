"""Settings for Footprint, read from the environment with safe development defaults.

SQLite (a file under the project) is the default so a newcomer needs nothing installed;
set ``DATABASE_URL=postgres://...`` to use PostgreSQL through psycopg 3.
"""

import hashlib
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", True)
# The fallback key is only acceptable for local development; production must set SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me" if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when DEBUG is off")
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "simple_history",
    # django-csp: the Content-Security-Policy header (companies.middleware) and its checks.
    "csp",
    "companies",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below whitenoise, so static files go out without a policy of their own.
    "companies.middleware.ContentSecurityPolicyMiddleware",
    # Outside the admin the site is read-only: anything but GET and HEAD is 405, before CSRF.
    "companies.middleware.ReadOnlyMiddleware",
    # Query-string values without control characters (a NUL is an error on PostgreSQL).
    "companies.middleware.CleanQueryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # FOOTPRINT_REQUIRE_LOGIN=1: analyst pages for logged-in users only (after authentication).
    "companies.middleware.RequireLoginMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Saves made while serving a request (admin forms and actions) record the editor as the
    # history's user; services called outside a request take the user explicitly.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Whole analyst pages for anonymous readers, from the cache shared by the workers
    # (companies/page_cache.py). Last, so every rule above has seen the request first.
    "companies.page_cache.PageCacheMiddleware",
]

ROOT_URLCONF = "footprint.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "footprint.wsgi.application"
ASGI_APPLICATION = "footprint.asgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Readers never wait on an import: WAL lets pages read while one connection writes; a writer
    # takes the write lock when its transaction begins (IMMEDIATE, so it never fails upgrading a
    # read to a write), and waits up to 20 s for another writer instead of "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploaded releases can be large HTML pages or feeds.
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
# A folder of releases is hundreds of files in one upload (Django's default stops at 100).
DATA_UPLOAD_MAX_NUMBER_FILES = int(os.environ.get("DATA_UPLOAD_MAX_NUMBER_FILES", "2000"))

# Background work (large imports from the admin): django-tasks with its database backend, so the
# queue lives in the same database (SQLite or PostgreSQL) and is written in the same transaction
# as the files it imports. The worker is `python manage.py db_worker` (`make run` starts one).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Audit history (django-simple-history, see companies/history.py). It is a record: editors read
# it, and change things through the forms and services, which keep statuses in step; the
# "Revert" button would write past values back without them.
SIMPLE_HISTORY_REVERT_DISABLED = True

# Security behind HTTPS. Development and `make serve` on loopback speak plain HTTP, so all of it is
# off by default; FOOTPRINT_HTTPS=1 turns on what `check --deploy` asks for (README,
# "Production"), and each setting can still be overridden on its own by its Django name.
FOOTPRINT_HTTPS = env_bool("FOOTPRINT_HTTPS", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", FOOTPRINT_HTTPS)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 365 * 24 * 3600 if FOOTPRINT_HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", FOOTPRINT_HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", FOOTPRINT_HTTPS)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", FOOTPRINT_HTTPS)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", FOOTPRINT_HTTPS)
# Behind a proxy that ends TLS, "HTTP_X_FORWARDED_PROTO,https" (the header as Django names it,
# and the value that means HTTPS). Opt-in only: trusting it when no proxy sets and strips it
# would let any client claim HTTPS.
_proxy_ssl_header = os.environ.get("SECURE_PROXY_SSL_HEADER", "").strip()
if _proxy_ssl_header:
    _name, _, _value = _proxy_ssl_header.partition(",")
    if not _name.strip() or not _value.strip():
        raise RuntimeError(
            'SECURE_PROXY_SSL_HEADER must be "HEADER,VALUE", e.g. "HTTP_X_FORWARDED_PROTO,https"'
        )
    SECURE_PROXY_SSL_HEADER = (_name.strip(), _value.strip())
# Neither cookie is read by a script (the admin and review.js post the form's token).
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# The only login is the admin's; FOOTPRINT_REQUIRE_LOGIN sends anonymous analysts there.
LOGIN_URL = "admin:login"
FOOTPRINT_REQUIRE_LOGIN = env_bool("FOOTPRINT_REQUIRE_LOGIN", False)

# Where the compact gazetteer index built from the GeoNames package is cached.
FOOTPRINT_CACHE_DIR = Path(os.environ.get("FOOTPRINT_CACHE_DIR", BASE_DIR / "var" / "cache"))


def _cache(value: str) -> dict:
    """``CACHES["default"]`` from ``FOOTPRINT_CACHE`` (README, "Scaling past one machine")."""
    scheme, _, rest = value.partition("://")
    if value in ("", "file") or scheme == "file":
        location = rest or str(FOOTPRINT_CACHE_DIR / "django")
        # Each set lists the directory to cull it, and a page is 50-200 KB: a few thousand files.
        options = {"MAX_ENTRIES": int(os.environ.get("FOOTPRINT_CACHE_MAX_ENTRIES", "2000"))}
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": location,
            "OPTIONS": options,
        }
    if value == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if value == "none":  # nothing kept: every request pays its cold path (for measuring it)
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if value == "db":  # `manage.py createcachetable` first
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "footprint_cache"}
    if scheme in ("redis", "rediss"):  # pip install redis
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": value}
    if scheme == "memcached":  # pip install pymemcache; memcached://host:11211,host2:11211
        return {
            "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
            "LOCATION": rest.split(","),
        }
    raise RuntimeError(
        f"FOOTPRINT_CACHE: unknown cache {value!r} (file, locmem, db, none, redis://, memcached://)"
    )


# Django's cache, shared by every worker of a host (companies/cached.py, paging.remember and the
# page cache, companies/page_cache.py), so one worker's cold path serves them all and a change
# made in one is seen by all at once. By default files under FOOTPRINT_CACHE_DIR/django: nothing
# to install. FOOTPRINT_CACHE=file:///path, db (a table), locmem (per process; the tests'), none,
# redis://host:6379/0 or memcached://host:11211 (shared by several hosts). Keys are prefixed with
# the database they were read from, so servers on different databases never share an answer.
_db = DATABASES["default"]
CACHES = {
    "default": {
        **_cache(os.environ.get("FOOTPRINT_CACHE", "").strip()),
        "KEY_PREFIX": os.environ.get("FOOTPRINT_CACHE_PREFIX")
        or hashlib.sha256(
            f"{_db['ENGINE']}|{_db.get('HOST')}|{_db.get('PORT')}|{_db['NAME']}".encode()
        ).hexdigest()[:12],
    }
}
# How long an anonymous reader's analyst page is kept (0: never); a status change forgets it at once.
FOOTPRINT_PAGE_CACHE_SECONDS = int(os.environ.get("FOOTPRINT_PAGE_CACHE_SECONDS", "60"))

# An online tile layer for maps is opt-in; the default map draws shipped outlines only.
FOOTPRINT_MAP_TILE_URL = os.environ.get("FOOTPRINT_MAP_TILE_URL", "")


def _tile_origin(url: str) -> str:
    """The CSP source of a tile URL template: https://{s}.tile.example.org/{z}/{x}/{y}.png ->
    https://*.tile.example.org."""
    scheme, _, rest = url.partition("://")
    host = rest.split("/", 1)[0]
    return f"{scheme}://" + ".".join("*" if part.startswith("{") else part for part in host.split("."))


# Content-Security-Policy (django-csp, sent by companies.middleware). Everything comes from this
# site: the pages' scripts are static files (Leaflet is vendored), the maps fetch their GeoJSON
# from here and draw the shipped outlines. No inline script runs; should one be needed, it carries
# nonce="{{ request.csp_nonce }}". Inline styles are refused too (charts colour SVG with
# presentation attributes); the admin alone allows them, see FOOTPRINT_ADMIN_CSP_UPDATE.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [
            SELF,
            "data:",
            *([_tile_origin(FOOTPRINT_MAP_TILE_URL)] if FOOTPRINT_MAP_TILE_URL else []),
        ],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Added to the policy on the admin's pages only: Django 5.2's admin templates and
# django-simple-history's write style attributes and a <style> block (Django 6.0 is the first
# admin built for a strict policy), as do our own admin widgets. Styles only; never scripts.
FOOTPRINT_ADMIN_CSP_UPDATE = {"style-src": [UNSAFE_INLINE]}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
