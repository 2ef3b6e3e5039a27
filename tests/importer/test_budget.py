"""The budget per release: its size when read (FOOTPRINT_MAX_RELEASE_BYTES) and its time when
extracted (FOOTPRINT_MAX_RELEASE_SECONDS), and work that grows linearly with the text, counted
rather than timed so the tests hold on any machine."""

from __future__ import annotations

import random

import pytest

from companies.importer import budget, events
from companies.importer import extract as extract_module
from companies.importer.budget import Deadline
from companies.importer.extract import READ_LIMIT, extract
from companies.importer.inputs import InputError, read_bytes
from companies.importer.text import MAX_SENTENCE

# release-like words without a single sentence end: the shape that once made extraction
# quadratic (every event word searched back over the whole "sentence")
WORDS = [
    "the",
    "company",
    "will",
    "close",
    "its",
    "plant",
    "in",
    "Dayton",
    "and",
    "idle",
    "the",
    "mill",
    "it",
    "sold",
    "near",
    "Erie",
]


def without_full_stops(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(size // 4))[:size]


# --- size ----------------------------------------------------------------------------------


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.delenv(budget.MAX_RELEASE_BYTES_ENV, raising=False)
    monkeypatch.delenv(budget.MAX_RELEASE_SECONDS_ENV, raising=False)
    assert budget.max_release_bytes() == budget.DEFAULT_MAX_RELEASE_BYTES == 1024 * 1024
    assert budget.max_release_seconds() == budget.DEFAULT_MAX_RELEASE_SECONDS
    monkeypatch.setenv(budget.MAX_RELEASE_BYTES_ENV, "4096")
    monkeypatch.setenv(budget.MAX_RELEASE_SECONDS_ENV, "2.5")
    assert (budget.max_release_bytes(), budget.max_release_seconds()) == (4096, 2.5)
    for bad in ("lots", "-1", "0"):  # a typo keeps the default rather than stopping imports
        monkeypatch.setenv(budget.MAX_RELEASE_BYTES_ENV, bad)
        assert budget.max_release_bytes() == budget.DEFAULT_MAX_RELEASE_BYTES


def test_a_text_file_over_the_limit_is_refused_with_the_limit_in_the_message(monkeypatch):
    monkeypatch.delenv(budget.MAX_RELEASE_BYTES_ENV, raising=False)
    data = without_full_stops(1_200_000).encode()
    with pytest.raises(InputError) as refused:
        read_bytes(data, "huge.txt")
    assert str(refused.value) == (
        "the release is too long: 1.1 MB of text, where one release may have 1.0 MB "
        "(FOOTPRINT_MAX_RELEASE_BYTES); check that the file is one press release"
    )


def test_the_limit_counts_text_not_markup(monkeypatch):
    monkeypatch.setenv(budget.MAX_RELEASE_BYTES_ENV, "4096")
    page = "<html><body>" + '<div class="x"><span></span></div>' * 500 + "<p>Short release.</p></body></html>"
    assert len(page) > 4096
    (document,) = read_bytes(page.encode(), "page.html")
    assert document.text == "Short release."
    with pytest.raises(InputError, match="too long: 5 KB of text, where one release may have 4 KB"):
        read_bytes(f"<html><body><p>{without_full_stops(5000)}</p></body></html>".encode(), "long.html")


def test_a_feed_names_the_entry_over_the_limit(monkeypatch):
    monkeypatch.setenv(budget.MAX_RELEASE_BYTES_ENV, "4096")
    items = "".join(
        f"<item><title>t{n}</title><description>{text}</description></item>"
        for n, text in enumerate(["Short.", without_full_stops(6000)], start=1)
    )
    with pytest.raises(InputError, match=r"^feed\.rss#2: the release is too long"):
        read_bytes(f"<rss><channel>{items}</channel></rss>".encode(), "feed.rss")


# --- time ----------------------------------------------------------------------------------


class Steps:
    """A clock that advances one second each time it is read."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1
        return self.now


RELEASE = (
    "Acme Corp. to Close Two Plants\n\n"
    "DAYTON, Ohio, May 2, 2024 /PRNewswire/ -- Acme Corp. (NYSE: ACM) today announced that it "
    "will close its plant in Erie, Pennsylvania. " + "The company makes widgets for builders. " * 30 + "\n\n"
    "Acme will also close its plant in Dayton, Ohio, by the end of the year."
)


def test_reading_stops_when_the_time_runs_out_and_says_where():
    full = extract(RELEASE)
    assert {e.place.locality for e in full.events} == {"Erie", "Dayton"}
    cut = extract(RELEASE, deadline=Deadline(5, clock=Steps()))
    assert [e.place.locality for e in cut.events] == ["Erie"]  # what was found before stays
    (warning,) = [w for w in cut.warnings if w.startswith("Reading stopped")]
    assert "longer than the 5 s one release may take (FOOTPRINT_MAX_RELEASE_SECONDS)" in warning
    at = int(warning.split("at character ")[1].split(" ")[0].replace(",", ""))
    assert 0 < at < cut.body.index("Acme will also close")


def test_within_a_budget_nothing_is_said():
    assert not [w for w in extract(RELEASE).warnings if w.startswith("Reading stopped")]


def test_the_deadline_checks_before_each_item():
    deadline = Deadline(3, clock=Steps())  # started at 1; 2, 3 and 4 are within 3 s of it
    assert list(deadline.within(range(10))) == [0, 1, 2]
    assert deadline.stopped_at == 3
    assert list(deadline.within(range(10))) == [] and deadline.stopped_at == 3  # the first stop


# --- linear work, counted ------------------------------------------------------------------


def _work(text: str) -> tuple[int, int, int]:
    """(sentences read for events, characters in them, modality checks) for one extraction."""
    fed: list[int] = []
    moods = [0]
    feed, modality = events.EventFinder.feed, events.modality

    def counting_feed(self, s):
        fed.append(len(s.text))
        return feed(self, s)

    def counting_modality(*args, **kwargs):
        moods[0] += 1
        return modality(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(events.EventFinder, "feed", counting_feed)
        patch.setattr(events, "modality", counting_modality)
        extract(text)
    assert max(fed, default=0) <= MAX_SENTENCE  # the work per sentence is bounded ...
    return len(fed), sum(fed), moods[0]


def test_work_grows_linearly_on_text_without_sentence_ends():
    small = _work(without_full_stops(8_000))
    double = _work(without_full_stops(16_000))
    quadruple = _work(without_full_stops(32_000))
    for n, base in zip(double, small, strict=True):
        assert 1.7 * base <= n <= 2.3 * base  # ... and the number of sentences is linear
    for n, base in zip(quadruple, small, strict=True):
        assert 3.4 * base <= n <= 4.6 * base


def test_work_stops_growing_past_the_read_limit(monkeypatch):
    limit = READ_LIMIT // 5  # the same rule at a fifth of the size, to keep the test quick
    monkeypatch.setattr(extract_module, "READ_LIMIT", limit)
    at_limit = _work(without_full_stops(limit))
    far_past = _work(without_full_stops(8 * limit))
    assert far_past[0] <= at_limit[0] + 1
    assert far_past[1] <= limit + MAX_SENTENCE  # the last sentence read starts before it
