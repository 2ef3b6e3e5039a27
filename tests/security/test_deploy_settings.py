"""Security settings from the environment (footprint/settings.py): the production environment the
README documents passes ``check --deploy --fail-level WARNING``, and without it development
behaves as before. Settings are read when Django starts, so each case is a fresh process with
its own environment."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What each process inherits from this one: nothing the settings read, nor what the test session
# sets for itself (the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE fails the deploy check).
INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
SHOW = """
import json, django
django.setup()
from django.conf import settings
names = json.loads(input())
print(json.dumps({name: getattr(settings, name, None) for name in names}, default=str))
"""


def documented_environment() -> dict[str, str]:
    """The ``NAME=value`` lines of the README's "Production" section; a ``<placeholder>`` secret
    key becomes a fresh random one."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Production\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    env = dict(line.split("=", 1) for line in block.splitlines() if line.strip())
    if env.get("SECRET_KEY", "").startswith("<"):
        env["SECRET_KEY"] = secrets.token_urlsafe(50)
    assert not [value for value in env.values() if value.startswith("<")], env
    return env


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess:
    base = {name: os.environ[name] for name in INHERITED if name in os.environ}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**base, **env, "DJANGO_SETTINGS_MODULE": "footprint.settings"},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def check_deploy(env: dict[str, str]) -> subprocess.CompletedProcess:
    return run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)


def settings_of(env: dict[str, str], *names: str) -> dict:
    done = run(["-c", SHOW], env, stdin=json.dumps(names))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_documented_production_environment_passes_check_deploy():
    env = documented_environment()
    assert {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "FOOTPRINT_HTTPS"} <= set(env)
    done = check_deploy(env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout
    assert "WARNING" not in done.stdout + done.stderr


def test_without_https_the_check_names_what_is_missing():
    env = documented_environment()
    del env["FOOTPRINT_HTTPS"]
    done = check_deploy(env)
    assert done.returncode != 0
    for warning in ("W004", "W008", "W012", "W016"):
        assert f"security.{warning}" in done.stderr + done.stdout


def test_development_defaults_are_unchanged():
    values = settings_of(
        {},
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_PROXY_SSL_HEADER",
        "FOOTPRINT_REQUIRE_LOGIN",
    )
    assert values == {
        "DEBUG": True,
        "SECURE_SSL_REDIRECT": False,
        "SECURE_HSTS_SECONDS": 0,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
        "SECURE_PROXY_SSL_HEADER": None,
        "FOOTPRINT_REQUIRE_LOGIN": False,
    }


def test_https_settings_follow_the_switch_and_each_can_be_overridden():
    names = ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_SECURE")
    assert settings_of({"FOOTPRINT_HTTPS": "1"}, *names) == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_PRELOAD": True,
        "SESSION_COOKIE_SECURE": True,
    }
    overridden = {"FOOTPRINT_HTTPS": "1", "SECURE_HSTS_SECONDS": "300", "SECURE_HSTS_PRELOAD": "0"}
    assert settings_of(overridden, *names) == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 300,
        "SECURE_HSTS_PRELOAD": False,
        "SESSION_COOKIE_SECURE": True,
    }


def test_the_proxy_header_is_opt_in_and_checked():
    proxied = {"SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https"}
    assert settings_of(proxied, "SECURE_PROXY_SSL_HEADER") == {
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"]
    }
    done = run(["manage.py", "check"], {"SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto"})
    assert done.returncode != 0 and 'SECURE_PROXY_SSL_HEADER must be "HEADER,VALUE"' in done.stderr


def test_a_secret_key_is_required_when_debug_is_off():
    done = run(["manage.py", "check"], {"DEBUG": "0"})
    assert done.returncode != 0 and "SECRET_KEY must be set" in done.stderr


@pytest.mark.parametrize(
    ("tiles", "source"),
    [
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("https://tiles.example.net/osm/{z}/{x}/{y}.png", "https://tiles.example.net"),
    ],
)
def test_an_online_tile_layer_is_allowed_its_images(tiles, source):
    policy = settings_of({"FOOTPRINT_MAP_TILE_URL": tiles}, "CONTENT_SECURITY_POLICY")
    assert source in policy["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]


def test_require_login_is_read_from_the_environment():
    assert settings_of({"FOOTPRINT_REQUIRE_LOGIN": "1"}, "FOOTPRINT_REQUIRE_LOGIN") == {
        "FOOTPRINT_REQUIRE_LOGIN": True
    }
