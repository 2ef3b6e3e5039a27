"""How much one release may cost: its size when read, its time when extracted.

A press release is a few pages (the longest real ones are about 30,000 characters). A file far
past that is something else (a log, a dump, a hostile upload), and reading it in full would
only hold a web worker and, on SQLite, the write lock. So:

* ``FOOTPRINT_MAX_RELEASE_BYTES`` (default 1 MiB): the most text, in UTF-8 bytes after the
  markup is gone, that one release may have. ``inputs.read_bytes`` refuses a file whose release
  is longer with a message naming the limit, before the extractor sees it.
* ``FOOTPRINT_MAX_RELEASE_SECONDS`` (default 10): the time extraction may spend reading one
  release's sentences for events. It is checked between sentences; when it runs out the
  proposal keeps what was found so far and says where reading stopped.

Both are read from the environment when used (as the gazetteer reads ``FOOTPRINT_CACHE_DIR``),
so the importer stays free of Django and a command, the web process and the worker agree.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

MAX_RELEASE_BYTES_ENV = "FOOTPRINT_MAX_RELEASE_BYTES"
MAX_RELEASE_SECONDS_ENV = "FOOTPRINT_MAX_RELEASE_SECONDS"
DEFAULT_MAX_RELEASE_BYTES = 1024 * 1024
DEFAULT_MAX_RELEASE_SECONDS = 10.0

T = TypeVar("T")


def _setting(name: str, default: float, kind: type) -> float:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = kind(value)
    except ValueError:
        return default  # a typo in the environment must not stop imports; the default holds
    return number if number > 0 else default


def max_release_bytes() -> int:
    return int(_setting(MAX_RELEASE_BYTES_ENV, DEFAULT_MAX_RELEASE_BYTES, int))


def max_release_seconds() -> float:
    return float(_setting(MAX_RELEASE_SECONDS_ENV, DEFAULT_MAX_RELEASE_SECONDS, float))


def size(n: int) -> str:
    """ "19.5 MB", "812 KB", "96 bytes": sizes as the editor reads them."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def over_size(text: str, limit: int | None = None) -> str | None:
    """Why ``text`` is too long to be one release, or None when it is not."""
    limit = max_release_bytes() if limit is None else limit
    if len(text) <= limit // 4:  # a character is at most four bytes: no need to encode
        return None
    length = len(text.encode("utf-8", errors="replace"))
    if length <= limit:
        return None
    return (
        f"the release is too long: {size(length)} of text, where one release may have "
        f"{size(limit)} (FOOTPRINT_MAX_RELEASE_BYTES); check that the file is one press release"
    )


class Deadline:
    """A time budget: ``expired`` once ``seconds`` have passed since it was made.

    ``clock`` is injectable so tests count steps instead of measuring time.
    """

    def __init__(self, seconds: float | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = max_release_seconds() if seconds is None else seconds
        self.clock = clock
        self.started = clock()
        self.stopped_at: object | None = None  # the item reading stopped before, once it has

    def expired(self) -> bool:
        return self.clock() - self.started > self.seconds

    def within(self, items: Iterable[T]) -> Iterator[T]:
        """The items, until the time runs out (checked before each one)."""
        for item in items:
            if self.expired():
                if self.stopped_at is None:  # where reading first stopped, whatever read next
                    self.stopped_at = item
                return
            yield item
