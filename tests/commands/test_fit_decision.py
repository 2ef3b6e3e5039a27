"""fit_decision: the keep-or-set-aside model fitted from labelled folders written for the test."""

import json

import pytest
from django.core.management import CommandError, call_command

from companies.importer import decision

pytest.importorskip("sklearn")  # a development dependency; make test installs it

TOWNS = [("Muncie", "Indiana", "IN"), ("Rumford", "Maine", "ME"), ("Dayton", "Ohio", "OH"),
         ("Akron", "Ohio", "OH"), ("Erie", "Pennsylvania", "PA"), ("Bangor", "Maine", "ME"),
         ("Peoria", "Illinois", "IL"), ("Joliet", "Illinois", "IL"), ("Macon", "Georgia", "GA"),
         ("Albany", "Georgia", "GA")]  # fmt: skip


def _folder(tmp_path, *, wrong_every: int | None):
    """Ten releases, each closing one plant; every ``wrong_every``-th label names another town,
    so its proposal counts as wrong."""
    folder = tmp_path / "ours"
    folder.mkdir()
    labels = []
    for i, (town, state, code) in enumerate(TOWNS):
        name = f"{i:02}.txt"
        (folder / name).write_text(
            f"Tamarack to close {town} plant\n\nCHICAGO, March {i + 2}, 2012 /PRNewswire/ -- Tamarack "
            f"Industries, Inc. (NYSE: TMK) today announced it will close its plant in {town}, {state}.",
            encoding="utf-8",
        )
        other = TOWNS[(i + 1) % len(TOWNS)]
        city, region = (other[0], other[2]) if wrong_every and i % wrong_every == 0 else (town, code)
        labels.append(
            {"file": name, "company": "Tamarack", "date": f"2012-03-{i + 2:02}",
             "events": [{"type": "close", "city": city, "region": region, "country": "US"}]}
        )  # fmt: skip
    (folder / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    return folder


def test_the_model_names_every_feature_and_is_the_same_fitted_twice(tmp_path):
    folder = _folder(tmp_path, wrong_every=3)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    call_command("fit_decision", str(folder), "--out", str(first), "--folds", "3")
    call_command("fit_decision", str(folder), "--out", str(second), "--folds", "3")
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
    assert a["features"] == list(decision.FEATURES) and set(a["weights"]) == set(decision.FEATURES)
    assert (a["weights"], a["intercept"], a["threshold"]) == (b["weights"], b["intercept"], b["threshold"])
    assert (a["examples"], a["right"], a["labelled_events"]) == (10, 6, 10)
    assert [row["threshold"] for row in a["out_of_fold"]][:2] == [0.0, 0.05]


def test_releases_alike_give_no_threshold_worth_using(tmp_path):
    # right and wrong proposals look the same to the model: nothing may be set aside
    out = tmp_path / "decision.json"
    call_command("fit_decision", str(_folder(tmp_path, wrong_every=3)), "--out", str(out), "--folds", "3")
    assert json.loads(out.read_text(encoding="utf-8"))["threshold"] == 0.0


def test_held_out_releases_are_left_out_of_the_fit(tmp_path):
    folder = _folder(tmp_path, wrong_every=3)
    holdout = tmp_path / "holdout.txt"
    holdout.write_text("ours/00.txt\nours/01.txt\n", encoding="utf-8")
    out = tmp_path / "decision.json"
    call_command("fit_decision", str(folder), "--out", str(out), "--folds", "3", "--holdout", str(holdout))
    assert json.loads(out.read_text(encoding="utf-8"))["examples"] == 8


def test_all_right_proposals_leave_nothing_to_fit(tmp_path):
    with pytest.raises(CommandError, match="nothing to fit"):
        call_command(
            "fit_decision", str(_folder(tmp_path, wrong_every=None)), "--out", str(tmp_path / "d.json")
        )


def test_our_own_corpora_weigh_less_and_never_choose_the_threshold(tmp_path):
    # one of our corpora (labels keyed by file) beside a real one (a label list)
    real = _folder(tmp_path, wrong_every=3)
    ours = tmp_path / "ours-format"
    ours.mkdir()
    text = (
        "Tamarack to close Erie plant\n\nCHICAGO, March 2, 2012 /PRNewswire/ -- Tamarack Industries, Inc. "
        "(NYSE: TMK) today announced it will close its plant in Erie, Pennsylvania."
    )
    (ours / "a.txt").write_text(text, encoding="utf-8")
    (ours / "labels.json").write_text(json.dumps({"a.txt": {"events": []}}), encoding="utf-8")
    out = tmp_path / "decision.json"
    call_command(
        "fit_decision", str(ours), str(real), "--out", str(out), "--folds", "3", "--ours-weight", "0.1"
    )
    payload = json.loads(out.read_text(encoding="utf-8"))
    # our release's proposal is an example (wrong: its labels name no event), weighted 0.1
    assert payload["ours_weight"] == 0.1 and (payload["examples"], payload["right"]) == (11, 6)
    # the threshold table is the real releases' own: at 0 it keeps their 10 proposals, 6 right
    assert payload["out_of_fold"][0]["precision"] == 0.6
