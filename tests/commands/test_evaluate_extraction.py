"""evaluate_extraction on a small labelled folder (no database)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

DEMO = Path(__file__).resolve().parents[2] / "companies" / "demo"
SEED = next(
    p
    for p in (
        DEMO / "releases" / "international-wire-2009-03-24.txt",
        DEMO / "international-wire-2009-03-24.txt",
    )
    if p.exists()
)
SEED_LABEL = {
    "company": "International Wire Group, Inc.",
    "published": "2009-03-24",
    "events": [
        {"type": "idled", "locality": "Jewett City", "region": "US-CT", "country": "US"},
        {"type": "idled", "locality": "Littleton", "region": "US-NH", "country": "US"},
    ],
}


def evaluate(folder: Path, *args: str) -> list[str]:
    out = StringIO()
    call_command("evaluate_extraction", str(folder), *args, stdout=out)
    return out.getvalue().splitlines()


def test_perfect_score_on_the_seed(tmp_path):
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "labels.json").write_text(json.dumps({"seed.txt": SEED_LABEL}))
    lines = evaluate(tmp_path, "--fail-under", "1.0")
    assert "event F1: 1.000" in lines
    assert "company-name accuracy: 1.000 (1/1)" in lines
    assert "publication-date accuracy: 1.000 (1/1)" in lines


def test_wrong_label_shows_in_verbose_output_and_fails_threshold(tmp_path):
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    label = {
        **SEED_LABEL,
        "events": [{"type": "closed", "locality": "Jewett City", "region": "US-CT", "country": "US"}],
    }
    labels = tmp_path / "gold.json"
    labels.write_text(json.dumps({"seed.txt": label}))
    lines = evaluate(tmp_path, "--labels", str(labels), "--verbose")
    assert "event precision: 0.000" in lines
    assert "false negative: seed.txt: (closed, jewett city, US-CT, US)" in lines
    assert any(line.startswith("false positive: seed.txt: (idled, littleton, US-NH, US)") for line in lines)
    with pytest.raises(CommandError, match="below"):
        evaluate(tmp_path, "--labels", str(labels), "--fail-under", "0.5")


def test_missing_labels_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="labels"):
        evaluate(tmp_path)


DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("corpus", ["releases", "feeds"])
def test_development_corpus_stays_above_the_target(corpus):
    # The target is F1 >= 0.95 on our own corpus; this pins it against regressions.
    lines = evaluate(DATA / corpus, "--fail-under", "0.95")
    assert any(line.startswith("event F1:") for line in lines)
