"""Real-browser tests: Playwright for Python driving Debian's headless ``chromium``.

- One Chromium per session (``browser``); a fresh context and page per test (``page``), pointed at
  pytest-django's ``live_server``.
- The demo (``manage.py load_demo``: the International Wire release and the fictional companies,
  through the real importer) is loaded into the test database for each test (``demo``). The
  importer runs once per session; its result is dumped to JSON and each later test reloads that
  with ``loaddata``, so the suite stays fast. ``live_server`` makes these tests transactional: the
  data is committed where the server thread can see it, and flushed after each test.
- A test fails if the page logs a console error, throws, or asks for anything outside the live
  server (the pages must work with no internet). Nothing is ignored.
- The final state of each test is saved as a full-page screenshot under
  ``test-artifacts/browser/<test name>.png`` (git-ignored).

Chromium is never downloaded: ``.ci/run`` installs Debian's ``chromium`` with apt when it is
missing; locally, ``apt-get install -y chromium``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("FOOTPRINT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium calls Google at start-up (and is refused offline).
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
TIMEOUT_MS = 10_000
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


@dataclass
class Problems:
    """What went wrong in the browser during one test: console errors, uncaught exceptions,
    failed or refused requests."""

    items: list[str] = field(default_factory=list)

    def add(self, kind: str, text: str) -> None:
        self.items.append(f"{kind}: {text}")


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. Install Debian's package (apt-get install -y chromium); "
            "never `playwright install`. .ci/run installs it when missing.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop on this thread; Django would then refuse the
    # test's own (synchronous) queries. Nothing async touches the database here.
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture(scope="session")
def demo_dump(tmp_path_factory) -> dict:
    """Where the session's copy of the demo data is kept, once the first test has made it."""
    return {"path": tmp_path_factory.mktemp("demo") / "demo.json", "ready": False}


@pytest.fixture
def demo(live_server, demo_dump, settings):
    """The demo data, committed, for the live server to show. No online map tiles."""
    settings.FOOTPRINT_MAP_TILE_URL = ""
    path = demo_dump["path"]
    if demo_dump["ready"]:
        call_command("loaddata", str(path), verbosity=0)
    else:
        out = StringIO()
        try:
            call_command("load_demo", stdout=out, stderr=out)
        except Exception as error:
            pytest.fail(f"manage.py load_demo failed: {error}\n{out.getvalue()}", pytrace=False)
        call_command("dumpdata", "companies", output=str(path), verbosity=0)
        demo_dump["ready"] = True
    return live_server


@pytest.fixture
def page(browser, demo, request):
    """A page on the live server with the demo loaded. Records console errors, page errors,
    failed requests and any request leaving the live server; ``pytest_runtest_call`` below
    fails the test if there were any. Saves a full-page screenshot of the final state."""
    base_url = demo.url
    problems = Problems()
    context = browser.new_context(
        base_url=base_url, accept_downloads=True, viewport={"width": 1280, "height": 900}, locale="en-US"
    )
    context.set_default_timeout(TIMEOUT_MS)

    def only_live_server(route):
        url = route.request.url
        if url.startswith(base_url + "/") or url == base_url:
            route.continue_()
        else:
            problems.add("external request", url)
            route.abort()

    context.route("**/*", only_live_server)
    page = context.new_page()
    page.on("console", lambda msg: msg.type == "error" and problems.add("console error", _console_text(msg)))
    page.on("pageerror", lambda error: problems.add("page error", str(error)))
    page.on(
        "requestfailed",
        lambda req: (
            req.url.startswith(base_url)
            # a request the browser itself dropped because the page moved on (the favicon
            # fetch of a page left by a click) is no failure of ours
            and "ERR_ABORTED" not in (req.failure or "")
            and problems.add("request failed", f"{req.url} {req.failure}")
        ),
    )
    page.on(
        "response",
        lambda resp: resp.status >= 400 and problems.add("HTTP error", f"{resp.status} {resp.url}"),
    )
    request.node.browser_problems = problems
    yield page
    try:
        page.screenshot(path=str(artifact_path(request, "")), full_page=True)
    finally:
        context.close()


@pytest.fixture
def snapshot(page, request):
    """``snapshot("popup")`` saves the page as it is now, beside the test's final screenshot."""

    def save(label: str) -> None:
        page.screenshot(path=str(artifact_path(request, label)), full_page=True)

    return save


def artifact_path(request, label: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name) + (f"--{label}" if label else "")
    return ARTIFACTS / f"{name}.png"


def _console_text(msg) -> str:
    location = msg.location or {}
    where = location.get("url", "")
    if where:
        where = f" ({where}:{location.get('lineNumber', '?')})"
    return f"{msg.text}{where}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail the test itself (not its teardown) when the browser reported a problem."""
    result = yield
    problems = getattr(item, "browser_problems", None)
    if problems and problems.items:
        raise AssertionError("the browser reported problems:\n  " + "\n  ".join(problems.items))
    return result
