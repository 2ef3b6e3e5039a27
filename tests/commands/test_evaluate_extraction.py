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


# Each of our corpora at the event F1 it scores today (README, "Extraction accuracy on our own
# corpora"): a change to the rules that costs any of them a release fails here, not months later.
# The fitted decision (importer/decision.py) sets aside two events of `releases`, one of `heldout`
# and one of `unseen` that the rules find: a trade measured on real releases, where it sets aside
# more wrong proposals than right ones (README). Refitting it may move these three.
FLOORS = {
    "releases": 0.98, "feeds": 1.0, "heldout": 0.975, "unseen": 0.968, "final": 1.0, "fresh": 1.0,
    "blind": 0.977, "sealed": 0.951,
}  # fmt: skip


@pytest.mark.parametrize(("corpus", "floor"), sorted(FLOORS.items()))
def test_our_corpora_keep_their_scores(corpus, floor):
    lines = evaluate(DATA / corpus, "--fail-under", str(floor))
    assert any(line.startswith("event F1:") for line in lines)


def _corpus(root: Path, name: str, entries: list[dict]) -> tuple[Path, Path]:
    """A shared-corpus style layout: texts in texts/NAME, labels in labels/NAME/labels.json."""
    texts, labels = root / "texts" / name, root / "labels" / name
    texts.mkdir(parents=True)
    labels.mkdir(parents=True)
    (texts / "seed.txt").write_bytes(SEED.read_bytes())
    (labels / "labels.json").write_text(json.dumps(entries))
    return texts, labels.parent


SEED_ENTRY = {
    "file": "seed.txt",
    "company": "International Wire Group",
    "date": "2009-03-24",
    "events": [
        {"type": "idle", "city": "Jewett City", "region": "CT", "country": "US"},
        {"type": "idle", "city": "Littleton", "region": "NH", "country": "US"},
    ],
}


def test_reads_the_shared_corpus_label_list_from_a_labels_root(tmp_path):
    texts, labels_root = _corpus(tmp_path, "real", [SEED_ENTRY])
    lines = evaluate(texts, "--labels-root", str(labels_root), "--fail-under", "1.0")
    assert lines == [
        "real: 1 releases, event F1 1.000 (P 1.000 R 1.000; tp 2 fp 0 fn 0); issuer 1/1 = 1.00; date 1/1 = 1.00"
    ]


def test_held_out_releases_are_scored_apart_and_their_misses_never_listed(tmp_path):
    wrong = {**SEED_ENTRY, "events": [{"type": "close", "city": "Camden", "region": "NY", "country": "US"}]}
    texts, labels_root = _corpus(tmp_path, "real", [wrong])
    holdout = tmp_path / "holdout.txt"
    holdout.write_text("# held out\nreal/seed.txt\n")
    lines = evaluate(texts, "--labels-root", str(labels_root), "--holdout", str(holdout), "--verbose")
    assert not any(line.lstrip().startswith(("miss ", "extra ")) for line in lines)
    assert any(line.startswith("held out (score only): 1 releases, event F1 0.000") for line in lines)
    assert any(line.startswith("development (misses listed with -v): 0 releases") for line in lines)
