"""fit_confidence: the calibration table fitted from a labelled folder written for the test."""

import json

from django.core.management import call_command

RELEASES = {
    "one.txt": (
        "ERIE, Pa., March 6, 2012 /PRNewswire/ -- Tamarack Industries, Inc. (NYSE: TMK) today "
        "announced it will close its plant in Muncie, Indiana by June 30, 2012."
    ),
    "two.txt": (
        "ERIE, Pa., April 2, 2012 /PRNewswire/ -- Tamarack Industries, Inc. (NYSE: TMK) today "
        "announced it will idle its mill in Rumford, Maine for four weeks."
    ),
}


def _folder(tmp_path, labels):
    folder = tmp_path / "ours"
    folder.mkdir()
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    return folder


def test_fit_confidence_counts_right_and_wrong_proposals(tmp_path, capsys):
    labels = [
        {"file": "one.txt", "company": "Tamarack", "date": "2012-03-06",
         "events": [{"type": "close", "city": "Muncie", "region": "IN", "country": "US"}]},
        # the label disagrees with what the text says: the proposal counts as wrong
        {"file": "two.txt", "company": "Tamarack", "date": "2012-04-02",
         "events": [{"type": "close", "city": "Rumford", "region": "ME", "country": "US"}]},
    ]  # fmt: skip
    out = tmp_path / "confidence.json"
    call_command("fit_confidence", str(_folder(tmp_path, labels)), "--out", str(out))
    payload = json.loads(out.read_text(encoding="utf-8"))
    bins = payload["bins"]["elsewhere"]
    assert sum(b["proposed"] for b in bins) == 2
    assert sum(b["correct"] for b in bins) == 1
    assert "2 proposals, 1 right" in capsys.readouterr().out


def test_fit_confidence_leaves_the_holdout_out(tmp_path):
    labels = [
        {"file": "one.txt", "company": "Tamarack", "date": "2012-03-06",
         "events": [{"type": "close", "city": "Muncie", "region": "IN", "country": "US"}]},
        {"file": "two.txt", "company": "Tamarack", "date": "2012-04-02",
         "events": [{"type": "idle", "city": "Rumford", "region": "ME", "country": "US"}]},
    ]  # fmt: skip
    holdout = tmp_path / "holdout.txt"
    holdout.write_text("ours/two.txt\n", encoding="utf-8")
    out = tmp_path / "confidence.json"
    call_command(
        "fit_confidence", str(_folder(tmp_path, labels)), "--holdout", str(holdout), "--out", str(out)
    )
    bins = json.loads(out.read_text(encoding="utf-8"))["bins"]["elsewhere"]
    assert sum(b["proposed"] for b in bins) == 1
