"""The substring gates in front of regex scans must never change a result."""

from pathlib import Path

import pytest

from companies.importer import claims, clauses, mention_context, spans, text, triggers

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = [
    "The company will close its Dayton, Ohio plant.",
    "Shares rose 3% on the news.",
    "It runs 12 FACILITIES in the State of Mexico.",
    "Die Fabrik in Köln schließt; the ſite is idle.",  # non-ASCII: always the regex
    "The K-line station in the Province of Quebec.",
    "Revenue grew 4 percent online.",
]


def _sentences():
    for path in sorted(DATA.glob("*/*.txt")):
        yield from path.read_text(encoding="utf-8", errors="replace").split(". ")
    yield from SAMPLES


@pytest.mark.parametrize(
    "gated",
    [spans._FACILITY, clauses.ANCHOR_GATED, text._FLS],
    ids=["facility", "anchor", "fls"],
)
def test_gated_search_matches_the_regex(gated):
    for sentence in _sentences():
        expected = gated.rx.search(sentence)
        found = gated.search(sentence)
        assert (found and found.span()) == (expected and expected.span()), sentence


def test_claim_gate_matches_the_regex():
    for sentence in _sentences():
        assert claims._gate(sentence) == bool(claims._GATE.search(sentence)), sentence


def test_false_senses_gate_matches_the_regex():
    for sentence in _sentences():
        expected = [m.span() for m in triggers._FALSE_SENSES.finditer(sentence)]
        assert triggers._false_senses(sentence) == expected, sentence


def test_subdivision_gate_matches_the_regex():
    for sentence in _sentences():
        gated = any(n in sentence for n in spans._SUBDIV_NEEDLES) and bool(
            spans._SUBDIVISION_HINT.search(sentence)
        )
        assert gated == bool(spans._SUBDIVISION_HINT.search(sentence)), sentence


def test_noun_before_gate_matches_the_regex():
    for sentence in _sentences():
        for cut in range(0, len(sentence), 23):
            before = sentence[max(0, cut - 160) : cut]
            plain = (
                mention_context._NOUN_BEFORE.search(before)
                if mention_context._FACILITY.rx.search(before)
                else None
            )
            found = mention_context._noun_before(before)
            assert (found and found.span()) == (plain and plain.span()), before
