"""benchmark_extraction: a tiny run prints its figures and leaves the database as it was."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from companies.management.commands import benchmark_extraction
from companies.models import Release
from companies.models.release import content_hash

DEMO = Path(__file__).resolve().parents[2] / "companies" / "demo"
SEED = next(
    p
    for p in (
        DEMO / "releases" / "international-wire-2009-03-24.txt",
        DEMO / "international-wire-2009-03-24.txt",
    )
    if p.exists()
)


def test_pad_reaches_the_size_with_boilerplate():
    padded = benchmark_extraction.pad("Short release.", 4096)
    assert len(padded.encode()) >= 4096
    assert padded.startswith("Short release.")


def test_synthetic_releases_are_distinct():
    corpus = [benchmark_extraction.Sample(SEED.read_text(), None, None)]
    documents = benchmark_extraction.Command().synthetic(corpus, 40)
    assert len({content_hash(d.text) for d in documents}) == 40
    # The company is renamed and the year shifted, so imports create new records, not duplicates.
    assert "Ashford Northwind International Wire Group, Inc." in documents[1].text
    assert "CAMDEN, N.Y., Mar 24, 2008 (BUSINESS WIRE)" in documents[1].text


@pytest.mark.django_db
def test_small_run_rolls_back(tmp_path, monkeypatch):
    # Pinning would pin the whole test process to one CPU.
    monkeypatch.setattr(benchmark_extraction, "_pin_to_one_core", lambda: "not pinned (test)")
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    out = StringIO()
    call_command(
        "benchmark_extraction",
        "--corpus",
        str(tmp_path),
        "-n",
        "3",
        "--import",
        "2",
        "--skip-gazetteer",
        stdout=out,
    )
    lines = out.getvalue().splitlines()
    assert all(re.match(r"^[\w ()/,.-]+: .+", line) for line in lines), lines
    assert any(line.startswith("extraction throughput (wall clock): ") for line in lines)
    assert "import results: 2 imported" in lines
    assert any("rolled back" in line for line in lines)
    assert Release.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_background_timing_stores_queues_and_runs_the_worker(monkeypatch):
    from django.test import override_settings

    from companies.models import ImportBatch
    from companies.services import import_batches

    monkeypatch.setattr(import_batches, "IMPORT_AT_ONCE_MAX", 2)
    corpus = [benchmark_extraction.Sample(SEED.read_text(), None, None)]
    command = benchmark_extraction.Command(stdout=StringIO())
    documents = command.synthetic(corpus, 3)
    queue = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with override_settings(TASKS=queue):
        command._time_background(documents)
    out = command.stdout.getvalue()
    assert "request: store and queue 3 releases" in out and "background import state: done" in out
    assert ImportBatch.objects.get().state == "done" and Release.objects.count() == 3
